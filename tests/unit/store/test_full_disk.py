"""A full disk at the checkpoint: the work the user was told is done is saved, the command
ends normally with one line saying where, and the `.dots` on its own is a whole project
(the older one) until the next open folds the rest in.

The disk is made full for real for SQLite: a child process runs with a file-size limit
(RLIMIT_FSIZE) above what the WAL needs and below what the project file grows to, so the
commit succeeds and the checkpoint's growth is refused by the kernel (EFBIG), as ENOSPC
refuses it on a full disk (tests/e2e/test_cli_backup.py fills a real small filesystem).
"""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from sqlalchemy import insert

from dotsdesk.model import Response
from dotsdesk.services.corpus.respondents import add_respondent
from dotsdesk.store import Project

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="RLIMIT_FSIZE is POSIX")

ANSWER = "我觉得沟通最重要，数据科学家的工作其实很杂 👩‍💻 cafe\u0301. " * 12

CHILD = textwrap.dedent(
    """
    import resource, sys
    from pathlib import Path
    limit = int(sys.argv[2])
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    from sqlalchemy import insert
    from dotsdesk.model import Response
    from dotsdesk.services.corpus.respondents import add_respondent
    from dotsdesk.store import Project
    with Project.open(Path(sys.argv[1])) as project:
        with project.write() as s:
            rid = add_respondent(s, "后来的 later").id
            s.execute(insert(Response), [
                {"respondent_id": rid, "text": sys.argv[3], "language": "zh"}
                for _ in range(int(sys.argv[4]))
            ])
        print("committed", flush=True)
    print("notice:", project.notice, flush=True)
    """
)


def responses(path: Path) -> int:
    con = sqlite3.connect(path)
    try:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        return int(con.execute("SELECT count(*) FROM response").fetchone()[0])
    finally:
        con.close()


def alone(path: Path, folder: Path) -> Path:
    """The `.dots` copied on its own, as a user mails it (no -wal beside it)."""
    folder.mkdir()
    return Path(shutil.copy(path, folder / path.name))


def test_a_checkpoint_the_disk_cannot_take_leaves_the_file_whole(
    tmp_path: Path, empty_project_file: Path
) -> None:
    path = tmp_path / "满 full.dots"
    shutil.copyfile(empty_project_file, path)
    with Project.open(path) as project, project.write() as s:
        rid = add_respondent(s, "先 first").id
        s.execute(insert(Response), [{"respondent_id": rid, "text": ANSWER} for _ in range(3000)])
    before = responses(path)
    size = path.stat().st_size
    child = subprocess.run(
        [sys.executable, "-c", CHILD, str(path), str(size + 256 * 1024), ANSWER, "700"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert child.returncode == 0, child.stderr
    assert child.stdout.splitlines()[0] == "committed"
    (warning,) = child.stderr.splitlines()
    assert warning.startswith(f"dotsdesk: warning: {path}: the file would grow past")
    assert "your latest work is saved in 满 full.dots-wal beside it" in warning
    assert f"notice: {warning.removeprefix('dotsdesk: warning: ')}" in child.stdout
    # On its own the file is the project as it was, whole; with its WAL, all of it.
    assert responses(alone(path, tmp_path / "mailed")) == before
    assert path.with_name(path.name + "-wal").stat().st_size > 0
    with Project.open(path) as project:  # room again: the next close folds it in
        pass
    assert project.notice is None
    assert not path.with_name(path.name + "-wal").exists()
    assert responses(alone(path, tmp_path / "mailed later")) == before + 700
