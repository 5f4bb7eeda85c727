"""Bounds on reading one file: pages, unpacked size, text length, time and memory.

Hostile or broken files (zip bombs, PDFs that inflate to gigabytes, 10,000-page PDFs,
images that decode forever) must fail as a record with a reason, never take the worker
down. Cheap checks run inside the readers (`current()`); the formats parsed by C
libraries (PDF, DOCX, images) are read in a forked child process with an address-space
limit (RLIMIT_AS) and a wall-clock timeout, so even a crash or a hang in pdfium, lxml
or Pillow costs one failed record.
"""

from __future__ import annotations

import faulthandler
import os
import pickle
import resource
import select
import signal
import time
from collections.abc import Callable
from contextvars import ContextVar
from dataclasses import dataclass, fields
from typing import Any, TypeVar

from . import IngestError

T = TypeVar("T")


@dataclass(frozen=True)
class Limits:
    """The reading limits; the defaults and help live in service/settings.py."""

    max_pages: int = 1000
    max_text_chars: int = 5_000_000
    max_unzipped_mb: float = 100
    read_timeout: float = 600
    read_memory_mb: float = 2048

    @classmethod
    def from_settings(cls, config: dict[str, Any] | None = None) -> Limits:
        """From an app config (upper-case keys) or else the environment and defaults."""
        from ..settings import resolve

        values = resolve(config)
        return cls(**{f.name: values[f.name.upper()] for f in fields(cls)})


_CURRENT: ContextVar[Limits | None] = ContextVar("reader_limits", default=None)


def current() -> Limits:
    return _CURRENT.get() or Limits.from_settings()


def use(limits: Limits):
    """Make `limits` the ones `current()` returns (a ContextVar token for reset)."""
    return _CURRENT.set(limits)


def reset(token) -> None:
    _CURRENT.reset(token)


def _address_space() -> int:
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[0]) * resource.getpagesize()


def _child(fn: Callable[[], T], write_fd: int, memory_mb: float) -> None:
    """In the forked child: limit memory, run, send back ("ok", value) or ("error", ...)."""
    for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGQUIT, signal.SIGCHLD):
        signal.signal(sig, signal.SIG_DFL)  # not the server's handlers
    faulthandler.disable()  # a library abort is reported as a reason, not a traceback dump
    try:
        if memory_mb > 0:
            limit = _address_space() + int(memory_mb * 1024 * 1024)
            resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
        try:
            result: tuple[str, Any] = ("ok", fn())
        except IngestError as ex:
            result = ("error", (ex.reason, ex.status, ex.kind))
        except MemoryError:
            reason = f"the file needs more than {memory_mb:g} MB of memory to read"
            result = ("error", (reason, 422, "failed"))
        except BaseException as ex:  # a library surprise: a reason, never a crash
            result = ("error", (f"the file could not be read: {type(ex).__name__}", 422, "failed"))
        payload = pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL)
        view = memoryview(payload)
        while view:
            view = view[os.write(write_fd, view) :]
    finally:
        os._exit(0)


def run_isolated(fn: Callable[[], T], timeout: float, memory_mb: float) -> T:
    """fn() in a forked child with RLIMIT_AS and a deadline; IngestError if it fails."""
    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover (child)
        os.close(read_fd)
        _child(fn, write_fd, memory_mb)
    os.close(write_fd)
    chunks: list[bytes] = []
    deadline = time.monotonic() + timeout
    try:
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                os.kill(pid, signal.SIGKILL)
                raise IngestError(f"reading the file took longer than {timeout:g} s")
            ready, _, _ = select.select([read_fd], [], [], min(left, 1.0))
            if ready:
                chunk = os.read(read_fd, 1 << 20)
                if not chunk:
                    break
                chunks.append(chunk)
    finally:
        os.close(read_fd)
        _, status = os.waitpid(pid, 0)
    if not chunks:  # the child died before answering: a crash in a C library, or OOM
        how = f"signal {os.WTERMSIG(status)}" if os.WIFSIGNALED(status) else "no answer"
        raise IngestError(f"the reader crashed on this file ({how})")
    kind, value = pickle.loads(b"".join(chunks))
    if kind == "error":
        reason, status_code, record_kind = value
        raise IngestError(reason, status=status_code, kind=record_kind)
    return value
