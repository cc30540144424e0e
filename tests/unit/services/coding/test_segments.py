"""Coding spans: offsets are code points, whatever the text is made of."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from dotsdesk.errors import InvalidOperation, NotFound
from dotsdesk.model import Response, Segment, segment_code
from dotsdesk.services.coding.codebook import ensure_code
from dotsdesk.services.coding.coders import get_coder
from dotsdesk.services.coding.segments import (
    add_segments,
    code_span,
    get_segment,
    recode,
    resize,
    segments_of,
    set_memo,
    uncode,
)
from dotsdesk.store import Project

# (corpus text name, the piece to code); each piece sits next to something multi-code-point.
PIECES = [
    ("emoji", "🚀🇨🇳"),
    ("emoji", "👩‍💻👨‍👩‍👧"),
    ("emoji", "👩‍💻"),
    ("emoji", "🇨🇳"),
    ("emoji", "Python service crashed."),
    ("emoji", "went well"),
    ("combining", "cafe\u0301"),
    ("combining", "e\u0301cole"),
    ("combining", "nai\u0308ve but nice, cafe\u0301!"),
    ("chinese", "面试"),
    ("chinese", "数据科学家的工作其实很杂。"),
    ("mixed", "作为 data scientist"),
    ("mixed", "👩‍💻 — really, 沟通"),
]


@pytest.fixture
def code_ids(project: Project) -> dict[str, int]:
    with project.write() as s:
        return {p: ensure_code(s, p).id for p in ["Role/Research", "Role/Engineering", "Theme"]}


def _count(project: Project, table: object) -> int:
    with project.read() as s:
        return s.scalar(select(func.count()).select_from(table)) or 0  # type: ignore[arg-type]


@pytest.mark.parametrize(("name", "piece"), PIECES)
def test_segment_text_is_the_python_slice(
    project: Project,
    corpus: dict[str, str],
    make_response: Callable[..., int],
    code_ids: dict[str, int],
    name: str,
    piece: str,
) -> None:
    text = corpus[name]
    rid = make_response(text)
    start = text.index(piece)
    end = start + len(piece)
    with project.write() as s:
        sid = code_span(s, rid, start, end, [code_ids["Theme"]]).id
    with project.read() as s:
        [view] = segments_of(s, rid)
        seg = get_segment(s, sid)
        assert (seg.start, seg.end) == (start, end)
        # The database agrees: substr() counts the same units as Python.
        in_db = s.scalar(
            select(func.substr(Response.text, start + 1, end - start)).where(Response.id == rid)
        )
    assert view.text == text[start:end] == piece == in_db
    assert (view.start, view.end) == (start, end)


def test_code_the_whole_text_up_to_its_last_code_point(
    project: Project,
    corpus: dict[str, str],
    make_response: Callable[..., int],
    code_ids: dict[str, int],
) -> None:
    for name in ("emoji", "combining", "chinese", "mixed"):
        text = corpus[name]
        rid = make_response(text)
        with project.write() as s:
            code_span(s, rid, 0, len(text), [code_ids["Theme"]])
            with pytest.raises(InvalidOperation):
                code_span(s, rid, 0, len(text) + 1, [code_ids["Theme"]])
            with pytest.raises(InvalidOperation):
                # the UTF-16 length is longer than the code-point length with emoji
                code_span(s, rid, 0, len(text.encode("utf-16-le")) // 2 + 1, [code_ids["Theme"]])
        with project.read() as s:
            assert [v.text for v in segments_of(s, rid)] == [text]


def test_a_nul_character_is_refused_in_a_response(
    project: Project, make_response: Callable[..., int]
) -> None:
    # The database's length() stops at NUL, so bounds could not be checked after it.
    with pytest.raises(InvalidOperation, match="NUL"):
        make_response("pasted\x00 from a PDF: 面试")
    assert _count(project, Response) == 0


@pytest.mark.parametrize(("start", "end"), [(-1, 2), (3, 3), (4, 2), (0, 999)])
def test_code_span_refuses_bad_offsets(
    project: Project,
    make_response: Callable[..., int],
    code_ids: dict[str, int],
    start: int,
    end: int,
) -> None:
    rid = make_response("面试很难 👩‍💻")
    with pytest.raises(InvalidOperation), project.write() as s:
        code_span(s, rid, start, end, [code_ids["Theme"]])
    assert _count(project, Segment) == 0


def test_code_span_refuses_missing_things(
    project: Project, make_response: Callable[..., int], code_ids: dict[str, int]
) -> None:
    rid = make_response("面试很难")
    with project.write() as s:
        with pytest.raises(InvalidOperation):
            code_span(s, rid, 0, 2, [])
        with pytest.raises(NotFound):
            code_span(s, 999, 0, 2, [code_ids["Theme"]])
        with pytest.raises(NotFound):
            code_span(s, rid, 0, 2, [code_ids["Theme"], 999])
        assert s.scalar(select(func.count(Segment.id))) == 0


def test_same_span_and_coder_gains_codes(
    project: Project, make_response: Callable[..., int], code_ids: dict[str, int]
) -> None:
    rid = make_response("我在面试的时候 👩‍💻")
    research, theme = code_ids["Role/Research"], code_ids["Theme"]
    with project.write() as s:
        first = code_span(s, rid, 2, 4, [research], coder="ann", memo="first thought")
        second = code_span(s, rid, 2, 4, [theme, research, theme], coder="ann")
        assert second.id == first.id
        assert {c.id for c in second.codes} == {research, theme}
    with project.write() as s:
        third = code_span(s, rid, 2, 4, [theme], coder="ann", memo="second thought")
        assert third.id == first.id
        other = code_span(s, rid, 2, 4, [theme], coder="bob")
        assert other.id != first.id
        wider = code_span(s, rid, 2, 5, [theme], coder="ann")
        assert wider.id not in (first.id, other.id)
    with project.read() as s:
        views = {v.id: v for v in segments_of(s, rid)}
    assert views[first.id].code_ids == tuple(sorted([research, theme]))
    assert views[first.id].memo == "second thought"
    assert views[first.id].coder == "ann"
    assert views[other.id].coder == "bob"
    assert _count(project, Segment) == 3
    assert _count(project, segment_code) == 4


def test_uncode_the_last_code_deletes_the_segment(
    project: Project, make_response: Callable[..., int], code_ids: dict[str, int]
) -> None:
    rid = make_response("Research or engineering?")
    research, theme = code_ids["Role/Research"], code_ids["Theme"]
    with project.write() as s:
        sid = code_span(s, rid, 0, 8, [research, theme]).id
    with project.write() as s:
        assert uncode(s, sid, theme) is False
        assert [c.id for c in get_segment(s, sid).codes] == [research]
        assert uncode(s, sid, theme) is False  # not there: nothing happens
    with project.write() as s:
        assert uncode(s, sid, research) is True
        with pytest.raises(NotFound):
            get_segment(s, sid)
    assert _count(project, Segment) == 0
    assert _count(project, segment_code) == 0


def test_uncode_all_codes(
    project: Project, make_response: Callable[..., int], code_ids: dict[str, int]
) -> None:
    rid = make_response("Research or engineering?")
    with project.write() as s:
        sid = code_span(s, rid, 0, 8, list(code_ids.values())).id
        assert uncode(s, sid) is True
    assert _count(project, Segment) == 0
    with project.write() as s, pytest.raises(NotFound):
        uncode(s, sid)


def test_uncode_after_looking_at_the_codes_in_the_same_action(
    project: Project, make_response: Callable[..., int], code_ids: dict[str, int]
) -> None:
    """A caller (an undo command, the CLI) may read a segment's codes before removing one."""
    rid = make_response("Research or engineering?")
    with project.write() as s:
        sid = code_span(s, rid, 0, 8, [code_ids["Theme"]]).id
    with project.write() as s:
        segment = get_segment(s, sid)
        assert [c.id for c in segment.codes] == [code_ids["Theme"]]
        assert uncode(s, sid, code_ids["Theme"]) is True
    assert _count(project, Segment) == 0


