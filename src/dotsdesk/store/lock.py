"""One writer per project file, however it is named; released by the OS if the process dies.

Two locks are held. The one beside the real file (`study.dots.lock`, symlinks resolved)
also works across users and machines on a shared folder. The other is keyed by the file
itself, device and inode, in the user's data folder (store/places.py): a hard link or a
symlink to the same project reaches the same key, so a second writer through another
spelling is refused like one through the same path. (SQLite names a project's WAL after
the path it was opened by, so two spellings would be two WALs on one file: writes lost.)

The writer also leaves a note of the spelling it opened (`<dev>-<ino>.path`), so that a
reader coming through another name reads through the writer's, and sees its WAL.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from filelock import FileLock, Timeout

from ..errors import ProjectLocked
from .places import locks_folder

BUSY_ELSEWHERE = "is already open for writing in another dotsdesk window or command"


def _key(path: Path) -> str | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return f"{st.st_dev:x}-{st.st_ino:x}"


def writer_spelling(path: Path) -> Path | None:
    """The path a writer opened this same file by, when that is another spelling of it."""
    key = _key(path)
    if key is None:
        return None
    try:
        noted = Path((locks_folder() / f"{key}.path").read_text(encoding="utf-8"))
        same = os.path.samefile(noted, path)
    except (OSError, ValueError):
        return None
    # A note left by a writer that crashed still names this file: reading through it
    # finds that writer's WAL, which is right too.
    return noted if same and noted != path.absolute() else None


class ProjectLock:
    def __init__(self, project_path: Path) -> None:
        real = project_path.resolve()
        self.path = real.with_name(real.name + ".lock")
        self._beside = FileLock(self.path, timeout=0, is_singleton=False, thread_local=False)
        self._file_lock: FileLock | None = None
        self._note: Path | None = None

    def acquire(self, project_path: Path) -> None:
        try:
            self._beside.acquire()
        except Timeout:
            raise ProjectLocked(project_path, f"{BUSY_ELSEWHERE}; close it there first") from None
        except OSError as exc:
            raise ProjectLocked(
                project_path, f"cannot create the lock file: {exc.strerror}"
            ) from None
        with contextlib.suppress(OSError):  # the lock holds even without the pid note
            self.path.write_text(str(os.getpid()))
        try:
            self.bind_file(project_path)
        except BaseException:
            self._beside.release(force=True)
            raise

    def bind_file(self, project_path: Path) -> None:
        """Take the lock keyed by the file itself (once it exists: `create` calls this
        after making it)."""
        key = _key(project_path)
        if key is None or self._file_lock is not None:
            return
        folder = locks_folder()
        try:
            folder.mkdir(parents=True, exist_ok=True)
            lock = FileLock(
                folder / f"{key}.lock", timeout=0, is_singleton=False, thread_local=False
            )
            lock.acquire()
        except Timeout:
            other = writer_spelling(project_path)
            where = f" (as {other})" if other is not None else ""
            raise ProjectLocked(
                project_path, f"{BUSY_ELSEWHERE}{where}; close it there first"
            ) from None
        except OSError:
            return  # no data folder to lock in: the lock beside the file still holds
        self._file_lock = lock
        self._note = folder / f"{key}.path"
        with contextlib.suppress(OSError):
            self._note.write_text(str(project_path.absolute()), encoding="utf-8")

    def release(self) -> None:
        if self._file_lock is not None:
            if self._note is not None:
                with contextlib.suppress(OSError):
                    self._note.unlink(missing_ok=True)
            self._file_lock.release(force=True)
            self._file_lock = None
        if self._beside.is_locked:
            # The file stays: deleting it would let a third opener lock a fresh inode while
            # a second still holds the old one.
            self._beside.release(force=True)

    @property
    def held(self) -> bool:
        return self._beside.is_locked
