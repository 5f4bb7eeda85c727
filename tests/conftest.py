from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"


@pytest.fixture(scope="session")
def samples_dir() -> Path:
    return SAMPLES


# ---------------------------------------------------------------- the service (Flask app)
# flaskr-style fixtures: a fresh SQLite file per test, the test client and CLI runner.
# The real extractor (the default `nlp:extract`): no stand-ins for our own stack.


@pytest.fixture
def app(tmp_path):
    from service import create_app

    return create_app({"TESTING": True, "DATA_DIR": str(tmp_path / "data")})


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


def create_key(app, name: str = "test") -> str:
    from service.api import create_key as new_key

    return new_key(app.config["DATABASE"], name)


@pytest.fixture
def auth(app) -> dict[str, str]:
    return {"Authorization": f"Bearer {create_key(app)}"}


def pdf_bytes(pages: list[str], password: str | None = None) -> bytes:
    """A born-digital PDF with one page per string (fpdf2, core font)."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_font("helvetica", size=11)
    for text in pages:
        pdf.add_page()
        pdf.multi_cell(0, 6, text)
    if password:
        pdf.set_encryption(owner_password=password + "-owner", user_password=password)
    return bytes(pdf.output())


def docx_bytes(paragraphs: list[str], table: list[list[str]] | None = None) -> bytes:
    import io

    import docx

    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, value in enumerate(row):
                grid.cell(r, c).text = value
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


@pytest.fixture(scope="session")
def make_pdf():
    return pdf_bytes


@pytest.fixture(scope="session")
def make_docx():
    return docx_bytes
