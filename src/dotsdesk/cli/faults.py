"""Every fault a command can meet, as one line: no traceback, and nothing of the data.

A database error's own text quotes the SQL statement with its parameters, which may be
respondents' answers; only the driver's short message is read, mapped to plain words where
it is a known condition (a full disk, a busy or read-only project, a damaged file).
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

from ..errors import DotsError, os_problem

__all__ = ["closed_pipe", "describe_fault", "show_traceback"]

# The driver's short message -> what it means to the user.
_DATABASE_PROBLEMS = (
    ("database or disk is full", "the disk is full"),
    ("database is locked", "the project is busy: another program is writing to it; try again"),
    ("database table is locked", "the project is busy; try again"),
    ("readonly database", "the project file is read-only"),
    ("disk i/o error", "cannot read or write the project file (a disk error)"),
    ("malformed", "the project file is damaged"),
    ("file is not a database", "the project file is damaged or not a dotsdesk project"),
    ("unable to open database", "cannot open the project file"),
)
_QUOTED = re.compile(r"\"[^\"]*\"|'[^']*'")


def show_traceback() -> bool:
    """DOTSDESK_DEBUG=1 lets a developer see what the one line hides."""
    return os.environ.get("DOTSDESK_DEBUG", "") not in ("", "0")


def describe_fault(exc: BaseException, project: Path | None) -> str:
    """One line for any exception; never the text of the data it was working on."""
    where = f"{project}: " if project is not None else ""
    if isinstance(exc, DotsError):
        return str(exc)
    if isinstance(exc, OSError):
        name = exc.filename if exc.filename is not None else project
        return f"{name}: {os_problem(exc)}" if name is not None else os_problem(exc)
    driver = _driver_error(exc)
    if driver is not None:
        from ..store.faults import problem  # the store's words, where it has them

        return where + (problem(exc) or _database_problem(driver))
    return (
        f"{where}unexpected {type(exc).__name__}; its details are not shown, since they may "
        "quote your data (DOTSDESK_DEBUG=1 shows them)"
    )


def closed_pipe() -> int:
    """`dotsdesk ... | head`: the reader has gone; end quietly (the shell's SIGPIPE status).
    Python's own recipe: point stdout at devnull so the flush at exit cannot fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # stdout without a file descriptor (a test's capture)
        pass
    return 141


def _driver_error(exc: BaseException) -> BaseException | None:
    """The database driver's own exception: SQLAlchemy keeps it as `orig`; one raised by the
    driver directly (a checkpoint on close) is recognised by its module."""
    orig = getattr(exc, "orig", None)
    if isinstance(orig, BaseException):
        return orig
    module = type(exc).__module__ or ""
    if module.startswith(("sqlite3", "psycopg", "sqlalchemy")):
        return exc
    return None


def _database_problem(driver: BaseException) -> str:
    if type(driver).__module__.startswith("sqlalchemy"):  # no driver behind it: say no more
        return f"the database reported a problem ({type(driver).__name__})"
    lines = str(driver).strip().splitlines()
    first = lines[0] if lines else type(driver).__name__
    lowered = first.lower()
    for known, meaning in _DATABASE_PROBLEMS:
        if known in lowered:
            return meaning
    # Unknown: the driver's first line, any quoted value in it blanked (PostgreSQL quotes
    # the input it refused, which may be an answer).
    return f"the database reported: {_QUOTED.sub('…', first)[:200]}"
