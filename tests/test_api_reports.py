"""Upload, read, search, facets, export and entities through the Flask test client."""

import csv
import hashlib
import io
import json

import pytest
from conftest import create_key, pdf_bytes

import nlp
from service import create_app

KEPANJEN = (
    "Patroli Gabungan di Kecamatan Kepanjen\n"
    "Polres Malang bersama Kodim Malang melaksanakan pemeriksaan kendaraan di Kecamatan "
    "Kepanjen, Kabupaten Malang, Jawa Timur, pada hari Jum'at 12 Maret 2021. "
    "Sebanyak 45 personel dikerahkan."
)
DEMAK = (
    "Bakti Sosial di Kabupaten Demak\n"
    "Dinas Sosial Kabupaten Demak menyalurkan bantuan kepada 120 warga di Kabupaten Demak, "
    "Jawa Tengah, pada 9 Februari 2019. Petugas <b>tidak</b> memungut biaya."
)
BENGKULU = (
    "Rapat Koordinasi Pengamanan\n"
    "Polda Bengkulu menggelar rapat bersama 30 peserta pada 18 April 2022 di Bengkulu."
)
LAIN = (
    "Penyuluhan di Kecamatan Kepanjen\n"
    "Polsek Kepanjen memberi penyuluhan kepada 15 orang pada 2 Januari 2023."
)
SURABAYA_PAGES = [
    "Sosialisasi Keselamatan Berlalu Lintas\nKegiatan digelar di Kota Surabaya.",
    "Polres Surabaya hadir pada 5 Mei 2020 di hadapan 200 siswa.",
]


@pytest.fixture(scope="module")
def loaded(tmp_path_factory):
    """One app and database for the read-only tests of this module."""
    app = create_app({"TESTING": True, "DATA_DIR": str(tmp_path_factory.mktemp("data"))})
    client = app.test_client()
    headers = {"Authorization": f"Bearer {create_key(app)}"}
    ids = {}
    for name, text in (("kepanjen", KEPANJEN), ("demak", DEMAK), ("bengkulu", BENGKULU)):
        r = client.post("/api/reports", json={"text": text, "collection": "uji"}, headers=headers)
        assert r.status_code == 201, r.json
        ids[name] = r.json["report"]["id"]
    r = client.post(
        "/api/reports",
        data={
            "file": [
                (io.BytesIO(pdf_bytes(SURABAYA_PAGES)), "surabaya.pdf"),
                (io.BytesIO(LAIN.encode()), "lain.txt"),
            ]
        },
        headers=headers,
    )
    assert r.status_code == 201, r.json
    ids["surabaya"], ids["lain"] = (item["report"]["id"] for item in r.json["results"])
    return app, client, ids


def search(client, **params):
    r = client.get("/api/reports", query_string=params)
    assert r.status_code == 200, r.json
    return r.json


def found(client, **params):
    return {row["id"] for row in search(client, **params)["results"]}


def test_json_upload_creates_a_record(client, auth):
    r = client.post(
        "/api/reports",
        json={
            "text": BENGKULU,
            "title": "Rapat",
            "source": "arsip dinas",
            "reference_date": "2022-04-19",
        },
        headers=auth,
    )
    assert r.status_code == 201
    report = r.json["report"]
    assert r.json["duplicate"] is False
    assert r.headers["Location"].endswith(f"/api/reports/{report['id']}")
    assert report["sha256"] == hashlib.sha256(BENGKULU.encode()).hexdigest()
    assert report["title"] == "Rapat" and report["source"] == "arsip dinas"
    assert report["status"] == "ok" and report["extractor_version"] == nlp.EXTRACTOR_VERSION
    assert report["event_date"] == "2022-04-18"


def test_same_bytes_again_return_the_existing_record(client, auth):
    first = client.post("/api/reports", json={"text": DEMAK}, headers=auth).json["report"]
    again = client.post(
        "/api/reports", data={"file": (io.BytesIO(DEMAK.encode()), "demak.txt")}, headers=auth
    )
    assert again.status_code == 200
    assert again.json["duplicate"] is True
    assert again.json["report"]["id"] == first["id"]
    assert search(client)["total"] == 1


