"""`dotsdesk copy`, `dotsdesk backup list|restore`, and the command line on a full disk, a
damaged project and a second name of an open project: one line each, never a traceback."""

from __future__ import annotations

import csv
import os
import resource
import shutil
import sqlite3
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, insert, select

from dotsdesk.model import Response
from dotsdesk.services.corpus.respondents import add_respondent
from dotsdesk.store import Project

ANSWER = "我觉得沟通最重要，数据科学家的工作其实很杂。" * 10  # Chinese: no model needed

HOLDER = textwrap.dedent(
    """
    import sys, time
    from dotsdesk.services.corpus.respondents import add_respondent
    from dotsdesk.store import Project
    project = Project.open(sys.argv[1])
    with project.write() as s:
        add_respondent(s, "写在 WAL 里 👩‍💻")
    print("open", flush=True)
    time.sleep(120)
    """
)


def rows(path: Path, table: str = "respondent", *, alone: bool = False) -> int:
    """Rows of `table`; `alone`: of the file copied without its WAL, as a user mails it."""
    if alone:
        folder = path.parent / f"alone-{len(list(path.parent.glob('alone-*')))}"
        folder.mkdir()
        path = Path(shutil.copy(path, folder / path.name))
    con = sqlite3.connect(path)
    try:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        return int(con.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
    finally:
        con.close()


@pytest.fixture
def study(tmp_path: Path, empty_project_file: Path) -> Path:
    path = tmp_path / "study 研究.dots"
    shutil.copyfile(empty_project_file, path)
    with Project.open(path) as p, p.write() as s:
        add_respondent(s, "甲")
    return path


@pytest.fixture
def holder(study: Path) -> Iterator[subprocess.Popen[str]]:
    """The project open for writing in another process, with a commit still in its WAL."""
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(study)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout is not None and proc.stdout.readline().strip() == "open"
        yield proc
    finally:
        proc.kill()
        proc.wait(timeout=10)
        for stream in (proc.stdout, proc.stderr):
            if stream is not None:
                stream.close()


def one_line_error(result, *parts: str) -> None:  # type: ignore[no-untyped-def]
    assert result.code == 1
    (line,) = result.err.splitlines()
    assert line.startswith("dotsdesk: error: ")
    for part in parts:
        assert part in line, line
    assert "Traceback" not in result.err


def test_copy_while_the_project_is_open_for_writing(
    cli, study: Path, holder, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    result = cli("copy", study, "to mail")
    assert result.code == 0, result.err
    copy = tmp_path / "to mail.dots"
    assert result.out.strip() == (
        f"wrote {copy.name}: a whole copy of {study} (2 respondents, 0 segments, 0 posts)"
    )
    assert sorted(p.name for p in tmp_path.glob("to mail*")) == ["to mail.dots"]
    assert rows(copy, alone=True) == 2  # the holder's commit, still in the project's WAL
    con = sqlite3.connect(copy)
    assert con.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    con.close()
    one_line_error(cli("copy", study, copy), "already exists")
    # A hard link of the open project: read through the writer's name, so its WAL is seen.
    link = tmp_path / "link.dots"
    os.link(study, link)
    assert cli("copy", link, "through link").code == 0
    assert rows(tmp_path / "through link.dots") == 2


def test_a_second_name_of_an_open_project_is_refused(
    cli, study: Path, holder, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    link = tmp_path / "快捷方式.dots"
    link.symlink_to(study)
    one_line_error(
        cli("autocode", link, "--code", "Theme/X", "--pattern", "甲"),
        f"{link.name}: is already open for writing",
    )


def test_backup_list_and_restore(cli, study: Path, holder, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    holder.kill()  # a crash: its commit is still in the WAL
    holder.wait(timeout=10)
    listed = cli("backup", "list", study)
    assert listed.code == 0, listed.err
    (line,) = listed.out.splitlines()  # the fixture's open; the holder's came too soon after
    assert " on open " in line and line.endswith("0 respondents, 0 segments, 0 posts")
    restored = cli("backup", "restore", study, "--at", line[:19], "--to", "回到过去")
    assert restored.code == 0, restored.err
    assert rows(tmp_path / "回到过去.dots") == 0
    assert rows(study) == 2  # untouched
    over = cli("backup", "restore", study, "--over")
    assert over.code == 0, over.err
    assert "the project as it was is kept as" in over.out
    assert rows(study, alone=True) == 0
    again = cli("backup", "list", study).out.splitlines()
    assert " before a restore " in again[0]
    assert again[0].endswith("2 respondents, 0 segments, 0 posts")


def test_restore_over_an_open_project_is_refused(cli, study: Path, holder) -> None:  # type: ignore[no-untyped-def]
    one_line_error(cli("backup", "restore", study, "--over"), "already open for writing")
    assert rows(study) == 2


def test_a_damaged_project_names_its_newest_good_backup(cli, study: Path) -> None:  # type: ignore[no-untyped-def]
    data = bytearray(study.read_bytes())
    for n in range(1, len(data) // 4096):
        data[n * 4096 : n * 4096 + 64] = b"\xab" * 64
    study.write_bytes(bytes(data))
    result = cli("info", study)
    one_line_error(result, f"{study}: is damaged", "newest good backup", "dotsdesk backup restore")
    rescue = cli("backup", "restore", study, "--to", "rescued")
    assert rescue.code == 0, rescue.err
    assert cli("info", study.with_name("rescued.dots")).code == 0


# -- a full disk -------------------------------------------------------------------------


def big_project(path: Path, empty_project_file: Path) -> Path:
    shutil.copyfile(empty_project_file, path)
    with Project.open(path) as p, p.write() as s:
        rid = add_respondent(s, "先 first").id
        s.execute(insert(Response), [{"respondent_id": rid, "text": ANSWER} for _ in range(4000)])
    return path


def survey(path: Path, n: int) -> Path:
    with path.open("w", newline="", encoding="utf-8") as f:
        out = csv.writer(f)
        out.writerow(["id", "role", "answer"])
        out.writerows([f"r{i}", "DS", f"{ANSWER} {i}"] for i in range(n))
    return path


def check_kept_in_the_wal(project: Path, code: int, out: str, err: str, before: int) -> None:
    assert code == 0, err
    assert "respondents: 600 added" in out  # the import's report: it was done
    (warning,) = err.splitlines()
    assert warning.startswith(f"dotsdesk: warning: {project}:")
    assert f"your latest work is saved in {project.name}-wal beside it" in warning


@pytest.mark.skipif(sys.platform == "win32", reason="RLIMIT_FSIZE is POSIX")
def test_import_on_a_disk_that_cannot_take_the_checkpoint(
    tmp_path: Path, empty_project_file: Path
) -> None:
    project = big_project(tmp_path / "满 full.dots", empty_project_file)
    before = rows(project, "response")
    limit = project.stat().st_size + 256 * 1024

    def limited() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "dotsdesk",
            "import",
            str(project),
            str(survey(tmp_path / "more.csv", 600)),
        ],
        capture_output=True,
        text=True,
        encoding="utf-8",
        preexec_fn=limited,  # the child alone gets the limit
        timeout=120,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )
    check_kept_in_the_wal(project, proc.returncode, proc.stdout, proc.stderr, before)
    assert "the file would grow past the largest size this system allows" in proc.stderr
    assert rows(project, "response", alone=True) == before  # whole, as it was
    with Project.open(project, readonly=True) as reader, reader.read() as s:
        assert s.scalar(select(func.count(Response.id))) == before + 600
    assert rows(project, "response", alone=True) == before  # a reader leaves the WAL be
    Project.open(project).close()
    assert rows(project, "response", alone=True) == before + 600  # folded by the next writer


ENOSPC_SCRIPT = textwrap.dedent(
    """
    set -e
    mount -t tmpfs -o size=12m none "$MNT"
    cp "$PROJECT" "$MNT/study.dots"
    free=$(df -B1 --output=avail "$MNT" | tail -1)
    head -c $((free - 1300000)) /dev/zero > "$MNT/filler"
    set +e
    "$PYTHON" -m dotsdesk import "$MNT/study.dots" "$CSV" > "$OUT/stdout" 2> "$OUT/stderr"
    echo $? > "$OUT/code"
    cp "$MNT/study.dots" "$OUT/study.dots"
    cp "$MNT/study.dots-wal" "$OUT/study.dots-wal"
    """
)


@pytest.mark.skipif(shutil.which("unshare") is None, reason="needs unshare")
def test_import_on_a_real_full_disk(tmp_path: Path, empty_project_file: Path) -> None:
    """A 12 MB tmpfs in a user namespace, filled to leave room for the WAL and not for the
    checkpoint: SQLite itself meets ENOSPC. (The import writes about 0.9 MB of WAL and grows
    the 4.8 MB project by 0.8 MB: 1.3 MB free takes the one and not both.)"""
    probe = subprocess.run(
        ["unshare", "-rm", "sh", "-c", f"mount -t tmpfs none {tmp_path}"], capture_output=True
    )
    if probe.returncode != 0:
        pytest.skip("user namespaces cannot mount a tmpfs here")
    project = big_project(tmp_path / "study.dots", empty_project_file)
    before = rows(project, "response")
    out, mnt = tmp_path / "out", tmp_path / "mnt"
    out.mkdir()
    mnt.mkdir()
    env = {
        **os.environ,
        "MNT": str(mnt),
        "OUT": str(out),
        "PROJECT": str(project),
        "CSV": str(survey(tmp_path / "more.csv", 600)),
        "PYTHON": sys.executable,
        "PYTHONIOENCODING": "utf-8",
    }
    subprocess.run(
        ["unshare", "-rm", "bash", "-c", ENOSPC_SCRIPT], env=env, timeout=120, check=True
    )
    code = int((out / "code").read_text())
    err = (out / "stderr").read_text(encoding="utf-8")
    check_kept_in_the_wal(mnt / "study.dots", code, (out / "stdout").read_text(), err, before)
    assert "the disk is full" in err
    wal = out / "study.dots-wal"
    wal.rename(tmp_path / "saved-wal")
    assert rows(out / "study.dots", "response") == before  # on its own: whole, as it was
    (tmp_path / "saved-wal").rename(wal)
    assert rows(out / "study.dots", "response") == before + 600  # with its WAL: all of it
