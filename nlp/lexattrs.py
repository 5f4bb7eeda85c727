"""Lexical attributes of a new word, computed faster with the same values as stock spaCy.

Each word spaCy meets for the first time becomes a lexeme, and spaCy calls every function
of `vocab.lex_attr_getters` on it (23 for Indonesian: lower case, shape, like_num, is_stop,
...), one Python call each: about 9 us of the ~15 us a new word costs, paid on every word a
running service has not seen before (about one word in six of a new report).

`fast_getters` wraps those functions so that the first call for a word computes every
attribute at once and the others read the result. Most new words are plain ASCII letters
("Kecamatan", "sosialisasi"), and for those most attributes are known without looking
(no digit, punctuation, URL or e-mail can be made of letters alone): only the few that
depend on the letters are computed, each exactly as the stock function would. Any other
word, and any getter this module does not know, goes to the stock function itself.
tests/test_lexattrs.py checks every attribute against stock on real and generated words.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import partial
from typing import Any

from spacy import util
from spacy.lang import lex_attrs as base
from spacy.lang.id import lex_attrs as id_attrs

Getter = Callable[[str], Any]
# A value for a word of ASCII letters only, from the word and its lower case.
AlphaRule = Callable[[str, str], Any]

_SHAPE = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz", "X" * 26 + "x" * 26)
_LONG_RUN = re.compile(r"(x{4})x+|(X{4})X+")  # word_shape keeps 4 of a repeated shape char


def _shape(s: str, low: str) -> str:
    """`word_shape` of a word of ASCII letters."""
    if len(s) >= 100:
        return "LONG"
    shape = s.translate(_SHAPE)
    if len(shape) > 4 and ("xxxxx" in shape or "XXXXX" in shape):
        shape = _LONG_RUN.sub(r"\1\2", shape)
    return shape


# Stock getters whose value is the same for every word of ASCII letters.
_CONSTANT: dict[Getter, Any] = {
    base.is_alpha: True,
    base.is_digit: False,
    base.is_space: False,
    base.is_ascii: True,
    base.is_punct: False,  # letters are category L, never P
    base.like_email: False,  # needs "@"
    base.like_url: False,  # needs ":" or "." (checked before anything else)
    base.like_num: False,  # needs a digit
    base.is_currency: False,  # needs a currency symbol (category Sc)
    base.is_bracket: False,
    base.is_quote: False,
    base.is_left_punct: False,
    base.is_right_punct: False,
}
_ID_NUM_WORDS = frozenset(id_attrs._num_words)
_ID_CURRENCY = frozenset(id_attrs.LIST_CURRENCY)
# Stock getters whose value for a word of ASCII letters is computed here exactly as they do.
_COMPUTED: dict[Getter, AlphaRule] = {
    base.lower: lambda s, low: low,
    base.prefix: lambda s, low: s[0],
    base.suffix: lambda s, low: s[-3:],
    base.is_lower: lambda s, low: s.islower(),
    base.is_title: lambda s, low: s.istitle(),
    base.is_upper: lambda s, low: s.isupper(),
    base.word_shape: _shape,
    # No sign, separator, digit or hyphen in letters: only the number-word test is left.
    id_attrs.like_num: lambda s, low: low in _ID_NUM_WORDS,
    # No currency symbol in letters: only the currency-word test ("Rp", "USD") is left.
    id_attrs.is_currency: lambda s, low: s in _ID_CURRENCY,
}


def _alpha_rule(getter: Getter) -> tuple[bool, Any]:
    """(True, constant) or (False, rule) for words of ASCII letters; rule None = call stock."""
    try:
        if getter in _CONSTANT:
            return True, _CONSTANT[getter]
        if getter in _COMPUTED:
            return False, _COMPUTED[getter]
    except TypeError:  # an unhashable callable: not one of ours
        return False, None
    if isinstance(getter, partial) and not getter.args and set(getter.keywords) == {"stops"}:
        if getter.func is base.is_stop:
            stops = getter.keywords["stops"]
            return False, lambda s, low: low in stops
    if isinstance(getter, partial) and set(getter.keywords) == {"lang"} and not getter.args:
        if getter.func is base.get_lang:
            return True, getter.keywords["lang"]
    if isinstance(getter, partial) and getter.func is util._get_attr_unless_lookup:
        if len(getter.args) == 2 and not getter.keywords and getter.args[0] is base.lower:
            tables = getter.args[1]  # NORM: the first table holding the word, else lower case

            def norm(s: str, low: str) -> Any:
                for table in tables:
                    if s in table:
                        return table[s]
                return low

            return False, norm
    return False, None


def fast_getters(stock: dict[int, Getter]) -> dict[int, Getter]:
    """Getters with the same keys and values as `stock`, computed together per word."""
    attrs, funcs = list(stock), list(stock.values())
    template: list[Any] = [None] * len(funcs)
    rules: list[tuple[int, AlphaRule]] = []
    for i, func in enumerate(funcs):
        constant, rule = _alpha_rule(func)
        if constant:
            template[i] = rule
        else:
            rules.append((i, rule if rule is not None else (lambda s, low, f=func: f(s))))
    last: list[Any] = [None, None]  # the word last computed and its values

    def compute(s: str) -> list[Any]:
        if s.isascii() and s.isalpha():
            low = s.lower()
            values = template.copy()
            for i, rule in rules:
                values[i] = rule(s, low)
        else:
            values = [f(s) for f in funcs]
        last[0], last[1] = s, values
        return values

    def getter(i: int) -> Getter:
        def get(s: str) -> Any:
            # spaCy passes the very same string object to every getter of one lexeme.
            return (last[1] if s is last[0] else compute(s))[i]

        return get

    return {attr: getter(i) for i, attr in enumerate(attrs)}
