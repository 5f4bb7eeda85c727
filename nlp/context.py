"""What every field's rules may look at besides the tokens."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

from spacy.tokens import Doc

# Publisher boilerplate: the outlet's own name and credit lines are not facts (GUIDE.md).
# The cue is searched alone and widened to its line: a `^.*` prefix made every line a
# backtracking search, the slowest thing in the extractor.
_CREDIT = re.compile(
    r"(?i)\b(?:artikel ini telah tayang di|baca juga|copyright|hak cipta|"
    r"(?:penulis|editor|pewarta|sumber|publish|reporter|redaktur|foto|fotografer|kontributor)"
    r"\s*:)"
)


def credit_lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of every line holding a credit or boilerplate cue."""
    spans: list[tuple[int, int]] = []
    for m in _CREDIT.finditer(text):
        if spans and m.start() < spans[-1][1]:
            continue  # same line as the previous cue
        end = text.find("\n", m.end())
        spans.append((text.rfind("\n", 0, m.start()) + 1, len(text) if end < 0 else end))
    return spans


# A dateline opening a line: `JAKARTA, KOMPAS.com -`, `BENGKALIS, PROKOPIM -`,
# `TRIBUNNEWS.COM, JAKARTA -`, `Padangsidimpuan (ANTARA) -`, `NEGARA, NusaBali -`.
# Possessive `*+`/`++` on the whitespace runs: with plain `*` a long run of spaces was
# split every possible way between them before failing (minutes for a few kB of spaces).
_DATELINE = re.compile(
    r"(?m)^[ \t]*+(?P<a>[^\n,()\-–—]{2,40}?)(?:\s*+,\s*+|\s++)(?:\((?P<p>[^()\n]{2,30})\)|(?P<b>[^\n,\s()\-–—]+(?: [A-Z]+)?))?"
    r"\s*+(?:-{1,3}|–|—)\s"
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
        return credit_lines(self.text) + outlet_spans(self.text)

    def is_excluded(self, start: int, end: int) -> bool:
        return any(s <= start and end <= e for s, e in self.excluded)
