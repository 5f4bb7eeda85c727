"""participants: exact numbers of people involved in the reported activity (GUIDE.md).

A scan over the number tokens (patterns in data/counts_patterns.jsonl) finds a number next to
a person noun ("15 orang", "seribu tujuh ratus petugas", "peserta berjumlah 50"); small Python then
completes the number words, takes in qualifiers ("sekitar", "±") and drops the numbers that
are not counts of involved people: vague amounts, ranges, ages, dates, money, populations,
targets, quotas, capacities and past-year comparisons (data/counts_context.json). Counts
listed after or broken down from a ruled-out one go with it ("memiliki 15 guru dan 300
siswa", "40 siswa yang terpilih, terdiri dari 22 laki-laki ...").
"""

from __future__ import annotations

import dataclasses
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy
from spacy.attrs import LIKE_NUM, LOWER
from spacy.lang.id.lex_attrs import like_num
from spacy.language import Language
from spacy.strings import get_string_id
from spacy.tokens import Doc, Token

from .context import Context
from .model import CountFact
from .numbers import SCALES, SE_FORMS, WORDS, parse_digits, words_to_int

DATA = Path(__file__).parent / "data"
# Which end of a match holds the number, and how sure the match is (higher wins).
_NUMBER_LAST = "link_num"
_PRIORITY = {"num_noun": 3, "link_num": 2, "num_among": 1}
_DETERMINERS = frozenset({"orang", "org"})
_APPROX_LINKS = frozenset({"lebih", "an", "-an", "an-", "-"})
_BOUNDARY = frozenset({".", "!", "?", ";"})
_AN_RE = re.compile(r"\d[\d.]*an\b", re.IGNORECASE)  # "100an", "1.000an" (checked after)


def _lines(name: str) -> list[str]:
    text = (DATA / name).read_text(encoding="utf-8")
    return [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]


@lru_cache(maxsize=1)
def nouns() -> dict[str, tuple[tuple[str, ...], ...]]:
    """Person nouns by first word, each as a word tuple, longest first ("orang tua", "orang")."""
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for ln in _lines("counts_nouns.txt"):
        words = tuple(ln.lower().split())
        by_first.setdefault(words[0], []).append(words)
    return {w: tuple(sorted(v, key=len, reverse=True)) for w, v in by_first.items()}


def _key(words: list[str]) -> str:
    # "kurang-lebih" / "kurang lebih" / "+/-" compare whatever the tokenizer did with them.
    return "".join(words).lower().replace("-", "").replace(" ", "")


@lru_cache(maxsize=1)
def qualifiers() -> dict[str, bool]:
    """Qualifier (spaces and hyphens removed) -> whether it makes the count approximate."""
    rows = (ln.split("\t") for ln in _lines("counts_qualifiers.tsv"))
    return {_key([phrase]): flag.strip() == "true" for phrase, flag in rows}


@lru_cache(maxsize=1)
def _qualifier_ends() -> frozenset[str]:
    """Every end of a qualifier's _key: the _key of a qualifier's last word is one. (For an
    ASCII word: lower() then works character by character, as in the _key of the words.)"""
    return frozenset(k[i:] for k in qualifiers() for i in range(len(k) + 1))


@lru_cache(maxsize=1)
def context_words() -> dict[str, Any]:
    raw = json.loads((DATA / "counts_context.json").read_text(encoding="utf-8"))
    out: dict[str, Any] = {}
    for k, v in raw.items():
        if isinstance(v, list):
            out[k] = frozenset(tuple(x) if isinstance(x, list) else x for x in v)
        else:
            out[k] = v
    out["target_or_modal"] = out["bad_window"] | out["modals"]
    return out


