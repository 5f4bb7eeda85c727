"""What every field's rules may look at besides the tokens."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

from spacy.tokens import Doc

# Publisher boilerplate: the outlet's own name and credit lines are not facts (GUIDE.md).
_BOILERPLATE = re.compile(
    r"(?im)^.*\b(artikel ini telah tayang di|baca juga|penulis\s*:|editor\s*:|"
    r"pewarta\s*:|sumber\s*:|copyright|hak cipta|publish\s*:|reporter\s*:|redaktur\s*:|"
    r"foto\s*:|fotografer\s*:|kontributor\s*:).*$"
)
# A dateline opening a line: `JAKARTA, KOMPAS.com -`, `BENGKALIS, PROKOPIM -`,
# `TRIBUNNEWS.COM, JAKARTA -`, `Padangsidimpuan (ANTARA) -`, `NEGARA, NusaBali -`.
_DATELINE = re.compile(
    r"(?m)^[ \t]*(?P<a>[^\n,()\-–—]{2,40}?)(?:\s*,\s*|\s+)(?:\((?P<p>[^()\n]{2,30})\)|(?P<b>[^\n,\s()\-–—]+(?: [A-Z]+)?))?"
    r"\s*(?:-{1,3}|–|—)\s"
)
_DOMAIN = re.compile(r"(?i)^[\w-]+(\.[\w-]+)*\.(com|id|net|news|co|org|tv|info)$")
_CAMEL = re.compile(r"^[A-Z][a-z]+[A-Z]\w*$")  # `NusaBali`, `InilahSumsel`


def _outlet(part: str | None, other: str | None) -> bool:
    """Whether one half of a dateline names the publisher rather than the place."""
    if not part:
        return False
    part = part.strip()
    if _DOMAIN.match(part) or _CAMEL.match(part):
        return True
    # `BENGKALIS, PROKOPIM`: two capitalised halves; the second is the desk's tag.
    return bool(other and other.isupper() and part.isupper() and " " not in part)


def outlet_spans(text: str) -> list[tuple[int, int]]:
    """The publisher's name in datelines, and every other mention of that name."""
    spans: list[tuple[int, int]] = []
    names: set[str] = set()
    for m in _DATELINE.finditer(text):
        a, b, p = m.group("a"), m.group("b"), m.group("p")
        if p:
            spans.append(m.span("p"))
            names.add(p.strip())
        if a and (_DOMAIN.match(a.strip()) or _CAMEL.match(a.strip())):
            spans.append(m.span("a"))
            names.add(a.strip())
        elif _outlet(b, a):
            spans.append(m.span("b"))
            names.add(b.strip())
    # A domain-like outlet without the dash: `SURABAYA, KOMPAS.com Presiden ...`.
    for m in re.finditer(r"(?m)^[A-Z][A-Z .]{1,30},?\s+([\w-]+\.(?:com|id|co\.id|news))\b", text):
        spans.append(m.span(1))
        names.add(m.group(1))
    for name in names:
        for word in {name, name.split(".")[0]}:
            if len(word) >= 3:
                for m in re.finditer(rf"(?i)(?<!\w){re.escape(word)}(?:\.\w+)*(?!\w)", text):
                    spans.append(m.span())
    return sorted(set(spans))


@dataclass
class Context:
    doc: Doc
    text: str  # the cleaned text the doc was made from
    reference_date: date | None = None
    # Facts found earlier, for fields that depend on others (event date, agencies).
    found: dict[str, list] = field(default_factory=dict)

    @cached_property
    def excluded(self) -> list[tuple[int, int]]:
        """Character spans (publisher lines, credits, the outlet's name) where no fact is taken."""
        spans = [(m.start(), m.end()) for m in _BOILERPLATE.finditer(self.text)]
        return spans + outlet_spans(self.text)

    def is_excluded(self, start: int, end: int) -> bool:
        return any(s <= start and end <= e for s, e in self.excluded)
