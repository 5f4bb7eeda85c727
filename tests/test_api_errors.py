"""Every error path: the status, the one JSON shape, and earlier records untouched."""

import io

import pytest
from conftest import create_key, pdf_bytes

from service import create_app

GOOD = "Rapat Pagi\nPolres Malang menggelar rapat pada 3 Maret 2021 dengan 12 peserta."


@pytest.fixture(scope="module")
def setup(tmp_path_factory):
    app = create_app(
        {
            "TESTING": True,
            "DATA_DIR": str(tmp_path_factory.mktemp("data")),
            "MAX_UPLOAD_MB": 0.05,  # 51 kB, so a 413 is cheap to provoke
        }
    )
    client = app.test_client()
    auth = {"Authorization": f"Bearer {create_key(app)}"}
    first = client.post("/api/reports", json={"text": GOOD}, headers=auth).json["report"]
    return app, client, auth, client.get(f"/api/reports/{first['id']}").json["report"]


def files(*items):
    return {"file": [(io.BytesIO(data), name) for name, data in items]}


ENCRYPTED = pdf_bytes(["Dokumen rahasia"], password="rahasia")

# (name, request kwargs, status, words in the error, kept-as-failed-record status or None)
CASES = [
    ("too large", {"data": files(("besar.txt", b"a" * 60_000))}, 413, "larger than", None),
    ("unsupported type", {"data": files(("program.exe", b"MZ\x90"))}, 415, "unsupported", None),
    ("no suffix nor type", {"data": files(("README", b"teks"))}, 415, "unsupported", None),
    (
        "form body",
        {"data": {"text": "x"}, "content_type": "application/x-www-form-urlencoded"},
        415,
        "multipart",
        None,
    ),
    ("empty file", {"data": files(("kosong.txt", b""))}, 422, "empty", "failed"),
    ("fake pdf", {"data": files(("palsu.pdf", b"bukan pdf"))}, 422, "not a PDF", "failed"),
    (
        "corrupt pdf",
        {"data": files(("rusak.pdf", b"%PDF-1.7\n\x00\x01 rusak"))},
        422,
        "damaged",
        "failed",
    ),
    (
        "encrypted pdf",
        {"data": files(("kunci.pdf", ENCRYPTED))},
        422,
        "password-protected",
        "encrypted",
    ),
    ("corrupt docx", {"data": files(("rusak.docx", b"PK\x03\x04rusak"))}, 422, "damaged", "failed"),
    ("binary txt", {"data": files(("biner.txt", b"\x00\x01\x02"))}, 422, "binary", "failed"),
    (
        "no file part",
        {"data": {"title": "judul saja"}, "content_type": "multipart/form-data"},
        400,
        "no file",
        None,
    ),
    (
        "wrong file field",
        {"data": {"berkas": (io.BytesIO(b"x"), "a.txt")}},
        400,
        "unknown file field",
        None,
    ),
    (
        "wrong form field",
        {"data": {"judul": "x", **files(("a.txt", b"isi lain"))}},
        400,
        "unknown form field",
        None,
    ),
    ("json not object", {"json": ["a", "b"]}, 400, "not a JSON object", None),
    (
        "broken json",
        {"data": b"{teks", "content_type": "application/json"},
        400,
        "not a JSON object",
        None,
    ),
    (
        "json wrong field",
        {"json": {"text": "isi", "judul": "x"}},
        400,
        "unknown field: judul",
        None,
    ),
    ("json no text", {"json": {"title": "judul"}}, 400, "text is required", None),
    ("json text not str", {"json": {"text": 42}}, 400, "text is required", None),
    (
        "json title not str",
        {"json": {"text": "isi", "title": ["x"]}},
        400,
        "title must be a string",
        None,
    ),
    ("json empty text", {"json": {"text": "   "}}, 422, "empty", None),
    (
        "bad reference date",
        {"json": {"text": "isi", "reference_date": "kemarin"}},
        400,
        "reference_date",
        None,
    ),
]


def assert_error_shape(response, status):
    assert response.status_code == status
    assert response.is_json, response.data[:200]
    body = response.json
    assert body["ok"] is False and body["status"] == status
    assert isinstance(body["error"], str) and body["error"]
    assert "Traceback" not in body["error"]
    return body


def assert_untouched(client, first):
    assert client.get(f"/api/reports/{first['id']}").json["report"] == first


@pytest.mark.parametrize(
    ("name", "kwargs", "status", "words", "kept"), CASES, ids=[c[0] for c in CASES]
)
def test_bad_uploads(setup, name, kwargs, status, words, kept):
    app, client, auth, first = setup
    before = client.get("/api/reports", query_string={"facets": "false"}).json["total"]
    body = assert_error_shape(client.post("/api/reports", headers=auth, **kwargs), status)
    assert words in body["error"]
    after = client.get("/api/reports", query_string={"facets": "false"}).json["total"]
    if kept:  # nothing silently lost: a failed record with the reason
        assert after == before + 1
        assert body["report"]["status"] == kept and body["report"]["error"] == body["error"]
        again = client.get(f"/api/reports/{body['report']['id']}").json["report"]
        assert again["error"] == body["error"]
    else:
        assert after == before
    assert_untouched(client, first)