@dataclass(frozen=True)
class _Words:
    """Hashes of the pattern words (data/counts_patterns.jsonl), for the token scan in _matches."""

    nouns: frozenset[int]  # a person noun's first word
    se: frozenset[int]
    # A "se" form that is no LIKE_NUM token (seratus, seribu, ...), in the lower-cased text: a
    # token of one has it in its text (the token's lower case is the text's, `Context.low`).
    se_words: re.Pattern[str]
    num_noun: list[tuple[frozenset[int], ...]]  # [NUM/SE, X?, "an"?] optional links
    link: frozenset[int]  # "sebanyak", "berjumlah" .. NUM
    label: frozenset[int]  # "jumlah", "total" NOUN ":"? NUM
    among: frozenset[int]
    antaranya: int
    colon: int
    open: int
    close: int
    det: frozenset[int]
    # A match needs one of `after` right after its number token, or one of `before` right
    # before it, or is a "se" form's: the union of what each shape in _matches looks at.
    after: frozenset[int]
    before: frozenset[int]


def _ids(words: Any) -> frozenset[int]:
    return frozenset(get_string_id(w) for w in words)


@lru_cache(maxsize=1)
def _words() -> _Words:
    """The pattern file read into the word sets _matches checks; the shapes themselves are
    fixed in _matches (a spaCy Matcher costs a Python Token per token: several times slower)."""
    rows = [json.loads(line) for line in _lines("counts_patterns.jsonl")]
    p = [r["pattern"] for r in rows]
    w = _Words(
        nouns=_ids([*nouns(), *(w + "nya" for w in nouns())]),  # "3 anaknya", "2 rekannya"
        se=_ids(SE_FORMS),
        se_words=re.compile("|".join(sorted(w for w in SE_FORMS if not like_num(w)))),
        num_noun=[_ids(p[0][1]["LOWER"]["IN"]), _ids(p[1][1]["LOWER"]["IN"])],
        link=_ids(p[3][0]["LOWER"]["IN"]),
        label=_ids(p[4][0]["LOWER"]["IN"]),
        among=_ids(p[5][1]["LOWER"]["IN"]),
        antaranya=get_string_id(p[5][2]["LOWER"]),
        colon=get_string_id(p[4][2]["ORTH"]),
        open=get_string_id(p[2][1]["ORTH"]),
        close=get_string_id(p[2][3]["ORTH"]),
        det=_ids(p[2][4]["LOWER"]["IN"]),
        after=frozenset(),
        before=frozenset(),
    )
    after = w.nouns | w.num_noun[0] | w.among | {get_string_id("an"), w.open, w.close}
    return dataclasses.replace(w, after=after, before=w.nouns | w.link | {w.colon})


def setup(nlp: Language) -> None:
    """Read the word lists once with the pipeline; find() reuses them."""
    _words()


def _an_number(text: str) -> int | None:
    """ "100an" -> 100 ("about a hundred"); None for anything else, and for decades ("1990an")."""
    value = parse_digits(text[:-2]) if text[-2:].lower() == "an" else None
    if value is not None and len(text) == 6 and 1900 <= value <= 2100:
        return None
    return value


def _paren_words(doc: Doc, i: int) -> bool:
    """Token i ends number words that fill a bracket on their own: "(empat puluh)", not the
    "45 (empat puluh lima)" restatement (that one is matched at its digits)."""
    s = _grow_left(doc, i)
    if s == i and doc[i].text[:1].isdigit():
        return False  # "Budi (19) warga ...": digits alone in brackets are an age
    return s > 0 and doc[s - 1].text == "(" and not (s > 1 and doc[s - 2].like_num)


def _an_hits(text: str, low: str, runs: list[tuple[int, int]]) -> Iterator[re.Match[str]]:
    """The matches of _AN_RE.finditer(text) that can be an "-an" number: those whose "an"
    follows a digit (_an_number turns down "1.an"). The "an" then follows the end of a digit
    run (`runs`: Context.digit_runs; `low`: the lower-cased text), and the match starts at
    the first digit of the digits and dots before it: where finditer would find it."""
    for s, e in runs:
        if low.startswith("an", e):
            j = s
            while j > 0 and (text[j - 1] == "." or text[j - 1].isdecimal()):  # `[\d.]`
                j -= 1
            while text[j] == ".":
                j += 1
            hit = _AN_RE.match(text, j)
            if hit:
                yield hit


