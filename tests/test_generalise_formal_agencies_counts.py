"""Generalisation checks on FORMAL activity reports (headed forms typed by offices: DASAR /
PESERTA / HASIL sections, letterheads, Tembusan, signature blocks with NIP/NRP). Reports are
fictional, written for this test and annotated by hand per GUIDE.md. Agencies are compared as
score.py does (word-set F1 >= 0.5, one to one) via the helper of the web-post table."""

from __future__ import annotations

import pytest
from test_generalise_agencies_counts import agency_misses

from nlp import extract

R1 = """KEPOLISIAN NEGARA REPUBLIK INDONESIA
DAERAH JAWA TIMUR
RESOR PASURUAN
SEKTOR SUKOREJO

LAPORAN HASIL KEGIATAN
I. DASAR: Surat Perintah Kapolsek Sukorejo Nomor: Sprin/45/III/2019
II. PELAKSANAAN: Sabtu, 9 Maret 2019 pukul 08.00 WIB di Balai Desa Glagahsari.
III. PESERTA / YANG HADIR:
 1. Kapolsek Sukorejo beserta 5 (lima) anggota
 2. Danramil 0819/12 Sukorejo
 3. Kepala Desa Glagahsari beserta perangkat
 4. Warga masyarakat ± 75 orang
 Jumlah peserta : 30 (tiga puluh) orang
IV. HASIL: kegiatan berjalan aman dan lancar.

Pelapor,
BRIPKA AHMAD SUBEKTI
NRP 83051234
"""

R2 = """PEMERINTAH KABUPATEN SIDOARJO
DINAS SOSIAL
Jl. Jaksa Agung Suprapto No. 7 Telp. (031) 8941234

LAPORAN KEGIATAN
PENYALURAN BANTUAN SOSIAL KORBAN BANJIR

A. Dasar
   Surat Keputusan Bupati Sidoarjo Nomor 188/512/438.1.1.3/2020
B. Waktu dan Tempat
   Selasa, 11 Februari 2020, Kantor Kecamatan Tanggulangin
C. Sasaran
   Jumlah : 12 KK / 45 jiwa
D. Anggaran
   Rp 15.000.000,- (lima belas juta rupiah) dari APBD 2020

Mengetahui,
Kepala Dinas Sosial Kabupaten Sidoarjo

Drs. BUDI SANTOSO, M.Si
NIP. 19650812 199003 1 005
"""

R3 = """LAPORAN PELAKSANAAN KEGIATAN
SOSIALISASI PENCEGAHAN DEMAM BERDARAH

Pelaksana   : UPT Puskesmas Kraton
Hari/Tanggal: Kamis, 5 Desember 2019
Tempat      : Aula Kantor Desa Kalirejo
Peserta     : 40 (empat puluh) orang kader posyandu dan ibu-ibu PKK Desa Kalirejo
Narasumber  : dr. Siti Aminah (Dinas Kesehatan Kabupaten Pasuruan)

Tembusan:
1. Kepala Dinas Kesehatan Kabupaten Pasuruan
2. Camat Kraton
"""

R4 = """KOMANDO DISTRIK MILITER 0818
KOMANDO RAYON MILITER 0818/21 WAGIR

LAPORAN KEGIATAN KARYA BAKTI
1. Pada hari Rabu tanggal 17 Juli 2019 telah dilaksanakan karya bakti pembersihan
   saluran irigasi di Desa Sukodadi.
2. Kekuatan personel yang terlibat:
   a. Anggota Koramil 0818/21 Wagir : 8 orang
   b. Anggota Polsek Wagir : 4 orang
   c. Warga masyarakat : 60 orang
   Jumlah : 72 orang
3. Demikian laporan ini dibuat untuk menjadi periksa.

Danramil 0818/21 Wagir
Kapten Inf Heru Prasetyo NRP 11950023450872
"""

R5 = """NOTULEN RAPAT KOORDINASI
Hari/Tanggal : Senin, 14 Oktober 2019
Tempat       : Ruang Rapat Bappeda Kabupaten Malang
Yang hadir   :
No | Nama | Jabatan
1 | Ir. Joko Purnomo | Kepala Bappeda Kabupaten Malang
2 | Dra. Endang Wahyuni | Sekretaris Dinas Pendidikan Kabupaten Malang
3 | Agus Salim, S.H. | Kabid Rehabilitasi BPBD Kabupaten Malang
4 | Rina Marlina | Staf BPBD Kabupaten Malang
Jumlah yang hadir 4 orang (daftar hadir terlampir).
"""

