"""The database: schema (versioned migrations), one-transaction inserts, search and facets.

Everything that knows table or column names lives here. The store knows nothing of HTTP:
bad query parameters raise `QueryError`, turned into a 400 at the API edge.

Tables (all visible in Datasette as they are):
  reports                one row per upload: metadata, status, error (small rows, so filters,
                         sorts and facets over 100k records stay in the page cache)
  (reports.text_sha256 fingerprints the text's words; same_text_as points at the first
   report with the same words: the same report saved as another file)
  near_keys              a report's MinHash band keys (service/similar.py): reports sharing
                         one are candidates for "similar text" (a re-scan, an edited copy)
  report_texts           the same id: title, plain text, `search_text` (folded + Sastrawi-
                         stemmed) and the extraction JSON
  report_texts_fts       FTS5 over title, text and search_text, kept by triggers
  dates, places, agencies, participants   one row per fact, with offsets and page
  api_keys               sha256 of each key, never the key
  _changes               ids of reports whose row/agencies/places changed (by triggers), so
                         the in-memory search index (searchindex.py) reloads just those
  _migrations            which migrations ran
"""

from __future__ import annotations

import base64
import contextlib
import fcntl
import hashlib
import json
import os
import re
import sqlite3
import unicodedata
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from functools import lru_cache
from typing import Any

import numpy as np
import sqlite_utils

from . import similar
from .searchindex import NULL_COUNT, index_for


class QueryError(ValueError):
    """A search parameter that cannot be understood; the message is shown to the user."""


FACT_TABLES = ("dates", "places", "agencies", "participants")
# Columns kept per fact table beyond report_id/text/start/end/page; the full fact stays in
# reports.extraction, so keys the contract adds later are not lost.
FACT_COLUMNS: dict[str, dict[str, type]] = {
    "dates": {"value": str, "end_value": str, "time": str, "timezone": str, "role": str},
    "places": {"name": str, "level": str, "code": str, "province": str},
    "agencies": {"name": str, "kind": str, "parent": str, "expansion": str},
    "participants": {"count": int, "approximate": int, "who": str},
}
FTS_TOKENIZE = "unicode61 remove_diacritics 2"
REPORT_COLUMNS = (
    "id, sha256, file_name, media_type, size, page_count, title, source, original_url, "
    "collection, reference_date, event_date, participant_count, extractor_version, status, "
    "error, uploaded_at, text_sha256, same_text_as"
)


# ---------------------------------------------------------------- folding and stemming


_APOSTROPHES = re.compile(r"['\u2019\u2018\u02bc\u0060\u00b4]")
_WORD = re.compile(r"\w+")


def fold(text: str) -> str:
    """Lower case, diacritics and apostrophes removed: "Jum'at" and "Jumát" -> "jumat"."""
    text = _APOSTROPHES.sub("", text)
    if text.isascii():  # most reports: nothing to strip, skip the per-character pass
        return text.lower()
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c)).lower()


def text_fingerprint(text: str | None) -> str | None:
    """sha256 of the text's folded words: the same report saved as another file (a re-saved
    DOCX, a PDF export of it, an HTML copy) gets the same fingerprint, because case, accents,
    apostrophes, punctuation and layout are left out. None for a text without words."""
    return _fingerprint(folded_words(text))


def folded_words(text: str | None) -> list[str]:
    """The words of a text, folded (`fold`): what the fingerprint and the stemmed column read."""
    return _WORD.findall(fold(text)) if text else []


def _fingerprint(words: list[str]) -> str | None:
    return hashlib.sha256(" ".join(words).encode("utf-8")).hexdigest() if words else None


@lru_cache(maxsize=1)
def _stemmer():
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

    return StemmerFactory().create_stemmer(isDev=False)


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """Sastrawi's root of one folded word: pemeriksaan, diperiksa -> periksa."""
    if len(word) < 4 or not word.isalpha():
        return word
    return _stemmer().stem(word) or word


def search_text(*parts: str | None) -> str:
    """The stemmed column: folded words of title and text, each replaced by its root."""
    return _stemmed([w for part in parts for w in folded_words(part)])


def _stemmed(words: list[str]) -> str:
    return " ".join(map(stem, words))


_QUERY_TOKEN = re.compile(r'"([^"]*)"?|(\S+)')


def fts_query(q: str) -> str:
    """A user's query as a safe FTS5 expression.

    Words and "quoted phrases" are ANDed; a trailing * makes a prefix search. Each term
    matches the title/text as written OR the stemmed, folded column, so `pemeriksaan`
    finds `diperiksa` and `Jumat` finds `Jum'at`. Only word characters reach FTS5, each
    inside double quotes, so no user input is ever parsed as FTS syntax.
    """
    terms: list[str] = []
    for phrase, word in _QUERY_TOKEN.findall(q):
        raw = phrase if phrase else word
        prefix = raw.endswith("*") and not phrase
        words = _WORD.findall(raw)
        folded = _WORD.findall(fold(raw))
        if not words or not folded:
            continue
        star = "*" if prefix else ""
        literal = " ".join(words)
        stemmed = " ".join(folded) if prefix else " ".join(stem(w) for w in folded)
        terms.append(f'({{title text}} : "{literal}"{star} OR search_text : "{stemmed}"{star})')
    if not terms:
        raise QueryError("q has no words to search for")
    return " AND ".join(terms)


# ---------------------------------------------------------------- connection and schema


