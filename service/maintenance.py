"""Keeping the database safe: an online backup and a consistency check (`arsip backup`,
`arsip check`). Both only read the live database, so they run while the server serves
and an ingest writes (WAL readers never block writers)."""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path

from .store import FACT_TABLES

FTS_TABLE = "report_texts_fts"


def backup(database: str, target: str | os.PathLike) -> int:
    """Copy `database` to `target` with SQLite's online backup API; returns its reports.

    The copy is one consistent snapshot (the backup reads in a single step, inside one
    read transaction, so concurrent commits are either wholly in or wholly out). It is
    written beside the target, checked, switched to a single-file journal and only then
    renamed over the target, so a failed or killed backup never leaves a half copy.
    """
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f".{target.name}.{os.getpid()}.partial")
    partial.unlink(missing_ok=True)
    source = sqlite3.connect(f"file:{database}?mode=ro", uri=True, timeout=30)
    try:
        copy = sqlite3.connect(partial)
        try:
            source.backup(copy)  # pages=-1: every page in one step, one snapshot
            copy.execute("PRAGMA journal_mode=DELETE")  # one self-contained file
            problems = check(copy)
            if problems:
                raise RuntimeError("the copy failed its check: " + "; ".join(problems))
            reports = copy.execute("SELECT count(*) FROM reports").fetchone()[0]
        finally:
            copy.close()
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    finally:
        source.close()
    os.replace(partial, target)
    return reports


def check(conn: sqlite3.Connection) -> list[str]:
    """What is wrong with the database, in words (empty when all is well).

    PRAGMA integrity_check and foreign_key_check; the FTS index's own integrity-check;
    one text and one FTS row per report; no sha256 twice; and every report's fact rows
    equal in number to the facts of its stored extraction (no half-written record).
    """
    problems: list[str] = []
    result = [row[0] for row in conn.execute("PRAGMA integrity_check")]
    if result != ["ok"]:
        problems.append("integrity_check: " + "; ".join(result[:5]))
        return problems  # the rest would read a damaged file
    if conn.execute("PRAGMA foreign_key_check").fetchone():
        problems.append("foreign_key_check: fact rows of missing reports")
    try:
        conn.execute(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('integrity-check')")
    except sqlite3.DatabaseError as ex:
        problems.append(f"{FTS_TABLE} integrity-check: {ex}")
    counts = {
        table: conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        for table in ("reports", "report_texts", FTS_TABLE)
    }
    if len(set(counts.values())) != 1:
        problems.append(f"row counts differ: {counts}")
    twice = conn.execute(
        "SELECT count(*) FROM (SELECT sha256 FROM reports GROUP BY sha256 HAVING count(*) > 1)"
    ).fetchone()[0]
    if twice:
        problems.append(f"{twice} files stored more than once")
    facts = {
        table: dict(conn.execute(f"SELECT report_id, count(*) FROM {table} GROUP BY report_id"))
        for table in FACT_TABLES
    }
    rows = conn.execute(
        "SELECT r.id, r.status, t.extraction FROM reports r LEFT JOIN report_texts t USING (id)"
    )
    for report_id, status, extraction in rows:
        stored = json.loads(extraction) if extraction else {}
        if status == "ok" and not stored:
            problems.append(f"report {report_id}: status ok without an extraction")
        for table in FACT_TABLES:
            expected, got = len(stored.get(table) or []), facts[table].get(report_id, 0)
            if got != expected:
                problems.append(f"report {report_id}: {got} {table} rows for {expected} facts")
    return problems