def _matches(ctx: Context) -> dict[int, tuple[str, int, int]]:
    """The best pattern match per number token: (kind, start, end), the most specific kind,
    then the longest. The patterns of data/counts_patterns.jsonl, as a scan over the number
    tokens: NUM [orang|org|lebih|an|-]? [an]? NOUN, SE [orang|org|lebih]? NOUN,
    NUM ( non-punct+ ) [orang|org]? NOUN, ( WORDS ) [orang|org]? NOUN; sebanyak NUM, jumlah NOUN :? NUM; NUM di antaranya?."""
    doc = ctx.doc
    n = len(doc)
    if not n:
        return {}
    w = _words()
    arr = doc.to_array([LOWER, LIKE_NUM])  # "(", ")" and ":" are their own lower case
    low = arr[:, 0].tolist()
    num = set(numpy.flatnonzero(arr[:, 1]).tolist())  # the number tokens
    for m in _an_hits(ctx.text, ctx.low, ctx.digit_runs):  # "100an orang": approximate -an
        span = doc.char_span(m.start(), m.end())
        if span is not None and len(span) == 1 and _an_number(m.group()) is not None:
            num.add(span.start)
    se = w.se
    if w.se_words.search(ctx.low):  # (rare: only then look at every token)
        num_or_se = num.union(i for i, h in enumerate(low) if h in se)
    else:  # every "se" form token is a LIKE_NUM one (sepuluh, sebelas), if any
        num_or_se = num
    cands = sorted(num_or_se)
    if not cands:
        return {}
    nouns_, an = w.nouns, get_string_id("an")
    x1, x2 = w.num_noun
    best: dict[int, tuple[str, int, int]] = {}
    after, before = w.after, w.before
    for i in cands:
        # the other number tokens (most of them) are passed over at once
        if (low[i + 1] if i + 1 < n else 0) not in after and (
            (low[i - 1] if i >= 1 else 0) not in before and low[i] not in se
        ):
            continue
        is_num = i in num
        size = 0
        if is_num:
            a = low[i + 1] if i + 1 < n else 0
            b = low[i + 2] if i + 2 < n else 0
            c = low[i + 3] if i + 3 < n else 0
            if a in x1 and (b == an) and c in nouns_:
                size = 4
            elif (a in x1 or a == an) and b in nouns_:
                size = 3
            elif a in nouns_:
                size = 2
            if i + 2 < n and low[i + 1] == w.open:
                j = i + 2
                while j < n and not doc[j].is_punct:
                    j += 1
                if j > i + 2 and j < n and low[j] == w.close:
                    if j + 2 < n and low[j + 1] in w.det and low[j + 2] in nouns_:
                        size = max(size, j + 3 - i)
                    elif j + 1 < n and low[j + 1] in nouns_:
                        size = max(size, j + 2 - i)
            if not size and i + 2 < n and low[i + 1] == w.close and _paren_words(doc, i):
                # "(empat puluh) orang": number words alone in brackets (formal forms)
                if low[i + 2] in w.det and i + 3 < n and low[i + 3] in nouns_:
                    size = 4
                elif low[i + 2] in nouns_:
                    size = 3
        if low[i] in se:
            a = low[i + 1] if i + 1 < n else 0
            b = low[i + 2] if i + 2 < n else 0
            if a in x2 and b in nouns_:
                size = max(size, 3)
            elif a in nouns_:
                size = max(size, 2)
        if size:
            best[i] = ("num_noun", i, i + size)
            continue
        if not is_num:
            continue
        if i >= 3 and low[i - 1] == w.colon and low[i - 2] in nouns_ and low[i - 3] in w.label:
            best[i] = (_NUMBER_LAST, i - 3, i + 1)
        elif i >= 2 and low[i - 1] in nouns_ and low[i - 2] in w.label:
            best[i] = (_NUMBER_LAST, i - 2, i + 1)
        elif i >= 1 and low[i - 1] in w.link:
            best[i] = (_NUMBER_LAST, i - 1, i + 1)
        elif i + 1 < n and low[i + 1] in w.among:
            end = i + 3 if i + 2 < n and low[i + 2] == w.antaranya else i + 2
            best[i] = ("num_among", i, end)
    return best


