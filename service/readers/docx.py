"""Word .docx through python-docx: paragraphs and tables in document order."""

from __future__ import annotations

import io
import zipfile

from . import Document, IngestError, limits


def _check_unpacked(data: bytes) -> None:
    """Refuse a zip bomb before python-docx inflates it: the members' declared sizes.

    zipfile never inflates a member past its declared size (it stops there and the CRC
    check fails), so the sum of declared sizes bounds what reading can allocate.
    """
    most = limits.current().max_unzipped_mb
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            members = package.infolist()
    except (zipfile.BadZipFile, ValueError, OSError) as ex:
        raise IngestError(f"the .docx is damaged or unreadable: {type(ex).__name__}") from ex
    unpacked = sum(m.file_size for m in members)
    if unpacked > most * 1024 * 1024 or len(members) > 10_000:
        raise IngestError(
            f"the .docx unpacks to {unpacked / 1048576:,.0f} MB in {len(members):,} parts "
            f"(at most {most:g} MB): refused as a possible zip bomb"
        )


def read(data: bytes) -> Document:
    if not data.startswith(b"PK"):
        if data.startswith(b"\xd0\xcf\x11\xe0"):
            raise IngestError("an old Word .doc (or an encrypted .docx); save it as .docx")
        raise IngestError("not a .docx file (not a ZIP package)")
    _check_unpacked(data)
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as ex:
        raise IngestError(f"the .docx is damaged or unreadable: {type(ex).__name__}") from ex
    except Exception as ex:  # lxml/opc errors on broken packages
        raise IngestError(f"the .docx is damaged or unreadable: {type(ex).__name__}") from ex
    blocks: list[str] = []
    for item in document.iter_inner_content():
        if isinstance(item, Paragraph):
            blocks.append(item.text)
        elif isinstance(item, Table):
            for row in item.rows:
                cells: list[str] = []
                for cell in row.cells:  # merged cells repeat; keep each once per row
                    if not cells or cells[-1] != cell.text:
                        cells.append(cell.text)
                blocks.append("\t".join(cells))
    text = "\n".join(blocks).strip()
    if not text:
        raise IngestError("the .docx has no text")
    title = (document.core_properties.title or "").strip() or None
    return Document(
        text=text + "\n",
        media_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        title=title,
    )
