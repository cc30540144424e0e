"""Restoring a backup into a new file or over the project, and noticing a damaged project.

Over the project, the backup is written into the file through SQLite's backup API: one
transaction, so another program reading it sees the old project or the restored one, and
a crash leaves the old. The project as it was is backed up first. A damaged project
cannot take that transaction: it is renamed aside (`study.damaged-<when>.dots`, kept with
its WAL) and the restored copy takes its name.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from datetime import datetime
from pathlib import Path
from typing import Any

from ..errors import ProjectError
from .backups import STAMP, Backup, RollingBackups, list_backups
from .faults import translated
from .lock import ProjectLock
from .snapshot import Snapshot, read_only_uri
from .wal import close_connection, fold, notify, wal_path


class ProjectDamaged(ProjectError):
    """The project fails SQLite's check; `backup` is the newest good backup, if any."""

    def __init__(self, path: Path, finding: str, backup: Backup | None) -> None:
        if backup is None:
            advice = "there is no backup of it to restore"
        else:
            advice = (
                f"the newest good backup is from {backup.taken:%Y-%m-%d %H:%M:%S} "
                f"({backup.counts()}): dotsdesk backup restore {path} --to RESTORED.dots"
            )
        super().__init__(path, f"is damaged (the database check found: {finding}); {advice}")
        self.finding = finding
        self.backup = backup


def first_fault(conn: Any) -> str | None:
    """None when SQLite's quick check passes, else its first finding."""
    try:
        found = conn.execute("PRAGMA quick_check(1)").fetchone()[0]
    except sqlite3.DatabaseError as exc:
        return str(exc)
    return None if found == "ok" else str(found)


def newest_good(project: Path) -> Backup | None:
    return next((b for b in list_backups(project) if b.is_good()), None)


def damaged(project: Path, finding: str) -> ProjectDamaged:
    return ProjectDamaged(project, finding, newest_good(project))


def pick(project: Path, at: datetime | None = None) -> Backup:
    """The newest backup taken at or before `at` (default: the newest)."""
    backups = list_backups(project)
    if not backups:
        raise ProjectError(project, "has no backups yet")
    if at is None:
        return backups[0]
    found = next((b for b in backups if b.taken <= at), None)
    if found is None:
        oldest = backups[-1].taken
        raise ProjectError(
            project,
            f"has no backup from {at:%Y-%m-%d %H:%M:%S} or before; the oldest is "
            f"from {oldest:%Y-%m-%d %H:%M:%S}",
        )
    return found


def restore_to(backup: Backup, target: Path) -> Path:
    """Write `backup` to a new file `target`."""
    if target.exists():
        raise ProjectError(target, "already exists; choose a new name for the restored copy")
    if not target.parent.is_dir():
        raise ProjectError(target, f"the folder {target.parent} does not exist")
    with translated(target, "nothing was written"):
        return Snapshot(backup.path, immutable=True).write_to(target)


def restore_over(backup: Backup, project: Path) -> Path | None:
    """Put `backup` in place of `project`, which must not be open for writing anywhere.
    Returns where the project as it was is kept (a backup, or the damaged file set aside)."""
    lock = ProjectLock(project)
    lock.acquire(project)
    try:
        with translated(project, "the project was not changed"):
            conn = sqlite3.connect(project, isolation_level=None)
            finding = first_fault(conn)
            conn.close()
            if finding is not None:
                return _replace_damaged(backup, project)
            kept = _backup_now(project)
            _write_into(backup, project)
            return kept
    finally:
        lock.release()


def _backup_now(project: Path) -> Path | None:
    kept = RollingBackups(project).take_now("restore")
    if kept is None:
        raise ProjectError(project, "could not be backed up first, so nothing was restored")
    return kept


def _write_into(backup: Backup, project: Path) -> None:
    source = sqlite3.connect(read_only_uri(backup.path, immutable=True), uri=True)
    try:
        target = sqlite3.connect(project, isolation_level=None)
        try:
            target.execute("PRAGMA busy_timeout = 10000")
            target.execute("PRAGMA wal_autocheckpoint = 0")
            source.backup(target)  # one step: one transaction in the project
            notice, keep_wal = fold(target, project)
        except BaseException:
            close_connection(target, project, keep_wal=True)
            raise
    finally:
        source.close()
    close_connection(target, project, keep_wal=keep_wal)
    if notice is not None:
        notify(notice)


def _replace_damaged(backup: Backup, project: Path) -> Path:
    stamp = datetime.now().strftime(STAMP)
    aside = project.with_name(f"{project.stem}.damaged-{stamp}{project.suffix}")
    fresh = project.with_name(f".{project.name}.restored")
    Snapshot(backup.path, immutable=True).write_to(fresh)
    os.replace(project, aside)
    if wal_path(project).exists():
        os.replace(wal_path(project), wal_path(aside))
    with contextlib.suppress(OSError):
        project.with_name(project.name + "-shm").unlink(missing_ok=True)
    os.replace(fresh, project)
    return aside