@dataclass
class _Hit:
    kind: str
    start: int  # token span of the whole phrase
    end: int
    num_start: int
    num_end: int
    value: int
    approximate: bool
    who: str | None


# Token by token, not by doc[a:b]: a Span costs several times a Token (these are small).
def _text(doc: Doc, i: int) -> str:
    """doc[i : i + 1].text: the token's text, "" past the end."""
    return doc[i].text if i < len(doc) else ""


def _span_text(doc: Doc, start: int, end: int) -> str:
    """doc[start:end].text for 0 <= start < end <= len(doc): the tokens with the space
    between them, without the last one's."""
    return "".join([doc[j].text_with_ws for j in range(start, end - 1)]) + doc[end - 1].text


def _is_boundary(tok: Token) -> bool:
    text = tok.text
    return text in _BOUNDARY or "\n" in text


def _noun_len(doc: Doc, i: int) -> int:
    """Length of the longest person noun starting at token i, 0 if none."""
    if i >= len(doc):
        return 0
    low = doc[i].lower_
    for words in nouns().get(low, ()):
        end = min(i + len(words), len(doc))
        if len(words) == 1 or tuple(doc[j].lower_ for j in range(i, end)) == words:
            return len(words)
    if low.endswith("nya") and (low[:-3],) in nouns().get(low[:-3], ()):
        return 1  # a possessed person noun: "bersama 2 rekannya"
    return 0


def _noun_before(doc: Doc, link: int) -> tuple[int, int]:
    """(start, length) of a person noun ending at most two words before token `link`."""
    for j in range(link - 1, max(link - 5, -1), -1):
        if _is_boundary(doc[j]) or not doc[j].is_alpha:
            break
        size = _noun_len(doc, j)
        if size and doc[j].lower_ in context_words()["after_number_only"]:
            break  # "konferensi pers sebanyak 3 kali": "pers" is personel only after a number
        if size and link - 2 <= j + size <= link:
            return j, size
    return -1, 0


def _blocked(doc: Doc, i: int) -> bool:
    """A person noun that starts a word for a thing ("anak perusahaan", "ibu kota") or for
    people not taking part ("pasangan calon bupati": the candidates of an election)."""
    words = tuple(doc[j].lower_ for j in range(i, min(i + 3, len(doc))))
    not_people = context_words()["not_people"]
    return words[:2] in not_people or words in not_people


def _number(doc: Doc, start: int, end: int) -> tuple[int | None, bool]:
    """Value of doc[start:end]; a leading ±/~/+ on the first token marks it approximate."""
    words = [doc[j].text for j in range(start, min(end, len(doc)))]
    approx = words[0][:1] in "±~+" and len(words[0]) > 1
    if approx:
        words[0] = words[0][1:]
    if len(words) == 1 and not words[0].isdigit() and (about := _an_number(words[0])) is not None:
        return about, True  # "100an"
    return words_to_int(words), approx


def _grow_left(doc: Doc, i: int) -> int:
    """First token of the number whose last token is i ("dua ratus lima puluh")."""
    s = i
    while s > 0 and doc[s - 1].lower_ in WORDS:
        s -= 1
    if s > 0 and doc[s].lower_ in SCALES and doc[s - 1].text[:1].isdigit():
        s -= 1  # "2 ribu"
    return s


def _grow_right(doc: Doc, i: int) -> int:
    e = i + 1
    while e < len(doc) and doc[e].lower_ in WORDS:
        e += 1
    return e


