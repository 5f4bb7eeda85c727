"""Generalisation checks, round 7 (participants): a count restated in another unit after
the first unit's bracketed acronym and a spaced slash (`1.204 kepala keluarga (KK) / 4.310
jiwa`) is a count too; `siswa/i` is a person noun; sentences written for this file (fictional events)."""

from __future__ import annotations

import pytest

from nlp import extract

COUNT_CASES = [
    ("Banjir merendam rumah 1.204 kepala keluarga (KK) / 4.310 jiwa di tiga desa.", {1204, 4310}),
    ("Tercatat 96 kepala keluarga / 312 jiwa mengungsi ke balai desa.", {96, 312}),
    ("Sosialisasi diikuti sebanyak 120 siswa/i SMAN 2 Tarakan.", {120}),
    ("Seminar diikuti 85 mahasiswa/i dari tiga kampus.", {85}),
    # negatives: a letter number and a code are not counts
    ("Surat Sprin/45 diterbitkan untuk pengamanan.", set()),
    ("Posko menampung warga dari RT 03 / RW 05.", set()),
]


@pytest.mark.parametrize(("text", "expected"), COUNT_CASES)
def test_counts(text: str, expected: set[int]) -> None:
    assert {p.count for p in extract(text).participants} == expected
