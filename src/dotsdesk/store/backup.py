"""Backups: whole copies of a project, beside it, named for when and why they were taken.

`study.backup-0001-20261206-121500.dots` is `study.dots` as it was before an upgrade from
schema 0001; `sample.backup-reset-20261206-121500.dots` the sample before it was reset. A
backup is taken with SQLite's online backup API, so it is consistent even while the project is
open, and it appears under its name only once it is complete. It is a project like any other:
open it to look, copy it back to restore.
"""

from __future__ import annotations

import contextlib
import os
from datetime import datetime
from pathlib import Path

from .database import copy_database


def backup_path(project: Path, reason: str, when: datetime | None = None) -> Path:
    """A free name for a backup of `project` beside it."""
    stamp = (when or datetime.now()).strftime("%Y%m%d-%H%M%S")
    base = f"{project.stem}.backup-{reason}-{stamp}"
    candidate = project.with_name(base + project.suffix)
    n = 2
    while candidate.exists():
        candidate = project.with_name(f"{base}-{n}{project.suffix}")
        n += 1
    return candidate


def make_backup(project: Path, reason: str) -> Path:
    """Copy `project` to a new backup beside it; returns the backup's path."""
    target = backup_path(project, reason)
    partial = target.with_name(f".{target.name}.partial")
    try:
        copy_database(project, partial)
        os.replace(partial, target)
    finally:
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)
    return target


def list_backups(project: Path) -> list[Path]:
    """The backups of `project` beside it, oldest first."""
    found = project.parent.glob(f"{project.stem}.backup-*{project.suffix}")
    return sorted(found, key=lambda p: (p.stat().st_mtime, p.name))
