"""`segments_of` reads plain columns; it must say exactly what reading the ORM objects says:
order, codes, coder, memo and text, also for the awkward cases (no codes, no coder, the
same span twice, changes not yet flushed)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from dotsdesk.errors import NotFound
from dotsdesk.model import Coder, Response, Segment, segment_code
from dotsdesk.services.coding.codebook import ensure_code
from dotsdesk.services.coding.segments import (
    SegmentView,
    code_span,
    segments_of,
    segments_with_ids,
)
from dotsdesk.store import Project


def orm_segments_of(session: Session, response_id: int) -> list[SegmentView]:
    """What `segments_of` said when it read ORM objects (ties in (start, end) by id)."""
    response = session.get(Response, response_id)
    assert response is not None
    rows = session.scalars(
        select(Segment)
        .where(Segment.response_id == response_id)
        .order_by(Segment.start, Segment.end, Segment.id)
    ).all()
    return [
        SegmentView(
            s.id,
            response_id,
            s.start,
            s.end,
            response.text[s.start : s.end],
            tuple(sorted(c.id for c in s.codes)),
            s.coder.name if s.coder else None,
            s.memo,
        )
        for s in rows
    ]


def test_plain_columns_say_what_the_objects_say(
    project: Project, corpus: dict[str, str], make_response: Callable[..., int]
) -> None:
    text = corpus["emoji"] + " " + corpus["mixed"]
    rid = make_response(text)
    other = make_response(corpus["chinese"])
    with project.write() as s:
        codes = [ensure_code(s, f"Theme/T{i}").id for i in range(12)]
        code_span(s, rid, 0, 10, codes[:1], coder="ana")
        code_span(s, rid, 0, 10, codes[3:5], coder="bo")  # the same span, another coder
        code_span(s, rid, 2, len(text), codes, coder="ana", memo="all 12 codes 🚀")
        code_span(s, rid, 5, 9, [codes[7], codes[2]], coder="gone")
        code_span(s, other, 0, 4, codes[:2], coder="ana")
        # A segment whose coder was deleted, and one left with no code at all.
        s.execute(delete(Coder).where(Coder.name == "gone"))
        s.execute(insert(Segment).values(response_id=rid, start=3, end=6, memo="bare"))
    with project.read() as s:
        views = segments_of(s, rid)
        assert views == orm_segments_of(s, rid)
    assert [(v.start, v.end) for v in views] == [(0, 10), (0, 10), (2, len(text)), (3, 6), (5, 9)]
    assert views[0].id < views[1].id
    assert views[2].code_ids == tuple(sorted(codes)) and views[2].memo == "all 12 codes 🚀"
    assert (views[3].code_ids, views[3].coder, views[3].memo) == ((), None, "bare")
    assert views[4].coder is None and views[4].code_ids == tuple(sorted([codes[7], codes[2]]))
    assert all(v.text == text[v.start : v.end] for v in views)
    # A few of them by id, as `segments_of` gives them; another response's or a missing
    # id gives nothing.
    with project.read() as s:
        some = segments_with_ids(s, rid, [views[4].id, views[1].id, 10**6])
        assert some == [views[1], views[4]]
        assert segments_with_ids(s, other, [views[0].id]) == []
        assert segments_with_ids(s, rid, []) == []
        with pytest.raises(NotFound):
            segments_with_ids(s, 10**6, [views[0].id])


def test_no_segments_and_no_response(project: Project, make_response: Callable[..., int]) -> None:
    rid = make_response("nothing coded here")
    with project.read() as s:
        assert segments_of(s, rid) == []
        with pytest.raises(NotFound):
            segments_of(s, rid + 1000)


def test_sees_what_the_session_has_not_flushed(
    project: Project, make_response: Callable[..., int]
) -> None:
    rid = make_response("flushed or not, the same answer")
    with project.write() as s:
        code = ensure_code(s, "Theme").id
        segment = code_span(s, rid, 0, 7, [code], coder="ana")
        segment.memo = "pending"
        segment.start = 1  # not flushed yet
        s.add(Segment(response_id=rid, start=8, end=10, memo="new"))
        views = segments_of(s, rid)
        assert [(v.start, v.end, v.memo) for v in views] == [(1, 7, "pending"), (8, 10, "new")]
        s.execute(delete(segment_code))
        assert segments_of(s, rid)[0].code_ids == ()