def connect(path: str) -> sqlite_utils.Database:
    """Open (creating) the database in WAL mode with foreign keys on."""
    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    conn = sqlite3.connect(path, timeout=30, check_same_thread=False, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA foreign_keys=ON")
    conn.execute("PRAGMA synchronous=NORMAL")
    # Search reads many index pages: a bigger page cache and mmap keep them off the syscalls.
    conn.execute("PRAGMA cache_size=-65536")
    conn.execute("PRAGMA mmap_size=1073741824")
    conn.execute("PRAGMA temp_store=MEMORY")
    return sqlite_utils.Database(conn)


def _m001_initial(db: sqlite_utils.Database) -> None:
    db["reports"].create(
        {
            "id": int,
            "sha256": str,
            "file_name": str,
            "media_type": str,
            "size": int,
            "page_count": int,
            "title": str,
            "source": str,
            "original_url": str,
            "collection": str,
            "reference_date": str,
            "event_date": str,
            "participant_count": int,
            "extractor_version": str,
            "status": str,
            "error": str,
            "uploaded_at": str,
            "stored_path": str,
        },
        pk="id",
        not_null={"sha256", "status", "uploaded_at"},
    )
    reports = db["reports"]
    db["report_texts"].create(
        {"id": int, "title": str, "text": str, "search_text": str, "extraction": str},
        pk="id",
        foreign_keys=[("id", "reports", "id")],
    )
    reports.create_index(["sha256"], unique=True)
    for column in ("event_date", "uploaded_at", "status", "participant_count", "collection"):
        reports.create_index([column])
    for name in FACT_TABLES:
        columns: dict[str, type] = {
            "id": int,
            "report_id": int,
            "text": str,
            "start": int,
            "end": int,
            "page": int,
        }
        columns.update(FACT_COLUMNS[name])
        db[name].create(columns, pk="id", foreign_keys=[("report_id", "reports", "id")])
    # Reading a report's facts, and facets (covering: report_id -> name, no row look-ups).
    db.execute("CREATE INDEX idx_dates_report ON dates (report_id)")
    db.execute("CREATE INDEX idx_participants_report ON participants (report_id)")
    db.execute("CREATE INDEX idx_agencies_report ON agencies (report_id, name)")
    db.execute("CREATE INDEX idx_places_report ON places (report_id, name, province, code)")
    # Filters: names compared case-insensitively, codes by prefix.
    db.execute("CREATE INDEX idx_places_name ON places (name COLLATE NOCASE, report_id)")
    db.execute("CREATE INDEX idx_places_province ON places (province COLLATE NOCASE, report_id)")
    db.execute("CREATE INDEX idx_places_code ON places (code, report_id)")
    db.execute("CREATE INDEX idx_agencies_name ON agencies (name COLLATE NOCASE, report_id)")
    db.execute("CREATE INDEX idx_dates_value ON dates (value)")
    db["api_keys"].create(
        {"id": int, "name": str, "key_hash": str, "created_at": str, "last_used_at": str},
        pk="id",
        not_null={"key_hash"},
    )
    db["api_keys"].create_index(["key_hash"], unique=True)
    db["report_texts"].enable_fts(
        ["title", "text", "search_text"], create_triggers=True, tokenize=FTS_TOKENIZE
    )


def _m002_report_pages(db: sqlite_utils.Database) -> None:
    """Page spans of paged documents (JSON [[start, end], ...]): re-extract keeps `page`."""
    db["reports"].add_column("pages", str)


def _m003_report_ocr_pages(db: sqlite_utils.Database) -> None:
    """1-based numbers of the pages read by OCR (JSON list), so a reader can judge the text."""
    db["reports"].add_column("ocr_pages", str)


def _m004_changes(db: sqlite_utils.Database) -> None:
    """A log of which reports changed (by triggers, whoever writes), so each worker's
    in-memory search index (service/searchindex.py) reloads just those reports."""
    db.execute("CREATE TABLE _changes (seq INTEGER PRIMARY KEY AUTOINCREMENT, report_id INTEGER)")
    # Only the tables the index reads; dates and participants change with their report row.
    for table, key in (("reports", "id"), ("agencies", "report_id"), ("places", "report_id")):
        # An update may move a row to another report: both reports changed.
        for event, rows in (("INSERT", ("new",)), ("UPDATE", ("old", "new")), ("DELETE", ("old",))):
            body = " ".join(f"INSERT INTO _changes (report_id) VALUES ({r}.{key});" for r in rows)
            db.execute(
                f"CREATE TRIGGER {table}_changes_{event.lower()} AFTER {event} ON {table} "
                f"BEGIN {body} END"
            )


def _m005_same_text(db: sqlite_utils.Database) -> None:
    """Reports with the same words as an earlier one (`text_fingerprint`) point at it, so a
    researcher can leave such copies out of counts and facets (`hide_copies`)."""
    db["reports"].add_column("text_sha256", str)
    db["reports"].add_column("same_text_as", int)
    db.execute("CREATE INDEX idx_reports_text_sha256 ON reports (text_sha256, id)")
    db.execute("CREATE INDEX idx_reports_same_text_as ON reports (same_text_as)")
    first: dict[str, int] = {}
    last = 0
    while True:  # in id order, a batch at a time: texts of a large archive stay on disk
        rows = db.execute(
            "SELECT r.id, t.text FROM reports r JOIN report_texts t ON t.id = r.id "
            "WHERE r.id > ? ORDER BY r.id LIMIT 500",
            [last],
        ).fetchall()
        if not rows:
            break
        last = rows[-1][0]
        for report_id, text in rows:
            fingerprint = text_fingerprint(text)
            if fingerprint is None:
                continue
            original = first.setdefault(fingerprint, report_id)
            db.execute(
                "UPDATE reports SET text_sha256 = ?, same_text_as = ? WHERE id = ?",
                [fingerprint, None if original == report_id else original, report_id],
            )


def _m006_near_keys(db: sqlite_utils.Database) -> None:
    """MinHash band keys of every report's words (service/similar.py), to find reports with
    nearly the same text (a re-scan read again by OCR) without comparing every pair."""
    db.execute("CREATE TABLE near_keys (key INTEGER NOT NULL, report_id INTEGER NOT NULL)")
    db.execute("CREATE INDEX idx_near_keys_key ON near_keys (key)")
    db.execute("CREATE INDEX idx_near_keys_report ON near_keys (report_id)")
    last = 0
    while True:  # a batch at a time: texts of a large archive stay on disk
        rows = db.execute(
            "SELECT id, text FROM report_texts WHERE id > ? ORDER BY id LIMIT 500", [last]
        ).fetchall()
        if not rows:
            break
        last = rows[-1][0]
        for report_id, text in rows:
            _insert_near_keys(db.conn, report_id, folded_words(text))


def _insert_near_keys(conn: sqlite3.Connection, report_id: int, words: list[str]) -> None:
    conn.executemany(
        "INSERT INTO near_keys (key, report_id) VALUES (?, ?)",
        [(key, report_id) for key in similar.band_keys(words)],
    )


# Append only: a database records the names it has run, and runs the rest in order.
MIGRATIONS: list[tuple[str, Callable[[sqlite_utils.Database], None]]] = [
    ("001_initial", _m001_initial),
    ("002_report_pages", _m002_report_pages),
    ("003_report_ocr_pages", _m003_report_ocr_pages),
    ("004_changes", _m004_changes),
    ("005_same_text", _m005_same_text),
    ("006_near_keys", _m006_near_keys),
]


def migrate(db: sqlite_utils.Database, lock_path: str | None = None) -> list[str]:
    """Run the migrations this database has not seen; returns their names.

    A file lock serialises concurrent starters (gunicorn workers, tests, the CLI).
    """
    lock = open(lock_path, "w") if lock_path else None  # noqa: SIM115
    try:
        if lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
        with transaction(db):
            if not db["_migrations"].exists():
                db["_migrations"].create({"name": str, "applied_at": str}, pk="name")
        done = {row["name"] for row in db["_migrations"].rows}
        applied = []
        for name, step in MIGRATIONS:
            if name in done:
                continue
            # A step and its row in one transaction: a kill -9 half-way through leaves
            # the database as it was, and the next start runs the whole step again.
            with transaction(db):
                step(db)
                db["_migrations"].insert({"name": name, "applied_at": now()})
            applied.append(name)
        return applied
    finally:
        if lock:
            fcntl.flock(lock, fcntl.LOCK_UN)
            lock.close()


def now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


@contextlib.contextmanager
def transaction(db: sqlite_utils.Database) -> Iterator[sqlite3.Connection]:
    """BEGIN IMMEDIATE ... COMMIT, or ROLLBACK on any error: all or nothing."""
    conn = db.conn
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


# ---------------------------------------------------------------- writing


def find_by_sha(db: sqlite_utils.Database, sha256: str) -> dict[str, Any] | None:
    row = db.execute(f"SELECT {REPORT_COLUMNS} FROM reports WHERE sha256 = ?", [sha256]).fetchone()
    return _row(db, "reports", row) if row else None


def insert_report(db: sqlite_utils.Database, record: dict[str, Any]) -> int:
    """Insert one report and all its facts in one transaction (FTS follows by trigger).

    `record` holds the reports columns plus `extraction` as a dict (CONTRACT.md shape) whose
    facts may carry `page`. Raises sqlite3.IntegrityError if the sha256 is already stored.
    """
    with transaction(db) as conn:
        return _insert(conn, record)


def insert_many(db: sqlite_utils.Database, records: list[dict[str, Any]]) -> list[int]:
    """Several reports in one transaction (bulk loads and benches)."""
    with transaction(db) as conn:
        return [_insert(conn, record) for record in records]


def _insert(conn: sqlite3.Connection, record: dict[str, Any]) -> int:
    extraction = record.get("extraction") or {}
    row = {k: v for k, v in record.items() if k not in ("text", "extraction")}
    row["event_date"] = extraction.get("event_date")
    counts = [p.get("count") for p in extraction.get("participants", [])]
    counts = [c for c in counts if isinstance(c, int) and not isinstance(c, bool)]
    row["participant_count"] = max(counts) if counts else None
    row.setdefault("uploaded_at", now())
    text = record.get("text")
    words = folded_words(text)  # read once for the fingerprint and the stemmed column
    row["text_sha256"] = fingerprint = _fingerprint(words)
    original = None
    if fingerprint is not None:  # in this transaction: two copies at once can't both be first
        original = conn.execute(
            "SELECT id FROM reports WHERE text_sha256 = ? ORDER BY id LIMIT 1", [fingerprint]
        ).fetchone()
    row["same_text_as"] = original[0] if original else None
    columns = list(row)
    cursor = conn.execute(
        f"INSERT INTO reports ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
        [row[c] for c in columns],
    )
    report_id = cursor.lastrowid
    conn.execute(
        "INSERT INTO report_texts (id, title, text, search_text, extraction) VALUES (?, ?, ?, ?, ?)",
        [
            report_id,
            row.get("title"),
            text,
            _stemmed(folded_words(row.get("title")) + words),
            json.dumps(extraction, ensure_ascii=False) if extraction else None,
        ],
    )
    _insert_facts(conn, report_id, extraction)
    _insert_near_keys(conn, report_id, words)
    return report_id


MAX_SIMILAR_CANDIDATES = 200  # reports sharing most keys first: a common template stays cheap
MAX_SIMILAR = 20  # listed on a record, most similar first


def similar_reports(
    db: sqlite_utils.Database, report_id: int, text: str | None, text_sha256: str | None
) -> list[dict[str, Any]]:
    """Other reports whose word trigrams are mostly this report's (Jaccard >= THRESHOLD),
    the MAX_SIMILAR most similar first; exact copies (the same folded words) are `copies`, not listed here."""
    # Exact copies (the same text_sha256) share every key: left out here, before any text
    # is read, so a report saved many times costs nothing.
    rows = db.execute(
        "SELECT k2.report_id, count(*) AS shared FROM near_keys k1 "
        "JOIN near_keys k2 ON k2.key = k1.key AND k2.report_id != k1.report_id "
        "JOIN reports r ON r.id = k2.report_id AND r.text_sha256 IS NOT ? "
        "WHERE k1.report_id = ? GROUP BY k2.report_id ORDER BY shared DESC, k2.report_id "
        "LIMIT ?",
        [text_sha256, report_id, MAX_SIMILAR_CANDIDATES],
    ).fetchall()
    if not rows:
        return []
    mine = similar.shingles(folded_words(text))
    found = []
    for other_id, title, other_text in db.execute(
        "SELECT r.id, r.title, t.text FROM reports r JOIN report_texts t ON t.id = r.id "
        f"WHERE r.id IN ({', '.join('?' * len(rows))})",
        [r[0] for r in rows],
    ):
        score = similar.similarity(mine, similar.shingles(folded_words(other_text)))
        if score >= similar.THRESHOLD:
            found.append({"id": other_id, "title": title, "similarity": round(score, 3)})
    return sorted(found, key=lambda r: (-r["similarity"], r["id"]))[:MAX_SIMILAR]


def get_report(db: sqlite_utils.Database, report_id: int) -> dict[str, Any] | None:
    """The record, its text, its extraction and every stored fact with offsets and page."""
    cur = db.execute(
        f"SELECT {', '.join('r.' + c.strip() for c in REPORT_COLUMNS.split(','))}, r.ocr_pages, "
        "t.text, t.extraction FROM reports r JOIN report_texts t ON t.id = r.id WHERE r.id = ?",
        [report_id],
    )
    row = cur.fetchone()
    if not row:
        return None
    record = dict(zip([d[0] for d in cur.description], row, strict=True))
    record["extraction"] = json.loads(record["extraction"]) if record["extraction"] else None
    record["ocr_pages"] = json.loads(record["ocr_pages"]) if record["ocr_pages"] else []
    copies = db.execute("SELECT id FROM reports WHERE same_text_as = ? ORDER BY id", [report_id])
    record["copies"] = [r[0] for r in copies]
    record["similar"] = similar_reports(db, report_id, record["text"], record["text_sha256"])
    record["facts"] = {}
    for table in FACT_TABLES:
        cur = db.execute(f"SELECT * FROM {table} WHERE report_id = ? ORDER BY start", [report_id])
        names = [d[0] for d in cur.description]
        facts = []
        for values in cur.fetchall():
            fact = {k: v for k, v in zip(names, values, strict=True) if k not in ("report_id",)}
            if table == "participants":
                fact["approximate"] = bool(fact["approximate"])
            facts.append(fact)
        record["facts"][table] = facts
    return record


def _row(db: sqlite_utils.Database, table: str, values: tuple) -> dict[str, Any]:
    names = [c.strip() for c in REPORT_COLUMNS.split(",")]
    return dict(zip(names, values, strict=True))


# ---------------------------------------------------------------- API keys


def add_api_key(db: sqlite_utils.Database, key_hash: str, name: str | None) -> int:
    with transaction(db) as conn:
        cur = conn.execute(
            "INSERT INTO api_keys (name, key_hash, created_at) VALUES (?, ?, ?)",
            [name, key_hash, now()],
        )
    return cur.lastrowid


def find_api_key(db: sqlite_utils.Database, key_hash: str) -> dict[str, Any] | None:
    row = db.execute("SELECT id, name FROM api_keys WHERE key_hash = ?", [key_hash]).fetchone()
    return {"id": row[0], "name": row[1]} if row else None


# ---------------------------------------------------------------- search

SORTS = {
    # bm25() directly: ORDER BY rank was 3x slower on large match sets. Title counts most.
    "relevance": "bm25(report_texts_fts, 5.0, 1.0, 1.0), r.id DESC",
    "event_date": "r.event_date IS NULL, r.event_date, r.id",
    "-event_date": "r.event_date IS NULL, r.event_date DESC, r.id DESC",
    "uploaded": "r.id",
    "-uploaded": "r.id DESC",
}
STATUSES = ("ok", "failed", "encrypted", "no_text_layer")


def _date_bound(value: str, name: str) -> str:
    if not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value):
        raise QueryError(f"{name} must be YYYY, YYYY-MM or YYYY-MM-DD")
    return value


