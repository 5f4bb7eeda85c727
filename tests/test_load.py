"""Under load and through crashes, every record is kept exactly once.

A real `arsip serve` (gunicorn) on 127.0.0.1 takes concurrent uploads (half duplicates)
while searches run; the server and a bulk ingest are killed with SIGKILL at random moments
and restarted; `arsip backup` copies the database while an ingest writes. The default run
uses small sizes; `make stress` (-m stress) the full ones and prints the figures quoted in
docs/reliability.md.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import threading
import time
from pathlib import Path

import pytest
from conftest import ROOT
from loadkit import (
    CLI,
    Server,
    create_key,
    document,
    reports_in,
    run_load,
    send,
    verify,
    workload,
)

SEED = int(os.environ.get("ARSIP_LOAD_SEED", "20240601"))


def figures(name: str, **values) -> None:
    """Print the figures of a run (make stress shows them) and keep them for the docs."""
    line = json.dumps({"test": name, **values})
    print("\nFIGURES " + line)
    out = os.environ.get("ARSIP_FIGURES")
    if out:
        with open(out, "a") as fh:
            fh.write(line + "\n")


# ---------------------------------------------------------------- concurrency


@pytest.mark.parametrize(
    "distinct, clients",
    [
        pytest.param(60, 8, id="120-uploads-8-clients"),
        pytest.param(500, 32, id="1000-uploads-32-clients", marks=pytest.mark.stress),
    ],
)
def test_concurrent_uploads_are_each_stored_once(tmp_path, distinct, clients):
    data = tmp_path / "data"
    key = create_key(data)
    server = Server(data).start()
    try:
        uploads = workload(distinct, SEED)
        result = run_load(server.base, key, uploads, clients, searchers=4)
    finally:
        server.stop()
    log = server.log()
    assert "database is locked" not in log
    assert result.errors_5xx == 0 and result.locked == 0, result.bodies_5xx[:3]
    assert 0 not in result.statuses, "a connection failed"
    # Exactly one 201 per distinct file, a 200 duplicate for every other copy.
    assert result.statuses.count(201) == distinct, result.statuses
    assert result.statuses.count(200) == len(uploads) - distinct
    assert set(result.search_statuses) == {200}
    counts = verify(data / "arsip.db")
    assert counts["reports"] == distinct
    figures(
        "concurrency",
        sent=len(uploads),
        distinct=distinct,
        stored=counts["reports"],
        lost=distinct - counts["reports"],
        clients=clients,
        searches=len(result.search_statuses),
        errors_5xx=result.errors_5xx,
        seconds=round(result.seconds, 1),
        uploads_per_s=round(len(uploads) / result.seconds, 1),
        upload_p95_ms=round(result.p95() * 1000),
        search_p95_ms=round(result.p95(result.search_latencies) * 1000),
    )


# ---------------------------------------------------------------- crashes


@pytest.mark.parametrize(
    "kills",
    [pytest.param(2, id="2-kills"), pytest.param(10, id="10-kills", marks=pytest.mark.stress)],
)
def test_server_killed_mid_upload_loses_nothing(tmp_path, kills):
    """kill -9 the server while 8 clients upload; after each restart the database is
    whole, and sending everything again stores every file exactly once."""
    rng = random.Random(SEED + kills)
    data = tmp_path / "data"
    key = create_key(data)
    uploads = workload(60 if kills <= 2 else 300, SEED)
    distinct = len(uploads) // 2
    server = Server(data)
    answered_5xx = 0
    db_path = data / "arsip.db"
    for _ in range(kills):
        server.start()
        outcome: dict = {}

        def load(outcome: dict = outcome) -> None:
            outcome["r"] = run_load(server.base, key, uploads, 8, searchers=1)

        runner = threading.Thread(target=load)
        runner.start()
        # Mid-upload: a random number of new records in, then a random few milliseconds.
        target, deadline = reports_in(db_path) + rng.randint(2, 20), time.monotonic() + 60
        while reports_in(db_path) < target and runner.is_alive() and time.monotonic() < deadline:
            time.sleep(0.005)
        time.sleep(rng.uniform(0, 0.05))
        assert runner.is_alive(), "the uploads ended before the kill"
        server.kill()
        runner.join()
        answered_5xx += outcome["r"].errors_5xx
        verify(data / "arsip.db")  # whole after every crash
    server.start()
    try:
        statuses = [send(server.base, key, upload)[0] for upload in uploads]
    finally:
        server.stop()
    assert answered_5xx == 0 and set(statuses) <= {200, 201}, statuses
    counts = verify(data / "arsip.db")
    assert counts["reports"] == distinct
    assert "database is locked" not in server.log()
    figures(
        "server-kill",
        kills=kills,
        sent=len(uploads),
        distinct=distinct,
        stored=counts["reports"],
        lost=distinct - counts["reports"],
        errors_5xx=answered_5xx,
    )


def _ingest_env(data: Path) -> dict[str, str]:
    from loadkit import server_env

    return server_env(
        data,
        ARSIP_EXTRACTOR="slow_extractor:extract",
        ARSIP_SLOW_SECONDS="0.05",
        PYTHONPATH=os.pathsep.join([str(ROOT / "tests"), str(ROOT)]),
    )


def _folder(root: Path, files: int) -> Path:
    source = root / "laporan"
    (source / "tembusan").mkdir(parents=True)
    for i in range(files):
        (source / f"laporan-{i:03d}.txt").write_bytes(document(i))
    for i in range(0, files, 10):  # copies: the same bytes under another name
        (source / "tembusan" / f"laporan-{i:03d}.txt").write_bytes(document(i))
    return source


@pytest.mark.parametrize(
    "kills",
    [pytest.param(2, id="2-kills"), pytest.param(10, id="10-kills", marks=pytest.mark.stress)],
)
def test_bulk_ingest_killed_at_random_moments_resumes(tmp_path, kills):
    """kill -9 `arsip ingest` (main process and pool together) at random moments, from
    start-up (migrations) to mid-run; after each kill the database is whole, and the last
    run stores the rest: every file once."""
    rng = random.Random(SEED + 100 + kills)
    files = 60 if kills <= 2 else 200
    source = _folder(tmp_path, files)
    data = tmp_path / "data"
    db_path = data / "arsip.db"
    env = _ingest_env(data)
    command = [*CLI, "ingest", str(source), "--workers", "2", "--no-progress"]
    stored = []
    for round_ in range(kills):
        process = subprocess.Popen(
            command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            start_new_session=True,
        )  # fmt: skip
        # Early kills hit start-up and migrations; later ones wait for records to land.
        if round_ % 2 == 0:
            time.sleep(rng.uniform(0.0, 1.5))
        else:
            before, deadline = reports_in(db_path), time.monotonic() + 30
            while reports_in(db_path) <= before and time.monotonic() < deadline:
                if process.poll() is not None:
                    break
                time.sleep(0.05)
            time.sleep(rng.uniform(0.0, 0.5))
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=20)
        if db_path.exists() and reports_in(db_path):
            verify(db_path)
        stored.append(reports_in(db_path))
    done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "0 failed" in done.stdout
    counts = verify(db_path)
    assert counts["reports"] == files
    figures(
        "bulk-kill",
        kills=kills,
        files=files,
        stored_after_each_kill=stored,
        stored=counts["reports"],
        lost=files - counts["reports"],
        last_run=done.stdout.strip().splitlines()[0],
    )


# ---------------------------------------------------------------- backup


def test_backup_while_an_ingest_writes(tmp_path):
    """`arsip backup` copies a consistent snapshot while `arsip ingest` commits."""
    files = 80
    source = _folder(tmp_path, files)
    data = tmp_path / "data"
    db_path = data / "arsip.db"
    env = {**_ingest_env(data), "ARSIP_SLOW_SECONDS": "0.1"}
    ingest = subprocess.Popen(
        [*CLI, "ingest", str(source), "--workers", "2", "--no-progress"],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )  # fmt: skip
    copies = []
    deadline = time.monotonic() + 120
    while ingest.poll() is None and time.monotonic() < deadline:
        if reports_in(db_path) > len(copies) * 15:
            target = tmp_path / "backups" / f"arsip-{len(copies)}.db"
            done = subprocess.run(
                [*CLI, "backup", str(target)], cwd=ROOT, env=env, capture_output=True, text=True
            )
            assert done.returncode == 0, done.stderr
            copies.append((target, int(done.stdout.split(": ")[1].split()[0])))
        time.sleep(0.05)
    output = ingest.communicate(timeout=120)[0]
    assert ingest.returncode == 0, output
    assert len([r for _, r in copies if 0 < r < files]) >= 2, "no two backups mid-ingest"
    for target, reports in copies:
        assert not list(target.parent.glob(".*partial"))
        assert Path(str(target) + "-wal").exists() is False
        counts = verify(target)  # opens, integrity_check ok, every record whole
        assert counts["reports"] == reports
    final = tmp_path / "backups" / "final.db"
    done = subprocess.run([*CLI, "backup", str(final)], cwd=ROOT, env=env, capture_output=True)
    assert done.returncode == 0
    assert verify(final) == verify(db_path)
    assert verify(final)["reports"] == files
    assert [reports for _, reports in copies] == sorted(reports for _, reports in copies)
    figures("backup", backups_during_ingest=len(copies), sizes=[r for _, r in copies])


def test_a_migration_that_dies_half_way_leaves_nothing_behind(tmp_path, monkeypatch):
    """Each migration runs in one transaction with its _migrations row: a step that fails
    (as a kill -9 would stop it) is rolled back whole, and the next start runs it again."""
    from service import store

    def broken(db):
        store._m001_initial(db)  # every table created ...
        raise RuntimeError("killed")  # ... then the process dies

    path = str(tmp_path / "arsip.db")
    db = store.connect(path)
    monkeypatch.setattr(store, "MIGRATIONS", [("001_initial", broken), *store.MIGRATIONS[1:]])
    with pytest.raises(RuntimeError):
        store.migrate(db)
    assert db.table_names() == ["_migrations"]
    monkeypatch.undo()
    assert store.migrate(db) == [name for name, _ in store.MIGRATIONS]
    db.conn.close()
    verify(tmp_path / "arsip.db")
