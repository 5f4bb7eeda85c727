"""Generalisation checks, round 6 (agencies and participants), written for this file
(fictional events, real regions) and annotated per GUIDE.md before the extractor ran:
- a written-out office goes on with more field words (`Dinas Sosial Pemberdayaan Perempuan
  dan Perlindungan Anak`, `Kementerian Hukum dan HAM`, `Badan ..., Riset dan Inovasi
  Daerah`), and its contracted forms (`Dinsos P3A`, `Kemenkumham`) are the same office;
- a two-word acronym in brackets mid-name is passed over to the region after it;
- `SMAN 1 X` is `SMA Negeri 1 X`; `UPTD Puskesmas X` is `Puskesmas X` (not `UPTD PU`);
- a territorial name after a unit's number and slash may have two words (`Korem 102/Panju
  Panjung`, `Kodam I/Bukit Barisan`); a title-case headline verb (`Gelar`, `Lepas`) ends a name;
- regional offices of national bodies (`Kantor Pertanahan X`/`Kantah X`, `KPP Pratama X`);
- a table expansion may hold `kepada` (`Lembaga Penelitian dan Pengabdian kepada Masyarakat`);
- legal aid offices (`LBH X`) and fire-care groups (`Masyarakat Peduli Api`) are
  organisations."""

from __future__ import annotations

import pytest
from test_generalise_agencies_counts import agency_misses  # score.py's one-to-one match

from nlp import extract

AGENCY_CASES = [
    (
        "Dinas Sosial Pemberdayaan Perempuan dan Perlindungan Anak (Dinsos P3A) Kota Pontianak"
        " menyalurkan sembako. Kepala Dinsos P3A Kota Pontianak hadir.",
        ["Dinas Sosial Pemberdayaan Perempuan dan Perlindungan Anak Kota Pontianak"],
    ),
    (
        "Petugas Dinas Sosial Pemberdayaan Perempuan dan Perlindungan Anak (Dinsos P3A) Kota"
        " Pontianak dan Baznas Kota Pontianak membagikan paket.",
        [
            "Dinas Sosial Pemberdayaan Perempuan dan Perlindungan Anak Kota Pontianak",
            "Baznas Kota Pontianak",
        ],
    ),
    (
        "Kantor Wilayah Kementerian Hukum dan HAM Papua Barat menggelar pelatihan. Kanwil"
        " Kemenkumham Papua Barat mengundang tokoh adat.",
        ["Kantor Wilayah Kementerian Hukum dan HAM Papua Barat"],
    ),
    (
        "Pemerintah Kabupaten Sumbawa Barat melalui Badan Perencanaan Pembangunan, Riset dan"
        " Inovasi Daerah (Bapperida) menggelar Musrenbang.",
        [
            "Pemerintah Kabupaten Sumbawa Barat",
            "Badan Perencanaan Pembangunan, Riset dan Inovasi Daerah",
        ],
    ),
    (
        "Kepala SMAN 1 Sungailiat menyambut tim BNNK. Siswa SMA Negeri 1 Sungailiat antusias.",
        ["SMA Negeri 1 Sungailiat", "BNNK"],
    ),
    (
        "UPTD Puskesmas Wara menggelar posyandu lansia. Kepala Puskesmas Wara memantau.",
        ["UPTD Puskesmas Wara"],
    ),
    (
        "Narasumber berasal dari Pengadilan Negeri Manokwari dan LBH Papua Barat.",
        ["Pengadilan Negeri Manokwari", "LBH Papua Barat"],
    ),
    (
        "Personel Polres Pulang Pisau bergabung dengan Masyarakat Peduli Api (MPA) memadamkan api.",
        ["Polres Pulang Pisau", "Masyarakat Peduli Api"],
    ),
    (
        "Korem 102/Panju Panjung turut mengirim 100 prajurit bersama Kodim 1011/Kuala Kapuas.",
        ["Korem 102/Panju Panjung", "Kodim 1011/Kuala Kapuas"],
    ),
    (
        "Prajurit Kodam I/Bukit Barisan Kapten Inf Rahmat memimpin apel.",
        ["Kodam I/Bukit Barisan"],
    ),
    (
        "Kantor Pertanahan Kabupaten Subang menyerahkan sertifikat. Kepala Kantah Subang"
        " dan petugas KPP Pratama Subang hadir.",
        ["Kantor Pertanahan Kabupaten Subang", "KPP Pratama Subang"],
    ),
    (
        "Kantor Imigrasi Kelas I TPI Kendari dan Kantor Pelayanan Perbendaharaan Negara"
        " Kendari menggelar sosialisasi.",
        ["Kantor Imigrasi Kelas I TPI Kendari", "Kantor Pelayanan Perbendaharaan Negara Kendari"],
    ),
    (
        "Kepala Lembaga Penelitian dan Pengabdian kepada Masyarakat (LPPM) USK melepas"
        " mahasiswa. Ketua LPPM USK berpesan.",
        ["Lembaga Penelitian dan Pengabdian kepada Masyarakat USK"],
    ),
    # negative: two offices joined by `dan` stay two
    (
        "Dinas Sosial dan Dinas Kesehatan Kabupaten Malang meninjau posko.",
        ["Dinas Sosial", "Dinas Kesehatan Kabupaten Malang"],
    ),
    (
        "Kementerian Sosial dan Kementerian Agama menandatangani nota kesepahaman.",
        ["Kementerian Sosial", "Kementerian Agama"],
    ),
]


@pytest.mark.parametrize(("text", "gold"), AGENCY_CASES)
def test_agencies(text: str, gold: list[str]) -> None:
    assert agency_misses(text, gold) == ([], [])


@pytest.mark.parametrize(
    ("headline", "name"),
    [
        ("Kodam XIV/Hasanuddin Gelar Apel Kesiapsiagaan", "Kodam XIV/Hasanuddin"),
        ("Universitas Syiah Kuala Lepas 1.500 Mahasiswa KKN", "Universitas Syiah Kuala"),
        ("Polres Lombok Timur Amankan Tiga Pelaku Curanmor", "Polres Lombok Timur"),
    ],
)
def test_headline_verb_ends_name(headline: str, name: str) -> None:
    assert [a.text for a in extract(headline + "\n\nIsi berita.").agencies] == [name]


def test_upt_of_a_dinas_is_not_the_dinas() -> None:
    text = "Kepala UPTD Pengelolaan Jalan dan Kepala Dinas PUPR Kabupaten Sambas hadir."
    names = [a.name for a in extract(text).agencies]
    assert len(names) == 2


COUNT_CASES = [
    ("Pelatihan diikuti tiga puluh lima peserta dari unsur tokoh adat.", {35}),
    ("Sebanyak 15 relawan Tagana ikut membantu pendistribusian air.", {15}),
    ("Bantuan didistribusikan kepada 340 kepala keluarga.", {340}),
    ("Jumlah penduduk desa tersebut sebanyak 2.340 jiwa.", set()),
    ("Lokasi relokasi mampu menampung 200 pedagang.", set()),
]


@pytest.mark.parametrize(("text", "expected"), COUNT_CASES)
def test_counts(text: str, expected: set[int]) -> None:
    assert {p.count for p in extract(text).participants} == expected