def test_recode(
    project: Project, make_response: Callable[..., int], code_ids: dict[str, int]
) -> None:
    rid = make_response("Research or engineering?")
    research, eng, theme = (
        code_ids["Role/Research"],
        code_ids["Role/Engineering"],
        code_ids["Theme"],
    )
    with project.write() as s:
        sid = code_span(s, rid, 0, 8, [research, theme]).id
        recode(s, sid, research, eng)
        assert {c.id for c in get_segment(s, sid).codes} == {eng, theme}
        recode(s, sid, eng, theme)  # onto a code it already has: no duplicate link
        assert {c.id for c in get_segment(s, sid).codes} == {theme}
        with pytest.raises(InvalidOperation):
            recode(s, sid, research, eng)
        with pytest.raises(NotFound):
            recode(s, sid, theme, 999)
        with pytest.raises(NotFound):
            recode(s, 999, theme, eng)
    assert _count(project, segment_code) == 1


def test_resize(
    project: Project,
    corpus: dict[str, str],
    make_response: Callable[..., int],
    code_ids: dict[str, int],
) -> None:
    text = corpus["emoji"]
    rid = make_response(text)
    with project.write() as s:
        sid = code_span(s, rid, 0, 6, [code_ids["Theme"]]).id
    start = text.index("👩‍💻")
    with project.write() as s:
        resize(s, sid, start, len(text))
    for bad in [(-1, 4), (5, 5), (6, 2), (0, len(text) + 1)]:
        with pytest.raises(InvalidOperation), project.write() as s:
            resize(s, sid, *bad)
    with project.read() as s:
        [view] = segments_of(s, rid)
    assert (view.start, view.end, view.text) == (start, len(text), text[start:])
    with project.write() as s, pytest.raises(NotFound):
        resize(s, 999, 0, 1)