R6 = """LAPORAN KEGIATAN
Nomor : 005/123/35.14.12.2001/2021

Yang bertanda tangan di bawah ini Kepala Desa Ngempit Kecamatan Kraton melaporkan bahwa
pada tanggal 20 Januari 2021 telah dilaksanakan Musyawarah Desa yang dihadiri oleh
Badan Permusyawaratan Desa (BPD), Ketua LPMD, Ketua TP PKK Desa Ngempit, Karang Taruna
Tunas Harapan dan tokoh masyarakat sejumlah 35 orang.
Kebutuhan konsumsi sebanyak 50 kotak dengan biaya Rp 750.000,-.
Hubungi 0812 3456 7890 untuk keterangan lebih lanjut.
"""

R7 = """BADAN PENANGGULANGAN BENCANA DAERAH
KABUPATEN LUMAJANG

LAPORAN SITUASI BENCANA ERUPSI
Waktu kejadian : Sabtu, 4 Desember 2021 pukul 15.00 WIB
Dampak:
- Korban meninggal dunia : 14 orang
- Korban luka-luka : 56 orang
- Pengungsi : 2.970 jiwa di 19 titik pengungsian
Upaya: BPBD Kabupaten Lumajang bersama TNI, Polri, Basarnas dan PMI Kabupaten Lumajang
melakukan evakuasi. Personel gabungan yang dikerahkan 350 personel.
"""

R8 = """SATUAN POLISI PAMONG PRAJA
KOTA SURABAYA

LAPORAN HASIL OPERASI PENERTIBAN
Dasar : Surat Perintah Kepala Satpol PP Kota Surabaya Nomor 800/1234/436.7.3/2022
Tanggal: 3 Maret 2022
Personel: 1 (satu) peleton = 30 personel, dibantu 2 anggota Polsek Genteng.
Hasil: terjaring 17 orang PKL dan 3 unit gerobak diamankan.
"""

R9 = """PEMERINTAH PROVINSI JAWA TENGAH
DINAS PENDIDIKAN DAN KEBUDAYAAN

LAPORAN KEGIATAN BIMBINGAN TEKNIS KURIKULUM
Peserta bimtek berjumlah 120 (seratus dua puluh) guru dari 40 sekolah, antara lain
SMA Negeri 1 Semarang dan SMK Negeri 3 Salatiga.
Panitia 12 orang. Kuota peserta 150 orang.
Kepala Bidang Pembinaan SMA
NIP 19700101 199501 1 001
"""

R10 = """LAPORAN PELAKSANAAN TUGAS
Kepada Yth. Kapolres Probolinggo
Dari : Kapolsek Kraksaan
Perihal: Laporan pengamanan ibadah Natal

1. Pada tanggal 25 Desember 2020 Polsek Kraksaan melaksanakan pengamanan ibadah di
   GKJW Kraksaan dengan melibatkan 15 personel Polsek dan 6 personel Koramil 0820/17
   Kraksaan serta 10 anggota Banser.
2. Jemaat yang hadir kurang lebih 200 orang.

Tembusan:
1. Kapolres Probolinggo
2. Kabag Ops Polres Probolinggo
"""

R11 = """KEMENTERIAN AGAMA REPUBLIK INDONESIA
KANTOR KEMENTERIAN AGAMA KABUPATEN JOMBANG
KANTOR URUSAN AGAMA KECAMATAN DIWEK

LAPORAN KEGIATAN BIMBINGAN PERKAWINAN
Dilaksanakan pada 8 Agustus 2022 di Aula KUA Kecamatan Diwek, diikuti 25 pasang calon
pengantin (50 orang).
"""

R12 = """RUMAH SAKIT UMUM DAERAH dr. SOEDONO MADIUN

LAPORAN BAKTI SOSIAL OPERASI KATARAK GRATIS
Kerja sama dengan Lions Club Madiun dan Persatuan Dokter Mata Indonesia (Perdami).
Jumlah pasien yang diperiksa : 230 orang
Jumlah pasien yang dioperasi : 85 orang
Tim medis terdiri dari 6 dokter dan 14 perawat.
Usia pasien 45 - 80 tahun.
"""

