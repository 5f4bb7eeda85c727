"""Indonesian number words -> int ("dua ratus lima puluh" -> 250).

The vocabulary is spaCy's Indonesian number words (spacy.lang.id.lex_attrs, the same
list behind LIKE_NUM); only the values and the "se-" forms (seratus = 1 x ratus) are ours.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.lang.id.lex_attrs import _num_words

# spaCy lists nol..sembilan first, in order; check rather than trust silently.
assert _num_words[:2] == ["nol", "satu"] and _num_words[9] == "sembilan"
UNITS: dict[str, int] = {w: i for i, w in enumerate(_num_words[:10])}
# Group scales close a three-digit group; "belas"/"puluh"/"ratus" build one.
SCALES: dict[str, int] = {
    w: v
    for w, v in {
        "ribu": 10**3,
        "juta": 10**6,
        "miliar": 10**9,
        "biliun": 10**9,
        "triliun": 10**12,
    }.items()
    if w in _num_words
}
INNER: dict[str, int] = {"belas": 10, "puluh": 10, "ratus": 100}
# "se" + multiplier means one of it: sepuluh, sebelas, seratus, seribu, sejuta.
SE_FORMS: dict[str, str] = {"se" + w: w for w in (*INNER, *SCALES) if w != "belas"}
SE_FORMS["sebelas"] = "belas"
WORDS = frozenset(UNITS) | frozenset(SCALES) | frozenset(INNER) | frozenset(SE_FORMS)

# 1.250 (Indonesian thousands dots) or plain digits; 1,5 and 09.00 are not integers.
_DIGITS = re.compile(r"\d{1,3}(?:\.\d{3})+|\d+")


def parse_digits(text: str) -> int | None:
    """ "1.250" -> 1250, "2938" -> 2938; decimals, times and fractions -> None."""
    if _DIGITS.fullmatch(text):
        return int(text.replace(".", ""))
    return None


_DECIMAL = re.compile(r"\d{1,3},\d{1,3}")  # a decimal comma: "1,5" (ribu), "2,25" (juta)


def _decimal_scaled(number: str, scale_word: str) -> int | None:
    """ "1,5" + "ribu" -> 1500; None unless the scale makes a whole number of it."""
    scale = SCALES.get(scale_word)
    if scale is None:
        return None
    whole, frac = number.split(",")
    value = int(whole + frac) * scale
    if value % 10 ** len(frac):
        return None  # "1,5 puluh" is no scale; "1,2345 ribu" no whole number
    return value // 10 ** len(frac)


def is_number_word(word: str) -> bool:
    return word.lower() in WORDS


def words_to_int(words: Sequence[str]) -> int | None:
    """Number words (optionally led by digits: "2 ribu") -> int, None if not well formed."""
    total = 0  # closed groups (ribu, juta, ...)
    group = 0  # the current group below 1000
    unit: int | None = None  # a unit waiting for its multiplier
    last_scale = 10**15
    for i, raw in enumerate(words):
        w = raw.lower()
        if i == 0 and w[:1].isdigit():
            unit = parse_digits(w)
            if unit is None and len(words) == 2 and _DECIMAL.fullmatch(w):
                return _decimal_scaled(w, words[1].lower())  # "1,5 ribu"
            if unit is None or len(words) == 1:
                return unit
            continue
        if w in SE_FORMS:  # "se" + m: as if "satu m"
            if unit is not None:
                return None
            unit, w = 1, SE_FORMS[w]
            if w == "belas":  # sebelas = 11, not 1 x 10
                group, unit = group + 11, None
                continue
        if w in UNITS:
            if unit is not None:
                return None  # "dua tiga"
            unit = UNITS[w]
        elif w == "belas":
            if unit is None or not 1 <= unit <= 9 or group % 100:
                return None
            group, unit = group + 10 + unit, None
        elif w in INNER:  # puluh, ratus
            mult = INNER[w]
            if unit is None or not 1 <= unit <= 9 or group % (mult * 10):
                return None
            group, unit = group + unit * mult, None
        elif w in SCALES:
            scale = SCALES[w]
            value = group + (unit or 0)
            if value == 0 or scale >= last_scale:
                return None  # bare "ribu", or "ribu juta"
            total, group, unit, last_scale = total + value * scale, 0, None, scale
        else:
            return None
    if unit is not None and group % 10:
        return None  # "dua puluh tiga empat"
    return total + group + (unit or 0)
