"""agencies: names, acronyms, definitions, parents, folding and exclusions (GUIDE "agencies")."""

from __future__ import annotations

import pytest

from nlp import extract


def names(text: str) -> list[str]:
    return [a.name for a in extract(text).agencies if not a.inferred]


def agency(text: str, name: str):
    found = [a for a in extract(text).agencies if a.name == name]
    assert found, f"{name!r} not in {names(text)}"
    return found[0]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # head word + field words + region chain
        (
            "Kegiatan dibuka oleh Dinas Sosial Kabupaten Lumajang kemarin.",
            ["Dinas Sosial Kabupaten Lumajang"],
        ),
        (
            "Rapat digelar Badan Kesatuan Bangsa dan Politik Kota Madiun.",
            ["Badan Kesatuan Bangsa dan Politik Kota Madiun"],
        ),
        (
            "Dinas Pemberdayaan Perempuan dan Perlindungan Anak Kabupaten Sleman hadir.",
            ["Dinas Pemberdayaan Perempuan dan Perlindungan Anak Kabupaten Sleman"],
        ),
        ("Pemkab Gresik menggelar apel pagi.", ["Pemkab Gresik"]),
        ("Pemerintah Desa Sumberejo menyalurkan bantuan.", ["Pemerintah Desa Sumberejo"]),
        ("Puskesmas Kraksaan memeriksa warga.", ["Puskesmas Kraksaan"]),
        (
            "Kodim 0820/Probolinggo dan Koramil Kraksaan ikut membantu.",
            ["Kodim 0820/Probolinggo", "Koramil Kraksaan"],
        ),
        ("Polres Jember Polda Jatim menggelar razia.", ["Polres Jember Polda Jatim"]),
        ("Kementerian Dalam Negeri menerbitkan surat edaran.", ["Kementerian Dalam Negeri"]),
        # schools, universities, companies
        ("Siswa SMPN 2 Lumajang mengikuti lomba.", ["SMPN 2 Lumajang"]),
        ("Mahasiswa Universitas Jember melakukan KKN.", ["Universitas Jember"]),
        ("Bantuan diberikan oleh PT Sinar Makmur Abadi kepada warga.", ["PT Sinar Makmur Abadi"]),
        ("Bank BRI membuka layanan di pasar.", ["Bank BRI"]),
        # a name stops at a person's rank, a date word or a lower-case word
        ("Polres Lumajang AKBP Budi Santoso memimpin apel.", ["Polres Lumajang"]),
        (
            "Dinas Kesehatan Kota Malang Senin (3/2) memberi vaksin.",
            ["Dinas Kesehatan Kota Malang"],
        ),
        ("MUI Kabupaten Jombang dan NU menggelar doa bersama.", ["MUI Kabupaten Jombang", "NU"]),
        # field words in lower case after a body's head word
        ("Nelayan diminta berkoordinasi dengan dinas perikanan setempat.", ["dinas perikanan"]),
        # hospitals and colleges are named after people
        ("Korban dirujuk ke RSUD Dr Soedono Madiun.", ["RSUD Dr Soedono Madiun"]),
        ("Warga binaan Lapas Kelas IIA Madiun mengikuti pelatihan.", ["Lapas Kelas IIA Madiun"]),
        # a unit is written small to big; another unit after a bare acronym is a new name
        ("Personel Brimob Satgas Operasi Lilin berjaga.", ["Brimob", "Satgas Operasi Lilin"]),
        ("Pengurus Karang Taruna Desa Sumberejo rapat.", ["Karang Taruna Desa Sumberejo"]),
        # `TNI-Polri` is two bodies
        ("Sinergi TNI-Polri terus dijaga.", ["TNI", "Polri"]),
        # a person's name after an office ends it
        ("Kepala Bagian Umum Muhammad Rizal hadir.", ["Bagian Umum"]),
    ],
)
def test_chains(text: str, expected: list[str]) -> None:
    assert names(text) == expected


