"""dates: calendar days in a report, and the day of its main activity (GUIDE.md "dates").

Every shape is found in ONE pass of one compiled regex over the text, built at setup from the
word lists in data/dates_*: word-month dates, ranges and lists ("9 Maret 2018", "4-6 Maret",
"27 Oktober s.d. 4 November", "1 dan 2 Mei"), numeric dates ("8/3/2018", "(13/2)", "08-03-2018",
"2018-03-08", a URL's /2019/05/03/, "IMG-20200315-WA..") and web stamps ("May 5, 2021").
Not a spaCy Matcher: the stock tokenizer glues dates to their neighbours ("Senin,12",
"tanggal:12", "Senin(12", "27Agustus", "2.2.2018", whole URLs), and a Matcher costs a Python
Token per token (about 1M words/s) where the gated regex runs at several million.

A weekday, "hari", "tanggal", a time of day or "(" just before a date joins its mention
("Kamis siang (8/3/2018)"); relative words only count when a reference_date anchors them.
Per mention only small anchored look-ups follow, so the work stays linear in the text.
Days in credit lines ("Foto: ...", "Baca juga: ...") are kept (GUIDE: captions count) but
score low for the event date, as publication stamps, bylines and a document's own
"Nomor : / Tanggal :" header do.
"""

from __future__ import annotations

import bisect
import json
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any

from spacy.language import Language

from .context import Context, _finditer_ci, _lower, _matches_at, word_starts
from .model import DateFact
from .numbers import WORDS as NUMBER_WORDS
from .numbers import words_to_int

_DATA = Path(__file__).parent / "data"
_FOUND_KEY = "date_mentions"  # every mention (not deduped), for event_date
_EVENT_KEY = "event_date"


# ---------------------------------------------------------------- data

# Compiled once here (a re.search(r"...") call looks its pattern up in re's cache each time).
_SPACE_RUN = re.compile(r"\s+")
_WORD_BEFORE = re.compile(r"([\w.]+)[\s(:]*$")
_MONTH_BEFORE = re.compile(r"([^\W\d_]+)\.?\s$")
_FILE_WORD_BEFORE = re.compile(r"(?i)(image|img|foto|photo|video)\W*$")
_WORD_AFTER = re.compile(r"\s*(\w+)")
_NEXT_WORD = re.compile(r"\s*(\S+)")
_SENTENCE_END = re.compile(r"[.!?]\s+[A-Z\"]")
_CLAUSE_END = re.compile(r"[.\n]")
_DASH_AFTER = re.compile(r"\s*-\s")
_CLOCK_AFTER = re.compile(r"\s*-\s*\d{1,2}[.:]\d\d(?!\d)")  # "12 Mei 2021 - 10:34 WIB": a stamp
_REGULATION = re.compile(r"(?i)\b(?:nomor|no)\.?\s*\d+\s*$")


