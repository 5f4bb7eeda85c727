"""Generalisation checks: agencies and participants on report snippets written for this test
(fictional events), annotated by hand per GUIDE.md. Agencies are compared as score.py does:
one-to-one by word-set F1 >= 0.5, so a case passes on the same names a scorer would accept."""

from __future__ import annotations

import re

import pytest

from nlp import extract


def _words(text: str) -> frozenset[str]:
    return frozenset(re.findall(r"[0-9a-z]+", text.lower()))


def _f1(a: frozenset[str], b: frozenset[str]) -> float:
    common = len(a & b)
    if not common:
        return 0.0
    p, r = common / len(a), common / len(b)
    return 2 * p * r / (p + r)


def agency_misses(text: str, gold: list[str]) -> tuple[list[str], list[str]]:
    """(false positives, false negatives) after score.py's greedy one-to-one match."""
    preds = {_words(a.name): a.name for a in extract(text).agencies if not a.inferred}
    golds = [_words(g) for g in gold]
    pairs = sorted(
        ((_f1(p, g), p, gi) for p in preds for gi, g in enumerate(golds) if _f1(p, g) >= 0.5),
        key=lambda x: -x[0],
    )
    used_p: set[frozenset[str]] = set()
    used_g: set[int] = set()
    for _, p, gi in pairs:
        if p not in used_p and gi not in used_g:
            used_p.add(p)
            used_g.add(gi)
    fp = [name for p, name in preds.items() if p not in used_p]
    fn = [gold[gi] for gi in range(len(gold)) if gi not in used_g]
    return fp, fn


