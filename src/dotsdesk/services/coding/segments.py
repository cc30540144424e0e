"""Coding spans of text: code, uncode, recode, resize, memo. Offsets are code points."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import ColumnElement, String, cast, delete, func, insert, literal, select
from sqlalchemy.orm import Session

from ...errors import InvalidOperation, NotFound
from ...model import Code, Coder, Response, Segment, segment_code
from .coders import get_coder


@dataclass(frozen=True)
class SegmentView:
    """A segment as plain data, with its exact text."""

    id: int
    response_id: int
    start: int
    end: int
    text: str
    code_ids: tuple[int, ...]
    coder: str | None
    memo: str | None


def get_segment(session: Session, segment_id: int) -> Segment:
    segment = session.get(Segment, segment_id)
    if segment is None:
        raise NotFound(None, f"no segment {segment_id}")
    return segment


def _check_span(response: Response, start: int, end: int) -> None:
    if not 0 <= start < end <= len(response.text):
        raise InvalidOperation(
            None,
            f"span [{start}, {end}) is not inside response {response.id} "
            f"({len(response.text)} characters)",
        )


def code_span(
    session: Session,
    response_id: int,
    start: int,
    end: int,
    code_ids: Sequence[int],
    *,
    coder: str | None = None,
    memo: str | None = None,
) -> Segment:
    """Code `[start, end)`. The same span by the same coder gains the codes instead of
    becoming a second segment."""
    if not code_ids:
        raise InvalidOperation(None, "choose at least one code")
    # The text's length, not the text: a 300,000-character answer takes milliseconds to read.
    # (The database's length() counts characters, code points, as Python's len does.)
    length = session.scalar(select(func.length(Response.text)).where(Response.id == response_id))
    if length is None:
        raise NotFound(None, f"no response {response_id}")
    if not 0 <= start < end <= length:
        raise InvalidOperation(
            None,
            f"span [{start}, {end}) is not inside response {response_id} ({length} characters)",
        )
    for cid in code_ids:
        if session.get(Code, cid) is None:
            raise NotFound(None, f"no code {cid}")
    who = get_coder(session, coder)
    segment = session.scalar(
        select(Segment).where(
            Segment.response_id == response_id,
            Segment.start == start,
            Segment.end == end,
            Segment.coder_id == who.id,
        )
    )
    if segment is None:
        segment = Segment(response_id=response_id, start=start, end=end, coder_id=who.id, memo=memo)
        session.add(segment)
        session.flush()
        have: set[int] = set()
    else:
        have = set(
            session.scalars(
                select(segment_code.c.code_id).where(segment_code.c.segment_id == segment.id)
            )
        )
        if memo:
            segment.memo = memo
    new = [cid for cid in dict.fromkeys(code_ids) if cid not in have]
    if new:
        session.execute(
            insert(segment_code), [{"segment_id": segment.id, "code_id": c} for c in new]
        )
    session.expire(segment, ["codes"])
    return segment


def uncode(session: Session, segment_id: int, code_id: int | None = None) -> bool:
    """Remove one code (or all) from a segment; returns True if the segment was deleted
    because no code was left on it."""
    segment = get_segment(session, segment_id)
    clause = segment_code.c.segment_id == segment_id
    if code_id is not None:
        clause = clause & (segment_code.c.code_id == code_id)
    session.execute(delete(segment_code).where(clause))
    # The links went behind the ORM's back: a loaded `codes` would make the delete below
    # remove them a second time (StaleDataError).
    session.expire(segment, ["codes"])
    left = session.scalar(
        select(segment_code.c.code_id).where(segment_code.c.segment_id == segment_id).limit(1)
    )
    if left is None:
        session.delete(segment)
        session.flush()
        return True
    session.expire(segment, ["codes"])
    return False


def recode(session: Session, segment_id: int, old_code_id: int, new_code_id: int) -> None:
    """Swap one code for another on a segment."""
    get_segment(session, segment_id)
    if session.get(Code, new_code_id) is None:
        raise NotFound(None, f"no code {new_code_id}")
    codes = set(
        session.scalars(
            select(segment_code.c.code_id).where(segment_code.c.segment_id == segment_id)
        )
    )
    if old_code_id not in codes:
        raise InvalidOperation(None, f"segment {segment_id} is not coded with code {old_code_id}")
    session.execute(
        delete(segment_code).where(
            segment_code.c.segment_id == segment_id, segment_code.c.code_id == old_code_id
        )
    )
    if new_code_id not in codes:
        session.execute(insert(segment_code).values(segment_id=segment_id, code_id=new_code_id))
    session.expire_all()


def resize(session: Session, segment_id: int, start: int, end: int) -> None:
    segment = get_segment(session, segment_id)
    _check_span(segment.response, start, end)
    segment.start, segment.end = start, end
    session.flush()


def set_memo(session: Session, segment_id: int, memo: str | None) -> None:
    get_segment(session, segment_id).memo = memo or None
    session.flush()


def segments_of(session: Session, response_id: int) -> list[SegmentView]:
    """The response's segments in text order, with their codes. Plain columns, the text
    and then the segments with their codes aggregated by the database, so that a response
    with 500 segments of 10 codes each reads in a few milliseconds, not tens."""
    return _views(session, response_id, None)


def segments_with_ids(
    session: Session, response_id: int, segment_ids: Sequence[int]
) -> list[SegmentView]:
    """Those of the response's segments with these ids that exist, as `segments_of` gives
    them: after one segment of a long response changed, read that one only (and only its
    text, not the response's: a 300,000-character answer takes a millisecond or two)."""
    if not segment_ids:
        return []
    # The database's substr counts characters (code points), as Python's slices do.
    text = func.substr(Response.text, Segment.start + 1, Segment.end - Segment.start)
    views = _views(session, response_id, segment_ids, text)
    if not views and session.scalar(select(Response.id).where(Response.id == response_id)) is None:
        raise NotFound(None, f"no response {response_id}")
    return views


def _views(
    session: Session,
    response_id: int,
    segment_ids: Sequence[int] | None,
    part: ColumnElement[str] | None = None,
) -> list[SegmentView]:
    """The segments (those with `segment_ids`, or all), each with its text: sliced from the
    response's text read once, or read as `part` of it when only a few are asked."""
    whole = ""
    if part is None:
        found = session.scalar(select(Response.text).where(Response.id == response_id))
        if found is None:
            raise NotFound(None, f"no response {response_id}")
        whole = found
    codes = (
        select(func.aggregate_strings(cast(segment_code.c.code_id, String), ","))
        .where(segment_code.c.segment_id == Segment.id)
        .scalar_subquery()
    )
    query = (
        select(
            Segment.id,
            Segment.start,
            Segment.end,
            codes,
            Coder.name,
            Segment.memo,
            part if part is not None else literal(None),
        )
        .outerjoin(Coder, Coder.id == Segment.coder_id)
        .where(Segment.response_id == response_id)
        .order_by(Segment.start, Segment.end, Segment.id)
    )
    if part is not None:
        query = query.join(Response, Response.id == Segment.response_id)
    if segment_ids is not None:
        query = query.where(Segment.id.in_(segment_ids))
    rows = session.execute(query)
    parsed: dict[str, tuple[int, ...]] = {}  # segments share a few sets of codes

    def code_ids(ids: str | None) -> tuple[int, ...]:
        if not ids:
            return ()
        found = parsed.get(ids)
        if found is None:
            found = parsed[ids] = tuple(sorted(map(int, ids.split(","))))
        return found

    return [
        SegmentView(
            sid,
            response_id,
            start,
            end,
            text if text is not None else whole[start:end],
            code_ids(ids),
            coder,
            memo,
        )
        for sid, start, end, ids, coder, memo, text in rows
    ]


def add_segments(
    session: Session, spans: Sequence[tuple[int, int, int]], code_ids: Sequence[int], coder_id: int
) -> int:
    """Bulk-create segments `(response_id, start, end)`, each with `code_ids`; for autocoding
    and imports, where one flush per segment would be far too slow. Bounds are enforced by
    the database."""
    if not spans:
        return 0
    rows = [{"response_id": r, "start": s, "end": e, "coder_id": coder_id} for r, s, e in spans]
    # Every segment gets the same codes, so the ids' order does not matter; unordered
    # RETURNING lets SQLAlchemy batch the rows into multi-row INSERTs.
    ids = list(session.scalars(insert(Segment).returning(Segment.id), rows))
    links = [{"segment_id": sid, "code_id": cid} for sid in ids for cid in code_ids]
    session.execute(insert(segment_code), links)
    return len(ids)
