"""OCR of scanned pages made here: text rendered to an image, noise added, read back."""

from __future__ import annotations

import io
import json
import random
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image, ImageDraw, ImageFilter, ImageFont

import nlp
from service.readers import IngestError, ocr, read_bytes, read_path

needs_ocr = pytest.mark.skipif(
    not ocr.available(), reason=ocr.unavailable_reason() or "tesseract available"
)

# A fictional report written for this test (no real event).
REPORT = [
    "LAPORAN KEGIATAN",
    "Pada hari Kamis tanggal 14 Agustus 2025 sekitar pukul 09.00 WIB,",
    "Dinas Sosial Kabupaten Wonosobo menyalurkan bantuan sembako",
    "kepada warga terdampak tanah longsor di Kecamatan Kejajar.",
    "Kegiatan diikuti sebanyak 45 orang penerima bantuan.",
]
KEY_WORDS = ["14 Agustus 2025", "Dinas Sosial", "Kabupaten Wonosobo", "Kejajar", "45 orang"]
SECOND_PAGE = ["Halaman kedua: Polres Temanggung turut", "mengamankan jalannya kegiatan."]

FONT_FILES = [
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
]


def _font(size: int) -> ImageFont.ImageFont | ImageFont.FreeTypeFont:
    for path in FONT_FILES:
        if Path(path).exists():
            return ImageFont.truetype(path, size)
    return ImageFont.load_default(size=size)  # Pillow >= 10.1 scales its built-in font


def scanned_page(lines: list[str], seed: int = 1) -> Image.Image:
    """An A4 page at 300 dpi with 12 pt text, slightly rotated, blurred and speckled."""
    rng = random.Random(seed)
    page = Image.new("L", (2480, 3508), 250)
    draw = ImageDraw.Draw(page)
    font = _font(50)  # 12 pt at 300 dpi
    y = 300
    for line in lines:
        draw.text((250, y), line, font=font, fill=20)
        y += 85
    page = page.rotate(0.6, resample=Image.Resampling.BICUBIC, fillcolor=250)
    page = page.filter(ImageFilter.GaussianBlur(0.7))
    pixels = page.load()
    for _ in range(6000):  # salt and pepper, as on a dusty scanner glass
        x, y = rng.randrange(page.width), rng.randrange(page.height)
        pixels[x, y] = rng.choice((0, 255))
    page.info["dpi"] = (300, 300)
    return page


def to_bytes(image: Image.Image, fmt: str, **kw) -> bytes:
    buf = io.BytesIO()
    image.save(buf, fmt, **kw)
    return buf.getvalue()


def scanned_pdf(*pages: Image.Image) -> bytes:
    """A PDF with only images on its pages: no text layer, as a scanner makes it."""
    buf = io.BytesIO()
    pages[0].save(buf, "PDF", resolution=300, save_all=True, append_images=list(pages[1:]))
    return buf.getvalue()