AGENCY_CASES = [
    (
        "Kapolsek Wonoayu bersama Bhabinkamtibmas Polsek Wonoayu mengecek pos kamling.",
        ["Polsek Wonoayu"],
    ),
    (
        "Personel Satlantas Polresta Banyuwangi dan Ditlantas Polda Jawa Timur mengatur arus.",
        ["Satlantas Polresta Banyuwangi", "Ditlantas Polda Jawa Timur"],
    ),
    (
        "Satreskrim Polrestabes Semarang menangkap pelaku, dibantu Brimob Polda Jateng.",
        ["Satreskrim Polrestabes Semarang", "Brimob Polda Jateng"],
    ),
    (
        "Dandim 0801/Pacitan meninjau lokasi bersama Danramil Tulakan dan anggota Koramil Tulakan.",
        ["Koramil Tulakan"],
    ),
    (
        "Prajurit Yonif 512 dan Korem 083/Baladhika Jaya membantu warga.",
        ["Yonif 512", "Korem 083/Baladhika Jaya"],
    ),
    (
        "Lanal Banyuwangi dan Lanud Abdulrachman Saleh mengirim personel ke lokasi bencana.",
        ["Lanal Banyuwangi", "Lanud Abdulrachman Saleh"],
    ),
    (
        "Kantor Kementerian Agama Kabupaten Blitar menggelar bimbingan manasik haji.",
        ["Kantor Kementerian Agama Kabupaten Blitar"],
    ),
    (
        "Kanwil Kemenkumham Jawa Timur meninjau Lapas Kelas IIA Madiun.",
        ["Kanwil Kemenkumham Jawa Timur", "Lapas Kelas IIA Madiun"],
    ),
    (
        "Dinas Pemberdayaan Perempuan, Perlindungan Anak dan Keluarga Berencana Kota Batu "
        "menggelar sosialisasi.",
        ["Dinas Pemberdayaan Perempuan, Perlindungan Anak dan Keluarga Berencana Kota Batu"],
    ),
    (
        "Petugas PT PLN (Persero) UP3 Madiun memperbaiki jaringan listrik.",
        ["PT PLN (Persero) UP3 Madiun"],
    ),
    (
        "Bantuan disalurkan Bank Jatim dan PDAM Tirta Kanjuruhan kepada warga.",
        ["Bank Jatim", "PDAM Tirta Kanjuruhan"],
    ),
    (
        "Siswa SMAN 2 Ponorogo dan mahasiswa Universitas Brawijaya mengikuti lomba.",
        ["SMAN 2 Ponorogo", "Universitas Brawijaya"],
    ),
    (
        "Korban dirujuk ke RSUD dr. Iskak Tulungagung setelah ditangani Puskesmas Kauman.",
        ["RSUD dr. Iskak Tulungagung", "Puskesmas Kauman"],
    ),
    (
        "Kegiatan diikuti PCNU Kabupaten Jombang, PD Muhammadiyah Jombang dan Fatayat NU.",
        ["PCNU Kabupaten Jombang", "PD Muhammadiyah Jombang", "Fatayat NU"],
    ),
    (
        "Anggota GP Ansor dan Banser ikut mengamankan ibadah.",
        ["GP Ansor", "Banser"],
    ),
    (
        "Karang Taruna Desa Sidomulyo bersama TP PKK Kecamatan Sukun menanam pohon.",
        ["Karang Taruna Desa Sidomulyo", "TP PKK Kecamatan Sukun"],
    ),
    (
        "Komisi D DPRD Kabupaten Kediri melakukan kunjungan kerja ke Dinas Kesehatan.",
        ["Komisi D DPRD Kabupaten Kediri", "Dinas Kesehatan"],
    ),
    (
        "Kejaksaan Negeri Bojonegoro menyerahkan berkas ke Pengadilan Negeri Bojonegoro.",
        ["Kejaksaan Negeri Bojonegoro", "Pengadilan Negeri Bojonegoro"],
    ),
    (
        "Badan Penanggulangan Bencana Daerah (BPBD) Kabupaten Trenggalek mendirikan tenda. "
        "BPBD juga menyiapkan dapur umum.",
        ["Badan Penanggulangan Bencana Daerah Kabupaten Trenggalek"],
    ),
    (
        "Lembaga Perlindungan Anak Indonesia (LPAI) mendampingi korban. Menurut LPAI, "
        "pendampingan berlanjut.",
        ["Lembaga Perlindungan Anak Indonesia"],
    ),
    (
        "Kadinsos Kabupaten Ngawi dan Kapolres Ngawi hadir bersama Camat Paron.",
        [],
    ),
    (
        "Kegiatan dihadiri pihak kepolisian, dinas terkait dan aparat desa setempat.",
        [],
    ),
    (
        "Satpol PP Kota Kediri menertibkan pedagang bersama Dinas Perhubungan Kota Kediri.",
        ["Satpol PP Kota Kediri", "Dinas Perhubungan Kota Kediri"],
    ),
    (
        "Pemkab Nganjuk melalui Badan Perencanaan Pembangunan Daerah menggelar musrenbang.",
        ["Pemkab Nganjuk", "Badan Perencanaan Pembangunan Daerah"],
    ),
    (
        "Pemerintah Desa Karangrejo bekerja sama dengan Baznas Kabupaten Tuban membagikan sembako.",
        ["Pemerintah Desa Karangrejo", "Baznas Kabupaten Tuban"],
    ),
    (
        "Tim gabungan TNI-Polri dan BPBD menyisir sungai.\nPenulis: Andi | Editor: Rina\n"
        "Sumber: beritajatim.com",
        ["TNI", "Polri", "BPBD"],
    ),
    (
        "Ketua MUI Kabupaten Lamongan membuka pengajian yang juga dihadiri Kemenag Lamongan.",
        ["MUI Kabupaten Lamongan", "Kemenag Lamongan"],
    ),
    # round 2
    (
        "Bhabinkamtibmas Desa Kedungrejo Aipda Sugeng dari Polsek Megaluh memberi himbauan.",
        ["Polsek Megaluh"],
    ),
    (
        "Kepala Kantor Kementerian Agama Kota Probolinggo membuka kegiatan.",
        ["Kantor Kementerian Agama Kota Probolinggo"],
    ),
    ("Kasat Reskrim Polres Tuban AKP Budi mengatakan pelaku sudah ditahan.", ["Polres Tuban"]),
    (
        "Kegiatan Satgas TMMD ke-118 Kodim 0812/Lamongan berjalan lancar.",
        ["Satgas TMMD ke-118 Kodim 0812/Lamongan"],
    ),
    (
        "Dinas Kependudukan dan Pencatatan Sipil (Dispendukcapil) Kabupaten Gresik membuka layanan. Dispendukcapil menerima 300 berkas.",
        ["Dinas Kependudukan dan Pencatatan Sipil Kabupaten Gresik"],
    ),
    (
        "Yayasan Pendidikan Al Hikmah bekerja sama dengan Lazismu Kota Malang.",
        ["Yayasan Pendidikan Al Hikmah", "Lazismu Kota Malang"],
    ),
    (
        "Mahasiswa KKN Universitas Negeri Malang (UM) membantu warga. Tim UM juga mengajar.",
        ["Universitas Negeri Malang"],
    ),
    (
        "Kegiatan didukung Bank Rakyat Indonesia (BRI) Unit Kepanjen dan Pegadaian.",
        ["Bank Rakyat Indonesia Unit Kepanjen", "Pegadaian"],
    ),
    (
        "Ratusan anggota Pagar Nusa dan IPNU-IPPNU Kecamatan Diwek mengikuti apel.",
        ["Pagar Nusa", "IPNU", "IPPNU Kecamatan Diwek"],
    ),
    (
        "Wakil Ketua DPRD Jawa Timur menyerahkan bantuan kepada Panti Asuhan Yatim Piatu Al Ikhlas.",
        ["DPRD Jawa Timur", "Panti Asuhan Yatim Piatu Al Ikhlas"],
    ),
    (
        "Pengadilan Agama Pasuruan mencatat kenaikan perkara. Kejari Pasuruan juga hadir.",
        ["Pengadilan Agama Pasuruan", "Kejari Pasuruan"],
    ),
    (
        "Petugas Damkar Kabupaten Sidoarjo memadamkan api dibantu Tagana.",
        ["Damkar Kabupaten Sidoarjo", "Tagana"],
    ),
    (
        "SDN Sumbersari 1 dan MTsN 3 Malang mengirim perwakilan ke Kwarcab Pramuka Kota Malang.",
        ["SDN Sumbersari 1", "MTsN 3 Malang", "Kwarcab Pramuka Kota Malang"],
    ),
    (
        "Kepolisian Resor Madiun Kota (Polres Madiun Kota) menggelar operasi. Polres Madiun Kota mengerahkan personel.",
        ["Kepolisian Resor Madiun Kota"],
    ),
    (
        "Kegiatan dibuka Danrem 081/DSJ dan dihadiri Pabung Kodim 0803/Madiun.",
        ["Kodim 0803/Madiun"],
    ),
    ("Foto: Humas Polres Jember\nEditor: Slamet", []),
    pytest.param(
        "Jaringan Perempuan Peduli Anak, sebuah LSM lokal, membuka posko.",
        ["Jaringan Perempuan Peduli Anak"],
        marks=pytest.mark.xfail(reason="an NGO named without any head word or acronym"),
    ),
    (
        "PT Kereta Api Indonesia (Persero) Daop 7 Madiun menyiapkan gerbong tambahan.",
        ["PT Kereta Api Indonesia (Persero) Daop 7 Madiun"],
    ),
    (
        "Basarnas Surabaya dan Polairud Polres Situbondo melakukan pencarian.",
        ["Basarnas Surabaya", "Polairud Polres Situbondo"],
    ),
    (
        "Perum Bulog Kantor Cabang Bojonegoro menyalurkan beras.",
        ["Perum Bulog Kantor Cabang Bojonegoro"],
    ),
    (
        "Dispendik Kabupaten Mojokerto dan Dinkes Mojokerto menggelar vaksinasi.",
        ["Dispendik Kabupaten Mojokerto", "Dinkes Mojokerto"],
    ),
    (
        "Anggota Kowad Kodam V/Brawijaya dan Polwan Polda Jatim ikut senam.",
        ["Kodam V/Brawijaya", "Polda Jatim"],
    ),
    (
        "Sekretariat Daerah Kabupaten Magetan melalui Bagian Kesejahteraan Rakyat memberi santunan.",
        ["Sekretariat Daerah Kabupaten Magetan", "Bagian Kesejahteraan Rakyat"],
    ),
    (
        "Bawaslu Kabupaten Blitar dan KPU Kabupaten Blitar menandatangani kesepakatan.",
        ["Bawaslu Kabupaten Blitar", "KPU Kabupaten Blitar"],
    ),
    (
        "Forum Komunikasi Pimpinan Kecamatan (Forkopimcam) Pakis menggelar rapat.",
        ["Forum Komunikasi Pimpinan Kecamatan Pakis"],
    ),
    # round 3
    (
        "Polsek Kawedanan menggelar patroli. Anggota Polsek juga membagikan masker.",
        ["Polsek Kawedanan"],
    ),
    (
        "Kepala Dinas Pendidikan Kabupaten Ponorogo, Drs. Sutrisno, membuka lomba. Menurutnya, Dinas Pendidikan akan terus mendukung.",
        ["Dinas Pendidikan Kabupaten Ponorogo"],
    ),
    (
        "Kegiatan ini diselenggarakan oleh Badan Narkotika Nasional Kabupaten (BNNK) Kediri bersama Polres Kediri Kota.",
        ["Badan Narkotika Nasional Kabupaten Kediri", "Polres Kediri Kota"],
    ),
    (
        "Wakapolres Magetan Kompol Andi bersama Kasat Lantas Polres Magetan memantau arus.",
        ["Polres Magetan"],
    ),
    ("Danlanal Malang dan Danlanud Iswahjudi menghadiri upacara.", []),
    (
        "Upacara diikuti unsur Forkopimda, TNI, Polri, ASN, dan pelajar.",
        ["Forkopimda", "TNI", "Polri"],
    ),
    ("Sumber: Humas Pemkab Lumajang", []),
    ("(Kontributor: Agus / Radar Madiun)", []),
    ("LUMAJANG, KOMPAS.com - Tim SAR gabungan menemukan korban.", []),
    (
        "Kegiatan melibatkan Unit Reskrim Polsek Genteng dan Unit Intelkam.",
        ["Unit Reskrim Polsek Genteng", "Unit Intelkam"],
    ),
    (
        "Mahasiswa Fakultas Kedokteran Universitas Airlangga memberi penyuluhan di SMP Negeri 1 Gresik.",
        ["Fakultas Kedokteran Universitas Airlangga", "SMP Negeri 1 Gresik"],
    ),
    (
        "Rumah Sakit Umum Daerah Dr. Soedono Madiun menerima pasien rujukan dari Klinik Pratama Husada.",
        ["Rumah Sakit Umum Daerah Dr. Soedono Madiun", "Klinik Pratama Husada"],
    ),
    (
        "Perwakilan Majelis Ulama Indonesia (MUI) Kota Pasuruan dan Forum Kerukunan Umat Beragama (FKUB) hadir.",
        ["Majelis Ulama Indonesia Kota Pasuruan", "Forum Kerukunan Umat Beragama"],
    ),
    ("Polisi dan warga bergotong royong membersihkan saluran air.", []),
    (
        "Sebanyak 20 personel dari Kompi 2 Batalyon B Pelopor Sat Brimob Polda Jatim dikerahkan.",
        ["Kompi 2 Batalyon B Pelopor Sat Brimob Polda Jatim"],
    ),
    (
        "BPBD Provinsi Jawa Timur menyalurkan logistik melalui Dinsos P3A Kabupaten Malang.",
        ["BPBD Provinsi Jawa Timur", "Dinsos P3A Kabupaten Malang"],
    ),
    (
        "PT Semen Indonesia (Persero) Tbk menyalurkan CSR ke Desa Sumberarum.",
        ["PT Semen Indonesia (Persero) Tbk"],
    ),
    (
        "Koperasi Unit Desa Sumber Makmur dan Gapoktan Tani Maju menerima bantuan bibit.",
        ["Koperasi Unit Desa Sumber Makmur", "Gapoktan Tani Maju"],
    ),
    (
        "Pimpinan Cabang Muhammadiyah Wlingi menggelar pengajian.",
        ["Pimpinan Cabang Muhammadiyah Wlingi"],
    ),
    ("Ketua RT dan Ketua RW setempat turut hadir.", []),
    pytest.param(
        "Kegiatan disiarkan langsung oleh RRI Madiun dan dikutip Antara.",
        ["RRI Madiun", "Antara"],
        marks=pytest.mark.xfail(reason="a news agency written like the word 'antara' (between)"),
    ),
    ("Operasi Ketupat Semeru 2024 digelar Polda Jatim.", ["Polda Jatim"]),
    (
        "Satuan Polisi Pamong Praja (Satpol PP) Kabupaten Jember menertibkan reklame. Satpol PP juga menyita spanduk.",
        ["Satuan Polisi Pamong Praja Kabupaten Jember"],
    ),
    # round 4
    (
        "Tim Penggerak PKK Kabupaten Pacitan Gelar Lomba Cipta Menu\nPACITAN - TP PKK Kabupaten Pacitan menggelar lomba.",
        ["Tim Penggerak PKK Kabupaten Pacitan"],
    ),
    ("Dalam Rangka Hari Bhayangkara ke-78, Polres Ngawi Gelar Donor Darah", ["Polres Ngawi"]),
    (
        "Tim Medis dari Puskesmas Sumberpucung memeriksa kesehatan warga.",
        ["Puskesmas Sumberpucung"],
    ),
    ("Kegiatan Jumat Berkah dilaksanakan di Masjid Al Falah.", []),
    (
        "Dinas Kesehatan bersama Dinas Sosial dan Dinas Pendidikan Kota Blitar berkoordinasi.",
        ["Dinas Kesehatan", "Dinas Sosial", "Dinas Pendidikan Kota Blitar"],
    ),
    ("Gerakan Nasional Orang Tua Asuh dicanangkan kembali.", ["Gerakan Nasional Orang Tua Asuh"]),
    ("Program Keluarga Harapan (PKH) disalurkan melalui Kantor Pos Ngawi.", ["Kantor Pos Ngawi"]),
    ("Tim Penilai dari Provinsi tiba pukul 09.00.", []),
    (
        "Kelompok Tani Sido Rukun dan KWT Melati menerima pupuk.",
        ["Kelompok Tani Sido Rukun", "KWT Melati"],
    ),
    (
        "Kementerian Sosial RI melalui Balai Besar Rehabilitasi Sosial menyalurkan bantuan.",
        ["Kementerian Sosial RI", "Balai Besar Rehabilitasi Sosial"],
    ),
]


