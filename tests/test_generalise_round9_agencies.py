"""Generalisation checks, round 9 (agencies), from the kinds of phrasing met in real public
report pages (prisons, immigration, election supervisors, prosecutors, navy bases, religious
affairs offices); the sentences are written for this file (fictional events, real regions,
other units) and annotated per GUIDE.md:
- `TP PKK (Pemberdayaan Kesejahteraan Keluarga) Kabupaten X`: the bracket spells out the last
  word of the acronym and stays inside the name;
- written-out forms of offices: `Cabang Dinas X Wilayah Y`, `Pusat Kesehatan Masyarakat X`
  (folds with `Puskesmas X`), `Kantor Wilayah` (folds with `Kanwil`), `Lapas Perempuan`;
- a unit of a regional religious affairs or civil-registry office is named by its fields
  (`Bidang Bimas Islam`, `Seksi Penyelenggaraan Haji dan Umrah`, `Bidang PIAK dan
  Pemanfaatan Data`) and goes on into its parent; `Bimas Islam Kemenag X` is one unit;
- acronyms of maritime and justice bodies: `Disnav`, `SROP`, `Pokja`, `Puspenkum`, `SDI`;
- `Badan Pengawas Pemilu X` folds with `Bawaslu X`;
- bare kinds name no organisation: `Pokja`, `Kelompok Kerja`, `Majelis Taklim`, `Kantor
  Wilayah`, `Kantor Imigrasi`, `Unit Pelaksana Teknis`, `Madrasah Aliyah`;
- a known acronym the text spells out as other words (`Pekerja Migran Indonesia (PMI)`)
  names no organisation in that text; a misspelt expansion is still the table's;
- an acronym the text defines for the area after a unit word (`Lanal X Y (XY)`) folds `Lanal
  XY` but names nothing alone; one word between a dateline's place and its dash is the
  outlet (`Kota, MA –`); lower-case `kelompok Desa X` is the village's group, no name;
- a navy base takes its town's name even where the town is no regency or kecamatan
  (`Lanal Ranai`), never a rank after it."""

from __future__ import annotations

import pytest

from nlp import extract


def names(text: str) -> list[str]:
    return sorted(a.name for a in extract(text).agencies if not a.inferred)


def groups(text: str) -> list[tuple[str, list[str]]]:
    return sorted((a.name, sorted(a.aliases)) for a in extract(text).agencies if not a.inferred)


