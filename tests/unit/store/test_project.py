"""Creating and opening project files, and what a session guarantees."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import func, select

from dotsdesk.errors import ProjectError
from dotsdesk.model import Respondent, Setting
from dotsdesk.services.corpus.respondents import add_respondent
from dotsdesk.store import Project, migrate


def _respondent_count(project: Project) -> int:
    with project.read() as s:
        return s.scalar(select(func.count(Respondent.id))) or 0


# -- create -------------------------------------------------------------------------


def test_create_makes_a_project_at_head(tmp_path: Path) -> None:
    with Project.create(tmp_path / "study.dots") as p:
        assert p.path == tmp_path / "study.dots"
        assert p.setting("application") == "dotsdesk"
        assert p.setting("created")
        assert migrate.current_revision(p.engine) == migrate.head_revision()


def test_create_adds_the_suffix(tmp_path: Path) -> None:
    with Project.create(tmp_path / "study") as p:
        assert p.path.name == "study.dots"
    assert (tmp_path / "study.dots").is_file()


def test_create_refuses_an_existing_file(tmp_path: Path) -> None:
    target = tmp_path / "taken.dots"
    target.write_text("precious notes")
    with pytest.raises(ProjectError) as err:
        Project.create(target)
    assert "taken.dots" in str(err.value)
    assert target.read_text() == "precious notes"


def test_create_refuses_an_existing_project(tmp_path: Path) -> None:
    Project.create(tmp_path / "t.dots").close()
    with pytest.raises(ProjectError, match=r"t\.dots"):
        Project.create(tmp_path / "t.dots")


def test_create_refuses_a_missing_folder(tmp_path: Path) -> None:
    target = tmp_path / "nowhere" / "t.dots"
    with pytest.raises(ProjectError) as err:
        Project.create(target)
    assert "t.dots" in str(err.value)
    assert "nowhere" in str(err.value)
    assert not (tmp_path / "nowhere").exists()


# -- open: files that are not (current) projects --------------------------------------


def test_open_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ProjectError, match=r"ghost\.dots"):
        Project.open(tmp_path / "ghost.dots")


@pytest.mark.parametrize(
    "content",
    [b"", b"just some text, not a database\n", b"PK\x03\x04" + b"\x00" * 200],
    ids=["empty", "text", "zip"],
)
def test_open_a_file_that_is_not_a_database(tmp_path: Path, content: bytes) -> None:
    f = tmp_path / "notes.dots"
    f.write_bytes(content)
    with pytest.raises(ProjectError) as err:
        Project.open(f)
    assert "notes.dots" in str(err.value)
    assert f.read_bytes() == content


def test_open_a_damaged_database(tmp_path: Path) -> None:
    f = tmp_path / "damaged.dots"
    f.write_bytes(b"SQLite format 3\x00" + b"\x07" * 500)
    with pytest.raises(ProjectError, match=r"damaged\.dots"):
        Project.open(f)


def test_open_a_truncated_project(tmp_path: Path) -> None:
    source = tmp_path / "whole.dots"
    with Project.create(source) as p, p.write() as s:
        for i in range(50):
            add_respondent(s, f"k{i}")
    cut = tmp_path / "cut.dots"
    cut.write_bytes(source.read_bytes()[: 4096 * 3])
    with pytest.raises(ProjectError, match=r"cut\.dots"):
        Project.open(cut)


def _plain_sqlite(path: Path) -> None:
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE recipes (name TEXT)")
    con.execute("INSERT INTO recipes VALUES ('dumplings')")
    con.commit()
    con.close()


def test_open_a_database_that_is_not_a_project(tmp_path: Path) -> None:
    f = tmp_path / "recipes.db"
    _plain_sqlite(f)
    with pytest.raises(ProjectError) as err:
        Project.open(f)
    assert "recipes.db" in str(err.value)
    assert "not a dotsdesk project" in str(err.value)
    con = sqlite3.connect(f)
    assert con.execute("SELECT name FROM recipes").fetchall() == [("dumplings",)]
    con.close()
    # The lock was released: the same error again, not "locked".
    with pytest.raises(ProjectError, match="not a dotsdesk project"):
        Project.open(f)


def test_open_a_database_that_is_not_a_project_leaves_it_unchanged(tmp_path: Path) -> None:
    f = tmp_path / "recipes.db"
    _plain_sqlite(f)
    with pytest.raises(ProjectError):
        Project.open(f)
    con = sqlite3.connect(f)
    try:
        assert con.execute("PRAGMA journal_mode").fetchone() == ("delete",)
    finally:
        con.close()


def test_open_a_project_from_a_newer_dotsdesk(tmp_path: Path) -> None:
    f = tmp_path / "future.dots"
    Project.create(f).close()
    con = sqlite3.connect(f)
    con.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    con.commit()
    con.close()
    for readonly in (False, True, False):  # a failed open must not leave the lock taken
        with pytest.raises(ProjectError) as err:
            Project.open(f, readonly=readonly)
        assert "future.dots" in str(err.value)
        assert "newer" in str(err.value)
    assert not list(tmp_path.glob("*backup*"))


# -- an open project ----------------------------------------------------------------


def test_wal_and_foreign_keys_are_on(project: Project) -> None:
    with project.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_data_survives_close_and_reopen(tmp_path: Path) -> None:
    f = tmp_path / "t.dots"
    with Project.create(f) as p, p.write() as s:
        add_respondent(s, "k1", identity={"name": "王小明"})
    with Project.open(f) as p:
        assert p.backup is None
        assert _respondent_count(p) == 1
    # close() folds the WAL back: the file alone is the whole project.
    assert not (tmp_path / "t.dots-wal").exists() or (tmp_path / "t.dots-wal").stat().st_size == 0


def test_a_failed_write_changes_nothing(project: Project) -> None:
    with project.write() as s:
        add_respondent(s, "kept")
    with pytest.raises(RuntimeError), project.write() as s:
        add_respondent(s, "lost-1")
        s.add(Setting(key="theme", value="dark"))
        s.flush()
        add_respondent(s, "lost-2")
        raise RuntimeError("the user pressed cancel")
    with project.read() as s:
        assert list(s.scalars(select(Respondent.key))) == ["kept"]
    assert project.setting("theme") is None


def test_a_write_that_breaks_a_constraint_changes_nothing(project: Project) -> None:
    from sqlalchemy.exc import IntegrityError

    with pytest.raises(IntegrityError), project.write() as s:
        label = add_respondent(s, "first").label
        s.add(Respondent(key="first-dup", label=label))  # label clash
        s.flush()
    assert _respondent_count(project) == 0


def test_read_sessions_do_not_keep_changes(project: Project) -> None:
    with project.read() as s:
        s.add(Respondent(key="ghost", label="ghost"))
        s.flush()
    assert _respondent_count(project) == 0


def test_objects_from_a_write_stay_readable_after_it(project: Project) -> None:
    with project.write() as s:
        r = add_respondent(s, "k1")
    assert (r.key, r.label) == ("k1", "P01")


def test_objects_from_a_read_stay_readable_after_it(project: Project) -> None:
    from dotsdesk.services.corpus.respondents import find_respondent

    with project.write() as s:
        add_respondent(s, "k1")
    with project.read() as s:
        r = find_respondent(s, "k1")
    assert r.label == "P01"


def test_readonly_project_refuses_writes(tmp_path: Path) -> None:
    f = tmp_path / "t.dots"
    Project.create(f).close()
    with Project.open(f, readonly=True) as p:
        with pytest.raises(ProjectError, match="read-only"), p.write():
            pass
        assert p.setting("application") == "dotsdesk"


def test_close_twice_is_harmless(tmp_path: Path) -> None:
    p = Project.create(tmp_path / "t.dots")
    p.close()
    p.close()
    Project.open(tmp_path / "t.dots").close()