def build_where(db: sqlite_utils.Database, params: dict[str, Any]) -> tuple[str, str, list[Any]]:
    """(FROM-JOIN clause, WHERE clause, arguments) for the filters in `params`.

    Export and bulk commands use this SQL form; `search` applies the same filters to the
    in-memory index (`_filter_mask`), and tests/test_search_index.py holds the two equal.

    params: q, agency (list), place (list), date_from, date_to, min_participants,
    max_participants, status, collection, hide_copies. Every list value is ANDed.
    """
    joins = "reports r"
    where: list[str] = []
    args: list[Any] = []
    if params.get("q"):
        joins = "report_texts_fts JOIN reports r ON r.id = report_texts_fts.rowid"
        where.append("report_texts_fts MATCH ?")
        args.append(fts_query(params["q"]))
    for key in ("agency", "place"):
        if isinstance(params.get(key), str):
            params = {**params, key: [params[key]]}
    for agency in params.get("agency") or []:
        _fact_filter(db, where, args, "agencies", "name = ? COLLATE NOCASE", [agency])
    for place in params.get("place") or []:
        # Any level: the place itself, anything in its province, anything under its code.
        alts = ["name = ? COLLATE NOCASE", "province = ? COLLATE NOCASE"]
        alt_args: list[Any] = [place, place]
        codes = db.execute(
            "SELECT DISTINCT code FROM places WHERE name = ? COLLATE NOCASE AND code IS NOT NULL",
            [place],
        ).fetchall()
        for (code,) in codes:
            alts.append("(code > ? AND code < ?)")  # code LIKE 'xx.yy.%' through the index
            alt_args.extend([code + ".", code + "/"])
        _fact_filter(db, where, args, "places", " OR ".join(alts), alt_args)
    if params.get("date_from"):
        where.append("r.event_date >= ?")
        args.append(_date_bound(params["date_from"], "date_from"))
    if params.get("date_to"):
        # "2020-03" as an upper bound includes every day of March.
        where.append("r.event_date <= ?")
        args.append(_date_bound(params["date_to"], "date_to") + "~")
    for key, op in (("min_participants", ">="), ("max_participants", "<=")):
        if params.get(key) is not None:
            where.append(f"r.participant_count {op} ?")
            args.append(int(params[key]))
    if params.get("status"):
        if params["status"] not in STATUSES:
            raise QueryError(f"status must be one of {', '.join(STATUSES)}")
        where.append("r.status = ?")
        args.append(params["status"])
    if params.get("hide_copies"):
        where.append("r.same_text_as IS NULL")
    if params.get("collection"):
        where.append("r.collection = ?")
        args.append(params["collection"])
    return joins, (" WHERE " + " AND ".join(where)) if where else "", args


