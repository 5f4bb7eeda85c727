"""places: sentences written for these tests (none taken from the evaluation set)."""

from __future__ import annotations

import pytest

from nlp import extract
from nlp.places import key


def places(text: str) -> list:
    facts = extract(text).places
    for f in facts:
        assert text[f.start : f.end] == f.text
    return facts


def bare(name: str) -> str:
    words = name.replace(".", " ").split()
    admin = {
        "kabupaten",
        "kab",
        "kota",
        "provinsi",
        "prov",
        "kecamatan",
        "kec",
        "desa",
        "kelurahan",
        "administrasi",
    }
    while len(words) > 1 and words[0].lower() in admin:
        words = words[1:]
    return key(" ".join(words))


def names(text: str) -> set[str]:
    return {bare(f.name) for f in places(text)}


def one(text: str, name: str):
    hits = [f for f in places(text) if bare(f.name) == bare(name)]
    assert len(hits) == 1, places(text)
    return hits[0]


# (text, place name, level, code)
LEVELS = [
    (
        "Bupati meninjau banjir di Kabupaten Pasuruan kemarin.",
        "Kabupaten Pasuruan",
        "kabupaten",
        "35.14",
    ),
    ("Wali kota membuka festival di Kota Pasuruan.", "Kota Pasuruan", "kota", "35.75"),
    ("Razia digelar di wilayah Pasuruan sejak pagi.", "Pasuruan", "kabupaten", "35.14"),
    ("Pedagang dari Surabaya ikut bazar itu.", "Surabaya", "kota", "35.78"),
    ("Pemkot Tegal menata alun-alun.", "Tegal", "kota", "33.76"),
    ("Warga Kab. Bandung menanam pohon.", "Kab. Bandung", "kabupaten", "32.04"),
    ("Petugas dari Kota Administrasi Jakarta Selatan hadir.", "Jakarta Selatan", "kota", "31.74"),
    ("Camat Bangil memimpin apel pagi.", "Bangil", "kecamatan", "35.14.14"),
    ("Kapolsek Bangil memimpin patroli.", "Bangil", "kecamatan", "35.14.14"),
    ("Bantuan tiba di Desa Gerbo pagi ini.", "Desa Gerbo", "desa", "35.14.01.2001"),
    ("Pelatihan digelar di Provinsi Jawa Timur.", "Provinsi Jawa Timur", "provinsi", "35"),
]


@pytest.mark.parametrize("text,name,level,code", LEVELS)
def test_level_and_code(text, name, level, code):
    f = one(text, name)
    assert (f.level, f.code) == (level, code)
    assert f.name == name or bare(f.name) == bare(name)


# (text, name written, official full name among the aliases, code)
ABBREVIATIONS = [
    ("Hujan deras melanda Jatim sepekan ini.", "Jatim", "Jawa Timur", "35"),
    ("Harga cabai di Sumsel naik.", "Sumsel", "Sumatera Selatan", "16"),
    ("Kekeringan terjadi di NTT.", "NTT", "Nusa Tenggara Timur", "53"),
    ("Wisatawan memadati DIY saat libur.", "DIY", "Daerah Istimewa Yogyakarta", "34"),
    ("Gubernur Jabar meresmikan jalan tol.", "Jabar", "Jawa Barat", "32"),
    ("Banjir rob menggenangi Jakut.", "Jakut", "Jakarta Utara", "31.72"),
    ("Kopi asal Sumatra Utara diekspor.", "Sumatra Utara", "Sumatera Utara", "12"),
]


@pytest.mark.parametrize("text,written,official,code", ABBREVIATIONS)
def test_abbreviations(text, written, official, code):
    f = one(text, written)
    assert f.code == code
    assert official in f.aliases