def _hit(doc: Doc, kind: str, s: int, e: int) -> _Hit | None:
    if kind == _NUMBER_LAST:
        ns = e - 1
        ne = _grow_right(doc, ns)
        after = ne
        if after < len(doc) and doc[after].text == "(":  # "sebanyak 1 (satu) SST": look past it
            close = next(
                (j for j in range(after + 1, min(after + 8, len(doc))) if doc[j].text == ")"), 0
            )
            after = close + 1 if close else after
        nxt = doc[after] if after < len(doc) else None
        # "peserta sebanyak 50 paket" names things: only a clause end may follow.
        if nxt is not None and not (nxt.is_punct or nxt.is_space or nxt.is_stop):
            return None
        if doc[s].lower_ in ("jumlah", "total"):  # "jumlah peserta: 85"
            first, size = s + 1, _noun_len(doc, s + 1)
        else:  # "peserta (yang hadir) sebanyak 47": the noun is up to two words back
            first, size = _noun_before(doc, s)
        if not size:
            return None
        who = _span_text(doc, first, first + size)
        value, approx = _number(doc, ns, ne)
        start = s if doc[s].lower_ in ("jumlah", "total") else first
        return _Hit(kind, start, ne, ns, ne, value or 0, approx, who) if value else None
    ne = s + 1
    ns = _grow_left(doc, s)
    value, approx = _number(doc, ns, ne)
    if not value:
        return None
    who = None
    if kind == "num_among" and doc[ne].lower_ == "di" and _text(doc, ne + 1) != "antaranya":
        return None
    if kind != "num_among":
        k = ne
        if doc[k].text == ")" and ns > 0 and doc[ns - 1].text == "(":  # "(empat puluh) orang"
            ns, k = ns - 1, k + 1
        elif doc[k].text == "(":  # "50 (lima puluh) orang", "lima puluh (50) orang"
            close = next((j for j in range(k + 1, min(k + 8, len(doc))) if doc[j].text == ")"), k)
            if words_to_int([doc[j].text for j in range(k + 1, close)]) is None:
                return None
            k = close + 1
        if doc[k].lower_ in _APPROX_LINKS:
            approx = True
            if doc[k].text == "-" and _text(doc, k + 1).lower() != "an":
                return None
            k += 2 if doc[k].text == "-" else 1  # "200-an"
        size = _noun_len(doc, k)
        if doc[k].lower_ in _DETERMINERS and size == 1 and _noun_len(doc, k + 1):
            k += 1  # "15 orang peserta": the noun is "peserta" (but "15 orang tua")
            size = _noun_len(doc, k)
        if not size or _blocked(doc, k):
            return None  # "kepala" without "keluarga"; "anak perusahaan"
        e = k + size
        who = _span_text(doc, k, e)
        if e < len(doc) and doc[e].lower_ == "lebih":  # "50 orang lebih"
            approx = True
    return _Hit(kind, ns, e, ns, ne, value, approx, who)


def _qualify(doc: Doc, hit: _Hit) -> None:
    """Take qualifiers in front of the number into the phrase ("kurang lebih 100")."""
    quals = qualifiers()
    ends = _qualifier_ends()
    for _ in range(3):
        q = hit.start
        if q == 0:
            return
        last = _key([doc[q - 1].text])
        if last.isascii() and last not in ends:
            return  # no qualifier ends with the word before: none of the looks below can match
        near = [doc[j] for j in range(max(q - 4, 0), q)]
        # An abbreviation's own dot ("lk. 40", "kl. 60") is no sentence end.
        stop = [
            (_is_boundary(t) and not (t.text == "." and t.i > 0 and not doc[t.i - 1].whitespace_))
            or t.is_space
            for t in near
        ]
        for k in (4, 3, 2, 1):
            if len(near) >= k and not any(stop[-k:]):
                flag = quals.get(_key([t.text for t in near[-k:]]))
                if flag is not None:
                    hit.start -= k
                    hit.approximate |= flag
                    break
        else:
            return


