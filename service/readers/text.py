"""Plain text: UTF-8, falling back to cp1252 / latin-1 for old Windows files, mojibake repaired."""

from __future__ import annotations

import re

from . import Document

# A run of characters that UTF-8 bytes become when read as cp1252 ("Ã©", "â€™"): a lead
# byte 0xC2-0xF4 followed by continuation bytes 0x80-0xBF, as cp1252 renders them.
# Bytes cp1252 leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) come through as C1 controls.
_BYTE_OF = {bytes([b]).decode("cp1252", "replace"): b for b in range(0x80, 0x100)}
_BYTE_OF.pop("\ufffd")
_BYTE_OF.update({chr(b): b for b in (0x81, 0x8D, 0x8F, 0x90, 0x9D)})
_CONTINUATION = "".join(c for c, b in _BYTE_OF.items() if b < 0xC0)
_MOJIBAKE = re.compile(f"[\u00c2-\u00f4][{re.escape(_CONTINUATION)}]{{1,3}}")


def _repair(match: re.Match[str]) -> str:
    chunk = match.group(0)
    try:
        return bytes(_BYTE_OF[c] for c in chunk).decode("utf-8")
    except (KeyError, UnicodeError):
        return chunk


def repair_mojibake(text: str) -> str:
    """Undo UTF-8 that was decoded as cp1252 and saved again ("Jum\u00e2\u20ac\u2122at")."""
    if "\u00c3" not in text and "\u00c2" not in text and "\u00e2" not in text:
        return text  # fast path: no lead character of a typical mojibake run
    return _MOJIBAKE.sub(_repair, text)


def decode(data: bytes) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):  # Notepad's "Unicode"
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            pass
    for encoding in ("utf-8", "cp1252"):
        try:
            return repair_mojibake(data.decode(encoding))
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")  # never fails: every byte is a character


def read(data: bytes) -> Document:
    return Document(text=decode(data), media_type="text/plain")
