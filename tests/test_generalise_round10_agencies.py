"""Generalisation checks, round 10 (agencies), from the kinds of phrasing met in real public
report pages (search and rescue, farming extension, student bodies, TNI village programmes,
news datelines); the sentences are written for this file (fictional events, real regions,
other units) and annotated per GUIDE.md:
- a headline's title-case verb (`Intensifkan`, `Pastikan`) ends a name: `Tim SAR` and
  `Pemerintah` before it name no organisation;
- `Batalion` is written as well as `Batalyon`; `Unit Siaga SAR X` is a Basarnas unit, while
  lower-case `unit X` counts equipment;
- a programme acronym before a unit (`TMMD Kodim X`) is no part of the unit's name;
- a known acronym the text spells out in its own words (`Badan Pelaksana ... (BP3K)`) folds
  its later mentions; more public acronyms: BP3K, BP4K, KTNA, DPRA, PMKRI, Unimor, ...;
- `Kadis Kominfo`: the title's `Dinas` goes with a field acronym (a fused title), but
  `Kadis DP3A` names the Dinas written out;
- `Kota,- (ANTARA)`: the dateline's outlet is the publisher, also with its dash before;
- a village body (`Pemdes X`, `BPD X`, `Pemerintah Desa X Y`) takes the village's name of up
  to three capitalised words; `Batang Hari` is the regency officially written as one word;
- `Asisten 1 Setda X`: the number labels the assistant, it counts no Setda;
- a name written once without its last letter folds with the full one;
- a long first line is the lead paragraph, not a headline;
- a sum of money ends a name (`Perumda X Rp 25 juta`); `Pemkab. X` is written with a stop;
- a name whose region goes on with a compass word (`... Kepulauan Seribu Selatan`) is another
  organisation than the one without it; `TP PKK X` and `PKK X` name one board;
- a hospital named after a person keeps `H`/`R` after its first title (`RSUD Dr H X`), also
  after its acronym in brackets; a named university's leader's titles stay outside."""

from __future__ import annotations

import pytest

from nlp import extract


def names(text: str) -> list[str]:
    return sorted(a.name for a in extract(text).agencies if not a.inferred)


def groups(text: str) -> list[tuple[str, list[str]]]:
    return sorted((a.name, sorted(a.aliases)) for a in extract(text).agencies if not a.inferred)