@pytest.mark.parametrize(("text", "gold"), AGENCY_CASES)
def test_agencies_generalise(text: str, gold: list[str]) -> None:
    fp, fn = agency_misses(text, gold)
    assert (fp, fn) == ([], [])


COUNT_CASES = [
    ("Apel diikuti 4 (empat) orang personel Polsek.", {4}),
    ("Sebanyak tiga puluh lima relawan membantu.", {35}),
    ("Bantuan diserahkan kepada seratus dua puluh warga terdampak.", {120}),
    ("Paket sembako diberikan kepada 75 KK di desa itu.", {75}),
    (
        "Peserta terdiri dari 20 guru dan 30 siswa, sehingga total 50 orang.",
        {20, 30, 50},
    ),
    ("Seorang warga melapor kepada petugas.", set()),
    ("Puluhan warga memadati balai desa.", set()),
    ("Pelaku berusia 23 tahun diamankan.", set()),
    ("Bantuan senilai Rp 5.000.000 dan 10 paket sembako diserahkan.", set()),
    ("Sekitar 12-15 orang terlihat di lokasi.", set()),
    ("Desa ini berpenduduk 3.200 jiwa.", set()),
    ("Vaksinasi menargetkan 500 orang lansia, hingga siang tercapai 320 orang.", {320}),
    ("Kuota peserta 100 orang sudah terpenuhi.", set()),
    ("Sebanyak 150 personel gabungan dikerahkan untuk pengamanan.", {150}),
    ("Tim SAR mengevakuasi 3 korban dan 2 orang masih dicari.", {3, 2}),
    ("Kegiatan dihadiri kurang lebih 200 orang warga.", {200}),
    ("Sosialisasi diikuti oleh 45 orang peserta dari 12 desa.", {45}),
    ("Jumlah peserta: 60 orang.", {60}),
    ("Polisi mengamankan dua orang tersangka beserta 5 unit sepeda motor.", {2}),
    ("Sebanyak 1.250 pengunjung memadati lokasi.", {1250}),
    ("Para peserta yang hadir berjumlah 85 orang.", {85}),
    ("Pemeriksaan kesehatan gratis untuk 60 lansia dan 25 balita.", {60, 25}),
    ("Acara digelar di aula lantai 3 dengan 40 peserta.", {40}),
    pytest.param(
        "Pada tahun 2023 kegiatan serupa diikuti 90 peserta.",
        set(),
        marks=pytest.mark.xfail(reason="an earlier similar event; needs discourse, not grammar"),
    ),
    ("Kepala desa bersama 12 perangkat desa hadir.", {12}),
    ("Sekitar seribu lima ratus jamaah mengikuti salat Id.", {1500}),
    ("Rumah makan itu mampu menampung 200 orang.", set()),
    # round 2
    ("Operasi menjaring 17 pengendara yang melanggar.", {17}),
    ("Sebanyak 2.500 paket sembako dibagikan kepada 2.500 KPM.", {2500}),
    ("Sebanyak 30 orang di antaranya perempuan.", {30}),
    ("Acara dihadiri 120 orang, terdiri atas 70 laki-laki dan 50 perempuan.", {50, 70, 120}),
    ("Kegiatan melibatkan dua ratus lima puluh orang peserta.", {250}),
    ("Sebanyak 9 tersangka diamankan dalam operasi.", {9}),
    ("Petugas memeriksa 48 pengendara, 12 di antaranya ditilang.", {12, 48}),
    ("Pelatihan ini diikuti peserta sebanyak 25 orang.", {25}),
    ("Sekolah itu memiliki 600 siswa.", set()),
    ("Kampung ini dihuni 150 KK.", set()),
    ("Pasien yang dilayani mencapai 87 orang.", {87}),
    ("Sebanyak 5 (lima) personel Koramil diterjunkan.", {5}),
    ("Total ada 64 warga yang menerima bantuan.", {64}),
    ("Ada sekitar 20-an pemuda yang ikut kerja bakti.", {20}),
    # one person in words is not a count (GUIDE.md: like "seorang warga"); "1 orang" is
    ("Satu orang meninggal dunia dan tujuh orang luka-luka.", {7}),
    ("Tiga orang pelaku berhasil ditangkap.", {3}),
    ("Dia bersama istri dan 3 anaknya ikut mudik.", {3}),
    ("Polisi menurunkan 300-an personel gabungan.", {300}),
    ("Bantuan Rp 300 ribu diberikan kepada 40 orang penerima.", {40}),
    ("Lomba diikuti 24 tim dari 10 sekolah.", set()),
    ("Sebanyak 57 orang mendonorkan darahnya.", {57}),
    ("Kapasitas gedung 500 orang, namun yang hadir hanya 350 orang.", {350}),
    # round 3
    ("Kekuatan personel yang dilibatkan sebanyak 25 orang.", {25}),
    ("Kegiatan dihadiri kurleb 50 orang warga.", {50}),
    ("Hadir ±150 orang jamaah.", {150}),
    ("Kurang lebih 30 (tiga puluh) orang mengikuti senam.", {30}),
    ("Sebanyak 100 lebih peserta memadati aula.", {100}),
    ("Polisi mengamankan 3 (tiga) orang tersangka.", {3}),
    ("Setiap desa mengirim 5 orang perwakilan.", set()),  # per unit: not the number involved
    ("Sebanyak 10 ekor sapi dan 3 orang peternak hadir.", {3}),
    ("Jumlah korban meninggal 3 orang dan luka ringan 5 orang.", {3, 5}),
    ("Kelas 6 sebanyak 28 siswa mengikuti ujian.", {28}),
    ("Pengamanan melibatkan personel gabungan sejumlah 120 personel.", {120}),
    ("Vaksinasi diberikan kepada 1.024 warga di 14 dusun.", {1024}),
    ("Warga lanjut usia 60 tahun ke atas.", set()),
    ("Masing-masing kelompok terdiri dari 10 orang.", set()),
    ("Sebanyak 4 orang Bhabinkamtibmas dan 6 orang Babinsa bersiaga.", {4, 6}),
    ("Diikuti oleh tak kurang dari 400 pelari.", {400}),
    ("Sebanyak dua belas orang nelayan dilaporkan selamat.", {12}),
    ("Pemerintah menyiapkan 500 kursi untuk tamu.", set()),
    ("Sebanyak 1 orang tewas dalam kejadian itu.", {1}),
    ("Panitia menyediakan 300 porsi makanan untuk 300 peserta.", {300}),
    ("Sebanyak 35 siswa-siswi SDN Banjar mengikuti lomba.", {35}),
    ("Donor darah berhasil mengumpulkan 85 kantong darah dari 92 pendonor.", {92}),
]


@pytest.mark.parametrize(("text", "expected"), COUNT_CASES)
def test_counts_generalise(text: str, expected: set[int]) -> None:
    assert {f.count for f in extract(text).participants} == expected