def _fact_filter(
    db: sqlite_utils.Database,
    where: list[str],
    args: list[Any],
    table: str,
    condition: str,
    cond_args: list[Any],
) -> None:
    """Reports with a fact in `table` meeting `condition`, in the faster of two SQL forms.

    A rare value: `r.id IN (...)` lists its few reports first. A common one: a correlated
    EXISTS, so a page sorted by id stops after `per_page` hits instead of first listing
    tens of thousands of reports.
    """
    hits = db.execute(
        f"SELECT count(*) FROM (SELECT 1 FROM {table} WHERE {condition} LIMIT ?)",
        [*cond_args, COMMON_FACTS + 1],
    ).fetchone()[0]
    if hits <= COMMON_FACTS:
        where.append(f"r.id IN (SELECT report_id FROM {table} WHERE {condition})")
    else:
        qualified = re.sub(r"\b(name|province|code)\b", r"f.\1", condition)
        where.append(f"EXISTS (SELECT 1 FROM {table} f WHERE f.report_id = r.id AND ({qualified}))")
    args.extend(cond_args)


COMMON_FACTS = 2000


def sort_name(params: dict[str, Any]) -> str:
    """The checked sort of a search (relevance needs words: without them, newest first)."""
    sort = params.get("sort") or ("relevance" if params.get("q") else "-uploaded")
    if sort not in SORTS:
        raise QueryError(f"sort must be one of {', '.join(SORTS)}")
    if sort == "relevance" and not params.get("q"):
        sort = "-uploaded"
    return sort


