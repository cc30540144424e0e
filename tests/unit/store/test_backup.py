"""Backups: a whole, consistent copy beside the project, under a name that is never reused."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from dotsdesk.errors import NotFound
from dotsdesk.services.corpus.respondents import add_respondent, find_respondent
from dotsdesk.store import Project
from dotsdesk.store.backup import backup_path, list_backups, make_backup


def test_a_backup_is_the_project_as_it_was(project: Project) -> None:
    with project.write() as s:
        add_respondent(s, "before")
    # Taken while the project is open for writing, with commits still in the WAL.
    backup = make_backup(project.path, "reset")
    with project.write() as s:
        add_respondent(s, "after")
    assert backup.parent == project.path.parent
    assert backup.name.startswith("t.backup-reset-") and backup.suffix == ".dots"
    with Project.open(backup, readonly=True) as old, old.read() as s:
        assert find_respondent(s, "before").key == "before"
        with pytest.raises(NotFound):
            find_respondent(s, "after")
    assert list_backups(project.path) == [backup]
    assert not list(project.path.parent.glob(".*partial*"))


def test_backup_names_are_never_reused(tmp_path: Path) -> None:
    project = tmp_path / "study.dots"
    when = datetime(2026, 12, 6, 12, 15, 0)
    first = backup_path(project, "reset", when)
    assert first.name == "study.backup-reset-20261206-121500.dots"
    first.write_bytes(b"taken")
    second = backup_path(project, "reset", when)
    assert second.name == "study.backup-reset-20261206-121500-2.dots"
