"""Who is coding, from the command line: `autocode` codes under the name the app saved (asked
once, changed in its status bar), `--coder` overrides it, and `dotsdesk coder` shows or sets it."""

from __future__ import annotations

import shutil
from pathlib import Path

from sqlalchemy import func, select

from dotsdesk.model import Coder, Segment
from dotsdesk.preferences import coder_name, set_coder_name
from dotsdesk.services.coding.coders import default_coder_name
from dotsdesk.store import Project

from .conftest import Run


def segments_by_coder(path: Path) -> dict[str, int]:
    with Project.open(path, readonly=True) as project, project.read() as s:
        rows = s.execute(
            select(Coder.name, func.count(Segment.id))
            .join(Segment, Segment.coder_id == Coder.id)
            .group_by(Coder.name)
        ).all()
    return {name: count for name, count in rows}


def test_autocode_codes_as_the_saved_coder(cli, demo_project: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    study = tmp_path / "study.dots"
    shutil.copy(demo_project, study)
    shown: Run = cli("coder")
    assert shown.code == 0 and f"coding as {default_coder_name()} (your login name" in shown.out

    set_coder_name("Ana Lyst")  # what the window saves when the user says who is coding
    assert "coding as Ana Lyst (saved in" in cli("coder").out
    made: Run = cli("autocode", study, "--code", "Theme/Mine", "--pattern", "production")
    assert made.code == 0, made.err
    mine = segments_by_coder(study).get("Ana Lyst", 0)
    assert mine > 0

    other: Run = cli(
        "autocode", study, "--code", "Theme/Other", "--pattern", "Python", "--coder", "Bo"
    )
    assert other.code == 0, other.err
    counts = segments_by_coder(study)
    assert counts.get("Bo", 0) > 0 and counts["Ana Lyst"] == mine


def test_coder_sets_the_name_the_app_reads(cli) -> None:  # type: ignore[no-untyped-def]
    saved: Run = cli("coder", "  Cy   Coder ")
    assert saved.code == 0 and "coding as Cy Coder (saved in" in saved.out
    assert coder_name() == "Cy Coder"  # as the window reads it
    blank: Run = cli("coder", "   ")
    assert blank.code == 1 and "cannot be blank" in blank.err and blank.err.count("\n") == 1
    assert coder_name() == "Cy Coder"
