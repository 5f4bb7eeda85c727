"""What every field's rules may look at besides the tokens."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

from spacy.tokens import Doc

# Publisher boilerplate: the outlet's own name and credit lines are not facts (GUIDE.md).
# The cue is searched alone and widened to its line: a `^.*` prefix made every line a
# backtracking search, the slowest thing in the extractor.
_CREDIT_PHRASES = ("artikel ini telah tayang di", "baca juga", "copyright", "hak cipta")
_CREDIT_LABELS = (  # a label only with its colon: "Foto: ...", "Sumber :"
    "penulis", "editor", "pewarta", "sumber", "publish", "reporter", "redaktur", "foto",
    "fotografer", "kontributor",
)  # fmt: skip
_CREDIT = re.compile(rf"(?i)\b(?:{'|'.join(_CREDIT_PHRASES)}|(?:{'|'.join(_CREDIT_LABELS)})\s*:)")

# Characters that IGNORECASE matches to an ASCII letter whose str.lower() is not that letter
# (checked over all of Unicode); `İ` is also the only character lower() makes two of.
_FOLD = str.maketrans({"İ": "i", "ı": "i", "ſ": "s"})


def _lower(text: str) -> str:
    """text lower-cased so that an IGNORECASE match of an ASCII word is found by str.find."""
    return text.translate(_FOLD).lower()


def _finditer_ci(
    pattern: re.Pattern[str], text: str, low: str, words: tuple[str, ...]
) -> Iterator[re.Match[str]]:
    """pattern.finditer(text), tried only where one of `words` starts in `low` (= _lower(text)).

    Each match of the IGNORECASE `pattern` must begin with one of the ASCII lower-case `words`.
    Python's re has no fast scan for a case-insensitive alternation (it tries every position,
    the slowest thing in the extractor), while str.find is a fast substring search.
    """
    return _matches_at(pattern, text, word_starts(low, words))


def _line_matches(pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """pattern.finditer(text) for a `(?m)^...` pattern: tried at line starts only."""
    end = 0
    i = 0
    while i >= 0:
        if i >= end:
            m = pattern.match(text, i)
            if m:
                end = m.end()
                yield m
        i = text.find("\n", i)
        i = i if i < 0 else i + 1


def word_starts(low: str, words: tuple[str, ...]) -> set[int]:
    """Every position where one of `words` starts in `low` (str.find: a fast substring scan)."""
    starts: set[int] = set()
    for w in words:
        i = low.find(w)
        while i >= 0:
            starts.add(i)
            i = low.find(w, i + 1)
    return starts


def _matches_at(
    pattern: re.Pattern[str], text: str, starts: Iterable[int]
) -> Iterator[re.Match[str]]:
    """pattern.finditer(text) when every match starts at one of `starts` (in any order)."""
    end = 0
    for i in sorted(starts):
        if i >= end:
            m = pattern.match(text, i)  # look-behinds and \b still see text before i
            if m:
                end = m.end()
                yield m


def _credit_starts(text: str, low: str) -> set[int]:
    """Where a _CREDIT match can start: at one of _CREDIT_PHRASES, or at one of _CREDIT_LABELS
    ending where the white space before a colon starts. Colons are few: walking back from each
    is cheaper than a str.find scan of the text per label."""
    starts = word_starts(low, _CREDIT_PHRASES)
    c = text.find(":")
    while c >= 0:
        j = c
        while j > 0 and text[j - 1].isspace():  # `\s*` (str.isspace is the same test)
            j -= 1
        if low.endswith(_CREDIT_LABELS, 0, j):
            starts.update(j - len(w) for w in _CREDIT_LABELS if low.endswith(w, 0, j))
        c = text.find(":", c + 1)
    return starts


def credit_lines(text: str, low: str | None = None) -> list[tuple[int, int]]:
    """(start, end) of every line holding a credit or boilerplate cue."""
    spans: list[tuple[int, int]] = []
    low = _lower(text) if low is None else low
    for m in _matches_at(_CREDIT, text, _credit_starts(text, low)):
        if spans and m.start() < spans[-1][1]:
            continue  # same line as the previous cue
        end = text.find("\n", m.end())
        spans.append((text.rfind("\n", 0, m.start()) + 1, len(text) if end < 0 else end))
    return spans


# A dateline opening a line: `JAKARTA, KOMPAS.com -`, `BENGKALIS, PROKOPIM -`,
# `TRIBUNNEWS.COM, JAKARTA -`, `Padangsidimpuan (ANTARA) -`, `NEGARA, NusaBali -`.
# Possessive quantifiers (`*+`, `++`): giving back a space or a letter there could never let
# the dash follow, so the matches are the same with far less backtracking (with plain `*` a
# long run of spaces was split every possible way before failing: minutes for a few kB).
_DATELINE = re.compile(
    r"(?m)^[ \t]*+(?P<a>[^\n,()\-–—]{2,40}?)(?:\s*+,\s*+|\s++)(?:\((?P<p>[^()\n]{2,30})\)|(?P<b>[^\n,\s()\-–—]++(?: [A-Z]++)?))?"
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


_DOMAIN_DATELINE = re.compile(r"(?m)^[A-Z][A-Z .]{1,30},?\s+([\w-]+\.(?:com|id|co\.id|news))\b")


# Each _DATELINE match ends with one of these dashes and a white-space character.
_DASHES = ("-", "–", "—")
# Each _DOMAIN_DATELINE match holds one of these (".co.id" holds ".id").
_DOMAIN_ENDS = (".com", ".id", ".news")


def _lines_above(text: str, hits: list[int], pieces: int) -> set[int]:
    """The line starts where a multi-line match reaching a hit at `hits` can start: the hit's
    line and the lines above it, while the lines below (the hit's own included) hold at most
    `pieces` non-blank lines. Each walk up stops at the line the walk before started from
    (all above it is taken already), so the work stays linear in the text."""
    starts: set[int] = set()
    last = -1  # the line the previous walk started from
    for hit in sorted(hits):
        line = text.rfind("\n", 0, hit) + 1
        if line == last:
            continue
        starts.add(line)
        top, seen = line, 1
        while top > last and top > 0 and seen <= pieces:
            up = text.rfind("\n", 0, top - 1) + 1
            starts.add(up)
            body = text[up : top - 1]
            seen += bool(body) and not body.isspace()
            top = up
        last = line
    return starts


def _dateline_starts(text: str) -> set[int]:
    """The line starts where a _DATELINE match can start. A match ends with a dash and a white
    space; what it holds after its first line's `a` part is white space (line breaks too)
    and at most three other pieces, each on one line: a comma, a bracket or word, the dash.
    So it starts on the dash's line or above it with at most three non-blank lines between."""
    hits: list[int] = []
    for dash in _DASHES:
        q = text.find(dash)
        while q >= 0:
            if text[q + 1 : q + 2].isspace():  # `\s` (str.isspace is the same test)
                hits.append(q)
            q = text.find(dash, q + 1)
    return _lines_above(text, hits, 3)


def _domain_starts(text: str) -> set[int]:
    """The line starts where a _DOMAIN_DATELINE match can start: the line of its domain, or the
    nearest non-blank line above it (only white space may stand between)."""
    hits: list[int] = []
    for end in _DOMAIN_ENDS:
        d = text.find(end)
        while d >= 0:
            hits.append(d)
            d = text.find(end, d + 1)
    return _lines_above(text, hits, 1)


_NAME_TAIL = re.compile(r"(?:\.\w+)*(?!\w)")


def _name_spans(word: str, text: str, low: str) -> Iterator[tuple[int, int]]:
    r"""The spans of re.finditer(rf"(?i)(?<!\w){re.escape(word)}(?:\.\w+)*(?!\w)", text) for
    an ASCII `word` (`low`: the lower-cased text, see `_finditer_ci`), without a regex compiled
    per outlet name: each new text brings a new name, and its compile cost more than the rest
    of the boilerplate scan. The name is a fixed-length literal, so only its tail backtracks."""
    key = word.lower()
    end = 0
    i = low.find(key)
    while i >= 0:
        before = text[i - 1] if i > 0 else ""
        if i >= end and not (before.isalnum() or before == "_"):  # `(?<!\w)`
            tail = _NAME_TAIL.match(text, i + len(key))
            if tail:
                end = tail.end()
                yield i, end
        i = low.find(key, i + 1)


def outlet_spans(text: str, low: str | None = None) -> list[tuple[int, int]]:
    """The publisher's name in datelines, and every other mention of that name.
    (Each `(?m)^` pattern is tried at the line starts where it can match only: the same
    matches as _line_matches, without a regex call per line.)"""
    spans: list[tuple[int, int]] = []
    names: set[str] = set()
    for m in _matches_at(_DATELINE, text, _dateline_starts(text)):
        a, b, p = m.group("a"), m.group("b"), m.group("p")
        if p:
            spans.append(m.span("p"))
            names.add(p.strip())
        if a and (_DOMAIN.match(a.strip()) or _CAMEL.match(a.strip())):
            spans.append(m.span("a"))
            names.add(a.strip())
        elif b and _outlet(b, a if "," in text[m.end("a") : m.start("b")] else None):
            # (`BANDA ACEH -`: two capitalised words without a comma are one place's name)
            spans.append(m.span("b"))
            names.add(b.strip())
    # A domain-like outlet without the dash: `SURABAYA, KOMPAS.com Presiden ...`.
    for m in _matches_at(_DOMAIN_DATELINE, text, _domain_starts(text)):
        spans.append(m.span(1))
        names.add(m.group(1))
    low = _lower(text) if low is None and names else low
    for name in names:
        for word in {name, name.split(".")[0]}:
            if len(word) >= 3:
                if word.isascii():
                    spans.extend(_name_spans(word, text, low))
                else:
                    pattern = re.compile(rf"(?i)(?<!\w){re.escape(word)}(?:\.\w+)*(?!\w)")
                    spans.extend(m.span() for m in pattern.finditer(text))
    return sorted(set(spans))


_DIGIT_RUN = re.compile(r"\d+")
_DIGIT = re.compile(r"\d")
_ASCII = bytes(range(128))


def _digit_runs(text: str) -> list[tuple[int, int]]:
    """The spans of re.finditer(r"\\d+", text), in order. The regex steps through the text one
    character at a time; ten str.find scans (memchr) for the ASCII digits are several times
    faster. Only a text with a non-ASCII digit (`\\d` is any Unicode decimal) takes the regex."""
    if not text.isascii():
        others = text.encode("utf-8", "surrogatepass").translate(None, _ASCII)
        if _DIGIT.search(others.decode("utf-8", "surrogatepass")):
            return [run.span() for run in _DIGIT_RUN.finditer(text)]
    at: list[int] = []
    for digit in "0123456789":
        i = text.find(digit)
        while i >= 0:
            at.append(i)
            i = text.find(digit, i + 1)
    if not at:
        return []
    at.sort()
    runs: list[tuple[int, int]] = []
    start = prev = at[0]
    for i in at:
        if i > prev + 1:
            runs.append((start, prev + 1))
            start = i
        prev = i
    runs.append((start, prev + 1))
    return runs


@dataclass
class Context:
    doc: Doc
    text: str  # the cleaned text the doc was made from
    reference_date: date | None = None
    # Facts found earlier, for fields that depend on others (event date, agencies).
    found: dict[str, list] = field(default_factory=dict)

    @cached_property
    def low(self) -> str:
        """The text lower-cased, same length (`_lower`): for str.find gates on ASCII words."""
        return _lower(self.text)

    @cached_property
    def excluded(self) -> list[tuple[int, int]]:
        """Character spans (publisher lines, credits, the outlet's name) where no fact is taken."""
        return credit_lines(self.text, self.low) + outlet_spans(self.text, self.low)

    @cached_property
    def digit_runs(self) -> list[tuple[int, int]]:
        """(start, end) of every run of digits in the text (`_digit_runs`), for the number
        rules of the fields (dates, counts) to visit instead of scanning the text again."""
        return _digit_runs(self.text)

    def is_excluded(self, start: int, end: int) -> bool:
        return any(s <= start and end <= e for s, e in self.excluded)
