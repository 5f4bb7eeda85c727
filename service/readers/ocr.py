"""OCR through the Tesseract binary with the Indonesian model (`-l ind`).

One `tesseract` process per page, each limited to one thread (OMP_THREAD_LIMIT=1 is
about 4x faster than letting every process spawn threads), pages spread over a thread
pool: the threads only wait on subprocesses, so the GIL is no bottleneck, a hung page
is killed by its own timeout, and a crash in Tesseract cannot take the service down.

Debian: `apt-get install tesseract-ocr tesseract-ocr-ind`.
"""

from __future__ import annotations

import io
import logging
import os
import shutil
import subprocess
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from functools import lru_cache
from typing import TYPE_CHECKING

from . import IngestError

if TYPE_CHECKING:
    from PIL import Image

log = logging.getLogger(__name__)

LANG = "ind"
DPI = 300  # render scale for PDF pages; Tesseract is tuned for ~300 dpi text
MAX_SIDE = 5000  # px; caps the render of oversized pages (posters, A0 scans)
# Defaults, overridable by the environment (the service's settings table may pass them in).
TIMEOUT = float(os.environ.get("ARSIP_OCR_TIMEOUT", "120"))  # seconds per page
WORKERS = int(os.environ.get("ARSIP_OCR_WORKERS", "0")) or (os.cpu_count() or 1)

MISSING_BINARY = "OCR unavailable: tesseract is not installed"
MISSING_MODEL = "OCR unavailable: the Indonesian model is not installed (tesseract-ocr-ind)"


@lru_cache(maxsize=1)
def unavailable_reason() -> str | None:
    """None when OCR can run; otherwise the reason to show and store. Checked once."""
    binary = shutil.which("tesseract")
    if binary is None:
        return MISSING_BINARY
    try:
        proc = subprocess.run(
            [binary, "--list-langs"], capture_output=True, text=True, timeout=30, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return MISSING_BINARY
    # First line is a header ("List of available languages in ..."), then one per line.
    langs = {line.strip() for line in (proc.stdout + proc.stderr).splitlines()[1:]}
    return None if LANG in langs else MISSING_MODEL


def available() -> bool:
    return unavailable_reason() is None


def require() -> None:
    """Raise the IngestError a record gets when OCR is needed but cannot run."""
    reason = unavailable_reason()
    if reason is not None:
        raise IngestError(reason, status=422, kind="ocr_unavailable")


def _encode(image: Image.Image) -> bytes:
    """Grayscale PNG at low compression: small to pipe, cheap to make (~60 ms a page)."""
    if image.mode not in ("L", "1"):
        image = image.convert("L")
    buf = io.BytesIO()
    image.save(buf, "PNG", compress_level=1)
    return buf.getvalue()


def _dpi(image: Image.Image) -> int:
    """The resolution to tell Tesseract: the file's own unless it is implausible.

    Phone photos often say 72 dpi for 4000 px, i.e. a 55-inch page; a document page is
    2 to 17 inches on its long side (A3 at most), so outside that 300 is the better guess.
    """
    try:
        value = float(image.info.get("dpi", (0,))[0])
    except (TypeError, ValueError, IndexError):
        value = 0.0
    if value > 0 and 2 <= max(image.size) / value <= 17:
        return int(round(value))
    return DPI


def _run(png: bytes, dpi: int, timeout: float) -> str:
    """One Tesseract process on one page; raises IngestError on failure or timeout."""
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    cmd = ["tesseract", "stdin", "stdout", "-l", LANG, "--dpi", str(dpi)]
    try:
        proc = subprocess.run(cmd, input=png, capture_output=True, timeout=timeout, env=env)
    except subprocess.TimeoutExpired as ex:  # subprocess.run has already killed it
        raise IngestError(f"OCR timed out after {timeout:g} s") from ex
    except OSError as ex:
        raise IngestError(MISSING_BINARY) from ex
    if proc.returncode != 0:
        detail = proc.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or ["?"]
        raise IngestError(f"OCR failed: {detail[0][:200]}")
    # Tesseract ends each page with a form feed; trailing blank lines carry nothing.
    return proc.stdout.decode("utf-8", "replace").replace("\f", "").strip()


def ocr_image(image: Image.Image, timeout: float | None = None) -> str:
    """Text of one page image (any Pillow mode). Raises IngestError if OCR cannot run."""
    require()
    return _run(_encode(image), _dpi(image), TIMEOUT if timeout is None else timeout)


def ocr_images(
    images: Iterable[tuple[int, Image.Image]],
    workers: int | None = None,
    timeout: float | None = None,
) -> dict[int, str]:
    """OCR numbered page images in parallel: {page: text}.

    `images` may be a generator: pages are encoded as they come and at most a few per
    worker are held in memory. A page that fails or times out is logged and maps to "";
    if every page fails, the first error is raised so the record states why.
    """
    require()
    workers = max(1, workers or WORKERS)
    timeout = TIMEOUT if timeout is None else timeout
    results: dict[int, str] = {}
    errors: list[tuple[int, IngestError]] = []
    pending: dict[int, Future[str]] = {}

    def collect(limit: int) -> None:
        while len(pending) > limit:
            number = next(iter(pending))  # oldest first keeps memory bounded
            try:
                results[number] = pending.pop(number).result()
            except IngestError as ex:
                log.warning("OCR of page %d failed: %s", number, ex.reason)
                errors.append((number, ex))
                results[number] = ""

    with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="ocr") as pool:
        for number, image in images:
            pending[number] = pool.submit(_run, _encode(image), _dpi(image), timeout)
            collect(2 * workers)
        collect(0)
    if errors and len(errors) == len(results):
        number, first = errors[0]
        raise IngestError(f"{first.reason} (page {number})", status=first.status)
    return dict(sorted(results.items()))