def search_sort(params: dict[str, Any]) -> str:
    return SORTS[sort_name(params)]


SNIPPET_OPEN, SNIPPET_CLOSE = "\x02", "\x03"
BM25 = "bm25(report_texts_fts, 5.0, 1.0, 1.0)"
# bm25 over every match of a word in half of 100k reports costs ~80 ms, so relevance ranks
# the matches among the RELEVANCE_WINDOW most recent reports that contain the words; older
# matches follow, newest first. Below that many text matches the ranking is exact.
RELEVANCE_WINDOW = 5_000


@contextlib.contextmanager
def _reading(db: sqlite_utils.Database) -> Iterator[None]:
    """One read transaction (a consistent snapshot) unless the caller already holds one."""
    conn = db.conn
    if conn.in_transaction:
        yield
        return
    conn.execute("BEGIN")
    try:
        yield
    finally:
        conn.execute("COMMIT")


def search(
    db: sqlite_utils.Database,
    params: dict[str, Any],
    page: int = 1,
    per_page: int = 20,
    facets: bool = True,
    facet_size: int = 10,
    cursor: str | None = None,
) -> dict[str, Any]:
    """One page of matching reports, the total, facet counts over all matches, and the
    cursor of the next page (None on the last page).

    Filters, sorts and facets run on the in-memory index (service/searchindex.py); SQL
    gives the full-text matches, bm25 scores, the page's rows and its snippets.
    `cursor` (from a previous answer's next_cursor) replaces `page`.
    """
    sort = sort_name(params)
    fts = fts_query(params["q"]) if params.get("q") else None
    after = decode_cursor(cursor, sort) if cursor else None
    path = db.execute("PRAGMA database_list").fetchone()[2]
    try:
        with _reading(db):
            snap = index_for(path).current(db)
            text_ids = _text_matches(db, fts) if fts else None
            mask = _filter_mask(snap, params, text_ids)
            ordered, key_of = _ordered(db, snap, mask, sort, fts, text_ids)
            start = (page - 1) * per_page
            if after is not None:  # the keys rise along `ordered`: the rest is a suffix
                beyond = _after_cursor(snap, ordered, sort, after, key_of)
                start = int(np.argmax(beyond)) if beyond.any() else len(ordered)
            page_ids = [int(i) for i in ordered[start : start + per_page]]
            rows = _page_rows(db, page_ids, fts)
            everything = text_ids is None and np.array_equal(mask, snap.exists)
            facet_counts = {}
            if facets:
                facet_counts = snap.facet_counts(None if everything else mask, facet_size)
            total = int(np.count_nonzero(mask))
            next_cursor = None
            if page_ids and start + per_page < len(ordered):
                next_cursor = encode_cursor(sort, key_of(len(page_ids) + start - 1))
    except sqlite3.OperationalError as ex:  # an FTS expression we built but SQLite refused
        raise QueryError(f"the query could not be run: {ex}") from ex
    _attach_names(db, rows)
    return {"total": total, "results": rows, "facets": facet_counts, "next_cursor": next_cursor}


