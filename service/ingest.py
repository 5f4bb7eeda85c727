"""bytes -> reader -> extractor -> store: the one way a report gets in (API, CLI, samples).

Nothing is silently lost: a file that cannot be read still becomes a record with its
status and error, so the archivist sees what failed and why.
"""

from __future__ import annotations

import hashlib
import importlib
import json
import os
import sqlite3
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

import sqlite_utils

from . import store
from .readers import Document, IngestError, media_type_of, read_bytes
from .readers.limits import Limits

META_FIELDS = ("title", "source", "original_url", "collection", "reference_date")


@dataclass
class Result:
    report: dict[str, Any]  # the stored record (no text), as the API returns it
    created: bool  # False when the same bytes were already stored
    error: IngestError | None = None  # why the record failed, if it did

    @property
    def duplicate(self) -> bool:
        return not self.created


@lru_cache(maxsize=8)
def load_extractor(spec: str):
    """'module:function' -> the callable; the function is called as f(text, reference_date)."""
    module, _, name = spec.partition(":")
    return getattr(importlib.import_module(module), name or "extract")


def extractor_version(spec: str) -> str | None:
    module = importlib.import_module(spec.partition(":")[0])
    return getattr(module, "EXTRACTOR_VERSION", None)


def parse_reference_date(value: str | date | None) -> date | None:
    if value is None or value == "" or isinstance(value, date):
        return value or None
    try:
        return date.fromisoformat(value)
    except ValueError as ex:
        raise IngestError("reference_date must be YYYY-MM-DD", status=400) from ex


@dataclass
class Prepared:
    """A report read and extracted but not stored: what a bulk worker process sends back."""

    record: dict[str, Any]  # reports columns plus `text` and `extraction`, for store.insert_report
    error: IngestError | None = None  # why the record failed, if it did


def run_extractor(
    spec: str, text: str, reference: date | None, pages: list[tuple[int, int]] | None = None
) -> dict[str, Any]:
    """The extraction as CONTRACT.md JSON, each fact with its 1-based `page` when paged.

    Shared by upload, bulk ingest and re-extract, so all three store the same facts.
    """
    extraction = load_extractor(spec)(text, reference)
    result = extraction.to_json() if hasattr(extraction, "to_json") else dict(extraction)
    if pages:
        document = Document(text=text, media_type="", pages=[tuple(p) for p in pages])
        for field in store.FACT_TABLES:
            for fact in result.get(field) or []:
                fact["page"] = document.page_of(fact["start"])
    return result


def prepare(
    data: bytes,
    file_name: str,
    media_type: str | None = None,
    meta: dict[str, Any] | None = None,
    *,
    extractor: str = "nlp:extract",
    pdf_engine: str = "pypdfium2",
    sha256: str | None = None,
    limits: Limits | None = None,
) -> Prepared:
    """bytes -> reader -> extractor, no database: safe to run in a worker process.

    Raises IngestError only when nothing is worth keeping (415 unsupported type, 400 bad
    reference_date); any other failure comes back as a failed record with its reason.
    """
    meta = dict(meta or {})
    reference = parse_reference_date(meta.get("reference_date"))
    kind = media_type_of(file_name, media_type)
    if kind is None:  # 415: nothing worth keeping, the client must send another format
        read_bytes(data, file_name, media_type)  # raises the 415 with the supported list
    record: dict[str, Any] = {
        "sha256": sha256 or hashlib.sha256(data).hexdigest(),
        "file_name": file_name,
        "media_type": kind,
        "size": len(data),
        **{k: meta.get(k) for k in META_FIELDS},
    }
    record["reference_date"] = reference.isoformat() if reference else None
    try:
        document = read_bytes(data, file_name, media_type, pdf_engine=pdf_engine, limits=limits)
    except IngestError as ex:
        record.update(status=ex.kind, error=ex.reason)
        # A scan with no readable text, or one waiting for OCR to be installed, is kept
        # with that status rather than failed: a later re-ingest can fill it in.
        waiting = ex.kind in ("no_text_layer", "ocr_unavailable")
        return Prepared(record, None if waiting else ex)
    record.update(text=document.text, page_count=document.page_count or None)
    record["title"] = record.get("title") or document.title or _first_line(document.text)
    if document.pages:  # kept so that a re-extract can give facts their page again
        record["pages"] = json.dumps(document.pages)
    if document.ocr_pages:
        record["ocr_pages"] = json.dumps(document.ocr_pages)
    try:
        result = run_extractor(extractor, document.text, reference, document.pages)
    except Exception as ex:  # an extractor bug must not lose the upload
        error = IngestError(f"extraction failed: {type(ex).__name__}: {ex}")
        record.update(status="failed", error=error.reason)
        return Prepared(record, error)
    record.update(
        extraction=result,
        extractor_version=result.get("extractor_version"),
        status="ok",
        error=None,
    )
    return Prepared(record)


