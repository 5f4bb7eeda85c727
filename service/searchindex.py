"""In-memory arrays of every report's filter, sort and facet values, so search stays fast.

At 100k records the SQL forms of the fact filters (`place=Jawa Timur` matches ~90% of the
reports), of the sorts and of the facet GROUP BYs took 0.1-0.6 s. Here each worker keeps
numpy arrays indexed by report id (event date rank, participant count, status, collection)
and, per fact table, one row per fact (report id, value ids). A search is then masks,
gathers and a bincount over 100k-300k integers: a few milliseconds.

Freshness: triggers (migration 004) append the id of every report whose row or facts
change to `_changes`; before each search the index reads the rows past the last sequence
number it saw and reloads just those reports (or everything, when many changed). The
search runs in one read transaction, so the arrays and the SQL parts see the same data.

Matching follows the SQL it replaces: names compare like COLLATE NOCASE (ASCII case only),
facet values group case-insensitively and show as first seen, each report counted once.
"""

from __future__ import annotations

import json
import os
import string
import threading
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import Any

import numpy as np
import sqlite_utils

NOCASE = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)
# Reload everything instead of patching when more than this share of reports changed.
FULL_RELOAD_SHARE = 0.25
NULL_COUNT = -(2**62)  # participant_count NULL
FACT_COLUMNS = {"agencies": ("name",), "places": ("name", "province", "code")}
# facet -> (fact table, column); "year" comes from reports.event_date.
FACETS = {
    "agency": ("agencies", "name"),
    "place": ("places", "name"),
    "province": ("places", "province"),
}


class Strings:
    """Exact string -> small int id in first-seen order; id 0 is NULL. Append-only, so an
    older snapshot's ids stay valid while a newer one adds strings."""

    def __init__(self) -> None:
        self.names: list[str | None] = [None]
        self.ids: dict[str, int] = {}

    def id(self, value: str | None) -> int:
        if value is None:
            return 0
        found = self.ids.get(value)
        if found is None:
            found = self.ids[value] = len(self.names)
            self.names.append(value)
        return found

    def where(self, test) -> np.ndarray:
        """Boolean array over ids: which strings pass `test` (NULL never does)."""
        out = np.zeros(len(self.names), bool)
        for i, name in enumerate(self.names[1:], 1):
            out[i] = bool(test(name))
        return out

    def nocase(self, value: str) -> np.ndarray:
        key = value.translate(NOCASE)
        return self.where(lambda name: name.translate(NOCASE) == key)


@dataclass
class Facts:
    """One row per fact of a table: its report id and one value id per column."""

    report: np.ndarray
    values: dict[str, np.ndarray]


