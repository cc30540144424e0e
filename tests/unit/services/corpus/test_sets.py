"""Sets on a project file and on a server: made from ids, a filter or an import; members
counted and reached as responses; renamed and deleted in one undoable step each; a
population for the browser's query."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from dotsdesk.errors import InvalidOperation, NotFound
from dotsdesk.services.browser import query as browse
from dotsdesk.services.browser.query import BrowseQuery
from dotsdesk.services.corpus import sets
from dotsdesk.services.corpus.respondents import add_respondent
from dotsdesk.services.corpus.responses import add_response
from dotsdesk.store import Project

NAME = "访谈 🎙️ cafe\u0301"


@pytest.fixture(params=["sqlite", "postgresql"])
def undoable(
    request: pytest.FixtureRequest, tmp_path: Path, empty_project_file: Path
) -> Iterator[Project]:
    """A project that records undo steps, as the window opens it."""
    if request.param == "sqlite":
        path = tmp_path / "u.dots"
        shutil.copyfile(empty_project_file, path)
        p = Project.open(path, undo=True)
    else:
        p = Project.open(request.getfixturevalue("server_database"), undo=True)
    try:
        yield p
    finally:
        p.close()


@pytest.fixture
def people(project: Project) -> dict[str, list[int]]:
    return _populate(project)


def _populate(project: Project) -> dict[str, list[int]]:
    """Three survey respondents (two answers each) and two interviewees."""
    out: dict[str, list[int]] = {"survey": [], "interview": [], "survey_answers": []}
    with project.write() as s:
        for n in range(3):
            p = add_respondent(s, f"P{n}")
            out["survey"].append(p.id)
            for q in ("Role?", "面试?"):
                r = add_response(s, p.id, f"answer {n} 中文 😀", question=q, source="survey.csv")
                out["survey_answers"].append(r.id)
        for n in range(2):
            p = add_respondent(s, f"Interviewee {n}")
            out["interview"].append(p.id)
            add_response(s, p.id, "Interviewer: hi\nMe: 你好", source=f"int{n}.docx")
    return out


def test_a_respondent_set_stands_for_its_respondents_answers(
    project: Project, people: dict[str, list[int]]
) -> None:
    with project.write() as s:
        sid = sets.create_set(s, f"  {NAME}  ", "respondents", people["survey"][:2])
    with project.read() as s:
        info = sets.get_set(s, sid)
        assert (info.name, info.members, info.responses) == (NAME, 2, 4)
        assert info.origin is sets.SetOrigin.SELECTION
        found = browse.matching_ids(s, BrowseQuery(sets=frozenset({sid})))
        assert found == people["survey_answers"][:4]
        assert BrowseQuery(sets=frozenset({sid})).filtered
        choices = browse.filter_choices(s)
        assert choices.sets == [(sid, NAME, 4)]


def test_a_response_set_and_a_union_of_sets(project: Project, people: dict[str, list[int]]) -> None:
    answers = people["survey_answers"]
    with project.write() as s:
        a = sets.create_set(s, "one answer", "responses", [answers[5]], origin="filter")
        b = sets.create_set(s, "first person", "respondents", [people["survey"][0]])
    with project.read() as s:
        assert browse.matching_ids(s, BrowseQuery(sets=frozenset({a}))) == [answers[5]]
        both = browse.matching_ids(s, BrowseQuery(sets=frozenset({a, b})))
        assert both == [answers[0], answers[1], answers[5]]
        who = set(s.scalars(sets.respondent_ids_in({a, b})))
        assert who == {people["survey"][0], people["survey"][2]}
        # Filters still combine with AND.
        one = BrowseQuery(sets=frozenset({a, b}), search="answer 0")
        assert browse.matching_ids(s, one) == [answers[0], answers[1]]


def test_members_are_added_once_removed_and_checked(
    project: Project, people: dict[str, list[int]]
) -> None:
    with project.write() as s:
        sid = sets.create_set(s, "grow", "respondents", people["survey"][:1])
        assert sets.add_members(s, sid, people["survey"]) == 2
        assert sets.add_members(s, sid, people["survey"]) == 0
        assert sets.remove_members(s, sid, [people["survey"][1], 99999]) == 1
    with project.write() as s, pytest.raises(NotFound, match="no respondent 99999"):
        sets.add_members(s, sid, [people["interview"][0], 99999])
    with project.read() as s:
        assert sets.member_ids(s, sid) == [people["survey"][0], people["survey"][2]]


@pytest.mark.parametrize("bad", ["", "   ", "x" * 201, "taken"])
def test_bad_names_are_refused_and_change_nothing(
    project: Project, people: dict[str, list[int]], bad: str
) -> None:
    with project.write() as s:
        sets.create_set(s, "taken", "respondents", people["survey"])
    with pytest.raises(InvalidOperation), project.write() as s:
        sets.create_set(s, bad, "responses", people["survey_answers"])
    with project.read() as s:
        assert [x.name for x in sets.list_sets(s)] == ["taken"]


def test_rename_and_delete_are_one_undo_step_each(undoable: Project) -> None:
    project, people = undoable, _populate(undoable)
    with project.write() as s:
        sid = sets.create_set(s, "Survey", "respondents", people["survey"])
        sets.create_set(s, "Interviews", "respondents", people["interview"])
    _, renamed = project.record(lambda s: sets.rename_set(s, sid, "问卷 Survey"))
    with project.read() as s:
        assert [x.name for x in sets.list_sets(s)] == ["Interviews", "问卷 Survey"]
    _, deleted = project.record(lambda s: sets.delete_set(s, sid))
    with project.read() as s:
        assert [x.name for x in sets.list_sets(s)] == ["Interviews"]
        assert len(s.scalars(sets.respondent_ids_in({sid})).all()) == 0
    project.replay(deleted)
    with project.read() as s:
        back = sets.get_set(s, sid)
        assert (back.name, back.members, back.responses) == ("问卷 Survey", 3, 6)
    project.replay(renamed)
    with project.read() as s:
        assert sets.get_set(s, sid).name == "Survey"
    with project.write() as s, pytest.raises(InvalidOperation, match="already"):
        sets.rename_set(s, sid, "Interviews")


def test_members_go_with_their_respondent(project: Project, people: dict[str, list[int]]) -> None:
    from dotsdesk.model import Respondent

    with project.write() as s:
        sid = sets.create_set(s, "Survey", "respondents", people["survey"])
    with project.write() as s:
        s.delete(s.get(Respondent, people["survey"][0]))
    with project.read() as s:
        assert sets.get_set(s, sid).members == 2


def test_an_import_makes_a_set_named_after_the_file_and_day(
    project: Project, people: dict[str, list[int]]
) -> None:
    day = date(2026, 12, 6)
    with project.write() as s:
        first = sets.set_from_import(s, "survey.csv", day)
        second = sets.set_from_import(s, "survey.csv", day)
        assert sets.set_from_import(s, "nothing.csv", day) is None
    assert first is not None and second is not None
    with project.read() as s:
        made = {x.id: x for x in sets.list_sets(s)}
        assert made[first].name == "survey.csv 2026-12-06"
        assert made[second].name == "survey.csv 2026-12-06 (2)"
        assert made[first].origin is sets.SetOrigin.IMPORT
        assert sets.member_ids(s, first) == people["survey"]


def test_every_import_makes_a_set_of_its_respondents(project: Project, tmp_path: Path) -> None:
    from dotsdesk.importers import import_file

    table = tmp_path / "问卷 survey.csv"
    why = "Why did you move from research to engineering, and what changed since?"
    answers = ["因为 the platform team needed people 😀 " * 3, "cafe\u0301 and long answers " * 4]
    rows = [f"P{n},Engineer,{a}" for n, a in enumerate(answers)]
    table.write_text("\n".join([f"Respondent,Job title,{why}", *rows]) + "\n")
    with project.write() as s:
        report = import_file(s, table)
    with project.read() as s:
        (made,) = sets.list_sets(s)
        assert made.name == f"问卷 survey.csv {date.today().isoformat()}"
        assert made.origin is sets.SetOrigin.IMPORT and made.members == 2
        assert any(made.name in line for line in report.lines())


def test_sets_from_the_browsers_responses_and_as_a_posts_population(
    project: Project, people: dict[str, list[int]]
) -> None:
    from dotsdesk.services.composer.population import set_population
    from dotsdesk.services.composer.posts import create_post

    answers = people["survey_answers"]
    with project.write() as s:
        who = sets.set_from_responses(s, "people", "respondents", answers[:3], origin="filter")
        what = sets.set_from_responses(s, "answers", "responses", answers[:3])
        assert sets.add_responses(s, who, answers[3:5]) == 1  # P1 was in; P2 is new
        assert sets.add_responses(s, what, answers[2:4]) == 1
        name, members = sets.population_of(s, who)
        post = create_post(s, "Post")
        info = set_population(s, post.id, members, name)
    with project.read() as s:
        assert sets.member_ids(s, who) == people["survey"]
        assert sets.member_ids(s, what) == answers[:4]
        assert (info.name, info.size) == ("people", 3)