def flat(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def page() -> Image.Image:
    return scanned_page(REPORT)


@needs_ocr
def test_ocr_image_reads_the_key_words(page):
    text = flat(ocr.ocr_image(page))
    for word in KEY_WORDS:
        assert word in text, (word, text)


@needs_ocr
@pytest.mark.parametrize(
    ("filename", "fmt", "kw"),
    [
        ("laporan.png", "PNG", {}),
        ("laporan.jpg", "JPEG", {"quality": 80}),
        ("laporan.tif", "TIFF", {"compression": "tiff_lzw"}),
    ],
)
def test_image_reader_ocrs_each_format(page, filename, fmt, kw):
    doc = read_bytes(to_bytes(page, fmt, **kw), filename)
    assert doc.ocr_pages == [1]
    assert doc.pages == [(0, len(doc.text))]
    assert all(word in flat(doc.text) for word in KEY_WORDS), doc.text
    result = nlp.extract(doc.text)  # the extractor runs on OCR output like on any text
    for fact in result.dates + result.places + result.agencies + result.participants:
        assert doc.text[fact.start : fact.end] == fact.text
    # ... and finds the rendered report's facts in it
    found = result.to_json()
    assert found["event_date"] == "2025-08-14"  # "Kamis tanggal 14 Agustus 2025"
    places = {(f["name"], f["level"], f["province"]) for f in found["places"]}
    assert ("Kabupaten Wonosobo", "kabupaten", "Jawa Tengah") in places
    assert [f["name"] for f in found["agencies"]] == ["Dinas Sosial Kabupaten Wonosobo"]
    assert [f["count"] for f in found["participants"]] == [45]  # "sebanyak 45 orang"


@needs_ocr
def test_multi_frame_tiff_is_pages(page):
    second = scanned_page(SECOND_PAGE, seed=2)
    data = to_bytes(page, "TIFF", save_all=True, append_images=[second])
    doc = read_bytes(data, "arsip.tiff")
    assert doc.ocr_pages == [1, 2]
    assert len(doc.pages) == 2
    first = doc.text[slice(*doc.pages[0])]
    assert "Wonosobo" in first and "Temanggung" not in first
    assert "Polres Temanggung" in flat(doc.text[slice(*doc.pages[1])])
    assert doc.page_of(doc.text.index("Temanggung")) == 2


@needs_ocr
def test_scanned_pdf_pages_are_ocred_in_parallel(page):
    blank = Image.new("L", (2480, 3508), 255)
    data = scanned_pdf(page, blank, scanned_page(SECOND_PAGE, seed=3))
    texts = ocr.ocr_pdf_pages(data, [1, 3], workers=2)
    assert list(texts) == [1, 3]
    assert all(word in flat(texts[1]) for word in KEY_WORDS), texts[1]
    assert "Polres Temanggung" in flat(texts[3])


@needs_ocr
def test_fill_empty_pdf_pages_keeps_the_text_layer(page):
    data = scanned_pdf(page, page)
    texts, ocred = ocr.fill_empty_pdf_pages(data, ["", "teks asli halaman dua"])
    assert ocred == [1]
    assert "Kabupaten Wonosobo" in flat(texts[0])
    assert texts[1] == "teks asli halaman dua"
    assert ocr.fill_empty_pdf_pages(data, ["a", "b"]) == (["a", "b"], [])


@needs_ocr
def test_scanned_pdf_through_the_reader(page, tmp_path):
    path = tmp_path / "pindaian.pdf"
    path.write_bytes(scanned_pdf(page))
    doc = read_path(path)
    assert doc.ocr_pages == [1]
    assert "Kabupaten Wonosobo" in flat(doc.text)


@needs_ocr
def test_arsip_extract_reads_images(page, tmp_path):
    path = tmp_path / "laporan.png"
    path.write_bytes(to_bytes(page, "PNG"))
    cmd = [sys.executable, "-m", "service.cli", "extract", str(path)]
    proc = subprocess.run(cmd, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    row = json.loads(proc.stdout)
    assert row["file"] == str(path) and "error" not in row
    for key in ("dates", "places", "agencies", "participants"):
        assert row[key] and all(fact["page"] == 1 for fact in row[key]), key
    assert row["event_date"] == "2025-08-14"


@needs_ocr
def test_transparent_png_is_read_on_white():
    ink = Image.new("LA", (1400, 200), (0, 0))  # black and fully transparent
    draw = ImageDraw.Draw(ink)
    draw.text((20, 60), "Kantor Camat Kejajar", font=_font(60), fill=(0, 255))
    doc = read_bytes(to_bytes(ink, "PNG"), "stempel.png")
    assert "Kantor Camat Kejajar" in flat(doc.text)


def test_huge_image_is_refused_before_decoding():
    data = to_bytes(Image.new("1", (9_000, 9_000), 1), "PNG")
    with pytest.raises(IngestError, match="too large"):
        read_bytes(data, "poster.png")


@pytest.mark.parametrize(
    ("data", "filename", "reason"),
    [
        (b"%PDF-1.4 bukan gambar", "scan.png", "not an image file"),
        (b"teks biasa, bukan gambar", "scan.jpg", "not an image file"),
        (to_bytes(Image.new("L", (8, 8)), "GIF"), "scan.tif", "unsupported image format GIF"),
        (to_bytes(Image.effect_noise((64, 64), 60), "PNG")[:2000], "scan.png", "damaged"),
    ],
)
def test_not_an_image_is_refused_with_a_reason(data, filename, reason):
    with pytest.raises(IngestError) as err:
        read_bytes(data, filename)
    assert reason in err.value.reason
    assert err.value.status == 422


def test_missing_tesseract_gives_a_clear_status(monkeypatch, page):
    monkeypatch.setattr(ocr.shutil, "which", lambda name: None)
    ocr.unavailable_reason.cache_clear()
    try:
        with pytest.raises(IngestError) as err:
            read_bytes(to_bytes(page, "PNG"), "scan.png")
        assert err.value.reason == "OCR unavailable: tesseract is not installed"
        assert err.value.status == 422
        # A PDF with a text layer on some pages keeps that text without OCR.
        assert ocr.fill_empty_pdf_pages(b"", ["", "ada teks"]) == (["", "ada teks"], [])
        with pytest.raises(IngestError, match="tesseract is not installed"):
            ocr.fill_empty_pdf_pages(b"", ["", " "])
    finally:
        ocr.unavailable_reason.cache_clear()


@needs_ocr
def test_a_page_that_times_out_is_reported(page):
    with pytest.raises(IngestError, match="timed out"):
        ocr.ocr_image(page, timeout=0.01)
