"""Round 4 of participants (people counts) on report snippets written for the project.

Every sentence below was written by hand in the styles the reports use (police operations,
aid distribution, health services, disaster response, schools and training, village meetings,
religious events, sports; formal "laporan" forms, flattened tables, web news). No name or
number comes from the dev set. Expected sets follow GUIDE.md on participants.
"""

from __future__ import annotations

import pytest

from nlp import extract


def count_set(text: str) -> set[int]:
    return {f.count for f in extract(text).participants}


FOUND = [
    # police operations and arrests
    ("Dalam operasi itu polisi mengamankan 7 orang tersangka dan 12 paket sabu.", {7}),
    ("Satresnarkoba menangkap 3 pelaku, 2 di antaranya masih pelajar.", {3, 2}),
    ("Pengamanan ibadah melibatkan 2 SSK atau sekitar 200 personel gabungan.", {200}),
    ("Sebanyak 30 prajurit Yonif 521 dan 20 personel Brimob disiagakan.", {30, 20}),
    ("Apel siaga diikuti 75 pers gabungan TNI-Polri dan instansi terkait.", {75}),
    ("Pengamanan pertandingan melibatkan 120 pers. dari Polres dan Kodim.", {120}),
    ("Razia knalpot brong menjaring 41 pengendara sepeda motor.", {41}),
    ("Operasi Ketupat 2025 melibatkan 1.500 personel di sepanjang jalur mudik.", {1500}),
    # social aid
    ("Bantuan beras 10 kg disalurkan kepada 250 KPM di tujuh desa.", {250}),
    ("Bantuan Rp 600 ribu diberikan kepada 150 KK penerima.", {150}),
    ("Sebanyak 500 paket sembako dibagikan kepada 480 warga kurang mampu.", {480}),
    ("Sembako dibagikan kepada 100an orang warga lanjut usia.", {100}),
    ("Penyaluran BLT Dana Desa kepada 64 keluarga penerima manfaat berjalan lancar.", {64}),
    # health services
    ("Posyandu Mawar melayani 48 balita dan 12 ibu hamil pada hari itu.", {48, 12}),
    ("Vaksinasi diikuti 230 anak usia 6 sampai 11 tahun.", {230}),
    ("Pemeriksaan kesehatan gratis diberikan bagi 75 lansia di balai desa.", {75}),
    ("Donor darah diikuti kl. 60 orang pendonor dari berbagai instansi.", {60}),
    # disaster response
    ("Banjir merendam 320 rumah, 1.100 jiwa terdampak dan 45 KK mengungsi.", {1100, 45}),
    ("Sebanyak 3 orang meninggal dunia dan 5 orang luka ringan akibat longsor.", {3, 5}),
    ("Tim SAR gabungan yang terdiri dari 60 personel dikerahkan ke lokasi.", {60}),
    ("Total korban meninggal 12 orang, sedangkan 4 orang masih dicari.", {12, 4}),
    # schools and training
    ("Pelatihan diikuti 30 peserta dari 15 desa di kecamatan tersebut.", {30}),
    ("Masa pengenalan lingkungan sekolah diikuti 300 siswa baru.", {300}),
    ("Workshop menghadirkan 3 narasumber dan diikuti sekitar 80 guru.", {3, 80}),
    # village meetings
    ("Musyawarah desa dihadiri 45 orang yang terdiri dari perangkat desa dan BPD.", {45}),
    ("Di RT 03 RW 05, 20 warga bergotong royong membersihkan saluran.", {20}),
    ("Rapat koordinasi dihadiri sebanyak lk 40 orang dari unsur Forkopimcam.", {40}),
    # religious events
    ("Sholat Idul Adha di lapangan diikuti sekitar 2.000 jamaah.", {2000}),
    ("Manasik haji diikuti 212 calon jemaah dari sebelas kecamatan.", {212}),
    # sports
    ("Lomba lari 10K diikuti 350 pelari dari berbagai daerah.", {350}),
    ("Kontingen daerah mengirim 2 orang atlet dan 1 orang pelatih.", {2, 1}),
    # formal forms, tables flattened to text, number words
    ("Jumlah peserta : 45 (empat puluh lima) orang", {45}),
    ("Jumlah peserta : (empat puluh) orang", {40}),
    ("Peserta yang hadir : (dua puluh lima) orang peserta", {25}),
    ("Jumlah peserta : 32 org", {32}),
    ("Hadir dalam kegiatan ± 50 orang warga masyarakat.", {50}),
    ("Kegiatan dihadiri kurleb 70 orang jamaah.", {70}),
    ("Kegiatan dihadiri sekitar 30-an relawan.", {30}),
    (
        "No Nama Kegiatan Jumlah Peserta Ket\n1 Sosialisasi 25 orang -\n2 Penyuluhan 30 orang -",
        {25, 30},
    ),
    ("Kekuatan personel : 24 orang\nSasaran : pengendara roda dua", {24}),
    ("Tercatat 2.345 pengunjung memadati area pameran pada hari kedua.", {2345}),
    ("Kegiatan tersebut melibatkan 3 orang saksi dan 2 orang ahli.", {3, 2}),
    # units restated as people, targets met, habitual words far from the number
    ("Sebanyak 1 peleton atau 30 personel Sabhara diterjunkan ke lokasi.", {30}),
    ("Sebanyak 6 kepala keluarga atau 21 jiwa mengungsi ke rumah kerabat.", {6, 21}),
    ("Panitia menargetkan 500 orang dan tercapai 320 orang.", {320}),
    ("Pertemuan rutin digelar setiap bulan dan kali ini diikuti 40 kader.", {40}),
    ("Sasaran kegiatan adalah pelajar SMA, dan sosialisasi diikuti 80 siswa.", {80}),
    ("Dari total 200 peserta, 120 di antaranya perempuan.", {200, 120}),
    # "masing-masing" after a count of people breaks it down; before a group it distributes
    ("Peserta berjumlah 40 orang, masing-masing 18 laki-laki dan 22 perempuan.", {40, 18, 22}),
    ("Diikuti 30 peserta, masing-masing 3 orang dari tiap desa.", {30}),
    ("Hadir 40 orang, masing-masing kecamatan mengirim 8 orang.", {40}),
    # more people words
    ("Dalam aksi tersebut sekitar 1.500 massa mendatangi gedung DPRD.", {1500}),
    ("Satpol PP menertibkan 32 PKL di sepanjang trotoar alun-alun.", {32}),
    ("Sebanyak 14 ABK kapal nelayan berhasil dievakuasi tim SAR.", {14}),
    ("Ujian seleksi diikuti 640 CPNS di gedung olahraga.", {640}),
    ("Personil yang terlibat sebanyak 25 (dua puluh lima) orang.", {25}),
]