@pytest.mark.parametrize(
    ("text", "name", "kind", "expansion"),
    [
        (
            "Personel Polres Lumajang berjaga.",
            "Polres Lumajang",
            "police",
            "Kepolisian Resor Lumajang",
        ),
        (
            "BPBD Kabupaten Jember mengirim logistik.",
            "BPBD Kabupaten Jember",
            "government",
            "Badan Penanggulangan Bencana Daerah Kabupaten Jember",
        ),
        ("Anggota TNI membantu warga.", "TNI", "military", "Tentara Nasional Indonesia"),
        (
            "Petugas Basarnas mencari korban.",
            "Basarnas",
            "government",
            "Badan Nasional Pencarian dan Pertolongan",
        ),
        ("Pengurus MUI memberi tausiyah.", "MUI", "religious", "Majelis Ulama Indonesia"),
    ],
)
def test_acronym_expansion(text: str, name: str, kind: str, expansion: str) -> None:
    a = agency(text, name)
    assert (a.kind, a.expansion) == (kind, expansion)


@pytest.mark.parametrize(
    ("text", "name", "parent"),
    [
        (
            "Tim Garuda Polres Lumajang menangkap pelaku.",
            "Tim Garuda Polres Lumajang",
            "Polres Lumajang",
        ),
        ("Satreskrim Polres Jember memeriksa saksi.", "Satreskrim Polres Jember", "Polres Jember"),
        ("Dinas Sosial Kota Batu mendata warga.", "Dinas Sosial Kota Batu", None),
    ],
)
def test_parent(text: str, name: str, parent: str | None) -> None:
    assert agency(text, name).parent == parent


@pytest.mark.parametrize(
    ("text", "name", "aliases"),
    [
        # a definition in the text: the acronym is an alias, later uses fold in
        (
            "Dinas Ketahanan Pangan (DKP) Kabupaten Ngawi menggelar pasar murah. DKP juga membagikan beras.",
            "Dinas Ketahanan Pangan Kabupaten Ngawi",
            ["DKP"],
        ),
        # the same body written several ways is one agency
        (
            "Dinas Sosial Kota Kediri menyalurkan bantuan. Kepala Dinsos Kediri hadir. Dinas Sosial juga mendata.",
            "Dinas Sosial Kota Kediri",
            ["Dinas Sosial", "Dinsos Kediri"],
        ),
        (
            "Pemerintah Kabupaten Ngawi menggelar rapat. Pemkab Ngawi berkomitmen.",
            "Pemerintah Kabupaten Ngawi",
            ["Pemkab Ngawi"],
        ),
        (
            "Kepolisian Resor Blitar menggelar apel. Polres Blitar siaga.",
            "Kepolisian Resor Blitar",
            ["Polres Blitar"],
        ),
        (
            "Satuan Polisi Pamong Praja Kota Blitar menertibkan PKL. Satpol PP bertindak tegas.",
            "Satuan Polisi Pamong Praja Kota Blitar",
            ["Satpol PP"],
        ),
    ],
)
def test_alias_folding(text: str, name: str, aliases: list[str]) -> None:
    a = agency(text, name)
    assert a.aliases == aliases
    assert len(names(text)) == 1


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # generic references
        ("Pemerintah dan pihak kepolisian bersama dinas terkait membantu warga.", []),
        ("Polisi dan aparat desa mendata UMKM dan OPD.", []),
        # a lone unit word followed by "jajaran"/"terkait" is a kind of unit, not one unit
        ("Paparan profil Polsek jajaran disampaikan dalam rapat.", []),
        ("Apel diikuti Koramil jajaran dan Polsek Tempeh.", ["Polsek Tempeh"]),
        ("Pengamanan oleh Koramil dan Polsek Tempeh.", ["Koramil", "Polsek Tempeh"]),
        # an everyday word in a capitals line is not an acronym unit before a known one
        ("Kegiatan\n\nRAPAT PKK DESA SUKAMAJU DIGELAR", ["PKK DESA SUKAMAJU"]),
        # titles with the organisation fused in are not listed
        ("Kapolres Lumajang AKBP Budi memimpin apel.", []),
        ("Kapolri meresmikan gedung. Dandim 0821 hadir.", []),
        # titles that name no organisation
        ("Bupati Lumajang dan Camat Tempeh meninjau lokasi.", []),
        ("Menteri Sosial memberikan bantuan.", []),
        # a role word before a unit names the unit
        ("Bhabinkamtibmas Polsek Tempeh mendatangi warga.", ["Polsek Tempeh"]),
        ("Babinsa Koramil Tempeh membantu panen.", ["Koramil Tempeh"]),
        (
            "Kepala Dinas Sosial Kabupaten Lumajang memberi arahan.",
            ["Dinas Sosial Kabupaten Lumajang"],
        ),
        # a rank with TNI written out names TNI, not the person
        ("Kegiatan dihadiri Letjen TNI Suharto.", ["TNI"]),
        # publisher lines and the outlet's own name
        ("DENPASAR, KOMPAS.com - Polda Bali menggelar operasi.", ["Polda Bali"]),
        (
            "LUMAJANG, HUMAS - Dinas Sosial Kabupaten Lumajang hadir.",
            ["Dinas Sosial Kabupaten Lumajang"],
        ),
        ("Kegiatan berjalan lancar.\nPenulis: Tim Redaksi Polres\nEditor: Budi", []),
        ("Kegiatan berjalan lancar.\nArtikel ini telah tayang di Tribun Jatim", []),
        # buildings named after a unit are places to meet, not organisations
        ("Rapat digelar di Balai Desa Sukamaju Kecamatan Tempeh.", []),
        ("Warga berkumpul di Kantor Desa Sukamaju.", []),
        # a letter number is not a name
        ("Sesuai surat Nomor: 12/BPBD/IX/2020 kegiatan dimulai.", []),
    ],
)
def test_exclusions(text: str, expected: list[str]) -> None:
    assert names(text) == expected


