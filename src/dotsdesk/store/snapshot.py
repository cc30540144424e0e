"""Whole, consistent copies of a project with SQLite's online backup API, while it is open.

A `Snapshot` opens its own read-only connection and starts a read transaction at once:
with the WAL, what it copies is the project as it was at that moment, whatever is written
meanwhile, and the copy never restarts (the backup API starts over when another connection
writes between steps, unless the reader holds its snapshot). It copies a few megabytes per
step, so a thread copying a large project can be stopped between steps. The copy is written
under a hidden name, switched to a rollback journal (one self-contained file, no `-wal`
beside it), checked, flushed to disk and only then renamed to its name.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Callable
from pathlib import Path

from ..errors import ProjectError
from .faults import DAMAGED
from .lock import writer_spelling

PAGES_PER_STEP = 1024  # 4 MB with SQLite's default page size


class Stopped(Exception):
    """The copy was stopped before it was complete (nothing was left behind)."""


def read_only_uri(path: Path, *, immutable: bool = False) -> str:
    """A URI that opens `path` without writing to it; `immutable` for files nothing writes
    (backups): no lock and no `-wal`/`-shm` beside them."""
    uri = path.resolve().as_uri()
    return f"{uri}?immutable=1" if immutable else f"{uri}?mode=ro"


class Snapshot:
    def __init__(self, source: Path, *, immutable: bool = False) -> None:
        # A reader coming through another name of a file open for writing reads through
        # the writer's name, whose WAL holds the newest commits.
        source = writer_spelling(source) or source
        self.source = source
        # Read-only also means this connection never checkpoints when it closes.
        self._conn = sqlite3.connect(
            read_only_uri(source, immutable=immutable),
            uri=True,
            isolation_level=None,
            check_same_thread=False,  # pinned here, copied on a worker thread
        )
        try:
            self._conn.execute("BEGIN")
            self._conn.execute("SELECT count(*) FROM sqlite_master").fetchall()
        except BaseException:
            self._conn.close()
            raise

    def write_to(
        self,
        target: Path,
        *,
        stop: Callable[[], bool] | None = None,
        progress: Callable[[int, int], None] | None = None,
    ) -> Path:
        """Write the snapshot to `target` (replacing it) and close; `stop()` is asked
        between steps, `progress(done, total)` told, in pages."""
        partial = target.with_name(f".{target.name}.partial")

        def step(_status: int, remaining: int, total: int) -> None:
            if stop is not None and stop():
                raise Stopped
            if progress is not None:
                progress(total - remaining, total)

        try:
            dst = sqlite3.connect(partial, isolation_level=None)
            try:
                self._conn.backup(dst, pages=PAGES_PER_STEP, progress=step)
                dst.execute("PRAGMA journal_mode = DELETE")
                check = dst.execute("PRAGMA quick_check(1)").fetchone()[0]
            finally:
                dst.close()
            if check != "ok":
                raise ProjectError(
                    self.source, f"{DAMAGED} (the database check found: {check}); no copy made"
                )
            _flush(partial)
            os.replace(partial, target)
            _flush_folder(target.parent)
        finally:
            self.close()
            for leftover in (partial, partial.with_name(partial.name + "-journal")):
                with contextlib.suppress(OSError):
                    leftover.unlink(missing_ok=True)
        return target

    def close(self) -> None:
        with contextlib.suppress(sqlite3.Error):
            self._conn.close()


def _flush(path: Path) -> None:
    fd = os.open(path, os.O_RDWR)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _flush_folder(folder: Path) -> None:
    """The rename itself reaches the disk (POSIX; Windows has no directory handles)."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def copy_project(source: Path, target: Path, **kw: object) -> Path:
    """A whole copy of the project at `source`, consistent even while it is being written."""
    return Snapshot(source).write_to(target, **kw)  # type: ignore[arg-type]
