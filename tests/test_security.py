"""No write without a key; no query text parsed as FTS or SQL syntax; no file name that
writes outside the data directory; no key in the logs. (XSS: tests/test_web_pages.py.)"""

from __future__ import annotations

import base64
import io
import json
import os
import sqlite3
import zipfile
from pathlib import Path

import pytest
from conftest import create_key
from loadkit import Server, call, document, multipart
from loadkit import create_key as create_key_cli

from service import create_app

TEXT = (
    "Laporan Kegiatan Penyuluhan Hukum\n"
    "Pada hari Selasa tanggal 7 Maret 2023 Polres Malang melaksanakan penyuluhan hukum "
    "di Kecamatan Kepanjen, Kabupaten Malang. Kegiatan diikuti 45 peserta dari warga."
)


@pytest.fixture(scope="module")
def env(tmp_path_factory):
    """An app with one report stored, its client, a key and the report's id."""
    data = tmp_path_factory.mktemp("sec") / "data"
    app = create_app({"TESTING": True, "DATA_DIR": str(data)})
    client = app.test_client()
    key = create_key(app)
    answer = client.post(
        "/api/reports", json={"text": TEXT, "collection": "uji"}, headers=bearer(key)
    )
    assert answer.status_code == 201
    return app, client, key, answer.json["report"]["id"]


