"""Interview transcripts through the consent gate and the statistics: the interviewer's words
(and another interviewee's, and a transcriber's note) are never quoted under the respondent's
label nor counted as theirs; a segment over a turn boundary is allowed and says so."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from dotsdesk.importers import import_file
from dotsdesk.model import Response
from dotsdesk.services.coding.codebook import ensure_code
from dotsdesk.services.coding.segments import code_span
from dotsdesk.services.composer.statistics import code_share
from dotsdesk.services.consent.events import record_event
from dotsdesk.services.consent.gate import BlockReason, QuoteRequest, check_quotes
from dotsdesk.services.corpus.turns import respondent_text, speech_of_segments, turns_of
from dotsdesk.store import Project
from tests.paths import DATA

TODAY = date(2025, 1, 1)


@pytest.fixture
def project(tmp_path: Path) -> Project:
    with Project.create(tmp_path / "g.dots") as p:
        yield p  # type: ignore[misc]


def grant(s: Session, response: Response) -> None:
    record_event(s, response.respondent_id, "granted", TODAY, level="anonymous")


def code(s: Session, response: Response, words: str, path: str = "Theme/X") -> int:
    start = response.text.index(words)
    return code_span(s, response.id, start, start + len(words), [ensure_code(s, path).id]).id


def test_a_segment_in_the_interviewers_turn_is_blocked_with_its_reason(project: Project) -> None:
    with project.write() as s:
        import_file(s, DATA / "transcripts" / "otter.txt")
        response = s.scalars(select(Response)).one()
        grant(s, response)
        asked = code(s, response, "How did you learn that?")
        answered = code(s, response, "From code review 🙂")
        spanning = code(s, response, "learn that?\n\nFrom code review")
        decisions = check_quotes(
            s, [QuoteRequest(asked), QuoteRequest(answered), QuoteRequest(spanning)], TODAY
        )
    blocked, allowed, across = decisions
    assert blocked.reason is BlockReason.INTERVIEWER_WORDS
    assert blocked.message == (
        f"Interviewee 1: segment {asked} lies in the interviewer's turn at 1:02, "
        "not in the respondent's own words"
    )
    assert "Alex" not in blocked.message  # the interviewer is never named either
    assert allowed.allowed and allowed.message == "Interviewee 1: allowed"
    assert across.allowed
    assert "spans a turn boundary and includes words of the interviewer" in across.message


def test_another_interviewees_words_and_notes_are_not_the_respondents(project: Project) -> None:
    path = project.path.with_name("group.txt")
    path.write_text(
        "I: What do you build?\nAnna: Pipelines.\nBen: Dashboards.\n"
        "=== Connection got interrupted ===\nAnna: Models too.\n",
        encoding="utf-8",
    )
    with project.write() as s:
        import_file(s, path)
        anna, ben = s.scalars(select(Response).order_by(Response.id)).all()
        grant(s, anna)
        grant(s, ben)
        bens_in_annas = code(s, anna, "Dashboards")
        note = code(s, anna, "Connection got interrupted")
        bens_own = code(s, ben, "Dashboards")
        got = check_quotes(s, [QuoteRequest(i) for i in (bens_in_annas, note, bens_own)], TODAY)
        speech = speech_of_segments(s, [bens_in_annas, note, bens_own])
    assert [d.reason for d in got] == [
        BlockReason.NOT_RESPONDENTS_WORDS,
        BlockReason.NOT_RESPONDENTS_WORDS,
        None,
    ]
    assert "lies in another interviewee's turn," in got[0].message
    assert "lies in a transcriber's note," in got[1].message
    assert got[2].label == "Interviewee 2"
    assert speech[bens_own].own and not speech[bens_in_annas].own


def test_consent_is_checked_after_whose_words(project: Project) -> None:
    with project.write() as s:
        import_file(s, DATA / "transcripts" / "colon_zh.txt")
        response = s.scalars(select(Response)).one()
        asked = code(s, response, "你平时写生产代码吗")
        answered = code(s, response, "还有代码评审")
        got = check_quotes(s, [QuoteRequest(asked), QuoteRequest(answered)], TODAY)
    assert [d.reason for d in got] == [BlockReason.INTERVIEWER_WORDS, BlockReason.NEVER_ASKED]


def test_statistics_never_count_the_interviewers_turns(project: Project) -> None:
    with project.write() as s:
        import_file(s, DATA / "transcripts" / "voices.vtt")
        response = s.scalars(select(Response)).one()
        code(s, response, "Do you write production code?", "Theme/Asked")
        code(s, response, "Really every week.", "Theme/Said")
        code(s, response, "every week.\n\nWhy", "Theme/Across")
        figures = {
            path: code_share(s, [ensure_code(s, path).id]).count
            for path in ("Theme/Asked", "Theme/Said", "Theme/Across")
        }
        own_words = respondent_text(response.text, turns_of(s, response.id))
    assert figures == {"Theme/Asked": 0, "Theme/Said": 1, "Theme/Across": 1}
    assert own_words.startswith("Yes, every week.") and "Do you write" not in own_words