def test_memo(
    project: Project, make_response: Callable[..., int], code_ids: dict[str, int]
) -> None:
    rid = make_response("Research or engineering?")
    with project.write() as s:
        sid = code_span(s, rid, 0, 8, [code_ids["Theme"]]).id
        set_memo(s, sid, "look again 👀")
    with project.read() as s:
        assert segments_of(s, rid)[0].memo == "look again 👀"
    with project.write() as s:
        set_memo(s, sid, "")
    with project.read() as s:
        assert segments_of(s, rid)[0].memo is None


def test_segments_of_is_in_text_order_with_texts(
    project: Project,
    corpus: dict[str, str],
    make_response: Callable[..., int],
    code_ids: dict[str, int],
) -> None:
    text = corpus["mixed"]
    rid = make_response(text)
    other = make_response(corpus["chinese"])
    spans = [(10, 14), (0, 2), (3, 7), (0, 1), (3, 5)]
    with project.write() as s:
        for i, (a, b) in enumerate(spans):
            code_span(s, rid, a, b, [code_ids["Theme"]], coder=f"c{i}")
        code_span(s, other, 0, 2, [code_ids["Theme"]])
    uncoded = make_response("unrelated")
    with project.read() as s:
        views = segments_of(s, rid)
        assert segments_of(s, uncoded) == []
        with pytest.raises(NotFound):
            segments_of(s, 999)
    assert [(v.start, v.end) for v in views] == sorted(spans)
    assert [v.text for v in views] == [text[a:b] for a, b in sorted(spans)]
    assert all(v.response_id == rid for v in views)


def test_add_segments_in_bulk(
    project: Project,
    corpus: dict[str, str],
    make_response: Callable[..., int],
    code_ids: dict[str, int],
) -> None:
    a = make_response(corpus["emoji"])
    b = make_response(corpus["chinese"])
    spans = [(a, 0, 6), (b, 2, 4), (a, 7, 9), (b, 0, len(corpus["chinese"]))]
    with project.write() as s:
        who = get_coder(s, "bulk")
        assert add_segments(s, [], [code_ids["Theme"]], who.id) == 0
        n = add_segments(s, spans, [code_ids["Theme"], code_ids["Role/Research"]], who.id)
    assert n == 4
    with project.read() as s:
        got = sorted(
            (v.response_id, v.start, v.end, v.code_ids, v.coder)
            for r in (a, b)
            for v in segments_of(s, r)
        )
    both = tuple(sorted([code_ids["Theme"], code_ids["Role/Research"]]))
    assert got == sorted((r, st, e, both, "bulk") for r, st, e in spans)
    assert _count(project, segment_code) == 8


def test_add_segments_out_of_bounds_is_refused_by_the_database(
    project: Project,
    corpus: dict[str, str],
    make_response: Callable[..., int],
    code_ids: dict[str, int],
) -> None:
    text = corpus["emoji"]
    a = make_response(text)
    with pytest.raises(IntegrityError), project.write() as s:
        who = get_coder(s, "bulk")
        add_segments(s, [(a, 0, 3), (a, 0, len(text) + 1)], [code_ids["Theme"]], who.id)
    assert _count(project, Segment) == 0
    assert _count(project, segment_code) == 0


def test_default_coder(
    project: Project, make_response: Callable[..., int], code_ids: dict[str, int]
) -> None:
    rid = make_response("Research or engineering?")
    with project.write() as s:
        code_span(s, rid, 0, 8, [code_ids["Theme"]])
        code_span(s, rid, 0, 8, [code_ids["Role/Research"]], coder="")
        assert get_coder(s).id == get_coder(s, None).id
    assert _count(project, Segment) == 1
