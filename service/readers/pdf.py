"""Born-digital PDF through pdfplumber, keeping page boundaries."""

from __future__ import annotations

import io

from . import Document, IngestError

PAGE_BREAK = "\n\n"


def read(data: bytes) -> Document:
    import pdfplumber
    from pdfminer.pdfdocument import PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFSyntaxError

    if not data.lstrip().startswith(b"%PDF"):
        raise IngestError("not a PDF file (no %PDF header)")
    parts: list[str] = []
    pages: list[tuple[int, int]] = []
    pos = 0
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            for page in pdf.pages:
                text = page.extract_text() or ""
                if parts:
                    parts.append(PAGE_BREAK)
                    pos += len(PAGE_BREAK)
                parts.append(text)
                pages.append((pos, pos + len(text)))
                pos += len(text)
    except PDFPasswordIncorrect as ex:
        raise IngestError("the PDF is password-protected") from ex
    except (PDFSyntaxError, Exception) as ex:  # pdfminer raises many types on damaged files
        if isinstance(ex, IngestError):
            raise
        raise IngestError(f"the PDF is damaged or unreadable: {type(ex).__name__}") from ex
    doc = Document(text="".join(parts), media_type="application/pdf", pages=pages)
    if not doc.text.strip():
        raise IngestError("the PDF has no text layer (scanned pages need OCR)")
    return doc
