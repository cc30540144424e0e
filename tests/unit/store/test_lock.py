"""One writer per project: in this process and across processes."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

from dotsdesk.errors import ProjectError, ProjectLocked
from dotsdesk.services.corpus.respondents import add_respondent
from dotsdesk.store import Project

HOLDER = textwrap.dedent(
    """
    import sys, time
    from dotsdesk.store import Project
    project = Project.open(sys.argv[1])
    print("open", flush=True)
    time.sleep(120)
    """
)


@pytest.fixture
def project_file(tmp_path: Path) -> Path:
    f = tmp_path / "t.dots"
    with Project.create(f) as p, p.write() as s:
        add_respondent(s, "k1")
    return f


def test_second_writer_in_the_same_process_is_refused(project_file: Path) -> None:
    first = Project.open(project_file)
    try:
        with pytest.raises(ProjectLocked) as err:
            Project.open(project_file)
        assert "t.dots" in str(err.value)
        assert isinstance(err.value, ProjectError)
        with pytest.raises(ProjectLocked):
            Project.open(project_file)  # still refused, and the first still works
        with first.write() as s:
            add_respondent(s, "k2")
    finally:
        first.close()
    with Project.open(project_file) as again, again.write() as s:
        add_respondent(s, "k3")


def test_create_holds_the_lock_until_closed(tmp_path: Path) -> None:
    f = tmp_path / "t.dots"
    p = Project.create(f)
    with pytest.raises(ProjectLocked):
        Project.open(f)
    p.close()
    Project.open(f).close()


def test_readonly_opens_while_locked_and_sees_commits(project_file: Path) -> None:
    writer = Project.open(project_file)
    try:
        with Project.open(project_file, readonly=True) as reader:
            with writer.write() as s:
                add_respondent(s, "seen")
            from dotsdesk.services.corpus.respondents import find_respondent

            with reader.read() as s:
                assert find_respondent(s, "seen").key == "seen"
        # Closing the reader does not release the writer's lock.
        with pytest.raises(ProjectLocked):
            Project.open(project_file)
    finally:
        writer.close()


def test_a_readonly_open_does_not_take_the_lock(project_file: Path) -> None:
    with Project.open(project_file, readonly=True):
        Project.open(project_file).close()


@pytest.fixture
def holder(project_file: Path) -> Iterator[subprocess.Popen[str]]:
    """Another process with the project open for writing."""
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(project_file)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
    )
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()
        if line.strip() != "open":
            proc.kill()
            raise AssertionError(f"holder did not open the project: {proc.stderr.read()}")  # type: ignore[union-attr]
        yield proc
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.wait(timeout=10)
        for stream in (proc.stdout, proc.stderr):
            if stream is not None:
                stream.close()


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_a_lock_held_by_another_process(project_file: Path, holder: subprocess.Popen[str]) -> None:
    with pytest.raises(ProjectLocked, match=r"t\.dots"):
        Project.open(project_file)
    with Project.open(project_file, readonly=True) as reader:
        assert reader.setting("application") == "dotsdesk"
    # A crash (no chance to clean up) releases the lock: the OS drops it with the process.
    os.kill(holder.pid, signal.SIGKILL)
    assert holder.wait(timeout=10) == -signal.SIGKILL
    with Project.open(project_file) as p, p.write() as s:
        add_respondent(s, "after-crash")


# -- every spelling of the same file -----------------------------------------------------


@pytest.mark.parametrize("kind", ["hard link", "symlink"])
def test_another_name_of_the_same_file_is_refused(project_file: Path, kind: str) -> None:
    other = project_file.parent / "别名 🔗" / "other.dots"
    other.parent.mkdir()
    if kind == "hard link":
        os.link(project_file, other)
    else:
        other.symlink_to(project_file)
    first = Project.open(project_file)
    try:
        with pytest.raises(ProjectLocked) as err:
            Project.open(other)
        message = str(err.value)
        assert message.startswith(f"{other}: is already open for writing")
        assert "\n" not in message
        with pytest.raises(ProjectLocked):  # and the other way round
            Project.open(project_file)
    finally:
        first.close()
    # Closed: the other name opens for writing, and then the first one is refused.
    with Project.open(other) as second:
        with pytest.raises(
            ProjectLocked, match=r"\(as .*other\.dots\)" if kind == "hard link" else "already"
        ):
            Project.open(project_file)
        with second.write() as s:
            add_respondent(s, "through the other name")


def test_a_reader_through_a_hard_link_sees_the_writers_newest_commits(
    project_file: Path,
) -> None:
    """SQLite finds the WAL by the name a file was opened by: a reader through another name
    would miss the writer's WAL (and read a file a checkpoint may be writing)."""
    from dotsdesk.services.corpus.respondents import find_respondent

    link = project_file.with_name("link.dots")
    os.link(project_file, link)
    with Project.open(project_file) as writer:
        with writer.write() as s:
            add_respondent(s, "只在 WAL 里 🙂")
        assert project_file.with_name("t.dots-wal").stat().st_size > 0
        with Project.open(link, readonly=True) as reader, reader.read() as s:
            assert find_respondent(s, "只在 WAL 里 🙂").key == "只在 WAL 里 🙂"
    assert not link.with_name("link.dots-wal").exists()


@pytest.mark.skipif(sys.platform == "win32", reason="hard links and SIGKILL are POSIX here")
def test_a_writer_in_another_process_holds_every_name(
    project_file: Path, holder: subprocess.Popen[str]
) -> None:
    link = project_file.with_name("hard.dots")
    os.link(project_file, link)
    with pytest.raises(ProjectLocked, match=r"hard\.dots: is already open for writing"):
        Project.open(link)
    os.kill(holder.pid, signal.SIGKILL)
    holder.wait(timeout=10)
    Project.open(link).close()
