"""Cursor pagination of GET /api/reports: walking by next_cursor equals walking by page."""

import pytest

import nlp
from service import create_app, store

AGENCIES = ["Polres Malang", "Kodim Demak", "BPBD Bengkulu", "Polsek Kepanjen"]
PLACES = ["Kecamatan Kepanjen", "Kabupaten Demak", "Kota Surabaya", "Bengkulu", "Kabupaten Malang"]
WORDS = ["patroli malam", "sosialisasi bahaya banjir", "bantuan sembako", "patroli banjir"]
MONTHS = ["Januari", "Maret", "Juli"]


def text_of(i: int) -> str:
    """Invented reports with repeated dates (ties), missing dates and counts, shared words."""
    when = "" if i % 5 == 0 else f" pada {1 + i % 3} {MONTHS[i % 3]} {2018 + i % 4}"
    count = "" if i % 4 == 0 else f" dengan {10 + i % 7} orang"
    words = WORDS[i % 4] + (" patroli" * (i % 3))
    if i % 3 == 0:
        words += f" bersama {AGENCIES[(i + 1) % 4]}"
    return (
        f"Kegiatan {i}\n{AGENCIES[i % 4]} melaksanakan {words} di {PLACES[(i // 2) % 5]}"
        f"{when}{count}."
    )


def add(app, numbers):
    db = store.connect(app.config["DATABASE"])
    records = []
    for i in numbers:
        text = text_of(i)
        extraction = nlp.extract(text).to_json()
        records.append(
            {
                "sha256": f"{i:064x}",
                "file_name": f"k-{i}.txt",
                "media_type": "text/plain",
                "status": "ok",
                "title": text.splitlines()[0],
                "text": text,
                "extraction": extraction,
            }
        )
    store.insert_many(db, records)
    db.conn.close()


def make_app(path):
    return create_app({"TESTING": True, "DATA_DIR": str(path)})


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    app = make_app(tmp_path_factory.mktemp("d"))
    add(app, range(53))
    return app.test_client()


def get(client, params):
    r = client.get("/api/reports", query_string=params)
    assert r.status_code == 200, r.json
    return r.json


def walk_pages(client, params, per_page):
    ids, page = [], 1
    while True:
        body = get(client, {**params, "per_page": per_page, "page": page})
        ids += [row["id"] for row in body["results"]]
        if not body["next"]:
            return ids, body["total"]
        page += 1


def walk_cursor(client, params, per_page):
    ids, cursor, seen = [], None, 0
    while True:
        query = {**params, "per_page": per_page, **({"cursor": cursor} if cursor else {})}
        body = get(client, query)
        ids += [row["id"] for row in body["results"]]
        if cursor:
            assert body["page"] is None
        cursor = body["next_cursor"]
        if not cursor:
            assert body["next"] is None
            return ids, body["total"]
        if "cursor" in query:
            assert "cursor=" in body["next"]
        seen += 1
        assert seen < 100


SORTS = ["uploaded", "-uploaded", "event_date", "-event_date", "relevance"]
FILTERS = [
    {},
    {"q": "patroli"},
    {"q": "banjir", "place": "Jawa Timur"},
    {"agency": "Polres Malang"},
    {"date_from": "2019", "date_to": "2020-07"},
    {"q": "sembako", "min_participants": 12},
]


@pytest.mark.parametrize("sort", SORTS)
@pytest.mark.parametrize("filters", FILTERS)
@pytest.mark.parametrize("per_page", [1, 7, 100])
def test_cursor_walk_equals_page_walk(client, sort, filters, per_page):
    params = {**filters, "sort": sort}
    by_page, total = walk_pages(client, params, per_page)
    by_cursor, total_again = walk_cursor(client, params, per_page)
    assert by_cursor == by_page
    assert len(by_page) == len(set(by_page)) == total == total_again


def test_first_page_carries_a_cursor_and_the_last_none(client):
    body = get(client, {"per_page": 100})
    assert body["total"] == 53 and body["next_cursor"] is None and body["next"] is None
    body = get(client, {"per_page": 10})
    assert body["page"] == 1 and isinstance(body["next_cursor"], str)


@pytest.mark.parametrize("sort", ["uploaded", "-uploaded", "event_date"])
def test_reports_added_during_a_cursor_walk_shift_nothing(tmp_path, sort):
    """A page offset repeats results when reports arrive; a cursor continues after its key."""
    app = make_app(tmp_path)
    add(app, range(20))
    client = app.test_client()
    first = get(client, {"sort": sort, "per_page": 10})
    add(app, range(20, 30))
    rest, _ = walk_cursor(client, {"sort": sort, "cursor": first["next_cursor"]}, 10)
    everything, _ = walk_pages(client, {"sort": sort}, 100)
    seen = [row["id"] for row in first["results"]] + rest
    assert len(seen) == len(set(seen))
    position = everything.index(seen[9])
    assert rest == everything[position + 1 :]


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"cursor": "!!!"}, "cursor is not valid"),
        ({"cursor": "e30"}, "cursor is not valid"),  # base64 of {}
        ({"cursor": "WyJ1cGxvYWRlZCIsInNhdHUiXQ", "sort": "uploaded"}, "not valid"),  # id "satu"
        ({"cursor": "WyJ1cGxvYWRlZCIsM10", "sort": "event_date"}, "made for sort uploaded"),
        ({"cursor": "WyJ1cGxvYWRlZCIsM10", "sort": "uploaded", "page": 2}, "not both"),
    ],
)
def test_bad_cursor_is_a_400_in_the_error_shape(client, params, message):
    r = client.get("/api/reports", query_string=params)
    assert r.status_code == 400
    assert set(r.json) == {"ok", "error", "status"}
    assert r.json["ok"] is False and r.json["status"] == 400 and message in r.json["error"]


def test_cursor_round_trips_every_sort_key():
    for sort, key in (
        ("uploaded", [3]),
        ("event_date", [None, 4]),
        ("-event_date", ["2021-03-12", 9]),
        ("relevance", [0, -1.2345678901234567e-06, 8]),
    ):
        assert store.decode_cursor(store.encode_cursor(sort, key), sort) == key


def test_cursor_answers_match_the_openapi_spec(client):
    from test_api_openapi import check

    spec = client.get("/api/openapi.json").json
    first = client.get("/api/reports", query_string={"per_page": 5})
    check(spec, "/api/reports", "get", first)
    cursor = {"per_page": 5, "cursor": first.json["next_cursor"]}
    check(spec, "/api/reports", "get", client.get("/api/reports", query_string=cursor))
    check(spec, "/api/reports", "get", client.get("/api/reports", query_string={"cursor": "x"}))
    names = {p["name"] for p in spec["paths"]["/api/reports"]["get"]["parameters"]}
    assert "cursor" in names