CASES = [
    # headline verbs end a name
    ("Sore ini Tim SAR Tingkatkan Evakuasi Pendaki di Gunung Rinjani.", []),
    ("Kabar: Pemerintah Salurkan Beras untuk Warga Terdampak Banjir.", []),
    ("Basarnas Kerahkan Perahu Karet ke Sungai Mahakam", ["Basarnas"]),
    ("Dinas Pendidikan Kabupaten Sikka menggelar lomba.", ["Dinas Pendidikan Kabupaten Sikka"]),
    ("Dinas Perikanan Kabupaten Rote Ndao menerima tamu.", ["Dinas Perikanan Kabupaten Rote Ndao"]),
    # battalions and SAR units; equipment is no unit
    ("Prajurit Batalion 744 membantu warga memanen jagung.", ["Batalion 744"]),
    ("Personel Batalyon 744 membantu warga.", ["Batalyon 744"]),
    ("Petugas Unit Siaga SAR Nunukan menyisir pantai.", ["Unit Siaga SAR Nunukan"]),
    ("Petugas memakai unit Sea Rider untuk menyisir pantai.", []),
    ("Petugas mengerahkan dua unit Toyota Hilux ke lokasi.", []),
    # a programme acronym before a unit
    ("Penutupan TMMD Kodim 1603 Sikka digelar di lapangan desa.", ["Kodim 1603 Sikka"]),
    (
        "Satgas TMMD ke-115 Kodim 1603 Sikka membangun jalan.",
        ["Satgas TMMD ke-115 Kodim 1603 Sikka"],
    ),
    ("Program BSPS Dinas Perumahan Kabupaten Ende berjalan.", ["Dinas Perumahan Kabupaten Ende"]),
    # public acronyms
    ("Kepala BP4K Kabupaten Manggarai membuka pelatihan.", ["BP4K Kabupaten Manggarai"]),
    ("Ketua KTNA Kabupaten Ngada hadir.", ["KTNA Kabupaten Ngada"]),
    ("Anggota DPRA meninjau lokasi banjir.", ["DPRA"]),
    ("Ketua PMKRI Cabang Ende menyampaikan sikap.", ["PMKRI Cabang Ende"]),
    ("Mahasiswa Undana melaksanakan KKN di desa itu.", ["Undana"]),
    ("Dosen Unsrat dan Untad meneliti terumbu karang.", ["Unsrat", "Untad"]),
    # village bodies and regions written in two words
    ("Kami berkoordinasi dengan Pemdes Wonokerto dan warga.", ["Pemdes Wonokerto"]),
    ("Ketua BPD Karang Anyar Lor hadir.", ["BPD Karang Anyar Lor"]),
    ("Kantor Pemerintah Desa Sungai Baung direnovasi.", ["Pemerintah Desa Sungai Baung"]),
    ("Ketua Baznas Kabupaten Batang Hari hadir.", ["Baznas Kabupaten Batang Hari"]),
    ("Asisten 1 Setda Tanjung Jabung Timur membuka acara.", ["Setda Tanjung Jabung Timur"]),
    ("Sebanyak 3 Puskesmas di kabupaten itu ditinjau.", []),
    ("Mahasiswa KKN Undip dan Unair tiba di desa.", ["Undip", "Unair"]),
    # money, abbreviations with a stop
    (
        "Dana dari Perumda Air Minum Tirta Moedal Rp 15 juta disalurkan.",
        ["Perumda Air Minum Tirta Moedal"],
    ),
    ("Program dari Pemkab. Bangli berjalan.", ["Pemkab. Bangli"]),
    ("Bantuan diserahkan oleh Pemkab. Selanjutnya warga pulang.", ["Pemkab"]),
    # a numbered kind written small
    ("Lomba diikuti pokja IV dari tiap desa.", []),
    ("Ketua Pokja IV TP PKK Kota Bekasi hadir.", ["Pokja IV TP PKK Kota Bekasi"]),
    # hospitals named after people
    ("Pasien dirujuk ke RSUD Dr H Bob Bazar Kalianda.", ["RSUD Dr H Bob Bazar Kalianda"]),
    (
        "Rumah Sakit Umum Daerah (RSUD) Dr. R Soedjono Selong membuka layanan.",
        ["Rumah Sakit Umum Daerah Dr. R Soedjono Selong"],
    ),
    ("Kepala Puskesmas H Rahmat hadir.", []),
    ("Rektor Universitas Andalas Prof. Dr. Yuliandri hadir.", ["Universitas Andalas"]),
    ("Dokter RSUP Dr M Djamil membantu.", ["RSUP Dr M Djamil"]),
    # short names of corps
    ("Dalam rangka HUT Marinir ke-70, warga diperiksa gratis.", ["Marinir"]),
    ("Personel Paskhas membantu evakuasi.", ["Paskhas"]),
    # a number word after a name counts what follows
    ("Rapat Pengukuhan MUI Tiga Kecamatan digelar.", ["MUI"]),
    ("Personel Yonif 726 hadir.", ["Yonif 726"]),
    # a religious body's unit word shared by a list of areas
    (
        "Hadir Ketua MUI Kecamatan Kampar, Tapung dan Siak Hulu.",
        ["MUI Kecamatan Kampar", "MUI Tapung", "MUI Siak Hulu"],
    ),
    # fused titles
    ("Kadis Kominfo Kabupaten Sikka menjelaskan program itu.", []),
    ("Kadis DP3A Kabupaten Ende membuka acara.", ["DP3A Kabupaten Ende"]),
    # the dateline's outlet
    (
        "Maumere,- (ANTARA) Dinas Sosial Kabupaten Sikka menyalurkan bantuan.",
        ["Dinas Sosial Kabupaten Sikka"],
    ),
    (
        "Menurut laporan ANTARA, Dinas Sosial Kabupaten Sikka menyalurkan bantuan.",
        ["ANTARA", "Dinas Sosial Kabupaten Sikka"],
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_names(text: str, expected: list[str]) -> None:
    assert names(text) == sorted(expected)


GROUPS = [
    (
        "Balai Pelaksana Penyuluhan Pertanian (BP3K) Kecamatan Golewa melatih petani. "
        "Kepala BP3K mengapresiasi semangat petani.",
        [("Balai Pelaksana Penyuluhan Pertanian Kecamatan Golewa", ["BP3K"])],
    ),
    (
        "Dinas Sosial (Dinsos) Kabupaten Ende membagikan paket. Kepala Dinsos hadir.",
        [("Dinas Sosial Kabupaten Ende", ["Dinsos"])],
    ),
    (
        "Patroli di Kantor PPS Desa Sumber Rejeki. Petugas PPS Desa Sumber Rejek menyambut.",
        [("PPS Desa Sumber Rejeki", ["PPS Desa Sumber Rejek"])],
    ),
    (
        "TP PKK Kota Tangerang menilai TP PKK Kota Tangerang Selatan hari ini. "
        "Ketua TP PKK Kota Tangerang hadir.",
        [("TP PKK Kota Tangerang", []), ("TP PKK Kota Tangerang Selatan", [])],
    ),
    (
        "TP PKK Kecamatan Sukawati menang lomba. Ketua PKK Kecamatan Sukawati bangga.",
        [("TP PKK Kecamatan Sukawati", ["PKK Kecamatan Sukawati"])],
    ),
    (
        "SIKKA – Dinas Sosial Provinsi Nusa Tenggara Timur menyalurkan bantuan bagi korban "
        "banjir di Kabupaten Sikka pada pagi hari bersama relawan dan aparat desa setempat "
        "yang sudah bersiaga sejak malam di sekitar bantaran sungai yang meluap.\nTim Dinas Sosial NTT juga membuka posko.",
        [("Dinas Sosial Provinsi Nusa Tenggara Timur", ["Tim Dinas Sosial NTT"])],
    ),
]


@pytest.mark.parametrize(("text", "expected"), GROUPS)
def test_groups(text: str, expected: list[tuple[str, list[str]]]) -> None:
    assert groups(text) == expected
