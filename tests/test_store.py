"""service/store: schema, one-transaction inserts, folding/stemming and safe FTS queries."""

import sqlite3

import pytest

import nlp
from service import store


@pytest.fixture
def db(tmp_path):
    database = store.connect(str(tmp_path / "arsip.db"))
    store.migrate(database)
    yield database
    database.conn.close()


def record(text: str, sha: str, **extra):
    return {
        "sha256": sha,
        "file_name": "a.txt",
        "media_type": "text/plain",
        "status": "ok",
        "title": text.splitlines()[0],
        "text": text,
        "extraction": nlp.extract(text).to_json(),
        **extra,
    }


def test_migrations_run_once_and_are_recorded(db):
    assert store.migrate(db) == []
    assert [r["name"] for r in db["_migrations"].rows] == [m[0] for m in store.MIGRATIONS]


def test_schema_opens_as_datasette_sees_it(db):
    """Plain tables, an FTS5 table with its triggers, foreign keys and indexes."""
    names = set(db.table_names())
    assert {"reports", "report_texts", "report_texts_fts", *store.FACT_TABLES} <= names
    assert db["report_texts"].detect_fts() == "report_texts_fts"
    triggers = {t.name for t in db["report_texts"].triggers}
    assert triggers >= {"report_texts_ai", "report_texts_ad", "report_texts_au"}
    assert db["places"].foreign_keys[0].other_table == "reports"
    indexed = {tuple(i.columns) for t in store.FACT_TABLES for i in db[t].indexes}
    assert ("report_id",) in indexed
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_insert_stores_record_facts_and_search_text(db):
    text = "Rapat di Kabupaten Malang\nPolres Malang hadir pada 3 Maret 2021, 40 orang."
    report_id = store.insert_report(db, record(text, "a" * 64))
    got = store.get_report(db, report_id)
    assert got["event_date"] == "2021-03-03"
    assert got["participant_count"] == 40
    assert [f["name"] for f in got["facts"]["agencies"]] == ["Polres Malang"]
    place = got["facts"]["places"][0]
    assert text[place["start"] : place["end"]] == place["text"] == "Kabupaten Malang"


def test_insert_is_all_or_nothing(db):
    bad = record("Polres Malang 3 Maret 2021", "b" * 64)
    bad["extraction"]["agencies"][0]["start"] = object()  # not storable: fails mid-insert
    with pytest.raises((sqlite3.Error, TypeError)):
        store.insert_report(db, bad)
    assert db["reports"].count == 0 and db["report_texts"].count == 0
    assert db["dates"].count == 0
    assert db.execute("SELECT count(*) FROM report_texts_fts").fetchone()[0] == 0


def test_same_sha_twice_is_refused(db):
    store.insert_report(db, record("satu", "c" * 64))
    with pytest.raises(sqlite3.IntegrityError):
        store.insert_report(db, record("dua", "c" * 64))


@pytest.mark.parametrize(
    ("word", "root"),
    [("pemeriksaan", "periksa"), ("diperiksa", "periksa"), ("Jum'at", "jumat"), ("Jumát", "jumat")],
)
def test_search_text_folds_and_stems(word, root):
    assert store.search_text(word) == root


@pytest.mark.parametrize(
    "q",
    [
        'a" OR 1=1 --',
        "NEAR(a b)",
        "title:x",
        "kata* -lain",
        '"frasa tanpa tutup',
        "AND OR NOT",
        "^awal",
        "{title}: x",
    ],
)
def test_fts_query_never_lets_syntax_through(db, q):
    store.insert_report(db, record("Kata lain dan frasa tanpa tutup", "d" * 64))
    expression = store.fts_query(q)
    db.execute("SELECT count(*) FROM report_texts_fts WHERE report_texts_fts MATCH ?", [expression])


@pytest.mark.parametrize("q", ["", "   ", '"', "***", "-- ;", "((("])
def test_fts_query_without_words_is_a_query_error(q):
    with pytest.raises(store.QueryError):
        store.fts_query(q)
