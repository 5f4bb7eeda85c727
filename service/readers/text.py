"""Plain text: UTF-8, falling back to cp1252 / latin-1 for old Windows files."""

from __future__ import annotations

from . import Document


def decode(data: bytes) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    for encoding in ("utf-8", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")  # never fails: every byte is a character


def read(data: bytes) -> Document:
    return Document(text=decode(data), media_type="text/plain")
