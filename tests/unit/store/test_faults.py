"""Database faults reach the user as one line naming the project and what happened (busy,
full, damaged), never SQLAlchemy's text with the SQL and the respondents' values in it."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, insert, select, text

from dotsdesk.errors import ProjectError
from dotsdesk.model import Respondent
from dotsdesk.services.corpus.respondents import add_respondent
from dotsdesk.store import Project, database

SECRET = "王小明 13812345600 👩‍💻"


def respondents(path: Path) -> int:
    with Project.open(path, readonly=True) as p, p.read() as s:
        return int(s.scalar(select(func.count(Respondent.id))) or 0)


@pytest.fixture
def other_writer(project: Project) -> Iterator[sqlite3.Connection]:
    """Another program holding a write transaction on the project (dotsdesk's own writers
    are kept out by the lock)."""
    con = sqlite3.connect(project.path, isolation_level=None)
    con.execute("BEGIN IMMEDIATE")
    con.execute("INSERT INTO setting (key, value) VALUES ('elsewhere', 'uncommitted')")
    yield con
    con.rollback()
    con.close()


def test_a_write_while_another_writes_says_busy(
    tmp_path: Path, empty_project_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(database, "BUSY_TIMEOUT_MS", 300)  # the real wait is 10 s
    path = tmp_path / "busy.dots"
    path.write_bytes(empty_project_file.read_bytes())
    with Project.open(path) as project:
        con = sqlite3.connect(path, isolation_level=None)
        con.execute("BEGIN IMMEDIATE")
        try:
            with pytest.raises(ProjectError) as err, project.write() as s:
                add_respondent(s, SECRET)
        finally:
            con.rollback()
            con.close()
        assert str(err.value) == (
            f"{path}: is busy: another dotsdesk command is writing to it; try again"
        )
        with project.write() as s:  # and once the other is done, it works
            add_respondent(s, "after")
    assert respondents(path) == 1


def test_a_reader_does_not_wait_for_a_writer(
    project: Project, other_writer: sqlite3.Connection
) -> None:
    started = time.monotonic()
    with Project.open(project.path, readonly=True) as reader:
        assert reader.setting("elsewhere") is None  # not committed: not seen
    assert time.monotonic() - started < 2


def test_a_full_disk_during_a_write_says_so_and_changes_nothing(project: Project) -> None:
    """SQLite's own page limit gives the same SQLITE_FULL a full disk gives."""
    with project.write() as s:
        add_respondent(s, "before")
    with pytest.raises(ProjectError) as err, project.write() as s:
        pages = s.execute(text("PRAGMA page_count")).scalar_one()
        s.execute(text(f"PRAGMA max_page_count = {pages}"))
        rows = [{"key": f"{SECRET} {i}", "label": f"P{i:05d}"} for i in range(5000)]
        s.execute(insert(Respondent), rows)
    message = str(err.value)
    assert message == f"{project.path}: the disk is full; nothing was changed"
    assert SECRET not in message
    project.close()
    assert respondents(project.path) == 1