@dataclass
class Snapshot:
    seq: int
    exists: np.ndarray  # bool by report id
    event: np.ndarray  # object by report id: event_date or None
    participants: np.ndarray  # int64 by report id, NULL_COUNT for NULL
    status: np.ndarray  # int32 Strings ids by report id
    collection: np.ndarray
    copy: np.ndarray  # bool by report id: same words as an earlier report (same_text_as)
    facts: dict[str, Facts]
    strings: dict[str, Strings]
    # derived by finish()
    dates: np.ndarray = field(default_factory=lambda: np.zeros(0, "U1"))  # sorted distinct
    date_rank: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int64))  # -1: NULL
    orders: dict[str, np.ndarray] = field(default_factory=dict)
    facet_pairs: dict[str, tuple[np.ndarray, np.ndarray, list[str]]] = field(default_factory=dict)

    @property
    def size(self) -> int:
        return len(self.exists)

    def finish(self) -> Snapshot:
        """Date ranks, the two event-date orders and the facet (report, value) pairs."""
        has = (
            np.array([v is not None for v in self.event], bool) if self.size else np.zeros(0, bool)
        )
        filled = np.where(has, self.event, "")
        self.dates, inverse = np.unique(filled.astype(str), return_inverse=True)
        inverse = inverse.reshape(-1)
        if len(self.dates) and self.dates[0] == "":
            self.dates, inverse = self.dates[1:], inverse - 1
        self.date_rank = np.where(has, inverse, -1).astype(np.int64)
        ids = np.flatnonzero(self.exists)
        rank, null = self.date_rank[ids], self.date_rank[ids] < 0
        self.orders = {
            "event_date": ids[np.lexsort((ids, rank, null))],
            "-event_date": ids[np.lexsort((-ids, -rank, null))],
        }
        self.facet_pairs = {}
        for facet, (table, column) in FACETS.items():
            facts = self.facts[table]
            self.facet_pairs[facet] = _pairs(
                facts.report, facts.values[column], self.strings[f"{table}.{column}"].names
            )
        year_names = [None, *(d[:4] for d in self.dates)]
        reports = ids[~null]
        self.facet_pairs["year"] = _pairs(reports, self.date_rank[reports] + 1, year_names)
        return self

    # ------------------------------------------------------------ filters

    def mask(self, ids: np.ndarray | None = None) -> np.ndarray:
        out = np.zeros(self.size, bool)
        if ids is None:
            out[:] = self.exists
        else:
            ids = ids[ids < self.size]
            out[ids] = True
            out &= self.exists
        return out

    def fact_reports(self, table: str, selected: dict[str, np.ndarray]) -> np.ndarray:
        """Report ids with a fact whose value (any of the columns given) is selected."""
        facts = self.facts[table]
        hit = np.zeros(len(facts.report), bool)
        for column, chosen in selected.items():
            hit |= chosen[facts.values[column]]
        return facts.report[hit]

    def agency(self, name: str) -> np.ndarray:
        return self.fact_reports("agencies", {"name": self.strings["agencies.name"].nocase(name)})

    def place(self, name: str) -> np.ndarray:
        """The place itself, anything in its province, anything under its codes."""
        names = self.strings["places.name"].nocase(name)
        provinces = self.strings["places.province"].nocase(name)
        facts = self.facts["places"]
        codes_of = self.strings["places.code"]
        own = np.unique(facts.values["code"][names[facts.values["name"]]])
        prefixes = tuple(codes_of.names[c] + "." for c in own if c)
        under = codes_of.where(lambda code: code.startswith(prefixes) and code not in prefixes)
        return self.fact_reports("places", {"name": names, "province": provinces, "code": under})

    def date_bound(self, value: str, upper: bool) -> np.ndarray:
        """Reports whose event date is >= value (or <= value when upper); NULL never is."""
        side = "right" if upper else "left"
        cut = int(np.searchsorted(self.dates, value, side=side))
        rank = self.date_rank
        return (rank >= 0) & (rank < cut) if upper else rank >= cut

    def date_key(self, value: str | None) -> float:
        """A cursor's date on the rank scale: 2*rank when stored, between ranks otherwise."""
        if value is None:
            return 0.0
        cut = int(np.searchsorted(self.dates, value, side="left"))
        exact = cut < len(self.dates) and self.dates[cut] == value
        return 2.0 * cut if exact else 2.0 * cut - 1

    # ------------------------------------------------------------ facets

    def facet_counts(self, mask: np.ndarray | None, size: int) -> dict[str, list[dict]]:
        out = {}
        for facet, (reports, groups, names) in self.facet_pairs.items():
            values = groups if mask is None else groups[mask[reports]]
            counts = np.bincount(values, minlength=len(names))
            counts[0] = 0
            order = np.lexsort((np.arange(len(counts)), -counts))[:size]
            out[facet] = [
                {"value": names[i], "count": int(counts[i])} for i in order if counts[i] > 0
            ]
        return {name: out[name] for name in ("agency", "place", "province", "year")}


def _pairs(reports: np.ndarray, values: np.ndarray, names: list[str | None]):
    """Unique (report, group) pairs, values grouped case-insensitively, shown as first seen."""
    group_of = np.zeros(len(names), np.int64)
    shown: list[str | None] = [None]
    seen: dict[str, int] = {}
    for i, name in enumerate(names[1:], 1):
        if name is None:
            continue
        key = name.casefold()
        if key not in seen:
            seen[key] = len(shown)
            shown.append(name)
        group_of[i] = seen[key]
    groups = group_of[values]
    keep = groups > 0
    width = len(shown) + 1
    pairs = np.unique(reports[keep].astype(np.int64) * width + groups[keep])
    return pairs // width, pairs % width, shown


# ---------------------------------------------------------------- loading


def _load_reports(db, snap: Snapshot, where: str = "", args: Iterable[Any] = ()) -> None:
    rows = db.execute(
        "SELECT id, event_date, participant_count, status, collection, same_text_as "
        f"FROM reports{where}",
        list(args),
    ).fetchall()
    if not rows:
        return
    top = max(r[0] for r in rows) + 1
    if top > snap.size:
        _grow(snap, top)
    status, collection = snap.strings["status"], snap.strings["collection"]
    ids = np.fromiter((r[0] for r in rows), np.int64, len(rows))
    snap.exists[ids] = True
    event = [r[1] for r in rows]
    snap.event[ids] = np.array(event + [None], object)[:-1]
    snap.participants[ids] = [NULL_COUNT if r[2] is None else r[2] for r in rows]
    snap.status[ids] = [status.id(r[3]) for r in rows]
    snap.collection[ids] = [collection.id(r[4]) for r in rows]
    snap.copy[ids] = [r[5] is not None for r in rows]


