"""Kill -9 a bulk ingest half-way; a second run finishes the rest with no duplicate and no
half-written record, and the database equals one from an uninterrupted run."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from click.testing import CliRunner
from conftest import ROOT
from loadkit import reports_in
from test_cli_bulk import laporan

from service import store
from service.cli import main

FILES = 40


def wait_for_orphans(data_dir: str, seconds: float = 10) -> None:
    """The killed run's pool workers notice their parent is gone and exit."""
    proc = Path("/proc")
    if not proc.is_dir():
        return
    marker = f"ARSIP_DATA_DIR={data_dir}".encode()
    deadline = time.monotonic() + seconds
    while True:
        left = []
        for entry in proc.iterdir():
            if entry.name.isdigit():
                try:
                    if marker in (entry / "environ").read_bytes().split(b"\0"):
                        left.append(int(entry.name))
                except OSError:
                    continue
        if not left:
            return
        assert time.monotonic() < deadline, f"orphaned workers still running: {left}"
        time.sleep(0.1)


def snapshot(db_path: Path) -> dict:
    """Everything that must match a full run, read through the store (schema-agnostic)."""
    db = store.connect(str(db_path))
    try:
        conn = db.conn
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        fts_tables = [
            name
            for (name,) in conn.execute(
                "SELECT name FROM sqlite_master WHERE sql LIKE 'CREATE VIRTUAL TABLE%fts5%'"
            )
        ]
        assert fts_tables
        for name in fts_tables:  # raises if the index and its content table disagree
            conn.execute(f"INSERT INTO {name}({name}) VALUES ('integrity-check')")
        shas = [sha for (sha,) in conn.execute("SELECT sha256 FROM reports")]
        assert len(shas) == len(set(shas)), "a duplicate record"
        per_report = {}
        for (report_id,) in conn.execute("SELECT id FROM reports").fetchall():
            report = store.get_report(db, report_id)
            assert report["status"] == "ok" and report["extraction"] is not None
            for table in store.FACT_TABLES:  # no half-written fact list
                assert len(report["facts"][table]) == len(report["extraction"][table])
            per_report[report["sha256"]] = (
                report["file_name"],
                report["extractor_version"],
                {t: len(report["facts"][t]) for t in store.FACT_TABLES},
            )
        return {
            "reports": per_report,
            "facts": {
                t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                for t in store.FACT_TABLES
            },
            "found": store.search(db, {"q": "penyuluhan"}, facets=False)["total"],
        }
    finally:
        db.conn.close()


def test_a_killed_ingest_resumes_without_duplicates(tmp_path):
    source = tmp_path / "laporan"
    (source / "tembusan").mkdir(parents=True)
    for i in range(FILES):
        (source / f"laporan-{i:02d}.txt").write_text(laporan(i), encoding="utf-8")
    for i in range(3):  # copies: the same bytes under another name
        (source / "tembusan" / f"laporan-{i:02d}.txt").write_text(laporan(i), encoding="utf-8")

    data = tmp_path / "data"
    env = {
        **os.environ,
        "ARSIP_DATA_DIR": str(data),
        "ARSIP_EXTRACTOR": "slow_extractor:extract",
        "ARSIP_SLOW_SECONDS": "0.1",
        "PYTHONPATH": os.pathsep.join([str(ROOT / "tests"), str(ROOT)]),
    }
    env.pop("ARSIP_DATABASE", None)
    command = [sys.executable, "-m", "service.cli", "ingest", str(source), "--workers", "2"]
    process = subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    deadline = time.monotonic() + 30
    while reports_in(data / "arsip.db") < 5:
        assert process.poll() is None, process.stderr.read().decode()
        assert time.monotonic() < deadline, "the ingest stored nothing in 30 s"
        time.sleep(0.02)
    os.kill(process.pid, signal.SIGKILL)
    process.wait(timeout=10)
    process.stderr.close()
    stored = reports_in(data / "arsip.db")
    assert 5 <= stored < FILES, "killed too late to show anything"
    wait_for_orphans(str(data))

    # The rerun, in this process, at full speed (the pipeline loads once per process).
    resume = CliRunner(env={"ARSIP_DATA_DIR": str(data)})
    rerun = resume.invoke(main, ["ingest", str(source), "--workers", "1"])
    assert rerun.exit_code == 0, rerun.output
    assert f"{FILES - stored} new" in rerun.output  # the rest, and only the rest
    assert "0 failed" in rerun.output

    # The same folder in one uninterrupted run, in this process.
    full = tmp_path / "full"
    runner = CliRunner(env={"ARSIP_DATA_DIR": str(full)})
    result = runner.invoke(main, ["ingest", str(source), "--workers", "1"])
    assert result.exit_code == 0 and f"{FILES} new, 3 duplicate" in result.output

    resumed, reference = snapshot(data / "arsip.db"), snapshot(full / "arsip.db")
    assert len(resumed["reports"]) == FILES
    assert resumed == reference
    assert resumed["found"] == FILES
