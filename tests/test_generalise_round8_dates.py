"""Generalisation checks, round 8 (dates and event_date): kinds of phrasing met in real public
report pages, each snippet written for this file (fictional events, other places and days
than those pages) and annotated per GUIDE.md before the extractor ran:
- a day stated for the activity (`dibagikan ... pada tanggal Jumat, 11 Maret 2022`) wins over
  the page's own day line above it;
- a night operation `sejak Rabu (6/4) malam WIB hingga Kamis (7/4) dini hari` is one range:
  its first day is the event;
- `dari tanggal 6 sampai dengan tanggal 9 Maret` is one range (the word `tanggal` repeated)."""

from __future__ import annotations

import pytest

from nlp import extract

DATES = [
    (
        "stated_day_over_day_line",
        "Bantuan Beras untuk Warga Lansia\n\nSelasa, 15 Maret 2022.\n\nBantuan beras dibagikan "
        "oleh Pemerintah Desa Sukamaju kepada warga lanjut usia pada tanggal Jumat, 11 Maret 2022 "
        "di balai desa.",
        {"2022-03-15", "2022-03-11"},
        "2022-03-11",
    ),
    (
        "stated_day_over_place_day",
        "Sumbermulyo, Rabu, 09 Agustus 2023. Paket sembako disalurkan kepada warga pada tanggal "
        "Senin, 07 Agustus 2023 di kantor kelurahan.",
        {"2023-08-09", "2023-08-07"},
        "2023-08-07",
    ),
    (
        "night_range_first_day",
        "Tim gabungan menertibkan pedagang dalam operasi yang berlangsung sejak Jumat (14/7/2023) "
        "malam WIB hingga Sabtu (15/7/2023) dini hari WIB.",
        {"2023-07-14", "2023-07-15"},
        "2023-07-14",
    ),
    (
        "night_range_wita",
        "Patroli gabungan berlangsung sejak Senin (2/10/2023) malam hingga Selasa (3/10/2023) pagi.",
        {"2023-10-02", "2023-10-03"},
        "2023-10-02",
    ),
    (
        "since_background_stays_low",
        "Pendaftaran dibuka sejak Senin (2/10/2023). Seleksi digelar pada Kamis (12/10/2023).",
        {"2023-10-02", "2023-10-12"},
        "2023-10-12",
    ),
    (
        "range_repeated_tanggal",
        "Pemeriksaan gratis dimulai dari tanggal 13 sampai dengan tanggal 16 Maret 2019 di tiga "
        "puskesmas. Di Puskesmas Lubuk tanggal 14 Maret, lalu di kantor camat tanggal 15 Maret.",
        {"2019-03-13", "2019-03-16", "2019-03-14", "2019-03-15"},
        "2019-03-13",
    ),
    (
        "range_repeated_tgl",
        "Pelatihan berlangsung tgl 20 s.d. tgl 22 Mei 2024 di aula kecamatan.",
        {"2024-05-20", "2024-05-22"},
        "2024-05-20",
    ),
]


@pytest.mark.parametrize(("case_id", "text", "expected", "event"), DATES)
def test_dates_round8(case_id, text, expected, event):
    r = extract(text)
    assert {d.value for d in r.dates} == expected
    assert r.event_date == event
