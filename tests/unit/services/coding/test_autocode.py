"""Autocoding: every match of a pattern (or its whole response) gets a code, once."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from sqlalchemy import func, select

from dotsdesk.errors import InvalidOperation
from dotsdesk.model import Code, Response, Segment
from dotsdesk.services.coding.autocode import Unit, autocode, compile_pattern, find_hits
from dotsdesk.services.coding.codebook import ensure_code, list_codes
from dotsdesk.services.coding.segments import code_span, segments_of
from dotsdesk.store import Project


@pytest.fixture
def ids(corpus: dict[str, str], make_response: Callable[..., int]) -> dict[str, int]:
    out = {name: make_response(text) for name, text in corpus.items()}
    out["interviews"] = make_response("面试、面试、还是面试！👩‍💻 Interview after INTERVIEW.")
    return out


def _texts(project: Project, rid: int) -> list[str]:
    with project.read() as s:
        return [v.text for v in segments_of(s, rid)]


def _segments(project: Project) -> int:
    with project.read() as s:
        return s.scalar(select(func.count(Segment.id))) or 0


def test_autocode_chinese_matches(project: Project, ids: dict[str, int]) -> None:
    with project.write() as s:
        report = autocode(s, "Theme/Interviews", r"面试", coder="auto")
    assert (report.code_path, report.responses_matched) == ("Theme/Interviews", 2)
    assert (report.segments_created, report.segments_existing) == (4, 0)
    assert _texts(project, ids["interviews"]) == ["面试", "面试", "面试"]
    assert _texts(project, ids["chinese"]) == ["面试"]
    with project.read() as s:
        info = {c.path: c for c in list_codes(s)}
    assert (info["Theme/Interviews"].segments, info["Theme/Interviews"].respondents) == (4, 2)


def test_autocode_offsets_after_emoji_are_code_points(
    project: Project, ids: dict[str, int]
) -> None:
    with project.write() as s:
        report = autocode(s, "Tech", r"python\s+\w+", coder="auto")
    assert report.segments_created == 1
    assert _texts(project, ids["emoji"]) == ["Python service"]


def test_autocode_ignores_case_unless_told(project: Project, ids: dict[str, int]) -> None:
    with project.write() as s:
        insensitive = autocode(s, "A", "interview", coder="auto")
        sensitive = autocode(s, "B", "INTERVIEW", ignore_case=False, coder="auto")
    assert insensitive.segments_created == 2
    assert (sensitive.segments_created, sensitive.segments_extended) == (0, 1)  # same span


def test_autocode_whole_response(
    project: Project, ids: dict[str, int], corpus: dict[str, str]
) -> None:
    with project.write() as s:
        report = autocode(
            s,
            "Role/Data scientist",
            r"data (scientist|科学家)|数据科学家",
            whole_response=True,
            coder="auto",
        )
    assert (report.responses_matched, report.segments_created) == (2, 2)
    assert _texts(project, ids["chinese"]) == [corpus["chinese"]]
    assert _texts(project, ids["mixed"]) == [corpus["mixed"]]


def test_running_twice_adds_nothing(project: Project, ids: dict[str, int]) -> None:
    with project.write() as s:
        autocode(s, "Theme/Interviews", "面试", coder="auto")
        autocode(s, "Whole", "面试", whole_response=True, coder="auto")
    before = _segments(project)
    with project.write() as s:
        again = autocode(s, "Theme/Interviews", "面试", coder="auto")
        whole = autocode(s, "Whole", "面试", whole_response=True, coder="auto")
    assert (again.segments_created, again.segments_existing) == (0, 4)
    assert (whole.segments_created, whole.segments_existing) == (0, 2)
    assert _segments(project) == before == 6


def test_autocode_finds_existing_code_by_path(project: Project, ids: dict[str, int]) -> None:
    with project.write() as s:
        code = ensure_code(s, "Theme/Interviews")
        autocode(s, " Theme / Interviews ", "面试", coder="auto")
        assert s.scalar(select(func.count(Code.id))) == 2
        assert {c.id for c in list_codes(s) if c.segments} == {code.id}


def test_another_coder_gets_their_own_segments(project: Project, ids: dict[str, int]) -> None:
    with project.write() as s:
        autocode(s, "Theme/Interviews", "面试", coder="ann")
        report = autocode(s, "Theme/Interviews", "面试", coder="bob")
    assert report.segments_created == 4
    assert _segments(project) == 8


def test_autocode_adds_its_code_to_an_existing_segment(
    project: Project, ids: dict[str, int]
) -> None:
    with project.write() as s:
        manual = ensure_code(s, "Manual").id
        start = s.get(Response, ids["chinese"]).text.index("面试")
        code_span(s, ids["chinese"], start, start + 2, [manual], coder="ann")
        autocode(s, "Auto", "面试", coder="ann")
    with project.read() as s:
        views = segments_of(s, ids["chinese"])
    assert len(views) == 1
    assert len(views[0].code_ids) == 2


@pytest.mark.parametrize("pattern", ["(unclosed", "[a-", "*oops", "面试)"])
def test_invalid_regex_is_refused_and_changes_nothing(
    project: Project, ids: dict[str, int], pattern: str
) -> None:
    with pytest.raises(InvalidOperation, match="regular expression"), project.write() as s:
        autocode(s, "Theme/Never", pattern)
    with project.read() as s:
        assert s.scalar(select(func.count(Code.id))) == 0
    assert _segments(project) == 0


def test_patterns_that_match_empty_strings_code_nothing_empty(
    project: Project, ids: dict[str, int]
) -> None:
    with project.write() as s:
        report = autocode(s, "Maybe", r"(?:zq)*", coder="auto")
    assert report.segments_created == 0
    assert report.responses_matched == 0
    assert _segments(project) == 0


# -- units and turns ---------------------------------------------------------------------------

INTERVIEW = (
    "Do you like the interview? 面试呢？\nYes. The interview was fun 😀 cafe\u0301. 面试很难！\n"
)


@pytest.fixture
def transcript(project: Project, make_response: Callable[..., int]) -> int:
    from dotsdesk.model import Respondent, TurnRole
    from dotsdesk.services.corpus.turns import NewTurn, set_turns

    rid = make_response(INTERVIEW, key="alex")
    cut = INTERVIEW.index("\n")
    with project.write() as s:
        person = s.get(Response, rid).respondent_id
        assert s.get(Respondent, person) is not None
        set_turns(
            s,
            rid,
            [
                NewTurn(0, cut, TurnRole.INTERVIEWER, "Interviewer"),
                NewTurn(cut + 1, len(INTERVIEW) - 1, TurnRole.RESPONDENT, "Alex", person),
            ],
        )
    return rid


@pytest.mark.parametrize(
    ("unit", "expected"),
    [
        (Unit.MATCH, ["interview", "面试"]),
        (Unit.SENTENCE, ["The interview was fun 😀 cafe\u0301.", "面试很难！"]),
        (Unit.PARAGRAPH, [INTERVIEW.splitlines()[1]]),
        (Unit.TURN, [INTERVIEW.splitlines()[1]]),
        (Unit.RESPONSE, [INTERVIEW]),
    ],
)
def test_each_unit_skips_the_interviewers_turn(
    project: Project, transcript: int, unit: Unit, expected: list[str]
) -> None:
    with project.write() as s:
        report = autocode(s, "Theme/Interviews", "interview|面试", unit=unit, coder="auto")
    assert (report.hits, report.skipped, report.responses_matched) == (2, 2, 1)
    assert sorted(_texts(project, transcript)) == sorted(expected)


def test_others_turns_are_coded_only_when_asked(project: Project, transcript: int) -> None:
    with project.write() as s:
        report = autocode(s, "All", "面试", include_others=True, coder="auto")
    assert (report.segments_created, report.skipped) == (2, 0)


def test_preview_counts_and_population(
    project: Project, ids: dict[str, int], transcript: int
) -> None:
    with project.read() as s:
        everywhere = find_hits(s, compile_pattern("面试"), Unit.SENTENCE)
        some = find_hits(
            s, compile_pattern("面试"), Unit.SENTENCE, response_ids={ids["interviews"]}
        )
    assert (len(everywhere.hits), everywhere.skipped) == (5, 1)
    assert (everywhere.responses, everywhere.respondents) == (3, 3)
    # Three hits in one sentence code it once.
    assert (len(some.hits), len(some.spans), some.respondents) == (3, 1, 1)


def test_words_match_whole_latin_words_and_chinese_anywhere(
    project: Project, ids: dict[str, int], transcript: int
) -> None:
    regex = compile_pattern("interview, 面试", regex=False)
    assert regex.search("an interviewer") is None and regex.search("面试官") is not None
    with project.write() as s:
        report = autocode(s, "W", "INTERVIEW 面试", regex=False, coder="auto")
    assert (report.segments_created, report.skipped) == (8, 2)
    with pytest.raises(InvalidOperation, match="empty"), project.write() as s:
        autocode(s, "W", " , ", regex=False)
