"""`dotsdesk merge` as a user runs it: a second coder's copy comes in once, with a backup
listed by `dotsdesk backup list`; merging again, or a dry run, changes nothing and takes no
backup; bad input is one line and no change."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

from dotsdesk.services.coding import segments as coding
from dotsdesk.services.coding.codebook import ensure_code
from dotsdesk.services.coding.memos import MemoOn, set_memo
from dotsdesk.services.corpus.respondents import add_respondent
from dotsdesk.services.corpus.responses import add_response
from dotsdesk.store import Project

from .conftest import Run


def _copies(tmp_path: Path, demo: Path) -> tuple[Path, Path]:
    study, theirs = tmp_path / "study.dots", tmp_path / "colleague.dots"
    shutil.copyfile(demo, study)
    shutil.copyfile(demo, theirs)
    with Project.open(theirs) as p, p.write() as s:
        code = ensure_code(s, "Theme/二次编码 ✍️", colour="#AA3377").id
        extra = add_respondent(s, "late-answer", label="P99")
        late = add_response(s, extra.id, "Came in after the copy was made 🙂", question="Q").id
        coding.code_span(s, late, 0, 4, [code], coder="bob")
        for response_id in (1, 2):
            coding.code_span(s, response_id, 0, 3, [code], coder="bob", memo="first words")
        set_memo(s, MemoOn.RESPONSE, 1, "bob's thoughts on 1 📝", coder="bob")
    return study, theirs


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_merging_twice_brings_everything_once(cli, tmp_path: Path, demo_project: Path) -> None:  # type: ignore[no-untyped-def]
    study, theirs = _copies(tmp_path, demo_project)
    before = cli("info", study, "--json").json()["segments"]
    colleague = _digest(theirs)

    dry: Run = cli("merge", study, theirs, "--dry-run")
    assert dry.code == 0, dry.err
    assert "nothing was changed" in dry.out and "2 added" in dry.out
    assert cli("info", study, "--json").json()["segments"] == before

    first: Run = cli("merge", study, theirs)
    assert first.code == 0, first.err
    assert "segments: 2 added" in first.out
    assert "codes created (1): Theme/二次编码 ✍️" in first.out
    assert "memos: 1 added" in first.out
    assert "not placed: 1 segment on P99, Q “Came in after the copy was made 🙂”" in first.out
    listed = cli("backup", "list", study)
    assert listed.code == 0, listed.err
    merges = [line for line in listed.out.splitlines() if "before a merge" in line]
    assert len(merges) == 1, listed.out  # with the rolling backups, in the data folder
    after = cli("info", study, "--json").json()["segments"]
    assert after == before + 2

    second: Run = cli("merge", study, theirs)
    assert second.code == 0, second.err
    assert "already holds everything" in second.out
    assert "segments: 0 added" in second.out and "memos: 0 added, 1 already here" in second.out
    assert cli("info", study, "--json").json()["segments"] == after
    again = cli("backup", "list", study).out
    assert len([line for line in again.splitlines() if "before a merge" in line]) == 1
    assert _digest(theirs) == colleague  # the colleague's file is only read

    # The merged coding is bob's, and the analysis sees two coders now.
    records = cli("analyse", study, "frequencies", "--json").json()
    new = next(r for r in records if r["code"] == "Theme/二次编码 ✍️")
    assert new["segments"] == 2


def test_bad_input_is_one_line_and_changes_nothing(cli, tmp_path: Path, demo_project: Path) -> None:  # type: ignore[no-untyped-def]
    study = tmp_path / "study.dots"
    shutil.copyfile(demo_project, study)
    digest = _digest(study)
    not_a_project = tmp_path / "notes.dots"
    not_a_project.write_text("just notes, 不是项目", encoding="utf-8")
    for other, problem in (
        (not_a_project, "is not a dotsdesk project"),
        (tmp_path / "missing.dots", "no such project file"),
        (study, "is the project itself"),
    ):
        result: Run = cli("merge", study, other)
        assert result.code == 1
        assert result.err.count("\n") == 1 and problem in result.err, result.err
        assert "Traceback" not in result.err
    assert _digest(study) == digest
    assert "before a merge" not in cli("backup", "list", study).out