def _split_thousands(doc: Doc, i: int) -> bool:
    """ "13.<newline>200": a thousands separator broken by a line break in the source."""
    if len(doc[i].text) != 3 or not doc[i].is_digit or i < 3 or not doc[i - 1].is_space:
        return False
    return doc[i - 2].text == "." and doc[i - 3].is_digit and len(doc[i - 3].text) <= 3


def _year_like(doc: Doc, i: int, hit: _Hit) -> bool:
    return (
        hit.num_end == i + 1
        and doc[i].is_digit
        and len(doc[i].text) == 4
        and 1900 <= hit.value <= 2100
    )


def _second_unit(doc: Doc, ns: int) -> bool:
    """`12 KK / 45 jiwa`: a spaced slash after a person noun restates the count in another unit
    (a bare `/` stays a date, number or letter-number piece: `Sprin/45`, `14/7`)."""
    if ns < 3 or doc[ns - 1].text != "/":
        return False
    if doc[ns - 2].text == ")" and ns >= 4 and doc[ns - 4].text == "(":
        # `120 kepala keluarga (KK)/410 jiwa`: the noun's acronym in brackets ends the unit
        return doc[ns - 3].lower_ in nouns()
    if not doc[ns - 2].whitespace_:
        return False
    for size in (1, 2):  # `12 KK / 45 jiwa`, `12 kepala keluarga / 45 jiwa`
        j = ns - 1 - size
        if j >= 1 and _noun_len(doc, j) == size and doc[j - 1].like_num:
            return True
    return False


_KEEP, _OUT, _GOVERNED = 0, 1, 2


def _range_start(doc: Doc, link: int) -> bool:
    """A number ends right before the range word `link`, or a number of the same people does
    ("10 orang hingga 15 orang"); "1 peleton atau 30 personel" and "6 KK atau 21 jiwa" restate
    one group in other units: no range."""
    if link >= 1 and doc[link - 1].like_num:
        return True
    after = doc[link + 2].lower_ if link + 2 < len(doc) else ""
    for size in (1, 2):
        j = link - size
        if j >= 1 and doc[j - 1].like_num and _noun_len(doc, j) == size and doc[j].lower_ == after:
            return True
    return False


def _excluded(doc: Doc, hit: _Hit) -> int:
    """_KEEP, _OUT (ruled out by the number itself or its neighbours) or _GOVERNED (ruled out by
    a word that governs its clause, "memiliki", "target": items listed after it go too)."""
    cw = context_words()
    if hit.value > cw["max_count"]:  # millions are populations, not attendance
        return _OUT
    ns = hit.num_start
    prev = doc[ns - 1] if ns > 0 else None
    if prev is not None:
        p = prev.lower_
        if p in cw["vague_before"] or (p in cw["bad_before"] and not _second_unit(doc, ns)):
            return _OUT
        if prev.text[:1].isdigit():  # "2018 50 orang", "14/7 ..." date pieces
            return _OUT
        if prev.text == "-" and not prev.whitespace_:  # "Covid-19", "ke-2", "13-14"
            return _OUT
        if _split_thousands(doc, ns):
            return _OUT
        if p == "dari" and ns > 1 and doc[ns - 2].like_num:
            return _OUT  # "3 dari 10 orang": a ratio, not a group
        if p == "atau" and ns > 1 and doc[ns - 2].lower_ in cw["percent_words"]:
            return _OUT  # "4 persen atau 1.300 orang": a share of a population, restated
        if p in cw["range_words"] and _range_start(doc, ns - 1):
            return _OUT  # "13-14 orang", "10 sampai 15 orang", "10 orang hingga 15 orang"
    first = doc[ns].text
    if len(first) > 1 and first[0] == "0" and first[1].isdigit():
        return _OUT  # "Kodim 0808", "0812 ...": unit numbers and phone numbers, never a count
    if _year_like(doc, ns, hit) and (
        prev is None or prev.lower_ in cw["year_before"] or hit.start == ns
    ):
        return _OUT  # "tahun 2024 peserta", "Operasi Zebra 2024 personel"
    if hit.kind == "num_among":
        return _KEEP
    # Words before the phrase, within its sentence.
    before: list[Token] = []
    for j in range(hit.start - 1, max(hit.start - cw["window_before"], 0) - 1, -1):
        t = doc[j]
        if _is_boundary(t):
            break
        before.append(t)
    before.reverse()
    left = [t.lower_ for t in before]
    if any(w in cw["bad_near"] for w in left[-cw["near_before"] :]):
        return _GOVERNED
    # A target or capacity speaks for its own clause and its own number: "menargetkan 500
    # orang, tercapai 320 orang", "desa berpenduduk 2.300 jiwa itu menggelar rapat dengan
    # 40 warga": the words after the last comma or number before this one.
    cut = max((k + 1 for k, t in enumerate(before) if t.text == "," or t.like_num), default=0)
    # ... and a verb of involvement starts the clause anew ("sasaran pelajar SMA, dan kegiatan
    # diikuti 80 siswa"), unless a target word or a modal leads it ("ditargetkan diikuti").
    keep = cw["target_or_modal"]
    for k, w in enumerate(left[cut:], start=cut):
        if w in cw["involved_verbs"] and (k == 0 or left[k - 1] not in keep):
            cut = k + 1
    clause = left[cut:]
    if (
        any(w in cw["bad_window"] for w in clause)
        and not _occupants(before, cut)
        and not _sheltered(doc, hit, clause)
    ):
        return _GOVERNED
    if any(pair in cw["bad_window_phrases"] for pair in zip(left, left[1:], strict=False)):
        return _GOVERNED
    return _OUT if _after_rules_out(doc, hit) else _KEEP


