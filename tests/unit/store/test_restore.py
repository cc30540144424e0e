"""Restoring a backup into a new file or over the project, and a damaged project meeting the
user with its newest good backup instead of a traceback."""

from __future__ import annotations

import shutil
from datetime import timedelta
from pathlib import Path

import pytest

from dotsdesk.errors import NotFound, ProjectError, ProjectLocked
from dotsdesk.services.corpus.respondents import add_respondent, find_respondent
from dotsdesk.store import Project
from dotsdesk.store.backups import list_backups, read_counts
from dotsdesk.store.restore import ProjectDamaged, pick, restore_over, restore_to


def add(project: Project, key: str) -> None:
    with project.write() as s:
        add_respondent(s, key)


def has(path: Path, key: str) -> bool:
    with Project.open(path, readonly=True) as p, p.read() as s:
        try:
            find_respondent(s, key)
        except NotFound:
            return False
        return True


@pytest.fixture
def study(tmp_path: Path, empty_project_file: Path) -> Path:
    """A project with one backup holding 甲 (on open), and 乙 👩‍💻 added after it."""
    path = tmp_path / "study.dots"
    shutil.copyfile(empty_project_file, path)
    with Project.open(path) as p:
        add(p, "甲")
    for b in list_backups(path):
        b.path.unlink()
    with Project.open(path) as p:  # the backup on open: 甲 only
        add(p, "乙 👩‍💻")
    return path


def damage(path: Path) -> None:
    """Garbage over pages in the middle of the file, as a failing disk or another program
    writing into it would leave; the header stays a database's."""
    data = bytearray(path.read_bytes())
    page = 4096
    for n in range(1, len(data) // page):
        data[n * page : n * page + 64] = b"\xab" * 64
    path.write_bytes(bytes(data))


def test_restore_into_a_new_file(study: Path, tmp_path: Path) -> None:
    backup = pick(study)
    target = tmp_path / "恢复 restored.dots"
    restore_to(backup, target)
    assert has(target, "甲") and not has(target, "乙 👩‍💻")
    assert has(study, "乙 👩‍💻")  # the project is untouched
    assert not list(tmp_path.glob(".*partial*"))
    with pytest.raises(ProjectError, match="already exists"):
        restore_to(backup, target)


def test_pick_by_time(study: Path) -> None:
    (only,) = list_backups(study)
    assert pick(study, only.taken) == only
    assert pick(study, only.taken + timedelta(days=1)) == only
    with pytest.raises(ProjectError, match="no backup from"):
        pick(study, only.taken - timedelta(seconds=1))


def test_restore_over_is_refused_while_the_project_is_open(study: Path) -> None:
    backup = pick(study)
    with Project.open(study), pytest.raises(ProjectLocked, match="already open for writing"):
        restore_over(backup, study)
    assert has(study, "乙 👩‍💻")


def test_restore_over_keeps_the_project_as_it_was(study: Path) -> None:
    backup = pick(study)
    kept = restore_over(backup, study)
    assert has(study, "甲") and not has(study, "乙 👩‍💻")
    assert kept is not None and kept.name.endswith("-restore.dots")
    assert read_counts(kept) is not None and read_counts(kept).respondents == 2  # type: ignore[union-attr]
    assert not study.with_name(study.name + "-wal").exists()  # folded: the file is whole
    # Listed as a backup, so the restore itself can be taken back.
    assert [b.label for b in list_backups(study)] == ["before a restore", "on open"]


def test_a_damaged_project_names_its_newest_good_backup(study: Path) -> None:
    damage(study)
    with pytest.raises(ProjectDamaged) as caught:
        Project.open(study)
    error = caught.value
    assert error.backup is not None and error.backup == pick(study)
    message = str(error)
    assert "\n" not in message
    assert message.startswith(f"{study}: is damaged")
    assert "1 respondent, 0 segments, 0 posts" in message
    assert f"dotsdesk backup restore {study} --to" in message
    with pytest.raises(ProjectDamaged):  # readers too
        Project.open(study, readonly=True)
    # Over the damaged project: the damaged file is kept beside it, with its WAL if any.
    aside = restore_over(error.backup, study)
    assert aside is not None and aside.name.startswith("study.damaged-")
    assert has(study, "甲")
    assert aside.stat().st_size > 0


def test_a_damaged_project_without_backups_says_so(study: Path) -> None:
    for b in list_backups(study):
        b.path.unlink()
    damage(study)
    with pytest.raises(ProjectDamaged, match="there is no backup of it to restore"):
        Project.open(study)
