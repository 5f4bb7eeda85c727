"""Every setting of the service in one table: name, default, help.

A setting `name` is read, in order of precedence, from the app config passed to
`create_app(test_config)` (key `NAME` upper-cased), the environment (`ARSIP_NAME`),
and finally its default. `arsip settings` (and docs/api.md) print this table.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


def _bool(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    return str(value).strip().lower() in {"1", "true", "yes", "on"}


def _choice(*allowed: str) -> Callable[[Any], str]:
    def parse(value: Any) -> str:
        if value not in allowed:
            raise ValueError(f"{value!r} is not one of {', '.join(allowed)}")
        return value

    return parse


@dataclass(frozen=True)
class Setting:
    name: str
    default: Any
    help: str
    parse: Callable[[Any], Any] = str


SETTINGS: tuple[Setting, ...] = (
    Setting("data_dir", "./data", "Directory holding the database and the uploaded files."),
    Setting("database", "", "SQLite file; empty means DATA_DIR/arsip.db."),
    Setting("max_upload_mb", 25, "Largest accepted request body, in megabytes (else 413).", float),
    Setting(
        "writes_need_key",
        True,
        "Uploads need `Authorization: Bearer KEY` (keys from `arsip keys create`).",
        _bool,
    ),
    Setting("reads_need_key", False, "Searches and reads need an API key too.", _bool),
    Setting(
        "extractor",
        "nlp:extract",
        "The extractor as module:function, called as f(text, reference_date).",
    ),
    Setting(
        "pdf_reader",
        "pypdfium2",
        "PDF text layer engine: pypdfium2 (fast) or pdfplumber (layout-aware).",
        _choice("pypdfium2", "pdfplumber"),
    ),
    Setting(
        "max_pages",
        1000,
        "Most pages read from one PDF or TIFF; a longer file fails with its page count.",
        int,
    ),
    Setting(
        "max_text_chars",
        5_000_000,
        "Longest text kept from one file, in characters; a longer one fails (not extracted).",
        int,
    ),
    Setting(
        "max_unzipped_mb",
        100,
        "Largest unpacked size of a .docx (a ZIP), in megabytes; a bigger one fails as a bomb.",
        float,
    ),
    Setting(
        "read_timeout",
        600,
        "Seconds one PDF, DOCX or image may take to read (OCR included), in a child process;"
        " then it fails. 0 reads in the worker itself, without time or memory limits.",
        float,
    ),
    Setting(
        "read_memory_mb",
        2048,
        "Memory (address space, RLIMIT_AS) the reading child may add; beyond it the file fails.",
        float,
    ),
    Setting("store_files", True, "Keep a copy of every uploaded file under DATA_DIR/files.", _bool),
    Setting("page_size", 20, "Search results per page when `per_page` is not given.", int),
    Setting("max_page_size", 200, "Largest allowed `per_page`.", int),
    Setting("facet_size", 10, "Values returned per facet.", int),
    Setting("workers", 2, "gunicorn worker processes for `arsip serve`.", int),
)

BY_NAME = {s.name: s for s in SETTINGS}


def resolve(config: dict[str, Any] | None = None) -> dict[str, Any]:
    """The effective value of every setting, keyed by upper-case name."""
    config = config or {}
    out: dict[str, Any] = {}
    for s in SETTINGS:
        key = s.name.upper()
        if key in config:
            raw = config[key]
        elif f"ARSIP_{key}" in os.environ:
            raw = os.environ[f"ARSIP_{key}"]
        else:
            raw = s.default
        out[key] = s.parse(raw)
    if not out["DATABASE"]:
        out["DATABASE"] = os.path.join(out["DATA_DIR"], "arsip.db")
    return out


def table() -> str:
    """The settings as a Markdown table (for `arsip settings` and the docs)."""
    rows = ["| setting | env | default | help |", "|---|---|---|---|"]
    for s in SETTINGS:
        rows.append(f"| {s.name} | ARSIP_{s.name.upper()} | {s.default!r} | {s.help} |")
    return "\n".join(rows)
