"""Generalisation checks, round 3: agencies on report snippets written for this test
(fictional events, real public agency names in invented local combinations), annotated by
hand per GUIDE.md. Each case stands for a KIND of phrasing: faculty acronyms before a
university's, a number before a head word (a count of units, not one unit), misspelt field
words, generic categories written `se-<region>`, title phrases with `Bidang`, field words in
lower case, `Humas` units, joint teams named by their task, regency abbreviations, fused
titles written in two words, lower-case `pemerintah` before a bare place. Compared as score.py
does: one-to-one by word-set F1 >= 0.5."""

from __future__ import annotations

import pytest
from test_generalise_agencies_counts import agency_misses  # score.py's one-to-one match

from nlp import extract


def names(text: str) -> list[str]:
    return [a.name for a in extract(text).agencies if not a.inferred]


CASES = [
    # --- a faculty (or other unit) acronym before a university's acronym
    (
        "Universitas Syiah Kuala (USK) dan FKIP USK menggelar seminar literasi di Banda Aceh.",
        ["Universitas Syiah Kuala", "FKIP USK"],
    ),
    (
        "Tim pengabdian dari FISIP Unhas dan FH Unhas mendampingi warga Desa Bontomarannu.",
        ["FISIP Unhas", "FH Unhas"],
    ),
    (
        "Universitas Muhammadiyah Sumatera Utara (UMSU) melalui dosen FEB UMSU melatih pelaku "
        "usaha di Kota Binjai.",
        ["Universitas Muhammadiyah Sumatera Utara", "FEB UMSU"],
    ),
    (
        "Mahasiswa Politeknik Negeri Jakarta melaksanakan praktik kerja di PT Angkasa Pura II.",
        ["Politeknik Negeri Jakarta", "PT Angkasa Pura II"],
    ),
    # --- a number before the head word: a count of units or things, not one organisation
    (
        "Polres Sikka menyerahkan dua unit sepeda motor kepada Polsek Paga, Senin (3/3/2025).",
        ["Polres Sikka", "Polsek Paga"],
    ),
    (
        "Wakil Bupati meresmikan tiga Satuan Pelayanan Pemenuhan Gizi di Kota Jayapura yang "
        "dibangun bersama Badan Gizi Nasional.",
        ["Badan Gizi Nasional"],
    ),
    (
        "Sebanyak 4 Unit Pelayanan Teknis baru mulai beroperasi, kata Kepala BPBD Kabupaten Sigi.",
        ["BPBD Kabupaten Sigi"],
    ),
    ("Kapolres menyerahkan 20 Unit Rumah Layak Huni kepada warga Kabupaten Asmat.", []),
    # --- a misspelt field word: one organisation written two ways
    (
        "Dinas Pemberdayaan Masyarakat dan Desa Kabupaten Kapuas menggelar pelatihan. Kepala "
        "Dinas Pemberdayan Masyarakat dan Desa membuka acara.",
        ["Dinas Pemberdayaan Masyarakat dan Desa Kabupaten Kapuas"],
    ),
    (
        "Dinas Kesehatan Kota Ambon bersama Puskesmas Rijali melakukan vaksinasi. Petugas "
        "Dinas Kesehtan Kota Ambon mencatat hasilnya.",
        ["Dinas Kesehatan Kota Ambon", "Puskesmas Rijali"],
    ),
    (
        "Dinas Pertanian dan Dinas Perikanan Kabupaten Lamongan memberikan bibit.",
        ["Dinas Pertanian", "Dinas Perikanan Kabupaten Lamongan"],
    ),
    # --- a generic category, also with se-<region>
    (
        "Ketua TP PKK Kabupaten Kepulauan Sangihe membuka pelatihan bagi organisasi wanita "
        "se-Kabupaten Kepulauan Sangihe.",
        ["TP PKK Kabupaten Kepulauan Sangihe"],
    ),
    ("Pelatihan Kepemimpinan Organisasi Wanita Se-Kota Ternate resmi dibuka.", []),
    ("Perwakilan Organisasi Kepemudaan se-Kabupaten Gowa mengikuti dialog kebangsaan.", []),
    # --- title phrases with `Bidang`: a position, not a unit
    (
        "Deputi Bidang Pencegahan BNN RI meninjau kegiatan sosialisasi di Kota Tarakan.",
        ["BNN RI"],
    ),
    (
        "Staf Ahli Bidang Hukum Kementerian Dalam Negeri menjadi narasumber di Kota Kendari.",
        ["Kementerian Dalam Negeri"],
    ),
    (
        "Asisten Bidang Pemerintahan Setda Kabupaten Sorong membuka rapat koordinasi.",
        ["Setda Kabupaten Sorong"],
    ),
    ("Menteri Koordinator Bidang Pangan meninjau gudang beras di Kabupaten Merauke.", []),
    # --- field words written in lower case or read as other words (`Ruang`)
    (
        "Kepala Dinas Lingkungan hidup Kota Palu meninjau tempat pembuangan sampah.",
        ["Dinas Lingkungan Hidup Kota Palu"],
    ),
    (
        "Dinas Pekerjaan Umum dan Tata Ruang Kabupaten Bone memperbaiki jembatan.",
        ["Dinas Pekerjaan Umum dan Tata Ruang Kabupaten Bone"],
    ),
    (
        "Rapat dihadiri Dinas Cipta Karya dan Tata Ruang Kota Kendari serta Dinas Perhubungan.",
        ["Dinas Cipta Karya dan Tata Ruang Kota Kendari", "Dinas Perhubungan"],
    ),
    # --- `Humas` inside a unit's name
    (
        "Bidang Humas Polda Kalimantan Tengah merilis hasil operasi ketupat.",
        ["Bidang Humas Polda Kalimantan Tengah"],
    ),
    ("Siaran pers Divisi Humas Polri menyebutkan jumlah pemudik naik.", ["Divisi Humas Polri"]),
    ("Humas Polres Mimika menyampaikan imbauan kepada warga.", ["Polres Mimika"]),
    # --- a joint team named by its task; `team` written in English
    (
        "Tim gabungan Penertiban Reklame Kota Medan menurunkan 40 baliho.",
        ["Tim gabungan Penertiban Reklame Kota Medan"],
    ),
    (
        "Kadis PUPR memantau jalan bersama team Saber Pungli Kabupaten Bima, Rabu (5/2/2025).",
        ["team Saber Pungli Kabupaten Bima"],
    ),
    ("Tim gabungan dari TNI, Polri dan BPBD menyisir sungai.", ["TNI", "Polri", "BPBD"]),
    # --- regency abbreviations and everyday names of regions
    (
        "Pemkab Kukar bersama Polres HSU dan Polres Kutim menggelar operasi pasar.",
        ["Pemkab Kukar", "Polres HSU", "Polres Kutim"],
    ),
    (
        "Polres HSU menerima kunjungan. Kapolres menyebut Polres Hulu Sungai Utara siap.",
        ["Polres Hulu Sungai Utara"],
    ),
    (
        "Dinas Sosial Kabupaten TTS menyalurkan beras. Dinsos Timor Tengah Selatan mencatat "
        "penerima.",
        ["Dinas Sosial Kabupaten TTS"],
    ),
    # --- a fused title written in two words
    ("Kasat Pol PP Kota Kupang memimpin penertiban pedagang.", []),
    ("Kasat Reskrim Polres Alor menjelaskan kronologi kejadian.", ["Polres Alor"]),
    # --- lower-case `pemerintah` before a bare place: the government in general
    ("Warga mengapresiasi upaya pemerintah Ambon menata pasar tradisional.", []),
    (
        "Program ini didukung pemerintah Kabupaten Gowa dan Dinas Koperasi.",
        ["pemerintah Kabupaten Gowa", "Dinas Koperasi"],
    ),
    (
        "Bantuan disalurkan pemerintah pusat melalui pemerintah daerah Kabupaten Toba.",
        ["pemerintah daerah Kabupaten Toba"],
    ),
    ("Kegiatan ini didukung pemerintah daerah setempat.", []),
    # --- a facility named after its unit
    (
        "Tersangka ditahan di Rutan Polres Lombok Timur. Polres Lombok Timur masih mendalami.",
        ["Polres Lombok Timur"],
    ),
    # --- an unknown acronym before a kecamatan, kelurahan or village names its local body
    (
        "Ketua FKPM Kelurahan Bugis dan pengurus LKD Desa Oebelo hadir dalam musyawarah.",
        ["FKPM Kelurahan Bugis", "LKD Desa Oebelo"],
    ),
    ("HUT Kecamatan Tanjung Raja ke-50 dimeriahkan pawai budaya.", []),
    ("Penyusunan APBDes Desa Mekar Jaya dibahas bersama BPD.", ["BPD"]),
    ("KALI MERANTI MELUAP, WARGA KECAMATAN TEBING TINGGI MENGUNGSI", []),
    # --- a legislature's own bodies written after its name
    (
        "Rombongan DPRD Provinsi Maluku Komisi III meninjau pelabuhan Tulehu.",
        ["DPRD Provinsi Maluku Komisi III"],
    ),
    (
        "Anggota Komisi IX DPR RI meninjau RSUD Kabupaten Sumba Barat.",
        ["Komisi IX DPR RI", "RSUD Kabupaten Sumba Barat"],
    ),
    # --- generic local government words
    ("Babinsa berkoordinasi dengan Pemerintahan Desa serta Kecamatan setempat.", []),
    ("Kanit Reskrim Polsek Abepura memeriksa dua saksi.", ["Polsek Abepura"]),
    # --- more styles: village, company, formal letter, community, police release
    (
        "Pemerintah Desa Lamahala bersama BUMDes Lamahala Jaya dan Karang Taruna menggelar kerja "
        "bakti.",
        ["Pemerintah Desa Lamahala", "BUMDes Lamahala Jaya", "Karang Taruna"],
    ),
    (
        "PT Pelabuhan Indonesia (Persero) Regional 4 menyalurkan bantuan melalui Yayasan Peduli "
        "Anak Sulawesi.",
        ["PT Pelabuhan Indonesia (Persero) Regional 4", "Yayasan Peduli Anak Sulawesi"],
    ),
    (
        "Dasar: Surat Kepala Badan Kesatuan Bangsa dan Politik Provinsi Jambi Nomor "
        "400/123/Kesbangpol tanggal 3 Mei 2024.",
        ["Badan Kesatuan Bangsa dan Politik Provinsi Jambi"],
    ),
    (
        "Pengurus Cabang Nahdlatul Ulama Kabupaten Pidie Jaya dan Pimpinan Daerah Muhammadiyah "
        "Kota Sorong menandatangani nota kesepahaman.",
        [
            "Pengurus Cabang Nahdlatul Ulama Kabupaten Pidie Jaya",
            "Pimpinan Daerah Muhammadiyah Kota Sorong",
        ],
    ),
    (
        "Sebanyak 40 personel Polres Halmahera Utara dan 15 anggota Kodim 1508/Tobelo dikerahkan.",
        ["Polres Halmahera Utara", "Kodim 1508/Tobelo"],
    ),
    ("Kegiatan diikuti 3 Polsek jajaran dan sejumlah Puskesmas.", []),
    (
        "Mahasiswa KKN Universitas Pattimura (Unpatti) membantu kader Posyandu Mawar.",
        ["Universitas Pattimura", "Posyandu Mawar"],
    ),
    # --- police and military staff units and corps written as one word
    (
        "Personel Satbrimob Polda Aceh bersama Tim SAR Gabungan dan Basarnas Banda Aceh "
        "mencari korban.",
        ["Satbrimob Polda Aceh", "Basarnas Banda Aceh"],
    ),
    (
        "Anggota Linmas Desa Tegalrejo membantu PPS Desa Tegalrejo menyiapkan tempat pemungutan.",
        ["Linmas Desa Tegalrejo", "PPS Desa Tegalrejo"],
    ),
    # --- a city's own police unit named `<Region> Kota`
    (
        "Personel Polres Kupang Kota dan Polsek Alak mengamankan ibadah Paskah.",
        ["Polres Kupang Kota", "Polsek Alak"],
    ),
    # --- an organisation's regional office (`Perwakilan`, `Cabang`) before the region
    (
        "Bank Indonesia Perwakilan Provinsi Maluku bersama OJK Maluku menggelar edukasi keuangan.",
        ["Bank Indonesia Perwakilan Provinsi Maluku", "OJK Maluku"],
    ),
    (
        "Himpunan Mahasiswa Islam (HMI) Cabang Kendari berdiskusi dengan BPKP Perwakilan "
        "Sulawesi Tenggara.",
        ["Himpunan Mahasiswa Islam Cabang Kendari", "BPKP Perwakilan Sulawesi Tenggara"],
    ),
    ("Perwakilan Dinas Sosial Kabupaten Jember hadir.", ["Dinas Sosial Kabupaten Jember"]),
    # --- negatives: titles, roles, buildings, events, people
    ("Bupati Merauke, Camat Semangga dan Lurah Kamundu meninjau banjir.", []),
    ("Upacara HUT Bhayangkara ke-79 digelar di Lapangan Merdeka.", []),
    ("Sebanyak 15 unit rumah rusak diterjang banjir di Kabupaten Aceh Utara.", []),
    ("Para kepala desa se-Kecamatan Tanah Merah hadir dalam rapat.", []),
]


@pytest.mark.parametrize(("text", "gold"), CASES)
def test_agencies_round3(text: str, gold: list[str]) -> None:
    fp, fn = agency_misses(text, gold)
    assert (fp, fn) == ([], [])


# Folding: one organisation written two ways is one entry (name: its fullest form).
FOLD_CASES = [
    (
        "Dinas Kesehatan Kota Ambon bersama Puskesmas Rijali melakukan vaksinasi. Petugas "
        "Dinas Kesehtan Kota Ambon mencatat hasilnya.",
        2,
    ),
    ("Polres HSU menerima kunjungan. Kapolres menyebut Polres Hulu Sungai Utara siap.", 1),
    ("Dinas Pertanian dan Dinas Pertamanan Kota Bogor menanam pohon.", 2),
    ("Personel Polsek Bantul dan Polsek Bantur mengikuti apel gabungan.", 2),
]


@pytest.mark.parametrize(("text", "count"), FOLD_CASES)
def test_one_entry_per_organisation(text: str, count: int) -> None:
    assert len(names(text)) == count, names(text)
