"""Generalisation checks, round 7 (dates and event_date): kinds of phrasing met in real public
report pages, each snippet written for this file (fictional events, other places and days
than those pages) and annotated per GUIDE.md before the extractor ran:
- a yearless day takes the year of the page's copyright notice (`COPYRIGHT © ANTARA 2022`)
  when the text gives no other year; a site's span of years (`© 2015-2024`) gives none, and a
  year the text states wins;
- an activity verb with `pada` right before a day (`telah dilakukan pada Rabu (8/3/2023)`)
  marks the activity's day over the day a speaker was quoted."""

from __future__ import annotations

import pytest

from nlp import extract

DATES = [
    (
        "copyright_year",
        "Banjir merendam Desa Long Bagun sejak Senin (7/11).\n\nCOPYRIGHT © ANTARA News 2022",
        {"2022-11-07"},
        "2022-11-07",
    ),
    (
        "copyright_word_year",
        "Pasar murah dibuka Kamis (2/3) di Kecamatan Tering.\nCopyright 2023 Portal Kutai",
        {"2023-03-02"},
        "2023-03-02",
    ),
    (
        "copyright_site_span",
        "Pasar murah dibuka Kamis (2/3) di Kecamatan Tering.\n© 2015-2024 Portal Kutai",
        set(),
        None,
    ),
    (
        "stated_year_wins",
        "Program tahun 2021 berlanjut: pasar murah dibuka Kamis (2/3).\n© 2024 Portal Kutai",
        {"2021-03-02"},
        "2021-03-02",
    ),
    (
        "done_on_day_over_quote_day",
        "Bupati menyampaikan hal itu di Atambua, Jumat (10/3/2023).\n"
        "Penyerahan bantuan telah dilakukan pada Rabu (8/3/2023) di Kecamatan Tasifeto Timur.",
        {"2023-03-10", "2023-03-08"},
        "2023-03-08",
    ),
    (
        "held_on_day",
        "Camat hadir, Senin (13/3/2023). Musyawarah desa digelar pada Sabtu (11/3/2023) di balai.",
        {"2023-03-13", "2023-03-11"},
        "2023-03-11",
    ),
]


@pytest.mark.parametrize(("case_id", "text", "expected", "event"), DATES)
def test_dates_round7(case_id, text, expected, event):
    r = extract(text)
    assert {d.value for d in r.dates} == expected
    assert r.event_date == event
