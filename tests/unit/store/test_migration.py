"""Opening a project made by an older dotsdesk: backup first, then migrate."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from dotsdesk.errors import ProjectLocked
from dotsdesk.model import Response
from dotsdesk.services.coding.segments import segments_of
from dotsdesk.services.corpus.search import search
from dotsdesk.store import Project, migrate
from dotsdesk.store.database import make_engine

OLD_TEXT = "我在面试的时候被问到很多机器学习的问题 🇨🇳"


def make_old_project(path: Path) -> None:
    """A project as revision 0001 wrote it, with a respondent, a response and a segment."""
    engine = make_engine(path)
    try:
        migrate.upgrade(engine, "0001")
        with engine.begin() as conn:
            conn.exec_driver_sql(
                "INSERT INTO setting (key, value) VALUES ('application', 'dotsdesk')"
            )
            conn.exec_driver_sql(
                "INSERT INTO respondent (id, key, label, created) "
                "VALUES (1, 'r1', 'R001', '2024-05-01 10:00:00')"
            )
            conn.exec_driver_sql(
                "INSERT INTO response (id, respondent_id, text, language, received, created) "
                "VALUES (1, 1, ?, 'zh', '2024-04-30', '2024-05-01 10:00:00')",
                (OLD_TEXT,),
            )
            conn.exec_driver_sql(
                "INSERT INTO code (id, name, colour, position) VALUES (1, 'A', '#000000', 0)"
            )
            conn.exec_driver_sql(
                'INSERT INTO segment (id, response_id, start, "end", created) '
                "VALUES (1, 1, 2, 4, '2024-05-01 10:00:00')"
            )
            conn.exec_driver_sql("INSERT INTO segment_code (segment_id, code_id) VALUES (1, 1)")
        assert migrate.current_revision(engine) == "0001"
    finally:
        engine.dispose()


def revision_in(path: Path) -> str:
    con = sqlite3.connect(path)
    try:
        return con.execute("SELECT version_num FROM alembic_version").fetchone()[0]
    finally:
        con.close()


def test_head_is_the_newest_migration() -> None:
    assert migrate.head_revision() == migrate.alembic_head()
    assert migrate.head_revision() in migrate.known_revisions()


def test_there_is_something_to_migrate() -> None:
    assert migrate.head_revision() != "0001"
    assert "0001" in migrate.known_revisions()


def test_opening_an_old_project_backs_up_then_migrates(tmp_path: Path) -> None:
    f = tmp_path / "old.dots"
    make_old_project(f)
    with Project.open(f) as p:
        assert p.backup is not None
        assert p.backup.parent == tmp_path
        assert p.backup.name.startswith("old.backup-0001-")
        assert p.backup.suffix == ".dots"
        assert p.backup.is_file()
        assert migrate.current_revision(p.engine) == migrate.head_revision()
        with p.read() as s:
            assert s.scalar(select(Response.text).where(Response.id == 1)) == OLD_TEXT
            # A received date of 0001 reads back as a timestamp (0005); no question id yet.
            old = s.get(Response, 1)
            assert old is not None and old.received == datetime(2024, 4, 30)
            assert old.question_id is None
            # Text written before the index existed is found: short (fallback) and long terms.
            assert search(s, "面试").response_ids == [1]
            assert search(s, "机器学习").response_ids == [1]
            assert search(s, "不存在的词").response_ids == []
            assert [v.text for v in segments_of(s, 1)] == ["面试"]
        backup = p.backup
    # The backup is the project as it was, still at the old revision.
    assert revision_in(backup) == "0001"
    con = sqlite3.connect(backup)
    try:
        assert con.execute("SELECT text FROM response").fetchall() == [(OLD_TEXT,)]
        tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master")}
        assert "response_fts" not in tables
    finally:
        con.close()
    assert revision_in(f) == migrate.head_revision()
    # Opening again: nothing to migrate, no new backup.
    with Project.open(f) as p:
        assert p.backup is None
    assert len(list(tmp_path.glob("old.backup-*"))) == 1


def test_the_migrated_project_enforces_segment_bounds(tmp_path: Path) -> None:
    from sqlalchemy.exc import IntegrityError

    f = tmp_path / "old.dots"
    make_old_project(f)
    with (
        Project.open(f) as p,
        pytest.raises(IntegrityError, match="beyond"),
        p.engine.begin() as conn,
    ):
        conn.exec_driver_sql(
            'INSERT INTO segment (response_id, start, "end", created) '
            "VALUES (1, 0, ?, '2024-05-01')",
            (len(OLD_TEXT) + 1,),
        )


def test_new_text_in_a_migrated_project_is_indexed(tmp_path: Path) -> None:
    from dotsdesk.services.corpus.responses import add_response

    f = tmp_path / "old.dots"
    make_old_project(f)
    with Project.open(f) as p:
        with p.write() as s:
            add_response(s, 1, "Later answer about stakeholders")
        with p.read() as s:
            assert search(s, "STAKEHOLDERS").total == 1


def test_readonly_open_of_an_old_project_migrates(tmp_path: Path) -> None:
    f = tmp_path / "old.dots"
    make_old_project(f)
    with Project.open(f, readonly=True) as p:
        assert p.backup is not None
        assert migrate.current_revision(p.engine) == migrate.head_revision()
    # The lock taken for the migration was given back.
    Project.open(f).close()


def test_readonly_open_of_an_old_locked_project_is_refused(tmp_path: Path) -> None:
    from dotsdesk.store.lock import ProjectLock

    f = tmp_path / "old.dots"
    make_old_project(f)
    lock = ProjectLock(f)
    lock.acquire(f)
    try:
        with pytest.raises(ProjectLocked):
            Project.open(f, readonly=True)
        assert revision_in(f) == "0001"
        assert not list(tmp_path.glob("old.backup-*"))
    finally:
        lock.release()
