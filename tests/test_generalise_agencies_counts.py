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
]


@pytest.mark.parametrize(("text", "expected"), COUNT_CASES)
def test_counts_generalise(text: str, expected: set[int]) -> None:
    assert {f.count for f in extract(text).participants} == expected
