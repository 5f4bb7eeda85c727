"""End to end: the real `arsip serve` (gunicorn) process, spoken to over HTTP with urllib."""

import csv
import io
import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid

import pytest
from conftest import ROOT, pdf_bytes

PAGES = [
    "Laporan Operasi Pasar Murah\nKegiatan operasi pasar digelar di Kota Surabaya.",
    "Polres Surabaya mengawal penyaluran pada 14 Agustus 2023 kepada 300 warga.",
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    data_dir = tmp_path_factory.mktemp("data")
    env = {**os.environ, "ARSIP_DATA_DIR": str(data_dir)}
    cli = [sys.executable, "-m", "service.cli"]
    key = subprocess.run(
        [*cli, "keys", "create", "--name", "e2e"],
        env=env, cwd=ROOT, capture_output=True, text=True, check=True,
    ).stdout.strip()  # fmt: skip
    port = free_port()
    log = open(data_dir / "server.log", "w")  # noqa: SIM115
    proc = subprocess.Popen(
        [*cli, "serve", "--port", str(port), "--workers", "2"],
        env=env, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 90
    while True:
        try:
            with urllib.request.urlopen(base + "/healthz", timeout=5) as r:
                if r.status == 200:
                    break
        except OSError:
            pass
        if proc.poll() is not None or time.monotonic() > deadline:
            proc.kill()
            pytest.fail("server did not start:\n" + (data_dir / "server.log").read_text())
        time.sleep(0.3)
    yield base, key
    proc.terminate()  # gunicorn's master stops its workers on SIGTERM
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        proc.kill()
    log.close()


def call(url, data=None, headers=None):
    request = urllib.request.Request(url, data=data, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=30) as r:
            return r.status, r.headers.get_content_type(), r.read()
    except urllib.error.HTTPError as ex:
        return ex.code, ex.headers.get_content_type(), ex.read()


def multipart(name: str, data: bytes, fields: dict[str, str]) -> tuple[bytes, str]:
    boundary = uuid.uuid4().hex
    parts = []
    for key, value in fields.items():
        parts.append(
            f'--{boundary}\r\nContent-Disposition: form-data; name="{key}"\r\n\r\n{value}\r\n'.encode()
        )
    parts.append(
        f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="{name}"\r\n'
        "Content-Type: application/pdf\r\n\r\n".encode()
        + data
        + b"\r\n"
    )
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


def search(base, **params):
    status, kind, body = call(base + "/api/reports?" + urllib.parse.urlencode(params, doseq=True))
    assert status == 200 and kind == "application/json"
    return {row["id"] for row in json.loads(body)["results"]}


def test_upload_a_pdf_then_find_and_export_it(server):
    base, key = server
    body, content_type = multipart("pasar.pdf", pdf_bytes(PAGES), {"collection": "e2e"})
    status, _, answer = call(base + "/api/reports", body, {"Content-Type": content_type})
    assert status == 401 and json.loads(answer)["ok"] is False
    headers = {"Content-Type": content_type, "Authorization": f"Bearer {key}"}
    status, _, answer = call(base + "/api/reports", body, headers)
    assert status == 201, answer
    report = json.loads(answer)["report"]
    assert report["page_count"] == 2 and report["status"] == "ok"

    status, _, answer = call(base + "/api/reports", body, headers)
    assert status == 200 and json.loads(answer)["duplicate"] is True

    rid = report["id"]
    assert search(base, q="pasar") == {rid}
    assert search(base, q="penyaluran") == {rid}
    assert search(base, agency="Polres Surabaya") == {rid}
    assert search(base, agency="Polres Malang") == set()
    assert search(base, date_from="2023-08-01", date_to="2023-08-31") == {rid}
    assert search(base, date_from="2023-09-01") == set()

    status, _, answer = call(f"{base}/api/reports/{rid}")
    agency = json.loads(answer)["report"]["facts"]["agencies"][0]
    assert agency["page"] == 2

    status, kind, answer = call(base + "/api/export.csv?agency=Polres+Surabaya")
    assert status == 200 and kind == "text/csv"
    rows = list(csv.DictReader(io.StringIO(answer.decode("utf-8"))))
    assert [int(r["id"]) for r in rows] == [rid]
    assert rows[0]["event_date"] == "2023-08-14" and rows[0]["page_count"] == "2"


def test_errors_over_http_are_json(server):
    base, key = server
    status, kind, answer = call(base + "/api/reports?page=nol")
    assert (status, kind) == (400, "application/json")
    assert json.loads(answer) == {"ok": False, "error": "page must be an integer", "status": 400}
    status, kind, _ = call(base + "/tidak-ada")
    assert (status, kind) == (404, "application/json")