AGENCY_CASES = [
    # The police letterhead names each level of the hierarchy on its own line.
    pytest.param(
        R1,
        [
            "Kepolisian Negara Republik Indonesia",
            "Kepolisian Daerah Jawa Timur",
            "Kepolisian Resor Pasuruan",
            "Kepolisian Sektor Sukorejo",
        ],
        id="r1",
    ),
    pytest.param(R2, ["Pemerintah Kabupaten Sidoarjo", "Dinas Sosial Kabupaten Sidoarjo"], id="r2"),
    pytest.param(
        R3,
        ["UPT Puskesmas Kraton", "PKK Desa Kalirejo", "Dinas Kesehatan Kabupaten Pasuruan"],
        id="r3",
    ),
    pytest.param(
        R4,
        ["Komando Distrik Militer 0818", "Komando Rayon Militer 0818/21 Wagir", "Polsek Wagir"],
        id="r4",
    ),
    pytest.param(
        R5,
        ["Bappeda Kabupaten Malang", "Dinas Pendidikan Kabupaten Malang", "BPBD Kabupaten Malang"],
        id="r5",
    ),
    pytest.param(
        R6,
        [
            "Badan Permusyawaratan Desa",
            "LPMD",
            "TP PKK Desa Ngempit",
            "Karang Taruna Tunas Harapan",
        ],
        id="r6",
    ),
    pytest.param(
        R7,
        [
            # Gold name is the letterhead's long form, its name wrapped on to a second line
            # (alias `BPBD Kabupaten Lumajang`); the imported helper compares names only.
            "Badan Penanggulangan Bencana Daerah Kabupaten Lumajang",
            "TNI",
            "Polri",
            "Basarnas",
            "PMI Kabupaten Lumajang",
        ],
        id="r7",
    ),
    # Gold: "Satuan Polisi Pamong Praja Kota Surabaya" with alias "Satpol PP Kota Surabaya".
    pytest.param(R8, ["Satuan Polisi Pamong Praja Kota Surabaya", "Polsek Genteng"], id="r8"),
    pytest.param(
        R9,
        [
            "Pemerintah Provinsi Jawa Tengah",
            "Dinas Pendidikan dan Kebudayaan",
            "SMA Negeri 1 Semarang",
            "SMK Negeri 3 Salatiga",
            "Bidang Pembinaan SMA",
        ],
        id="r9",
    ),
    pytest.param(
        R10,
        [
            "Polsek Kraksaan",
            "GKJW Kraksaan",
            "Koramil 0820/17 Kraksaan",
            "Banser",
            "Polres Probolinggo",
        ],
        id="r10",
    ),
    pytest.param(
        R11,
        [
            "Kementerian Agama Republik Indonesia",
            "Kantor Kementerian Agama Kabupaten Jombang",
            "Kantor Urusan Agama Kecamatan Diwek",
        ],
        id="r11",
    ),
    # r12 guards the names found today; r12-club below records the known miss.
    pytest.param(
        R12,
        ["Rumah Sakit Umum Daerah dr. Soedono Madiun", "Persatuan Dokter Mata Indonesia"],
        id="r12",
    ),
    pytest.param(
        R12,
        [
            "Rumah Sakit Umum Daerah dr. Soedono Madiun",
            "Lions Club Madiun",
            "Persatuan Dokter Mata Indonesia",
        ],
        id="r12-club",
        marks=pytest.mark.xfail(reason="a club named with its head word second (`Lions Club`)"),
    ),
]

COUNT_CASES = [
    pytest.param(R1, {5, 75, 30}, id="r1"),
    pytest.param(R2, {12, 45}, id="r2"),
    pytest.param(R3, {40}, id="r3"),
    pytest.param(R4, {8, 4, 60, 72}, id="r4"),
    pytest.param(R5, {4}, id="r5"),
    pytest.param(R6, {35}, id="r6"),
    pytest.param(R7, {14, 56, 2970, 350}, id="r7"),
    pytest.param(R8, {30, 2, 17}, id="r8"),
    pytest.param(R9, {120, 12}, id="r9"),
    pytest.param(R10, {15, 6, 10, 200}, id="r10"),
    # couples count as households do (GUIDE: "120 KK"), and the people they make up too
    pytest.param(R11, {25, 50}, id="r11"),
    pytest.param(R12, {230, 85, 6, 14}, id="r12"),
    (
        "Peserta terdiri dari:\n- Laki-laki : 20 orang\n- Perempuan : 25 orang\nJumlah : 45 orang",
        {20, 25, 45},
    ),
    ("Kekuatan: 1 SST (30 personel) dipimpin Kasat Samapta.", {30}),
    ("Personel yang terlibat: Pa 2 orang, Ba 12 orang, PNS 1 orang", {2, 12, 1}),
    ("Jumlah KPM : 150 KPM\nDaftar hadir: 27 orang", {150, 27}),
    ("No. HP 081234567890, NRP 76030512, NIP 19800101 200501 1 002", set()),
    ("Surat Nomor Sprin / 45 / III / 2019 tentang pengamanan", set()),
    pytest.param(
        "Jumlah peserta : 45 orang (laki-laki 20, perempuan 25)",
        {45, 20, 25},
        marks=pytest.mark.xfail(reason="a breakdown written noun-first without a person noun"),
    ),
]


@pytest.mark.parametrize(("text", "gold"), AGENCY_CASES)
def test_formal_agencies(text: str, gold: list[str]) -> None:
    fp, fn = agency_misses(text, gold)
    assert (fp, fn) == ([], [])


@pytest.mark.parametrize(("text", "expected"), COUNT_CASES)
def test_formal_counts(text: str, expected: set[int]) -> None:
    assert {f.count for f in extract(text).participants} == expected
