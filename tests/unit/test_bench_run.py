"""`dotsdesk-bench` on a tiny corpus: every phase but the window's runs, each budgeted figure
is printed with its budget, and issue 18's survey goes through the real `dotsdesk import`
with every answer's language recorded."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dotsdesk.bench import run
from dotsdesk.bench.survey import SURVEY_PROJECT, generate_survey
from dotsdesk.model import Response
from dotsdesk.store import Project


def test_a_tiny_bench_reports_every_phase(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:  # type: ignore[type-arg]
    argv = ["--rows", "30", "--segments", "60", "--codes", "6", "--out", str(tmp_path)]
    argv += ["--survey-rows", "25", "--survey-runs", "1", "--no-window", "--json"]
    assert run.main(argv) == 0
    report = json.loads(capsys.readouterr().out)
    names = [r["name"] for r in report["results"]]
    assert "import 30 survey rows" in names
    survey = next(r for r in report["results"] if r["name"].startswith("import a 25-row survey"))
    assert survey["budget"] == 2.0 and survey["budget_text"] == "< 2 s (process included)"
    assert "WITHOUT A LANGUAGE" not in survey["detail"]
    assert all(r["budget_text"] for r in report["results"] if r["budget"] is not None)
    with Project.open(tmp_path / SURVEY_PROJECT, readonly=True) as project, project.read() as s:
        languages = [r.language for r in s.query(Response)]
    assert len(languages) == 50 and all(languages)
    assert {"en", "zh"} <= set(languages)


def test_the_survey_is_as_the_issue_describes() -> None:
    survey = generate_survey(rows=200, seed=3)
    assert len(survey.rows) == 200 and len({row[0] for row in survey.rows}) == 200
    answers = [a for row in survey.rows for a in row[5:]]
    assert all(90 <= len(a) <= 700 for a in answers)
    chinese = sum(any("\u4e00" <= ch <= "\u9fff" for ch in a[:20]) for a in answers)
    assert 0.2 < chinese / len(answers) < 0.5
    assert generate_survey(rows=200, seed=3).rows == survey.rows
