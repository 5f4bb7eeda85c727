import pytest

from nlp.numbers import is_number_word, parse_digits, words_to_int


@pytest.mark.parametrize(
    "words, value",
    [
        ("satu", 1),
        ("tujuh", 7),
        ("sepuluh", 10),
        ("sebelas", 11),
        ("dua belas", 12),
        ("lima belas", 15),
        ("tiga puluh", 30),
        ("empat puluh delapan", 48),
        ("seratus", 100),
        ("seratus dua puluh lima", 125),
        ("dua ratus lima puluh", 250),
        ("sembilan ratus sembilan belas", 919),
        ("seribu", 1000),
        ("seribu tiga ratus", 1300),
        ("dua ribu", 2000),
        ("dua ribu lima ratus", 2500),
        ("tiga puluh ribu", 30000),
        ("satu juta", 1_000_000),
        ("Enam Ratus", 600),
        ("4 ribu", 4000),
        ("1.250", 1250),
        ("12.500", 12500),
        ("725", 725),
        ("1,5 ribu", 1500),  # a decimal comma before a scale
        ("2,25 juta", 2_250_000),
    ],
)
def test_words_to_int(words, value):
    assert words_to_int(words.split()) == value


@pytest.mark.parametrize(
    "words",
    [
        "ribu",
        "puluh",
        "dua tiga",
        "lima puluh dua ratus",
        "sebelas empat",
        "ribu juta",
        "1,5",
        "x",
        "1,5 puluh",
        "1,2345 ribu",
        "1,5 ribu dua",
        "1,5 orang",
    ],  # fmt: skip
)
def test_malformed_is_none(words):
    assert words_to_int(words.split()) is None


@pytest.mark.parametrize(
    "text, value",
    [("1.250", 1250), ("40", 40), ("1,5", None), ("09.00", None), ("1/2", None), ("ke-3", None)],
)
def test_parse_digits(text, value):
    assert parse_digits(text) == value


@pytest.mark.parametrize("word, ok", [("seratus", True), ("Belas", True), ("seorang", False)])
def test_is_number_word(word, ok):
    assert is_number_word(word) is ok
