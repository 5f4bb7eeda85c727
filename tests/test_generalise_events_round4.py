"""Generalisation check, round 4, for dates and event_date: report snippets written for this
test in many styles (datelines, publication stamps, WordPress bylines, report forms, berita
acara in words, several days in one report, ranges, captions and file names, old spellings,
English stamps, reported speech) and negative cases. Annotated by hand per GUIDE.md before
the extractor ran; the sentences and events are fictional."""

from __future__ import annotations

import pytest

from nlp import extract

# (id, text, dates, event_date)
CASES = [
    (
        "kompas_dateline",
        "Polisi Bubarkan Balap Liar di Jalan Lingkar\n\nPALU, KOMPAS.com - Satuan Lalu Lintas Polresta Palu membubarkan aksi balap liar di Jalan Lingkar Utara, Minggu (14/4/2024) dini hari. Sebanyak 12 sepeda motor diamankan.\n\nKasat Lantas mengatakan patroli akan terus digelar hingga akhir bulan.",
        ["2024-04-14"],
        "2024-04-14",
    ),
    (
        "numeric_dateline",
        "Bantuan Sembako untuk Korban Banjir\n\nKupang, 12/3/2024 - Dinas Sosial Provinsi NTT menyalurkan bantuan sembako kepada warga terdampak banjir di Kelurahan Oesapa, Senin (11/3/2024).",
        ["2024-03-12", "2024-03-11"],
        "2024-03-11",
    ),
    (
        "stamp_line_wita",
        "Bupati Tinjau Pasar Murah\nRabu, 6 September 2023 | 14:20 WITA\n\nBupati meninjau pelaksanaan pasar murah di lapangan kecamatan, Selasa (5/9/2023). Pasar murah ini digelar untuk menekan inflasi.",
        ["2023-09-06", "2023-09-05"],
        "2023-09-05",
    ),
    (
        "wordpress_diposting",
        "Posyandu Balita Dusun Krajan\nDiposting pada 20 Januari 2022 oleh Admin Desa\n\nKegiatan posyandu balita dilaksanakan pada hari Selasa, 18 Januari 2022 di rumah Bapak Kepala Dusun. Sebanyak 35 balita ditimbang.",
        ["2022-01-20", "2022-01-18"],
        "2022-01-18",
    ),
    (
        "wordpress_byline_bar",
        "Gotong Royong Bersihkan Irigasi\nOleh Admin Desa | 14 Februari 2024 | Berita Desa\n\nWarga bergotong royong membersihkan saluran irigasi pada Minggu (11/2/2024) pagi.",
        ["2024-02-14", "2024-02-11"],
        "2024-02-11",
    ),
    (
        "form_hari_tanggal",
        "LAPORAN KEGIATAN\n\nNama Kegiatan : Sosialisasi Bahaya Narkoba\nHari/Tanggal : Kamis, 9 Mei 2024\nWaktu : 08.00 s.d. 12.00 WITA\nTempat : Aula SMA Negeri 2\nPeserta : 120 siswa\n\nKendari, 10 Mei 2024\nKetua Pelaksana",
        ["2024-05-09", "2024-05-10"],
        "2024-05-09",
    ),
    (
        "form_tanggal_laporan",
        "LAPORAN PELAKSANAAN KEGIATAN\n\nTanggal Laporan : 27 November 2023\nNama Kegiatan : Pelatihan Kader Posyandu\nTanggal Pelaksanaan : 21 s.d. 23 November 2023\nTempat : Aula Puskesmas",
        ["2023-11-27", "2023-11-21", "2023-11-23"],
        "2023-11-21",
    ),
    (
        "berita_acara_words",
        "BERITA ACARA\nPada hari ini Rabu tanggal dua puluh delapan bulan Februari tahun dua ribu dua puluh empat, bertempat di Kantor Desa Sukamaju, telah dilaksanakan Musyawarah Desa Khusus penetapan penerima BLT Dana Desa.",
        ["2024-02-28"],
        "2024-02-28",
    ),
    (
        "berita_acara_words_and_digits",
        "BERITA ACARA SERAH TERIMA\n\nPada hari ini Jumat tanggal sembilan belas bulan Januari tahun dua ribu dua puluh empat (19-01-2024), kami yang bertanda tangan di bawah ini telah melaksanakan serah terima barang.",
        ["2024-01-19"],
        "2024-01-19",
    ),
    (
        "berita_acara_day_in_brackets",
        "BERITA ACARA RAPAT\n\nPada tanggal 12 (dua belas) Maret 2024 telah dilaksanakan rapat pembentukan panitia di balai desa.",
        ["2024-03-12"],
        "2024-03-12",
    ),
    (
        "preparation_main_followup",
        "Lomba Agustusan Desa\n\nPersiapan lomba telah dimulai sejak Senin (5/8/2024). Puncak lomba digelar Sabtu (17/8/2024) di lapangan desa. Pembagian hadiah akan dilakukan Minggu (18/8/2024).",
        ["2024-08-05", "2024-08-17", "2024-08-18"],
        "2024-08-17",
    ),
    (
        "last_year_background",
        "Festival Budaya Kembali Digelar\n\nFestival Budaya kembali digelar di alun-alun, Sabtu (14/10/2023). Pada festival tahun lalu, 8 Oktober 2022, pengunjung mencapai ribuan orang.",
        ["2023-10-14", "2022-10-08"],
        "2023-10-14",
    ),
    (
        "since_background_first",
        "Layanan Keliling\n\nSejak 1 Januari 2024, pemerintah desa membuka layanan administrasi keliling. Pada Kamis (7/3/2024), layanan tersebut menyambangi Dusun Sidomulyo.",
        ["2024-01-01", "2024-03-07"],
        "2024-03-07",
    ),
    (
        "registration_period",
        "Seleksi Perangkat Desa\n\nPendaftaran dibuka 1-10 Juli 2023. Seleksi dilaksanakan Sabtu (15/7/2023) di aula kecamatan dan diikuti 80 peserta.",
        ["2023-07-01", "2023-07-10", "2023-07-15"],
        "2023-07-15",
    ),
    (
        "registration_period_words",
        "Seleksi Perangkat Desa\n\nPendaftaran peserta dibuka mulai 1 Juli sampai 10 Juli 2023. Ujian tertulis dilaksanakan pada Sabtu, 15 Juli 2023 di aula kecamatan.",
        ["2023-07-01", "2023-07-10", "2023-07-15"],
        "2023-07-15",
    ),
    (
        "deadline_after_event",
        "Sosialisasi Pajak\n\nBapenda menggelar sosialisasi pembayaran PBB di kantor desa, Rabu (6/3/2024). Warga diminta melunasi pajak paling lambat 31 Agustus 2024.",
        ["2024-03-06", "2024-08-31"],
        "2024-03-06",
    ),
    (
        "deadline_before_event",
        "Sosialisasi Pajak\n\nWarga diminta melunasi PBB paling lambat 31 Agustus 2024. Hal itu disampaikan saat sosialisasi di kantor desa, Rabu (6/3/2024).",
        ["2024-08-31", "2024-03-06"],
        "2024-03-06",
    ),
    (
        "multi_day_range",
        "Pekan Raya UMKM\n\nPekan Raya UMKM berlangsung selama tiga hari, 12-14 Juli 2024, di GOR kabupaten.",
        ["2024-07-12", "2024-07-14"],
        "2024-07-12",
    ),
    (
        "range_mulai_sampai",
        "Operasi Zebra\n\nOperasi Zebra digelar mulai 4 September sampai 17 September 2023 di seluruh wilayah hukum Polres.",
        ["2023-09-04", "2023-09-17"],
        "2023-09-04",
    ),
    (
        "range_en_dash",
        "Pelatihan Menjahit\n\nPelatihan menjahit bagi ibu rumah tangga berlangsung 5 \u2013 7 Maret 2024 di balai desa.",
        ["2024-03-05", "2024-03-07"],
        "2024-03-05",
    ),
    (
        "range_weekdays_en_dash",
        "Vaksinasi Massal\n\nVaksinasi massal digelar Senin\u2013Rabu (4\u20136/3/2024) di puskesmas.",
        ["2024-03-04", "2024-03-06"],
        "2024-03-04",
    ),
    (
        "range_cross_month",
        "Kemah Bakti\n\nKemah bakti pramuka dilaksanakan tanggal 30 September - 2 Oktober 2023 di bumi perkemahan.",
        ["2023-09-30", "2023-10-02"],
        "2023-09-30",
    ),
    (
        "list_of_days",
        "Pasar Murah\n\nPasar murah digelar pada 1, 2 dan 3 Agustus 2023 di tiga kecamatan.",
        ["2023-08-01", "2023-08-02", "2023-08-03"],
        "2023-08-01",
    ),
    (
        "range_abbr_month",
        "Bimtek Operator\n\nBimtek operator desa digelar tgl 7-8 Des 2023 di hotel.",
        ["2023-12-07", "2023-12-08"],
        "2023-12-07",
    ),
    (
        "photo_caption_file",
        "Foto: Kapolsek menyerahkan bantuan kepada warga, Jumat (22/3/2024). (Dok. Humas)\n\nIMG-20240322-WA0012.jpg",
        ["2024-03-22"],
        "2024-03-22",
    ),
    (
        "screenshot_file_and_body",
        "Rapat Daring Kecamatan\n\nRapat koordinasi daring digelar Selasa (5/3/2024) melalui Zoom.\n\nScreenshot_20240306-101112.png",
        ["2024-03-05", "2024-03-06"],
        "2024-03-05",
    ),
    (
        "whatsapp_image_caption",
        "WhatsApp Image 2023-11-02 at 09.15.33.jpeg\n\nKegiatan jumat bersih dilaksanakan pada Jumat, 3 November 2023 di lingkungan kantor kecamatan.",
        ["2023-11-02", "2023-11-03"],
        "2023-11-03",
    ),
    (
        "yearless_url_year",
        "https://desa-sukamaju.id/2021/06/kerja-bakti-massal\n\nKerja Bakti Massal\n\nWarga RT 03 RW 05 bergotong royong pada Minggu (13/6).",
        ["2021-06-13"],
        "2021-06-13",
    ),
    (
        "yearless_tahun_word",
        "Upacara HUT RI ke-78 tahun 2023 dilaksanakan pada tanggal 17 Agustus di lapangan kecamatan.",
        ["2023-08-17"],
        "2023-08-17",
    ),
    (
        "yearless_no_year",
        "Upacara dilaksanakan pada tanggal 17 Agustus di lapangan kecamatan.",
        [],
        None,
    ),
    (
        "yearless_body_stamp_year",
        "Dipublikasikan: 21 Juni 2023\n\nKetua TP PKK meninjau kegiatan posyandu di Dusun Krajan, Selasa (20/6).",
        ["2023-06-21", "2023-06-20"],
        "2023-06-20",
    ),
    (
        "old_spelling_pebruari",
        "Pada tanggal 3 Pebruari 2015 telah dilaksanakan penyuluhan hukum di Desa Karanganyar.",
        ["2015-02-03"],
        "2015-02-03",
    ),
    (
        "old_spelling_nopember",
        "Rapat koordinasi dilaksanakan Senin, 16 Nopember 2020 bertempat di ruang rapat Camat.",
        ["2020-11-16"],
        "2020-11-16",
    ),
    (
        "abbr_agt",
        "Tgl. 5 Agt 2019 tim melakukan verifikasi lapangan di Dusun Wetan.",
        ["2019-08-05"],
        "2019-08-05",
    ),
    (
        "english_stamp_then_body",
        "Bakti Sosial Polres\nMay 5, 2021\n\nPolres menggelar bakti sosial di panti asuhan pada Senin (3/5/2021).",
        ["2021-05-05", "2021-05-03"],
        "2021-05-03",
    ),
    (
        "english_posted_on",
        "Bakti Sosial Polres\nPosted on 5 May 2021 by humas\n\nPolres menggelar bakti sosial di panti asuhan pada Senin, 3 Mei 2021.",
        ["2021-05-05", "2021-05-03"],
        "2021-05-03",
    ),
    (
        "wita_time",
        "Penertiban Reklame\n\nKamis (15/2/2024) pukul 09.30 WITA, tim gabungan melaksanakan penertiban reklame liar.",
        ["2024-02-15"],
        "2024-02-15",
    ),
    (
        "wit_time_tanggal",
        "Pada tanggal 5 Maret 2024 pukul 19.30 WIT bertempat di Distrik Abepura telah dilaksanakan patroli malam.",
        ["2024-03-05"],
        "2024-03-05",
    ),
    (
        "reported_speech_other_day",
        'Arus Mudik Meningkat\n\nKapolres meninjau pos pengamanan, Selasa (9/4/2024). "Pada Senin (8/4/2024) kemarin arus mudik sudah meningkat," ujarnya.',
        ["2024-04-09", "2024-04-08"],
        "2024-04-09",
    ),
    (
        "reported_speech_first",
        'Arus Mudik Meningkat\n\n"Sejak Jumat (5/4/2024) arus mudik sudah meningkat," kata Kapolres saat meninjau pos pengamanan, Selasa (9/4/2024).',
        ["2024-04-05", "2024-04-09"],
        "2024-04-09",
    ),
    (
        "kemarin_pinned",
        "Vaksinasi Massal\n\nKemarin, Rabu (6/3/2024), warga Desa Tanjung mengikuti vaksinasi massal di balai desa.",
        ["2024-03-06"],
        "2024-03-06",
    ),
    (
        "hari_ini_pinned",
        "Hari ini, Senin 4 Maret 2024, Pemerintah Kecamatan melaksanakan apel siaga bencana.",
        ["2024-03-04"],
        "2024-03-04",
    ),
    (
        "press_release_header",
        "SIARAN PERS\nNomor: 45/HM/III/2024\nTanggal: 12 Maret 2024\n\nPolres telah mengamankan dua pelaku pencurian kendaraan bermotor pada Minggu (10/3/2024) di Kecamatan Waru.",
        ["2024-03-12", "2024-03-10"],
        "2024-03-10",
    ),
    (
        "undangan_letter",
        "Sukamaju, 10 Mei 2024\nNomor : 005/045/DS/2024\nPerihal : Undangan\n\nKepada Yth. Bapak/Ibu Ketua RT\n\nDengan hormat, kami mengundang Bapak/Ibu untuk hadir pada:\nHari/Tanggal : Rabu, 15 Mei 2024\nWaktu : 09.00 WIB\nTempat : Balai Desa",
        ["2024-05-10", "2024-05-15"],
        "2024-05-15",
    ),
    (
        "signoff_yearless_body",
        "Laporan Kerja Bakti\n\nKegiatan kerja bakti dilaksanakan Sabtu (2/3) di balai dusun dan diikuti 40 warga.\n\nMagelang, 4 Maret 2024\nKepala Dusun",
        ["2024-03-02", "2024-03-04"],
        "2024-03-02",
    ),
    (
        "dateline_dash_weekday",
        "Pemprov Salurkan Bantuan\n\nSEMARANG \u2013 Jumat (1/3/2024), Pemprov Jateng menyalurkan bantuan beras kepada korban banjir.",
        ["2024-03-01"],
        "2024-03-01",
    ),
    (
        "antara_no_date",
        "Gorontalo (ANTARA) - Pemerintah Provinsi Gorontalo menyalurkan bantuan pangan pada Rabu.",
        [],
        None,
    ),
    (
        "instagram_caption",
        "Selamat pagi warga! Jumat (26/1/2024) Bhabinkamtibmas Desa Pakis melaksanakan sambang ke rumah warga. #PolriPresisi #Humas",
        ["2024-01-26"],
        "2024-01-26",
    ),
    (
        "headline_date_body_weekday",
        "Rakor Stunting 14 Maret 2024\n\nPemerintah kecamatan menggelar rapat koordinasi percepatan penurunan stunting pada Kamis (14/3/2024).",
        ["2024-03-14"],
        "2024-03-14",
    ),
    (
        "stamp_clock_wib",
        "Pemudik Padati Terminal\nKamis, 11 April 2024 - 07:45 WIB\n\nJAKARTA - Pemudik memadati terminal bus pada H-1 Lebaran, Selasa (9/4/2024).",
        ["2024-04-11", "2024-04-09"],
        "2024-04-09",
    ),
    (
        "stamp_at_bottom",
        "Razia Masker\n\nPetugas gabungan menggelar razia masker di pasar tradisional, Sabtu (1/10/2022).\n\nDiterbitkan: 3 Oktober 2022 09:12",
        ["2022-10-01", "2022-10-03"],
        "2022-10-01",
    ),
    (
        "tgl_two_digit_year",
        "Tgl 05/06/23 dilaksanakan pemeriksaan kesehatan gratis bagi lansia.",
        ["2023-06-05"],
        "2023-06-05",
    ),
    (
        "background_lalu_then_main",
        "Bantuan Disalurkan\n\nBantuan yang diterima pada Jumat (12/1/2024) lalu disalurkan kepada warga Senin (15/1/2024).",
        ["2024-01-12", "2024-01-15"],
        "2024-01-15",
    ),
    (
        "second_day_of_training",
        "Pelatihan Hari Kedua\n\nMemasuki hari kedua, Rabu (6/3/2024), peserta pelatihan praktik membuat pupuk organik. Pelatihan dibuka Selasa (5/3/2024) oleh Camat.",
        ["2024-03-06", "2024-03-05"],
        "2024-03-06",
    ),
    (
        "weekday_ahad",
        "Jalan Sehat\n\nRatusan warga mengikuti jalan sehat pada Ahad (10/3/2024) pagi.",
        ["2024-03-10"],
        "2024-03-10",
    ),
    (
        "periode_range",
        "Laporan Triwulan\n\nLaporan ini memuat kegiatan periode 1 Januari - 31 Maret 2024. Rapat evaluasi digelar pada Kamis, 4 April 2024.",
        ["2024-01-01", "2024-03-31", "2024-04-04"],
        "2024-04-04",
    ),
    (
        "stamp_pipe_time",
        "Selasa, 05 Maret 2024 | 10:30 WIB\n\nPemerintah desa menggelar musyawarah perencanaan pembangunan pada Senin (4/3/2024).",
        ["2024-03-05", "2024-03-04"],
        "2024-03-04",
    ),
    (
        "iso_slash",
        "Tanggal kegiatan: 2024/03/05. Tim melakukan pendataan warga miskin.",
        ["2024-03-05"],
        "2024-03-05",
    ),
    (
        "english_us_order",
        "Humas Polres\nMarch 12, 2024\n\nPolres melaksanakan donor darah di aula pada Senin (11/3/2024).",
        ["2024-03-12", "2024-03-11"],
        "2024-03-11",
    ),
    (
        "akan_future_only_then_done",
        "Judul\n\nRencananya kegiatan akan dilanjutkan pada 20 Maret 2024. Sebelumnya, pada Jumat (15/3/2024), kegiatan tahap pertama telah dilaksanakan di Dusun Kidul.",
        ["2024-03-20", "2024-03-15"],
        "2024-03-15",
    ),
    (
        "hijri_with_gregorian",
        "Peringatan Nuzulul Quran\n\nPeringatan Nuzulul Quran 17 Ramadhan 1445 H digelar di masjid agung, Rabu (27/3/2024).",
        ["2024-03-27"],
        "2024-03-27",
    ),
    # negatives
    ("phone_numbers", "Informasi hubungi 0812-3456-7890 atau (0274) 512345.", [], None),
    ("letter_number", "Nomor : 005/12/2024\nPerihal : Undangan Rapat", [], None),
    ("letter_number_roman", "Nomor: 141/25/IX/2023\nLampiran: 1 berkas", [], None),
    ("regulation", "Sesuai Perbup Nomor 7 Tahun 2022 tentang pengelolaan dana desa.", [], None),
    ("regulation_perda", "Berdasarkan Perda No. 5 Tahun 2019 dan UU Nomor 6 Tahun 2014.", [], None),
    ("score", "Pertandingan berakhir dengan skor 2-1 untuk tim Desa Sukamaju.", [], None),
    ("score_slash", "Tim voli putri menang 3/1 atas tim tamu.", [], None),
    ("version", "Aplikasi versi 2.10.3 sudah dipasang di komputer desa.", [], None),
    ("money", "Dana sebesar Rp 1.500.000 dan Rp12.500.000,00 telah disalurkan.", [], None),
    ("rt_rw", "Warga RT 01/05 dan RT.02/RW.03 ikut kerja bakti.", [], None),
    ("rt_rw_slash", "Lokasi di RT 003/RW 012 Kelurahan Sukajadi.", [], None),
    (
        "times_alone",
        "Kegiatan dimulai pukul 10.30 WIB dan selesai pukul 13.00-15.00 WIB.",
        [],
        None,
    ),
    ("fraction_land", "Lahan seluas 1/2 hektare dan 3/4 bagian sawah terendam.", [], None),
    ("street_name", "Posko berada di Jl. 17 Agustus No. 5.", [], None),
    ("kode_sk", "SK Nomor 188.45/123/KEP/421.013/2023 tentang tim pelaksana.", [], None),
    ("nik", "NIK 3507123456780001 terdaftar sebagai penerima.", [], None),
    ("hijri_only", "Peringatan 1 Muharram 1446 H digelar di masjid.", [], None),
    ("plate", "Kendaraan bernopol B 1234 XYZ diamankan petugas.", [], None),
    ("age_range", "Peserta berusia 12-15 tahun dan 17/18 tahun.", [], None),
]


@pytest.mark.parametrize(
    ("text", "dates", "event"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_dates_and_event(text: str, dates: list[str], event: str | None) -> None:
    got = extract(text)
    assert all(text[f.start : f.end] == f.text for f in got.dates)
    assert sorted(f.value for f in got.dates) == sorted(dates)
    assert got.event_date == event
