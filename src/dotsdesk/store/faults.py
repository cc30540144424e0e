"""One line for every fault of the database or the disk under it.

SQLite reports a full disk, a read-only file, a busy lock or damage as an error code;
SQLAlchemy wraps it with the SQL and its parameters (which hold respondents' text), and an
OSError names an errno. `problem()` turns any of them into the phrase a user reads after the
file's name, never with the SQL or the values; `translated()` re-raises them as ProjectError.
"""

from __future__ import annotations

import errno
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy.exc import DBAPIError

from ..errors import ProjectError

DISK_FULL = "the disk is full"
BUSY = "is busy: another dotsdesk command is writing to it; try again"
DAMAGED = "is damaged or not a dotsdesk project"
READ_ONLY = "cannot be written: the file or its folder is read-only"

# SQLite's primary result codes (sqlite3.h) and what they mean to the user.
_BY_CODE = {
    13: DISK_FULL,  # SQLITE_FULL
    10: "cannot be read or written: the disk reported an error (it may be full, removed "
    "or failing)",  # SQLITE_IOERR
    8: READ_ONLY,  # SQLITE_READONLY
    5: BUSY,  # SQLITE_BUSY
    6: BUSY,  # SQLITE_LOCKED
    11: DAMAGED,  # SQLITE_CORRUPT
    26: DAMAGED,  # SQLITE_NOTADB
    14: "cannot be opened: the file or its folder is missing or not accessible",
    3: "cannot be opened: permission denied",  # SQLITE_PERM
}
# Older drivers give no code: the message is all there is.
_BY_MESSAGE = (
    ("database or disk is full", DISK_FULL),
    ("disk i/o error", _BY_CODE[10]),
    ("readonly database", READ_ONLY),
    ("database is locked", BUSY),
    ("database table is locked", BUSY),
    ("malformed", DAMAGED),
    ("file is not a database", DAMAGED),
    ("unable to open database file", _BY_CODE[14]),
)
_BY_ERRNO = {
    errno.ENOSPC: DISK_FULL,
    errno.EFBIG: "the file would grow past the largest size this system allows",
    errno.EROFS: READ_ONLY,
    errno.EACCES: "cannot be read or written: permission denied",
    errno.EPERM: "cannot be read or written: permission denied",
    errno.ENOENT: "is gone: the file or its folder was moved or removed",
    errno.EIO: _BY_CODE[10],
}
if hasattr(errno, "EDQUOT"):  # not on Windows
    _BY_ERRNO[errno.EDQUOT] = DISK_FULL + " (your disk quota is used up)"


def _driver_error(exc: BaseException) -> BaseException:
    """The driver's own exception under SQLAlchemy's wrapper."""
    if isinstance(exc, DBAPIError) and exc.orig is not None:
        return exc.orig
    return exc


def problem(exc: BaseException) -> str | None:
    """The user's phrase for a database or disk fault; None for anything else (a bug, a
    constraint an action broke), which callers let through."""
    err = _driver_error(exc)
    if isinstance(err, OSError):
        return _BY_ERRNO.get(err.errno or 0, f"cannot be read or written: {err.strerror}")
    if isinstance(err, sqlite3.IntegrityError):
        return None
    if not isinstance(err, sqlite3.Error):
        return None
    code = getattr(err, "sqlite_errorcode", None)
    if code is not None and code & 0xFF in _BY_CODE:
        return _BY_CODE[code & 0xFF]
    text = str(err).lower()
    for needle, phrase in _BY_MESSAGE:
        if needle in text:
            return phrase
    if isinstance(err, sqlite3.OperationalError):
        return f"cannot be used: {err}"  # SQLite's own message names no values
    return None


def is_disk_full(exc: BaseException) -> bool:
    found = problem(exc)
    return found is not None and found.startswith(DISK_FULL)


def fault(exc: BaseException, path: Path | str, after: str = "") -> ProjectError | None:
    """`exc` as a ProjectError naming `path`, with `after` ("nothing was changed") appended;
    None when it is not a database or disk fault."""
    found = problem(exc)
    if found is None:
        return None
    if after and found != BUSY:  # busy already says what to do
        found = f"{found}; {after}"
    return ProjectError(path, found)


@contextmanager
def translated(path: Path | str, after: str = "", *, disk: bool = True) -> Iterator[None]:
    """Re-raise database faults inside the block as one-line ProjectErrors, and OSErrors
    too when `disk` (leave it off where the block also reads or writes other files: their
    errors are not the project's)."""
    caught: tuple[type[BaseException], ...] = (sqlite3.Error, DBAPIError)
    try:
        yield
    except (*caught, OSError) as exc:
        if isinstance(exc, OSError) and not disk:
            raise
        error = fault(exc, path, after)
        if error is None:
            raise
        raise error from None
