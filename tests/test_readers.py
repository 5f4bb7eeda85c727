"""service/readers: one reader per format, failures as IngestError with a reason."""

import pytest
from conftest import docx_bytes, pdf_bytes

from service.readers import IngestError, read_bytes

PAGE_1 = "Laporan kegiatan patroli gabungan di pasar induk.\nBaris kedua halaman pertama."
PAGE_2 = "Halaman kedua: kegiatan ditutup dengan doa bersama."


@pytest.mark.parametrize("engine", ["pypdfium2", "pdfplumber"])
def test_pdf_text_layer_keeps_pages(engine):
    doc = read_bytes(pdf_bytes([PAGE_1, PAGE_2]), "lap.pdf", pdf_engine=engine)
    assert doc.page_count == 2
    offset = doc.text.index("doa bersama")
    assert doc.page_of(offset) == 2
    assert doc.page_of(doc.text.index("patroli")) == 1
    assert "\r" not in doc.text


@pytest.mark.parametrize("engine", ["pypdfium2", "pdfplumber"])
def test_pdf_password_protected(engine):
    with pytest.raises(IngestError) as info:
        read_bytes(pdf_bytes([PAGE_1], password="rahasia"), "kunci.pdf", pdf_engine=engine)
    assert info.value.status == 422
    assert "password-protected" in info.value.reason
    assert info.value.kind == "encrypted"


@pytest.mark.parametrize(
    ("data", "name", "reason"),
    [
        (b"ini bukan pdf sama sekali", "palsu.pdf", "not a PDF"),
        (b"%PDF-1.4\n rusak total", "rusak.pdf", "damaged"),
        (b"", "kosong.txt", "empty"),
        (b"   \n", "kosong.html", "empty"),
        (b"bukan zip", "surat.docx", "not a .docx"),
        (b"PK\x03\x04 rusak", "rusak.docx", "damaged"),
        (b"\xd0\xcf\x11\xe0 lama", "lama.docx", "old Word"),
        (b"ab\x00\x00cd", "biner.txt", "binary"),
    ],
)
def test_bad_files_are_422_with_a_reason(data, name, reason):
    with pytest.raises(IngestError) as info:
        read_bytes(data, name, pdf_engine="pypdfium2")
    assert info.value.status == 422
    assert reason in info.value.reason


def test_unsupported_suffix_is_415():
    with pytest.raises(IngestError) as info:
        read_bytes(b"MZ...", "program.exe")
    assert info.value.status == 415
    assert ".pdf" in info.value.reason


def test_pdf_without_text_layer_gets_its_own_status():
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.rect(10, 10, 50, 50)  # a drawing, no text: what a scan looks like to a text reader
    with pytest.raises(IngestError) as info:
        read_bytes(bytes(pdf.output()), "pindaian.pdf", pdf_engine="pypdfium2")
    assert info.value.kind == "no_text_layer"
    assert "no text" in info.value.reason


def mojibake(text: str) -> bytes:
    """UTF-8 read as cp1252 (undefined bytes kept as C1 controls) and saved as UTF-8 again."""
    return "".join(bytes([b]).decode("cp1252", "ignore") or chr(b) for b in text.encode()).encode()


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"Jum'at, 5 Mei", "Jum'at, 5 Mei"),
        ("Café di Desa".encode("cp1252"), "Café di Desa"),  # old Windows file
        (mojibake("Jum’at pagi"), "Jum’at pagi"),
        (mojibake("Kegiatan “bakti” sosial – Café"), "Kegiatan “bakti” sosial – Café"),
        ("\ufeffDengan BOM".encode(), "Dengan BOM"),
        ("Berkas UTF-16".encode("utf-16"), "Berkas UTF-16"),
        ("Harga Rp 5.000 – murah".encode(), "Harga Rp 5.000 – murah"),  # no false repair
    ],
)
def test_text_decoding(data, expected):
    assert read_bytes(data, "a.txt").text == expected


def test_html_drops_script_and_style_and_keeps_blocks():
    html = (
        b"<html><head><meta charset='utf-8'><title>Judul Berita</title>"
        b"<style>p{color:red}</style><script>var x = 'bukan teks';</script></head>"
        b"<body><h1>Apel Pagi</h1><p>Kegiatan &amp; doa bersama</p><div>Baris lain</div>"
        b"<table><tr><td>Nama</td><td>Jumlah</td></tr></table></body></html>"
    )
    doc = read_bytes(html, "berita.html")
    assert doc.title == "Judul Berita"
    assert "bukan teks" not in doc.text and "color" not in doc.text
    assert "Kegiatan & doa bersama" in doc.text
    lines = doc.text.splitlines()
    assert "Apel Pagi" in lines and "Baris lain" in lines


def test_docx_paragraphs_and_tables_in_order():
    data = docx_bytes(
        ["Laporan rapat koordinasi.", "Dihadiri para camat."],
        table=[["Instansi", "Jumlah"], ["Dinas Sosial", "12 orang"]],
    )
    doc = read_bytes(data, "rapat.docx")
    assert doc.text.index("Laporan rapat") < doc.text.index("Dinas Sosial\t12 orang")
    assert doc.media_type.endswith("wordprocessingml.document")


def test_media_type_is_used_when_the_name_has_no_suffix():
    assert read_bytes(b"halo dunia", "tanpa-akhiran", "text/plain").text == "halo dunia"
