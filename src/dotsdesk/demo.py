"""Writing the sample project to a file, for `dotsdesk demo` and the welcome screen."""

from __future__ import annotations

import os
from pathlib import Path

from .errors import ProjectError
from .services.counts import ProjectCounts, project_counts
from .services.sample import build_sample
from .store import SUFFIX, Project


def default_sample_path() -> Path:
    from platformdirs import user_data_path

    return user_data_path("dotsdesk", appauthor=False, ensure_exists=True) / f"sample{SUFFIX}"


def project_files(path: Path) -> list[Path]:
    """The project and the files the database keeps beside it."""
    return [path, *(path.with_name(path.name + s) for s in ("-wal", "-shm", ".lock"))]


def write_sample(target: Path, *, replace: bool) -> ProjectCounts:
    """Build the sample beside `target` and swap it in at the end, so an interrupted build
    leaves nothing. An existing file is replaced only when `replace` is set, and never
    while it is open somewhere."""
    if target.suffix != SUFFIX:
        target = target.with_name(target.name + SUFFIX)
    if target.exists() and not replace:
        raise ProjectError(target, "already exists; use --force to replace it")
    partial = target.with_name(f".{target.stem}.partial{SUFFIX}")
    for leftover in project_files(partial):
        leftover.unlink(missing_ok=True)
    project = Project.create(partial)
    try:
        with project.write() as s:
            build_sample(s)
        with project.read() as s:
            counts = project_counts(s)
    finally:
        project.close()
    if target.exists():
        Project.open(target).close()  # refuses if the old file is open somewhere
        for stale in project_files(target)[1:]:
            stale.unlink(missing_ok=True)
    os.replace(partial, target)
    for leftover in project_files(partial):
        leftover.unlink(missing_ok=True)
    return counts
