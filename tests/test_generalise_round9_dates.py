"""Generalisation checks, round 9 (dates): kinds of phrasing met in real public report pages,
each snippet written for this file (fictional events, other places and days than those pages)
and annotated per GUIDE.md before the extractor ran:
- a range across months whose dash clings to the second day (`12 Mei -3 Juni 2021`,
  `12 Mei-3 Juni 2021`) gives both days; a dash after another word (`COVID-19 Maret`) no day;
- a yearless day takes the year of the one month-and-year the text names (`pada Mei 2016
  mendatang`), when no full date or `tahun 2016` says it; two such years name none;
- a page's stamp line (`Senin, 7 Maret 2022 - 09:15 WIB`: a date, a dash and a clock) is no
  dateline and weighs less than a weekday-pinned day the body gives its activity, even a few
  paragraphs down; a place's dateline (`Sleman, 7 Maret 2022 - Warga ...`) keeps its weight;
- `dimulai sejak Senin (3/4)` says the activity began that day (no "since" before it), while
  `dibuka sejak` (a registration opened) still gives way to the activity's day."""

from __future__ import annotations

import pytest

from nlp import extract

DATES = [
    (
        "range_dash_on_second_day",
        "Satgas bekerja di desa sasaran mulai 12 Mei -3 Juni 2021 bersama warga.",
        {"2021-05-12", "2021-06-03"},
        "2021-05-12",
    ),
    (
        "range_dash_glued_to_month",
        "Pameran dibuka 28 Oktober-2 November 2022 di alun-alun.",
        {"2022-10-28", "2022-11-02"},
        "2022-10-28",
    ),
    (
        "range_spaced_dash_still",
        "Kegiatan berlangsung 28 Oktober - 2 November 2022 di alun-alun.",
        {"2022-10-28", "2022-11-02"},
        "2022-10-28",
    ),
    ("covid_number_no_day", "Kasus COVID-19 Maret 2021 menurun di kecamatan itu.", set(), None),
    (
        "year_from_month_year",
        "Seleksi kelompok tani digelar Rabu (18/4). Pemenang mewakili kabupaten pada Mei 2016 "
        "mendatang.",
        {"2016-04-18"},
        "2016-04-18",
    ),
    (
        "stamp_line_with_clock",
        "Senin, 7 Maret 2022 - 09:15 WIB\n\nWarga Ramai Ikuti Vaksinasi\n\nSLEMAN, WARTA.ID - "
        "Pemerintah kalurahan menggelar vaksinasi di balai kalurahan.\n\nKepala kalurahan "
        "menyebut warga datang sejak pagi.\n\nVaksin yang tersedia berjenis sinovac.\n\n"
        "\u201cWarga sangat antusias,\u201d ujar Lurah, Minggu (6/3).\n\nPetugas kesehatan "
        "berjaga hingga sore.",
        {"2022-03-07", "2022-03-06"},
        "2022-03-06",
    ),
    (
        "place_dateline_with_dash",
        "Sleman, 7 Maret 2022 - Pemerintah kalurahan menggelar vaksinasi di balai kalurahan. "
        "Vaksinasi sebelumnya digelar Minggu (27/2).",
        {"2022-03-07", "2022-02-27"},
        "2022-03-07",
    ),
    (
        "began_on_day",
        'Pembagian beras telah dimulai sejak Selasa (4/4/2023) melalui ketua RT. "Sudah jalan," '
        "kata Lurah kepada wartawan, Rabu (5/4/2023).",
        {"2023-04-04", "2023-04-05"},
        "2023-04-04",
    ),
    (
        "opened_since_gives_way",
        "Pendaftaran dibuka sejak Senin (2/10/2023). Seleksi digelar pada Kamis (12/10/2023).",
        {"2023-10-02", "2023-10-12"},
        "2023-10-12",
    ),
    (
        "two_month_years_no_year",
        "Seleksi digelar Rabu (18/4). Lomba berikutnya Mei 2016 dan Juni 2017.",
        set(),
        None,
    ),
    (
        "abbreviated_month_year_not_read",
        "Seleksi digelar Rabu (18/4). Kode arsip Des 2016.",
        set(),
        None,
    ),
]


@pytest.mark.parametrize(("case_id", "text", "expected", "event"), DATES)
def test_dates_round9(case_id, text, expected, event):
    r = extract(text)
    assert {d.value for d in r.dates} == expected
    assert r.event_date == event
