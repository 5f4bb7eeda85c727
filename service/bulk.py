"""Bulk ingest: folders (recursive) and zip files through the upload's own code path.

The main process walks the inputs, reads each file's bytes and skips any whose sha256 is
already stored, so a second run resumes where a killed one stopped. Reading and extracting
(`ingest.prepare`, CPU-bound Python) runs in a process pool whose workers load the pipeline
once; the main process is the only writer and stores each result in its own transaction
with `Ingester.store_prepared`, exactly as an upload is stored. A kill therefore loses at
most the reports in flight, never half of one.

Zip members are read as bytes and never extracted to disk, so a member named
`../../etc/x` cannot write anywhere; such names, oversized members and zip bombs are still
refused and recorded as failed records with the reason.
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
import signal
import sys
import threading
import time
import zipfile
from collections.abc import Callable, Iterable
from concurrent.futures import FIRST_COMPLETED, Executor, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from multiprocessing import get_context
from pathlib import Path, PurePosixPath
from typing import Any, TextIO

from . import store
from .ingest import Ingester, Prepared, Result, _stored_error, prepare
from .readers import IngestError, supported_suffixes

MAX_RATIO = 100  # uncompressed / compressed size above which a member looks like a zip bomb
RATIO_FLOOR = 1 << 20  # members smaller than this are never refused for their ratio


@dataclass(frozen=True)
class Item:
    """One file to ingest: on disk, or a member of a zip archive."""

    name: str  # stored file name: relative to the root given; `archive.zip!member/path.pdf`
    path: Path  # the file, or the archive holding the member
    member: str | None = None  # the zip member's name (only ever used to look it up)
    refused: str | None = None  # why the member is not read at all


@dataclass
class Outcome:
    name: str
    state: str  # "new", "duplicate" or "failed"
    reason: str | None = None
    report_id: int | None = None
    status: str | None = None  # the record's status, when there is a record


@dataclass
class Summary:
    outcomes: list[Outcome] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # unsupported or hidden files in folders
    seconds: float = 0.0
    interrupted: bool = False

    def count(self, state: str) -> int:
        return sum(1 for o in self.outcomes if o.state == state)

    @property
    def failed(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.state == "failed"]

    def line(self) -> str:
        n = len(self.outcomes)
        rate = n / self.seconds if self.seconds > 0 else 0.0
        text = (
            f"{n} files in {self.seconds:.1f} s ({rate:.1f} files/s): {self.count('new')} new, "
            f"{self.count('duplicate')} duplicate, {self.count('failed')} failed"
        )
        if self.skipped:
            text += f"; {len(self.skipped)} skipped (unsupported type or hidden)"
        return text + (" [interrupted]" if self.interrupted else "")


# ---------------------------------------------------------------- walking the inputs


def _hidden(parts: Iterable[str]) -> bool:
    return any(p.startswith(".") or p == "__MACOSX" for p in parts)


def collect(paths: Iterable[str | Path], max_bytes: int) -> tuple[list[Item], list[str]]:
    """(items to ingest, names skipped) for files, folders (recursive) and zip files."""
    suffixes = set(supported_suffixes())
    items: list[Item] = []
    skipped: list[str] = []
    for raw in paths:
        root = Path(raw)
        if root.is_dir():
            for path in sorted(p for p in root.rglob("*") if p.is_file()):
                relative = path.relative_to(root)
                name = relative.as_posix()
                if _hidden(relative.parts):
                    skipped.append(name)
                elif path.suffix.lower() == ".zip":
                    items += _members(path, name, suffixes, max_bytes, skipped)
                elif path.suffix.lower() in suffixes:
                    items.append(Item(name, path))
                else:
                    skipped.append(name)
        elif root.suffix.lower() == ".zip":
            items += _members(root, root.name, suffixes, max_bytes, skipped)
        else:  # named explicitly: an unsupported type is a failure, not a skip
            items.append(Item(root.name, root))
    return items, skipped


def _unsafe(member: str) -> bool:
    """Absolute, drive-letter or parent-directory names (zip-slip)."""
    normal = member.replace("\\", "/")
    return (
        normal.startswith("/")
        or (len(normal) > 1 and normal[1] == ":")
        or ".." in PurePosixPath(normal).parts
    )


def _members(
    archive: Path, prefix: str, suffixes: set[str], max_bytes: int, skipped: list[str]
) -> list[Item]:
    try:
        with zipfile.ZipFile(archive) as zf:
            infos = zf.infolist()
    except (zipfile.BadZipFile, OSError) as ex:
        return [Item(prefix, archive, "", refused=f"not a readable zip file: {ex}")]
    items = []
    for info in infos:
        if info.is_dir():
            continue
        member = info.filename
        name = f"{prefix}!{member}"
        suffix = PurePosixPath(member).suffix.lower()
        if _unsafe(member):
            items.append(Item(name, archive, member, "unsafe member name (absolute or '..')"))
        elif _hidden(PurePosixPath(member).parts) or suffix not in suffixes:
            skipped.append(name)  # nested archives included: they are not opened
        elif info.flag_bits & 0x1:
            items.append(Item(name, archive, member, "the zip member is encrypted"))
        elif info.file_size > max_bytes:
            items.append(Item(name, archive, member, _too_big(info.file_size, max_bytes)))
        elif info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(
            info.compress_size, 1
        ):
            ratio = info.file_size // max(info.compress_size, 1)
            items.append(Item(name, archive, member, f"compression ratio {ratio}:1 (a zip bomb?)"))
        else:
            items.append(Item(name, archive, member))
    return items


def _too_big(size: int, max_bytes: int) -> str:
    return f"{size} bytes, over the {max_bytes // (1024 * 1024)} MB limit (ARSIP_MAX_UPLOAD_MB)"


class _Refused(Exception):
    """A zip member that is recorded as failed without being read (or read to the end)."""


class Reader:
    """Reads items' bytes in the main process, keeping each archive open once."""

    def __init__(self, max_bytes: int):
        self.max_bytes = max_bytes
        self._archives: dict[Path, zipfile.ZipFile] = {}

    def read(self, item: Item) -> bytes:
        if item.refused:
            raise _Refused(item.refused)
        if item.member is None:
            if item.path.stat().st_size > self.max_bytes:
                raise IngestError(_too_big(item.path.stat().st_size, self.max_bytes))
            return item.path.read_bytes()
        archive = self._archives.get(item.path)
        if archive is None:
            archive = self._archives[item.path] = zipfile.ZipFile(item.path)
        try:
            with archive.open(item.member) as fh:  # by name, into memory only
                data = fh.read(self.max_bytes + 1)  # the header's size may lie
        except (zipfile.BadZipFile, RuntimeError, NotImplementedError, OSError, EOFError) as ex:
            raise _Refused(f"the zip member could not be read: {ex}") from ex
        except Exception as ex:  # zlib.error and friends from a damaged archive
            raise _Refused(f"the zip member could not be read: {type(ex).__name__}") from ex
        if len(data) > self.max_bytes:
            raise _Refused(_too_big(len(data), self.max_bytes))
        return data

    def close(self) -> None:
        for archive in self._archives.values():
            archive.close()
        self._archives.clear()


