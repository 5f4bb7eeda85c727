"""Born-digital PDF: the text layer with page boundaries (pypdfium2, or pdfplumber for layout)."""

from __future__ import annotations

import io

from . import Document, IngestError, limits

NO_TEXT_LAYER = "the PDF has no text layer (scanned pages need OCR)"


def _check_header(data: bytes) -> None:
    if not data[:1024].lstrip().startswith(b"%PDF"):
        raise IngestError("not a PDF file (no %PDF header)")


def _check_pages(count: int) -> None:
    most = limits.current().max_pages
    if count > most:
        raise IngestError(f"the PDF has {count:,} pages; at most {most:,} are read")


def _join(texts: list[str], data: bytes) -> Document:
    """Pages joined with blank lines; pages without a text layer go through OCR first."""
    from . import ocr

    texts, ocr_pages = ocr.fill_empty_pdf_pages(data, texts)
    doc = Document.from_pages(texts, "application/pdf", ocr_pages)
    if not doc.text.strip():
        reason = NO_TEXT_LAYER if not ocr.available() else "no text found in the PDF, even by OCR"
        raise IngestError(reason, kind="no_text_layer")
    return doc


def read_pdfium(data: bytes) -> Document:
    """Fast path: PDFium's text layer, one page at a time."""
    import pypdfium2 as pdfium

    _check_header(data)
    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as ex:
        if "password" in str(ex).lower():
            raise IngestError("the PDF is password-protected", kind="encrypted") from ex
        raise IngestError(f"the PDF is damaged or unreadable: {ex}") from ex
    texts: list[str] = []
    try:
        _check_pages(len(pdf))
        for index in range(len(pdf)):
            page = pdf[index]
            textpage = page.get_textpage()
            text = textpage.get_text_range().replace("\r\n", "\n").replace("\r", "\n")
            texts.append(text.replace("\ufffe", "").replace("\x02", "-"))
            textpage.close()
            page.close()
    except pdfium.PdfiumError as ex:
        raise IngestError(f"the PDF is damaged or unreadable: {ex}") from ex
    finally:
        pdf.close()
    if not texts:
        raise IngestError("the PDF has no pages")
    return _join(texts, data)


def read_pdfplumber(data: bytes) -> Document:
    """Layout-aware path: pdfplumber orders words by position (slower)."""
    import pdfplumber
    from pdfminer.pdfdocument import PDFPasswordIncorrect

    _check_header(data)
    texts: list[str] = []
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            _check_pages(len(pdf.pages))
            for page in pdf.pages:
                texts.append(page.extract_text() or "")
    except PDFPasswordIncorrect as ex:
        raise IngestError("the PDF is password-protected", kind="encrypted") from ex
    except Exception as ex:  # pdfminer raises many types on damaged files
        if isinstance(ex, IngestError):
            raise
        if _is_password_error(ex):
            raise IngestError("the PDF is password-protected", kind="encrypted") from ex
        raise IngestError(f"the PDF is damaged or unreadable: {type(ex).__name__}") from ex
    return _join(texts, data)


def _is_password_error(ex: BaseException) -> bool:
    """pdfplumber wraps pdfminer's PDFPasswordIncorrect in PdfminerException(args=(inner,))."""
    seen: list[BaseException] = [ex]
    while seen:
        item = seen.pop()
        name = type(item).__name__
        if (
            name == "PDFPasswordIncorrect"
            or name.startswith("PDFEncrypt")
            or "password" in str(item).lower()
        ):
            return True
        seen.extend(a for a in item.args if isinstance(a, BaseException))
        if item.__cause__ is not None:
            seen.append(item.__cause__)
    return False


# `arsip extract` keeps pdfplumber (its output is the contract); the service picks by setting.
read = read_pdfplumber
ENGINES = {"pypdfium2": read_pdfium, "pdfplumber": read_pdfplumber}