NOT_FOUND = [
    # vague amounts
    "Puluhan personel gabungan dikerahkan ke lokasi kebakaran.",
    "Ribuan jemaah memadati masjid agung malam itu.",
    "Ratusan warga turun ke jalan menyambut rombongan.",
    # enrolment, selection, planned and target numbers
    "Ada 40 siswa yang terpilih, terdiri dari 22 laki-laki dan 18 perempuan.",
    "Sebanyak 25 siswa yang terpilih akan bersekolah di asrama mulai bulan depan.",
    "Rencananya kegiatan ini akan diikuti 300 peserta dari seluruh kecamatan.",
    "Pelatihan direncanakan diikuti 150 orang kader.",
    "Program vaksinasi ini menyasar 1.200 pelajar SMP.",
    "Sasaran imunisasi tahun ini 860 balita.",
    "Sekolah tersebut menampung 420 siswa dari keluarga tidak mampu.",
    # distributive and rates
    "Setiap desa mengirimkan 5 orang perwakilan.",
    "Tiap kelompok beranggotakan 10 orang.",
    "Masing-masing kecamatan diwakili 4 orang kader.",
    "Bantuan diberikan kepada 3 desa, masing-masing 50 KK.",
    "Peserta berasal dari 12 desa, 6 orang dari setiap desa.",
    "Survei menyebut 3 dari 10 orang dewasa kurang tidur.",
    "Rasionya 1 dokter untuk setiap 2.500 penduduk.",
    # ages and years
    "Warga berusia 60 tahun ke atas mendapat prioritas.",
    "Sejak 2015 warga rutin menggelar kerja bakti.",
    "Pada tahun 1990an warga mulai menanam kopi di lereng gunung.",
    # phone numbers, RT/RW, organisation numbers
    "Warga dapat melapor ke nomor 0812 3456 7890 atau ke pos terdekat.",
    "RT 05/RW 03 warga bergotong royong.",
    "Anggota Kodim 0808 personel lainnya turut hadir.",
    "Kegiatan di Koramil 0815-02 warga setempat turut membantu.",
    # things, money, percentages, ranks, schedules
    "Turnamen voli diikuti 16 tim dari seluruh desa.",
    "Petugas menyembelih 12 ekor sapi dan 30 ekor kambing.",
    "Tim meraih 3 medali emas dan 2 medali perak.",
    "Sebanyak 85 persen warga sudah menerima vaksin.",
    "Cakupan imunisasi mencapai 95% balita.",
    "Ia meraih peringkat 3 siswa berprestasi tingkat kabupaten.",
    "Pukul 08.00 WIB peserta berkumpul di halaman kantor.",
    "Pada sesi 2 peserta diajak praktik langsung.",
    "Biaya pendaftaran Rp 50.000 per orang.",
    "Sebanyak 2 unit ambulans dan 3 perahu karet disiagakan.",
    "Konferensi pers 2 kali digelar di Mapolres.",
    "Personil yang terlibat sebanyak 1 (satu) SST.",
    "Pengamanan melibatkan 2 SSK personel Brimob.",
    # items listed after a governing word, labels, ranges, statistics, openings
    "Sekolah tersebut memiliki 15 guru dan 300 siswa.",
    "Sasaran kegiatan 100 balita, 80 ibu hamil dan 20 lansia.",
    "Batch 3 peserta mengikuti ujian praktik pada hari kedua.",
    "Di Pos 1 petugas memeriksa setiap kendaraan yang masuk.",
    "Diperkirakan 10 orang hingga 15 orang terluka ringan.",
    "Angka kemiskinan di daerah itu 7,5 persen atau 21.400 orang.",
    "Lowongan ini dibuka untuk 20 orang tenaga honorer.",
    "Jumlah pemilih dalam DPT sebanyak 2.450 orang.",
    # single person in words
    "Seorang warga melapor kehilangan sepeda motor.",
    "Satu orang pelaku masih dalam pengejaran.",
]


@pytest.mark.parametrize(("text", "expected"), FOUND)
def test_round4_counts_found(text: str, expected: set[int]) -> None:
    assert count_set(text) == expected


@pytest.mark.parametrize("text", NOT_FOUND)
def test_round4_counts_not_found(text: str) -> None:
    assert count_set(text) == set()


@pytest.mark.parametrize(
    ("text", "phrase", "approximate"),
    [
        ("Rapat dihadiri sebanyak lk 40 orang dari unsur desa.", "sebanyak lk 40 orang", True),
        ("Donor darah diikuti kl. 60 orang pendonor.", "kl. 60 orang pendonor", True),
        ("Sembako dibagikan kepada 100an orang warga.", "100an orang warga", True),
        ("Kegiatan dihadiri kurleb 70 orang jamaah.", "kurleb 70 orang jamaah", True),
        ("Jumlah peserta : (empat puluh) orang", "(empat puluh) orang", False),
    ],
)
def test_round4_phrase_and_qualifier(text: str, phrase: str, approximate: bool) -> None:
    (fact,) = extract(text).participants
    assert (fact.text, fact.approximate) == (phrase, approximate)