def _tsv(name: str) -> list[list[str]]:
    rows = []
    for line in (_DATA / name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append(line.split("\t"))
    return rows


def _alt(words: list[str]) -> str:
    """Regex alternation of literal words, longest first, spaces as any whitespace."""
    parts = sorted({re.escape(w).replace(r"\ ", r"\s+") for w in words}, key=len, reverse=True)
    return "|".join(parts)


@dataclass(frozen=True)
class _Tables:
    months: dict[str, tuple[int, bool]]  # form -> (month, abbreviated)
    weekdays: dict[str, int]  # form -> Monday=0
    cues: dict[str, Any]
    prefix: re.Pattern[str]  # weekday / "hari" / "tanggal" / "(" just before a date
    shapes: re.Pattern[str]  # every date shape, one alternation
    time: re.Pattern[str]
    year_word: re.Pattern[str]
    relative: re.Pattern[str]
    links: re.Pattern[str]  # a range link between two dates
    event_cues: dict[str, tuple[re.Pattern[str], dict[str, float]]]
    signed_at: re.Pattern[str]  # "Dibuat di : X / Pada tanggal :" just before a date
    letter_after: re.Pattern[str]  # "Kepada Yth." / "Nomor :" on the lines after a date line
    today: re.Pattern[str]  # "hari ini": the day of writing
    weekday_word: re.Pattern[str]  # a capitalised weekday name
    byline: re.Pattern[str]  # "Oleh Admin |", "Posted by": a web post's byline line
    # Where a non-empty `prefix` match, and an `event_cues` match of each kind, can start in
    # the lower-cased text: at the first word of one of its forms (`_heads`, `_head_starts`).
    prefix_heads: re.Pattern[str]
    # The first letters of the words a `shapes` match can take after its day (`_can_start_shape`).
    word_initials: frozenset[str]
    cue_heads: dict[str, re.Pattern[str]]


def _heads(forms: list[str]) -> re.Pattern[str]:
    """Where one of the first words of `forms` (an `_alt` alternation) starts: every match of
    the alternation starts at one. The words are ASCII lower case, so in the lower-cased text
    they are found wherever an IGNORECASE match could start. A trie ("d(?:i(?:...)|...)"):
    the regex engine skips fast to a first letter and rejects the rest by one letter each."""
    heads = {f.split(" ")[0] for f in forms}
    if not all(h.isascii() and h == h.lower() and h for h in heads):
        raise ValueError(f"a form that is not ASCII lower case: {sorted(heads)}")
    return re.compile(_trie(heads))


def _initials(words: list[str]) -> frozenset[str]:
    """The first letters of `words`, checked to be ASCII lower case (see `_heads`)."""
    initials = frozenset(w[0] for w in words if w[0].isalpha())
    if not all(c.isascii() and c.islower() for c in initials):
        raise ValueError(f"a word that is not ASCII lower case: {sorted(initials)}")
    return initials


def _first_chars(words: list[str]) -> str:
    """A character class body of the first characters of `words` (ASCII lower case or
    punctuation: under IGNORECASE a class matches what its letters as literals match)."""
    firsts = sorted({w[0] for w in words})
    if not all(c.isascii() and not c.isupper() and not c.isspace() for c in firsts):
        raise ValueError(f"a word that does not start in ASCII lower case: {firsts}")
    return "".join(re.escape(c) for c in firsts)


def _trie(words: set[str]) -> str:
    """A regex matching where one of `words` starts (it stops at the shortest)."""
    alts = []
    for c in sorted({w[0] for w in words}):
        rest = {w[1:] for w in words if w[0] == c}
        alts.append(re.escape(c) + ("" if "" in rest else f"(?:{_trie(rest)})"))
    return "|".join(alts)


def _head_starts(heads: re.Pattern[str], low: str, lo: int, hi: int) -> Iterator[int]:
    """Where one of `heads` (`_heads`) starts in low[lo:hi] (wholly inside it), in order."""
    hit = heads.search(low, lo, hi)
    while hit:
        yield hit.start()
        hit = heads.search(low, hit.start() + 1, hi)


def _weekday_of(form: str, tables: _Tables) -> int | None:
    return tables.weekdays.get(_SPACE_RUN.sub(" ", form.lower()))


# The words a _Tables.time match may start with (else it starts at its hour's digits).
_TIME_WORDS = ("pukul", "pkl", "jam", "waktu")


# What every year word (cues "year_words") starts with, for the str.find gate of year_word.
_YEAR_WORD_HEADS = ("tahun", "th")


@lru_cache(maxsize=1)
def _tables() -> _Tables:
    months = {f: (int(m), kind == "abbr") for f, m, kind in _tsv("dates_months.tsv")}
    weekdays = {f: int(d) for f, d in _tsv("dates_days.tsv")}
    cues = json.loads((_DATA / "dates_cues.json").read_text(encoding="utf-8"))
    if not all(w.startswith(_YEAR_WORD_HEADS) for w in cues["year_words"]):
        raise ValueError("a year word outside _YEAR_WORD_HEADS: add its start there")
    day = _alt(list(weekdays))
    tod = _alt(cues["time_of_day"])
    tz = _alt(cues["timezones"])
    sp = r"[^\S\n]"  # a prefix never crosses a line break
    clock = rf"(?:pukul|pkl|jam)\.?{sp}*\d{{1,2}}[.:]\d{{2}}(?:{sp}*(?:{tz})\b)?"
    prefix = re.compile(
        rf"(?i)(?:(?:\bhari{sp}+)?\b(?P<wd>{day})\b(?:{sp}*,)?(?:{sp}+(?:{tod}))?(?:{sp}*,)?"
        rf"(?:{sp}+{clock})?(?:{sp}*,)?{sp}*)?"
        rf"(?P<tgl>\b(?:tanggal|tgl\.?){sp}*:?{sp}*)?(?P<par>\({sp}*)?$"
    )
    shapes = re.compile(
        r"""(?ix)
        (?=[0-9ivps])  # cheap first-character gate: the engine skips other positions fast
        (?:(?<=/)(?P<uy>(?:19|20)\d\d)/(?P<um>\d\d)/(?P<ud>\d\d)(?=/)           # URL path
        |(?<![a-z0-9])(?:img|vid|pxl|screenshot)[-_]
            (?P<fy>(?:19|20)\d\d)(?P<fm>[01]\d)(?P<fd>[0-3]\d)(?=[-_.])      # IMG-20180202-WA..
        |(?<=[a-z.][^\S\n])(?P<ed>\d{1,2}),?[^\S\n]+(?P<ey>(?:19|20)\d\d)(?!\w)
                                                   # "December 30, 2020": month checked in code
        |(?:(?<=[a-z][/:.])|(?<![\w/.:-])|(?<=[^\S\n]-)|@MONTHGLUED@)  # "tanggal:12", "Senin/12": glued, still ours;
                                                   # "30 Juni -29 Juli", "Juni-29 Juli": a range's second day
            (?P<wd1>\d{1,2})(?:[^\S\n]*\((?P<wsp>[^\W\d_]+(?:[^\S\n]+[^\W\d_]+){0,3})\))?
                                                   # "12 (dua belas) Maret": words checked in code
            (?:[^\S\n]*(?=[@LINKS1@])(?:(?P<wrange>@LINKS@)|(?P<wlist>@LISTS@))[^\S\n]*(?:(?:tanggal|tgl\.?)[^\S\n]+)?(?P<wd2>\d{1,2}))?
            [^\S\n]*-?[^\S\n]*(?:bulan[^\S\n]+)?(?=[@MONTHS1@])(?P<wm>@MONTHS@)\.?    # "27Agustus" (PDF glue) too
            (?:(?:[^\S\n]*,?[^\S\n]+(?:tahun[^\S\n]+)?|[^\S\n]*-[^\S\n]*)(?P<wy>\d{4})
               |[^\S\n]+['’](?P<wy2>\d\d))?(?!\w)  # "9 bulan Maret tahun 2023", "08-Apr-2024", "5 Mei '21"
        |(?:(?<=[a-z][.:])|@GLUED@|(?<![\w/.-])(?<!\d:))(?:   # "Tgl.10-4-2024", "Rabu/10-04-2024"
            (?P<rd1>\d{1,2})\s?-\s?(?P<rd2>\d{1,2})/(?P<rm>\d{1,2})(?:/(?P<ry>\d{4}|\d{2}))?
           |(?P<iy>(?:19|20)\d\d)(?P<isep>[-/])(?P<im>\d{1,2})(?P=isep)(?P<id>\d{1,2})
           |(?P<d>\d{1,2})(?P<sep>[-/.])(?P<m>\d{1,2})(?:(?P=sep)(?P<y>\d{4}|\d{2}))?
           |(?P<sd>\d{1,2})[^\S\n]*(?P<ssep>[-/])[^\S\n]*(?P<sm>[01]?\d)[^\S\n]*(?P=ssep)
            [^\S\n]*(?P<sy>(?:19|20)\d\d)        # typed forms: "14 - 04 - 2019", full year only
        )(?!(?!T\d\d:)[\w/]|[.:-]\d))    # "2024-04-08T10:20:00+07:00": a timestamp's day
        """.replace("@MONTHS@", _alt(list(months)))
        .replace("@LINKS@", _alt(cues["range_links"]))
        .replace("@LISTS@", _alt(cues["list_links"]))
        # (?=[..]): the first characters of the alternation after it, a look-ahead that lets
        # the engine skip its dozens of case-insensitive branches at most positions
        .replace("@MONTHS1@", _first_chars(list(months)))
        .replace("@LINKS1@", _first_chars(cues["range_links"] + cues["list_links"]))
        # a weekday glued by "/" ("Hari/Tgl : Rabu/10-04-2024"); each its own fixed-width
        # look-behind, since "Kep/12/3/2024"-style letter numbers must stay out
        # a range's second day glued by "-" to the first day's month ("30 Juni-29 Juli 2020"),
        # never to another word ("COVID-19 Maret"): one fixed-width look-behind per month word
        .replace(
            "@MONTHGLUED@",
            "(?:" + "|".join(f"(?<={re.escape(w)}-)" for w in months if " " not in w) + ")",
        )
        .replace(
            "@GLUED@",
            "(?<=/)(?:" + "|".join(f"(?<={re.escape(w)}/)" for w in weekdays if " " not in w) + ")",
        )
    )
    time = re.compile(
        rf"(?i)(?=[0-9pjw])(?:\b(?:{'|'.join(_TIME_WORDS)})\.?[^\S\n]*:?[^\S\n]*(?P<h>[01]?\d|2[0-3])[.:](?P<mi>[0-5]\d)\b"
        rf"(?:\s*(?P<tz>{tz})\b)?"
        rf"|\b(?P<h2>[01]?\d|2[0-3])[.:](?P<mi2>[0-5]\d)\s*(?P<tz2>{tz})\b)"
    )
    year_word = re.compile(
        rf"(?i)\b(?:{_alt(cues['year_words'])})\s*((?:19|20)\d\d)\b(?!\s*[-/]\s*\d)"
    )
    rel = _alt(list(cues["relative"]))
    direction = _alt(cues["weekday_back"] + cues["weekday_ahead"] + ["ini"])
    relative = re.compile(
        rf"(?i)\b(?P<wd>{day})\b(?:\s+(?P<dir>{direction})\b)?|\b(?P<rel>{rel})\b"
    )
    # "sejak Rabu (6/4) malam WIB hingga Kamis (7/4)": a time of day may end the first day
    links = re.compile(
        rf"(?i)^\s*(?:(?:{tod}|{tz})\b\s*){{0,2}}(?:{_alt(cues['range_links'])})\s*$"
    )
    event_cues = {}
    for key in ("before_sentence", "just_before", "just_after"):
        weights = {k.lower(): float(v) for k, v in cues["event"][key].items()}
        pat = re.compile(rf"(?i)(?<![\w.])(?:{_alt(list(weights))})(?![\w])")
        event_cues[key] = (pat, weights)
    signed_at = re.compile(
        rf"(?i)\b(?:{_alt(cues['signed_at'])})\b[^\n]{{0,60}}(?:\n[^\S\n]*[^\W\d][^\n\d]{{0,20}})?$"
    )
    letter_after = re.compile(rf"(?i)\s*(?:{_alt(cues['letter_after'])})\b")
    today = re.compile(r"(?i)\bhari\s+ini\b")
    names = {f for w in weekdays for f in (w.capitalize(), w.upper())}
    weekday_word = re.compile(rf"\b(?:{_alt(list(names))})\b")  # capitalised: "minggu" is a week
    return _Tables(
        months,
        weekdays,
        cues,
        prefix,
        shapes,
        time,
        year_word,
        relative,
        links,
        event_cues,
        signed_at,
        letter_after,
        today,
        weekday_word,
        re.compile(rf"(?i)[^\S\n]*(?:{_alt(cues['byline_words'])})\b"),
        prefix_heads=_heads(["hari", *weekdays, "tanggal", "tgl", "("]),
        word_initials=_initials([*months, *cues["range_links"], *cues["list_links"], "bulan"]),
        cue_heads={key: _heads(list(weights)) for key, (_, weights) in event_cues.items()},
    )


@lru_cache(maxsize=1)
def full_month_names() -> frozenset[str]:
    """Month names written out (dates_months.tsv's `full` rows), for other fields' rules."""
    return frozenset(f for f, (_, abbr) in _tables().months.items() if not abbr)


def setup(nlp: Language) -> None:
    """Load the word lists and compile the regexes once, at pipeline build."""
    _tables()


# ---------------------------------------------------------------- mentions


@dataclass
class _Mention:
    start: int  # the whole mention, weekday and brackets included
    end: int
    day: int
    month: int
    year: int | None
    kind: str  # word, num, iso, url, file, rel
    weekday: bool = False
    tanggal: bool = False
    abbr: bool = False
    range_end: bool = False  # the last day of a range
    partner: _Mention | None = None  # range end of a range start / list sibling
    value: str | None = None
    time: str | None = None
    timezone: str | None = None
    score: float = 0.0  # event-date score
    signed: bool = False  # the day the report was signed or written, not an activity's
    credit: bool = False  # in a credit or boilerplate line ("Foto: ...", "Baca juga: ...")
    core: int = -1  # where the date proper starts, after a joined "Hari/Tanggal :" prefix


def _year(text: str) -> int:
    y = int(text)
    if len(text) == 2:  # "19/04/21"
        y += 2000 if y < 70 else 1900
    return y


_LINE_START = re.compile(r"^[^\n]{0,3}\n[^\S\n]*.?$")  # date line ends, time line begins
_CLOSE = re.compile(r"[^\S\n]*\)")


def _prefix(text: str, low: str, m: _Mention, t: _Tables) -> None:
    """Join a weekday, "hari", "tanggal" and an opening "(" written just before the date.
    (`low`: the lower-cased text.)"""
    # t.prefix.search(text, max(0, m.start - 80), m.start), tried only where a non-empty match
    # can start: at one of t.prefix_heads (elsewhere only the empty match at the end is
    # possible, which is no prefix).
    hit = None
    for at in _head_starts(t.prefix_heads, low, max(0, m.start - 80), m.start):
        hit = t.prefix.match(text, at, m.start)
        if hit:
            break
    if not hit or hit.start() == hit.end():
        return
    m.weekday, m.tanggal = bool(hit.group("wd")), bool(hit.group("tgl"))
    if hit.group("par"):
        close = _CLOSE.match(text, m.end)
        if close:
            m.end = close.end()
        elif not (m.weekday or m.tanggal):
            return  # a lone "(" that is not the date's
    m.core, m.start = m.start, hit.start()


def _word_before(text: str, pos: int) -> str:
    hit = _WORD_BEFORE.search(text[max(0, pos - 20) : pos])
    return hit.group(1).lower() if hit else ""


_LIST_BACK = re.compile(r"(?<![\w.,/-])(\d{1,2})[^\S\n]*,[^\S\n]*$")


_SPACES = re.compile(r"\s*")


def _can_start_shape(text: str, low: str, p: int, end: int, t: _Tables) -> bool:
    """Whether a t.shapes match can start at the digit run text[p:end]: each shape there takes
    one or two digits and then a separator (white space, one of ",(-/.&"), or a word (a month,
    "bulan", a range or list word, glued or after white space) or a year after white space;
    or a year "19xx"/"20xx" and then "-" or "/". (`low`: the lower-cased text.)"""
    if end - p == 4:
        return text[p : p + 2] in ("19", "20") and text[end : end + 1] in ("-", "/")
    if end - p > 2:
        return False
    nxt = text[end : end + 1]
    if nxt in (",", "(", "-", "/", ".", "&"):
        return True
    if nxt.isspace():
        q = _SPACES.match(text, end).end()
        nxt = text[q : q + 1]
        if nxt in ("(", "-", "/", ",", "&") or nxt.isdecimal():
            return True
        end = q
    return low[end : end + 1] in t.word_initials


def _shape_hits(
    text: str, low: str, runs: list[tuple[int, int]], t: _Tables
) -> Iterator[re.Match[str]]:
    """t.shapes.finditer(text), tried only where a match can start: every shape starts at the
    first digit of a run (`runs`: Context.digit_runs; `_can_start_shape`), except a file
    name's "IMG-"/"screenshot_" before its digits. A charset search finds the runs several
    times faster than the gated alternation walks the text position by position."""
    pos = 0
    match = t.shapes.match
    for p, end in runs:
        if p < pos:
            continue
        if text[p - 1 : p] in ("-", "_"):  # "IMG-2018..": letters only, so still in order
            for q in (p - 11, p - 4):
                if q >= pos and text[q : p - 1].isalpha():
                    hit = match(text, q)
                    if hit:
                        yield hit
                        pos = hit.end()
                        break
            if p < pos:
                continue
        if not _can_start_shape(text, low, p, end, t):
            continue
        hit = match(text, p)
        if hit:
            yield hit
            pos = hit.end()


def _time_hits(
    text: str, low: str, runs: list[tuple[int, int]], t: _Tables
) -> Iterator[re.Match[str]]:
    """t.time.finditer(text), tried only where a match can start: at one of _TIME_WORDS
    (found with str.find in `low`, the lower-cased text), or at a run of one or two digits
    (`runs`: Context.digit_runs) that a "." or ":" follows ("13.30 WIB")."""
    starts = word_starts(low, _TIME_WORDS)
    for p, end in runs:
        if end - p <= 2 and text[end : end + 1] in (".", ":"):
            starts.add(p)
    end = 0
    for i in sorted(starts):
        if i >= end:
            hit = t.time.match(text, i)  # look-behinds and \b still see the text before i
            if hit:
                end = hit.end()
                yield hit


def _scan(text: str, low: str, runs: list[tuple[int, int]], t: _Tables) -> list[_Mention]:
    """Every date shape, in one pass of t.shapes."""
    out: list[_Mention] = []
    for hit in _shape_hits(text, low, runs, t):
        g = hit.groupdict()
        s, e = hit.span()
        if g["uy"]:
            out.append(_Mention(s, e, int(g["ud"]), int(g["um"]), int(g["uy"]), "url"))
        elif g["fy"]:
            s = hit.start("fy")
            out.append(_Mention(s, e, int(g["fd"]), int(g["fm"]), int(g["fy"]), "file"))
        elif g["ed"]:
            word = _MONTH_BEFORE.search(text[max(0, s - 12) : s])
            month = t.months.get(word.group(1).lower()) if word else None
            if month:
                start = word.start(1) + max(0, s - 12)
                out.append(_Mention(start, e, int(g["ed"]), month[0], int(g["ey"]), "word"))
        elif g["wd1"]:
            if g["wsp"] and words_to_int(g["wsp"].lower().split()) != int(g["wd1"]):
                continue  # a bracket that does not spell the day out
            month, abbr = t.months[g["wm"].lower()]
            year = int(g["wy"]) if g["wy"] else _year(g["wy2"]) if g["wy2"] else None
            if year is not None and not 1900 <= year <= 2100:
                year, e = None, hit.end("wm")  # "5 Mei 1500 peserta"
            a = _Mention(s, e, int(g["wd1"]), month, year, "word", abbr=abbr)
            if g["wlist"]:  # "3, 4 dan 5 Juni": the days listed before the pair
                head: list[_Mention] = []
                while back := _LIST_BACK.search(text, max(0, a.start - 8), a.start):
                    c = _Mention(back.start(1), e, int(back.group(1)), month, year, "word")
                    c.abbr, c.partner, a = abbr, a, c
                    head.append(c)
                out += head[::-1]
                a = head[0].partner if head else a
            out.append(a)
            if g["wd2"]:
                b = _Mention(hit.start("wd2"), e, int(g["wd2"]), month, year, "word", abbr=abbr)
                b.range_end, a.partner = bool(g["wrange"]), b
                out.append(b)
        elif g["rd1"]:
            y = _year(g["ry"]) if g["ry"] else None
            a = _Mention(s, e, int(g["rd1"]), int(g["rm"]), y, "num")
            b = _Mention(hit.start("rd2"), e, int(g["rd2"]), int(g["rm"]), y, "num")
            b.range_end, a.partner = True, b
            out += [a, b]
        elif g["iy"]:
            kind = "file" if _FILE_WORD_BEFORE.search(text[:s][-12:]) else "iso"
            out.append(_Mention(s, e, int(g["id"]), int(g["im"]), int(g["iy"]), kind))
        elif g["sd"]:
            out.append(_Mention(s, e, int(g["sd"]), int(g["sm"]), int(g["sy"]), "num"))
        else:
            sep, y = g["sep"], g["y"]
            if sep == "." and (not y or len(y) != 4):
                continue  # 13.30, 10.11.12: clock times, never dates
            if sep == "-" and not y:
                continue  # 2-1, 13-14: scores and ranges of numbers
            m = _Mention(s, e, int(g["d"]), int(g["m"]), _year(y) if y else None, "num")
            out.append(m)
    return out


@lru_cache(maxsize=1)
def _spelled_pattern() -> re.Pattern[str]:
    """ "tanggal dua puluh satu bulan Juli tahun dua ribu dua puluh dua": a formal record's
    day written in words (the berita acara style), after "tanggal" only."""
    num = _alt(sorted(NUMBER_WORDS))
    months = _alt([f for f, (_, abbr) in _tables().months.items() if not abbr])
    return re.compile(
        rf"(?i)tanggal\s*:?[\s,]+(?P<d>(?:{num})(?:\s+(?:{num})){{0,3}})[\s,]+(?:bulan[\s,]+)?"
        rf"(?P<m>{months})[\s,]+(?:tahun[\s,]+)?"
        rf"(?P<y>(?:{num})(?:\s+(?:{num})){{1,6}}|(?:19|20)\d\d)(?!\w)"  # "enam April 2024" too
    )


def _spelled(text: str, low: str, t: _Tables) -> list[_Mention]:
    """Days written in words after "tanggal" (`_spelled_pattern`); tried where "tanggal"
    occurs, found with str.find on `low`, the lower-cased text (Context.low, same length)."""
    out: list[_Mention] = []
    at = low.find("tanggal")
    while at >= 0:
        hit = _spelled_pattern().match(text, at)
        if hit:
            day = words_to_int(hit.group("d").lower().split())
            y = hit.group("y")
            year = int(y) if y.isdigit() else words_to_int(y.lower().split())
            month = t.months[hit.group("m").lower()][0]
            if day and 1 <= day <= 31 and year and 1900 <= year <= 2100:
                m = _Mention(hit.start("d"), hit.end(), day, month, year, "word")
                m.tanggal = True
                out.append(m)
        at = low.find("tanggal", hit.end() if hit else at + 7)
    return out


def _accept(text: str, m: _Mention, t: _Tables) -> bool:
    """Context checks that keep letter numbers, fractions and street names out."""
    before = _word_before(text, m.start)
    cues = t.cues
    if before in cues["street_words"] or (before in cues["number_words"] and m.kind != "word"):
        return False  # "Jl. 17 Agustus", "Nomor 12/3/2020"
    if m.kind == "word":
        # "2 Des" alone is too weak; a year, "tanggal" or a weekday makes it a date.
        return not m.abbr or m.year is not None or m.weekday or m.tanggal
    if m.kind == "num" and m.year is None and not m.range_end:
        if m.weekday or m.tanggal:
            return True  # "Minggu (5/12)", "tanggal 5/12": said to be a day
        if not (text[m.start : m.start + 1] == "(" and text[m.end - 1 : m.end] == ")"):
            return False  # bare "1/2": a fraction or a ratio
        after = _WORD_AFTER.match(text[m.end : m.end + 20])
        if after and after.group(1).lower() in cues["fraction_words_after"]:
            return False
        if before in cues["fraction_words_before"] or before[-1:].isdigit():
            return False
    return True


def _valid(y: int, mo: int, d: int) -> str | None:
    if not 1900 <= y <= 2100:
        return None
    try:
        return date(y, mo, d).isoformat()
    except ValueError:
        return None  # 31 Februari


def _report_year(
    text: str, low: str, runs: list[tuple[int, int]], mentions: list[_Mention], t: _Tables
) -> int | None:
    """The year a yearless date takes: its report's year as the text gives it (GUIDE.md).
    (`low`: the lower-cased text; `runs`: Context.digit_runs.)"""
    years = Counter(m.year for m in mentions if m.year and _valid(m.year, m.month, m.day))
    if years:
        return years.most_common(1)[0][0]  # ties: the first written
    said = {
        int(hit.group(1))
        # t.year_word.finditer(text): every year word starts with one of _YEAR_WORD_HEADS
        for hit in _finditer_ci(t.year_word, text, low, _YEAR_WORD_HEADS)
        if not _REGULATION.search(  # not a regulation's "Nomor 6 Tahun 2014"
            text[max(0, hit.start() - 16) : hit.start()]
        )
    }
    if len(said) == 1:  # "tahun 2020" and nothing else; several years: not the report's
        return said.pop()
    # A web post's ".../2020/08/slug": _URL_YEAR.findall(text), tried at the four-digit runs
    # after a "/" only (where every match starts; matches cannot overlap).
    posted = {
        int(hit.group(1))
        for p, end in runs
        if end - p == 4 and text[p - 1 : p] == "/" and (hit := _URL_YEAR.match(text, p))
    }
    if len(posted) == 1:
        return posted.pop()
    # "pada April 2014 mendatang": a month's own year, when the text names one year so
    # (read at the four-digit runs only: a month word just before one)
    named = set()
    for p, end in runs:
        if end - p == 4 and text[p : p + 2] in ("19", "20") and not text[end : end + 1].isalnum():
            word = _MONTH_BEFORE.search(text[max(0, p - 12) : p])
            if (
                word
                and word.group(1).lower() in t.months
                and not t.months[word.group(1).lower()][1]
            ):
                named.add(int(text[p:end]))
    if len(named) == 1:
        return named.pop()
    # A news page's own notice, "COPYRIGHT © ANTARA 2024": the year it was published in
    # (a site's span of years, "© 2015-2024", says nothing of this page).
    if "©" not in text and "copyright" not in low:
        return None
    noted = {int(hit.group(1)) for hit in _COPYRIGHT.finditer(text)}
    return noted.pop() if len(noted) == 1 else None


_URL_YEAR = re.compile(r"(?<=/)((?:19|20)\d\d)/[01]\d/")
_COPYRIGHT = re.compile(
    r"(?i)(?:©|\bcopyright\b)[^\S\n]*(?:©[^\S\n]*)?(?:[^\W\d]+[^\S\n]+){0,4}"
    r"((?:19|20)\d\d)\b(?![^\S\n]*[-–][^\S\n]*\d)"
)


def _across_new_year(anchor: _Mention, m: _Mention) -> int:
    """A yearless day takes its report's year, unless the report's own dated day sits just
    across New Year from it: "(30/12)" in a report dated 3 January is December of the year
    before. Only a near neighbour (within three months) beats a far same-year day (over six)."""
    assert anchor.year is not None
    near = date(anchor.year, anchor.month, anchor.day)
    same = _valid(anchor.year, m.month, m.day)
    if same is None or abs((date.fromisoformat(same) - near).days) <= 183:
        return anchor.year
    for y in (anchor.year - 1, anchor.year + 1):
        other = _valid(y, m.month, m.day)
        if other and abs((date.fromisoformat(other) - near).days) <= 92:
            return y
    return anchor.year


def _near_year(ref: date, month: int, day: int) -> int:
    """The year putting day/month closest to the reference date ("(30/12)" read on 3 January)."""
    options = [(y, _valid(y, month, day)) for y in (ref.year - 1, ref.year, ref.year + 1)]
    return min(
        ((y, v) for y, v in options if v),
        key=lambda yv: abs((date.fromisoformat(yv[1]) - ref).days),
        default=(ref.year, None),
    )[0]


def _link_ranges(text: str, mentions: list[_Mention], t: _Tables) -> None:
    """'27 Oktober s.d. 4 November 2021', '3 Maret hingga 16 Maret 2025': the first takes the second's year
    and the pair is a range."""
    for a, b in zip(mentions, mentions[1:], strict=False):
        if a.partner or a.range_end or b.range_end or a.kind == "rel":
            continue
        gap = text[a.end : b.start] if b.start - a.end <= 30 else "."  # no long slices
        if not t.links.match(gap) or b.weekday and "-" in gap:
            continue
        if a.year is None and b.year is not None:
            a.year = b.year - 1 if (a.month, a.day) > (b.month, b.day) else b.year
        a.partner, b.range_end = b, True


def _relative(text: str, taken: list[_Mention], ref: date, t: _Tables) -> list[_Mention]:
    """kemarin / hari ini / besok / (Senin) lalu, resolved against the reference date."""
    out: list[_Mention] = []
    cues = t.cues
    spans = [(m.start, m.end) for m in taken]
    for hit in t.relative.finditer(text):
        s, e = hit.span()
        if any(a - 30 <= s < b for a, b in spans):  # part of, or just before, a written date
            continue
        if hit.group("rel"):
            word = _SPACE_RUN.sub(" ", hit.group("rel").lower())
            day = ref + timedelta(days=cues["relative"][word])
        else:
            wd_text = hit.group("wd")
            wd = _weekday_of(wd_text, t)
            direction = (hit.group("dir") or "").lower()
            nxt = _NEXT_WORD.match(text[e : e + 30])
            nxt_word = nxt.group(1) if nxt else ""
            not_day = cues["weekday_not_a_day"].get(wd_text.lower(), [])
            if wd is None or direction in not_day or nxt_word.lower().rstrip(".,") in not_day:
                continue  # "minggu lalu": last week
            if wd_text.islower() and wd_text.lower() in cues["weekday_not_a_day"]:
                continue  # lower-case "minggu" is the week
            before = _word_before(text, s)
            if "-" in (text[e : e + 1], text[s - 1 : s]) or before in cues["schedule_words"]:
                continue  # "Senin-Kamis", "setiap Senin": a schedule, not a day
            if not direction and nxt_word[:1].isupper():
                continue  # "Jumat Curhat", "Jumat Legi": a name
            if direction in cues["weekday_back"]:
                back = (ref.weekday() - wd) % 7 or 7
            elif direction in cues["weekday_ahead"]:
                back = -((wd - ref.weekday()) % 7 or 7)
            else:
                back = (ref.weekday() - wd) % 7
            day = ref - timedelta(days=back)
        m = _Mention(s, e, day.day, day.month, day.year, "rel")
        out.append(m)
    return out


def _attach_times(
    text: str, low: str, runs: list[tuple[int, int]], mentions: list[_Mention], t: _Tables
) -> None:
    """'pukul 13.30 WIB' belongs to the date in the same sentence, before or after it."""
    if not mentions:
        return
    for hit in _time_hits(text, low, runs, t):
        s, e = hit.span()
        best, dist = None, 61
        for m in mentions:
            if m.start <= s < m.end:  # "Kamis pukul 06.45 wib (08/06/2023)"
                best, dist = m, 0
                break
            # the gap plus one character, to see the capital that opens a new sentence
            gap = (
                (text[m.end : s + 1], s - m.end)
                if m.end <= s
                else (text[e : m.start + 1], m.start - e)
            )
            if gap[1] < 0 or gap[1] >= dist:
                continue
            if "\n" in gap[0] and not (m.end <= s and _LINE_START.search(gap[0])):
                continue  # only a form's "Pukul : 07.15" line right under the date line
            if _SENTENCE_END.search(gap[0]):
                continue
            best, dist = m, gap[1]
        if best is not None and best.time is None:
            h, mi = hit.group("h") or hit.group("h2"), hit.group("mi") or hit.group("mi2")
            best.time = f"{int(h):02d}:{mi}"
            tz = hit.group("tz") or hit.group("tz2")
            best.timezone = tz.upper() if tz else None


def _mentions(ctx: Context) -> list[_Mention]:
    t = _tables()
    text = ctx.text
    kept: list[_Mention] = []
    runs = ctx.digit_runs
    scanned = _scan(text, ctx.low, runs, t)
    if "tanggal" in ctx.low:  # days in words: rare, and only after "tanggal"
        scanned = sorted(scanned + _spelled(text, ctx.low, t), key=lambda m: m.start)
    # overlapping shapes: the first, longest wins (a range end is inside its range)
    for m in scanned:
        if kept and m.start < kept[-1].end and kept[-1].partner is not m:
            continue
        kept.append(m)
    out: list[_Mention] = []
    dropped: set[int] = set()  # ids of rejected range starts: their ends go too
    for m in kept:
        if not m.range_end or m.kind not in ("word", "num"):
            _prefix(text, ctx.low, m, t)
        if id(m) in dropped:
            continue
        if m.kind in ("url", "file") or _accept(text, m, t):
            out.append(m)
        elif m.partner is not None:
            dropped.add(id(m.partner))
    # A credit line's day is still a day of the text (GUIDE: photo captions count); it is
    # only a poor event date (see _score).
    for m in out:
        m.credit = m.kind != "url" and ctx.is_excluded(m.start, m.end)
    _link_ranges(text, out, t)
    year = _report_year(text, ctx.low, runs, out, t)
    anchor = next(
        (m for m in out if year and m.year == year and _valid(year, m.month, m.day)), None
    )
    ref = ctx.reference_date
    for m in out:
        y = m.year if m.year is not None else year
        if m.year is None and anchor is not None:
            y = _across_new_year(anchor, m)
        if y is None and ref is not None:
            y = _near_year(ref, m.month, m.day)
        m.value = _valid(y, m.month, m.day) if y is not None else None
    out = [m for m in out if m.value]
    if ctx.reference_date is not None:
        out += _relative(text, out, ctx.reference_date, t)
        for m in out:
            m.value = m.value or _valid(m.year or 0, m.month, m.day)
        out.sort(key=lambda m: m.start)
    _attach_times(text, ctx.low, runs, out, t)
    return out


def find(ctx: Context) -> list[DateFact]:
    """One DateFact per distinct day, at its first mention; a range gives first and last day."""
    mentions = _mentions(ctx)
    ctx.found[_FOUND_KEY] = mentions
    facts: dict[str, DateFact] = {}
    for m in mentions:
        assert m.value
        fact = facts.get(m.value)
        if fact is None:
            end = m.partner.value if m.partner and m.partner.range_end else None
            fact = facts[m.value] = DateFact(
                text=ctx.text[m.start : m.end],
                start=m.start,
                end=m.end,
                value=m.value,
                end_value=end,
            )
        if fact.time is None and m.time:
            fact.time, fact.timezone = m.time, m.timezone
    event = _choose_event(ctx.text, mentions)
    ctx.found[_EVENT_KEY] = [event] if event else []
    if event:
        facts[event].role = "event"
    return list(facts.values())


# ---------------------------------------------------------------- event date


def _cue_score(window: str, key: str, t: _Tables) -> tuple[float, float]:
    pat, weights = t.event_cues[key]
    # pat.findall(window), tried only where one of the cues' first words starts
    low = window.lower() if window.isascii() else _lower(window)  # (the same on ASCII)
    heads = t.cue_heads[key]
    if not heads.search(low):
        return 0, 0  # no cue here (most windows); sum() of none is the int 0 too
    hits = _matches_at(pat, window, _head_starts(heads, low, 0, len(window)))
    seen = {_SPACE_RUN.sub(" ", hit.group().lower()) for hit in hits}
    scores = [weights.get(w, 0.0) for w in seen]
    return sum(s for s in scores if s < 0), sum(s for s in scores if s > 0)


_FIELD = re.compile(r"[^\W\d_][^:\n]{0,30}:")
# "Kanigoro, 12 Maret 2019" alone on its line: a letter's place-and-date sign-off. (Used with
# .match(text, line_start): no "^", which would only match at the start of the whole text.)
_SIGNOFF_BEFORE = re.compile(
    r"[^\S\n]*[A-Z][^\W\d_]*\.?(?:[^\S\n]+[A-Z][^\W\d_]*\.?){0,2}[^\S\n]*,[^\S\n]*$"
)


@dataclass(frozen=True)
class _Layout:
    lines: list[tuple[int, int]]  # non-empty lines (start, end)
    para: list[int]  # paragraph index of each line: blank-line blocks, or lines if none
    headline: bool  # the first line is a title

    @staticmethod
    def of(text: str) -> _Layout:
        lines, para, pos, block, blank, gap = [], [], 0, 0, False, False
        segments = text.split("\n")
        last = len(segments) - 1
        for k, line in enumerate(segments):
            if line and not line.isspace():  # (= line.strip(), without a copy)
                block += blank and bool(lines)
                lines.append((pos, pos + len(line)))
                para.append(block)
                blank = False
            else:
                blank = True
                gap = gap or 0 < k < last  # a blank line between two line breaks
            pos += len(line) + 1
        if not gap:
            para = list(range(len(lines)))  # no blank lines: every line is a paragraph
        first = text[lines[0][0] : lines[0][1]].strip() if lines else ""
        alone = len(para) > 1 and para[1] != para[0]
        field = _FIELD.match(first)  # "Hari/Tanggal : ...": a form's first field, not a title
        headline = alone and len(first) < 250 and not first.endswith((".", ":", ";")) and not field
        return _Layout(lines, para, headline)


def _ends_with_colon(text: str, a: int, b: int) -> bool:
    return text[max(a, b - 10) : b].rstrip().endswith(":")  # (a bounded slice: long lines)


def _has_label(s: str) -> bool:
    r"""Whether re.search(r"[^\W\d_]\s*:", s) finds a label ("Tanggal :"), looked for from
    the colons: a letter, white space, a colon. (A regex search walks the whole string.)"""
    c = s.find(":")
    while c >= 0:
        j = c
        while j > 0 and s[j - 1].isspace():  # `\s` (str.isspace is the same test)
            j -= 1
        if j > 0 and _is_letter(s[j - 1]):
            return True
        c = s.find(":", c + 1)
    return False


def _is_letter(ch: str) -> bool:
    r"""`[^\W\d_]`: a word character (alphanumeric or "_") that is no digit and no "_"."""
    return ch.isalnum() and not ch.isdecimal()


def _few_letters(s: str, most: int) -> bool:
    r"""len(re.sub(r"[\W\d_]+", "", s)) <= most: counted until there are too many."""
    n = 0
    for ch in s:
        if ch.isalnum() and not ch.isdecimal():
            n += 1
            if n > most:
                return False
    return True


_ROW = re.compile(r"[^\S\n]*\d{1,3}[^\S\n]*[|.)][^\S\n]")


def _header_line(text: str, lay: _Layout, li: int, t: _Tables) -> bool:
    """Whether the line above or below line li is a document header's "Nomor :"/"Perihal :"."""
    near = [lay.lines[i] for i in (li - 1, li + 1) if 0 <= i < len(lay.lines)]
    return any(t.letter_after.match(text, a) and ":" in text[a:b] for a, b in near)


def _score(text: str, m: _Mention, lay: _Layout, t: _Tables, prev_end: int = 0) -> float:
    """prev_end: where the mention before this one ends; cue words before it are that
    mention's ("Sejak Jumat (5/4) ..., kata Kapolres saat meninjau pos, Selasa (9/4)")."""
    ev = t.cues["event"]
    # Work per mention stays local (bisect, windows), or one long line makes it quadratic.
    li = bisect.bisect_right(lay.lines, m.start, key=lambda line: line[0]) - 1
    li = li if li >= 0 and m.start < lay.lines[li][1] else 0
    a, b = lay.lines[li] if lay.lines else (0, len(text))
    signoff = 0.0
    if _SIGNOFF_BEFORE.match(text, a, m.start) and not text[m.end : b].strip():
        signoff = ev["signoff"]
        # Below the body, or a letter's date line above "Kepada Yth."/"Nomor": when it was
        # written. (A place-date line opening a web post may be its dateline: left scored.)
        m.signed = li >= 2 or bool(t.letter_after.match(text, b))
    elif t.signed_at.search(text, max(0, m.start - 120), m.start):  # (bounded: one long line)
        signoff = ev["signoff"]  # "Dibuat di : Kanigoro / Pada tanggal : 12 Maret 2019"
        m.signed = True
    elif m.tanggal and b - a <= 60 and _header_line(text, lay, li, t):
        signoff = ev["signoff"]  # "Nomor : 45/HM/2024 / Tanggal : 12 Maret 2024": a document's
        m.signed = True  # own number-and-date header (letter, press release), not an activity
    if lay.headline and li == 0:
        return float(ev["headline"])
    rank = lay.para[li] - lay.para[0] - (1 if lay.headline else 0) if lay.lines else 0
    score = ev["paragraph"] * min(rank, ev["paragraph_cap"])
    low = max(a, m.start - 200)
    stop = max(a, *(text.rfind(p, low, m.start) + 2 for p in (". ", "? ", "! ")))
    sentence = text[max(stop, m.start - 200, min(prev_end, m.start)) : m.start]
    neg, pos = _cue_score(sentence, "before_sentence", t)
    score += neg + min(pos, 1.0)
    core = m.core if m.core >= 0 else m.start  # "Tanggal : " joined to the mention is a cue too
    near = text[max(a, core - 30) : core]
    near = near[near.rfind(".") + 1 :] if "." in near[:-1] else near
    neg, pos = _cue_score(near, "just_before", t)
    score += neg + pos
    after = _CLAUSE_END.split(text[m.end : m.end + 25], maxsplit=1)[0]
    neg, pos = _cue_score(after, "just_after", t)
    score += neg + pos
    if (
        m.start - a <= 40
        and _DASH_AFTER.match(text[m.end : m.end + 4])
        and not _CLOCK_AFTER.match(text, m.end)  # the dash before a clock: a stamp's
    ):
        score += ev["dateline"]  # "Malang, 3 Juli 2023 - ...": often the day, but published
    if m.weekday:
        score += ev["weekday"]  # "Sabtu (1/7)": how a report names the day of its activity
    rest = text[max(a, m.start - 500) : m.start] + text[m.end : min(b, m.end + 500)]
    # "Tanggal : ..." in a report form (the label may be joined to the mention)
    labelled = _has_label(rest + text[m.start : core]) or (
        li > 0 and _ends_with_colon(text, *lay.lines[li - 1])  # a "Pelaksanaan:" line above
    )
    row = _ROW.match(text, a)  # "1 | Senin, 8 April 2024 | Pembukaan": a numbered table row
    if li <= 3 and not labelled and not row and _few_letters(rest, 12):
        score += ev["stamp"]  # a line that is only a date (and clock): a publication stamp
    elif li <= 3 and b - a <= 120 and t.byline.match(text, a):
        score += ev["stamp"]  # "Oleh Humas Polres - Senin, 8 April 2024": a byline's stamp
    if m.credit:
        score += ev["credit_line"]
    score += signoff
    if m.range_end:
        score += ev["range_end"]
    if m.kind in ("file", "url"):
        score += ev["file_name"]
    return score


def _choose_event(text: str, mentions: list[_Mention]) -> str | None:
    """The best-scored day: early in the body, with 'pada hari'/'digelar' cues, not 'sejak', 'akan',
    'hingga', a press-release or publication stamp, the headline or a background 'lalu'."""
    if not mentions:
        return None
    t = _tables()
    lay = _Layout.of(text)
    best: dict[str, float] = {}
    prev_end = 0
    for m in mentions:
        m.score = _score(text, m, lay, t, prev_end)
        prev_end = max(prev_end, m.end)
    for m in mentions:  # a range's cues ("Tanggal : 21 - 23 ...") belong to its first day
        end = m.partner
        if end is not None and end.range_end:
            m.score = max(m.score, end.score - t.cues["event"]["range_end"])
    for m in mentions:
        assert m.value
        if m.value not in best or m.score > best[m.value]:
            best[m.value] = m.score
    # GUIDE "event_date": the day a report was signed is not its activity's day, unless the
    # text ties the activity to it. With no other day the signing day stays, as a
    # publication stamp does: the nearest day the text gives (docs/extraction.md).
    # But not one the body contradicts ("Pada hari Senin ..." signed on a Tuesday): null.
    unsigned = {m.value for m in mentions if not m.signed}
    signed = [v for v in best if v not in unsigned]
    if signed:
        pinned, contradicted = _pinned(text, signed, mentions, t)
        for v in signed:
            if v in contradicted or (unsigned and v not in pinned):
                del best[v]
    return max(best, key=lambda v: best[v]) if best else None  # ties: the first written


def _pinned(
    text: str, signed: list[str], mentions: list[_Mention], t: _Tables
) -> tuple[set[str], set[str]]:
    """The signing days the body before them ties its activity to: "pada hari ini ...", or
    the signing day's weekday and no other ("Pada hari Selasa telah dilaksanakan ..."); and
    those it rules out: the body names weekdays, none of them the signing day's.
    One pass over the text however many sign-offs (a file of many letters stays linear)."""
    first: dict[str, int] = {}
    for m in mentions:
        first.setdefault(m.value or "", m.start)
    todo = sorted((first[v], v) for v in signed)
    stop = todo[-1][0]
    today = t.today.search(text, 0, stop)
    spans = sorted((m.start, m.end) for m in mentions)
    out: set[str] = set()
    ruled_out: set[str] = set()
    named: set[int | None] = set()
    hits = t.weekday_word.finditer(text, 0, stop)
    hit = next(hits, None)
    k, reach = 0, 0  # spans opened so far, and the furthest end among them
    for at, v in todo:
        while hit is not None and hit.start() < at:
            p = hit.start()
            while k < len(spans) and spans[k][0] <= p:
                reach = max(reach, spans[k][1])
                k += 1
            if p >= reach:  # "Senin (4/3)": a weekday inside a date is that date's own
                named.add(_weekday_of(hit.group(), t))
            hit = next(hits, None)
        day = date.fromisoformat(v).weekday()
        if today and today.start() < at or named == {day}:
            out.add(v)
        elif named - {None} and day not in named:
            ruled_out.add(v)
    return out, ruled_out


def event_date(ctx: Context) -> str | None:
    """The ISO day of the main activity, or None when the text has no day."""
    if _EVENT_KEY not in ctx.found:
        find(ctx)
    return next(iter(ctx.found[_EVENT_KEY]), None)
