"""Generalisation checks, round 8 (agencies), from the kinds of phrasing met in real public
report pages; the sentences are written for this file (fictional events, real regions, other
units) and annotated per GUIDE.md:
- `Kementrian` (the common misspelling of `Kementerian`) heads a ministry's name and folds
  with the right spelling and its acronym (`Kemensos`);
- village and community halls (`Balai Kalurahan`, `Balai Banjar`, `Balai Pengajian`) are
  buildings, not offices;
- a unit number written with a spaced dash (`Koramil 0815 – 03/Mojosari`) is one number;
- one numbered unit with its territory once cut short (`.../Tulungagun`, `.../Tulungagung`)
  is one unit;
- `I`/`Ni` before a Balinese name element (`I Ketut`, `Ni Nyoman`) begins a person's name,
  not a Roman numeral of the unit;
- a person's titles (`Dr.`, `KH.`) after an organisation's own name or region end it
  (`RS Prof. Dr. X` is named after a person); `Kab.` with its full stop takes the region;
- `Kaur` right after a unit word is the regency in Bengkulu, elsewhere the village title;
- unit acronyms of disaster centres, civil-service and trade offices, customary bodies
  (`Pusdalops`, `BKPP`, `Disdagri`, `MDA`, `Bamus`, `MURI`, `STIK-PTIK`, `Pemko`); a cohort
  (`Angkatan 79`) ends a name;
- a unit word shared by a list of areas closed by `dan`/`serta` (`Polsek A, B, dan C`)
  names one unit per area;
- title words before a unit are not part of it: `Sekretaris Dewan DPRD X` names the DPRD,
  `Asisten/Stafsus (Presiden RI) Bidang X` is a portfolio (no unit);
- a region's own acronym in brackets (`Polda Nusa Tenggara Barat (NTB)`) defines no
  organisation;
- a news agency's own page (`Kota, Provinsi (ANTARA) -`, `\u00a9 ANTARA`) does not name it,
  and its photo credits (`ANTARA FOTO/...`, `ANTARA/HO-...`) name nothing;
- a head word after a street or area word (`Jl. Madrasah`, `Kecamatan Pesantren`) is that
  street's or area's name; `TTG` (a field) is no
  unit glued before an office;
- `Polsek Kota X` is the town's sector; `DPRD (Dewan Perwakilan Rakyat Daerah) Kota X` is one
  name; a two-word city written as one word (`Pangkalpinang`) is a region; after `Provinsi` only
  a province is; `X Kecamatan/Daerah` is a kind of body, not one; `persatuan NKRI` no
  organisation; `pemkab blitar` written small still names it (not in a credit, not with an
  everyday word: `polres batu`); `Lembaga Adat` alone is a category."""

from __future__ import annotations

import pytest

from nlp import extract


def names(text: str) -> list[str]:
    return sorted(a.name for a in extract(text).agencies if not a.inferred)


