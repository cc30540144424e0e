"""Faults end every command in one line: no traceback, nothing of the respondents' text, a
full disk named as such, and a reader that stops reading (`| head`) ends it quietly."""

from __future__ import annotations

import errno
import hashlib
import io
import os
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from dotsdesk.cli import main
from dotsdesk.cli.faults import describe_fault
from dotsdesk.exporters import atomic

SECRET = "我的秘密回答 secret answer about my manager"


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def sample(tmp_path: Path, demo_project: Path) -> Path:
    copy = tmp_path / "sample.dots"
    shutil.copyfile(demo_project, copy)
    return copy


def run(capsys: pytest.CaptureFixture[str], *args: str | Path) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def one_line(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in err, err
    assert lines[0].startswith("dotsdesk: error: ")
    return lines[0]


def survey(path: Path, rows: int, answer: str = "I mostly write SQL and some Python") -> Path:
    lines = ["respondent,What do you do at work?"]
    lines += [f'R{n:05d},"{answer}, number {n}"' for n in range(rows)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


# --- the database refuses a write ------------------------------------------------------------


def _refuse_answers(project: Path, message: str) -> None:
    """A trigger in the real database: every new answer is refused with `message`, the way
    SQLite refuses a write on a full disk (the statement, with the answer, is in the error)."""
    conn = sqlite3.connect(project)
    try:
        with conn:
            conn.execute(
                f"CREATE TRIGGER refuse BEFORE INSERT ON response BEGIN "
                f"SELECT RAISE(ABORT, '{message}'); END"
            )
    finally:
        conn.close()  # the last connection folds the WAL in: the file is whole before


@pytest.mark.parametrize(
    ("message", "said"),
    [
        ("database or disk is full", "the disk is full"),
        ("something only this test says", "something only this test says"),
    ],
)
def test_a_database_error_is_one_line_without_the_sql_or_the_answers(
    capsys: pytest.CaptureFixture[str], sample: Path, tmp_path: Path, message: str, said: str
) -> None:
    _refuse_answers(sample, message)
    before = digest(sample)
    code, _out, err = run(capsys, "import", sample, survey(tmp_path / "s.csv", 3, SECRET))
    line = one_line(err)
    assert code == 1 and said in line and str(sample.name) in line
    assert "secret" not in err and "INSERT" not in err and "[SQL" not in err
    assert digest(sample) == before


def test_unexpected_errors_do_not_quote_the_data() -> None:
    line = describe_fault(ValueError(f"could not parse {SECRET!r}"), Path("study.dots"))
    assert "secret" not in line and "ValueError" in line and "DOTSDESK_DEBUG" in line
    assert describe_fault(OSError(errno.ENOSPC, "No space left"), Path("s.dots")) == (
        "s.dots: the disk is full"
    )
    gone = FileNotFoundError(errno.ENOENT, "No such file", "/x/out.xlsx")
    assert describe_fault(gone, Path("s.dots")) == "/x/out.xlsx: file not found"


def test_a_full_disk_during_an_export_says_so_and_leaves_nothing(
    capsys: pytest.CaptureFixture[str],
    sample: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """ENOSPC injected where the export's file is put in place (the write layer)."""

    def full(*_args: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(atomic.os, "replace", full)
    out = tmp_path / "segments.xlsx"
    code, _out, err = run(capsys, "export", sample, out)
    assert code == 1
    assert one_line(err) == f"dotsdesk: error: {out}: cannot write the file: the disk is full"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["sample.dots"]


# --- a closed pipe ----------------------------------------------------------------------------


class _ClosedPipe(io.StringIO):
    """stdout whose reader has gone: every write fails as it does under `| head`."""

    def write(self, _text: str) -> int:
        raise BrokenPipeError(errno.EPIPE, "Broken pipe")

    def flush(self) -> None:
        raise BrokenPipeError(errno.EPIPE, "Broken pipe")


@pytest.mark.parametrize(
    "args",
    [
        ["consent", "{file}", "list"],
        ["draft", "{file}", "--title", "Piped", "--sections-from", "Role"],
        ["info", "{file}"],
    ],
)
def test_a_closed_pipe_ends_quietly(
    capsys: pytest.CaptureFixture[str],
    sample: Path,
    monkeypatch: pytest.MonkeyPatch,
    args: list[str],
) -> None:
    monkeypatch.setattr(sys, "stdout", _ClosedPipe())
    code = main([a.format(file=sample) for a in args])
    assert code == 141
    assert capsys.readouterr().err == ""


def test_consent_list_into_head_as_a_real_process(tmp_path: Path) -> None:
    """A list longer than the pipe holds, read for one line: the writer meets the closed
    pipe mid-list and ends quietly (with the shell's status for SIGPIPE)."""
    study = tmp_path / "big.dots"
    assert main(["new", str(study)]) == 0
    assert main(["import", str(study), str(survey(tmp_path / "big.csv", 2500))]) == 0
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "dotsdesk", "consent", str(study), "list"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    )
    assert proc.stdout is not None and proc.stderr is not None
    assert proc.stdout.readline().startswith(b"Respondent")
    proc.stdout.close()  # what `head -1` does after its line
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=60) in (0, 141)
    assert err == ""


# --- leftovers of killed exports ----------------------------------------------------------------


def test_killed_exports_leftovers_are_removed_by_the_next_export(
    capsys: pytest.CaptureFixture[str], sample: Path, tmp_path: Path
) -> None:
    hour_ago = time.time() - 2 * 3600

    def part(name: str, old: bool) -> Path:
        path = tmp_path / name
        path.write_bytes(b"PK\x03\x04 half an export")
        if old:
            os.utime(path, (hour_ago, hour_ago))
        return path

    stale = part(".segments.xlsx.k3j9_x2q.part", old=True)
    other_stale = part(".post.docx.abcdefgh.part", old=True)
    fresh = part(".segments.xlsx.zz11aa22.part", old=False)  # perhaps an export running now
    busy = part(".report.docx.q1w2e3r4.part", old=True)
    not_ours = part(".notes.part", old=True)
    held = os.open(busy, os.O_RDONLY)
    try:
        import fcntl

        fcntl.flock(held, fcntl.LOCK_EX | fcntl.LOCK_NB)  # an export still writing it
    except ImportError:  # pragma: no cover - Windows
        pytest.skip("no advisory locks")
    try:
        code, _out, err = run(capsys, "export", sample, tmp_path / "segments.xlsx")
    finally:
        os.close(held)
    assert code == 0, err
    assert not stale.exists() and not other_stale.exists()
    assert fresh.exists() and busy.exists() and not_ours.exists()
    assert (tmp_path / "segments.xlsx").is_file()