def _sheltered(doc: Doc, hit: _Hit, clause: list[str]) -> bool:
    """'posko yang menampung 390 jiwa pengungsi': evacuees a shelter now houses, not its
    capacity ('mampu menampung 500 pengungsi'): the only ruling-out word is the housing verb,
    no modal or limit word stands in the clause, and the people are evacuees."""
    sh = context_words()["sheltered"]
    bad = {w for w in clause if w in context_words()["bad_window"]}
    if not bad or not bad <= set(sh["verbs"]) or any(w in sh["capacity"] for w in clause):
        return False
    words = [doc[j].lower_ for j in range(hit.num_end, min(hit.end + 1, len(doc)))]
    return any(w in sh["people"] for w in words)


def _occupants(before: list[Token], cut: int) -> bool:
    """'merendam 40 rumah yang dihuni 52 KK': a clause that opens on a number of houses and
    whose only ruling-out word is 'dihuni' counts the people of those houses (the ones hit)."""
    occ = context_words()["occupied"]
    if cut == 0 or not before[cut - 1].like_num:
        return False
    words = [t.lower_ for t in before[cut:]]
    bad = [w for w in words if w in context_words()["bad_window"]]
    return bool(bad) and set(bad) <= set(occ["verbs"]) and any(w in occ["things"] for w in words)


def _after_rules_out(doc: Doc, hit: _Hit) -> bool:
    """The words right after the phrase: "5 orang per desa", "10 orang hingga 15 orang"."""
    cw = context_words()
    right: list[str] = []
    for j in range(hit.end, min(hit.end + cw["window_after"], len(doc))):
        t = doc[j]
        if _is_boundary(t):
            break
        right.append(t.lower_)
    if right and right[0] in cw["bad_after"]:
        return True
    if len(right) > 1 and right[0] in cw["range_after"] and doc[hit.end + 1].like_num:
        return True  # "10 orang hingga 15 orang": the range's first end
    return any(pair in cw["bad_after_phrases"] for pair in zip(right, right[1:], strict=False))


