"""Re-extract: run the current extractor over stored texts, without reading any file again.

`extractor_version` changes whenever rules or data change; records stored by an older
version (or whose extraction failed) get new facts, swapped in one transaction per record
(store.replace_extraction). The CLI runs it over many records with a process pool; the API
(POST /api/reports/<id>/reextract) runs the same `reextract_report` on one.
"""

from __future__ import annotations

import time
from concurrent.futures import Future
from dataclasses import dataclass, field
from typing import Any

import sqlite_utils

from . import store
from .bulk import Progress, run_pool
from .ingest import extractor_version, parse_reference_date, run_extractor
from .readers import IngestError


def current_version(spec: str) -> str | None:
    """The version the extractor stamps on its results (module attribute, else one run)."""
    version = extractor_version(spec)
    if version is None:
        version = run_extractor(spec, "Pada hari Senin, 1 Januari 2024.", None).get(
            "extractor_version"
        )
    return version


def compute(spec: str, source: dict[str, Any]) -> dict[str, Any]:
    """The new extraction of one stored report (pure: runs in a worker process)."""
    reference = parse_reference_date(source.get("reference_date"))
    return run_extractor(spec, source["text"], reference, source.get("pages"))


def _source(db: sqlite_utils.Database, report_id: int) -> dict[str, Any] | None:
    source = store.extraction_source(db, report_id)
    if source is not None and source["text"] is None:
        raise IngestError(
            f"report {report_id} has no stored text to re-extract (status {source['status']})"
        )
    return source


def reextract_report(db: sqlite_utils.Database, report_id: int, spec: str) -> dict | None:
    """Re-extract one report now; None if there is no such report.

    Raises IngestError (422) when it has no text, or when the extractor fails (the record
    then keeps its earlier facts).
    """
    source = _source(db, report_id)
    if source is None:
        return None
    try:
        extraction = compute(spec, source)
    except Exception as ex:
        raise IngestError(f"extraction failed: {type(ex).__name__}: {ex}") from ex
    store.replace_extraction(db, report_id, extraction)
    return {
        "previous_version": source["extractor_version"],
        "extractor_version": extraction.get("extractor_version"),
    }


@dataclass
class Summary:
    updated: list[int] = field(default_factory=list)
    failed: list[tuple[int, str]] = field(default_factory=list)  # (report id, reason)
    version: str | None = None
    seconds: float = 0.0
    interrupted: bool = False

    def line(self) -> str:
        n = len(self.updated) + len(self.failed)
        rate = n / self.seconds if self.seconds > 0 else 0.0
        return (
            f"{n} reports re-extracted with {self.version} in {self.seconds:.1f} s "
            f"({rate:.1f}/s): {len(self.updated)} updated, {len(self.failed)} failed"
            + (" [interrupted]" if self.interrupted else "")
        )


def reextract_all(
    db: sqlite_utils.Database,
    spec: str,
    *,
    everything: bool = False,
    workers: int = 1,
    progress: Progress | None = None,
) -> Summary:
    """Every report stored by another extractor version (or all with `everything`)."""
    started = time.monotonic()
    summary = Summary(version=current_version(spec))
    ids = store.stale_report_ids(db, None if everything else summary.version)
    progress = progress or Progress(enabled=False)
    progress.start(len(ids))

    def detail() -> str:
        return f"updated {len(summary.updated)} failed {len(summary.failed)}"

    def tasks():
        for report_id in ids:
            source = _source(db, report_id)
            if source is not None:  # deleted meanwhile: nothing to do
                yield report_id, compute, (spec, source), {}

    def handle(report_id: int, future: Future) -> None:
        try:
            extraction = future.result()
        except Exception as ex:  # the record keeps its earlier facts
            summary.failed.append((report_id, f"extraction failed: {type(ex).__name__}: {ex}"))
        else:
            store.replace_extraction(db, report_id, extraction)
            summary.updated.append(report_id)
        progress.update(len(summary.updated) + len(summary.failed), detail())

    try:
        summary.interrupted = run_pool(workers, spec, tasks(), handle)
    finally:
        summary.seconds = time.monotonic() - started
        progress.close(len(summary.updated) + len(summary.failed), detail())
    return summary
