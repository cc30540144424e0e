"""Autocoding: every match of a pattern (or its whole response) gets a code, once."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from sqlalchemy import func, select

from dotsdesk.errors import InvalidOperation
from dotsdesk.model import Code, Response, Segment
from dotsdesk.services.coding.autocode import autocode
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
