"""The sample project on disk, for `dotsdesk demo` and the window's "Open the sample project".

The sample never costs work: an existing sample (or any existing file) is kept as it is. A
fresh sample is written to a new file, or replaces an existing one only when asked (`demo
--force`, "Reset sample project…"), and then after a backup copy of what was there.
"""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass
from pathlib import Path

from .errors import ProjectError, ProjectLocked
from .services.counts import ProjectCounts, project_counts
from .services.sample import build_sample
from .store import SUFFIX, Project
from .store.backup import backup_path, make_backup

RESET = "reset"  # the reason in the name of the backup a reset keeps


def default_sample_path() -> Path:
    from platformdirs import user_data_path

    return user_data_path("dotsdesk", appauthor=False, ensure_exists=True) / f"sample{SUFFIX}"


def with_suffix(target: Path) -> Path:
    return target if target.suffix == SUFFIX else target.with_name(target.name + SUFFIX)


def project_files(path: Path) -> list[Path]:
    """The project and the files the database keeps beside it."""
    return [path, *(path.with_name(path.name + s) for s in ("-wal", "-shm", ".lock"))]


@dataclass(frozen=True)
class SampleReport:
    path: Path
    counts: ProjectCounts
    backup: Path | None  # the copy of what the sample replaced


class FreshSample:
    """A sample built beside its target, not yet in place: `install` it or `discard` it."""

    def __init__(self, target: Path) -> None:
        self.target = with_suffix(target)
        self.partial = self.target.with_name(f".{self.target.stem}.partial{SUFFIX}")
        self._clean()
        project = Project.create(self.partial)
        try:
            with project.write() as s:
                build_sample(s)
            with project.read() as s:
                self.counts = project_counts(s)
        except BaseException:
            project.close()
            self._clean()
            raise
        project.close()

    def install(self) -> Path | None:
        """Put the sample in place. What was there is kept as a backup first (returned), and
        is never replaced while it is open somewhere."""
        try:
            backup = self._keep_what_is_there() if self.target.exists() else None
            os.replace(self.partial, self.target)
        finally:
            self._clean()
        return backup

    def _keep_what_is_there(self) -> Path:
        try:
            # Opening takes the writer lock: refused while the project is open elsewhere.
            with Project.open(self.target):
                backup = make_backup(self.target, RESET)
        except ProjectLocked:
            raise
        except ProjectError:
            # Not a project, or a damaged one: kept byte for byte under the backup's name.
            backup = backup_path(self.target, RESET)
            pairs = zip(project_files(self.target)[:3], project_files(backup)[:3], strict=True)
            for old, new in pairs:
                if old.exists():
                    os.replace(old, new)
            return backup
        for stale in project_files(self.target)[1:]:
            stale.unlink(missing_ok=True)
        return backup

    def discard(self) -> None:
        self._clean()

    def _clean(self) -> None:
        for leftover in project_files(self.partial):
            with contextlib.suppress(OSError):
                leftover.unlink(missing_ok=True)


def write_sample(target: Path, *, replace: bool) -> SampleReport:
    """Write a fresh sample to `target`. An existing file is replaced only when `replace` is
    set, after a backup copy; built beside it and swapped in at the end, so an interrupted
    build leaves nothing."""
    target = with_suffix(target)
    if target.exists() and not replace:
        raise ProjectError(
            target,
            "already exists and is kept as it is; choose a new file name, or add --force to "
            "replace it with a fresh sample (a backup copy of it is kept beside it)",
        )
    fresh = FreshSample(target)
    backup = fresh.install()
    return SampleReport(target, fresh.counts, backup)


def sample_counts(path: Path) -> ProjectCounts:
    with Project.open(path, readonly=True) as project, project.read() as s:
        return project_counts(s)


def what_a_reset_loses(now: ProjectCounts, fresh: ProjectCounts) -> list[str]:
    """The differences a user sees between their sample and a fresh one, one line each."""
    lines = []
    for name in ("respondents", "responses", "translations", "codes", "segments"):
        mine, new = getattr(now, name), getattr(fresh, name)
        if mine != new:
            lines.append(f"{name}: {mine} now, {new} in a fresh sample")
    if len(now.posts) != len(fresh.posts):
        lines.append(f"posts: {len(now.posts)} now, {len(fresh.posts)} in a fresh sample")
    if now.consent != fresh.consent:
        lines.append("consent: the statuses you recorded")
    return lines
