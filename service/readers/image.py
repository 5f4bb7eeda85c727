"""Scanned pages as images (PNG, JPEG, TIFF) through OCR; each TIFF frame is a page."""

from __future__ import annotations

import io
from collections.abc import Iterator

from . import Document, IngestError, limits, ocr

FORMATS = {"PNG": "image/png", "JPEG": "image/jpeg", "TIFF": "image/tiff", "MPO": "image/jpeg"}
MAX_PAGES = 500  # a TIFF claiming more frames than this is refused rather than OCRed for hours
MAX_PIXELS = 80_000_000  # per page; A4 at 600 dpi is 35M, A1 at 300 dpi 70M


def _open(data: bytes):
    from PIL import Image, UnidentifiedImageError

    too_large = IngestError(f"the image is too large to OCR (over {MAX_PIXELS:,} pixels)")
    try:
        image = Image.open(io.BytesIO(data))  # reads the header only
    except UnidentifiedImageError as ex:
        raise IngestError("not an image file (PNG, JPEG or TIFF expected)") from ex
    except Image.DecompressionBombError as ex:
        raise too_large from ex
    except (OSError, ValueError, SyntaxError) as ex:  # Pillow's errors for damaged data
        raise IngestError(f"the image is damaged or unreadable: {ex}") from ex
    if image.format not in FORMATS:
        raise IngestError(f"unsupported image format {image.format}; PNG, JPEG or TIFF expected")
    if image.width * image.height > MAX_PIXELS:  # checked before decoding a single pixel
        raise too_large
    try:
        image.load()  # decode the first frame now so truncated files fail here
    except (OSError, ValueError, SyntaxError) as ex:
        raise IngestError(f"the image is damaged or unreadable: {ex}") from ex
    return image


def _gray(frame):
    """Grayscale on white: transparent areas would otherwise turn black and hide text."""
    from PIL import Image

    if frame.mode in ("RGBA", "LA", "PA") or "transparency" in frame.info:
        rgba = frame.convert("RGBA")
        background = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        frame = Image.alpha_composite(background, rgba)
    return frame.convert("L")


def _frames(image) -> Iterator[tuple[int, object]]:
    from PIL import ImageOps

    count = getattr(image, "n_frames", 1)
    most = min(MAX_PAGES, limits.current().max_pages)
    if count > most:
        raise IngestError(f"the image has {count} pages; at most {most} are read")
    for index in range(count):
        try:
            image.seek(index)
            frame = ImageOps.exif_transpose(image)  # phone photos: honour the rotation flag
        except (OSError, ValueError, EOFError) as ex:
            raise IngestError(f"page {index + 1} of the image is damaged: {ex}") from ex
        if frame.width * frame.height > MAX_PIXELS:
            raise IngestError(f"page {index + 1} of the image is too large to OCR")
        gray = _gray(frame)
        if "dpi" in image.info:
            gray.info["dpi"] = image.info["dpi"]
        yield index + 1, gray


def read(data: bytes) -> Document:
    image = _open(data)
    ocr.require()
    texts = ocr.ocr_images(_frames(image))
    doc = Document.from_pages(
        list(texts.values()),
        FORMATS[image.format],
        ocr_pages=[n for n, text in texts.items() if text.strip()],
    )
    if not doc.text.strip():
        raise IngestError("OCR found no text in the image")
    return doc
