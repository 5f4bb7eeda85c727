"""Generalisation checks, round 4: agencies on report snippets written for this test
(fictional events, real public agency names in invented local combinations), annotated by
hand per GUIDE.md. Kinds: health posts (Pustu, Polindes, Posbindu, RSUD named after a
person), schools and madrasahs (a bare `MA` as a name), religious bodies (Kemenag, KUA,
Baznas, IPHI), village bodies (BPD, LPM, BUMDes, Linmas), state companies and bank branches,
courts and prosecutors (`PN X`), military units with slashed numbers (`Denpom V/3`), police
sub-units and posts (Polsubsektor, Pos Lantas), national agencies and their stations,
NGOs; negatives: titles, roles, rooms (`Aula Polres`), anniversaries (`HUT PGRI ke-79`),
generic `pihak sekolah`, person names, credit lines. Compared as score.py does: one-to-one
by word-set F1 >= 0.5."""

from __future__ import annotations

import pytest
from test_generalise_agencies_counts import agency_misses  # score.py's one-to-one match

CASES = [
    (
        "Dinkes Kabupaten Lumajang bersama Puskesmas Pembantu Sumberwuluh menggelar posyandu lansia.",
        ["Dinkes Kabupaten Lumajang", "Puskesmas Pembantu Sumberwuluh"],
    ),
    (
        "Pasien dirujuk ke RSUD dr. Iskak Tulungagung setelah diperiksa di Puskesmas Kauman.",
        ["RSUD dr. Iskak Tulungagung", "Puskesmas Kauman"],
    ),
    (
        "Kader Posyandu Melati Desa Karangsari menimbang 45 balita didampingi bidan desa.",
        ["Posyandu Melati Desa Karangsari"],
    ),
    (
        "Pustu Wonorejo dan Polindes Sidomulyo membuka layanan imunisasi bagi anak.",
        ["Pustu Wonorejo", "Polindes Sidomulyo"],
    ),
    (
        "Petugas Dinas Kesehatan Provinsi Nusa Tenggara Barat memantau kasus DBD di Lombok Timur.",
        ["Dinas Kesehatan Provinsi Nusa Tenggara Barat"],
    ),
    (
        "Tim medis RS Bhayangkara Kediri dan Klinik Pratama Polres Blitar memeriksa kesehatan personel.",
        ["RS Bhayangkara Kediri", "Klinik Pratama Polres Blitar"],
    ),
    (
        "Siswa SDN 3 Kepanjen dan MTsN 2 Malang mengikuti lomba cerdas cermat.",
        ["SDN 3 Kepanjen", "MTsN 2 Malang"],
    ),
    (
        "Dinas Pendidikan dan Kebudayaan Kabupaten Ngawi menyalurkan bantuan seragam ke SMP Negeri 1 Paron.",
        ["Dinas Pendidikan dan Kebudayaan Kabupaten Ngawi", "SMP Negeri 1 Paron"],
    ),
    (
        "Guru MI Miftahul Huda Sukodono dan siswa SMK Negeri 2 Sragen menanam pohon bersama.",
        ["MI Miftahul Huda Sukodono", "SMK Negeri 2 Sragen"],
    ),
    (
        "Kepala SMAN 1 Bojonegoro mengatakan pihak sekolah mendukung penuh program tersebut.",
        ["SMAN 1 Bojonegoro"],
    ),
    (
        "Mahasiswa KKN Universitas Jember membantu Pondok Pesantren Nurul Jadid mengelola sampah.",
        ["Universitas Jember", "Pondok Pesantren Nurul Jadid"],
    ),
    (
        "Kemenag Kabupaten Pati melalui KUA Kecamatan Juwana menggelar bimbingan perkawinan.",
        ["Kemenag Kabupaten Pati", "KUA Kecamatan Juwana"],
    ),
    (
        "Baznas Kabupaten Sumenep menyalurkan zakat produktif kepada 30 mustahik.",
        ["Baznas Kabupaten Sumenep"],
    ),
    (
        "MUI Kecamatan Gondanglegi bersama PCNU Kabupaten Malang menggelar doa bersama.",
        ["MUI Kecamatan Gondanglegi", "PCNU Kabupaten Malang"],
    ),
    (
        "Pengurus Masjid Agung Al-Falah dan Pimpinan Daerah Muhammadiyah Kota Blitar menyerahkan hewan kurban.",
        ["Pimpinan Daerah Muhammadiyah Kota Blitar"],
    ),
    (
        "Musyawarah desa dihadiri BPD Desa Tegalrejo, LPM dan Karang Taruna Desa Tegalrejo.",
        ["BPD Desa Tegalrejo", "LPM", "Karang Taruna Desa Tegalrejo"],
    ),
    (
        "BUMDes Maju Bersama menyerahkan hasil usaha kepada Pemerintah Desa Ngadirejo.",
        ["BUMDes Maju Bersama", "Pemerintah Desa Ngadirejo"],
    ),
    (
        "Ibu-ibu TP PKK Desa Sumberagung dan anggota Linmas ikut kerja bakti membersihkan saluran.",
        ["TP PKK Desa Sumberagung", "Linmas"],
    ),
    ("Kepala Desa Wonokerto bersama perangkat desa dan Babinsa meninjau jalan rusak.", []),
    (
        "PT PLN (Persero) UP3 Madiun memasang sambungan listrik gratis bagi warga kurang mampu.",
        ["PT PLN (Persero) UP3 Madiun"],
    ),
    (
        "Nasabah BRI Unit Wlingi dan Bank BJB Cabang Garut menerima sosialisasi keamanan transaksi.",
        ["BRI Unit Wlingi", "Bank BJB Cabang Garut"],
    ),
    (
        "Bank Jatim Cabang Lamongan dan Pegadaian Cabang Babat membuka stan di alun-alun.",
        ["Bank Jatim Cabang Lamongan", "Pegadaian Cabang Babat"],
    ),
    (
        "Kejari Tuban melimpahkan berkas perkara ke Pengadilan Negeri Tuban pekan ini.",
        ["Kejari Tuban", "Pengadilan Negeri Tuban"],
    ),
    (
        "Pengadilan Agama Bangil mencatat 120 perkara perceraian, kata panitera.",
        ["Pengadilan Agama Bangil"],
    ),
    (
        "Jaksa dari Kejaksaan Negeri Gresik membacakan tuntutan di PN Gresik.",
        ["Kejaksaan Negeri Gresik", "PN Gresik"],
    ),
    (
        "Kodim 0812/Lamongan bersama Koramil 0812-05 Babat menggelar karya bakti.",
        ["Kodim 0812/Lamongan", "Koramil 0812-05 Babat"],
    ),
    (
        "Prajurit Yonif 500/Sikatan dan personel Lanal Banyuwangi mengikuti latihan gabungan.",
        ["Yonif 500/Sikatan", "Lanal Banyuwangi"],
    ),
    ("Lanud Iswahjudi menggelar bakti sosial di Kabupaten Magetan.", ["Lanud Iswahjudi"]),
    ("Satlantas Polres Jombang memasang rambu di jalur mudik.", ["Satlantas Polres Jombang"]),
    (
        "Satresnarkoba Polres Probolinggo mengamankan dua pengedar sabu.",
        ["Satresnarkoba Polres Probolinggo"],
    ),
    (
        "Anggota Polsubsektor Tirtoyudo dan petugas Pos Lantas Karanglo membantu pengendara.",
        ["Polsubsektor Tirtoyudo", "Pos Lantas Karanglo"],
    ),
    ("BNPB dan BMKG mengingatkan potensi cuaca ekstrem di wilayah selatan Jawa.", ["BNPB", "BMKG"]),
    (
        "Basarnas Surabaya mengerahkan tim SAR gabungan untuk mencari nelayan hilang.",
        ["Basarnas Surabaya"],
    ),
    (
        "BPOM di Surabaya dan BKKBN Provinsi Jawa Timur menggelar kampanye gizi.",
        ["BPOM", "BKKBN Provinsi Jawa Timur"],
    ),
    (
        "BPJS Kesehatan Cabang Jember mensosialisasikan program JKN kepada perangkat desa.",
        ["BPJS Kesehatan Cabang Jember"],
    ),
    (
        "Relawan PMI Kabupaten Kediri dan Tagana Jawa Timur mendirikan dapur umum.",
        ["PMI Kabupaten Kediri", "Tagana Jawa Timur"],
    ),
    (
        "Gapoktan Sumber Makmur dan KWT Mawar Desa Pandanrejo mengikuti pelatihan pupuk organik.",
        ["Gapoktan Sumber Makmur", "KWT Mawar Desa Pandanrejo"],
    ),
    (
        "Komunitas Peduli Sungai Brantas bersama Walhi Jawa Timur membersihkan bantaran kali.",
        ["Komunitas Peduli Sungai Brantas", "Walhi Jawa Timur"],
    ),
    ("Upacara HUT Bhayangkara ke-78 digelar di Aula Polres dengan khidmat.", []),
    ("Bapak Drs. H. Sutrisno, M.Si. hadir mewakili keluarga besar.", []),
    ("Pihak sekolah dan pihak rumah sakit telah berkoordinasi dengan dinas terkait.", []),
    ("Kapolsek dan Danramil memantau kegiatan bersama Camat.", []),
    ("Artikel ini telah tayang di Radar Madiun dengan judul Bakti Sosial.", []),
    (
        "Kader Posyandu Balita Kenanga II dan Posbindu PTM Desa Gedangan memeriksa tekanan darah warga.",
        ["Posyandu Balita Kenanga II", "Posbindu PTM Desa Gedangan"],
    ),
    (
        "Direktur RSUD Dr. Saiful Anwar Malang menerima kunjungan IDI Cabang Malang Raya.",
        ["RSUD Dr. Saiful Anwar Malang", "IDI Cabang Malang Raya"],
    ),
    (
        "Labkesda Kabupaten Sidoarjo menguji sampel air dari sumur warga.",
        ["Labkesda Kabupaten Sidoarjo"],
    ),
    ("Koordinator Wilayah Bidang Pendidikan Kecamatan Ngantang menghadiri rapat guru.", []),
    (
        "Santri MA Al-Hikmah dan siswa MTs Negeri 5 Jombang mengikuti upacara.",
        ["MA Al-Hikmah", "MTs Negeri 5 Jombang"],
    ),
    (
        "Penyuluh Agama Islam KUA Kecamatan Pakis dan IPHI Kabupaten Malang membimbing calon jemaah haji.",
        ["KUA Kecamatan Pakis", "IPHI Kabupaten Malang"],
    ),
    (
        "Forum Kerukunan Umat Beragama (FKUB) Kota Kediri menggelar dialog lintas iman. FKUB menghadirkan tokoh agama.",
        ["Forum Kerukunan Umat Beragama (FKUB) Kota Kediri"],
    ),
    (
        "Ketua LPM Kelurahan Bareng dan Ketua RW 05 menyambut kedatangan rombongan.",
        ["LPM Kelurahan Bareng"],
    ),
    (
        "Badan Permusyawaratan Desa (BPD) Sumbersari menyetujui APBDes tahun 2025.",
        ["Badan Permusyawaratan Desa (BPD) Sumbersari"],
    ),
    (
        "Satlinmas Desa Kedungrejo membantu pengamanan pemilihan kepala desa.",
        ["Satlinmas Desa Kedungrejo"],
    ),
    (
        "PT KAI Daop 8 Surabaya dan PT Jasa Marga (Persero) Tbk menyiapkan posko mudik.",
        ["PT KAI Daop 8 Surabaya", "PT Jasa Marga (Persero) Tbk"],
    ),
    (
        "PDAM Tirta Kanjuruhan memperbaiki pipa yang bocor di Kecamatan Kepanjen.",
        ["PDAM Tirta Kanjuruhan"],
    ),
    (
        "Kepala Kejaksaan Tinggi Jawa Timur didampingi Kasi Intel Kejari Blitar memberikan penyuluhan hukum.",
        ["Kejaksaan Tinggi Jawa Timur", "Kejari Blitar"],
    ),
    (
        "Hakim Pengadilan Agama Kota Madiun memutus perkara tersebut.",
        ["Pengadilan Agama Kota Madiun"],
    ),
    ("Dandim 0818 dan Danramil Dau memimpin apel siaga bencana.", []),
    (
        "Personel Kodim 0818/Kabupaten Malang-Kota Batu bersama Koramil Singosari membersihkan sungai.",
        ["Kodim 0818/Kabupaten Malang-Kota Batu", "Koramil Singosari"],
    ),
    (
        "Anggota Brigif 2 Marinir dan Denpom V/3 Malang menjaga lokasi kegiatan.",
        ["Brigif 2 Marinir", "Denpom V/3 Malang"],
    ),
    (
        "Unit Lantas Polsek Lawang dan Unit Reskrim Polsek Singosari melakukan patroli.",
        ["Unit Lantas Polsek Lawang", "Unit Reskrim Polsek Singosari"],
    ),
    ("Kanit Binmas Polsek Pujon memberikan penyuluhan kepada siswa.", ["Polsek Pujon"]),
    (
        "Personel Sat Samapta Polres Kediri Kota menggelar patroli dialogis.",
        ["Sat Samapta Polres Kediri Kota"],
    ),
    (
        "BMKG Stasiun Klimatologi Jawa Timur memprakirakan hujan lebat.",
        ["BMKG Stasiun Klimatologi Jawa Timur"],
    ),
    (
        "Balai Besar POM di Surabaya melakukan uji petik takjil di pasar Ramadan.",
        ["Balai Besar POM di Surabaya"],
    ),
    (
        "Perwakilan BKKBN Jawa Timur dan Disdukcapil Kabupaten Blitar melayani warga.",
        ["Perwakilan BKKBN Jawa Timur", "Disdukcapil Kabupaten Blitar"],
    ),
    (
        "BPJS Ketenagakerjaan Kantor Cabang Malang menyerahkan santunan kematian.",
        ["BPJS Ketenagakerjaan Kantor Cabang Malang"],
    ),
    (
        "Relawan LAZISMU dan Yayasan Dompet Dhuafa menyalurkan paket sembako.",
        ["LAZISMU", "Yayasan Dompet Dhuafa"],
    ),
    (
        "Pengurus Pramuka Kwartir Cabang Blitar membuka perkemahan.",
        ["Pramuka Kwartir Cabang Blitar"],
    ),
    (
        "Anggota Senkom Mitra Polri dan FKPM Kelurahan Kauman berjaga di pos kamling.",
        ["Senkom Mitra Polri", "FKPM Kelurahan Kauman"],
    ),
    ("Ketua RT 02 RW 03 mengajak warga menjaga kebersihan lingkungan.", []),
    ("Peserta Jalan Sehat HUT PGRI ke-79 memadati Lapangan Rampal.", ["PGRI"]),
    ("Acara berlangsung di Gedung Kesenian Gajayana dan Pendopo Kabupaten.", []),
    ("Bupati Malang H. M. Sanusi bersama Wakil Bupati menyerahkan bantuan.", []),
    ("Penulis: Andi Saputra | Editor: Rina | Sumber: Kompas.com", []),
    ("Kepala Puskesmas, petugas Pustu dan Poskesdes mengikuti rapat gizi di kecamatan.", []),
    (
        "Rapat koordinasi berlangsung di Gedung DPRD dan dilanjutkan di Aula Polres Blitar.",
        ["Polres Blitar"],
    ),
    ("Dies Natalis UGM ke-75 dimeriahkan pameran karya mahasiswa.", ["UGM"]),
    (
        "Petugas Rupbasan Kelas I Surabaya dan Lapas Kelas IIA Kediri berkoordinasi.",
        ["Rupbasan Kelas I Surabaya", "Lapas Kelas IIA Kediri"],
    ),
    (
        "Balita dari Posyandu Mawar dirujuk ke Puskesmas Pembantu Karangrejo.",
        ["Posyandu Mawar", "Puskesmas Pembantu Karangrejo"],
    ),
]


@pytest.mark.parametrize(("text", "gold"), CASES)
def test_agencies_round4(text: str, gold: list[str]) -> None:
    fp, fn = agency_misses(text, gold)
    assert (fp, fn) == ([], [])