def test_record_has_text_and_every_fact_with_page(loaded):
    _, client, ids = loaded
    r = client.get(f"/api/reports/{ids['surabaya']}")
    report = r.json["report"]
    assert report["page_count"] == 2 and report["media_type"] == "application/pdf"
    (agency,) = report["facts"]["agencies"]
    assert agency["name"] == "Polres Surabaya" and agency["page"] == 2
    assert report["text"][agency["start"] : agency["end"]] == agency["text"]
    assert report["facts"]["places"][0]["page"] == 1
    assert report["extraction"]["agencies"][0]["page"] == 2


def test_uploaded_file_is_kept_by_its_hash(loaded):
    app, client, ids = loaded
    report = client.get(f"/api/reports/{ids['surabaya']}").json["report"]
    import os

    stored = os.path.join(app.config["DATA_DIR"], "files", report["sha256"][:2])
    assert report["sha256"] + ".pdf" in os.listdir(stored)


@pytest.mark.parametrize(
    ("q", "expected"),
    [
        ("kendaraan", {"kepanjen"}),
        ("diperiksa", {"kepanjen"}),  # stemmed: pemeriksaan -> periksa
        ("Jumat", {"kepanjen"}),  # apostrophe folded: Jum'at
        ("JUM'AT", {"kepanjen"}),
        ('"bantuan kepada"', {"demak"}),
        ('"kepada bantuan"', set()),
        ("penyulu*", {"lain"}),
        ("rapat bengkulu", {"bengkulu"}),
        ("rapat demak", set()),
        ("surabaya", {"surabaya"}),
        ('x" OR "y', set()),
    ],
)
def test_full_text(loaded, q, expected):
    _, client, ids = loaded
    assert found(client, q=q) == {ids[name] for name in expected}


FILTER_CASES = [
    ({"agency": "Polres Malang"}, {"kepanjen"}),
    ({"agency": "polres malang"}, {"kepanjen"}),
    ({"agency": ["Polres Malang", "Kodim Malang"]}, {"kepanjen"}),
    ({"agency": ["Polres Malang", "Polda Bengkulu"]}, set()),
    ({"place": "Jawa Timur"}, {"kepanjen", "lain", "surabaya"}),  # a province
    ({"place": "Kabupaten Malang"}, {"kepanjen", "lain"}),  # and what lies under it
    ({"place": "Kecamatan Kepanjen"}, {"kepanjen", "lain"}),
    ({"place": "Kota Surabaya"}, {"surabaya"}),
    ({"date_from": "2021-01-01"}, {"kepanjen", "bengkulu", "lain"}),
    ({"date_from": "2019-02-09", "date_to": "2020-05-05"}, {"demak", "surabaya"}),
    ({"date_to": "2019-02"}, {"demak"}),
    ({"date_from": "2022", "date_to": "2022"}, {"bengkulu"}),
    ({"min_participants": 100}, {"demak", "surabaya"}),
    ({"max_participants": 30}, {"bengkulu", "lain"}),
    ({"min_participants": 30, "max_participants": 50}, {"kepanjen", "bengkulu"}),
    ({"status": "ok", "collection": "uji"}, {"kepanjen", "demak", "bengkulu"}),
    ({"q": "kecamatan", "place": "Jawa Timur", "date_from": "2022"}, {"lain"}),
]


@pytest.mark.parametrize(("params", "expected"), FILTER_CASES)
def test_filters(loaded, params, expected):
    _, client, ids = loaded
    assert found(client, **params) == {ids[name] for name in expected}


def test_facets_count_the_matches(loaded):
    _, client, _ = loaded
    facets = search(client, place="Jawa Timur")["facets"]
    assert {"value": "Jawa Timur", "count": 3} in facets["province"]
    assert {f["value"] for f in facets["year"]} == {"2020", "2021", "2023"}
    assert {"value": "Polres Malang", "count": 1} in facets["agency"]
    assert {"value": "Kecamatan Kepanjen", "count": 2} in facets["place"]
    assert search(client, facets="false")["facets"] == {}


def test_sort_and_pages(loaded):
    _, client, ids = loaded
    by_date = search(client, sort="event_date")["results"]
    assert [r["event_date"] for r in by_date] == sorted(r["event_date"] for r in by_date)
    newest = search(client, sort="-uploaded")["results"]
    assert newest[0]["id"] == max(ids.values())
    page1 = search(client, per_page=2, sort="uploaded")
    assert page1["pages"] == 3 and len(page1["results"]) == 2
    page2 = client.get(page1["next"]).json
    assert page2["page"] == 2
    assert {r["id"] for r in page1["results"]}.isdisjoint(r["id"] for r in page2["results"])
    assert search(client, per_page=2, page=3)["next"] is None