def _text_matches(db: sqlite_utils.Database, fts: str) -> np.ndarray:
    """Every report id matching the words, ascending (one string parsed by numpy: 10x
    faster than iterating tens of thousands of rows)."""
    text = db.execute(
        "SELECT group_concat(rowid) FROM report_texts_fts WHERE report_texts_fts MATCH ?", [fts]
    ).fetchone()[0]
    if not text:
        return np.zeros(0, np.int64)
    return np.sort(np.fromstring(text, dtype=np.int64, sep=","))


def _filter_mask(snap, params: dict[str, Any], text_ids: np.ndarray | None) -> np.ndarray:
    """Boolean array by report id: the reports meeting every filter (the same meaning as
    build_where's SQL, which export still uses)."""
    mask = snap.mask(text_ids)
    for key, find in (("agency", snap.agency), ("place", snap.place)):
        values = params.get(key) or []
        for value in [values] if isinstance(values, str) else values:
            hit = np.zeros(snap.size, bool)
            hit[find(value)] = True
            mask &= hit
    if params.get("date_from"):
        mask &= snap.date_bound(_date_bound(params["date_from"], "date_from"), upper=False)
    if params.get("date_to"):
        mask &= snap.date_bound(_date_bound(params["date_to"], "date_to") + "~", upper=True)
    count = snap.participants
    for key, upper in (("min_participants", False), ("max_participants", True)):
        if params.get(key) is not None:
            limit = int(params[key])
            mask &= (count != NULL_COUNT) & ((count <= limit) if upper else (count >= limit))
    if params.get("status"):
        if params["status"] not in STATUSES:
            raise QueryError(f"status must be one of {', '.join(STATUSES)}")
        mask &= snap.status == snap.strings["status"].ids.get(params["status"], -1)
    if params.get("collection"):
        mask &= snap.collection == snap.strings["collection"].ids.get(params["collection"], -1)
    if params.get("hide_copies"):
        mask &= ~snap.copy
    return mask


def _ordered(db, snap, mask: np.ndarray, sort: str, fts: str | None, text_ids):
    """(matching ids in the sort's order, key_of(position) -> the cursor key there)."""
    if sort in ("uploaded", "-uploaded"):
        ordered = np.flatnonzero(mask)
        if sort == "-uploaded":
            ordered = ordered[::-1]
        return ordered, lambda i: [int(ordered[i])]
    if sort in ("event_date", "-event_date"):
        order = snap.orders[sort]
        ordered = order[mask[order]]
        return ordered, lambda i: [snap.event[ordered[i]], int(ordered[i])]
    # relevance: bm25 within the window (best first, then newest), the rest newest first
    ids = np.flatnonzero(mask)
    window = len(text_ids) > RELEVANCE_WINDOW
    threshold = int(text_ids[-RELEVANCE_WINDOW]) if window else 0
    inside, rest = ids[ids >= threshold], ids[ids < threshold][::-1]
    scored = db.execute(
        f"SELECT rowid, {BM25} FROM report_texts_fts WHERE report_texts_fts MATCH ? "
        "AND rowid >= ? ORDER BY rowid",
        [fts, threshold],
    ).fetchall()
    rowids = np.fromiter((r[0] for r in scored), np.int64, len(scored))
    scores = np.fromiter((r[1] for r in scored), np.float64, len(scored))
    found = scores[np.searchsorted(rowids, inside)] if len(rowids) else np.zeros(0)
    by_score = np.lexsort((-inside, found))
    ordered = np.concatenate([inside[by_score], rest])
    ranked = found[by_score]

    def key_of(i: int) -> list:
        if i < len(ranked):
            return [0, float(ranked[i]), int(ordered[i])]
        return [1, 0.0, int(ordered[i])]

    key_of.scores = ranked  # type: ignore[attr-defined]
    return ordered, key_of


