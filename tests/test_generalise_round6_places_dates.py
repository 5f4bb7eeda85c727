"""Generalisation checks, round 6 (places and dates), written for this file (fictional events,
real regions of the official list) and annotated per GUIDE.md before the extractor ran:
- the statutory local words for a desa: `Tiyuh` (Tulang Bawang Barat), `Ohoi` (Kei),
  `Lembang` (Toraja), `Kenagarian`/`Kanagarian` (Sumatera Barat), `Kepenghuluan` (Rokan
  Hilir) name a village like `Desa`; bare `Lembang` is still the kecamatan;
- `Desa` before an action noun (`Musyawarah Desa Penetapan RKP`, `Rapat Desa Pembangunan`)
  names no village;
- `Negeri X` is a Maluku desa (`Negeri Passo`), not `Kejaksaan Negeri X`, `SMA Negeri`;
- `Lingk.` abbreviates the hamlet word `Lingkungan` (not `Dinas Lingk. Hidup`);
- `Sungai`/`Danau` capitalised mid-sentence before an everyday word (`Sungai Kelam`);
- kabupaten abbreviations outside Java (`Kabupaten Lutim`, `Pemkab Halsel`), but not an
  acronym of the same letters (`KKU`, `KTT`);
- a programme label of derived words (`Kampung Keluarga Berkualitas`) is no village;
- dates in the report styles of this round (`Sabtu-Minggu (3-4/6/2023)`, `12 s.d 14
  September 2023`, `tgl. 14-09-2023`, `8 hingga 21 Mei 2023`) keep working."""

from __future__ import annotations

import pytest
from test_generalise_places_round3 import keys  # the place keys the scorer compares

from nlp import extract

PLACES = [
    (
        "tiyuh",
        "Pemerintah Tiyuh Karta Raharja, Kecamatan Tulang Bawang Udik, menggelar musrenbang.",
        {"tiyuhkartaraharja", "tulangbawangudik"},
    ),
    (
        "ohoi",
        "Pendataan keluarga dilakukan di Ohoi Ohoililir, Kecamatan Manyeuw, pekan lalu.",
        {"ohoiohoililir", "manyeuw"},
    ),
    (
        "kenagarian",
        "Vaksinasi digelar di Kanagarian Pariangan, Kabupaten Tanah Datar, pekan ini.",
        {"kanagarianpariangan", "tanahdatar"},
    ),
    (
        "kepenghuluan",
        "Penghulu Kepenghuluan Bagan Punak, Kecamatan Bangko, Kabupaten Rokan Hilir hadir.",
        {"kepenghuluanbaganpunak", "bangko", "rokanhilir"},
    ),
    (
        "lembang_toraja",
        "Penyaluran BLT di Lembang Pangala, Kecamatan Rindingallo, Kabupaten Toraja Utara lancar.",
        {"lembangpangala", "rindingallo", "torajautara"},
    ),
    (
        "lembang_bare_kecamatan",
        "Wisatawan memadati kawasan Lembang, Kabupaten Bandung Barat, saat libur panjang.",
        {"lembang", "bandungbarat"},
    ),
    (
        "desa_action_noun",
        "Musyawarah Desa Penetapan RKP Desa Tahun 2024 digelar di Desa Sukamaju.",
        {"sukamaju"},
    ),
    (
        "desa_action_noun_nasal",
        "Rapat Desa Pembangunan Jalan Usaha Tani dihadiri warga Desa Karangrejo.",
        {"karangrejo"},
    ),
    (
        "kampung_kb_label",
        "BKKBN mencanangkan Kampung Keluarga Berkualitas di Desa Oelnasi, Kecamatan Kolbano.",
        {"oelnasi", "kolbano"},
    ),
    ("dusun_unlisted_kept", "Warga Dusun Kedungan ikut kerja bakti.", {"kedungan"}),
    (
        "negeri_maluku",
        "Bantuan disalurkan kepada warga Negeri Passo dan Negeri Hative Besar, Kota Ambon.",
        {"negeripasso", "negerihativebesar", "ambon"},
    ),
    (
        "negeri_state_school_court",
        "Kejaksaan Negeri Ambon memberi penyuluhan di SMA Negeri 2 Ambon dan Universitas Negeri "
        "Gorontalo.",
        {"ambon", "gorontalo"},
    ),
    (
        "negeri_abroad",
        "Warga Desa Sukamaju yang bekerja di luar negeri Malaysia pulang kampung.",
        {"sukamaju", "malaysia"},
    ),
    (
        "river_everyday_word",
        "Banjir merendam Desa Kebong akibat meluapnya Sungai Kelam sejak Rabu.",
        {"kebong", "sungaikelam"},
    ),
    (
        "river_lower_case_not_named",
        "Banjir merendam Desa Kebong akibat meluapnya sungai kelam di belakang rumah.",
        {"kebong"},
    ),
    (
        "lingkungan_abbreviated",
        "Warga Lingk. Bonto Cinde, Kel. Bontoramba, Kec. Somba Opu ikut kerja bakti.",
        {"lingkbontocinde", "bontoramba", "sombaopu"},
    ),
    (
        "lingk_not_environment_office",
        "Pegawai Dinas Lingk. Hidup Kota Palopo membersihkan pantai.",
        {"palopo"},
    ),
    (
        "kabupaten_abbreviation",
        "Petugas Dinas Peternakan Kabupaten Lutim memvaksin sapi di Desa Lampenai.",
        {"lutim", "lampenai"},
    ),
    (
        "pemkab_abbreviation",
        "Pemkab Halsel dan Pemkab Konsel menandatangani kerja sama di Kota Ternate.",
        {"halsel", "konsel", "ternate"},
    ),
    (
        "acronym_not_region",
        "Kepala Bidang Ketenteraman dan Ketertiban Umum (KKU) hadir pada KTT di Kota Palu.",
        {"palu"},
    ),
]


@pytest.mark.parametrize(("case_id", "text", "expected"), PLACES)
def test_places_round6(case_id, text, expected):
    assert keys(text) == expected


DATES = [
    (
        "weekend_pair",
        "Bakti sosial digelar pada Sabtu-Minggu (3-4/6/2023) di Kolbano.",
        {"2023-06-03", "2023-06-04"},
        "2023-06-03",
    ),
    (
        "sd_range_form",
        "Hari/Tgl : Selasa s/d Kamis / 12 s.d 14 September 2023\nTempat : Aula Distrik",
        {"2023-09-12", "2023-09-14"},
        "2023-09-12",
    ),
    (
        "tgl_dashed",
        "Pelatihan dimulai 12 September 2023 dan ditutup pada tgl. 14-09-2023.",
        {"2023-09-12", "2023-09-14"},
        "2023-09-12",
    ),
    (
        "hingga_range",
        "Operasi Keselamatan berlangsung tanggal 8 hingga 21 Mei 2023 di seluruh wilayah.",
        {"2023-05-08", "2023-05-21"},
        None,
    ),
    (
        "no_year_later_mention",
        "Musrenbang digelar Kamis, 26 Januari 2023. Tahap berikutnya pada 9 Februari mendatang.",
        {"2023-01-26", "2023-02-09"},
        "2023-01-26",
    ),
]


@pytest.mark.parametrize(("case_id", "text", "expected", "event"), DATES)
def test_dates_round6(case_id, text, expected, event):
    r = extract(text)
    assert {d.value for d in r.dates} == expected
    if event is not None:
        assert r.event_date == event
