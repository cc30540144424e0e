"""The Coded Segments view's rows: several codes, with or without sub-codes, over a
population; each with its sentence, paragraph or turn around it, in code points."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from dotsdesk.model import Response, TurnRole
from dotsdesk.services.coding.codebook import ensure_code
from dotsdesk.services.coding.retrieval import ContextUnit, retrieve, segment_contexts
from dotsdesk.services.coding.segments import code_span
from dotsdesk.services.corpus.turns import NewTurn, set_turns
from dotsdesk.store import Project

SURVEY = "我们团队自己部署模型。Python 🚀 pipelines are fun! Cafe\u0301 talk.\nSecond paragraph."
TRANSCRIPT = "So what do you do?\nI build models 👩‍💻. Mostly 面试 prep. Then lunch."


@pytest.fixture
def coded(project: Project, make_response: Callable[..., int]) -> dict[str, int]:
    survey = make_response(SURVEY, key="P02")
    talk = make_response(TRANSCRIPT, key="P01")
    cut = TRANSCRIPT.index("\n")
    with project.write() as s:
        person = s.get(Response, talk).respondent_id
        set_turns(
            s,
            talk,
            [
                NewTurn(0, cut, TurnRole.INTERVIEWER, "Q"),
                NewTurn(cut + 1, len(TRANSCRIPT), TurnRole.RESPONDENT, "A", person),
            ],
        )
        role = ensure_code(s, "Role").id
        research = ensure_code(s, "Role/Research").id
        fun = ensure_code(s, "Fun").id
        rocket = SURVEY.index("🚀")
        code_span(s, survey, rocket, rocket + 1, [research], coder="ana")
        code_span(s, survey, 0, 2, [role, fun], coder="bo")
        models = TRANSCRIPT.index("models")
        code_span(s, talk, models, models + 6, [research], coder="ana")
    return {"survey": survey, "talk": talk, "role": role, "research": research, "fun": fun}


def test_codes_with_and_without_sub_codes(project: Project, coded: dict[str, int]) -> None:
    with project.read() as s:
        own = retrieve(s, [coded["role"]])
        under = retrieve(s, [coded["role"]], with_descendants=True)
        two = retrieve(s, [coded["fun"], coded["research"]])
        none = retrieve(s, [])
    assert [(r.respondent, r.codes) for r in own] == [("P02", ("Role",))]
    # By label: P01's transcript first; codes listed are only the chosen ones.
    assert [(r.respondent, r.codes) for r in under] == [
        ("P01", ("Role/Research",)),
        ("P02", ("Role",)),
        ("P02", ("Role/Research",)),
    ]
    assert [r.codes for r in two] == [("Role/Research",), ("Fun",), ("Role/Research",)]
    assert none == []


def test_population_limits_the_rows(project: Project, coded: dict[str, int]) -> None:
    with project.read() as s:
        rows = retrieve(s, [coded["role"]], with_descendants=True, response_ids={coded["talk"]})
    assert [r.respondent for r in rows] == ["P01"]


def test_contexts_in_code_points(project: Project, coded: dict[str, int]) -> None:
    with project.read() as s:
        rows = retrieve(s, [coded["role"]], with_descendants=True)
        sentence = segment_contexts(s, rows, ContextUnit.SENTENCE)
        paragraph = segment_contexts(s, rows, ContextUnit.PARAGRAPH)
        turn = segment_contexts(s, rows, ContextUnit.TURN)
    talk, chinese, rocket = (r.segment_id for r in rows)
    assert sentence[rocket].text == "Python 🚀 pipelines are fun!"
    assert sentence[rocket].segment == "🚀"
    assert (
        sentence[chinese].text == "我们团队自己部署模型。" and sentence[chinese].segment == "我们"
    )
    assert paragraph[rocket].text == SURVEY.splitlines()[0]
    assert sentence[talk].text == "I build models 👩‍💻." and sentence[talk].segment == "models"
    # The turn is the respondent's, never the interviewer's question before it.
    assert turn[talk].text == TRANSCRIPT.splitlines()[1]
    assert turn[rocket].text == SURVEY.splitlines()[0]  # no turns: the paragraph


def test_a_long_context_is_cut_around_the_segment(
    project: Project, make_response: Callable[..., int]
) -> None:
    text = "word " * 300 + "HERE" + " more" * 300
    rid = make_response(text)
    with project.write() as s:
        code = ensure_code(s, "Long").id
        at = text.index("HERE")
        code_span(s, rid, at, at + 4, [code], coder="ana")
    with project.read() as s:
        rows = retrieve(s, [code])
        found = segment_contexts(s, rows, ContextUnit.PARAGRAPH, width=20)[rows[0].segment_id]
    assert found.segment == "HERE" and found.before and found.after
    assert len(found.text) == 44