def _breaks_down(doc: Doc, dropped: tuple[int, bool], start: int) -> bool:
    """A count that follows a ruled-out one in the same sentence goes with it when it breaks it
    down ("40 siswa yang terpilih, terdiri dari 22 laki-laki") or, after a governing word or
    a breakdown, when it is just listed next ("memiliki 15 guru dan 300 siswa", "... dan 18
    perempuan")."""
    end, listed = dropped
    if end < 0 or start - end > 12:
        return False
    between = [doc[j] for j in range(end, start)]
    if any(_is_boundary(t) for t in between):
        return False
    cw = context_words()
    if listed and all(t.is_punct or t.lower_ in cw["list_joiners"] for t in between):
        return True
    return any(t.lower_ in cw["breakdown"] for t in between)


def _respectively(doc: Doc, start: int, last_person: int) -> bool:
    """ "40 orang, masing-masing 20 laki-laki dan 20 perempuan": "masing-masing" right after a
    count of people breaks that count down; before a group word it distributes ("3 desa,
    masing-masing 50 KK", "masing-masing desa 5 orang") and rules the number out."""
    return (
        start >= 2
        and doc[start - 1].lower_ in context_words()["respectively"]
        and doc[start - 2].text == ","
        and last_person == start - 2
    )


def _respective_list(doc: Doc, hit: _Hit) -> bool:
    """ "Lapas A dan Lapas B masing-masing 157 napi dan 107 napi": "masing-masing" before a
    list of counts gives each its own (respectively), unlike "masing-masing 5 orang" alone
    (so many for each of them)."""
    ns, cw = hit.num_start, context_words()
    if ns < 1 or doc[ns - 1].lower_ not in cw["respectively"] or hit.end + 1 >= len(doc):
        return False
    joiner = doc[hit.end]
    return (joiner.text == "," or joiner.lower_ in cw["list_joiners"]) and doc[hit.end + 1].like_num


def _among_named(doc: Doc, hit: _Hit) -> bool:
    """'203 di antaranya adalah personil': a copula then a person noun names the part's people."""
    k = hit.end
    if k < len(doc) and doc[k].lower_ in context_words()["among_copulas"]:
        k += 1
        return bool(_noun_len(doc, k)) and not _blocked(doc, k)
    return False


def find(ctx: Context) -> list[CountFact]:
    """Facts of this field in ctx.doc, offsets into ctx.text."""
    doc = ctx.doc
    # One candidate per number token: the most specific, then the longest match.
    best = _matches(ctx)
    facts: list[CountFact] = []
    seen: set[int] = set()
    last_person = -(10**9)  # token index where the last count of people ended
    reach = context_words()["among_reach"]
    dropped = (-1, False)  # where the last ruled-out count ended; whether it was a breakdown
    for anchor in sorted(best):
        kind, s, e = best[anchor]
        hit = _hit(doc, kind, s, e)
        if hit is None:
            continue
        if kind == "num_among" and hit.start - last_person > reach and not _among_named(doc, hit):
            continue  # "30 di antaranya" only right after a count of people
        if kind not in (_NUMBER_LAST, "num_among"):
            _qualify(doc, hit)
        why = _excluded(doc, hit)
        if why == _GOVERNED and (
            _respectively(doc, hit.start, last_person) or _respective_list(doc, hit)
        ):
            why = _OUT if _after_rules_out(doc, hit) else _KEEP
        if why:
            dropped = (hit.end, why == _GOVERNED)
            continue
        if _breaks_down(doc, dropped, hit.start):
            dropped = (hit.end, True)
            continue
        start = doc[hit.start].idx
        end = doc[hit.end - 1].idx + len(doc[hit.end - 1].text)
        if ctx.is_excluded(start, end):
            continue
        if hit.value == 1 and not any(c.isdigit() for c in ctx.text[start:end]):
            continue  # "satu warga", like "seorang warga": one person in words (GUIDE.md)
        last_person = hit.end
        if hit.value in seen:
            continue
        seen.add(hit.value)
        facts.append(
            CountFact(
                text=ctx.text[start:end],
                start=start,
                end=end,
                count=hit.value,
                approximate=hit.approximate,
                who=hit.who,
            )
        )
    return facts
