"""OCR speed: seconds per scanned page with 1 worker vs all cores, printed.

Pages are rendered here (A4, 300 dpi, 12 pt Indonesian text, light noise) and put in
a PDF with no text layer, so the run times the real path: pdfium render + Tesseract.

    python bench/ocr_speed.py [--pages N]
"""

from __future__ import annotations

import argparse
import io
import os
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PIL import Image, ImageDraw, ImageFilter, ImageFont  # noqa: E402

from service.readers import ocr  # noqa: E402

# Fictional sentences written for the bench; each page draws a mix of them.
SENTENCES = [
    "Pada hari Selasa tanggal 9 September 2025 pukul 08.00 WIB bertempat di Balai Desa",
    "Sukamaju, Kecamatan Cibeber, Kabupaten Cianjur telah dilaksanakan penyuluhan",
    "kesehatan oleh Puskesmas Cibeber bersama Dinas Kesehatan Kabupaten Cianjur.",
    "Kegiatan dihadiri sekitar 80 orang warga, kader posyandu dan perangkat desa.",
    "Petugas Polsek Cibeber dan Babinsa Koramil setempat turut hadir mengamankan acara.",
    "Materi yang disampaikan meliputi pencegahan demam berdarah dan pola hidup bersih.",
    "Kegiatan berjalan dengan aman, tertib dan lancar hingga selesai pukul 11.30 WIB.",
]


def render_page(seed: int) -> Image.Image:
    rng = random.Random(seed)
    page = Image.new("L", (2480, 3508), 250)
    draw = ImageDraw.Draw(page)
    font_file = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
    font = (
        ImageFont.truetype(str(font_file), 46)
        if font_file.exists()
        else ImageFont.load_default(size=46)
    )
    y = 250
    while y < 3200:  # a full page of text, as in a typed report
        draw.text((220, y), rng.choice(SENTENCES), font=font, fill=20)
        y += 80
    page = page.rotate(rng.uniform(-0.8, 0.8), resample=Image.Resampling.BICUBIC, fillcolor=250)
    page = page.filter(ImageFilter.GaussianBlur(0.6))
    pixels = page.load()
    for _ in range(8000):
        pixels[rng.randrange(page.width), rng.randrange(page.height)] = rng.choice((0, 255))
    return page


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    cores = os.cpu_count() or 1
    parser.add_argument("--pages", type=int, default=max(4, 2 * cores))
    args = parser.parse_args()
    if not ocr.available():
        sys.exit(f"skipped: {ocr.unavailable_reason()}")

    images = [render_page(seed) for seed in range(args.pages)]
    buf = io.BytesIO()
    images[0].save(buf, "PDF", resolution=300, save_all=True, append_images=images[1:])
    data = buf.getvalue()
    numbers = list(range(1, args.pages + 1))

    timings: dict[int, float] = {}
    for workers in sorted({1, cores}):
        start = time.perf_counter()
        texts = ocr.ocr_pdf_pages(data, numbers, workers=workers)
        timings[workers] = time.perf_counter() - start
        words = sum(len(t.split()) for t in texts.values())
        print(
            f"{workers:>2} worker(s): {timings[workers] / args.pages:6.2f} s/page  "
            f"({args.pages} pages, {timings[workers]:.1f} s, {words} words)"
        )
    if cores > 1:
        print(f"speed-up with {cores} workers: {timings[1] / timings[cores]:.2f}x")


if __name__ == "__main__":
    main()
