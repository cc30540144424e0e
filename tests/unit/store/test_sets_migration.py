"""A team project made before sets (revision 0006, its roles set up by `team init`): its
coders are told to wait for the owner; once the owner runs `team init` again (the upgrade a
server project takes), a coder may make and use sets, and identity stays refused."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from alembic import command
from sqlalchemy import create_engine, text
from sqlalchemy.exc import DBAPIError

from dotsdesk.errors import ProjectError
from dotsdesk.services.corpus import sets
from dotsdesk.services.corpus.respondents import add_respondent
from dotsdesk.store import Project, pg_roles
from dotsdesk.store.migrate import alembic_config


def _engine(url: str):  # type: ignore[no-untyped-def]
    return create_engine(url.replace("postgresql://", "postgresql+psycopg://", 1))


def test_coders_of_an_older_team_project_may_use_sets(fresh_server_database: str) -> None:
    url = fresh_server_database
    with Project.open(url) as p, p.write() as s:
        person = add_respondent(s, "P1", identity={"name": "王小明"}).id
    name, password = f"setcoder_{os.getpid()}", "s3cret-pass"
    engine = _engine(url)
    try:
        with engine.begin() as conn:  # as `team init` and `add-member` left it at 0006
            command.downgrade(alembic_config(conn), "0006")
            tables = {r[0] for r in conn.execute(text("SELECT tablename FROM pg_tables"))}
            assert "named_set" not in tables
            pg_roles.set_up_roles(conn)
            pg_roles.add_member(conn, name, "coder", password)
    finally:
        engine.dispose()
    coder = f"postgresql://{name}:{password}@{url.split('://', 1)[1].split('@', 1)[1]}"
    with pytest.raises(ProjectError, match="team init"):
        Project.open(coder)
    upgraded = subprocess.run(
        [sys.executable, "-m", "dotsdesk", "team", "init", url],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert upgraded.returncode == 0, upgraded.stderr
    with Project.open(coder, undo=True) as p:
        _, step = p.record(lambda s: sets.create_set(s, "访谈 set", "respondents", [person]))
        with p.read() as s:
            assert [(x.name, x.members) for x in sets.list_sets(s)] == [("访谈 set", 1)]
        p.replay(step)
        with p.read() as s:
            assert sets.list_sets(s) == []
    engine = _engine(coder)
    try:
        with engine.connect() as conn, pytest.raises(DBAPIError, match="permission denied"):
            conn.execute(text("SELECT name FROM identity"))
    finally:
        engine.dispose()