def refused_key(item: Item) -> str:
    """The sha256 column of a refused member, whose content was never read: derived from the
    archive's own hash and the member's name, so a rerun finds the same record."""
    digest = hashlib.sha256()
    with open(item.path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return hashlib.sha256(f"refused:{digest.hexdigest()}!{item.member}".encode()).hexdigest()


# ---------------------------------------------------------------- progress


class Progress:
    """`done/total  pct  files/s  ETA  new dup failed` on one line of stderr, when a TTY."""

    def __init__(self, stream: TextIO | None = None, enabled: bool | None = None):
        self.stream = stream or sys.stderr
        self.enabled = self.stream.isatty() if enabled is None else enabled
        self.total = 0
        self.started = time.monotonic()
        self._shown = 0.0

    def start(self, total: int) -> None:
        self.total = total
        self.started = time.monotonic()

    def update(self, done: int, detail: str = "", force: bool = False) -> None:
        now = time.monotonic()
        if not self.enabled or (not force and now - self._shown < 0.1):
            return
        self._shown = now
        elapsed = max(now - self.started, 1e-9)
        rate = done / elapsed
        eta = (self.total - done) / rate if rate > 0 else 0.0
        pct = 100 * done / self.total if self.total else 100
        self.stream.write(
            f"\r\x1b[K{done}/{self.total} {pct:3.0f}%  {rate:.1f} files/s  "
            f"ETA {int(eta) // 60}:{int(eta) % 60:02d}  {detail}  "
        )
        self.stream.flush()

    def close(self, done: int, detail: str = "") -> None:
        if self.enabled:
            self.update(done, detail, force=True)
            self.stream.write("\n")
            self.stream.flush()


# ---------------------------------------------------------------- workers


def _init_worker(extractor: str) -> None:
    """Each worker loads the pipeline once; Ctrl-C is the main process's to handle."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=_exit_with_parent, args=(os.getppid(),), daemon=True).start()
    from . import warm_up

    warm_up(extractor)


def _exit_with_parent(parent: int) -> None:
    """A killed main process leaves its pool's queues open: workers would wait forever."""
    while True:
        time.sleep(0.5)
        if os.getppid() != parent:
            os._exit(1)


class InlineExecutor(Executor):
    """workers=1: run each task at submit time in this process (no pool to start)."""

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Future:
        future: Future = Future()
        try:
            future.set_result(fn(*args, **kwargs))
        except BaseException as ex:  # delivered through the future, like a pool would
            if isinstance(ex, KeyboardInterrupt):
                raise
            future.set_exception(ex)
        return future


def executor(workers: int, extractor: str) -> Executor:
    if workers <= 1:
        return InlineExecutor()
    return ProcessPoolExecutor(
        max_workers=workers,
        mp_context=get_context("spawn"),  # no fork of a process holding SQLite connections
        initializer=_init_worker,
        initargs=(extractor,),
    )


def run_window(
    pool: Executor,
    tasks: Iterable[tuple[Any, Callable[..., Any], tuple, dict]],
    handle: Callable[[Any, Future], None],
    window: int,
) -> None:
    """Submit (key, fn, args, kwargs) tasks keeping at most `window` in flight, and call
    handle(key, future) in the main process as each completes (the single writer)."""
    pending: dict[Future, Any] = {}

    def drain(block_until: int) -> None:
        while len(pending) > block_until:
            done, _ = wait(pending, return_when=FIRST_COMPLETED)
            for future in done:
                handle(pending.pop(future), future)

    for key, fn, args, kwargs in tasks:
        drain(window - 1)
        pending[pool.submit(fn, *args, **kwargs)] = key
    drain(0)


def run_pool(
    workers: int,
    extractor: str,
    tasks: Iterable[tuple[Any, Callable[..., Any], tuple, dict]],
    handle: Callable[[Any, Future], None],
) -> bool:
    """Run the tasks on a pool of `workers`; True when Ctrl-C stopped the run early
    (finished results are kept, queued ones cancelled)."""
    pool = executor(workers, extractor)
    interrupted = False
    try:
        run_window(pool, tasks, handle, window=max(2, 4 * workers))
    except KeyboardInterrupt:
        interrupted = True
    finally:
        pool.shutdown(wait=not interrupted, cancel_futures=True)
    return interrupted


# ---------------------------------------------------------------- the run


def _outcome(name: str, result: Result) -> Outcome:
    state = "failed" if result.error else ("new" if result.created else "duplicate")
    return Outcome(
        name,
        state,
        result.error.reason if result.error else None,
        result.report["id"],
        result.report["status"],
    )


def ingest(
    ingester: Ingester,
    paths: Iterable[str | Path],
    *,
    workers: int = 1,
    meta: dict[str, Any] | None = None,
    max_bytes: int = 25 * 1024 * 1024,
    progress: Progress | None = None,
) -> Summary:
    """Ingest every file under `paths`; returns what happened to each."""
    started = time.monotonic()
    items, skipped = collect(paths, max_bytes)
    summary = Summary(skipped=skipped)
    progress = progress or Progress(enabled=False)
    progress.start(len(items))
    meta = dict(meta or {})
    reader = Reader(max_bytes)
    seen: dict[str, str] = {}  # sha256 -> first name in this run
    no_files = dataclasses.replace(ingester, files_dir=None)

    def detail() -> str:
        counts = (summary.count(s) for s in ("new", "duplicate", "failed"))
        return "new {} dup {} failed {}".format(*counts)

    def record(outcome: Outcome) -> None:
        summary.outcomes.append(outcome)
        progress.update(len(summary.outcomes), detail())

    def refuse(item: Item, reason: str) -> None:
        sha = refused_key(item)
        existing = store.find_by_sha(ingester.db, sha)
        if existing:
            record(Outcome(item.name, "failed", reason, existing["id"], existing["status"]))
            return
        row = {"sha256": sha, "file_name": item.name, "media_type": None, "size": None}
        row.update({k: meta.get(k) for k in ("title", "source", "original_url", "collection")})
        row.update(status="failed", error=reason)
        result = no_files.store_prepared(Prepared(row, IngestError(reason)), b"")
        record(_outcome(item.name, result))

    def tasks():
        for item in items:
            try:
                data = reader.read(item)
            except _Refused as ex:
                refuse(item, str(ex))
                continue
            except (OSError, IngestError) as ex:
                reason = ex.reason if isinstance(ex, IngestError) else f"cannot read: {ex}"
                record(Outcome(item.name, "failed", reason))
                continue
            sha = hashlib.sha256(data).hexdigest()
            if sha in seen:
                record(Outcome(item.name, "duplicate", f"same bytes as {seen[sha]}"))
                continue
            seen[sha] = item.name
            existing = store.find_by_sha(ingester.db, sha)  # resumable: no extract twice
            if existing:
                result = Result(existing, created=False, error=_stored_error(existing))
                record(_outcome(item.name, result))
                continue
            kwargs = {
                "extractor": ingester.extractor,
                "pdf_engine": ingester.pdf_engine,
                "sha256": sha,
                "limits": ingester.limits,
            }
            yield (item, data), prepare, (data, item.name, None, meta), kwargs

    def handle(key: tuple[Item, bytes], future: Future) -> None:
        item, data = key
        try:
            prepared = future.result()
        except IngestError as ex:  # unsupported type: nothing worth keeping, as the API
            record(Outcome(item.name, "failed", ex.reason))
            return
        except Exception as ex:  # a worker died: say so, the rest goes on
            record(Outcome(item.name, "failed", f"worker error: {type(ex).__name__}: {ex}"))
            return
        record(_outcome(item.name, ingester.store_prepared(prepared, data)))

    try:
        summary.interrupted = run_pool(workers, ingester.extractor, tasks(), handle)
    finally:
        reader.close()
        summary.seconds = time.monotonic() - started
        progress.close(len(summary.outcomes), detail())
    return summary
