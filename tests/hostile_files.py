"""Builders of hostile files for tests/test_hostile_files.py (bombs, giants, liars)."""

from __future__ import annotations

import io
import zlib

from conftest import docx_bytes, pdf_bytes

TEXT = "Polres Demak menggelar bakti sosial pada 3 Maret 2021 di Kecamatan Wedung, 40 warga hadir."


def raw_pdf(objects: list[bytes]) -> bytes:
    """A PDF from numbered object bodies (1-based), with a correct xref table."""
    out = io.BytesIO()
    out.write(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(
        b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    )
    return out.getvalue()


def pdf_many_pages(count: int) -> bytes:
    """`count` empty pages in one page tree (a few bytes each)."""
    kids = b" ".join(b"%d 0 R" % (3 + i) for i in range(count))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % count,
    ]
    objects += [b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>"] * count
    return raw_pdf(objects)


def pdf_flate_bomb(inflated_mb: int) -> bytes:
    """One page whose FlateDecode content stream inflates to `inflated_mb` MB of operators."""
    chunk = b"0 0 m 1 1 l S\n" * 4096
    compressor = zlib.compressobj(9)
    parts = [compressor.compress(chunk) for _ in range(inflated_mb * 1024 * 1024 // len(chunk))]
    stream = b"".join(parts) + compressor.flush()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream",
    ]
    return raw_pdf(objects)


def docx_zip_bomb(inflated_mb: int) -> bytes:
    """A real .docx whose document.xml is padded to `inflated_mb` MB (compresses ~1000:1)."""
    import zipfile

    source = zipfile.ZipFile(io.BytesIO(docx_bytes([TEXT])))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as bomb:
        for item in source.infolist():
            data = source.read(item)
            if item.filename != "word/document.xml":
                bomb.writestr(item, data)
                continue
            head, _, tail = data.partition(b"</w:body>")
            with bomb.open("word/document.xml", "w", force_zip64=True) as member:
                member.write(head)
                pad = b"<w:p/>" * (1 << 16)
                for _ in range(inflated_mb * 1024 * 1024 // len(pad)):
                    member.write(pad)
                member.write(b"</w:body>" + tail)
    return out.getvalue()


def png_pixel_bomb(width: int = 100_000, height: int = 100_000) -> bytes:
    """A PNG header claiming width x height pixels over a tiny (invalid) body."""
    import struct

    def chunk(kind: bytes, body: bytes) -> bytes:
        return (
            struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    body = zlib.compress(b"\x00" * 1024)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", body) + chunk(b"IEND", b"")
    )


def png_bytes(text: str = "Rapat 5 Mei 2021", size: tuple[int, int] = (120, 40)) -> bytes:
    from PIL import Image, ImageDraw

    image = Image.new("L", size, 255)
    ImageDraw.Draw(image).text((4, 4), text, fill=0)
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


def encrypted_pdf() -> bytes:
    return pdf_bytes([TEXT], password="rahasia")


def html_nested(depth: int) -> bytes:
    return ("<div>" * depth + TEXT + "</div>" * depth).encode()