def test_fused_title_reported_as_inferred() -> None:
    got = [a for a in extract("Kapolres Lumajang memimpin apel.").agencies if a.inferred]
    assert [a.name for a in got] == ["Polres Lumajang"]


def test_offsets_point_at_first_mention() -> None:
    text = "Warga dibantu Dinas Sosial. Lalu Dinas Sosial Kota Batu datang."
    a = agency(text, "Dinas Sosial Kota Batu")
    assert text[a.start : a.end] == a.text == "Dinas Sosial"


def test_context_excluded_interface() -> None:
    from nlp.context import Context
    from nlp.pipeline import get_nlp

    text = "BLITAR, PROKOPIM - Pemkab Blitar menggelar rapat."
    ctx = Context(doc=get_nlp()(text), text=text)
    s = text.index("PROKOPIM")
    assert ctx.is_excluded(s, s + len("PROKOPIM"))
    assert not ctx.is_excluded(0, 6)  # the dateline's place stays


@pytest.mark.parametrize(
    "text",
    ["Siswa MA dan MTs mengikuti lomba.", "Para guru MA hadir. MA menggelar rapat.", "MA"],
)
def test_a_lone_skipped_word_as_a_name_does_not_break_folding(text: str) -> None:
    # `MA` (madrasah aliyah) alone folds to an empty key: this raised IndexError before
    names(text)


def test_a_field_that_fails_costs_that_field_only(monkeypatch) -> None:
    """A bug in one field's rules on one text: the other fields are kept, the failure said."""
    from nlp import agencies

    def broken(ctx):
        raise IndexError("tuple index out of range")

    assert "errors" not in extract("Rapat di Kabupaten Malang.").to_json()
    monkeypatch.setattr(agencies, "find", broken)
    result = extract("Rapat di Kabupaten Malang pada 3 Maret 2021 diikuti 40 orang.")
    assert result.agencies == [] and result.errors == [
        "agencies: IndexError: tuple index out of range"
    ]
    assert [p.name for p in result.places] == ["Kabupaten Malang"]
    assert result.event_date == "2021-03-03" and [c.count for c in result.participants] == [40]
    assert result.to_json()["errors"] == result.errors