CASES = [
    # Kementrian
    ("Bantuan dari Kementrian Sosial RI tiba di posko.", ["Kementrian Sosial RI"]),
    (
        "Kementrian Agama Kabupaten Blitar menggelar doa bersama dengan Kemenag Blitar.",
        ["Kementrian Agama Kabupaten Blitar"],
    ),
    (
        "Paket sembako dari Kemensos disalurkan; Kementrian Sosial menyebut stok cukup.",
        ["Kementrian Sosial"],
    ),
    ("Warga menunggu kabar dari kementerian terkait.", []),
    # halls
    ("Rapat digelar di Balai Kalurahan Wukirsari, Kapanewon Imogiri.", []),
    ("Warga berkumpul di Balai Banjar Kaja untuk sosialisasi.", []),
    ("Pengajian rutin digelar di Balai Pengajian Kampung Blang Rimba.", []),
    (
        "Balai Pemasyarakatan Kelas II Kediri mendampingi klien.",
        ["Balai Pemasyarakatan Kelas II Kediri"],
    ),
    # spaced dash
    ("Anggota Koramil 0815 – 03/Mojosari melaksanakan patroli.", ["Koramil 0815 - 03/Mojosari"]),
    (
        "Koramil 0815 - 03/Mojosari dan Koramil 0815-03/Mojosari bersiaga.",
        ["Koramil 0815 - 03/Mojosari"],
    ),
    ("Yonif 512 - 40 orang personel diterjunkan.", ["Yonif 512"]),
    # a territory cut short
    (
        "Koramil 0807-05/Tulungagun memimpin kerja bakti. Koramil 0807-05/Tulungagung juga hadir.",
        ["Koramil 0807-05/Tulungagung"],
    ),
    (
        "Koramil 0807-05/Kauman dan Koramil 0807-06/Kauman bersiaga.",
        ["Koramil 0807-05/Kauman", "Koramil 0807-06/Kauman"],
    ),
    # Balinese names
    (
        "Kepala Kejaksaan Negeri Tabanan I Ketut Wirawan memberi arahan.",
        ["Kejaksaan Negeri Tabanan"],
    ),
    (
        "Kepala Dinas Sosial Kabupaten Karangasem Ni Nyoman Sari hadir.",
        ["Dinas Sosial Kabupaten Karangasem"],
    ),
    ("Lapas Kelas I Denpasar menggelar donor darah.", ["Lapas Kelas I Denpasar"]),
    ("Kodam I/Bukit Barisan menurunkan personel.", ["Kodam I/Bukit Barisan"]),
    # titles after the region
    (
        "Pengasuh Pondok Pesantren Nurul Huda Kediri Dr. KH. Mahfud Ali membuka acara.",
        ["Pondok Pesantren Nurul Huda Kediri"],
    ),
    ("Pasien dirujuk ke RSUD Dr. Iskak Tulungagung.", ["RSUD Dr. Iskak Tulungagung"]),
    (
        "Pimpinan Pondok Pesantren Nurul Iman KH. Abdul Rozak membuka acara.",
        ["Pondok Pesantren Nurul Iman"],
    ),
    ("Pasien dirujuk ke RS Prof. Dr. Margono Soekarjo.", ["RS Prof. Dr. Margono Soekarjo"]),
    ("Petugas Dinas Sosial Kab. Madiun mendata warga.", ["Dinas Sosial Kab. Madiun"]),
    # Kaur
    ("Personel Polres Kaur dan Pemkab Kaur membagikan masker.", ["Pemkab Kaur", "Polres Kaur"]),
    ("Kaur Keuangan Desa Sidomulyo menyerahkan laporan.", []),
    # acronyms
    (
        "Menurut Pusdalops BPBD Jabar, 30 rumah rusak ringan.",
        ["Pusdalops BPBD Jabar"],
    ),
    (
        "Personel Poldasu berjaga; Polda Sumatera Utara menurunkan 200 personel.",
        ["Polda Sumatera Utara"],
    ),
    ("Kepala BKPP Kabupaten Bogor melantik pejabat.", ["BKPP Kabupaten Bogor"]),
    ("Kepala Disdagri memantau harga cabai.", ["Disdagri"]),
    (
        "Bendesa adat dan MDA Kabupaten Tabanan membahas upacara.",
        ["MDA Kabupaten Tabanan"],
    ),
    ("Wali nagari dan Bamus membahas anggaran.", ["Bamus"]),
    (
        "Rekor tari massal itu dicatat Museum Rekor Indonesia (MURI).",
        ["Museum Rekor Indonesia"],
    ),
    ("Mahasiswa STIK-PTIK Angkatan 79 membantu warga.", ["STIK-PTIK"]),
    ("Ketua Kerapatan Adat Nagari (KAN) membuka rapat.", ["Kerapatan Adat Nagari"]),
    ("Pemko Sibolga membagikan bibit; Pemkot Sibolga juga.", ["Pemko Sibolga"]),
    ("Usulan itu disampaikan kepada Pemko untuk dibahas.", []),
    ("KAN SUDAH DIBILANG", []),
    # a unit word shared by a list of areas
    (
        "Kapolres memerintahkan Polsek Tumpang, Poncokusumo, dan Jabung berjaga.",
        ["Polsek Tumpang", "Polsek Poncokusumo", "Polsek Jabung"],
    ),
    (
        "Anggota Koramil Sleman, Mlati serta Gamping membantu warga.",
        ["Koramil Sleman", "Koramil Mlati", "Koramil Gamping"],
    ),
    ("Polsek Tumpang, Malang, mengamankan lokasi.", ["Polsek Tumpang"]),
    ("Polsek Tumpang, Senin dan Selasa berpatroli.", ["Polsek Tumpang"]),
    (
        "Polsek Tumpang, Camat Jabung dan warga bergotong royong.",
        ["Polsek Tumpang"],
    ),
    # titles before a unit
    ("Sekretaris Dewan DPRD Kabupaten Jember membacakan tata tertib.", ["DPRD Kabupaten Jember"]),
    ("Dewan Pendidikan Kabupaten Jember memberi masukan.", ["Dewan Pendidikan Kabupaten Jember"]),
    ("Stafsus Bidang Hukum dan Keamanan menghadiri rapat.", []),
    ("Asisten Bidang Perekonomian dan Pembangunan membuka rapat.", []),
    (
        "Asisten Bidang Pemerintahan dan Kesejahteraan Rakyat Setda Kota Batu hadir.",
        ["Setda Kota Batu"],
    ),
    (
        "Kepala Bidang Pemerintahan Bappeda Kota Batu hadir.",
        ["Bidang Pemerintahan Bappeda Kota Batu"],
    ),
    (
        "Pelatihan menggandeng Staf Khusus (Stafsus) Presiden RI Bidang Sosial dan Ekonomi.",
        [],
    ),
    # a region's acronym in brackets after a unit
    (
        "Polres Sumbawa Barat, Polda Nusa Tenggara Barat (NTB), menggelar bakti sosial.",
        ["Polres Sumbawa Barat", "Polda Nusa Tenggara Barat"],
    ),
    (
        "Badan Pusat Statistik (BPS) Provinsi Gorontalo merilis data.",
        ["Badan Pusat Statistik Provinsi Gorontalo"],
    ),
    # the news agency's own page and photo credits
    ("Petugas memadamkan api. ANTARA/HO-Humas Polres Bantul", []),
    (
        "Hal itu disampaikan Kepala BPBD Sleman kepada ANTARA, Senin. ANTARA FOTO/HO-BPBD Sleman",
        ["ANTARA", "BPBD Sleman"],  # (a photo credit alone does not make it the publisher)
    ),
    (
        "Bantul, DIY (ANTARA) - BPBD Bantul mencatat 40 rumah rusak, katanya kepada ANTARA.",
        ["BPBD Bantul"],
    ),
    ("Ia berbicara kepada ANTARA di Yogyakarta.\nCopyright \u00a9 ANTARA 2022", []),
    ("Bupati Sleman diwawancarai ANTARA dan TVRI di lokasi.", ["ANTARA", "TVRI"]),
    # a head word naming a street or an area
    ("Posko berada di Jl. Madrasah No. 4 Cilandak Jakarta Selatan.", []),
    ("Bantuan dibagikan di Kelurahan Tosaren Kecamatan Pesantren Kota Kediri.", []),
    (
        "Santri Pondok Pesantren Al Hikmah Kediri bermukim di Jalan Pahlawan.",
        ["Pondok Pesantren Al Hikmah Kediri"],
    ),
    # a joint platoon; a field's acronym before an office
    ("Kabid SDA / TTG DPMD Jambi membuka pelatihan.", ["DPMD Jambi"]),
    (
        "Dinas Pemberdayaan Masyarakat Desa (DPMD) Jambi membuka pelatihan. DPMD Jambi mencatat.",
        ["Dinas Pemberdayaan Masyarakat Desa Jambi"],
    ),
    # a town's police sector; an acronym spelled out in brackets; a region written as one word
    (
        "Personel Polsek Kota Sigli dan Polsek Bandar Baru berjaga.",
        ["Polsek Kota Sigli", "Polsek Bandar Baru"],
    ),
    ("Polsek Kota AKP Rudi memimpin apel.", ["Polsek"]),
    (
        "Anggota DPRD (Dewan Perwakilan Rakyat Daerah) Kota Pangkalpinang menggelar reses.",
        ["DPRD Kota Pangkalpinang"],
    ),
    (
        "Kepala Dinas PU Provinsi Cibeber Santoso meninjau jalan.",
        ["Dinas PU"],
    ),
    # a kind at either level; a not-organisation after a small word
    (
        "Musyawarah itu melibatkan Badan Permusyawaratan Kecamatan/Daerah dan warga.",
        [],
    ),
    ("Hoaks dapat memecah belah persatuan NKRI.", []),
    # a unit acronym and a region written small; a bare category
    ("Warga belum dibantu pemkot maupun pemkab blitar.", ["pemkab blitar"]),
    ("Bantuan pemkab sleman tiba. Pemkab Sleman menyatakan siap.", ["Pemkab Sleman"]),
    ("Bantuan dari pemkab setempat dan polres batu tiba.", []),
    ("Jalan segera diperbaiki. (ril humas pemprov jambi/ab)", []),
    ("Pelatihan itu menguatkan Lembaga Adat di nagari.", []),
    # the armed forces' branch written out
    ("Prajurit TNI AL dan TNI Angkatan Laut membantu.", ["TNI Angkatan Laut"]),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_agencies_round8(text: str, expected: list[str]) -> None:
    assert names(text) == sorted(expected)
