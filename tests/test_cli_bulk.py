"""`arsip ingest` (folders, zips, duplicates, failures, zip-slip), `arsip reextract`,
POST /api/reports/<id>/reextract and `arsip export`.

Assertions are about counts, statuses, names and integrity, and compare facts before and
after, with the real extractor (nlp) as configured by default.
"""

from __future__ import annotations

import csv
import io
import json
import sqlite3
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import create_key, pdf_bytes

from service import create_app, store
from service.bulk import _unsafe
from service.cli import main


def laporan(i: int) -> str:
    """A short report of our own, different for every i."""
    return (
        f"Laporan Kegiatan Penyuluhan Nomor {i}\n"
        f"Pada hari Senin tanggal {1 + i % 27} Maret 2023 Polres Malang melaksanakan "
        f"penyuluhan tertib berlalu lintas di Kecamatan Kepanjen, Kabupaten Malang. "
        f"Kegiatan diikuti {20 + i} peserta dari sekolah setempat.\n"
    )


@pytest.fixture
def arsip(tmp_path, monkeypatch):
    """Run `arsip ARGS` against a fresh data directory; returns (result, db_path)."""
    monkeypatch.setenv("ARSIP_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("ARSIP_EXTRACTOR", raising=False)
    monkeypatch.delenv("ARSIP_DATABASE", raising=False)
    runner = CliRunner()

    def run(*args: str):
        return runner.invoke(main, list(args), catch_exceptions=False)

    run.db_path = tmp_path / "data" / "arsip.db"
    return run


def rows(db_path: Path, sql: str, args=()) -> list[tuple]:
    conn = sqlite3.connect(db_path)
    try:
        return conn.execute(sql, args).fetchall()
    finally:
        conn.close()


def reports(db_path: Path) -> dict[str, tuple]:
    """file_name -> (status, error) of every stored report."""
    found = rows(db_path, "SELECT file_name, status, error FROM reports")
    return {name: (status, error) for name, status, error in found}


def make_zip(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return path


@pytest.fixture
def folder(tmp_path) -> Path:
    """laporan/: two texts, a subfolder, an HTML page, a zip, a copy and files to skip."""
    root = tmp_path / "laporan"
    (root / "kecamatan").mkdir(parents=True)
    (root / "satu.txt").write_text(laporan(1), encoding="utf-8")
    (root / "kecamatan" / "dua.txt").write_text(laporan(2), encoding="utf-8")
    (root / "tembusan").mkdir()  # walked after satu.txt: the copy is the duplicate
    (root / "tembusan" / "satu.txt").write_text(laporan(1), encoding="utf-8")
    html = f"<html><head><title>Berita</title></head><body><p>{laporan(3)}</p></body></html>"
    (root / "berita.html").write_text(html, encoding="utf-8")
    (root / "catatan.xlsx").write_bytes(b"PK\x03\x04 bukan laporan")
    (root / ".DS_Store").write_bytes(b"\x00\x01")
    members = {"2023/empat.txt": laporan(4).encode(), "2023/": b"", "lima.txt": laporan(5).encode()}
    make_zip(root / "arsip.zip", members)
    return root


def test_folder_and_zip_ingest_names_relative_to_the_root(arsip, folder):
    result = arsip("ingest", str(folder), "--workers", "1")
    assert result.exit_code == 0, result.output
    assert "5 new, 1 duplicate, 0 failed" in result.output
    assert "2 skipped" in result.output  # catatan.xlsx and .DS_Store
    stored = reports(arsip.db_path)
    assert set(stored) == {
        "satu.txt",
        "kecamatan/dua.txt",
        "berita.html",
        "arsip.zip!2023/empat.txt",
        "arsip.zip!lima.txt",
    }
    assert {status for status, _ in stored.values()} == {"ok"}
    (integrity,) = rows(arsip.db_path, "PRAGMA integrity_check")
    assert integrity == ("ok",)


def test_a_second_run_stores_nothing_new(arsip, folder):
    assert arsip("ingest", str(folder)).exit_code == 0
    first = rows(arsip.db_path, "SELECT id, sha256 FROM reports ORDER BY id")
    (folder / "kecamatan" / "enam.txt").write_text(laporan(6), encoding="utf-8")
    result = arsip("ingest", str(folder), "--workers", "1")
    assert result.exit_code == 0, result.output
    assert "1 new, 6 duplicate, 0 failed" in result.output
    after = rows(arsip.db_path, "SELECT id, sha256 FROM reports ORDER BY id")
    assert after[: len(first)] == first and len(after) == len(first) + 1
    (count,) = rows(arsip.db_path, "SELECT count(DISTINCT sha256) = count(*) FROM reports")
    assert count == (1,)


def test_failed_files_are_listed_with_reasons_and_exit_1(arsip, tmp_path):
    root = tmp_path / "campur"
    root.mkdir()
    (root / "baik.txt").write_text(laporan(7), encoding="utf-8")
    (root / "kosong.txt").write_text("  \n", encoding="utf-8")
    (root / "rusak.pdf").write_bytes(b"%PDF-1.4 ini bukan pdf yang utuh")
    (root / "biner.txt").write_bytes(b"\x00\x01\x02" * 50)
    result = arsip("ingest", str(root), "--workers", "1")
    assert result.exit_code == 1
    assert "1 new, 0 duplicate, 3 failed" in result.output
    for name in ("kosong.txt", "rusak.pdf", "biner.txt"):
        assert f"failed {name}: " in result.output
    stored = reports(arsip.db_path)
    assert stored["baik.txt"] == ("ok", None)
    for name in ("kosong.txt", "rusak.pdf", "biner.txt"):
        status, error = stored[name]
        assert status == "failed" and error  # kept, with the reason
    rerun = arsip("ingest", str(root), "--workers", "1")  # still failing: still exit 1
    assert rerun.exit_code == 1 and "0 new" in rerun.output
    assert len(reports(arsip.db_path)) == 4


def test_an_unsupported_file_named_explicitly_fails(arsip, tmp_path):
    path = tmp_path / "tabel.xlsx"
    path.write_bytes(b"PK\x03\x04")
    result = arsip("ingest", str(path))
    assert result.exit_code == 1 and "unsupported file type" in result.output
    assert reports(arsip.db_path) == {}


@pytest.mark.parametrize(
    ("member", "unsafe"),
    [
        ("../../etc/passwd.txt", True),
        ("a/../../b.txt", True),
        ("/etc/laporan.txt", True),
        ("\\\\server\\laporan.txt", True),
        ("C:/laporan.txt", True),
        ("..\\laporan.txt", True),
        ("laporan/2023/satu.txt", False),
        ("laporan..final.txt", False),
        ("./laporan.txt", False),
    ],
)
def test_unsafe_member_names(member, unsafe):
    assert _unsafe(member) is unsafe


def test_zip_slip_and_bombs_are_refused_and_recorded(arsip, tmp_path, monkeypatch):
    monkeypatch.setenv("ARSIP_MAX_UPLOAD_MB", "4")
    archive = make_zip(
        tmp_path / "kiriman.zip",
        {
            "baik.txt": laporan(8).encode(),
            "../../lolos.txt": laporan(9).encode(),
            "/mutlak.txt": laporan(10).encode(),
            "besar.txt": b"0" * (5 * 1024 * 1024),  # over the 4 MB limit
            "bom.txt": b"0" * (3 * 1024 * 1024),  # under it, but 1000:1
        },
    )
    result = arsip("ingest", str(archive))
    assert result.exit_code == 1
    assert "1 new, 0 duplicate, 4 failed" in result.output
    stored = reports(arsip.db_path)
    assert stored["kiriman.zip!baik.txt"] == ("ok", None)
    assert "unsafe member name" in stored["kiriman.zip!../../lolos.txt"][1]
    assert "unsafe member name" in stored["kiriman.zip!/mutlak.txt"][1]
    assert "limit" in stored["kiriman.zip!besar.txt"][1]
    assert "ratio" in stored["kiriman.zip!bom.txt"][1]
    assert not (tmp_path.parent / "lolos.txt").exists()
    assert not list(tmp_path.rglob("lolos.txt")) and not Path("/mutlak.txt").exists()
    rerun = arsip("ingest", str(archive))  # the refused records are found again, not added
    assert rerun.exit_code == 1 and "0 new" in rerun.output
    assert len(reports(arsip.db_path)) == 5


def test_a_damaged_zip_is_a_failed_record(arsip, tmp_path):
    (tmp_path / "rusak.zip").write_bytes(b"PK\x03\x04 bukan zip")
    result = arsip("ingest", str(tmp_path / "rusak.zip"))
    assert result.exit_code == 1 and "not a readable zip file" in result.output


# ---------------------------------------------------------------- reextract


def facts_of(app_db: Path) -> dict[int, dict]:
    db = store.connect(str(app_db))
    try:
        out = {}
        for (report_id,) in db.execute("SELECT id FROM reports").fetchall():
            report = store.get_report(db, report_id)
            out[report_id] = {
                t: [{k: v for k, v in f.items() if k != "id"} for f in report["facts"][t]]
                for t in store.FACT_TABLES
            }
        return out
    finally:
        db.conn.close()


def test_reextract_updates_stale_records_only_and_keeps_pages(arsip, tmp_path):
    root = tmp_path / "masuk"
    root.mkdir()
    for i in range(4):
        (root / f"l{i}.txt").write_text(laporan(i), encoding="utf-8")
    pages = [laporan(20), "Halaman kedua. " + laporan(21)]
    (root / "dua-halaman.pdf").write_bytes(pdf_bytes(pages))
    assert arsip("ingest", str(root), "--workers", "1").exit_code == 0
    before = facts_of(arsip.db_path)
    assert arsip("reextract").output.startswith("0 reports")  # nothing is stale
    conn = sqlite3.connect(arsip.db_path)
    with conn:  # two records from an "older extractor": a version and lost facts
        conn.execute("UPDATE reports SET extractor_version = 'lama' WHERE id IN (1, 5)")
        for table in store.FACT_TABLES:
            conn.execute(f"DELETE FROM {table} WHERE report_id IN (1, 5)")
    conn.close()
    result = arsip("reextract", "--workers", "1")
    assert result.exit_code == 0, result.output
    assert "2 reports re-extracted" in result.output and "2 updated, 0 failed" in result.output
    assert facts_of(arsip.db_path) == before  # pages included
    versions = rows(arsip.db_path, "SELECT DISTINCT extractor_version FROM reports")
    assert len(versions) == 1 and versions[0][0] != "lama"
    result = arsip("reextract", "--all", "--workers", "2")  # the process pool path
    assert result.exit_code == 0 and "5 updated" in result.output, result.output
    assert facts_of(arsip.db_path) == before
    assert rows(arsip.db_path, "PRAGMA integrity_check") == [("ok",)]


def test_api_reextract_one_report(tmp_path):
    from test_api_openapi import check

    app = create_app({"TESTING": True, "DATA_DIR": str(tmp_path / "d")})
    client = app.test_client()
    auth = {"Authorization": f"Bearer {create_key(app)}"}
    spec = client.get("/api/openapi.json").json
    path = "/api/reports/{report_id}/reextract"
    created = client.post("/api/reports", json={"text": laporan(30)}, headers=auth).json
    report_id = created["report"]["id"]
    before = client.get(f"/api/reports/{report_id}").json["report"]
    r = client.post(f"/api/reports/{report_id}/reextract")
    assert r.status_code == 401
    check(spec, path, "post", r)
    r = client.post(f"/api/reports/{report_id}/reextract", headers=auth)
    assert r.status_code == 200, r.json
    check(spec, path, "post", r)
    assert r.json["previous_version"] == r.json["extractor_version"] == before["extractor_version"]
    after = client.get(f"/api/reports/{report_id}").json["report"]
    assert after["extraction"] == before["extraction"]
    assert {t: len(f) for t, f in after["facts"].items()} == {
        t: len(f) for t, f in before["facts"].items()
    }
    r = client.post("/api/reports/424242/reextract", headers=auth)
    assert r.status_code == 404
    check(spec, path, "post", r)
    bad = {"file": (io.BytesIO(b"%PDF-1.4 rusak"), "rusak.pdf")}
    failed_id = client.post("/api/reports", data=bad, headers=auth).json["report"]["id"]
    r = client.post(f"/api/reports/{failed_id}/reextract", headers=auth)
    assert r.status_code == 422 and "no stored text" in r.json["error"]
    check(spec, path, "post", r)


# ---------------------------------------------------------------- export


def test_export_formats_filters_and_output_file(arsip, tmp_path):
    root = tmp_path / "ekspor"
    root.mkdir()
    for i in range(5):
        (root / f"l{i}.txt").write_text(laporan(i), encoding="utf-8")
    (root / "lain.txt").write_text(
        "Rapat Koordinasi\nRapat membahas persiapan musim hujan bersama relawan desa.\n",
        encoding="utf-8",
    )
    assert arsip("ingest", str(root), "--workers", "1").exit_code == 0

    result = arsip("export", "--format", "csv")
    assert result.exit_code == 0
    table = list(csv.DictReader(io.StringIO(result.stdout)))
    assert len(table) == 6 and {"id", "sha256", "agencies", "places"} <= set(table[0])

    result = arsip("export", "--format", "json", "--q", "penyuluhan")
    assert result.exit_code == 0
    records = json.loads(result.stdout)
    assert len(records) == 5
    db = store.connect(str(arsip.db_path))
    for record in records:
        stored = store.get_report(db, record["id"])
        assert record["facts"] == stored["facts"]  # every fact, with offsets
    db.conn.close()

    out = tmp_path / "hasil.ndjson"
    result = arsip("export", "--format", "ndjson", "--q", "rapat", "--output", str(out))
    assert result.exit_code == 0 and "1 records exported" in result.output
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 1 and json.loads(lines[0])["file_name"] == "lain.txt"

    result = arsip("export", "--format", "ndjson", "--date-from", "2023", "--no-facts")
    assert result.exit_code == 0
    for line in result.stdout.splitlines():
        assert "facts" not in json.loads(line)

    bad = arsip("export", "--date-from", "kemarin")
    assert bad.exit_code == 2 and "date_from" in bad.output