def test_failed_bytes_again_are_the_same_failed_record(setup):
    _, client, auth, first = setup
    data = files(("lagi-rusak.pdf", b"%PDF-1.4 lagi rusak"))
    one = client.post("/api/reports", data=data, headers=auth).json
    data = files(("lagi-rusak.pdf", b"%PDF-1.4 lagi rusak"))
    two = assert_error_shape(client.post("/api/reports", data=data, headers=auth), 422)
    assert two["duplicate"] is True and two["report"]["id"] == one["report"]["id"]
    assert_untouched(client, first)


def test_batch_with_one_bad_file_keeps_the_good_ones(setup):
    _, client, auth, first = setup
    r = client.post(
        "/api/reports",
        data=files(("baik.txt", b"Laporan baik pada 1 Mei 2020"), ("buruk.exe", b"MZ")),
        headers=auth,
    )
    assert r.status_code == 201
    good, bad = r.json["results"]
    assert good["ok"] and good["report"]["status"] == "ok"
    assert bad == {"ok": False, "error": bad["error"], "status": 415}
    all_bad = client.post(
        "/api/reports", data=files(("a.exe", b"MZ"), ("b.pdf", b"bukan")), headers=auth
    )
    assert_error_shape(all_bad, 415)
    assert len(all_bad.json["results"]) == 2
    assert_untouched(client, first)


SEARCH_ERRORS = [
    ("/api/reports?page=0", 400, "page"),
    ("/api/reports?page=satu", 400, "page must be an integer"),
    ("/api/reports?per_page=100000", 400, "per_page"),
    ("/api/reports?min_participants=-1", 400, "min_participants"),
    ("/api/reports?max_participants=banyak", 400, "max_participants"),
    ("/api/reports?date_from=03-2021", 400, "date_from"),
    ("/api/reports?date_to=2021-3-1", 400, "date_to"),
    ("/api/reports?status=hilang", 400, "status"),
    ("/api/reports?sort=acak", 400, "sort"),
    ("/api/reports?q=%22%22", 400, "no words"),
    ("/api/reports?kota=Malang", 400, "unknown parameter"),
    ("/api/export.csv?sort=acak", 400, "sort"),
    ("/api/export.csv?date_from=kemarin", 400, "date_from"),
    ("/api/export.xml", 404, "export formats"),
    ("/api/agencies?limit=0", 400, "limit"),
    ("/api/places?nama=x", 400, "unknown parameter"),
    ("/api/reports/999999", 404, "no report"),
    ("/api/reports/abc", 404, "not found"),
    ("/tidak-ada", 404, "not found"),
]


@pytest.mark.parametrize(("url", "status", "words"), SEARCH_ERRORS)
def test_bad_reads(setup, url, status, words):
    _, client, _, first = setup
    body = assert_error_shape(client.get(url), status)
    assert words in body["error"]
    assert_untouched(client, first)


def test_method_not_allowed_and_auth_errors_share_the_shape(setup):
    _, client, _, first = setup
    assert_error_shape(client.delete("/api/reports"), 405)
    body = assert_error_shape(client.post("/api/reports", json={"text": "x"}), 401)
    assert "API key" in body["error"]
    r = client.post("/api/reports", json={"text": "x"}, headers={"Authorization": "Basic abc"})
    assert_error_shape(r, 401)
    assert r.headers["WWW-Authenticate"].startswith("Bearer")
    assert_untouched(client, first)


def broken(text, reference_date=None):
    """An extractor that crashes, for the test below."""
    raise RuntimeError("rusak di dalam")


def test_an_extractor_crash_is_a_kept_failed_record_not_a_500(tmp_path):
    app = create_app(
        {
            "DATA_DIR": str(tmp_path),
            "EXTRACTOR": f"{__name__}:broken",
            "WRITES_NEED_KEY": False,
        }
    )
    client = app.test_client()
    body = assert_error_shape(client.post("/api/reports", json={"text": "isi laporan"}), 422)
    assert "extraction failed" in body["error"]
    assert body["report"]["status"] == "failed"


def test_an_unexpected_bug_is_a_json_500_without_traceback(tmp_path, monkeypatch):
    from service import store

    app = create_app({"DATA_DIR": str(tmp_path)})

    def boom(*args, **kwargs):
        raise ZeroDivisionError("rahasia internal")

    monkeypatch.setattr(store, "search", boom)
    body = assert_error_shape(app.test_client().get("/api/reports"), 500)
    assert "rahasia" not in body["error"]


def test_no_text_layer_is_a_status_not_an_error(client, auth):
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.rect(10, 10, 80, 80)
    r = client.post("/api/reports", data=files(("pindaian.pdf", bytes(pdf.output()))), headers=auth)
    assert r.status_code == 201
    assert r.json["report"]["status"] == "no_text_layer"
    assert "no text" in r.json["report"]["error"]
    assert client.get("/api/reports", query_string={"status": "no_text_layer"}).json["total"] == 1
