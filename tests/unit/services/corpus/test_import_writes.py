"""What a survey import writes by the thousand (`insert_rows`, `responses_indexed_at_end`,
`set_languages`) is stored and found as one row at a time through the services is, on a
project file and on a server."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import Table, func, select, text
from sqlalchemy.orm import Session

from dotsdesk.bench.survey import generate_survey
from dotsdesk.importers import import_file
from dotsdesk.model import Respondent, Response
from dotsdesk.services.corpus.bulk import insert_rows, responses_indexed_at_end, set_languages
from dotsdesk.services.corpus.language import detect_language
from dotsdesk.services.corpus.respondents import add_respondent
from dotsdesk.services.corpus.responses import add_response, replace_text
from dotsdesk.store import Project
from dotsdesk.store.search_index import matching_response_ids

RESPONSES: Table = Response.__table__  # type: ignore[assignment]
TEXTS = [
    "我们的数据管道每天都出问题 🚀",
    "cafe\u0301 culture and the pipeline review",
    "👩\u200d💻 nightly pipeline, again",
]


def _new_responses(rid: int, texts: list[str]) -> list[dict[str, object]]:
    return [
        {
            "respondent_id": rid,
            "question": "Q1",
            "question_id": None,
            "text": t,
            "received": datetime(2024, 3, 1, 9, 30),
            "source": "s.csv",
            "channel": "survey",
            "language": "und",
        }
        for t in texts
    ]


def test_rows_are_stored_as_the_orm_stores_them(project: Project) -> None:
    with project.write() as s:
        rid = add_respondent(s, "R1").id
        by_orm = add_response(s, rid, "one at a time", language="en").id
        insert_rows(s, RESPONSES, _new_responses(rid, TEXTS))
    with project.read() as s:
        rows = s.scalars(select(Response).order_by(Response.id)).all()
        assert [r.text for r in rows] == ["one at a time", *TEXTS]  # exactly as given
        for row in rows[1:]:
            assert isinstance(row.created, datetime)  # the model's default, through its type
            assert abs((row.created - rows[0].created).total_seconds()) < 60
            assert row.received == datetime(2024, 3, 1, 9, 30)
        if s.get_bind().dialect.name == "sqlite":
            # The same text for a date as SQLAlchemy writes (sorting and comparing rely on it).
            shapes = s.execute(text("SELECT length(created), typeof(created) FROM response"))
            assert len(set(shapes)) == 1
        assert rows[0].id == by_orm


def test_responses_inserted_in_the_block_are_found_after_it(project: Project) -> None:
    with project.write() as s:
        rid = add_respondent(s, "R1").id
        earlier = add_response(s, rid, "an earlier answer about tools", language="en")
    with project.write() as s:
        with responses_indexed_at_end(s):
            insert_rows(s, RESPONSES, _new_responses(rid, TEXTS))
            # An earlier answer changed inside the block is indexed as always.
            replace_text(s, s.get(Response, earlier.id), "an earlier answer about pipelines")
        new_ids = s.scalars(select(Response.id).where(Response.id > earlier.id)).all()
    with project.read() as s:
        assert matching_response_ids(s, ["pipeline"]) == sorted([earlier.id, *new_ids[1:]])
        assert matching_response_ids(s, ["数据管道"]) == [new_ids[0]]
        assert matching_response_ids(s, ["tools"]) == []
    with project.write() as s:  # and the insert trigger is back for the next answer
        later = add_response(s, rid, "a later pipeline", language="en").id
    with project.read() as s:
        assert later in matching_response_ids(s, ["pipeline"])


class Refused(Exception):
    pass


def test_an_error_in_the_block_leaves_the_project_and_its_index_as_they_were(
    project: Project,
) -> None:
    with project.write() as s:
        rid = add_respondent(s, "R1").id
    with pytest.raises(Refused), project.write() as s, responses_indexed_at_end(s):
        insert_rows(s, RESPONSES, _new_responses(rid, TEXTS))
        raise Refused
    with project.write() as s:
        assert s.scalar(select(func.count(Response.id))) == 0
        kept = add_response(s, rid, "the pipeline after a refusal", language="en").id
    with project.read() as s:
        assert matching_response_ids(s, ["pipeline"]) == [kept]


def test_languages_are_set_by_id(project: Project) -> None:
    with project.write() as s:
        rid = add_respondent(s, "R1").id
        insert_rows(s, RESPONSES, _new_responses(rid, TEXTS))
        ids = s.scalars(select(Response.id).order_by(Response.id)).all()
        set_languages(s, ids, ["zh", "und", "en"])
        with pytest.raises(ValueError):
            set_languages(s, ids, ["zh"])
    with project.read() as s:
        stored = s.execute(select(Response.id, Response.language).order_by(Response.id)).all()
        assert [language for _id, language in stored] == ["zh", "und", "en"]
        assert s.scalar(select(func.count(Respondent.id))) == 1


def test_more_rows_than_one_statement_takes(project: Project) -> None:
    texts = [f"回答 {i} cafe\u0301 🙂" for i in range(1234)]  # batches of 500, and the rest
    with project.write() as s:
        rid = add_respondent(s, "R1").id
        insert_rows(s, RESPONSES, _new_responses(rid, texts))
    with project.read() as s:
        assert s.scalars(select(Response.text).order_by(Response.id)).all() == texts


def test_a_survey_import_gives_each_answer_its_own_language(
    project: Project, tmp_path: Path
) -> None:
    """Set last in a project file, known before the answers are written on a server."""
    survey = generate_survey(rows=120, seed=11)
    survey.rows[0][5] = "Les données arrivent tous les jours, mais personne ne les vérifie."
    survey.rows[1][6] = "ok"
    with project.write() as s:
        import_file(s, survey.write_csv(tmp_path / "survey.csv"))
    with project.read() as s:
        stored = s.execute(select(Response.text, Response.language).order_by(Response.id)).all()
        assert [language for _t, language in stored] == [detect_language(t) for t, _ in stored]
        assert {"en", "zh", "fr", "und"} <= {language for _t, language in stored}
        assert matching_response_ids(s, ["vérifie"]) == [stored_id(s, survey.rows[0][5])]


def stored_id(s: Session, text: str) -> int:
    return s.execute(select(Response.id).where(Response.text == text)).scalar_one()