def _grow(snap: Snapshot, size: int) -> None:
    size = max(size, int(snap.size * 1.25) + 16)
    extra = size - snap.size
    snap.exists = np.concatenate([snap.exists, np.zeros(extra, bool)])
    snap.event = np.concatenate([snap.event, np.full(extra, None, object)])
    snap.participants = np.concatenate([snap.participants, np.full(extra, NULL_COUNT, np.int64)])
    snap.status = np.concatenate([snap.status, np.zeros(extra, np.int32)])
    snap.collection = np.concatenate([snap.collection, np.zeros(extra, np.int32)])
    snap.copy = np.concatenate([snap.copy, np.zeros(extra, bool)])


def _load_facts(db, snap: Snapshot, table: str, where: str = "", args=()) -> Facts:
    columns = FACT_COLUMNS[table]
    cur = db.execute(
        f"SELECT report_id, {', '.join(columns)} FROM {table}{where} ORDER BY id", list(args)
    )
    rows = cur.fetchall()
    strings = [snap.strings[f"{table}.{c}"] for c in columns]
    report = np.fromiter((r[0] for r in rows), np.int64, len(rows))
    values = {
        column: np.fromiter((s.id(r[i + 1]) for r in rows), np.int64, len(rows))
        for i, (column, s) in enumerate(zip(columns, strings, strict=True))
    }
    return Facts(report, values)


def _empty() -> Snapshot:
    names = ["status", "collection", *(f"{t}.{c}" for t, cs in FACT_COLUMNS.items() for c in cs)]
    return Snapshot(
        seq=0,
        exists=np.zeros(0, bool),
        event=np.zeros(0, object),
        participants=np.zeros(0, np.int64),
        status=np.zeros(0, np.int32),
        collection=np.zeros(0, np.int32),
        copy=np.zeros(0, bool),
        facts={},
        strings={name: Strings() for name in names},
    )


def _full(db, seq: int) -> Snapshot:
    snap = _empty()
    snap.seq = seq
    _load_reports(db, snap)
    snap.facts = {table: _load_facts(db, snap, table) for table in FACT_COLUMNS}
    return snap.finish()


def _patch(db, old: Snapshot, seq: int, changed: list[int]) -> Snapshot:
    """A new snapshot with the `changed` reports reloaded (old one left intact for readers)."""
    snap = replace(
        old,
        seq=seq,
        exists=old.exists.copy(),
        event=old.event.copy(),
        participants=old.participants.copy(),
        status=old.status.copy(),
        collection=old.collection.copy(),
        copy=old.copy.copy(),
    )
    ids = np.asarray(changed, np.int64)
    inside = ids[ids < snap.size]
    snap.exists[inside] = False
    snap.event[inside] = None
    snap.participants[inside] = NULL_COUNT
    snap.status[inside] = 0
    snap.collection[inside] = 0
    snap.copy[inside] = False
    where, args = " WHERE id IN (SELECT value FROM json_each(?))", [json.dumps(changed)]
    _load_reports(db, snap, where, args)
    facts = {}
    for table in FACT_COLUMNS:
        kept = ~np.isin(old.facts[table].report, ids)
        new = _load_facts(db, snap, table, where.replace("id IN", "report_id IN"), args)
        facts[table] = Facts(
            np.concatenate([old.facts[table].report[kept], new.report]),
            {
                c: np.concatenate([old.facts[table].values[c][kept], new.values[c]])
                for c in FACT_COLUMNS[table]
            },
        )
    snap.facts = facts
    return snap.finish()


class SearchIndex:
    def __init__(self) -> None:
        self.snapshot: Snapshot | None = None
        self.lock = threading.Lock()

    def current(self, db: sqlite_utils.Database) -> Snapshot:
        """The arrays as of the database's latest committed change (call in a transaction)."""
        seq = db.execute("SELECT max(seq) FROM _changes").fetchone()[0] or 0
        snap = self.snapshot
        if snap is not None and snap.seq == seq:
            return snap
        with self.lock:
            snap = self.snapshot
            if snap is None or seq < snap.seq:
                snap = _full(db, seq)
            elif seq > snap.seq:
                changed = [
                    r[0]
                    for r in db.execute(
                        "SELECT DISTINCT report_id FROM _changes WHERE seq > ? AND seq <= ?",
                        [snap.seq, seq],
                    )
                    if r[0] is not None
                ]
                reports = int(snap.exists.sum())
                if len(changed) > FULL_RELOAD_SHARE * max(reports, 1) and len(changed) > 50:
                    snap = _full(db, seq)
                else:
                    snap = _patch(db, snap, seq, changed)
            self.snapshot = snap
            return snap


_indexes: dict[tuple[int, str], SearchIndex] = {}
_guard = threading.Lock()


def index_for(path: str) -> SearchIndex:
    """The index of this database in this process (workers fork: one each)."""
    key = (os.getpid(), os.path.abspath(path))
    with _guard:
        if key not in _indexes:
            _indexes[key] = SearchIndex()
        return _indexes[key]
