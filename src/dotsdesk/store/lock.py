"""One writer per project: a lock file beside it, released by the OS if the process dies."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from filelock import FileLock, Timeout

from ..errors import ProjectLocked


class ProjectLock:
    def __init__(self, project_path: Path) -> None:
        self.path = project_path.with_name(project_path.name + ".lock")
        self._lock = FileLock(self.path, timeout=0, is_singleton=False, thread_local=False)

    def acquire(self, project_path: Path) -> None:
        try:
            self._lock.acquire()
        except Timeout:
            raise ProjectLocked(
                project_path,
                "is already open for writing in another dotsdesk window or command; "
                "close it there first",
            ) from None
        except OSError as exc:
            raise ProjectLocked(
                project_path, f"cannot create the lock file: {exc.strerror}"
            ) from None
        with contextlib.suppress(OSError):  # the lock holds even without the pid note
            self.path.write_text(str(os.getpid()))

    def release(self) -> None:
        if self._lock.is_locked:
            # The file stays: deleting it would let a third opener lock a fresh inode while
            # a second still holds the old one.
            self._lock.release(force=True)
