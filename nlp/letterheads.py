"""Letterheads written one unit per line, for the agencies field (GUIDE.md "agencies").

    KEPOLISIAN NEGARA REPUBLIK INDONESIA
    DAERAH JAWA TIMUR
    RESOR PROBOLINGGO
    SEKTOR KRAKSAAN

Each line names its own organisation, named in full (a line may leave out the first word of
the top line: `RESOR X` under `KEPOLISIAN ...` is `Kepolisian Resor X`), with the line above
as its parent; a line naming only a field (`DINAS SOSIAL`) takes the region of the line
above. The words and levels are data: data/agency_letterheads.json.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import srsly

from .agencies import ADMIN, DATA, ROMAN, WORD, Mention, Words, _is_cap, _like_num, regions

# A letterhead is looked for among the first lines only, each line short: the work is bounded.
LETTERHEAD_LINES = 10
LETTERHEAD_START = 5  # lines (a title, a file name) that may come before it
LETTERHEAD_WIDTH = 90


@dataclass(frozen=True)
class _Heads:
    families: dict[str, tuple[str, tuple[tuple[tuple[str, ...], int], ...]]]
    # head -> (kind, (level words, rank) longest first); rank 0 is the biggest unit
    region_parent: frozenset[str]  # heads whose sub-units take only the region
    sub_heads: tuple[tuple[str, ...], ...]
    stop_words: frozenset[str]


@lru_cache(maxsize=1)
def _heads() -> _Heads:
    raw = srsly.read_json(DATA / "agency_letterheads.json")
    families = {}
    for head, f in raw["families"].items():
        levels = [
            (tuple(lv.split()), rank) for rank, group in enumerate(f["levels"]) for lv in group
        ]
        families[head] = (f["kind"], tuple(sorted(levels, key=lambda lv: -len(lv[0]))))
    subs = tuple(tuple(h.split()) for h in raw["sub_heads"])
    region = frozenset(h for h, f in raw["families"].items() if f["region_parent"])
    return _Heads(families, region, subs, frozenset(raw["stop_words"]))


@dataclass
class _Level:
    """One line of a letterhead and the organisation it names."""

    first: int  # token range of the line(s)
    end: int
    name: str
    kind: str
    mention: Mention | None  # the name the chain found on the line, if any
    rank: int | None = None  # its level in the family (0: the biggest), if known
    wrapped: bool = False  # the name went on to the next line (`KABUPATEN LUMAJANG`)


def _display(text: str, stop_words: frozenset[str]) -> str:
    """`RESOR PROBOLINGGO` -> `Resor Probolinggo` for a name built here; short capitals
    (`RI`, `DKI`, `V`), numbers and mixed-case words stay as written."""

    def word(hit: re.Match[str]) -> str:
        w = hit.group()
        low = w.lower()
        if low in stop_words:
            return low
        return w if not w.isupper() or len(w) <= 3 or ROMAN.match(w) else w.capitalize()

    return re.sub(r"[^\W\d_]+", word, text)


def _own_name(words: list[str]) -> bool:
    """The name carries a number, a region word or a known region (`Polsek Kraksaan`)."""
    if any(w.isdigit() or w in ADMIN for w in words):
        return True
    big, small = regions()
    return any(
        tuple(words[k : k + n]) in big or tuple(words[k : k + n]) in small
        for k in range(1, len(words))
        for n in (1, 2, 3)
    )


def _line_level(
    w: Words, first: int, end: int, by_start: dict[int, Mention], head: str, heads: _Heads
) -> _Level | None:
    """The organisation a letterhead line names: a whole-line name the chain found (`KOMANDO
    DISTRIK MILITER 0820`, `DINAS SOSIAL`), or a level of the top line's family written
    without the family's first word (`RESOR PROBOLINGGO` under `KEPOLISIAN ...`)."""
    while end > first and w.doc[end - 1].is_punct and w.text[end - 1] != ")":
        end -= 1  # `SEKTOR KRAKSAAN.`
    text = w.span_text(first, end)
    if not any(c.isalpha() for c in text) or text != text.upper():
        return None  # letterheads are written in capitals
    words = [w.low[k] for k in range(first, end)]
    m = by_start.get(first)
    if m is not None:
        if m.end != end:
            return None
        _, own = heads.families.get(words[0], ("", ()))  # `KOMANDO RAYON MILITER ...`
        rank = next((r for lv, r in own if tuple(words[1 : len(lv) + 1]) == lv), None)
        return _Level(first, end, m.name, m.kind, m, rank)
    kind, levels = heads.families.get(head, ("", ()))
    for level, rank in levels:
        n = len(level)
        if tuple(words[:n]) != level or end - first <= n:
            continue
        if not all(
            _is_cap(t) or _like_num(t) or t in "/-."
            for t in map(w.text.__getitem__, range(first + n, end))
        ):
            return None
        name = f"{head.capitalize()} {_display(text, heads.stop_words)}"
        return _Level(first, end, name, kind, None, rank)
    return None


