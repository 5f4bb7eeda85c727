"""Generalisation checks, round 8 (participants), kinds of phrasing met on real public pages;
sentences written for this file (fictional events):
- `Pemerlu Pelayanan Kesejahteraan Sosial (PPKS)` and `talenta` are person nouns;
- the households of counted houses hit by a disaster (`412 rumah yang dihuni 430 keluarga`)
  count, while a place's population (`Desa X dihuni 430 keluarga`) does not;
- a proposal's number (`dari usulan 1.250 kepala keluarga`) and a permitted number
  (`hanya diizinkan 20 orang`, a capacity) are not counts."""

from __future__ import annotations

import pytest

from nlp import extract

COUNT_CASES = [
    (
        "Dinas Sosial menyalurkan bantuan kepada 155 Pemerlu Pelayanan Kesejahteraan Sosial "
        "(PPKS) di Kecamatan Bonang.",
        {155},
    ),
    ("Petugas mendata 42 PPKS di terminal bus.", {42}),
    ("Pelatihan desain grafis diikuti oleh 60 talenta muda dari lima kabupaten.", {60}),
    ("Banjir merendam 412 rumah yang dihuni 430 keluarga atau 1.520 jiwa.", {430, 1520}),
    ("Angin kencang merusak 37 unit rumah yang ditempati 41 KK di Desa Lamteh.", {41}),
    # negatives: a population, a proposal, a capacity
    ("Desa Sukatani dihuni 430 keluarga. Rapat desa diikuti 25 warga.", {25}),
    ("Kampung itu dihuni 310 kepala keluarga sejak lama.", set()),
    ("Bantuan diberikan untuk 1.100 dari usulan 1.250 kepala keluarga.", set()),
    ("Setiap sesi hanya diizinkan 20 orang masuk ke lokasi vaksinasi.", set()),
    ("Tiap kloter diperbolehkan 15 orang naik ke kapal.", set()),
]


@pytest.mark.parametrize(("text", "expected"), COUNT_CASES)
def test_counts_round8(text: str, expected: set[int]) -> None:
    assert {p.count for p in extract(text).participants} == expected
