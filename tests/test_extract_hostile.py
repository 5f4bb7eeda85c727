"""nlp.extract on hostile text: never raises, every fact's text is its slice, bounded time."""

import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import nlp

WORDS = ["Polres", "Demak", "3", "Maret", "2021", "Kecamatan", "Wedung", "40", "warga", "Dinas",
         "Sosial", "Kabupaten", "sebanyak", "orang", "pada", "(5/3)", "pukul", "14.00", "WIB",
         "Jum'at", "s.d.", "±", "1.250", "KK", "BPBD", "Jatim", ",", ".", "-", "\n", "\n\n"]  # fmt: skip
MOJIBAKE = ["Ã©", "â€™", "Â ", "¬†", "â€œ", "Ã"]
ODD = ["\u200f", "\u202e", "مرحبا", "שלום", "\u0301", "e\u0301", "🎉", "👨‍👩‍👧", "\ufeff", "\x00",
       "\u2028", "\r\n", "\t", " " * 50, "\n" * 20, "１２３", "٣", "ⅷ", "\ud7ff"]  # fmt: skip

hostile_text = st.one_of(
    st.text(max_size=400),
    st.lists(st.sampled_from(WORDS + MOJIBAKE + ODD), max_size=120).map(" ".join),
    st.lists(st.sampled_from(WORDS + MOJIBAKE + ODD), max_size=120).map("".join),
    st.text(alphabet="0123456789 .,/-:", max_size=300),
    st.text(alphabet="!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~ ", max_size=300),
)


def check(text: str) -> None:
    result = nlp.extract(text).to_json()
    assert "errors" not in result, result["errors"]  # no field's rules failed
    for field in ("dates", "places", "agencies", "participants"):
        for fact in result[field]:
            assert 0 <= fact["start"] <= fact["end"] <= len(text), (field, fact)
            assert fact["text"] == text[fact["start"] : fact["end"]], (field, fact)


@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
@given(hostile_text)
def test_hostile_text_never_breaks_the_extractor(text):
    check(text)


@pytest.mark.stress
@settings(max_examples=3000, deadline=None, suppress_health_check=list(HealthCheck))
@given(hostile_text)
def test_hostile_text_stress(text):
    check(text)


LONG = [
    (
        "words",
        "Polres Demak menggelar bakti sosial pada 3 Maret 2021 di Kecamatan Wedung. " * 27_000,
    ),
    ("one line of numbers", "1 2 3 " * 330_000),
    ("whitespace run", " " * 2_000_000 + "Polres Demak"),
    ("one long token", "a" * 2_000_000),
]


@pytest.mark.parametrize(("kind", "text"), LONG, ids=[k for k, _ in LONG])
def test_two_megabytes_in_bounded_time(kind, text):
    started = time.monotonic()
    check(text)
    assert time.monotonic() - started < 30, kind