def _stack(text: str, w: Words, mentions: list[Mention]) -> list[_Level]:
    """The letterhead among the first lines: consecutive capital lines, each naming a unit."""
    heads = _heads()
    by_start = {m.start: m for m in mentions}
    stack: list[_Level] = []
    head = ""
    pos = 0
    for k in range(LETTERHEAD_LINES):
        nl = text.find("\n", pos, pos + 1000)  # (a longer line ends the search)
        line_end = nl if nl >= 0 else min(len(text), pos + LETTERHEAD_WIDTH + 1)
        a, b = pos, line_end
        pos = nl + 1
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if a == b:  # a blank line
            if nl < 0:
                break
            continue
        line = text[a:b]
        # A line with a small letter names no level (_line_level reads capitals only) and,
        # with no level above, continues none: its tokens need not be looked at.
        wanted = b - a <= LETTERHEAD_WIDTH and (stack or line == line.upper())
        span = w.doc.char_span(a, b, alignment_mode="expand") if wanted else None
        level = None
        if span is not None:
            start, end = span.start, span.end
            level = _line_level(w, start, end, by_start, head, heads)
            above = stack[-1].rank if stack else None
            if level and level.rank is not None and above is not None and level.rank <= above:
                level = None  # `PEMERINTAH DESA X / KECAMATAN Y`: an address, not a unit
            low = w.low[start]
            if (
                level is None
                and stack
                and low in ADMIN
                and end - start > 1
                and w.text[start + 1].isupper()
            ):
                prev = stack[-1]
                if prev.mention and not _own_name(WORD.findall(prev.name.lower())):
                    # `BADAN PENANGGULANGAN BENCANA DAERAH` / `KABUPATEN LUMAJANG`: one name
                    line = w.span_text(start, end)
                    prev.name, prev.end, prev.wrapped = f"{prev.name} {line}", end, True
                    if nl < 0:
                        break
                    continue
        if level is None:
            if stack or k >= LETTERHEAD_START or nl < 0:
                break
            continue
        if not stack:
            head = w.low[level.first]
        stack.append(level)
        if nl < 0:
            break
    return stack


def letterhead(text: str, w: Words, mentions: list[Mention]) -> list[Mention]:
    """A letterhead written one unit per line (`KEPOLISIAN NEGARA REPUBLIK INDONESIA / DAERAH
    JAWA TIMUR / RESOR PROBOLINGGO / SEKTOR KRAKSAAN`): every line names its own organisation
    (Polri, Polda Jawa Timur, Polres Probolinggo, Polsek Kraksaan), the line above being its
    parent; a line naming only a field (`DINAS SOSIAL`) takes the region or name of the line
    above (`Dinas Sosial Kabupaten Sidoarjo`), as GUIDE names a unit inside a parent."""
    stack = _stack(text, w, mentions)
    if len(stack) < 2 and not (stack and stack[0].wrapped):
        return mentions
    heads = _heads()
    first, last = stack[0].first, stack[-1].end
    out = [m for m in mentions if not first <= m.start < last]
    parent: _Level | None = None
    for lv in stack:
        words = WORD.findall(lv.name.lower())
        name = lv.name
        if parent and any(tuple(words[: len(h)]) == h for h in heads.sub_heads):
            if not _own_name(words):
                above = parent.name.split()
                if above[0].lower() in heads.region_parent and len(above) > 1:
                    above = above[1:]  # `Pemerintah Kabupaten Sidoarjo` -> `Kabupaten Sidoarjo`
                name = _display(f"{name} {' '.join(above)}", heads.stop_words)
        m = lv.mention or Mention(lv.first, lv.end, lv.kind, list(range(lv.first, lv.end)))
        m.start, m.end, m.segments = lv.first, lv.end, [lv.first]
        m.tokens = list(range(lv.first, lv.end))
        m.name, m.headline = name, False
        m.parent = parent.name if parent else None
        out.append(m)
        lv.name = name
        parent = lv
    return out
