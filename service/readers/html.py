"""HTML (saved web posts): visible text only, blocks on their own lines, script/style dropped."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from . import Document, IngestError
from .text import decode, repair_mojibake

_SKIP = {"script", "style", "noscript", "template", "head", "svg", "iframe"}
_BLOCK = {
    "p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "table", "ul", "ol",
    "section", "article", "header", "footer", "blockquote", "pre", "hr", "title", "dd", "dt",
    "figcaption",
}  # fmt: skip
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w-]+)""", re.I)


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0
        self.title: list[str] = []
        self.in_title = False

    def handle_starttag(self, tag, attrs):
        if tag == "title":
            self.in_title = True
        elif tag in _SKIP:
            self.skip += 1
        if tag in _BLOCK:
            self.parts.append("\n")
        if tag == "td" or tag == "th":
            self.parts.append("\t")

    def handle_endtag(self, tag):
        if tag == "title":
            self.in_title = False
        elif tag in _SKIP and self.skip:
            self.skip -= 1
        if tag in _BLOCK:
            self.parts.append("\n")

    def handle_data(self, data):
        if self.in_title:
            self.title.append(data)
        elif not self.skip:
            self.parts.append(data)


def _decode(data: bytes) -> str:
    match = _CHARSET.search(data[:4096])
    if match:
        try:
            return repair_mojibake(data.decode(match.group(1).decode("ascii")))
        except (LookupError, UnicodeDecodeError):
            pass
    return decode(data)


def read(data: bytes) -> Document:
    parser = _Text()
    try:
        parser.feed(_decode(data))
        parser.close()
    except Exception as ex:  # html.parser is lenient; anything raised means real damage
        raise IngestError(f"the HTML could not be parsed: {type(ex).__name__}") from ex
    lines = (
        re.sub(r"[ \t\r\f\v\u00a0]+", " ", line).strip()
        for line in "".join(parser.parts).split("\n")
    )
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
    if not text:
        raise IngestError("the HTML page has no visible text")
    return Document(
        text=text + "\n", media_type="text/html", title=" ".join(parser.title).strip() or None
    )