def _render_pdf_pages(data: bytes, pages: list[int]) -> Iterator[tuple[int, Image.Image]]:
    """Render 1-based `pages` to grayscale PIL images at ~300 dpi, one at a time.

    pdfium is not thread-safe, so rendering stays in the calling thread; only the
    Tesseract processes run in parallel.
    """
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as ex:
        raise IngestError(f"the PDF cannot be opened for OCR: {ex}") from ex
    try:
        for number in pages:
            if not 1 <= number <= len(pdf):
                raise IngestError(f"page {number} is not in the PDF ({len(pdf)} pages)")
            page = pdf[number - 1]
            try:
                width, height = page.get_size()  # points (1/72 inch)
                scale = min(DPI / 72, MAX_SIDE / max(width, height, 1))
                bitmap = page.render(scale=scale, grayscale=True)
                image = bitmap.to_pil()
                image.info["dpi"] = (round(scale * 72),) * 2
            finally:
                page.close()
            yield number, image
    finally:
        pdf.close()


def ocr_pdf_pages(data: bytes, pages: list[int], workers: int | None = None) -> dict[int, str]:
    """OCR the given 1-based pages of a PDF: {page: text}, pages in parallel."""
    require()
    if not pages:
        return {}
    return ocr_images(_render_pdf_pages(data, pages), workers=workers)


def fill_empty_pdf_pages(
    data: bytes, texts: list[str], workers: int | None = None
) -> tuple[list[str], list[int]]:
    """For the PDF reader: OCR the pages whose text layer is blank.

    `texts` holds the text layer of every page in order. Returns the texts with blank
    pages replaced by their OCR text, and the 1-based numbers of the pages OCRed.
    When OCR cannot run, a PDF with no text at all raises the "OCR unavailable" error;
    a PDF with some text keeps that text (and logs which pages were skipped).
    """
    blank = [n for n, text in enumerate(texts, 1) if not text.strip()]
    if not blank:
        return texts, []
    if not available():
        if len(blank) == len(texts):
            require()
        log.warning(
            "pages %s have no text layer and were not OCRed: %s", blank, unavailable_reason()
        )
        return texts, []
    found = ocr_pdf_pages(data, blank, workers=workers)
    out = list(texts)
    for number, text in found.items():
        out[number - 1] = text
    return out, [n for n in blank if found.get(n, "").strip()]
