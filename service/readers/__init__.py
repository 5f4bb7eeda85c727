"""Bytes -> plain text (+ page spans), one small reader per format.

Readers know nothing of extraction or storage. A reader that cannot read a file
raises IngestError with a reason a person can act on.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path


class IngestError(Exception):
    """A file could not be turned into text; `reason` is shown to the user and stored."""

    def __init__(self, reason: str, status: int = 422, kind: str = "failed"):
        super().__init__(reason)
        self.reason = reason
        self.status = status
        # Stored as the record's status: "failed", "encrypted", "no_text_layer" (OCR later).
        self.kind = kind


PAGE_BREAK = "\n\n"  # between the pages of a paged document


@dataclass
class Document:
    text: str
    media_type: str
    # (start, end) of each page in `text`; empty for formats without pages.
    pages: list[tuple[int, int]] = field(default_factory=list)
    ocr_pages: list[int] = field(default_factory=list)  # 1-based pages read by OCR
    title: str | None = None  # from the file itself (<title>, docx properties), if any

    @classmethod
    def from_pages(
        cls, texts: list[str], media_type: str, ocr_pages: list[int] | None = None
    ) -> Document:
        """One text from the pages' texts, joined by a blank line, with each page's span."""
        parts: list[str] = []
        pages: list[tuple[int, int]] = []
        pos = 0
        for text in texts:
            if parts:
                parts.append(PAGE_BREAK)
                pos += len(PAGE_BREAK)
            parts.append(text)
            pages.append((pos, pos + len(text)))
            pos += len(text)
        return cls("".join(parts), media_type, pages=pages, ocr_pages=ocr_pages or [])

    @property
    def page_count(self) -> int:
        return len(self.pages)

    def page_of(self, offset: int) -> int | None:
        """1-based page holding character `offset`, or None for page-less formats."""
        for number, (start, end) in enumerate(self.pages, 1):
            if start <= offset < end:
                return number
        return None


Reader = Callable[[bytes], Document]


DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _readers(pdf_engine: str | None = None) -> dict[str, tuple[str, Reader]]:
    from . import docx, html, image, pdf, text

    read_pdf = pdf.ENGINES[pdf_engine] if pdf_engine else pdf.read
    return {
        ".txt": ("text/plain", text.read),
        ".text": ("text/plain", text.read),
        ".html": ("text/html", html.read),
        ".htm": ("text/html", html.read),
        ".docx": (DOCX, docx.read),
        ".pdf": ("application/pdf", read_pdf),
        ".png": ("image/png", image.read),
        ".jpg": ("image/jpeg", image.read),
        ".jpeg": ("image/jpeg", image.read),
        ".tif": ("image/tiff", image.read),
        ".tiff": ("image/tiff", image.read),
    }


def supported_suffixes() -> list[str]:
    return sorted(_readers())


def suffix_for(filename: str, media_type: str | None = None) -> str:
    """The table key for a file: its suffix, else the one its declared MIME type maps to."""
    suffix = Path(filename or "").suffix.lower()
    if suffix or not media_type:
        return suffix
    mime = media_type.split(";")[0].strip().lower()
    for key, (known, _) in _readers().items():
        if known == mime:
            return key
    return ""


def media_type_of(filename: str, media_type: str | None = None) -> str | None:
    entry = _readers().get(suffix_for(filename, media_type))
    return entry[0] if entry else None


# Parsed by C libraries (pdfium, lxml, Pillow, Tesseract): read in a child process with
# a timeout and a memory limit (readers/limits.py). Text and HTML are pure Python and linear.
ISOLATED = {"application/pdf", DOCX, "image/png", "image/jpeg", "image/tiff"}


def read_bytes(
    data: bytes,
    filename: str,
    media_type: str | None = None,
    pdf_engine: str | None = None,
    limits=None,
) -> Document:
    """Pick the reader by suffix (or MIME type); the content is checked by the reader itself.

    `limits` (readers.limits.Limits; default from the settings) bound pages, unpacked size,
    text length, time and memory.
    """
    from . import limits as bounds

    limits = limits or bounds.Limits.from_settings()
    token = bounds.use(limits)
    try:
        document = _read(data, filename, media_type, pdf_engine, limits)
    finally:
        bounds.reset(token)
    if len(document.text) > limits.max_text_chars:
        raise IngestError(
            f"the text is too long ({len(document.text):,} characters; "
            f"at most {limits.max_text_chars:,} are read)"
        )
    return document


def _read(data: bytes, filename: str, media_type, pdf_engine, limits) -> Document:
    suffix = suffix_for(filename, media_type)
    table = _readers(pdf_engine)
    if suffix not in table:
        raise IngestError(
            f"unsupported file type {suffix or '(none)'!r}; supported: {', '.join(sorted(table))}",
            status=415,
        )
    if not data.strip():
        raise IngestError("the file is empty", kind="failed")
    is_text = table[suffix][0] in ("text/plain", "text/html")
    if is_text and b"\x00" in data[:8192] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise IngestError(f"not a text file (binary content in a {suffix} file)")
    kind, reader = table[suffix]
    try:
        if kind in ISOLATED and limits.read_timeout > 0:
            from .limits import run_isolated

            return run_isolated(lambda: reader(data), limits.read_timeout, limits.read_memory_mb)
        return reader(data)
    except IngestError:
        raise
    except Exception as ex:  # a reader bug or a library surprise: still a reason, never a 500
        raise IngestError(f"the file could not be read: {type(ex).__name__}") from ex


def read_path(path: str | Path) -> Document:
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as ex:
        raise IngestError(f"cannot read {path}: {ex.strerror or ex}") from ex
    return read_bytes(data, path.name)
