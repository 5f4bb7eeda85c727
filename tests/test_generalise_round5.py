"""Generalisation checks, round 5, written for this file (fictional events, real regions of
the official list) and annotated per GUIDE.md before the extractor ran:
- places: "Desa" inside a programme or budget term (`Dana Desa Tahun 2024`, `Dana Desa
  Tahap II`) names no village; a year after a named feature (`Festival Danau Sentani 2023`)
  is not part of its name;
- dates: a two-digit year after an apostrophe (`5 Mei '21`); `tanggal 5/12` is a day (as
  `Minggu (5/12)` is), a bare `1/2` still a fraction;
- counts: a decimal comma before a scale word (`1,5 ribu warga`); membership (`beranggotakan
  300 orang`, `mempunyai 60 anggota`) is no count of participants;
- agencies: a rescue office under Basarnas (`Pos SAR X`); a programme's acronym (`KKN`, `PKL`)
  before a university or school is not its unit."""

from __future__ import annotations

import pytest
from test_generalise_agencies_counts import agency_misses  # score.py's one-to-one match
from test_generalise_places_round3 import keys  # the place keys the scorer compares

from nlp import extract

PLACES = [
    (
        "dana_desa_year",
        "Penyaluran BLT Dana Desa Tahun 2024 di Desa Sukamaju berjalan lancar.",
        {"sukamaju"},
    ),
    (
        "dana_desa_phase",
        "Anggaran Dana Desa Tahap II untuk Desa Karangrejo telah dicairkan.",
        {"karangrejo"},
    ),
    (
        "musdes_budget_year",
        "Musyawarah Desa Tahun Anggaran 2023 digelar di Balai Desa Ngadirejo.",
        {"ngadirejo"},
    ),
    (
        "desa_month",
        "Rapat Koordinasi Desa Bulan Januari digelar di kantor kecamatan.",
        set(),
    ),
    (
        "desa_period",
        "Evaluasi Kinerja Perangkat Desa Periode 2019-2024 disampaikan camat.",
        set(),
    ),
    (
        "festival_lake_year",
        "Festival Danau Sentani 2023 dibuka di Kabupaten Jayapura.",
        {"danausentani", "jayapura"},
    ),
    (
        "mountain_year",
        "Jalur pendakian Gunung Rinjani 2024 dibuka kembali untuk wisatawan dari Lombok.",
        {"gunungrinjani", "lombok"},
    ),
    # a real village whose name follows the word: still a place
    (
        "desa_listed",
        "Warga Desa Tahunan di Kecamatan Tahunan, Kabupaten Jepara, bergotong royong.",
        {"tahunan", "jepara"},
    ),
]


@pytest.mark.parametrize("case_id,text,expected", PLACES, ids=[c[0] for c in PLACES])
def test_places_round5(case_id, text, expected):
    assert keys(text) == expected


DATES = [
    (
        "apostrophe_year",
        "Pada tgl. 5 Mei '21 sekitar pukul 20.30 WIB, tim gabungan menggelar patroli.",
        ["2021-05-05"],
    ),
    (
        "apostrophe_year_curly",
        "Upacara digelar 17 Agustus ’22 di lapangan desa.",
        ["2022-08-17"],
    ),
    ("apostrophe_no_month", "Alumni angkatan '98 menggelar reuni di sekolah.", []),
    (
        "tanggal_day_month",
        "Pada tanggal 5/12 warga kerja bakti membersihkan saluran. Program ini berjalan sejak "
        "awal tahun 2021.",
        ["2021-12-05"],
    ),
    ("tgl_day_month", "Tgl 14/8 diadakan lomba. Laporan kegiatan tahun 2022.", ["2022-08-14"]),
    ("bare_fraction", "Sebanyak 1/2 peserta hadir. Laporan kegiatan tahun 2022.", []),
]


@pytest.mark.parametrize("case_id,text,expected", DATES, ids=[c[0] for c in DATES])
def test_dates_round5(case_id, text, expected):
    got = extract(text)
    assert all(text[f.start : f.end] == f.text for f in got.dates)
    assert sorted(f.value for f in got.dates) == expected


# agencies: a rescue office under its agency; a programme's acronym before a university
AGENCIES = [
    (
        "Tim SAR gabungan dari Basarnas Pos SAR Mentawai menemukan nelayan yang hilang.",
        ["Basarnas Pos SAR Mentawai"],
    ),
    ("Kantor SAR Ambon menerjunkan perahu karet ke lokasi banjir.", ["Kantor SAR Ambon"]),
    (
        "Mahasiswa KKN Universitas Diponegoro (Undip) Semarang membantu warga membuat pupuk.",
        ["Universitas Diponegoro (Undip) Semarang"],
    ),
    (
        "Peserta PKL dari SMK Negeri 1 Kepanjen membantu administrasi kantor desa.",
        ["SMK Negeri 1 Kepanjen"],
    ),
]


@pytest.mark.parametrize(("text", "gold"), AGENCIES)
def test_agencies_round5(text: str, gold: list[str]) -> None:
    assert agency_misses(text, gold) == ([], [])


# counts: a decimal comma before a scale word ("1,5 ribu warga" is 1,500 people)
COUNTS = [
    ("Sekitar 1,5 ribu warga memadati alun-alun untuk salat Idul Adha.", [1500]),
    ("Dana Rp 1,5 ribu per orang dibagikan.", []),
    ("Hasil panen mencapai 1,5 ribu ton gabah.", []),
    # membership and strength are no participants (GUIDE: enrolment, population)
    ("Paguyuban yang beranggotakan 300 orang itu menggelar donor darah diikuti 85 pendonor.", [85]),
    ("Kelompok tani yang mempunyai 60 anggota menerima 20 orang penyuluh dari dinas.", [20]),
]


@pytest.mark.parametrize(("text", "expected"), COUNTS)
def test_counts_round5(text: str, expected: list[int]) -> None:
    assert [p.count for p in extract(text).participants] == expected