# (text, names expected exactly)
CASES = [
    # everyday words that are also village names need an administrative word
    ("Sumber air bersih warga mengering.", set()),
    ("Para petani dari Desa Sumber memanen padi.", {"sumber"}),
    ("Warga kota ini menanam pohon di taman kota.", set()),
    ("Kegiatan desa setempat berjalan lancar.", set()),
    ("Dana desa Rp 500 juta dicairkan.", set()),
    # kecamatan and desa written bare count inside a region the text names
    ("Warga Bangil dan sekitarnya di Kabupaten Pasuruan antusias.", {"bangil", "pasuruan"}),
    ("Warga Bangil antusias.", set()),
    (
        "Rumah warga di Gerbo, Kecamatan Purwodadi, Kabupaten Pasuruan rusak.",
        {"gerbo", "purwodadi", "pasuruan"},
    ),
    # places inside organisation names and titles
    ("Polres Pasuruan menggelar razia.", {"pasuruan"}),
    ("Fatwa Majelis Ulama Indonesia dibacakan.", {"indonesia"}),
    ("Kapolres Bengkalis memberi arahan.", {"bengkalis"}),
    ("Mahasiswa Universitas Negeri Malang ikut membantu.", {"malang"}),
    # streets, buildings and people are not places
    ("Kecelakaan terjadi di Jalan Raya Malang.", set()),
    ("Toko di Jl. Pahlawan No. 5, Surabaya terbakar.", {"surabaya"}),
    ("Acara digelar di Gedung Serbaguna.", set()),
    ("Sambutan disampaikan oleh Pak Malang.", set()),
    ("Hadir pula Kiai Jember dalam pengajian.", set()),
    # natural features, countries, islands
    ("Pendaki tersesat di Gunung Lawu.", {"gununglawu"}),
    ("Sampah menumpuk di Sungai Brantas.", {"sungaibrantas"}),
    ("Kapal berlayar dari Pulau Jawa ke Malaysia.", {"pulaujawa", "malaysia"}),
    ("Nelayan melaut di sekitar Pulau Sempu.", {"pulausempu"}),
    # datelines and credit lines
    ("Judul berita\nMALANG, KOMPAS.com - Polisi berjaga.", {"malang"}),
    ("Polisi berjaga.\nBaca juga: Banjir di Surabaya", set()),
]


@pytest.mark.parametrize("text,expected", CASES)
def test_names(text, expected):
    assert names(text) == expected


def test_one_place_written_two_ways():
    text = "Kabupaten Bandung menggelar pasar murah. Warga Bandung menyambut baik."
    facts = places(text)
    assert len(facts) == 1
    assert facts[0].name == "Kabupaten Bandung"
    assert facts[0].text == "Kabupaten Bandung"
    assert "Bandung" in facts[0].aliases


def test_abbreviation_and_full_name_are_one_place():
    text = "Pemprov Jatim menggelar lomba. Peserta datang dari seluruh Jawa Timur."
    facts = places(text)
    assert len(facts) == 1
    assert facts[0].name == "Jatim"
    assert "Jawa Timur" in facts[0].aliases


def test_province_and_parent_codes_filled():
    f = one("Di Kecamatan Bangil, Kabupaten Pasuruan, warga kerja bakti.", "Kecamatan Bangil")
    assert f.code == "35.14.14"
    assert f.province == "Jawa Timur"
    assert f.name == "Kecamatan Bangil"


def test_ambiguous_village_keeps_no_guessed_code():
    f = one("Bantuan disalurkan ke Desa Sukamaju.", "Desa Sukamaju")
    assert f.level == "desa"
    assert f.code is None


def test_village_resolved_by_region_in_text():
    text = "Kecamatan Purwodadi di Kabupaten Pasuruan menggelar lomba."
    f = one(text, "Kecamatan Purwodadi")
    assert f.code == "35.14.01"


def test_unlisted_hamlet_after_dusun():
    f = one("Warga Dusun Krajan Kidul bergotong royong.", "Dusun Krajan Kidul")
    assert f.level == "dusun"


def test_desa_wisata_is_not_a_name():
    assert names("Pengembangan Desa Wisata terus digalakkan.") == set()


def test_kabupaten_and_kota_of_one_name_stay_apart():
    facts = places("Kabupaten Bandung dan Kota Bandung bekerja sama. Warga Bandung senang.")
    assert sorted(f.code for f in facts) == ["32.04", "32.73"]


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Siswa belajar bahasa Inggris setiap pagi.", set()),
        ("Tim pelajar berangkat ke Inggris untuk lomba.", {"inggris"}),
        ("Semangat bangsa indonesia tetap menyala.", {"indonesia"}),
        ("Warga menanam padi di sawah.", set()),
    ],
)
def test_languages_and_lower_case(text, expected):
    assert names(text) == expected


def test_listed_kecamatan_are_siblings():
    text = "Bantuan menyasar Kecamatan Purwodadi, Tutur, dan Puspo di Kabupaten Pasuruan."
    facts = {bare(f.name): f for f in places(text)}
    assert {"purwodadi", "tutur", "puspo", "pasuruan"} <= set(facts)
    assert facts["tutur"].code == "35.14.02"


def test_everyday_word_alone_is_no_kecamatan():
    assert names("Tutur kata yang santun di Kabupaten Pasuruan.") == {"pasuruan"}


@pytest.mark.parametrize(
    "text,code",
    [
        ("Nelayan Bau-Bau melaut lagi.", "74.72"),
        ("Harga ikan di Pangkal Pinang turun.", "19.71"),
        ("Ferry tiba di Tanjungpinang pagi ini.", "21.72"),
    ],
)
def test_spelling_variants_share_the_index_key(text, code):
    assert [f.code for f in places(text)] == [code]
