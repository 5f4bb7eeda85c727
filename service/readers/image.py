"""Scanned pages as images (PNG, JPEG, TIFF) through OCR; each TIFF frame is a page."""

from __future__ import annotations

import io
import warnings
from collections.abc import Iterator

from . import Document, IngestError, ocr

PAGE_BREAK = "\n\n"
FORMATS = {"PNG": "image/png", "JPEG": "image/jpeg", "TIFF": "image/tiff", "MPO": "image/jpeg"}
MAX_PAGES = 500  # a TIFF claiming more frames than this is refused rather than OCRed for hours


def _open(data: bytes):
    from PIL import Image, UnidentifiedImageError

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data))
            image.load()  # decode the first frame now so truncated files fail here
    except (UnidentifiedImageError, Image.DecompressionBombWarning) as ex:
        if isinstance(ex, UnidentifiedImageError):
            raise IngestError("not an image file (PNG, JPEG or TIFF expected)") from ex
        raise IngestError("the image is too large to OCR") from ex
    except Image.DecompressionBombError as ex:
        raise IngestError("the image is too large to OCR") from ex
    except (OSError, ValueError, SyntaxError) as ex:  # Pillow's errors for damaged data
        raise IngestError(f"the image is damaged or unreadable: {ex}") from ex
    if image.format not in FORMATS:
        raise IngestError(f"unsupported image format {image.format}; PNG, JPEG or TIFF expected")
    return image


def _frames(image) -> Iterator[tuple[int, object]]:
    from PIL import ImageOps

    count = getattr(image, "n_frames", 1)
    if count > MAX_PAGES:
        raise IngestError(f"the image has {count} pages; at most {MAX_PAGES} are read")
    for index in range(count):
        try:
            image.seek(index)
            frame = ImageOps.exif_transpose(image)  # phone photos: honour the rotation flag
        except (OSError, ValueError, EOFError) as ex:
            raise IngestError(f"page {index + 1} of the image is damaged: {ex}") from ex
        if "dpi" in image.info:
            frame.info["dpi"] = image.info["dpi"]
        yield index + 1, frame.convert("L")


def read(data: bytes) -> Document:
    image = _open(data)
    ocr.require()
    texts = ocr.ocr_images(_frames(image))
    parts: list[str] = []
    pages: list[tuple[int, int]] = []
    pos = 0
    for text in texts.values():
        if parts:
            parts.append(PAGE_BREAK)
            pos += len(PAGE_BREAK)
        parts.append(text)
        pages.append((pos, pos + len(text)))
        pos += len(text)
    doc = Document(
        text="".join(parts),
        media_type=FORMATS[image.format],
        pages=pages,
        ocr_pages=[n for n, text in texts.items() if text.strip()],
    )
    if not doc.text.strip():
        raise IngestError("OCR found no text in the image")
    return doc