def test_snippets_are_escaped_and_marked(loaded):
    _, client, _ = loaded
    (row,) = search(client, q="memungut")["results"]
    assert "<mark>memungut</mark>" in row["snippet"]
    assert "&lt;b&gt;tidak&lt;/b&gt;" in row["snippet"]
    assert row["agencies"] == ["Dinas Sosial Kabupaten Demak"]


def test_relevance_is_the_default_with_q(loaded):
    _, client, ids = loaded
    rows = search(client, q="Kepanjen")["results"]
    assert {r["id"] for r in rows} == {ids["kepanjen"], ids["lain"]}


@pytest.mark.parametrize("fmt", ["csv", "json", "ndjson"])
def test_export_matches_the_search(loaded, fmt):
    _, client, ids = loaded
    r = client.get(f"/api/export.{fmt}", query_string={"place": "Jawa Timur", "sort": "uploaded"})
    assert r.status_code == 200
    body = r.get_data(as_text=True)
    if fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(body)))
    elif fmt == "json":
        rows = json.loads(body)
    else:
        rows = [json.loads(line) for line in body.splitlines()]
    assert [int(row["id"]) for row in rows] == sorted(
        [ids["kepanjen"], ids["surabaya"], ids["lain"]]
    )
    kepanjen = next(row for row in rows if int(row["id"]) == ids["kepanjen"])
    assert "Polres Malang" in kepanjen["agencies"]


def test_entities_with_report_counts(loaded):
    _, client, _ = loaded
    agencies = client.get("/api/agencies").json["agencies"]
    assert {"Polres Malang", "Polda Bengkulu", "Polres Surabaya"} <= {a["name"] for a in agencies}
    places = client.get("/api/places", query_string={"q": "Kepanjen"}).json["places"]
    assert places == [
        {
            "name": "Kecamatan Kepanjen",
            "level": "kecamatan",
            "code": "35.07.13",
            "province": "Jawa Timur",
            "reports": 2,
        }
    ]


def test_writes_need_a_key_reads_do_not(client, auth):
    assert client.post("/api/reports", json={"text": "tanpa kunci"}).status_code == 401
    bad = {"Authorization": "Bearer salah"}
    assert client.post("/api/reports", json={"text": "kunci salah"}, headers=bad).status_code == 401
    assert (
        client.post("/api/reports", json={"text": "kunci benar"}, headers=auth).status_code == 201
    )
    assert client.get("/api/reports").status_code == 200


def test_reads_can_need_a_key(tmp_path):
    app = create_app({"DATA_DIR": str(tmp_path), "READS_NEED_KEY": True})
    client = app.test_client()
    assert client.get("/api/reports").status_code == 401
    assert client.get("/api/reports/1").status_code == 401
    key = create_key(app)
    r = client.get("/api/reports", headers={"Authorization": f"Bearer {key}"})
    assert r.status_code == 200


def test_keys_are_stored_hashed(app):
    key = create_key(app)
    from service import store

    db = store.connect(app.config["DATABASE"])
    stored = [row["key_hash"] for row in db["api_keys"].rows]
    db.conn.close()
    assert key not in stored and hashlib.sha256(key.encode()).hexdigest() in stored


def test_real_extractor_ingests_the_samples(tmp_path, samples_dir):
    """The default extractor (nlp:extract) through ingest.py: contract shape stored."""
    from service.cli import ingest_samples

    app = create_app({"DATA_DIR": str(tmp_path)})
    lines = ingest_samples(app, samples_dir)
    assert len(lines) == len([p for p in samples_dir.iterdir() if p.suffix in (".txt", ".pdf")])
    assert all("(new, ok)" in line for line in lines)
    assert all("(duplicate, ok)" in line for line in ingest_samples(app, samples_dir))
    report = app.test_client().get("/api/reports/1").json["report"]
    assert set(report["extraction"]) >= {"dates", "places", "agencies", "participants"}
    assert report["extractor_version"] == nlp.EXTRACTOR_VERSION


@pytest.mark.parametrize(("params", "expected"), FILTER_CASES)
def test_filters_in_their_exists_form(loaded, monkeypatch, params, expected):
    """Common values take the correlated-EXISTS form; same answers."""
    from service import store

    monkeypatch.setattr(store, "COMMON_FACTS", 0)
    _, client, ids = loaded
    assert found(client, **params) == {ids[name] for name in expected}