@dataclass
class Ingester:
    """What an ingest needs besides the bytes: the database and a few settings."""

    db: sqlite_utils.Database
    extractor: str = "nlp:extract"
    pdf_engine: str = "pypdfium2"
    files_dir: str | None = None  # where uploaded bytes are kept; None keeps none
    limits: Limits = field(default_factory=Limits.from_settings)  # pages, size, time, memory

    def ingest_bytes(
        self,
        data: bytes,
        file_name: str,
        media_type: str | None = None,
        meta: dict[str, Any] | None = None,
    ) -> Result:
        meta = dict(meta or {})
        parse_reference_date(meta.get("reference_date"))  # a 400 before anything else
        sha = hashlib.sha256(data).hexdigest()
        existing = store.find_by_sha(self.db, sha)
        if existing:
            return Result(existing, created=False, error=_stored_error(existing))
        prepared = prepare(
            data,
            file_name,
            media_type,
            meta,
            extractor=self.extractor,
            pdf_engine=self.pdf_engine,
            sha256=sha,
            limits=self.limits,
        )
        return self.store_prepared(prepared, data)

    def store_prepared(self, prepared: Prepared, data: bytes) -> Result:
        """Store what `prepare` made (here or in a worker process): one transaction."""
        return self._store(prepared.record, data, error=prepared.error)

    def ingest_text(self, text: str, meta: dict[str, Any] | None = None) -> Result:
        """A report sent as text (the JSON body of POST /api/reports)."""
        if not text.strip():
            raise IngestError("text is empty")
        meta = dict(meta or {})
        data = text.encode("utf-8")
        name = meta.pop("file_name", None) or "report.txt"
        return self.ingest_bytes(data, name, "text/plain", meta)

    def ingest_path(self, path: str | os.PathLike, meta: dict[str, Any] | None = None) -> Result:
        path = Path(path)
        return self.ingest_bytes(path.read_bytes(), path.name, None, meta)

    # ------------------------------------------------------------------ internals

    def _store(
        self, record: dict[str, Any], data: bytes, error: IngestError | None = None
    ) -> Result:
        if self.files_dir:
            record["stored_path"] = self._keep_file(record["sha256"], record["file_name"], data)
        try:
            report_id = store.insert_report(self.db, record)
        except sqlite3.IntegrityError:  # the same bytes arrived concurrently: keep the first
            existing = store.find_by_sha(self.db, record["sha256"])
            if existing is None:
                raise
            return Result(existing, created=False, error=_stored_error(existing))
        stored = store.find_by_sha(self.db, record["sha256"])
        assert stored is not None and stored["id"] == report_id
        return Result(stored, created=True, error=error)

    def _keep_file(self, sha: str, file_name: str, data: bytes) -> str:
        """Content-addressed copy: files/ab/abcdef....pdf (idempotent)."""
        suffix = Path(file_name).suffix.lower()[:10]
        relative = os.path.join("files", sha[:2], sha + suffix)
        target = os.path.join(self.files_dir, relative)
        if not os.path.exists(target):
            os.makedirs(os.path.dirname(target), exist_ok=True)
            tmp = f"{target}.{os.getpid()}.tmp"
            with open(tmp, "wb") as fh:
                fh.write(data)
            os.replace(tmp, target)
        return relative


def _first_line(text: str) -> str | None:
    for line in text.splitlines():
        if line.strip():
            return line.strip()[:200]
    return None


def _stored_error(report: dict[str, Any]) -> IngestError | None:
    if report.get("status") in ("ok", "no_text_layer"):
        return None
    return IngestError(report.get("error") or report["status"], kind=report["status"])
