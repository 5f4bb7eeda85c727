import pytest

from nlp import extract


def counts(text: str) -> list[int]:
    return [f.count for f in extract(text).participants]


@pytest.mark.parametrize(
    "text, expected",
    [
        # digits, thousands dots, number words
        ("Kegiatan tersebut diikuti sebanyak 40 orang.", [40]),
        ("Apel gelar pasukan melibatkan 1.250 personel gabungan.", [1250]),
        ("Sosialisasi dihadiri lima belas orang warga.", [15]),
        ("Sebanyak dua ratus lima puluh peserta mengikuti lomba.", [250]),
        ("Tercatat seribu relawan turun ke lapangan.", [1000]),
        ("Pelatihan diikuti sebelas guru dan seratus dua puluh lima siswa.", [11, 125]),
        ("Bantuan diberikan kepada dua ribu kepala keluarga.", [2000]),
        ("Rapat dihadiri tiga puluh kader posyandu.", [30]),
        ("Polisi mengamankan 1 orang pelaku.", [1]),
        ("Polisi mengamankan 1 (satu) orang pelaku.", [1]),
        # qualifiers
        ("Hadir kurang lebih 60 warga.", [60]),
        ("Acara diikuti kurang-lebih 35 pelajar.", [35]),
        ("Hadir ± 45 tamu undangan.", [45]),
        ("Sekitar 300 pengunjung memadati alun-alun.", [300]),
        ("Lomba diikuti lebih dari 750 atlet.", [750]),
        ("Hampir 4.000 pemudik melintas.", [4000]),
        ("Vaksinasi mencapai 640 balita.", [640]),
        ("Tak kurang dari 90 relawan membantu.", [90]),
        # nouns first, breakdowns, households
        ("Peserta sebanyak 52 orang berasal dari tiga desa.", [52]),
        ("Jumlah peserta 130 orang.", [130]),
        ("Jumlah peserta: 85.", [85]),
        ("Kegiatan ini diikuti oleh 64 mahasiswa.", [64]),
        ("Personel yang dilibatkan sebanyak 310 personel.", [310]),
        ("Peserta yang hadir berjumlah 47.", [47]),
        ("Bantuan sembako diserahkan kepada 120 KK di Desa Sukamaju.", [120]),
        ("Sebanyak 26 orang, terdiri dari 14 laki-laki dan 12 perempuan.", [26, 14, 12]),
        ("Lomba diikuti 31 peserta (17 putra dan 14 putri).", [31, 17, 14]),
        # a population or capacity rules out its own number, not a later one
        ("Desa berpenduduk 2.300 jiwa itu menggelar rapat dengan 40 warga.", [40]),
        ("Kapal berkapasitas 200 penumpang itu mengangkut 150 penumpang.", [150]),
        ("Korban mencapai 23 orang, 17 di antaranya selamat.", [23, 17]),
        ("Sebanyak 9 orang tersangka diamankan, 3 orang di antaranya perempuan.", [9, 3]),
        # each number once, first mention
        ("Hadir 70 peserta. Ke-70 peserta tersebut mendapat sertifikat dari 70 peserta.", [70]),
        ("Pelatihan diikuti 18 orang tua siswa.", [18]),
        # official style: digits with the words in brackets, and the reverse
        ("Giat diikuti oleh 4 (empat) orang anggota.", [4]),
        ("Hadir dua puluh tujuh (27) orang peserta.", [27]),
        ("Sebanyak 33 orang lebih hadir.", [33]),
        ("Pemeriksaan bagi lansia usia 65 tahun 21 orang.", [21]),
        ("Tercatat sebanyak 2020 peserta.", [2020]),
        ("Pengamanan oleh anggota Koramil 4 orang dan anggota Polsek 6 orang.", [4, 6]),
        ("Kepala keluarga penerima sebanyak 36.", [36]),
        ("Anggota yang bertugas berjumlah dua belas.", [12]),
    ],
)
def test_counts_found(text, expected):
    assert counts(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Seorang warga melapor ke pos polisi.",
        "Satu orang pelaku masih buron.",
        "Satu korban yang ditemukan sudah dikenali keluarganya.",
        "Puluhan warga dan ratusan siswa serta ribuan pengunjung hadir.",
        "Diperkirakan 13-14 orang terluka.",
        "Antara 10 sampai 15 orang berkumpul.",
        "Dua hingga tiga orang terlihat di lokasi.",
        "Korban berusia 17 tahun, warga Desa Sukamaju.",
        "Pelaku, Budi (19) warga Kecamatan Ciawi, ditangkap.",
        "Barang bukti 3 unit sepeda motor, 10 paket sabu dan 2 ton beras.",
        "Dana sebesar Rp 350 juta disalurkan, masing-masing Rp 500 ribu rupiah.",
        "Pada 17 Agustus 2024 pukul 09.00 WIB upacara dimulai.",
        "Jumlah penduduk desa tersebut mencapai 3.200 jiwa.",
        "Desa ini berpenduduk 5.100 jiwa.",
        "Target peserta tahun ini 500 orang.",
        "Kegiatan ini ditargetkan diikuti 800 peserta.",
        "Kuota peserta 40 orang.",
        "Aula memiliki kapasitas 300 orang.",
        "Gedung dengan daya tampung 250 orang.",
        "Sekolah ini memiliki 420 siswa.",
        "Jumlah peserta naik dari 150 orang tahun lalu.",
        "Salah satu warga mengaku senang.",
        "Pasien Covid-19 warga setempat dirawat.",
        "Peserta ke-3 orang dari Bandung.",
        "Rombongan tiba tahun 2023 warga menyambut.",
        "Peserta sebanyak 50 paket bantuan.",
        "Sebanyak 1,5 juta orang mudik.",
        "Indonesia dihuni 270 juta jiwa.",
        "Biaya Rp 25.000 per orang.",
        "Maksimal 30 orang per kelas.",
        "Ia merupakan ibu dua anak.",
        "Grup itu memiliki 4 anak perusahaan.",
        "Operasi Zebra 2024 personel gabungan disiagakan.",
        "Pembinaan di SMAN 2 siswa diajak berdiskusi.",
        "Ia meraih juara 1 pelajar teladan.",
        "Warga sebanyak 40 paket menerima.",
        "Dari 9 di Jakarta pindah.",
        "Sebanyak 12 (unit) personel.",
    ],
)
def test_counts_not_found(text):
    assert counts(text) == []


def test_fact_fields():
    text = "Kegiatan juga diikuti oleh peserta sebanyak kurang lebih 15 orang peserta."
    (fact,) = extract(text).participants
    assert fact.text == "sebanyak kurang lebih 15 orang peserta"
    assert text[fact.start : fact.end] == fact.text
    assert (fact.count, fact.approximate, fact.who) == (15, True, "peserta")


@pytest.mark.parametrize(
    "text, approximate, who",
    [
        ("Sebanyak 15 orang hadir.", False, "orang"),
        ("Sekitar 200 warga hadir.", True, "warga"),
        ("Tercatat 200-an orang hadir.", True, "orang"),
        ("Hadir 120 lebih peserta.", True, "peserta"),
        ("Sebanyak 8 kepala keluarga menerima bantuan.", False, "kepala keluarga"),
    ],
)
def test_approximate_and_who(text, approximate, who):
    (fact,) = extract(text).participants
    assert (fact.approximate, fact.who) == (approximate, who)
