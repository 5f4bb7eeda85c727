"""Generalisation checks, round 9 (places): kinds of phrasing met in real public report pages,
each snippet written for this file (fictional names where the official list has none) and
annotated per GUIDE.md before the extractor ran:
- one administrative word before a list of names ending in `dan`/`serta` names each item
  (`desa Narumbi Ilao, Tamboru, Walanda, dan Desa Sirimbo`; `distrik Yaroma, Kurulu, dan
  Ebenai`), when a later item is listed at that level or repeats the word; people listed after
  a village (`Desa Sukamaju, Suparman dan Budi`) stay out;
- a village's own name may end in a word that names other villages only (`Desa Rambai
  Ilir, Kecamatan X`): one unlisted village, not the listed `Rambai`; a word naming a regency
  (`Desa Sukamaju Cianjur, Kecamatan X`) does not extend it;
- a headline's Title Case runs on past a feature's name (`Sungai Kapuas Belum Surut`): the
  name ends where the body's own writing of it ends; a name the body writes whole stays whole;
- more towns that seat a kabupaten and that the official list lacks (`Meulaboh`, `Takengon`,
  `Kutacane`: public knowledge of ibu kota kabupaten);
- a desk's town in capitals in brackets after the outlet's name (`KABAR TIMUR (SERUI) -`)
  is the dateline's place; an outlet's bracketed name (`Ambon (ANTARA) -`) is none;
- an active volcano named bare (`erupsi Sinabung`, `lereng Merapi`) is a place, one with its
  `Gunung X` form; a mountain whose bare name also names police operations (`Operasi Ketupat
  Rinjani`) counts only with `Gunung`;
- a person's initial and name (`Asisten II M Ali`, `Kasi S Amoa`) is no region whose key drops
  the space (`Mali`, `Samoa`); an official name that starts with one letter (`X Koto
  Singkarak`) still counts;
- a headline's pair of listed names joined by `&` (`Bedah Rumah di Asinua & Padangguni`)
  reads each as a bare name of the region the body names; everyday words so joined stay out."""

from __future__ import annotations

import pytest
from test_generalise_places_round3 import keys  # the place keys the scorer compares

PLACES = [
    (
        "list_after_lower_desa_repeated_word",
        "Satgas menyasar empat desa yakni desa Narumbi Ilao, Tamboru, Walanda, dan Desa Sirimbo.",
        {"narumbiilao", "tamboru", "walanda", "sirimbo"},
    ),
    (
        "list_after_distrik_listed_item",
        "Bantuan menjangkau distrik Yaroma, Kurulu, dan Ebenai.",
        {"distrikyaroma", "kurulu", "ebenai"},  # (the head keeps its word),
    ),
    (
        "list_after_desa_listed_items",
        "Camat mengunjungi Desa Sukamaju, Mekarsari dan Sukajadi.",
        {"sukamaju", "mekarsari", "sukajadi"},
    ),
    (
        "village_name_ends_in_village_word",
        "Korban tinggal di Desa Sukamaju Ilir, Kecamatan Cibeber.",
        {"sukamajuilir", "cibeber"},
    ),
    (
        "village_then_regency_word",
        "Warga Desa Sukamaju Cianjur, Kecamatan Cibeber hadir.",
        {"sukamaju", "cianjur", "cibeber"},
    ),
    (
        "headline_runs_past_river",
        "Banjir di Sungai Kapuas Belum Surut, Warga Mengungsi\n\nAir di Sungai Kapuas, Kabupaten "
        "Sanggau, terus naik.",
        {"sungaikapuas", "sanggau"},
    ),
    (
        "headline_name_written_whole",
        "Festival Danau Toba Indah Digelar\n\nFestival digelar di tepi Danau Toba Indah, Kabupaten "
        "Samosir.",
        {"danautobaindah", "samosir"},
    ),
    (
        "seat_meulaboh",
        "Jambore penyuluh digelar di Meulaboh, Aceh Barat.",
        {"meulaboh", "acehbarat"},
    ),
    ("seat_kutacane", "KUTACANE - Bupati meninjau banjir bandang.", {"kutacane"}),
    (
        "desk_town_in_brackets",
        "WARTA KITA (SERUI) - Pemerintah distrik menyalurkan beras.",
        {"serui"},
    ),
    ("outlet_in_brackets", "Ambon (ANTARA) - Tim SAR mencari korban.", {"ambon"}),
    ("volcano_bare", "Warga lereng Merapi mengungsi ke balai desa.", {"merapi"}),
    (
        "volcano_bare_and_gunung_one_place",
        "Erupsi Sinabung kembali terjadi. Warga di kaki Gunung Sinabung mengungsi.",
        {"sinabung"},
    ),
    ("operation_name_no_mountain", "Personel dikerahkan dalam Operasi Ketupat Rinjani.", set()),
    ("initial_name_not_country", "Hadir Asisten II M Ali dan Kasi S Amoa.", set()),
    ("country_bare", "Perwakilan dari Mali dan Samoa hadir.", {"mali", "samoa"}),
    ("one_letter_official_name", "Warga Kecamatan X Koto Singkarak hadir.", {"xkotosingkarak"}),
    (
        "headline_pair_of_names",
        "Bedah Rumah di Asinua & Padangguni\n\nSatgas membangun rumah warga di Kabupaten Konawe.",
        {"asinua", "padangguni", "konawe"},
    ),
    (
        "headline_pair_of_words",
        "Harga Naik & Turun Lagi\n\nPasar di Kabupaten Konawe ramai.",
        {"konawe"},
    ),
    ("people_after_village", "Warga Desa Sukamaju, Suparman dan Budi ditangkap.", {"sukamaju"}),
    (
        "list_unconfirmed",
        "Bantuan ke desa Narumbi Ilao, Tamboru dan Walanda.",
        set(),
    ),
    (
        "people_after_kecamatan",
        "Ia tinggal di Kecamatan Cibeber, Pak Budi dan Ibu Ani datang.",
        {"cibeber"},
    ),
]


@pytest.mark.parametrize(("case_id", "text", "expected"), PLACES)
def test_places_round9(case_id, text, expected):
    assert keys(text) == expected
