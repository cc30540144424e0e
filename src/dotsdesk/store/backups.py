"""Rolling backups: whole copies of a project taken as the user works, listed and restorable.

When: on opening a project for writing (when it changed since the newest backup and that
one is `INTERVAL` old), then at the first write after every `INTERVAL` of work, and always
before an upgrade, a codebook merge or a REFI-QDA import. Where: the user's data folder
(store/places.py), `backups/<project stem>-<hash of its real path>/`, one file per backup
named for when and why (`20261206-121500-open.dots`), and `project.txt` naming the project.
Kept: the newest `KEEP_LAST`, and the newest of each day for `KEEP_DAYS` days.

Each backup pins its snapshot on the calling thread (a millisecond), then copies on a
thread of its own with its own connection (store/snapshot.py), so the window never waits
for it; `finish()` waits for the copies before the project closes. The backups made beside
the project before an upgrade, a reset or a colleague's merge (store/backup.py) are listed
with these. Counts are read from each backup file itself, read-only.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import sqlite3
import threading
import time
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from .backup import list_backups as list_beside
from .faults import problem
from .places import backups_root
from .snapshot import Snapshot, Stopped, read_only_uri
from .wal import notify

INTERVAL = timedelta(minutes=10)
KEEP_LAST = 10
KEEP_DAYS = 14
STAMP = "%Y%m%d-%H%M%S"
REASONS = {
    "open": "on open",
    "periodic": "while working",
    "upgrade": "before an upgrade",
    "merge": "before a merge",
    "refi": "before a REFI-QDA import",
    "restore": "before a restore",
}
_NAME = re.compile(r"^(?P<stamp>\d{8}-\d{6})(?:-(?P<n>\d+))?-(?P<reason>[a-z]+)\.dots$")
_BESIDE = re.compile(r"\.backup-(?P<reason>.+)-(?P<stamp>\d{8}-\d{6})(?:-(?P<n>\d+))?$")


@dataclass(frozen=True)
class BackupCounts:
    respondents: int
    segments: int
    posts: int

    def __str__(self) -> str:
        return ", ".join(
            f"{n} {word}{'' if n == 1 else 's'}"
            for n, word in (
                (self.respondents, "respondent"),
                (self.segments, "segment"),
                (self.posts, "post"),
            )
        )


@dataclass(frozen=True)
class Backup:
    path: Path
    taken: datetime
    reason: str
    beside: bool = False  # kept beside the project (store/backup.py)
    order: int = 0  # several in one second: by their snapshots' times, then their names
    pinned: float = 0.0

    @property
    def label(self) -> str:
        if self.beside:
            what = {"reset": "before a reset", "merge": "before a merge"}.get(
                self.reason, "before an upgrade"
            )
            return f"{what}, beside the project"
        return REASONS.get(self.reason, self.reason)

    def counts(self) -> BackupCounts | None:
        return read_counts(self.path)

    def is_good(self) -> bool:
        try:
            conn = sqlite3.connect(read_only_uri(self.path, immutable=True), uri=True)
        except sqlite3.Error:
            return False
        try:
            return bool(conn.execute("PRAGMA quick_check(1)").fetchone()[0] == "ok")
        except sqlite3.Error:
            return False
        finally:
            conn.close()


def read_counts(path: Path) -> BackupCounts | None:
    """Respondents, segments and posts in a project file nothing is writing (a backup, a
    copy), read-only; None when it cannot be read."""
    try:
        conn = sqlite3.connect(read_only_uri(path, immutable=True), uri=True)
    except sqlite3.Error:
        return None
    try:
        found = []
        for table in ("respondent", "segment", "post"):
            try:
                found.append(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
            except sqlite3.OperationalError:  # a schema from before that table
                found.append(0)
        return BackupCounts(*found)
    except sqlite3.Error:
        return None
    finally:
        conn.close()


def folder_for(project: Path) -> Path:
    real = str(project.resolve())
    digest = hashlib.sha256(real.encode("utf-8", "surrogateescape")).hexdigest()[:12]
    return backups_root() / f"{project.stem}-{digest}"


def _parse(path: Path) -> Backup | None:
    m = _NAME.match(path.name)
    if m is None:
        return None
    taken = datetime.strptime(m["stamp"], STAMP)
    return Backup(path, taken, m["reason"], order=int(m["n"] or 1), pinned=_mtime(path))


def _parse_beside(path: Path) -> Backup | None:
    m = _BESIDE.search(path.stem)
    if m is None:
        return None
    taken = datetime.strptime(m["stamp"], STAMP)
    return Backup(path, taken, m["reason"], True, int(m["n"] or 1), _mtime(path))


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0


def _newest_first(backups: list[Backup]) -> list[Backup]:
    return sorted(backups, key=lambda b: (b.taken, b.pinned, b.order), reverse=True)


def rolling_backups(folder: Path) -> list[Backup]:
    """The backups in one project's folder, newest first."""
    try:
        found = [b for p in folder.iterdir() if (b := _parse(p)) is not None]
    except OSError:
        return []
    return _newest_first(found)


