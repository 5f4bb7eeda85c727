"""The in-memory search index answers exactly as the SQL filters would, and stays fresh."""

import pytest
from test_search_cursor import text_of

import nlp
from service import store


def record(i: int, text: str | None = None, **extra):
    text = text or text_of(i)
    extraction = nlp.extract(text).to_json()
    return {
        "sha256": f"{i:064x}",
        "file_name": f"k-{i}.txt",
        "media_type": "text/plain",
        "status": "ok" if i % 9 else "failed",
        "collection": "uji" if i % 3 else None,
        "title": text.splitlines()[0],
        "text": text,
        "extraction": extraction,
        **extra,
    }


@pytest.fixture
def db(tmp_path):
    database = store.connect(str(tmp_path / "arsip.db"))
    store.migrate(database)
    store.insert_many(database, [record(i) for i in range(60)])
    # copies: the same words as reports 0-4 with other bytes (same_text_as is set)
    store.insert_many(database, [record(1000 + i, text_of(i) + "\n\n* * *") for i in range(5)])
    yield database
    database.conn.close()


PARAMS = [
    {},
    {"q": "patroli"},
    {"q": "banjir", "place": "Jawa Timur"},
    {"place": "Kabupaten Malang"},  # by code: its kecamatan
    {"place": "jawa tengah"},
    {"place": ["Jawa Timur", "Kota Surabaya"]},
    {"agency": "polres malang"},
    {"agency": ["Kodim Demak", "Polres Malang"]},
    {"agency": "Tidak Ada"},
    {"date_from": "2019-03", "date_to": "2020"},
    {"date_to": "2018-03-02"},
    {"min_participants": 12, "max_participants": 14},
    {"status": "failed"},
    {"collection": "uji", "q": "sembako"},
    {"collection": "lain"},
    {"hide_copies": True},
    {"hide_copies": True, "q": "patroli", "sort": "relevance"},
]
SORTS = ["uploaded", "-uploaded", "event_date", "-event_date", "relevance"]


def sql_ids(db, params):
    joins, where, args = store.build_where(db, params)
    order = store.search_sort(params)
    return [r[0] for r in db.execute(f"SELECT r.id FROM {joins}{where} ORDER BY {order}", args)]


def sql_facets(db, ids):
    marks = ",".join(map(str, ids)) or "NULL"
    out = {}
    for facet, table, column in (
        ("agency", "agencies", "name"),
        ("place", "places", "name"),
        ("province", "places", "province"),
    ):
        out[facet] = dict(
            db.execute(
                f"SELECT {column}, count(DISTINCT report_id) FROM {table} "
                f"WHERE report_id IN ({marks}) AND {column} IS NOT NULL GROUP BY {column}"
            ).fetchall()
        )
    out["year"] = dict(
        db.execute(
            f"SELECT substr(event_date, 1, 4), count(*) FROM reports WHERE id IN ({marks}) "
            "AND event_date IS NOT NULL GROUP BY 1"
        ).fetchall()
    )
    return out


def check_against_sql(db):
    for params in PARAMS:
        for sort in SORTS:
            query = {**params, "sort": sort}
            found = store.search(db, query, 1, 1000, facet_size=1000)
            expected = sql_ids(db, query)
            assert [r["id"] for r in found["results"]] == expected, query
            assert found["total"] == len(expected)
            facets = {k: {f["value"]: f["count"] for f in v} for k, v in found["facets"].items()}
            assert facets == sql_facets(db, expected), query


def test_index_matches_the_sql_filters(db):
    check_against_sql(db)


def test_index_follows_inserts_reextraction_and_deletes(db):
    store.search(db, {})  # build the index, then change the database under it
    store.insert_many(db, [record(i) for i in range(60, 70)])
    other = nlp.extract(
        "Kegiatan\nBPBD Bengkulu di Kota Surabaya pada 4 Juli 2024 dengan 99 orang."
    ).to_json()
    assert other["event_date"] == "2024-07-04"
    store.replace_extraction(db, 3, other)
    with store.transaction(db) as conn:
        for table in (*store.FACT_TABLES, "report_texts"):
            key = "id" if table == "report_texts" else "report_id"
            conn.execute(f"DELETE FROM {table} WHERE {key} = 5", [])
        conn.execute("DELETE FROM reports WHERE id = 5")
    check_against_sql(db)
    assert 3 in {r["id"] for r in store.search(db, {"agency": "BPBD Bengkulu"}, 1, 100)["results"]}


def test_other_connections_changes_are_seen(db, tmp_path):
    store.search(db, {})
    other = store.connect(str(tmp_path / "arsip.db"))
    store.insert_report(other, record(99))
    other.conn.close()
    assert store.search(db, {"q": "Kegiatan 99"})["total"] == 1
    check_against_sql(db)


def test_relevance_ranks_bm25_within_the_newest_window(db, monkeypatch):
    monkeypatch.setattr(store, "RELEVANCE_WINDOW", 5)
    fts = store.fts_query("patroli")
    matches = [
        r[0]
        for r in db.execute(
            "SELECT rowid FROM report_texts_fts WHERE report_texts_fts MATCH ? ORDER BY rowid",
            [fts],
        )
    ]
    threshold = matches[-5]
    ranked = [
        r[0]
        for r in db.execute(
            f"SELECT rowid FROM report_texts_fts WHERE report_texts_fts MATCH ? AND rowid >= ? "
            f"ORDER BY {store.BM25}, rowid DESC",
            [fts, threshold],
        )
    ]
    older = sorted((m for m in matches if m < threshold), reverse=True)
    found = store.search(db, {"q": "patroli"}, 1, 1000)
    assert [r["id"] for r in found["results"]] == ranked + older
    assert found["total"] == len(matches)


def test_snippets_come_for_the_page_only_and_mark_the_match(db):
    rows = store.search(db, {"q": "sembak*"}, 2, 3)["results"]
    assert len(rows) == 3
    for row in rows:
        assert store.SNIPPET_OPEN + "sembako" in row["snippet"].lower()


def test_the_cases_above_are_not_empty(db):
    empty = [p for p in PARAMS if not sql_ids(db, p)]
    assert empty == [{"agency": "Tidak Ada"}, {"collection": "lain"}]
    kepanjen = sql_ids(db, {"place": "Kecamatan Kepanjen"})
    assert set(kepanjen) < set(sql_ids(db, {"place": "Kabupaten Malang"}))
