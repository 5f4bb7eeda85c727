"""The database: schema (versioned migrations), one-transaction inserts, search and facets.

Everything that knows table or column names lives here. The store knows nothing of HTTP:
bad query parameters raise `QueryError`, turned into a 400 at the API edge.

Tables (all visible in Datasette as they are):
  reports                one row per upload: metadata, status, error (small rows, so filters,
                         sorts and facets over 100k records stay in the page cache)
  report_texts           the same id: title, plain text, `search_text` (folded + Sastrawi-
                         stemmed) and the extraction JSON
  report_texts_fts       FTS5 over title, text and search_text, kept by triggers
  dates, places, agencies, participants   one row per fact, with offsets and page
  api_keys               sha256 of each key, never the key
  _migrations            which migrations ran
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import re
import sqlite3
import unicodedata
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from functools import lru_cache
from typing import Any

import sqlite_utils


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
    "error, uploaded_at"
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
    return " ".join(stem(w) for part in parts if part for w in _WORD.findall(fold(part)))


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


# Append only: a database records the names it has run, and runs the rest in order.
MIGRATIONS: list[tuple[str, Callable[[sqlite_utils.Database], None]]] = [
    ("001_initial", _m001_initial),
    ("002_report_pages", _m002_report_pages),
    ("003_report_ocr_pages", _m003_report_ocr_pages),
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
    columns = list(row)
    cursor = conn.execute(
        f"INSERT INTO reports ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
        [row[c] for c in columns],
    )
    report_id = cursor.lastrowid
    text = record.get("text")
    conn.execute(
        "INSERT INTO report_texts (id, title, text, search_text, extraction) VALUES (?, ?, ?, ?, ?)",
        [
            report_id,
            row.get("title"),
            text,
            search_text(row.get("title"), text),
            json.dumps(extraction, ensure_ascii=False) if extraction else None,
        ],
    )
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
    return report_id


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

    params: q, agency (list), place (list), date_from, date_to, min_participants,
    max_participants, status, collection. Every list value is ANDed.
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


def search_sort(params: dict[str, Any]) -> str:
    sort = params.get("sort") or ("relevance" if params.get("q") else "-uploaded")
    if sort not in SORTS:
        raise QueryError(f"sort must be one of {', '.join(SORTS)}")
    if sort == "relevance" and not params.get("q"):
        sort = "-uploaded"
    return SORTS[sort]


SNIPPET_OPEN, SNIPPET_CLOSE = "\x02", "\x03"


def search(
    db: sqlite_utils.Database,
    params: dict[str, Any],
    page: int = 1,
    per_page: int = 20,
    facets: bool = True,
    facet_size: int = 10,
) -> dict[str, Any]:
    """One page of matching reports, the total, and facet counts over all matches."""
    joins, where, args = build_where(db, params)
    order = search_sort(params)
    snippet = (
        f"snippet(report_texts_fts, 1, '{SNIPPET_OPEN}', '{SNIPPET_CLOSE}', '…', 24)"
        if params.get("q")
        else "NULL"
    )
    sql = (
        f"SELECT r.id, r.title, r.file_name, r.media_type, r.page_count, r.event_date, "
        f"r.participant_count, r.status, r.collection, r.source, r.uploaded_at, "
        f"{snippet} AS snippet FROM {joins}{where} ORDER BY {order} LIMIT ? OFFSET ?"
    )
    try:
        cur = db.execute(sql, [*args, per_page, (page - 1) * per_page])
        names = [d[0] for d in cur.description]
        rows = [dict(zip(names, values, strict=True)) for values in cur.fetchall()]
        facet_counts: dict[str, list[dict[str, Any]]] = {}
        if facets:
            import numpy as np

            from .facets import index_for

            matched = None
            if where:
                # One string of ids parsed by numpy: 10x faster than iterating 100k rows.
                ids = db.execute(f"SELECT group_concat(r.id) FROM {joins}{where}", args)
                text = ids.fetchone()[0] or ""
                matched = np.fromstring(text, dtype=np.int64, sep=",")
                total = len(matched)
            else:
                total = db.execute("SELECT count(*) FROM reports").fetchone()[0]
            path = db.execute("PRAGMA database_list").fetchone()[2]
            facet_counts = index_for(path).counts(db, matched, facet_size)
        else:
            total = db.execute(f"SELECT count(*) FROM {joins}{where}", args).fetchone()[0]
    except sqlite3.OperationalError as ex:  # an FTS expression we built but SQLite refused
        raise QueryError(f"the query could not be run: {ex}") from ex
    _attach_names(db, rows)
    return {"total": total, "results": rows, "facets": facet_counts}


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