def list_backups(project: Path) -> list[Backup]:
    """Every backup of `project`, in the data folder and beside it, newest first."""
    found = rolling_backups(folder_for(project))
    with contextlib.suppress(OSError):
        found += [b for p in list_beside(project) if (b := _parse_beside(p)) is not None]
    return _newest_first(found)


def to_keep(backups: list[Backup], now: datetime) -> list[Backup]:
    """The newest KEEP_LAST, and the newest of each of the last KEEP_DAYS days."""
    ordered = _newest_first(backups)
    keep = ordered[:KEEP_LAST]
    days: set[object] = set()
    for backup in ordered:
        day = backup.taken.date()
        if (now.date() - day).days < KEEP_DAYS and day not in days:
            days.add(day)
            if backup not in keep:
                keep.append(backup)
    return keep


def prune(folder: Path, now: datetime | None = None) -> list[Path]:
    """Delete what the retention does not keep (and copies a crash left half-written)."""
    backups = rolling_backups(folder)
    keep = {b.path for b in to_keep(backups, now or datetime.now())}
    removed = [b.path for b in backups if b.path not in keep]
    with contextlib.suppress(OSError):
        stale = time.time() - 24 * 3600
        removed += [p for p in folder.glob(".*.partial") if p.stat().st_mtime < stale]
    for path in removed:
        with contextlib.suppress(OSError):
            path.unlink()
    return removed


class RollingBackups:
    """The backups of one open project: when to take them, and the threads taking them."""

    def __init__(
        self, project: Path, *, interval: timedelta = INTERVAL, first_in: bool = False
    ) -> None:
        """`first_in`: a new project, whose first backup comes after INTERVAL of work."""
        self.project = project
        self.folder = folder_for(project)
        self.interval = interval
        self.taken: list[Path] = []  # by this opening, once complete
        # When the newest backup's snapshot was pinned.
        self._last: float | None = time.time() if first_in else None
        self._jobs: list[threading.Thread] = []
        self._names: set[Path] = set()
        self._stop = threading.Event()
        self._mutex = threading.Lock()

    def on_open(self) -> None:
        newest = rolling_backups(self.folder)
        if newest:
            with contextlib.suppress(OSError):
                self._last = newest[0].path.stat().st_mtime  # set to its snapshot time
        if self._last is not None and (not self._due() or not self._changed_since(self._last)):
            return
        self.start("open")

    def after_write(self) -> None:
        """Called after each commit: a backup once INTERVAL has passed since the last."""
        if self._last is None or self._due():
            self.start("periodic")

    def start(self, reason: str) -> None:
        """Take a backup: the snapshot now, the copy on a thread. Never raises: a backup
        that cannot be taken is said once, and the user's action goes on."""
        now = datetime.now()
        self._last = time.time()
        try:
            snapshot = Snapshot(self.project)
        except (sqlite3.Error, OSError) as exc:
            self._failed(exc)
            return
        target = self._free_name(now, reason)
        job = threading.Thread(
            target=self._copy,
            args=(snapshot, target, self._last),
            name=f"dotsdesk-backup-{reason}",
            daemon=True,  # a command that dies must not hang on its backup
        )
        with self._mutex:
            self._jobs.append(job)
        job.start()

    def take_now(self, reason: str) -> Path | None:
        """A backup taken before returning (before a migration); None if it failed."""
        self.start(reason)
        self.finish()
        return self.taken[-1] if self.taken else None

    def finish(self, *, stop: bool = False) -> None:
        """Wait for the copies under way (or stop them between steps)."""
        if stop:
            self._stop.set()
        with self._mutex:
            jobs, self._jobs = self._jobs, []
        for job in jobs:
            job.join()

    # -- inside -------------------------------------------------------------------------
    def _due(self) -> bool:
        return self._last is None or time.time() - self._last >= self.interval.total_seconds()

    def _changed_since(self, when: float) -> bool:
        for path in (self.project, self.project.with_name(self.project.name + "-wal")):
            with contextlib.suppress(OSError):
                if path.stat().st_mtime > when:
                    return True
        return False

    def _free_name(self, now: datetime, reason: str) -> Path:
        stamp = now.strftime(STAMP)
        with self._mutex:
            n = 1
            while True:
                name = f"{stamp}-{reason}.dots" if n == 1 else f"{stamp}-{n}-{reason}.dots"
                candidate = self.folder / name
                if candidate not in self._names and not candidate.exists():
                    self._names.add(candidate)
                    return candidate
                n += 1

    def _copy(self, snapshot: Snapshot, target: Path, pinned: float) -> None:
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            note = self.folder / "project.txt"
            if not note.exists():
                note.write_text(str(self.project.resolve()) + "\n", encoding="utf-8")
            snapshot.write_to(target, stop=self._stop.is_set)
            os.utime(target, (pinned, pinned))  # what "changed since" compares with
            with self._mutex:
                self.taken.append(target)
            prune(self.folder)
        except Stopped:
            pass
        except Exception as exc:  # never let a backup take the user's work down with it
            self._failed(exc)
        finally:
            snapshot.close()

    def _failed(self, exc: BaseException) -> None:
        why = problem(exc) or f"{type(exc).__name__}: {exc}"
        notify(f"{self.project}: no backup was taken: {why}")
