"""A post's figures as a user meets them on the command line: the sample post exported,
a second survey imported (the figures stay), a coding change refused until accepted, and a
draft from one imported file only."""

from __future__ import annotations

import csv
import re
import shutil
from pathlib import Path

from docx import Document

POPULATION = "figures are computed over the 30 respondents of the sample survey"


def write_survey(path: Path) -> None:
    with path.open("w", newline="", encoding="utf-8") as f:
        out = csv.writer(f)
        out.writerow(["respondent", "Job title", "Do you write production code?"])
        for i in range(21):
            out.writerow(
                [
                    f"S{i:02d}",
                    "data scientist",
                    f"Mostly research, with notebooks (survey two, {i}).",
                ]
            )


def figures(path: Path) -> list[str]:
    texts = [p.text for p in Document(str(path)).paragraphs]
    return [t.split()[0] for t in texts if "of sampled data scientists" in t]


def test_figures_stay_and_changes_are_refused_until_accepted(  # type: ignore[no-untyped-def]
    cli, demo_project: Path, tmp_path: Path
) -> None:
    shutil.copyfile(demo_project, tmp_path / "d.dots")
    first = cli("export", "d.dots", "first.docx", "--post", "1")
    assert first.code == 0, first.err
    assert POPULATION in first.out
    write_survey(tmp_path / "survey2.csv")
    imported = cli("import", "d.dots", "survey2.csv")
    assert imported.code == 0, imported.err
    newcomers = cli("autocode", "d.dots", "--code", "Role/Research", "--pattern", "survey two")
    assert newcomers.code == 0, newcomers.err
    again = cli("export", "d.dots", "again.docx", "--post", "1")
    assert again.code == 0, again.err
    assert POPULATION in again.out
    assert figures(tmp_path / "again.docx") == figures(tmp_path / "first.docx")
    assert figures(tmp_path / "again.docx") == ["20%", "20%", "60%"]

    # P08 and P11, engineers of the sample, now also coded as research.
    coded = cli("autocode", "d.dots", "--code", "Role/Research", "--pattern", "oncall")
    assert coded.code == 0, coded.err
    refused = cli("export", "d.dots", "third.docx", "--post", "1")
    assert refused.code == 1
    change = re.search(r"changed: Research: 20% → 27% since (\d{4}-\d\d-\d\d)\n", refused.err)
    assert change is not None, refused.err
    assert refused.err.strip().splitlines()[-1].startswith("dotsdesk: error: ")
    assert "1 figure(s) changed" in refused.err
    assert not (tmp_path / "third.docx").exists()
    accepted = cli("export", "d.dots", "third.docx", "--post", "1", "--accept-figures")
    assert accepted.code == 0, accepted.err
    assert "changed (accepted): Research: 20% → 27%" in accepted.err
    assert figures(tmp_path / "third.docx") == ["27%", "20%", "60%"]
    # What was exported is the new baseline: the next export has nothing to report.
    fourth = cli("export", "d.dots", "fourth.md", "--post", "1")
    assert fourth.code == 0, fourth.err
    assert "changed" not in fourth.err


def test_draft_from_one_imported_file(cli, demo_project: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    shutil.copyfile(demo_project, tmp_path / "d.dots")
    write_survey(tmp_path / "survey2.csv")
    assert cli("import", "d.dots", "survey2.csv").code == 0
    drafted = cli(
        "draft", "d.dots", "--title", "Survey two", "--sections-from", "Role",
        "--population-from", "survey2.csv", "--population-name", "survey 2",
    )  # fmt: skip
    assert drafted.code == 0, drafted.err
    assert "figures are computed over survey 2\n" in drafted.out
    assert "0 quote(s)" in drafted.out  # nobody of survey 2 is coded yet
    unknown = cli(
        "draft", "d.dots", "--title", "T", "--sections-from", "Role",
        "--population-from", "nope.csv",
    )  # fmt: skip
    assert unknown.code == 1 and "no responses came from 'nope.csv'" in unknown.err
