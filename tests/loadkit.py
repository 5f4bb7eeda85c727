"""A real `arsip serve` process to load, crash and restart, plus the database checks that
every crash test ends with (tests/test_load.py, tests/test_security.py)."""

from __future__ import annotations

import http.client
import json
import os
import random
import signal
import socket
import sqlite3
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from conftest import ROOT

CLI = [sys.executable, "-m", "service.cli"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def server_env(data_dir: Path, **extra: str) -> dict[str, str]:
    env = {**os.environ, "ARSIP_DATA_DIR": str(data_dir), **extra}
    for name in ("ARSIP_DATABASE", "ARSIP_EXTRACTOR", "ARSIP_WRITES_NEED_KEY"):
        if name not in extra:
            env.pop(name, None)
    return env


def create_key(data_dir: Path) -> str:
    done = subprocess.run(
        [*CLI, "keys", "create", "--name", "load"],
        env=server_env(data_dir), cwd=ROOT, capture_output=True, text=True, check=True,
    )  # fmt: skip
    return done.stdout.strip()


class Server:
    """`arsip serve` on a free loopback port, in its own process group so that kill()
    is a real crash: SIGKILL to the gunicorn master and every worker at once."""

    def __init__(self, data_dir: Path, workers: int = 2, **env: str):
        self.data_dir = data_dir
        self.workers = workers
        self.env = server_env(data_dir, **env)
        self.log_path = data_dir / "server.log"
        self.proc: subprocess.Popen | None = None
        self.base = ""

    def start(self, timeout: float = 90) -> Server:
        self.data_dir.mkdir(parents=True, exist_ok=True)
        port = free_port()
        self.base = f"http://127.0.0.1:{port}"
        with open(self.log_path, "a") as log:
            self.proc = subprocess.Popen(
                [*CLI, "serve", "--host", "127.0.0.1", "--port", str(port),
                 "--workers", str(self.workers)],
                env=self.env, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT,
                start_new_session=True,
            )  # fmt: skip
        deadline = time.monotonic() + timeout
        while True:
            try:
                with urllib.request.urlopen(self.base + "/healthz", timeout=5) as r:
                    if r.status == 200:
                        return self
            except OSError:
                pass
            if self.proc.poll() is not None or time.monotonic() > deadline:
                self.kill()
                raise RuntimeError("server did not start:\n" + self.log_path.read_text())
            time.sleep(0.2)

    def kill(self) -> None:
        """kill -9 the whole server (master and workers)."""
        if self.proc and self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait(timeout=20)
        self.proc = None

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()  # gunicorn's master stops its workers on SIGTERM
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.kill()
        self.proc = None

    def log(self) -> str:
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""


def call(url: str, data: bytes | None = None, headers=None, method=None, timeout=120):
    """(status, body bytes); status 0 when the connection failed (a killed server)."""
    request = urllib.request.Request(url, data=data, headers=headers or {}, method=method)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as r:
            return r.status, r.read()
    except urllib.error.HTTPError as ex:
        return ex.code, ex.read()
    except (OSError, http.client.HTTPException):  # refused, reset or cut short mid-answer
        return 0, b""


def multipart(name: str, data: bytes, content_type: str = "text/plain") -> tuple[bytes, str]:
    boundary = uuid.uuid4().hex
    body = (
        f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="{name}"\r\n'
        f"Content-Type: {content_type}\r\n\r\n".encode()
        + data
        + f"\r\n--{boundary}--\r\n".encode()
    )
    return body, f"multipart/form-data; boundary={boundary}"


# ---------------------------------------------------------------- documents and load

AGENCIES = ("Polres Malang", "Dinas Sosial Kabupaten Pasuruan", "BPBD Kabupaten Demak")
PLACES = ("Kecamatan Kepanjen, Kabupaten Malang", "Kota Surabaya", "Kabupaten Sleman")
MONTHS = ("Januari", "Maret", "Juni", "Agustus", "Oktober")


def document(i: int, salt: str = "") -> bytes:
    """A short report of our own, different for every i (and salt)."""
    return (
        f"Laporan Kegiatan Sosialisasi Nomor {i}{salt}\n"
        f"Pada hari Senin tanggal {1 + i % 27} {MONTHS[i % 5]} 2023 {AGENCIES[i % 3]} "
        f"melaksanakan sosialisasi kesiapsiagaan bencana di {PLACES[i % 3]}. "
        f"Kegiatan diikuti {20 + i} peserta dari warga setempat.\n"
    ).encode()


@dataclass
class Upload:
    name: str
    data: bytes
    as_json: bool = False


def workload(distinct: int, seed: int = 1, salt: str = "") -> list[Upload]:
    """Every distinct document twice (half of the uploads are duplicates), in an order
    where some copies are sent at the same moment; every fourth one as a JSON body."""
    rng = random.Random(seed)
    first = [Upload(f"laporan-{i:04d}.txt", document(i, salt), i % 4 == 3) for i in range(distinct)]
    again = [
        Upload(f"salinan/laporan-{i:04d}.txt", u.data, not u.as_json) for i, u in enumerate(first)
    ]
    uploads = first + again
    rng.shuffle(uploads)
    return uploads


def send(base: str, key: str, upload: Upload) -> tuple[int, bytes]:
    auth = {"Authorization": f"Bearer {key}"}
    if upload.as_json:
        body = json.dumps({"text": upload.data.decode(), "collection": "load"}).encode()
        return call(base + "/api/reports", body, {**auth, "Content-Type": "application/json"})
    body, kind = multipart(upload.name, upload.data)
    return call(base + "/api/reports", body, {**auth, "Content-Type": kind})


QUERIES = (
    {"q": "sosialisasi"},
    {"q": "bencana", "agency": "Polres Malang"},
    {"place": "Jawa Timur", "date_from": "2023-03"},
    {"q": "kesiapsiagaan*", "sort": "-event_date"},
    {"min_participants": "30", "facets": "false"},
    {},
)


@dataclass
class LoadResult:
    statuses: list[int] = field(default_factory=list)  # per upload, in completion order
    latencies: list[float] = field(default_factory=list)  # seconds per upload
    search_statuses: list[int] = field(default_factory=list)
    search_latencies: list[float] = field(default_factory=list)
    bodies_5xx: list[bytes] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def errors_5xx(self) -> int:
        return sum(1 for s in self.statuses + self.search_statuses if s >= 500)

    @property
    def locked(self) -> int:
        return sum(1 for b in self.bodies_5xx if b"locked" in b)

    def p95(self, values: list[float] | None = None) -> float:
        values = sorted(self.latencies if values is None else values)
        return values[min(len(values) - 1, int(0.95 * len(values)))] if values else 0.0

    def line(self) -> str:
        return (
            f"{len(self.statuses)} uploads in {self.seconds:.1f} s "
            f"({len(self.statuses) / max(self.seconds, 1e-9):.1f} uploads/s), upload p95 "
            f"{self.p95() * 1000:.0f} ms; {len(self.search_statuses)} searches, p95 "
            f"{self.p95(self.search_latencies) * 1000:.0f} ms; 5xx {self.errors_5xx}"
        )


def run_load(
    base: str, key: str, uploads: list[Upload], clients: int, searchers: int = 2
) -> LoadResult:
    """Send `uploads` from `clients` threads while `searchers` threads search non-stop."""
    result = LoadResult()
    lock = threading.Lock()
    queue = list(reversed(uploads))
    done = threading.Event()

    def uploader() -> None:
        while True:
            with lock:
                if not queue:
                    return
                upload = queue.pop()
            started = time.monotonic()
            status, body = send(base, key, upload)
            with lock:
                result.statuses.append(status)
                result.latencies.append(time.monotonic() - started)
                if status >= 500 or status == 0:
                    result.bodies_5xx.append(body)

    def searcher(seed: int) -> None:
        rng = random.Random(seed)
        while not done.is_set():
            params = urllib.parse.urlencode(rng.choice(QUERIES))
            started = time.monotonic()
            status, body = call(f"{base}/api/reports?{params}")
            with lock:
                result.search_statuses.append(status)
                result.search_latencies.append(time.monotonic() - started)
                if status >= 500:
                    result.bodies_5xx.append(body)

    started = time.monotonic()
    searching = [threading.Thread(target=searcher, args=(i,)) for i in range(searchers)]
    uploading = [threading.Thread(target=uploader) for _ in range(clients)]
    for t in searching + uploading:
        t.start()
    for t in uploading:
        t.join()
    result.seconds = time.monotonic() - started
    done.set()
    for t in searching:
        t.join()
    return result


# ---------------------------------------------------------------- database checks


def verify(db_path: Path) -> dict[str, int]:
    """service.maintenance.check (integrity_check, the FTS index's integrity-check, one FTS
    row per report, no file twice, each report's fact rows equal to its stored
    extraction) must find nothing; returns the counts of reports and fact rows."""
    from service.maintenance import check
    from service.store import FACT_TABLES

    conn = sqlite3.connect(db_path, timeout=30)
    try:
        problems = check(conn)
        assert not problems, problems[:10]
        facts = sum(conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in FACT_TABLES)
        reports = conn.execute("SELECT count(*) FROM reports").fetchone()[0]
        return {"reports": reports, "facts": facts}
    finally:
        conn.close()


def reports_in(db_path: Path) -> int:
    """Reports stored so far, read-only (0 before the file exists or is migrated)."""
    try:
        conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True, timeout=30)
        try:
            return conn.execute("SELECT count(*) FROM reports").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.OperationalError:  # no file yet, or not migrated yet
        return 0
