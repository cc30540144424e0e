"""Write-then-rename, so a failed export never leaves a half-written file behind.

The temporary file is `.<name>.<random>.part` beside the target. An export killed before the
rename (kill -9, a power cut) leaves it there, hidden and possibly large; the next export to
that folder removes such leftovers once they are an hour old and no running export holds them
(each holds an advisory lock on its own while writing).
"""

from __future__ import annotations

import contextlib
import os
import re
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ..errors import DotsError, os_problem

try:  # advisory locks: POSIX only; elsewhere an open file cannot be removed anyway
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

STALE_SECONDS = 3600
# What mkstemp(prefix=".<name>.", suffix=".part") makes: eight random letters, digits or _.
_PART = re.compile(r"^\..+\.[a-z0-9_]{8}\.part$")


@contextmanager
def atomic_output(target: Path) -> Iterator[Path]:
    """Yields a temporary path beside `target`; it replaces `target` only on success."""
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise DotsError(target, f"the folder {folder} does not exist")
    remove_stale_parts(folder)
    try:
        fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=folder)
    except OSError as exc:
        raise DotsError(target, f"cannot write the file: {os_problem(exc)}") from None
    temp = Path(name)
    try:
        if fcntl is not None:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)  # "in use" for remove_stale_parts
        yield temp
        # mkstemp makes the file private; an export gets the permissions of any new file.
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temp, 0o666 & ~umask)
        os.replace(temp, target)
    except OSError as exc:
        raise DotsError(target, f"cannot write the file: {os_problem(exc)}") from None
    finally:
        temp.unlink(missing_ok=True)
        os.close(fd)


def remove_stale_parts(folder: Path, older_than: float = STALE_SECONDS) -> list[Path]:
    """Remove the `.part` files killed exports left in `folder`: only ours by their name,
    only when older than `older_than` seconds and not locked by an export still running."""
    removed: list[Path] = []
    now = time.time()
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        if not _PART.match(entry.name):
            continue
        with contextlib.suppress(OSError):  # gone meanwhile, not ours to remove, in use
            if not entry.is_file(follow_symlinks=False):
                continue
            if now - entry.stat(follow_symlinks=False).st_mtime < older_than:
                continue
            if _unlink_unless_locked(Path(entry.path)):
                removed.append(Path(entry.path))
    return removed


def _unlink_unless_locked(path: Path) -> bool:
    if fcntl is None:
        path.unlink()  # Windows refuses to remove a file another process has open
        return True
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False  # an export is writing it
        path.unlink()  # removed while we hold the lock: no export can take it meanwhile
        return True
    finally:
        os.close(fd)
