"""Generalisation checks, round 10 (participants), kinds of phrasing met on real public pages;
sentences written for this file (fictional events):
- a part that names its own people (`150 di antaranya adalah personel Polres ...`) counts even
  when the total it belongs to stood far before it or was no count of people itself;
- a part that names things (`40 di antaranya adalah truk`) does not."""

from __future__ import annotations

import pytest

from nlp import extract

COUNT_CASES = [
    (
        "Pengamanan disiapkan sebanyak 300 gabungan. Dari jumlah itu, 150 di antaranya "
        "adalah personel Polres Sleman.",
        {150},
    ),
    (
        "Apel diikuti unsur TNI, Polri, Dishub dan relawan; tercatat 96 diantaranya "
        "merupakan anggota Satpol PP Kota Kediri.",
        {96},
    ),
    ("Panitia menyiapkan 500 kursi dan 120 di antaranya adalah peserta dari luar daerah.", {120}),
    # negatives: the part names things, or no noun follows at all
    ("Petugas memeriksa ribuan kendaraan, 40 di antaranya adalah truk bermuatan berat.", set()),
    ("Dinas mencatat 75 laporan, 12 di antaranya merupakan aduan jalan rusak.", set()),
]


@pytest.mark.parametrize(("text", "expected"), COUNT_CASES)
def test_counts_round10(text: str, expected: set[int]) -> None:
    assert {p.count for p in extract(text).participants} == expected
