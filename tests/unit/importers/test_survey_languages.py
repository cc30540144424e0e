"""A survey's answers get their languages on a second thread while the rows are written
and indexed: the same languages as detecting each answer alone, and a cancelled import
leaves neither rows nor a thread behind."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from sqlalchemy import func, select

from dotsdesk.bench.survey import generate_survey
from dotsdesk.importers import ImportOptions, import_file
from dotsdesk.model import Respondent, Response
from dotsdesk.services.corpus.language import detect_language
from dotsdesk.store import Project


class Cancelled(Exception):
    pass


def test_every_answer_has_the_language_detected_alone(project: Project, tmp_path: Path) -> None:
    survey = generate_survey(rows=1100, seed=5)  # three chunks of rows
    survey.rows[3][5] = "ok"  # too short to tell
    survey.rows[4][6] = "Les données arrivent tous les jours, mais personne ne les vérifie."
    path = survey.write_csv(tmp_path / "survey.csv")
    with project.write() as s:
        import_file(s, path)
    with project.read() as s:
        stored = s.execute(select(Response.text, Response.language)).all()
    assert len(stored) == 2200
    assert [language for _text, language in stored] == [detect_language(t) for t, _ in stored]
    assert {"en", "zh", "und", "fr"} <= {language for _text, language in stored}


def test_a_cancel_midway_leaves_nothing(project: Project, tmp_path: Path) -> None:
    path = generate_survey(rows=1100, seed=6).write_csv(tmp_path / "survey.csv")

    def progress(done: int, total: int) -> None:
        if done >= 500:  # after the first chunk was written
            raise Cancelled

    with pytest.raises(Cancelled), project.write() as s:
        import_file(s, path, ImportOptions(), progress)
    assert not [t for t in threading.enumerate() if t.name.startswith("languages")]
    with project.read() as s:
        assert s.scalar(select(func.count(Respondent.id))) == 0
        assert s.scalar(select(func.count(Response.id))) == 0


def test_progress_ends_after_the_indexing_not_at_the_last_row(
    project: Project, tmp_path: Path
) -> None:
    path = generate_survey(rows=1100, seed=8).write_csv(tmp_path / "survey.csv")
    seen: list[float] = []
    with project.write() as s:
        import_file(s, path, ImportOptions(), lambda done, total: seen.append(done / total))
    assert seen == sorted(seen) and seen[-1] == 1.0
    assert 0.85 <= seen[-2] < 1.0  # every row written: what is left is the index and languages
