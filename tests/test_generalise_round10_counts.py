"""Generalisation checks, round 10 (participants), kinds of phrasing met on real public pages;
sentences written for this file (fictional events):
- a part that names its own people (`150 di antaranya adalah personel Polres ...`) counts even
  when the total it belongs to stood far before it or was no count of people itself;
- a part that names things (`40 di antaranya adalah truk`) does not;
- the count of a previous record (`mematahkan rekor sebelumnya dengan peserta 2.500 orang`)
  is another event's, while the record-setting event's own count stays;
- evacuees a shelter houses now (`masjid yang menampung 390 jiwa pengungsi`) count; a shelter's
  capacity (`mampu menampung 500 pengungsi`, `hanya menampung 80 pengungsi`) and a hall that
  holds people in general (`aula menampung 300 orang`) do not."""

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
    (
        "Khitanan massal diikuti 3.200 anak dan mematahkan rekor sebelumnya dengan peserta "
        "2.500 orang yang dicatat kabupaten lain.",
        {3200},
    ),
    ("Senam massal diikuti 5.000 peserta dan memecahkan rekor MURI.", {5000}),
    ("Salah satunya Masjid Al Furqon yang menampung 390 jiwa pengungsi.", {390}),
    ("Gedung serbaguna itu menampung 120 pengungsi sejak Senin malam.", {120}),
    ("Gedung olahraga itu mampu menampung 500 pengungsi.", set()),
    ("Posko darurat hanya menampung 80 pengungsi.", set()),
    ("Aula desa menampung 300 orang.", set()),
    (
        "Kegiatan ini memecahkan rekor dengan peserta 4.100 orang, melampaui rekor lama "
        "3.900 orang.",
        {4100},
    ),
]


@pytest.mark.parametrize(("text", "expected"), COUNT_CASES)
def test_counts_round10(text: str, expected: set[int]) -> None:
    assert {p.count for p in extract(text).participants} == expected
