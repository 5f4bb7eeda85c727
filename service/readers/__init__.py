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

    def __init__(self, reason: str, status: int = 422):
        super().__init__(reason)
        self.reason = reason
        self.status = status


@dataclass
class Document:
    text: str
    media_type: str
    # (start, end) of each page in `text`; empty for formats without pages.
    pages: list[tuple[int, int]] = field(default_factory=list)
    ocr_pages: list[int] = field(default_factory=list)  # 1-based pages read by OCR

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


def _readers() -> dict[str, tuple[str, Reader]]:
    from . import image, pdf, text

    return {
        ".txt": ("text/plain", text.read),
        ".text": ("text/plain", text.read),
        ".pdf": ("application/pdf", pdf.read),
        ".png": ("image/png", image.read),
        ".jpg": ("image/jpeg", image.read),
        ".jpeg": ("image/jpeg", image.read),
        ".tif": ("image/tiff", image.read),
        ".tiff": ("image/tiff", image.read),
    }


def supported_suffixes() -> list[str]:
    return sorted(_readers())


def read_bytes(data: bytes, filename: str) -> Document:
    """Pick the reader by suffix; the content is checked by the reader itself."""
    suffix = Path(filename).suffix.lower()
    table = _readers()
    if suffix not in table:
        raise IngestError(
            f"unsupported file type {suffix or '(none)'!r}; supported: {', '.join(sorted(table))}",
            status=415,
        )
    if not data:
        raise IngestError("the file is empty")
    return table[suffix][1](data)


def read_path(path: str | Path) -> Document:
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as ex:
        raise IngestError(f"cannot read {path}: {ex.strerror or ex}") from ex
    return read_bytes(data, path.name)
