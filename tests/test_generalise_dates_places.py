"""Generalisation check for dates, event_date and places: reports written in styles and
regions the dev set does not cover, annotated by hand per GUIDE.md (sentences and events are
fictional; region names are real). Place keys are compared as the scorer does: lower-cased
letters and digits with the leading administrative words stripped."""

from __future__ import annotations

import re

import pytest

from nlp import extract

ADMIN = {
    "provinsi", "prov", "propinsi", "kabupaten", "kab", "kota", "kotamadya", "kecamatan",
    "kec", "desa", "ds", "kelurahan", "kel", "dusun", "dsn", "dukuh", "kampung", "kp",
    "nagari", "gampong", "daerah", "istimewa", "administrasi",
}  # fmt: skip


def place_key(name: str) -> str:
    toks = re.findall(r"[0-9a-z]+", name.lower())
    while toks and toks[0] in ADMIN:
        toks = toks[1:]
    return "".join(toks)


# (id, text, dates, event_date, place keys); each report annotated before the extractor ran
CASES = [
    (
        "polisi_aceh",
        "Pada hari Senin tanggal 14 Februari 2022 sekitar pukul 09.00 WIB bertempat di Gampong Lamteumen, Kecamatan Jaya Baru, Kota Banda Aceh, personel Polsek Jaya Baru melaksanakan patroli dialogis.",
        ["2022-02-14"],
        "2022-02-14",
        ["bandaaceh", "jayabaru", "lamteumen"],
    ),
    (
        "pers_sumut",
        "Medan, 3 Agustus 2021 - Pemerintah Provinsi Sumatera Utara menyalurkan bantuan kepada korban banjir di Kabupaten Langkat. Bantuan diserahkan oleh Gubernur Sumut di Kecamatan Tanjung Pura.",
        ["2021-08-03"],
        "2021-08-03",
        ["langkat", "medan", "sumaterautara", "tanjungpura"],
    ),
    (
        "desa_web_sleman",
        "Kerja Bakti Warga Padukuhan\nDiposting pada 12 Maret 2019\n\nWarga Desa Sinduharjo, Kecamatan Ngaglik, Kabupaten Sleman mengadakan kerja bakti membersihkan saluran irigasi pada Minggu (10/3/2019).",
        ["2019-03-12", "2019-03-10"],
        "2019-03-10",
        ["ngaglik", "sinduharjo", "sleman"],
    ),
    (
        "signoff_malang",
        "Laporan kegiatan sosialisasi pencegahan stunting yang dilaksanakan di Balai Desa Mangunrejo pada tanggal 7 Maret 2019.\n\nKepanjen, 12 Maret 2019\nKepala Dinas Kesehatan Kabupaten Malang",
        ["2019-03-07", "2019-03-12"],
        "2019-03-07",
        ["kepanjen", "malang", "mangunrejo"],
    ),
    (
        "multi_day_ntt",
        "Pelatihan kader posyandu berlangsung pada 21-23 Juni 2023 di Kota Kupang, Nusa Tenggara Timur. Peserta berasal dari Kabupaten Kupang, Kabupaten Timor Tengah Selatan dan Kabupaten Belu.",
        ["2023-06-21", "2023-06-23"],
        "2023-06-21",
        ["belu", "kupang", "nusatenggaratimur", "timortengahselatan"],
    ),
    (
        "year_word",
        "Musyawarah desa tahun 2021 di Desa Pematang Johar dilaksanakan pada tanggal 5 Oktober di aula kantor desa, Kecamatan Labuhan Deli.",
        ["2021-10-05"],
        "2021-10-05",
        ["labuhandeli", "pematangjohar"],
    ),
    (
        "numeric_dash",
        "Kegiatan vaksinasi massal dilaksanakan pada tanggal 12-03-2019 di Kecamatan Mataram, Kota Mataram, NTB.",
        ["2019-03-12"],
        "2019-03-12",
        ["mataram", "ntb"],
    ),
    (
        "numeric_dot",
        "Rapat koordinasi digelar tanggal 12.03.2019 di Kantor Bupati Jayapura, Provinsi Papua.",
        ["2019-03-12"],
        "2019-03-12",
        ["jayapura", "papua"],
    ),
    (
        "numeric_iso_slash",
        "Tanggal kegiatan: 2019/03/12\nLokasi: Desa Tanjung Harapan, Kecamatan Singkep, Kabupaten Lingga, Kepulauan Riau",
        ["2019-03-12"],
        "2019-03-12",
        ["kepulauanriau", "lingga", "singkep", "tanjungharapan"],
    ),
    (
        "abbrev_months",
        "Patroli gabungan dilaksanakan Sabtu, 2 Okt 2021 dan dilanjutkan 9 Okt 2021 di wilayah Kabupaten Merauke.",
        ["2021-10-02", "2021-10-09"],
        "2021-10-02",
        ["merauke"],
    ),
    (
        "english_stamp",
        "Posted on November 5, 2020 by admin\n\nPemerintah Kelurahan Oebobo menggelar lomba kebersihan lingkungan pada Selasa (3/11/2020) di Kota Kupang.",
        ["2020-11-05", "2020-11-03"],
        "2020-11-03",
        ["kupang", "oebobo"],
    ),
    (
        "pub_vs_event",
        "Jumat, 20 Mei 2022\n\nBupati Banyuwangi meninjau lokasi longsor di Desa Kemiren, Kecamatan Glagah. Longsor terjadi pada Rabu, 18 Mei 2022 setelah hujan deras.",
        ["2022-05-20", "2022-05-18"],
        "2022-05-18",
        ["banyuwangi", "glagah", "kemiren"],
    ),
    (
        "past_and_future",
        "Kegiatan bakti sosial di Kecamatan Bungus Teluk Kabung, Kota Padang telah dilaksanakan pada 4 September 2022. Kegiatan serupa akan digelar kembali pada 15 Oktober 2022 di Kabupaten Padang Pariaman.",
        ["2022-09-04", "2022-10-15"],
        "2022-09-04",
        ["bungustelukkabung", "padang", "padangpariaman"],
    ),
    (
        "kab_kota_same_name",
        "Tim gabungan dari Kota Bogor dan Kabupaten Bogor melakukan penertiban pedagang kaki lima di kawasan Puncak pada Kamis (17/2/2022).",
        ["2022-02-17"],
        "2022-02-17",
        ["bogor", "puncak"],
    ),
    (
        "province_abbrev",
        "Kapolda Kalteng meninjau Pos Pengamanan di Kabupaten Kotawaringin Barat, Kalimantan Tengah pada Selasa, 27 Desember 2022.",
        ["2022-12-27"],
        "2022-12-27",
        ["kalteng", "kotawaringinbarat"],
    ),
    (
        "island_river",
        "Tim SAR gabungan menyisir Sungai Mahakam di Kecamatan Tenggarong, Kabupaten Kutai Kartanegara, Kalimantan Timur, pada Senin 6 Juni 2022 untuk mencari warga yang hanyut.",
        ["2022-06-06"],
        "2022-06-06",
        ["kalimantantimur", "kutaikartanegara", "sungaimahakam", "tenggarong"],
    ),
    (
        "mountain",
        "Pendakian Gunung Rinjani di Pulau Lombok kembali dibuka pada 1 April 2023 setelah ditutup sejak 1 Januari 2023.",
        ["2023-04-01", "2023-01-01"],
        "2023-04-01",
        ["gunungrinjani", "pulaulombok"],
    ),
    (
        "person_region_name",
        "Kepala Desa Sukamaju, Bapak Sumedang Wijaya, membuka kegiatan posyandu di Kabupaten Garut pada 8 Agustus 2020.",
        ["2020-08-08"],
        "2020-08-08",
        ["garut", "sukamaju"],
    ),
    (
        "title_place",
        "Bupati Sigi dan Wakil Bupati Donggala menghadiri rapat di Kota Palu, Sulawesi Tengah, Rabu (9/3/2022).",
        ["2022-03-09"],
        "2022-03-09",
        ["donggala", "palu", "sigi", "sulawesitengah"],
    ),
    (
        "org_place",
        "Anggota Polres Flores Timur bersama Kodim 1624/Flotim membagikan sembako di Larantuka pada 13 Juli 2021.",
        ["2021-07-13"],
        "2021-07-13",
        ["florestimur", "larantuka"],
    ),
    (
        "dates_no_year",
        "Penyuluhan hukum digelar di Kecamatan Wonosari, Kabupaten Gunungkidul pada tanggal 14 Mei. Kegiatan dihadiri perangkat desa.",
        [],
        None,
        ["gunungkidul", "wonosari"],
    ),
    (
        "sd_range",
        "Operasi Ketupat Lodaya 2023 berlangsung mulai 18 April s.d. 1 Mei 2023 di seluruh wilayah Jawa Barat.",
        ["2023-04-18", "2023-05-01"],
        "2023-04-18",
        ["jawabarat"],
    ),
    (
        "news_dateline",
        "MAKASSAR - Dinas Sosial Kota Makassar menyalurkan bantuan kepada 50 keluarga korban kebakaran di Kelurahan Bontoala, Kecamatan Bontoala, Sabtu (15/1/2022).",
        ["2022-01-15"],
        "2022-01-15",
        ["bontoala", "makassar"],
    ),
    (
        "kecamatan_abbrev",
        "Bertempat di Ds. Karangrejo Kec. Garum Kab. Blitar, pada hari Rabu tgl 2 Nopember 2016 dilaksanakan kegiatan sambang desa.",
        ["2016-11-02"],
        "2016-11-02",
        ["blitar", "garum", "karangrejo"],
    ),
    (
        "lake_bali",
        "Upacara melasti digelar di tepi Danau Batur, Kecamatan Kintamani, Kabupaten Bangli, Bali pada Minggu, 19 Maret 2023.",
        ["2023-03-19"],
        "2023-03-19",
        ["bali", "bangli", "danaubatur", "kintamani"],
    ),
    (
        "past_event_report",
        "Ambon, 2 Februari 2024\n\nPemerintah Kota Ambon, Jumat (2/2/2024), menggelar rapat evaluasi penanganan banjir yang terjadi pada 12 Januari 2024 lalu di Kecamatan Sirimau.",
        ["2024-02-02", "2024-01-12"],
        "2024-02-02",
        ["ambon", "sirimau"],
    ),
    (
        "glued_tanggal",
        "Hari/Tanggal : Kamis/27 Juli 2023\nTempat : Aula Kantor Camat Sentani, Kabupaten Jayapura",
        ["2023-07-27"],
        "2023-07-27",
        ["jayapura", "sentani"],
    ),
    (
        "url_year",
        "https://desa-sumberagung.id/2020/08/kegiatan-posyandu\nPosyandu balita Dusun Krajan, Desa Sumberagung digelar pada tanggal 17 Agustus.",
        ["2020-08-17"],
        "2020-08-17",
        ["krajan", "sumberagung"],
    ),
    (
        "year_crossing_range",
        "Operasi Lilin 2021 dilaksanakan tanggal 24 Desember 2021 hingga 2 Januari 2022 di wilayah hukum Polda Kaltim.",
        ["2021-12-24", "2022-01-02"],
        "2021-12-24",
        ["kaltim"],
    ),
    (
        "list_days",
        "Vaksinasi booster dilaksanakan pada 1 dan 2 Desember 2021 di Kabupaten Aceh Besar, Provinsi Aceh.",
        ["2021-12-01", "2021-12-02"],
        "2021-12-01",
        ["aceh", "acehbesar"],
    ),
    (
        "nagari_distrik",
        "Pada Rabu, 16 November 2022, Dinas Kesehatan menggelar penyuluhan di Nagari Koto Baru, Kabupaten Solok Selatan, dan di Distrik Abepura, Kota Jayapura.",
        ["2022-11-16"],
        "2022-11-16",
        ["abepura", "jayapura", "kotobaru", "solokselatan"],
    ),
    (
        "caps_dateline",
        "TERNATE - Pemerintah Provinsi Maluku Utara menyerahkan bantuan perahu kepada nelayan di Pulau Hiri, Senin (6/3/2023).",
        ["2023-03-06"],
        "2023-03-06",
        ["malukuutara", "pulauhiri", "ternate"],
    ),
    (
        "river_city",
        "Lomba perahu bidar digelar di Sungai Musi, Kota Palembang, Sumatera Selatan, Kamis (17/8/2023).",
        ["2023-08-17"],
        "2023-08-17",
        ["palembang", "sumateraselatan", "sungaimusi"],
    ),
    (
        "tgl_abbr",
        "Tgl. 05 Jan 2020 telah dilaksanakan kegiatan bersih pantai di Pantai Losari, Kota Makassar, Sulsel.",
        ["2020-01-05"],
        "2020-01-05",
        ["makassar", "pantailosari", "sulsel"],
    ),
    (
        "kepulauan_seribu",
        "Warga Pulau Pramuka, Kabupaten Administrasi Kepulauan Seribu, DKI Jakarta menanam mangrove pada 22 April 2022.",
        ["2022-04-22"],
        "2022-04-22",
        ["dkijakarta", "kepulauanseribu", "pulaupramuka"],
    ),
    (
        "person_bima",
        "Sambutan disampaikan oleh Sdr. Bima Saputra selaku ketua panitia di Kecamatan Woha pada 3 Mei 2021. Kegiatan ini diikuti warga Kabupaten Bima.",
        ["2021-05-03"],
        "2021-05-03",
        ["bima", "woha"],
    ),
    (
        "new_province",
        "Penjabat Gubernur Papua Pegunungan meresmikan kantor sementara di Wamena, Kabupaten Jayawijaya pada 11 Januari 2023.",
        ["2023-01-11"],
        "2023-01-11",
        ["jayawijaya", "papuapegunungan", "wamena"],
    ),
    (
        "weekday_unpinned",
        "Bupati Tulungagung mengatakan bahwa kegiatan yang digelar Senin lalu berjalan lancar.",
        [],
        None,
        ["tulungagung"],
    ),
    (
        "numeric_2digit_year",
        "Kegiatan reses anggota DPRD Kabupaten Lombok Timur dilaksanakan pada tanggal 08/09/22 di Desa Selong.",
        ["2022-09-08"],
        "2022-09-08",
        ["lomboktimur", "selong"],
    ),
    (
        "selat_island",
        "Kapal penyeberangan dari Pelabuhan Merak menuju Bakauheni melintasi Selat Sunda pada Jumat, 21 April 2023, membawa pemudik dari Pulau Jawa ke Pulau Sumatera.",
        ["2023-04-21"],
        "2023-04-21",
        ["bakauheni", "merak", "pulaujawa", "pulausumatera", "selatsunda"],
    ),
    (
        "selat_island",
        "Kapal penyeberangan dari Pelabuhan Merak menuju Bakauheni melintasi Selat Sunda pada Jumat, 21 April 2023, membawa pemudik dari Pulau Jawa ke Pulau Sumatera.",
        ["2023-04-21"],
        "2023-04-21",
        ["bakauheni", "merak", "pulaujawa", "pulausumatera", "selatsunda"],
    ),
    (
        "bulan_tahun",
        "Pada hari Kamis tanggal 9 bulan Maret tahun 2023 sekitar pukul 10.00 WITA, Bhabinkamtibmas Kelurahan Lamokato menyambangi warga di Kecamatan Kolaka, Kabupaten Kolaka, Sulawesi Tenggara.",
        ["2023-03-09"],
        "2023-03-09",
        ["kolaka", "lamokato", "sulawesitenggara"],
    ),
    (
        "range_weekdays",
        "Pelatihan digelar Senin, 2 Januari 2023 s.d. Jumat, 6 Januari 2023 di Kota Tangerang Selatan.",
        ["2023-01-02", "2023-01-06"],
        "2023-01-02",
        ["tangerangselatan"],
    ),
    (
        "hijri",
        "Pengajian akbar dilaksanakan pada 15 Agustus 2023 M / 28 Muharram 1445 H di Kabupaten Pangkajene dan Kepulauan.",
        ["2023-08-15"],
        "2023-08-15",
        ["pangkajenedankepulauan"],
    ),
    (
        "regulation_numbers",
        "Berdasarkan Surat Nomor: 12/05/2023 dan Perbup Nomor 7 Tahun 2021, sosialisasi digelar pada 20 Mei 2023 di Kota Baubau.",
        ["2023-05-20"],
        "2023-05-20",
        ["baubau"],
    ),
    (
        "jakarta_admin",
        "Satpol PP Kota Administrasi Jakarta Pusat menertibkan reklame di Kecamatan Tanah Abang pada Rabu (8/2/2023).",
        ["2023-02-08"],
        "2023-02-08",
        ["jakartapusat", "tanahabang"],
    ),
    (
        "abbrev_paren",
        "Bupati Tapanuli Utara (Taput) meninjau banjir di Kecamatan Tarutung pada 4 Desember 2022. Pemprov Sumut turut membantu.",
        ["2022-12-04"],
        "2022-12-04",
        ["sumut", "tapanuliutara", "tarutung"],
    ),
    (
        "flores",
        "Wisatawan di Labuan Bajo, Kabupaten Manggarai Barat, Pulau Flores meningkat pada 25 Desember 2022.",
        ["2022-12-25"],
        "2022-12-25",
        ["labuanbajo", "manggaraibarat", "pulauflores"],
    ),
    (
        "three_days_list",
        "Bazar UMKM diadakan tanggal 3, 4 dan 5 Juni 2022 di alun-alun Kabupaten Kepulauan Aru.",
        ["2022-06-03", "2022-06-04", "2022-06-05"],
        "2022-06-03",
        ["kepulauanaru"],
    ),
    (
        "spaced_range",
        "Festival budaya berlangsung 12 - 14 Juli 2022 di Kabupaten Tanah Datar, Sumatera Barat.",
        ["2022-07-12", "2022-07-14"],
        "2022-07-12",
        ["sumaterabarat", "tanahdatar"],
    ),
    (
        "merapi",
        "Warga di lereng Gunung Merapi, Kecamatan Cangkringan, Kabupaten Sleman mengikuti simulasi evakuasi, Sabtu (11/11/2023).",
        ["2023-11-11"],
        "2023-11-11",
        ["cangkringan", "gunungmerapi", "sleman"],
    ),
]
PLACES_XFAIL = {
    "kab_kota_same_name": "'kawasan Puncak' (Bogor) is also the name of Kabupaten Puncak (Papua); bare 'Puncak' is blocked as an everyday word",
    "kepulauan_seribu": "'Pulau Pramuka': a head word before an everyday word is not taken without an official entry",
    "selat_island": "bare kecamatan 'Bakauheni' with no region of it named in the text",
}


@pytest.mark.parametrize(
    ("text", "dates", "event"), [c[1:4] for c in CASES], ids=[c[0] for c in CASES]
)
def test_dates_and_event(text: str, dates: list[str], event: str | None) -> None:
    got = extract(text)
    assert sorted(f.value for f in got.dates) == sorted(dates)
    assert got.event_date == event


def _place_params() -> list:
    out = []
    for cid, text, _, _, keys in CASES:
        marks = (
            [pytest.mark.xfail(reason=PLACES_XFAIL[cid], strict=True)]
            if cid in PLACES_XFAIL
            else []
        )
        out.append(pytest.param(text, set(keys), id=cid, marks=marks))
    return out


@pytest.mark.parametrize(("text", "keys"), _place_params())
def test_places(text: str, keys: set[str]) -> None:
    facts = extract(text).places
    forms = [{place_key(f.name)} | {place_key(a) for a in f.aliases or []} for f in facts]
    assert all(text[f.start : f.end] == f.text for f in facts)
    assert not [k for k in keys if not any(k in s for s in forms)], "missed"
    assert not [s for s in forms if not s & keys], "extra"
