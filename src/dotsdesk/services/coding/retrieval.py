"""The segments of a code, page by page, for the codebook's segment list.

The list may hold thousands of segments, so it is read in pages with a short preview
cut by the database, never whole response texts.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from ...model import Coder, Memo, Respondent, Response, Segment, segment_code
from .codebook import descendant_ids, get_code

PREVIEW = 200  # code points of segment text shown in a list row


@dataclass(frozen=True)
class CodeSegment:
    """One row of the list: whose words, where, a preview, and who coded them."""

    id: int
    response_id: int
    respondent: str
    start: int
    end: int
    preview: str  # the first `PREVIEW` code points of the segment's text
    coder: str | None

    @property
    def truncated(self) -> bool:
        return self.end - self.start > len(self.preview)


def code_scope(session: Session, code_id: int, with_descendants: bool = False) -> list[int]:
    """The code ids a list covers: the code, or the code and everything under it."""
    get_code(session, code_id)
    return descendant_ids(session, code_id) if with_descendants else [code_id]


def _coded_with(code_ids: Sequence[int]) -> Select[tuple[int]]:
    return select(segment_code.c.segment_id).where(segment_code.c.code_id.in_(code_ids))


def count_segments(session: Session, code_ids: Sequence[int]) -> int:
    """Segments coded with any of the codes, each counted once."""
    query = select(func.count(Segment.id)).where(Segment.id.in_(_coded_with(code_ids)))
    return session.scalar(query) or 0


def count_respondents(session: Session, code_ids: Sequence[int]) -> int:
    query = (
        select(func.count(func.distinct(Response.respondent_id)))
        .join(Segment, Segment.response_id == Response.id)
        .where(Segment.id.in_(_coded_with(code_ids)))
    )
    return session.scalar(query) or 0


def coders_of(session: Session, code_ids: Sequence[int]) -> list[str]:
    """Who coded these segments; a list by one coder needs no coder column."""
    query = (
        select(Coder.name)
        .join(Segment, Segment.coder_id == Coder.id)
        .where(Segment.id.in_(_coded_with(code_ids)))
        .distinct()
        .order_by(Coder.name)
    )
    return list(session.scalars(query))


def segments_with(
    session: Session,
    code_ids: Sequence[int],
    offset: int = 0,
    limit: int | None = None,
    preview: int = PREVIEW,
) -> list[CodeSegment]:
    """Segments coded with any of the codes, by respondent label then position in the text.
    Offsets and `preview` are code points (SQL substr counts characters, 1-based)."""
    # substr counts characters from 1 in SQLite and PostgreSQL alike; the cut at the
    # segment's end is made here, as `min` of two values is spelled differently in each.
    text = func.substr(Response.text, Segment.start + 1, preview)
    query = (
        select(
            Segment.id,
            Segment.response_id,
            Respondent.label,
            Segment.start,
            Segment.end,
            text,
            Coder.name,
        )
        .join(Response, Response.id == Segment.response_id)
        .join(Respondent, Respondent.id == Response.respondent_id)
        .outerjoin(Coder, Coder.id == Segment.coder_id)
        .where(Segment.id.in_(_coded_with(code_ids)))
        .order_by(Respondent.label, Response.id, Segment.start, Segment.id)
        .offset(offset)
        .limit(limit)
    )
    return [
        CodeSegment(sid, rid, label, start, end, cut[: end - start], coder)
        for sid, rid, label, start, end, cut, coder in session.execute(query)
    ]


def code_memos(session: Session) -> dict[int, str]:
    """code id -> memo, for every code that has one, in one query (for the tree's tooltips).
    The newest memo of a code wins, as in `services.memos.get_memo`."""
    rows = session.execute(
        select(Memo.code_id, Memo.text)
        .where(Memo.code_id.is_not(None))
        .order_by(Memo.updated, Memo.id)
    )
    return {cid: text for cid, text in rows if cid is not None}
