"""The engine: the only module that names the database product.

Everything above `store/` talks to SQLAlchemy sessions; swapping the URL (and the few
product-specific statements in `search_index.py` and the migrations) is all a server
database would need.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event

from .undo import install_triggers

# How long a write waits for another writer (or a checkpoint for readers) before the user
# is told the project is busy.
BUSY_TIMEOUT_MS = 10_000


def database_version() -> str:
    """The database engine and its version, for reports."""
    return f"SQLite {sqlite3.sqlite_version}"


def database_url(path: Path) -> str:
    return f"sqlite:///{path}"


def make_engine(path: Path, *, undo: bool = False) -> Engine:
    """`undo` installs the triggers that record every change for undo (store/undo.py)."""
    engine = create_engine(database_url(path), connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        # Let SQLAlchemy, not the driver, decide where transactions begin, so that DDL in
        # migrations is transactional too.
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA foreign_keys = ON")
        # NORMAL in WAL mode survives an application crash; only a power cut can lose the
        # last commits.
        cur.execute("PRAGMA synchronous = NORMAL")
        cur.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        # SQLite would checkpoint after a commit that made the WAL long, without knowing
        # whether the disk can take the growth; store/wal.py folds it in instead.
        cur.execute("PRAGMA wal_autocheckpoint = 0")
        cur.close()
        if undo:
            install_triggers(dbapi_conn)

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        conn.exec_driver_sql("BEGIN")

    return engine


def use_wal(engine: Engine) -> None:
    """Write-ahead logging: readers (a CLI `info`) never block the app's writes. The mode is
    stored in the file, so it is set only once the file is known to be a project."""
    _outside_transaction(engine, "PRAGMA journal_mode = WAL")


def is_database_file(path: Path) -> bool:
    """True when the file starts with the database header (checked before opening)."""
    try:
        with path.open("rb") as f:
            return f.read(16) == b"SQLite format 3\x00"
    except OSError:
        return False


def copy_database(source: Path, target: Path) -> None:
    """A consistent copy even while the WAL holds uncheckpointed pages."""
    src = sqlite3.connect(source)
    dst = sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()


def _outside_transaction(engine: Engine, pragma: str) -> None:
    """Some pragmas refuse to run inside a transaction, which SQLAlchemy always opens."""
    raw = engine.raw_connection()
    try:
        raw.driver_connection.execute(pragma).fetchall()  # type: ignore[union-attr]
    finally:
        raw.close()
