"""Folding the write-ahead log into the `.dots` file, so that the file is whole on its own.

A commit goes into `study.dots-wal` first; a checkpoint copies those pages into
`study.dots`. Pages are copied in page order, so pages inside the file are overwritten
before the file grows: when the disk cannot take the growth, the checkpoint fails halfway
and `study.dots` alone is a mix of old and new pages (malformed), although nothing is lost
while the WAL lies beside it. SQLite checkpoints at three moments, and each is handled:

- after a commit that made the WAL long (auto-checkpoint): turned off on every connection
  (`PRAGMA wal_autocheckpoint = 0`, store/database.py); `fold_if_long` does it instead,
  through `fold` below;
- on `Project.close`, by us: `fold` first reserves the room the file will grow into
  (`os.posix_fallocate`, which fails with ENOSPC, EDQUOT or EFBIG without writing a page).
  When it cannot, the checkpoint is skipped: `study.dots` stays the older, consistent
  project, the WAL keeps the newer, and the notice says so. The command still succeeds:
  the work is saved;
- when the last connection closes, by SQLite itself: when the room was not there, a
  read-only connection is held open while the others close, so none of them is the last
  (the last one cannot checkpoint: it is read-only), and the WAL is left for the next
  writer, who reserves the room first.

Zeros reserved past the last page are harmless: the header says how many pages there are,
and the next full checkpoint truncates the file to that. A reader (no writer lock) never
reserves or folds anything: another process may be writing.

A kill in the middle of a checkpoint still leaves `study.dots` needing its WAL; the next
open repairs it, and `dotsdesk copy` (the backup API) makes a whole single file at any time.
"""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import Engine

from .faults import DISK_FULL, problem

log = logging.getLogger("dotsdesk.store")

# Fold the WAL into the file once it holds this much (SQLite's default is 1,000 pages).
LONG_WAL_BYTES = 4 * 1024 * 1024
_ROOM_MARGIN = 64 * 1024  # the filesystem's own bookkeeping


def wal_path(path: Path) -> Path:
    return path.with_name(path.name + "-wal")


def notify(text: str) -> None:
    """A notice the user must read although the command succeeded. Without logging set up
    (the command line) Python prints it to stderr as it is; the window shows it."""
    log.warning("dotsdesk: warning: %s", text, extra={"notice": text})


def _growth(conn: Any, path: Path) -> int:
    """Bytes the file must grow by to take every page the WAL holds."""
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    return max(0, page_size * pages - path.stat().st_size)


def _reserve(path: Path, growth: int) -> None:
    """Make the file `growth` bytes longer with real blocks, or raise OSError."""
    size = path.stat().st_size
    if shutil.disk_usage(path.parent).free < growth + _ROOM_MARGIN:
        raise OSError(28, os.strerror(28))  # ENOSPC, said before trying
    if not hasattr(os, "posix_fallocate"):  # Windows: the free-space check is all there is
        return
    fd = os.open(path, os.O_RDWR)
    try:
        os.posix_fallocate(fd, size, growth)
    finally:
        os.close(fd)


def _kept_in_wal(path: Path, why: str) -> str:
    return (
        f"{path}: {why}, so your latest work is saved in {wal_path(path).name} beside it and "
        f"{path.name} alone still holds the project as it was before; keep the two files "
        "together (or write one whole file elsewhere with 'dotsdesk copy') until there is "
        "room and the project is opened again"
    )


def fold(conn: Any, path: Path, mode: str = "TRUNCATE") -> tuple[str | None, bool]:
    """Checkpoint through the driver connection `conn` after reserving the room. Returns a
    notice for the user (or None) and whether the WAL must be kept as it is (nothing, or
    not everything, could be written to the file: SQLite must not try again on close)."""
    try:
        growth = _growth(conn, path)
        if growth:
            _reserve(path, growth)
        busy = conn.execute(f"PRAGMA wal_checkpoint({mode})").fetchone()[0]
    except (OSError, sqlite3.Error) as exc:
        return _kept_in_wal(path, problem(exc) or DISK_FULL), True
    if busy and mode == "TRUNCATE":
        notice = (
            f"{path}: another program was reading it, so your latest work stays saved in "
            f"{wal_path(path).name} beside it until the project is next closed"
        )
        return notice, False  # the reader holds the file: closing here cannot fold it
    return None, False


def fold_if_long(engine: Engine, path: Path) -> None:
    """After a commit: fold a long WAL in without waiting for readers (as SQLite's own
    auto-checkpoint would, but only with the room reserved). A failure waits for close."""
    try:
        if wal_path(path).stat().st_size < LONG_WAL_BYTES:
            return
    except OSError:
        return
    raw = engine.raw_connection()
    try:
        fold(raw.driver_connection, path, "PASSIVE")  # a failure is said at close
    finally:
        raw.close()


def close_engine(
    engine: Engine, path: Path, *, writer: bool, mode: str = "TRUNCATE", quiet: bool = False
) -> str | None:
    """Dispose of a file project's engine leaving `path` whole; returns a notice (logged
    unless `quiet`) when the newest work could only stay in the WAL."""
    notice: str | None = None
    keep_wal = False
    try:
        raw = engine.raw_connection()
    except Exception:  # the file is gone or unreadable: nothing to fold
        engine.dispose()
        return None
    try:
        conn = raw.driver_connection
        if writer:
            notice, keep_wal = fold(conn, path, mode)
        else:
            with contextlib.suppress(OSError, sqlite3.Error):
                keep_wal = _growth(conn, path) > 0
    except (OSError, sqlite3.Error):
        keep_wal = True
    finally:
        raw.close()
    if keep_wal:
        _close_keeping_wal(engine.dispose, path)
    else:
        engine.dispose()
    if notice is not None and not quiet:
        notify(notice)
    return notice


def close_connection(conn: Any, path: Path, *, keep_wal: bool) -> None:
    """Close one driver connection of a writer that has folded (or kept) the WAL."""
    if keep_wal:
        _close_keeping_wal(conn.close, path)
    else:
        conn.close()


def _close_keeping_wal(close: Callable[[], None], path: Path) -> None:
    """Close without SQLite's checkpoint-on-last-close: a read-only connection stays open
    meanwhile, so the closing one is not the last."""
    try:
        keeper = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error:
        close()
        return
    try:
        with contextlib.suppress(sqlite3.Error):
            keeper.execute("SELECT count(*) FROM sqlite_master").fetchall()
        close()
    finally:
        keeper.close()
