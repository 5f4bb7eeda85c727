"""nlp/lexattrs.py: every lexical attribute of a new word equals stock spaCy's."""

from __future__ import annotations

import random
import string
from pathlib import Path

import pytest
import spacy
from spacy.lang.id import lex_attrs as id_attrs
from spacy.lang.id.punctuation import LIST_CURRENCY
from spacy.lang.id.stop_words import STOP_WORDS

from nlp.lexattrs import fast_getters
from nlp.tokenizer import make_nlp

ROOT = Path(__file__).resolve().parent.parent
DEV = next((p / "shared/eval/dev" for p in ROOT.parents if (p / "shared/eval/dev").is_dir()), None)

WRITTEN = [
    "Kecamatan", "kecamatan", "KECAMATAN", "kEcAmAtAn", "Sosialisasi", "a", "A", "Ab", "aB",
    "Rp", "rp", "RP", "USD", "IDR", "Satu", "SATU", "sebelas", "Sebanyak", "sebanyak", "TENGAH",
    "aaaaa", "AAAAAA", "Aaaaaaaa", "xxxxxXXXXXxxxxx", "Jum'at", "Jum’at", "1.250", "2024",
    "dua-puluh", "se-Jawa", "www.polri.go.id", "https://x.id", "a@b.co", "polri.go.id", "±5",
    "$", "US$", "€", "(", "''", "``", "«", "…", "—", "'s", "’S", "Ñandú", "ÉCOLE", "İstanbul",
    "ǅemal", "ß", "ﬁ", "²", "٣", "Ⅻ", " ", "\n", "\t ", "x" * 99, "X" * 100, "Ab" * 60,
]  # fmt: skip


def generated(n: int = 4000, seed: int = 7) -> list[str]:
    rnd = random.Random(seed)
    alphabets = [
        string.ascii_lowercase, string.ascii_letters, string.ascii_uppercase + "x",
        string.ascii_letters + string.digits + ".,-/:@'’$", "aAéÉßİıǅ²٣$€(“-", "aA",
    ]  # fmt: skip
    return [
        "".join(rnd.choice(alpha) for _ in range(rnd.randint(1, 12)))
        for alpha in alphabets
        for _ in range(n // len(alphabets))
    ]


def real_words() -> list[str]:
    texts = [p.read_text() for p in sorted((ROOT / "samples").glob("*.txt"))]
    if DEV is not None:
        texts += [p.read_text() for p in sorted(DEV.glob("*.txt"))]
    nlp = spacy.blank("id")
    return sorted({t.text for text in texts for t in nlp(text)})


@pytest.fixture(scope="module")
def stock_and_fast():
    stock = spacy.blank("id").vocab.lex_attr_getters
    return stock, fast_getters(stock)


def check(words, stock, fast) -> None:
    for word in words:
        for attr, getter in stock.items():
            # The same object in every call, as spaCy does for one lexeme; then a copy
            # of the string (a different object), which must not read a stale result.
            assert fast[attr](word) == getter(word), (word, attr)
        copy = "".join(list(word))
        assert [fast[a](copy) for a in stock] == [g(copy) for g in stock.values()], word


def test_written_words(stock_and_fast):
    words = WRITTEN + list(STOP_WORDS) + list(LIST_CURRENCY) + id_attrs._num_words
    words += [w.title() for w in words] + [w.upper() for w in words]
    check(words, *stock_and_fast)


def test_generated_words(stock_and_fast):
    check(generated(), *stock_and_fast)


def test_real_words(stock_and_fast):
    check(real_words(), *stock_and_fast)


def test_pipeline_lexemes_equal_stock():
    """The lexemes our pipeline makes carry the stock attributes, flags included."""
    text = " ".join(WRITTEN[:-8] + generated(300, seed=11))
    ours, stock = make_nlp()(text), spacy.blank("id")(text)
    attrs = ["LOWER", "NORM", "PREFIX", "SUFFIX", "SHAPE", "LANG"]
    attrs += [a for a in spacy.attrs.IDS if a.startswith(("IS_", "LIKE_"))]
    attrs = [a for a in attrs if a not in ("IS_SENT_START", "IS_SENT_END")]
    assert (ours.to_array(attrs) == stock.to_array(attrs)).all()


def test_unknown_getter_is_called():
    def flag(s: str) -> bool:
        return s.startswith("x")

    fast = fast_getters({1: flag, 2: str.lower})
    assert fast[1]("xyz") is True and fast[2]("XyZ") == "xyz" and fast[1]("abc") is False