def _after_cursor(snap, ordered: np.ndarray, sort: str, key: list, key_of) -> np.ndarray:
    """Boolean over `ordered`: the positions strictly after the cursor's key."""
    ids = ordered
    if sort == "uploaded":
        columns = [(ids, key[0], False)]
    elif sort == "-uploaded":
        columns = [(ids, key[0], True)]
    elif sort in ("event_date", "-event_date"):
        rank = snap.date_rank[ids]
        null = rank < 0
        doubled = np.where(null, 0, 2 * rank).astype(np.float64)
        desc = sort == "-event_date"
        columns = [
            (null, key[0] is None, False),
            (doubled, snap.date_key(key[0]), desc),
            (ids, key[1], desc),
        ]
    else:
        ranked = key_of.scores
        tier = np.arange(len(ids)) >= len(ranked)
        score = np.zeros(len(ids))
        score[: len(ranked)] = ranked
        columns = [(tier, bool(key[0]), False), (score, key[1], False), (ids, key[2], True)]
    after = np.zeros(len(ids), bool)
    equal = np.ones(len(ids), bool)
    for values, value, descending in columns:
        after |= equal & ((values < value) if descending else (values > value))
        equal &= values == value
    return after


def encode_cursor(sort: str, key: list) -> str:
    """Opaque to clients: base64url of JSON [sort, key..., id]."""
    raw = json.dumps([sort, *key], separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str, sort: str) -> list:
    """The key a cursor carries, checked against the sort it must come from."""
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        data = json.loads(raw.decode())
    except (ValueError, UnicodeDecodeError) as ex:
        raise QueryError("cursor is not valid: pass next_cursor as it was given") from ex
    shapes = {
        "uploaded": (int,),
        "-uploaded": (int,),
        "event_date": ((str, type(None)), int),
        "-event_date": ((str, type(None)), int),
        "relevance": (int, (float, int), int),
    }
    if not isinstance(data, list) or not data or data[0] not in shapes:
        raise QueryError("cursor is not valid: pass next_cursor as it was given")
    if data[0] != sort:
        raise QueryError(f"cursor was made for sort {data[0]}, not {sort}")
    key, shape = data[1:], shapes[sort]
    if len(key) != len(shape) or not all(
        isinstance(v, t) and not isinstance(v, bool) for v, t in zip(key, shape, strict=True)
    ):
        raise QueryError("cursor is not valid: pass next_cursor as it was given")
    return key


REPORT_HIT = (
    "id, title, file_name, media_type, page_count, event_date, participant_count, status, "
    "collection, source, uploaded_at"
)


def _page_rows(db: sqlite_utils.Database, ids: list[int], fts: str | None) -> list[dict]:
    """The page's rows in `ids` order, with snippets computed for these rows only."""
    if not ids:
        return []
    marks = ", ".join(str(i) for i in ids)  # ints from numpy, never user text
    cur = db.execute(f"SELECT {REPORT_HIT} FROM reports WHERE id IN ({marks})")
    names = [d[0] for d in cur.description]
    by_id = {values[0]: dict(zip(names, values, strict=True)) for values in cur.fetchall()}
    snippets: dict[int, str] = {}
    if fts:
        snippets = dict(
            db.execute(
                f"SELECT rowid, snippet(report_texts_fts, 1, '{SNIPPET_OPEN}', "
                f"'{SNIPPET_CLOSE}', '…', 24) FROM report_texts_fts "
                # The range is FTS5's constraint; `+rowid IN` is checked after it. As the index
                # constraint, IN re-reads a prefix term's doclists per row (0.2 s for bantu*).
                f"WHERE report_texts_fts MATCH ? AND rowid BETWEEN ? AND ? AND +rowid IN ({marks})",
                [fts, min(ids), max(ids)],
            ).fetchall()
        )
    rows = []
    for report_id in ids:
        row = by_id[report_id]
        row["snippet"] = snippets.get(report_id)
        rows.append(row)
    return rows


def _attach_names(db: sqlite_utils.Database, rows: list[dict[str, Any]]) -> None:
    """Agency and place names of each result row (two queries for the whole page)."""
    if not rows:
        return
    ids = [r["id"] for r in rows]
    by_id = {r["id"]: r for r in rows}
    for r in rows:
        r["agencies"], r["places"] = [], []
    marks = ", ".join("?" * len(ids))
    for table, key in (("agencies", "agencies"), ("places", "places")):
        for report_id, name in db.execute(
            f"SELECT report_id, name FROM {table} WHERE report_id IN ({marks}) ORDER BY start",
            ids,
        ):
            if name not in by_id[report_id][key]:
                by_id[report_id][key].append(name)


EXPORT_COLUMNS = (
    "id",
    "title",
    "file_name",
    "media_type",
    "page_count",
    "event_date",
    "participant_count",
    "status",
    "collection",
    "source",
    "original_url",
    "uploaded_at",
    "sha256",
    "extractor_version",
)