CASES = [
    # the bracket spells out the acronym's last word
    (
        "Ketua TP PKK (Pemberdayaan Kesejahteraan Keluarga) Kabupaten Sragen membuka lomba.",
        ["TP PKK Kabupaten Sragen"],
    ),
    (
        "Kader TP PKK (Tim Penggerak PKK) Kota Madiun hadir.",
        ["TP PKK Kota Madiun"],
    ),
    # written-out offices
    (
        "Guru dari Cabang Dinas Pendidikan Wilayah VII Provinsi Jawa Tengah ikut pelatihan.",
        ["Cabang Dinas Pendidikan Wilayah VII Provinsi Jawa Tengah"],
    ),
    ("Pengurus cabang dinas tidak hadir.", ["Pengurus cabang dinas"]),
    (
        "Vaksinasi digelar di Pusat Kesehatan Masyarakat Tanjung Karang pagi ini.",
        ["Pusat Kesehatan Masyarakat Tanjung Karang"],
    ),
    (
        "Warga binaan Lapas Perempuan Kelas III Palu belajar menjahit.",
        ["Lapas Perempuan Kelas III Palu"],
    ),
    ("Surat dikirim ke kantor wilayah setempat oleh warga.", []),
    ("Keputusan Kepala Kantor Wilayah Tentang Pembentukan Tim dibacakan.", []),
    (
        "Tim dari Kantor Wilayah Kementerian Hukum dan HAM Lampung datang.",
        ["Kantor Wilayah Kementerian Hukum dan HAM Lampung"],
    ),
    # units of a religious affairs or civil-registry office
    (
        "Kepala Bidang Bimbingan Masyarakat Islam Kantor Wilayah Kementerian Agama Provinsi Riau"
        " hadir.",
        ["Bidang Bimbingan Masyarakat Islam Kantor Wilayah Kementerian Agama Provinsi Riau"],
    ),
    (
        "Kepala Seksi Penyelenggaraan Haji dan Umrah Kemenag Kota Bogor memberi materi.",
        ["Seksi Penyelenggaraan Haji dan Umrah Kemenag Kota Bogor"],
    ),
    (
        "Kepala Bidang PIAK dan Pemanfaatan Data Dinas Kependudukan dan Pencatatan Sipil Kota"
        " Medan menjelaskan.",
        ["Bidang PIAK dan Pemanfaatan Data Dinas Kependudukan dan Pencatatan Sipil Kota Medan"],
    ),
    # maritime and justice acronyms
    (
        "Pangkalan PSDKP Bitung bersama DISNAV Bitung dan SROP Bitung menggelar latihan.",
        ["DISNAV Bitung", "PSDKP Bitung", "SROP Bitung"],
    ),
    (
        "Rapat Kelompok Kerja (Pokja) Kampung Iklim diadakan di balai.",
        ["Kelompok Kerja Kampung Iklim"],
    ),
    ("Ketua Pokja hadir bersama anggota.", []),
    ("Kelompok Kerja membahas data warga.", []),
    ("Peran Majelis Taklim sangat penting bagi umat.", []),
    (
        "Ibu-ibu Majelis Taklim Al Hidayah Desa Sukamaju mengaji.",
        ["Majelis Taklim Al Hidayah Desa Sukamaju"],
    ),
    (
        "Siswa Sekolah Dasar Islam (SDI) Al-Hikmah Jombang berkunjung ke kantor.",
        ["Sekolah Dasar Islam Al-Hikmah Jombang"],
    ),
    # bare kinds
    ("Lapas ini merupakan Unit Pelaksana Teknis yang bertugas membina.", ["Lapas"]),
    ("Program digelar di SMA, SMK, dan Madrasah Aliyah.", []),
    # (an office without a name is the institution itself: `Imigrasi`, Ditjen Imigrasi)
    ("Jarak desa ke Kantor Imigrasi cukup jauh.", ["Imigrasi"]),
    # an acronym spelled out as other words
    (
        "Warga yang bekerja sebagai Pekerja Migran Indonesia (PMI) diimbau waspada. Banyak PMI"
        " berangkat tanpa prosedur.",
        [],
    ),
    (
        "Relawan Palang Merah Indonesia (PMI) Kota Bogor membantu. PMI menyiapkan ambulans.",
        ["Palang Merah Indonesia Kota Bogor"],
    ),
    ("Petugas PMI Kabupaten Garut berjaga.", ["PMI Kabupaten Garut"]),
    # an area's acronym after a unit word; a dateline's outlet; a village's group
    (
        "Patroli Lanal Tanjungbalai Asahan (TBA) berlangsung. Danlanal TBA memimpin. Lanal TBA"
        " siaga.",
        ["Lanal Tanjungbalai Asahan"],
    ),
    (
        "Lembaga Kajian Desa (LKD) Sukamaju menggelar rapat. LKD mengundang warga.",
        ["Lembaga Kajian Desa Sukamaju"],
    ),
    (
        "Judul berita\nBanjarnegara, MA – Kantor Imigrasi Kelas I TPI Cilacap menggelar sosialisasi.",
        ["Kantor Imigrasi Kelas I TPI Cilacap"],
    ),
    ("Kemarin di Garut, BPBD – bersama relawan – bergerak.", ["BPBD"]),
    ("Termasuk kelompok Desa Mulyoasri Kecamatan Ampelgading tiba di balai.", []),
    ("Anggota kelompok tani Sido Makmur hadir.", ["kelompok tani Sido Makmur"]),
    # navy bases named after their town
    ("Prajurit Lanal Ranai membersihkan pantai.", ["Lanal Ranai"]),
    ("Komandan Lanal Dabo Singkep meninjau lokasi.", ["Lanal Dabo Singkep"]),
    ("Personel Lanal Kolonel Laut Budi hadir.", ["Lanal"]),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_round9_agencies(text: str, expected: list[str]) -> None:
    assert names(text) == sorted(expected)


FOLDS = [
    (
        "Vaksinasi di Puskesmas Tanjung Karang. Kepala Pusat Kesehatan Masyarakat Tanjung Karang"
        " menjelaskan.",
        [("Pusat Kesehatan Masyarakat Tanjung Karang", ["Puskesmas Tanjung Karang"])],
    ),
    (
        "Pejabat Kanwil Kemenag Provinsi Riau hadir. Kantor Wilayah Kementerian Agama Provinsi"
        " Riau mendukung.",
        [("Kantor Wilayah Kementerian Agama Provinsi Riau", ["Kanwil Kemenag Provinsi Riau"])],
    ),
    (
        "Komisioner Bawaslu Pasaman Barat hadir. Badan Pengawas Pemilu Kabupaten Pasaman Barat"
        " mengajak warga.",
        [("Badan Pengawas Pemilu Kabupaten Pasaman Barat", ["Bawaslu Pasaman Barat"])],
    ),
    (
        "Kepala Puspenkum Kejagung menyampaikan. Kejagung melalui Pusat Penerangan Hukum"
        " (Puspenkum) menerima tamu.",
        [("Kejagung", []), ("Pusat Penerangan Hukum", ["Puspenkum", "Puspenkum Kejagung"])],
    ),
    ("Jemaat Gereha Methodis Indonesia (GMI) hadir.", [("GMI", [])]),
]


@pytest.mark.parametrize(("text", "expected"), FOLDS)
def test_round9_agency_folds(text: str, expected: list[tuple[str, list[str]]]) -> None:
    assert groups(text) == sorted(expected)