def bearer(key: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {key}"}


def is_error_shape(answer, status: int) -> bool:
    body = answer.get_json(silent=True)
    return (
        isinstance(body, dict) and body.get("ok") is False and body.get("status") == status
        and isinstance(body.get("error"), str)
    )  # fmt: skip


def reports(app) -> int:
    conn = sqlite3.connect(app.config["DATABASE"])
    try:
        return conn.execute("SELECT count(*) FROM reports").fetchone()[0]
    finally:
        conn.close()


# ---------------------------------------------------------------- keys

BAD_AUTH = [
    pytest.param({}, id="no-header"),
    pytest.param({"Authorization": ""}, id="empty"),
    pytest.param({"Authorization": "Bearer"}, id="bearer-no-key"),
    pytest.param({"Authorization": "Bearer    "}, id="bearer-blank"),
    pytest.param({"Authorization": "Bearer salah-kunci"}, id="wrong-key"),
    pytest.param({"Authorization": "Basic " + base64.b64encode(b"a:b").decode()}, id="basic"),
    pytest.param({"Authorization": "Bearer ' OR '1'='1"}, id="sql-in-key"),
    pytest.param({"X-Api-Key": "anything"}, id="other-header"),
]


def write_operations(client, report_id: int) -> list[tuple[str, str]]:
    """Every (method, path) the OpenAPI description lists that is not a read."""
    spec = client.get("/api/openapi.json").json
    found = []
    for path, item in spec["paths"].items():
        for method in item:
            if method.lower() in ("post", "put", "patch", "delete"):
                found.append((method.upper(), path.replace("{report_id}", str(report_id))))
    return found


def test_the_openapi_description_lists_the_write_endpoints(env):
    _, client, _, report_id = env
    operations = write_operations(client, report_id)
    assert ("POST", "/api/reports") in operations
    assert ("POST", f"/api/reports/{report_id}/reextract") in operations


@pytest.mark.parametrize("headers", BAD_AUTH)
def test_every_write_needs_a_known_key(env, headers):
    app, client, key, report_id = env
    before = reports(app)
    for method, path in write_operations(client, report_id):
        for body in ({"json": {"text": TEXT + " lain"}}, {"data": b"x"}):
            answer = client.open(path, method=method, headers=headers, **body)
            assert answer.status_code in (401, 403), (method, path, answer.status_code)
            assert is_error_shape(answer, answer.status_code)
            assert answer.headers.get("WWW-Authenticate", "").startswith("Bearer")
        answer = client.open(
            path,
            method=method,
            headers=headers,
            data={"file": (io.BytesIO(document(7)), "a.txt")},
        )
        assert answer.status_code in (401, 403), (method, path)
    assert reports(app) == before
    # The same requests with the key do write.
    answer = client.post(f"/api/reports/{report_id}/reextract", headers={**headers, **bearer(key)})
    assert answer.status_code == 200


# ---------------------------------------------------------------- FTS and SQL injection

FTS_QUERIES = [
    '"', '""', '"""', "*", "**", "a*b*", "*penyuluhan", "penyuluhan*", "NEAR", "NEAR(a b)",
    "NEAR(penyuluhan hukum, 2)", "penyuluhan NEAR/2 hukum", "OR", "AND", "NOT", "a OR b",
    "penyuluhan OR hukum", "NOT penyuluhan", "penyuluhan NOT hukum", "-penyuluhan", "^penyuluhan",
    "title:penyuluhan", "text:hukum", "search_text:x", "{title text}: hukum", "rowid:1",
    "report_texts_fts:x", '"penyuluhan', 'penyuluhan"', '"penyuluhan hukum', "(penyuluhan",
    "penyuluhan)", "((", "))", "(a OR b", "a) OR (b", "+", ":", "-", "^", "{", "}", "[x]",
    "'; DROP TABLE reports; --", "' OR 1=1 --", '" OR 1=1 --', "\\", "%", "_", "\x00",
    "penyuluhan\x00hukum", "🙂", "ـ", "x" * 5000, "hukum " * 200, "a:b:c", "*:*", "NEAR()",
]  # fmt: skip


@pytest.mark.parametrize("q", FTS_QUERIES)
def test_fts_syntax_in_q_never_errors(env, q):
    _, client, _, _ = env
    for url in ("/api/reports", "/api/export.csv", "/"):
        answer = client.get(url, query_string={"q": q})
        assert answer.status_code in (200, 400), (url, q, answer.status_code)
        if answer.status_code == 400 and url != "/":
            assert is_error_shape(answer, 400)
            assert "no words" in answer.json["error"], (q, answer.json)
        if url == "/":
            assert answer.status_code == 200  # the page shows a message, never an error


def test_fts_operators_are_searched_as_words(env):
    _, client, _, report_id = env

    def ids(q):
        return [r["id"] for r in client.get("/api/reports", query_string={"q": q}).json["results"]]

    assert ids("penyuluhan") == [report_id]
    assert ids("penyuluhan NOT hukum") == []  # "not" is a word the text lacks, not an operator
    assert ids("-penyuluhan") == [report_id]
    assert ids("title:penyuluhan") == []  # "title" is a word, not a column filter
    assert ids("penyuluhan OR banjir") == []  # words are ANDed, OR is a word


INJECTIONS = [
    "' OR '1'='1", "' OR 1=1 --", "1; DROP TABLE reports; --", "1) OR (1=1", '" OR ""="',
    "%", "_", "\\", "' UNION SELECT key_hash FROM api_keys --", "Polres Malang' --",
    "\x00", "1e9999", "-1", "²", "١٢", "0x10", " 7 ", "9" * 40, "NULL", "2023-01-01' OR '1'='1", "2023-13-45",
]  # fmt: skip
FILTERS = [
    "agency", "place", "collection", "status", "sort", "date_from", "date_to",
    "min_participants", "max_participants", "page", "per_page", "facets",
]  # fmt: skip


@pytest.mark.parametrize("name", FILTERS)
def test_sql_in_any_filter_gives_normal_results_or_400(env, name):
    app, client, _, report_id = env
    before = reports(app)
    for value in INJECTIONS:
        for url in ("/api/reports", "/api/export.ndjson", "/"):
            answer = client.get(url, query_string={name: value})
            assert answer.status_code in (200, 400), (url, name, value, answer.status_code)
            if answer.status_code == 400:
                assert url == "/" or is_error_shape(answer, 400)
            elif url == "/api/reports" and name in ("agency", "place", "collection"):
                assert answer.json["total"] == 0, (name, value)  # matched as a value, no more
    for table in ("agencies", "places"):
        for value in INJECTIONS:
            answer = client.get(f"/api/{table}", query_string={"q": value, "limit": "5"})
            assert answer.status_code == 200, value
            for row in answer.json[table]:  # a substring match of the value, nothing more
                assert value.strip("\x00").lower() in row["name"].lower(), (value, row)
        answer = client.get(f"/api/{table}", query_string={"limit": "1; DROP TABLE reports"})
        assert answer.status_code == 400
    assert reports(app) == before
    assert client.get(f"/api/reports/{report_id}").status_code == 200


# ---------------------------------------------------------------- file names

NAMES = [
    "../../etc/passwd.txt",
    "/etc/passwd.txt",
    "..\\..\\windows\\win.ini.txt",
    "C:\\Windows\\system.txt",
    "....//....//x.txt",
    "a\x00b.txt",
    "laporan.txt\x00.pdf",
    "./.hidden.txt",
    "%2e%2e%2fpasswd.txt",
    "\u202etxt.exe.txt",
]


def files_outside(root: Path, data: Path) -> list[str]:
    return [str(p) for p in root.rglob("*") if p.is_file() and data not in p.resolve().parents]


@pytest.mark.parametrize("name", NAMES)
def test_upload_file_names_cannot_escape_the_data_dir(tmp_path, name):
    data = tmp_path / "data"
    app = create_app({"TESTING": True, "DATA_DIR": str(data)})
    client = app.test_client()
    key = create_key(app)
    answer = client.post(
        "/api/reports",
        data={"file": (io.BytesIO(document(len(name))), name)},
        headers=bearer(key),
    )
    assert answer.status_code in (201, 400, 415, 422), answer.status_code
    assert files_outside(tmp_path, data.resolve()) == []
    conn = sqlite3.connect(app.config["DATABASE"])
    try:
        rows = conn.execute("SELECT file_name, stored_path FROM reports").fetchall()
    finally:
        conn.close()
    for file_name, stored_path in rows:
        assert not set(file_name) & {"/", "\\", "\x00", "\u202e"}, file_name
        assert file_name.strip(".")
        if stored_path:
            target = (data / stored_path).resolve()
            assert (data / "files").resolve() in target.parents and target.is_file()


@pytest.mark.parametrize(
    "raw, name",
    [
        ("../../etc/passwd.txt", "passwd.txt"),
        ("C:\\Users\\Ani\\laporan.pdf", "laporan.pdf"),
        ("a\x00b.txt", "ab.txt"),
        ("\u202etxt.exe.txt", "txt.exe.txt"),
        ("..", "upload"),
        ("", "upload"),
        (None, "upload"),
        ("dir/", "upload"),
        ("x" * 300 + ".pdf", "x" * 251 + ".pdf"),
        ("Laporan Kegiatan (final).docx", "Laporan Kegiatan (final).docx"),
    ],
)
def test_safe_name(raw, name):
    from service.api.reports import safe_name

    assert safe_name(raw) == name


def test_zip_members_are_never_written_to_disk(tmp_path):
    from click.testing import CliRunner

    from service.cli import main

    archive = tmp_path / "in" / "kiriman.zip"
    archive.parent.mkdir()
    with zipfile.ZipFile(archive, "w") as zf:
        for i, member in enumerate(
            ["../../lolos.txt", "/mutlak.txt", "..\\..\\win.txt", "C:/drive.txt", "ok/baik.txt"]
        ):
            zf.writestr(member, document(100 + i))
    data = tmp_path / "data"
    result = CliRunner(env={"ARSIP_DATA_DIR": str(data)}).invoke(
        main, ["ingest", str(archive), "--workers", "1", "--no-progress"]
    )
    assert "1 new" in result.output and "4 failed" in result.output, result.output
    assert files_outside(tmp_path, data.resolve()) == [str(archive)]


# ---------------------------------------------------------------- logs


def test_api_keys_never_reach_the_server_log(tmp_path):
    """Keys in every place a client might put one: the log has none of them."""
    data = tmp_path / "data"
    key = create_key_cli(data)
    wrong = "kunci-salah-" + "q" * 30
    server = Server(data).start()
    try:
        base = server.base
        body, kind = multipart("kunci.txt", document(1))
        assert call(base + "/api/reports", body, {"Content-Type": kind, **bearer(key)})[0] == 201
        assert call(base + "/api/reports", body, {"Content-Type": kind, **bearer(wrong)})[0] == 401
        basic = "Basic " + base64.b64encode(f"{key}:x".encode()).decode()
        assert (
            call(base + "/api/reports", body, {"Content-Type": kind, "Authorization": basic})[0]
            == 401
        )
        basic = "Basic " + base64.b64encode(f"{wrong}:".encode()).decode()
        call(base + "/api/reports", body, {"Content-Type": kind, "Authorization": basic})
        # errors after authentication: bad JSON, unknown field, unsupported type
        call(base + "/api/reports", b"{", {"Content-Type": "application/json", **bearer(key)})
        bad = json.dumps({"text": "x", "kunci": key}).encode()
        call(base + "/api/reports", bad, {"Content-Type": "application/json", **bearer(key)})
        body, kind = multipart("a.exe", b"MZ")
        call(base + "/api/reports", body, {"Content-Type": kind, **bearer(key)})
        call(base + "/api/reports/1/reextract", b"", {**bearer(key)}, method="POST")
        call(base + "/api/reports/999/reextract", b"", {**bearer(wrong)}, method="POST")
        call(base + "/api/reports?q=penyuluhan", headers=bearer(key))
    finally:
        server.stop()
    log = server.log()
    assert "POST /api/reports" in log  # the access log is on
    assert key not in log and wrong not in log
    for secret in (key, wrong):  # nor in a shorter or encoded form
        assert secret[:16] not in log
        assert base64.b64encode(f"{secret}:".encode()).decode()[:16] not in log
    assert os.environ.get("ARSIP_DATA_DIR") is None or key not in os.environ["ARSIP_DATA_DIR"]
