"""Dates and the event date (GUIDE.md). Sentences written for these tests."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nlp import extract
from nlp.context import Context
from nlp.dates import event_date, find
from nlp.normalize import normalize
from nlp.pipeline import get_nlp


def values(text: str, ref: date | None = None) -> list[str]:
    return [f.value for f in extract(text, reference_date=ref).dates]


POSITIVE = [
    ("Kegiatan dilaksanakan pada hari Jum'at tanggal 9 Maret 2018 di balai desa.", ["2018-03-09"]),
    ("Kegiatan dilaksanakan Jumat, 9 Maret 2018 di balai desa.", ["2018-03-09"]),
    ("Kegiatan dilaksanakan Jum at (9/3/2018) di balai desa.", ["2018-03-09"]),
    ("Kegiatan dilaksanakan Jum\u2019at (9/3/2018) di balai desa.", ["2018-03-09"]),
    ("Kegiatan dilaksanakan Jumâ€™at (9/3/2018) di balai desa.", ["2018-03-09"]),
    ("Kamis, 8/3/2018 warga berkumpul di lapangan.", ["2018-03-08"]),
    ("Rapat dibuka Kamis,8/3/2018 pagi.", ["2018-03-08"]),
    ("Tanggal 03-04-2019 panitia mengadakan rapat.", ["2019-04-03"]),
    ("Pada 5.6.2017 tim turun ke lokasi.", ["2017-06-05"]),
    ("Penyuluhan digelar Senin (19/04/21) di aula kecamatan.", ["2021-04-19"]),
    ("Penyuluhan digelar Senin ( 19/04/2021) di aula kecamatan.", ["2021-04-19"]),
    ("Penyuluhan digelar Senin(19/4/2021) di aula kecamatan.", ["2021-04-19"]),
    ("Data diperbarui 2019-11-30 oleh operator.", ["2019-11-30"]),
    ("WhatsApp Image 2019-03-04 at 10.11.12", ["2019-03-04"]),
    ("Lampiran: IMG-20200315-WA0007.jpg", ["2020-03-15"]),
    ("Sumber: https://contoh.desa.id/2019/05/03/kerja-bakti-warga/", ["2019-05-03"]),
    ("Pelatihan berlangsung 4-6 Maret 2020 di gedung koperasi.", ["2020-03-04", "2020-03-06"]),
    ("Pameran dibuka 10 s.d. 12 Juni 2021.", ["2021-06-10", "2021-06-12"]),
    ("Pameran dibuka 10 sd 12 Juni 2021.", ["2021-06-10", "2021-06-12"]),
    ("Pameran dibuka 10 s/d 12 Juni 2021.", ["2021-06-10", "2021-06-12"]),
    ("Lomba digelar 7 sampai 9 Mei 2022.", ["2022-05-07", "2022-05-09"]),
    ("Lomba digelar 7 sampai dengan 9 Mei 2022.", ["2022-05-07", "2022-05-09"]),
    ("Operasi berlangsung 27 Oktober s.d. 4 November 2021.", ["2021-10-27", "2021-11-04"]),
    ("Posko dibuka 30 Desember hingga 2 Januari 2023.", ["2022-12-30", "2023-01-02"]),
    ("Vaksinasi Jumat-Minggu (5-7/3/2021) di puskesmas.", ["2021-03-05", "2021-03-07"]),
    ("Bazar digelar 1 dan 2 Mei 2021.", ["2021-05-01", "2021-05-02"]),
    ("Bazar 2021 digelar Sabtu-Minggu (8-9/5).", []),
    ("Bazar tahun 2021 digelar Sabtu-Minggu (8-9/5).", ["2021-05-08", "2021-05-09"]),
    ("Bazar tahun 2021 dihadiri 8-9/5 bagian warga.", []),
    ("Acara pada 2 Agt 2019 dan 5 Nop 2019.", ["2019-08-02", "2019-11-05"]),
    ("Acara pada 2 Agu. 2019 dan 5 Sept 2019.", ["2019-08-02", "2019-09-05"]),
    ("Surat tanggal 14 Pebruari 2016 diterima.", ["2016-02-14"]),
    ("SABTU, 6 JUNI 2020 WARGA KERJA BAKTI.", ["2020-06-06"]),
    ("Pada 17 Agustus 1945 kemerdekaan diproklamasikan.", ["1945-08-17"]),
    # year from the report's other dates, from "tahun ...", from a URL
    (
        "Rabu (4/3/2020) rapat pertama, lalu Kamis (5/3) rapat kedua.",
        ["2020-03-04", "2020-03-05"],
    ),
    ("Pada Selasa (16/2) desa menyalurkan bantuan tahun 2021.", ["2021-02-16"]),
    ("Kegiatan Kamis (13/2) berjalan lancar. Pada tahun 2020 ini kami dibantu.", ["2020-02-13"]),
    (
        "Panen raya pada tanggal 12 Mei. https://warta.id/2019/05/13/panen",
        ["2019-05-12", "2019-05-13"],
    ),
    ("Rapat MAD Kec. Sukamaju 14Oktober 2016 pukul 09.00.", ["2016-10-14"]),
    ("Thursday, 2 May 2024\nApel digelar Kamis (2/5/2024).", ["2024-05-02"]),
    ("Posted on March 4, 2021 by admin", ["2021-03-04"]),
    ("Sabtu 24-04-2021,10:05 WIB", ["2021-04-24"]),
    ("Senin malam 24/1/2022 patroli digelar.", ["2022-01-24"]),
    # the stock tokenizer glues these ("Senin,12", "tanggal:12", "Senin(12")
    ("Hari/Tanggal : Senin/12 Agustus 2019", ["2019-08-12"]),
    ("Rapat Senin,12 Agustus 2019 di aula.", ["2019-08-12"]),
    ("Rapat tanggal:12 Agustus 2019 di aula.", ["2019-08-12"]),
    ("Rapat Senin(12 Agustus 2019) di aula.", ["2019-08-12"]),
    ("Rapat tgl.12 Agt 2019 di aula.", ["2019-08-12"]),
    ("Rapat tanggal:12/8/2019 di aula.", ["2019-08-12"]),
    # one mention per day, the first
    ("Senin (1/3/2021) rapat. Hasil rapat 1 Maret 2021 dibacakan.", ["2021-03-01"]),
    # a formal record's day written in words (berita acara style)
    (
        "Pada hari ini Senin tanggal tiga belas bulan Mei tahun dua ribu sembilan belas "
        "telah dilaksanakan musyawarah desa.",
        ["2019-05-13"],
    ),
    (
        "Pada Hari Rabu Tanggal Dua Puluh Lima Bulan Desember Tahun Dua Ribu Dua Puluh",
        ["2020-12-25"],
    ),
    ("tanggal sebelas Juni tahun dua ribu dua puluh tiga", ["2023-06-11"]),
]


@pytest.mark.parametrize(("text", "expected"), POSITIVE)
def test_dates_found(text: str, expected: list[str]) -> None:
    assert values(text) == expected


NEGATIVE = [
    "Usianya 17 tahun dan tinggal di RT 02/RW 05.",
    "Hubungi 0812-3456-7890 atau (0341) 123456.",
    "Undangan Nomor: 58/ABC/DEF/XI/2019 telah diterima.",
    "Surat Nomor 12/3/2020 sudah dibalas.",
    "Sesuai UU No 35/2014 tentang sistem peradilan.",
    "Anggota Kodim 0811/Tuban ikut membantu.",
    "Skor akhir 2-1 untuk tuan rumah.",
    "Ia mendapat 1/2 bagian dari hasil panen.",
    "Ia mendapat setengah (1/2) bagian dari hasil panen.",
    "Apel dimulai pukul 09.00 WIB dan selesai pukul 16.41.52.",
    "Bantuan Rp 1.500.000 per keluarga diberikan.",
    "Kamis warga berkumpul di balai desa.",
    "Rabu (16/4) warga berkumpul di balai desa.",
    "Pada tanggal 31 Februari 2020 rapat ditunda.",
    "Pada Maret 2020 dan tahun 2019 program berjalan.",
    "Kantor berada di Jl. 17 Agustus No. 5.",
    "Sebanyak 13-14 orang hadir.",
    "Dibuka sejak 2 Des lalu.",
    "Laporan keuangan tahun 2010 dan tahun 2015 dibahas Rabu (4/3).",
    "Jumat Curhat digelar di desa.",
    "Versi 1.2.3 dirilis.",
    "Pada 2019 tim menang dengan skor (2/1).",
    # a regulation's year is not the report's year
    "Sosialisasi Perbup Nomor 7 Tahun 2022 digelar Rabu (8/6).",
    "Rapat pada 5 May tanpa tahun.",
    # words that are not a day in words
    "Pada tanggal dua bulan lalu tahun ini warga berkumpul.",
    "Tanggal tiga puluh dua bulan Mei tahun dua ribu tidak ada.",
    "Tanggal sepuluh bulan Mei tahun seribu tidak tercatat.",
]


@pytest.mark.parametrize("text", NEGATIVE)
def test_not_dates(text: str) -> None:
    assert values(text) == []


REF = date(2024, 5, 10)  # a Friday

RELATIVE = [
    ("Kemarin warga bergotong royong.", ["2024-05-09"]),
    ("Hari ini warga bergotong royong.", ["2024-05-10"]),
    ("Besok warga bergotong royong.", ["2024-05-11"]),
    ("Lusa warga bergotong royong.", ["2024-05-12"]),
    ("Senin lalu warga bergotong royong.", ["2024-05-06"]),
    ("Warga bergotong royong pada Kamis, dipimpin kepala desa.", ["2024-05-09"]),
    ("Senin depan warga bergotong royong.", ["2024-05-13"]),
    ("Rapat digelar minggu lalu.", []),
    ("Jumat Curhat digelar di desa.", []),
    ("Apel dilaksanakan setiap Senin.", []),
    ("Jam kerja Senin-Kamis pukul 07.15 WIB.", []),
    # a weekday pinned by a written date is that date, not a relative day
    ("Pada Kamis (8/3/2018) warga berkumpul.", ["2018-03-08"]),
]


def test_yearless_date_near_the_reference_date() -> None:
    assert values("Rapat digelar Senin (30/12).", date(2025, 1, 3)) == ["2024-12-30"]
    assert values("Rapat digelar Senin (30/12).") == []


@pytest.mark.parametrize(("text", "expected"), RELATIVE)
def test_relative_words_need_an_anchor(text: str, expected: list[str]) -> None:
    assert values(text, REF) == expected
    assert values(text) == [v for v in expected if v.startswith("2018")]


TIMES = [
    ("Rapat pada Kamis (8/3/2018) pukul 13.30 WIB di aula.", "13:30", "WIB"),
    ("Pukul 08.30 WITA, Senin 3 Juni 2019, tim berangkat.", "08:30", "WITA"),
    ("Kegiatan Kamis pukul 06.45 wib (08/06/2023) di lapangan.", "06:45", "WIB"),
    ("Penangkapan Kamis (13/11/2025) pukul 09.17 WIT.", "09:17", "WIT"),
    ("Penangkapan Kamis (13/11/2025). Pukul 09.17 WIT tim kembali.", None, None),
    ("Hari : Sabtu\nTanggal : 3 Mei 2025\nPukul : 07.15 WIB s.d. selesai", "07:15", "WIB"),
    ("Hari : Sabtu\nTanggal : 3 Mei 2025\nTempat : Aula\nPukul : 07.15 WIB", None, None),
]


@pytest.mark.parametrize(("text", "time", "tz"), TIMES)
def test_time_attaches_to_its_date(text: str, time: str | None, tz: str | None) -> None:
    facts = extract(text).dates
    assert len(facts) == 1
    assert (facts[0].time, facts[0].timezone) == (time, tz)


def test_range_end_value() -> None:
    facts = extract("Pelatihan berlangsung 4-6 Maret 2020.").dates
    assert facts[0].end_value == "2020-03-06"


EVENTS = [
    (
        "Kerja Bakti Warga\n\nSUKAMAJU - Kerja bakti digelar Senin (3/6/2019) di desa. "
        "Rencananya akan dilanjutkan Sabtu (8/6/2019).",
        "2019-06-03",
    ),
    (
        "Senin 5 Oktober 2020, Bupati Dikukuhkan\n\nPengukuhan bupati pada hari Senin "
        "(5/10/2020) akan digelar di gedung daerah.\n\nHal itu disampaikan ketua panitia "
        "saat bersilaturahmi dengan bupati, Jumat (2/10/2020) sore.",
        "2020-10-02",
    ),
    (
        "Judul\n\nPendaftaran dibuka sejak Senin (2/3/2020) pekan lalu. Verifikasi berkas "
        "dilakukan Rabu (4/3/2020) di kantor kecamatan.",
        "2020-03-04",
    ),
    (
        "Judul\n\nPemerintah desa terus membina kelompok tani.\n\n"
        '"Kami bersyukur," ujarnya melalui siaran pers, Sabtu (7/3/2020).\n\n'
        "Ia menyampaikan hal itu saat peresmian lumbung desa, Jumat (6/3/2020).",
        "2020-03-06",
    ),
    (
        "Judul Berita\n\nMalang, 3 Juli 2023 - Bupati membuka pasar murah. Pasar murah "
        "serupa digelar 1 Juni 2023 lalu.",
        "2023-07-03",
    ),
    (
        "Laporan Kegiatan\n\nHari : Senin\nTanggal : 4 Maret 2024\nTempat : Aula desa",
        "2024-03-04",
    ),
    (
        "Judul\n\nOperasi digelar mulai hari ini, Senin (3/3/2025) hingga 16 Maret 2025.",
        "2025-03-03",
    ),
    (
        "Pasar Baru Diresmikan\n\nSenin, 12 Agustus 2019 10:15 WIB\n\n"
        "BENGKALIS - Bupati meresmikan pasar pada Minggu (11/8/2019).",
        "2019-08-11",
    ),
    (
        "LAPORAN KEGIATAN\nPada hari Senin tanggal 12 Agustus 2019 telah dilaksanakan rapat\n"
        "di balai desa. Rapat berikutnya akan digelar 19 Agustus 2019.",
        "2019-08-12",
    ),
    ("Judul\n\nWarga desa bergotong royong membersihkan saluran air.", None),
    # a dateline gives the day it was published; the body's day of the activity wins
    (
        "Judul\n\nSumenep, 12 Agustus 2022 - Bakti sosial digelar Rabu (10/8) di balai desa.",
        "2022-08-10",
    ),
    (
        "Judul\n\nSUMENEP, 12 Agustus 2022 - Warga bergotong royong pada Sabtu (6/8) di desa.",
        "2022-08-06",
    ),
    ("Judul\n\nSumenep, 12 Agustus 2022 - Polres menggelar operasi di jalan raya.", "2022-08-12"),
]


@pytest.mark.parametrize(("text", "expected"), EVENTS)
def test_event_date(text: str, expected: str | None) -> None:
    result = extract(text)
    assert result.event_date == expected
    roles = [f.value for f in result.dates if f.role == "event"]
    assert roles == ([expected] if expected else [])


def test_event_date_alone_runs_find() -> None:
    text = "Judul\n\nRapat digelar Rabu (4/3/2020)."
    ctx = Context(doc=get_nlp()(text), text=text)
    assert event_date(ctx) == "2020-03-04"


PROVENANCE = [
    "Giat Jumâ€™at tanggal 16 Maret 2018 pukul 13.25 Wib, sejak hari Kamis siang (15/3/2018).",
    "Rapat\u00a0Senin ( 15/05/2023) dan 4-6 Maret 2023; foto 2023-03-05 at 10.00.00.",
    "Kamis (13/2). Pada tahun 2020 ini. 27 Oktober s.d. 4 November 2020",
]


@pytest.mark.parametrize("text", PROVENANCE)
def test_offsets_point_at_the_text(text: str) -> None:
    facts = extract(text).dates
    assert facts
    for f in facts:
        assert text[f.start : f.end] == f.text
    norm = normalize(text)
    ctx = Context(doc=get_nlp()(norm.text), text=norm.text)
    for f in find(ctx):
        assert ctx.text[f.start : f.end] == f.text


PIECES = [*"0123456789/-.,:() \n", "Senin", "Jum'at", "Mei", "Agt", "Des", "2020", "s.d."]
PIECES += ["sampai", "pukul", "WIB", "tanggal", "hari ini", "kemarin", "lalu", "akan", "sejak"]
PIECES += ["https://x.id/", "Nomor", "May", "\u00a0", "â€™"]
DATEISH = st.lists(st.sampled_from(PIECES), max_size=40).map("".join)


@settings(max_examples=300, deadline=None)
@given(DATEISH)
def test_never_fails_and_offsets_hold(text: str) -> None:
    result = extract(text, reference_date=REF)
    for f in result.dates:
        assert text[f.start : f.end] == f.text
        assert date.fromisoformat(f.value)
    assert result.event_date in {None, *(f.value for f in result.dates)}
