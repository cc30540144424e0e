"""A team project on a real PostgreSQL server: the same undo as on a file, per coder; roles
the server enforces; push and pull with every id kept."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import create_engine, func, select, text
from sqlalchemy.exc import DBAPIError

from dotsdesk.errors import InvalidOperation, ProjectError
from dotsdesk.model import Code, Response, Segment
from dotsdesk.services.coding import codebook
from dotsdesk.services.coding import segments as coding
from dotsdesk.services.consent import events as consent
from dotsdesk.services.corpus.search import search
from dotsdesk.services.sample import build_sample
from dotsdesk.store import Project
from dotsdesk.store.server import ServerAddress

TABLES = ("code", "segment", "segment_code", "response", "consent_event", "translation")


@pytest.fixture
def team(fresh_server_database: str) -> Iterator[str]:
    with Project.open(fresh_server_database) as p, p.write() as s:
        build_sample(s)
    yield fresh_server_database


def snapshot(project: Project) -> dict[str, list[tuple[object, ...]]]:
    with project.read() as s:
        return {
            t: [tuple(r) for r in s.execute(text(f'SELECT * FROM "{t}" ORDER BY 1, 2'))]
            for t in TABLES
        }


def test_undo_redo_round_trip_on_the_server(team: str) -> None:
    with Project.open(team, undo=True) as p:
        before = snapshot(p)
        with p.read() as s:
            role = codebook.find_code(s, "Role").id
        impact, step = p.record(lambda s: codebook.delete_code(s, role))
        assert impact.codes == 4 and step.tables >= {"code", "segment", "segment_code"}
        after = snapshot(p)
        redo = p.replay(step)
        assert snapshot(p) == before
        p.replay(redo)
        assert snapshot(p) == after


def test_a_text_change_with_chinese_and_percent_signs_undoes(team: str) -> None:
    with Project.open(team, undo=True) as p:
        with p.read() as s:
            rid = s.scalar(select(Response.id).where(Response.text.like("We read papers%")))
        before = snapshot(p)
        new = "短: 50% 的人说 “it's {fine}” 👩‍💻 zqxe\u0301"
        _, step = p.record(lambda s: s.get(Response, rid).__setattr__("text", new) or None)
        with p.read() as s:
            assert s.get(Response, rid).text == new
            assert search(s, "zqxe\u0301").total == 1
        p.replay(step)
        assert snapshot(p) == before


def test_undo_is_per_coder(team: str) -> None:
    with Project.open(team, undo=True) as mine, Project.open(team, undo=True) as theirs:
        with mine.read() as s:
            rid = s.scalar(select(Response.id).where(Response.language == "zh"))
            code = codebook.find_code(s, "Theme/Interview").id
        my_seg, my_step = mine.record(lambda s: coding.code_span(s, rid, 0, 2, [code]).id)
        their_seg, _ = theirs.record(lambda s: coding.code_span(s, rid, 3, 5, [code]).id)
        mine.replay(my_step)  # Ctrl+Z in my window
        with mine.read() as s:
            assert s.get(Segment, my_seg) is None
            assert s.get(Segment, their_seg) is not None  # the colleague's stays


def test_undo_refused_when_a_colleague_changed_the_rows_since(team: str) -> None:
    with Project.open(team, undo=True) as mine, Project.open(team, undo=True) as theirs:
        new_id, step = mine.record(lambda s: codebook.ensure_code(s, "Theme/新").id)
        theirs.record(lambda s: codebook.rename_code(s, new_id, "Renamed by a colleague"))
        with pytest.raises(InvalidOperation, match="a colleague has changed a code"):
            mine.replay(step)
        with theirs.read() as s:
            assert s.get(Code, new_id).name == "Renamed by a colleague"  # nothing overwritten


def test_consent_events_undo_on_the_server(team: str) -> None:
    with Project.open(team, undo=True) as p:
        with p.read() as s:
            who = s.scalar(select(Response.respondent_id).where(Response.language == "zh"))
        before = snapshot(p)
        _, step = p.record(
            lambda s: consent.record_event(s, who, "withdrawn", date(2021, 1, 1), note="x:y 5%")
        )
        p.replay(step)
        assert snapshot(p) == before


def _member(owner_url: str, name: str, role: str, password: str) -> str:
    env = {**os.environ, "DOTSDESK_PREFERENCES": os.environ.get("DOTSDESK_PREFERENCES", "")}
    for args, stdin in (
        (["team", "init", owner_url], ""),
        (["team", "add-member", owner_url, name, "--role", role], password + "\n"),
    ):
        done = subprocess.run(
            [sys.executable, "-m", "dotsdesk", *args],
            input=stdin,
            capture_output=True,
            text=True,
            env=env,
            timeout=120,
        )
        assert done.returncode == 0, done.stderr
        assert "Traceback" not in done.stderr
    parts = owner_url.split("://", 1)[1].split("@", 1)[1]
    return f"postgresql://{name}:{password}@{parts}"


def test_a_coder_is_refused_identity_by_the_server(team: str, tmp_path: Path) -> None:
    coder = _member(team, f"coder_{os.getpid()}", "coder", "s3cret-pass")
    engine = create_engine(coder.replace("postgresql://", "postgresql+psycopg://", 1))
    try:
        with engine.connect() as conn, pytest.raises(DBAPIError, match="permission denied"):
            conn.execute(text("SELECT name FROM identity"))
        with engine.connect() as conn, pytest.raises(DBAPIError, match="permission denied"):
            conn.execute(text("SELECT note FROM consent_event"))
        with engine.connect() as conn:  # what the consent gate needs stays readable
            assert conn.execute(text("SELECT count(level) FROM consent_event")).scalar() >= 0
    finally:
        engine.dispose()
    # The app works with what the role may reach: coding, and a copy without identity.
    with Project.open(coder, undo=True) as p:
        with p.read() as s:
            rid = s.scalar(select(Response.id).where(Response.language == "zh"))
            code = codebook.find_code(s, "Theme/Interview").id
        _, step = p.record(lambda s: coding.code_span(s, rid, 0, 2, [code]).id)
        p.replay(step)
    done = subprocess.run(
        [sys.executable, "-m", "dotsdesk", "team", "pull", coder, str(tmp_path / "c.dots")],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    left_out = done.stdout.split("left out (not readable with this role): ", 1)[1]
    assert "identity" in left_out and "consent_event.note" in left_out


def test_push_then_pull_keeps_every_row_and_id(fresh_server_database: str, tmp_path: Path) -> None:
    local = tmp_path / "study.dots"
    with Project.create(local) as p, p.write() as s:
        build_sample(s)
    run = [sys.executable, "-m", "dotsdesk", "team"]
    for args in (
        ["push", str(local), fresh_server_database],
        ["pull", fresh_server_database, str(tmp_path / "back.dots")],
    ):
        done = subprocess.run([*run, *args], capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stderr
    with (
        Project.open(local, readonly=True) as a,
        Project.open(tmp_path / "back.dots", readonly=True) as b,
    ):
        assert snapshot(a) == snapshot(b)
    # New rows get fresh ids after the copied ones.
    with Project.open(fresh_server_database) as server, server.write() as s:
        code = codebook.ensure_code(s, "After/push")
        assert code.id > s.scalar(select(func.max(Code.id)).where(Code.id != code.id))
    again = subprocess.run(
        [*run, "push", str(local), fresh_server_database],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert again.returncode == 1 and "already holds a project" in again.stderr
    assert "Traceback" not in again.stderr


def test_a_bad_address_or_server_is_one_line(pg_server: str) -> None:
    with pytest.raises(ProjectError, match="not a server project address"):
        ServerAddress("postgresql://host-only")
    with pytest.raises(ProjectError, match=r"holds no dotsdesk project|no such database"):
        Project.open(pg_server.rsplit("/", 1)[0] + "/no_such_db_here")
    address = ServerAddress("postgresql://ann:secret@db.example.org:5433/study")
    assert str(address) == "postgresql://ann@db.example.org:5433/study"  # never the password
    assert address.name == "study"


def test_a_colleagues_change_reaches_my_listener_within_a_second(team: str) -> None:
    import threading
    import time

    from dotsdesk.store.live import ChangeListener

    heard: list[frozenset[str]] = []
    arrived = threading.Event()

    def on_change(tables: frozenset[str]) -> None:
        heard.append(tables)
        arrived.set()

    with Project.open(team, undo=True) as mine, Project.open(team, undo=True) as theirs:
        listener = ChangeListener(mine.path, mine.engine.info["session"], on_change)  # type: ignore[arg-type]
        listener.start()
        try:
            time.sleep(0.3)  # listening
            mine.record(lambda s: codebook.ensure_code(s, "Mine/only"))  # my own: not heard
            with theirs.read() as s:
                rid = s.scalar(select(Response.id).where(Response.language == "zh"))
                code = codebook.find_code(s, "Theme/Interview").id
            sent = time.monotonic()
            theirs.record(lambda s: coding.code_span(s, rid, 0, 2, [code]).id)
            assert arrived.wait(2.0)
            assert time.monotonic() - sent < 1.0
        finally:
            listener.stop()
    assert heard and "segment" in heard[0] and "code" not in set().union(*heard)


def test_an_undo_leaving_a_segment_outside_its_text_is_refused_on_the_server(team: str) -> None:
    from dotsdesk.services.corpus import responses

    with Project.open(team, undo=True) as p:
        with p.read() as s:
            rid = s.scalar(select(Response.id).where(Response.text.like("We read papers%")))
            code = codebook.find_code(s, "Theme/Interview").id
            old = s.get(Response, rid).text
        longer = old + " 后来加的话 👩‍💻 cafe\u0301"
        _, grow = p.record(lambda s: responses.replace_text(s, s.get(Response, rid), longer))
        p.record(lambda s: coding.code_span(s, rid, len(longer) - 4, len(longer), [code]))
        before = snapshot(p)
        with pytest.raises(InvalidOperation, match="outside its text"):
            p.replay(grow)
        assert snapshot(p) == before