def export_rows(db: sqlite_utils.Database, params: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """Every matching report (no paging), streamed from one cursor, with its fact names."""
    joins, where, args = build_where(db, params)
    order = search_sort(params)
    columns = ", ".join(f"r.{c}" for c in EXPORT_COLUMNS)
    group = (
        "(SELECT group_concat(name, '; ') FROM (SELECT DISTINCT name FROM {t} "
        "WHERE report_id = r.id))"
    )
    sql = (
        f"SELECT {columns}, {group.format(t='agencies')} AS agencies, "
        f"{group.format(t='places')} AS places FROM {joins}{where} ORDER BY {order}"
    )
    cur = db.conn.execute(sql, args)
    names = [d[0] for d in cur.description]
    for values in cur:
        yield dict(zip(names, values, strict=True))


# ---------------------------------------------------------------- entities


def entities(
    db: sqlite_utils.Database, table: str, q: str | None = None, limit: int = 100
) -> list[dict[str, Any]]:
    """Distinct canonical agencies or places with how many reports name them."""
    extra = {
        "agencies": "max(kind) AS kind, max(parent) AS parent, max(expansion) AS expansion",
        "places": "max(level) AS level, max(code) AS code, max(province) AS province",
    }[table]
    where, args = "", []
    if q:
        where = "WHERE name LIKE ? ESCAPE '\\'"
        args.append("%" + re.sub(r"([%_\\])", r"\\\1", q) + "%")
    cur = db.execute(
        f"SELECT name, {extra}, count(DISTINCT report_id) AS reports FROM {table} {where} "
        f"GROUP BY name COLLATE NOCASE ORDER BY reports DESC, name LIMIT ?",
        [*args, limit],
    )
    names = [d[0] for d in cur.description]
    return [dict(zip(names, values, strict=True)) for values in cur.fetchall()]


# ---------------------------------------------------------------- re-extract


def _text_table(conn: sqlite3.Connection) -> str:
    """The table holding `text` and `extraction` (reports, or report_texts when split)."""
    found = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'report_texts'"
    ).fetchone()
    return "report_texts" if found else "reports"


def stale_report_ids(db: sqlite_utils.Database, version: str | None) -> list[int]:
    """Reports with a stored text whose extractor_version is not `version` (None: all)."""
    table = _text_table(db.conn)
    join = "" if table == "reports" else " JOIN report_texts t ON t.id = r.id"
    text = "r.text" if table == "reports" else "t.text"
    sql = f"SELECT r.id FROM reports r{join} WHERE {text} IS NOT NULL"
    args: list[Any] = []
    if version is not None:
        sql += " AND (r.extractor_version IS NULL OR r.extractor_version != ?)"
        args.append(version)
    return [row[0] for row in db.execute(sql + " ORDER BY r.id", args).fetchall()]


def extraction_source(db: sqlite_utils.Database, report_id: int) -> dict[str, Any] | None:
    """What re-extraction needs of a stored report: text, reference_date, page spans."""
    table = _text_table(db.conn)
    join = "" if table == "reports" else " JOIN report_texts t ON t.id = r.id"
    text = "r.text" if table == "reports" else "t.text"
    row = db.execute(
        f"SELECT r.id, {text}, r.reference_date, r.pages, r.extractor_version, r.status "
        f"FROM reports r{join} WHERE r.id = ?",
        [report_id],
    ).fetchone()
    if row is None:
        return None
    keys = ("id", "text", "reference_date", "pages", "extractor_version", "status")
    source = dict(zip(keys, row, strict=True))
    source["pages"] = json.loads(source["pages"]) if source["pages"] else None
    return source


def replace_extraction(
    db: sqlite_utils.Database, report_id: int, extraction: dict[str, Any]
) -> None:
    """A new extraction for a stored report: its facts swapped in one transaction.

    The report becomes `ok` (an earlier extractor failure is cleared); its text, file and
    metadata are untouched, and the FTS row does not change (it indexes text and title).
    """
    counts = [p.get("count") for p in extraction.get("participants", [])]
    counts = [c for c in counts if isinstance(c, int) and not isinstance(c, bool)]
    with transaction(db) as conn:
        table = _text_table(conn)
        for fact_table in FACT_TABLES:
            conn.execute(f"DELETE FROM {fact_table} WHERE report_id = ?", [report_id])
        _insert_facts(conn, report_id, extraction)
        conn.execute(
            "UPDATE reports SET event_date = ?, participant_count = ?, extractor_version = ?, "
            "status = 'ok', error = NULL WHERE id = ?",
            [
                extraction.get("event_date"),
                max(counts) if counts else None,
                extraction.get("extractor_version"),
                report_id,
            ],
        )
        conn.execute(
            f"UPDATE {table} SET extraction = ? WHERE id = ?",
            [json.dumps(extraction, ensure_ascii=False), report_id],
        )


def _insert_facts(conn: sqlite3.Connection, report_id: int, extraction: dict[str, Any]) -> None:
    """One row per fact of every fact table (the same columns `_insert` writes)."""
    for table in FACT_TABLES:
        extra = list(FACT_COLUMNS[table])
        names = ["report_id", "text", "start", "end", "page", *extra]
        values = []
        for fact in extraction.get(table) or []:
            item = [report_id, fact.get("text"), fact.get("start"), fact.get("end")]
            item.append(fact.get("page"))
            for key in extra:
                value = fact.get(key)
                item.append(int(value) if isinstance(value, bool) else value)
            values.append(item)
        if values:
            quoted = ", ".join(f'"{n}"' for n in names)
            conn.executemany(
                f"INSERT INTO {table} ({quoted}) VALUES ({', '.join('?' * len(names))})",
                values,
            )
