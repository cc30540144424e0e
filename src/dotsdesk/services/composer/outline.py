"""What the composer panel reads: a post's outline, quoted texts, candidate section codes."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from ...model import Block, Code, Response, Section, Segment
from ..coding.codebook import code_paths


def outline(session: Session, post_id: int) -> list[tuple[Section, list[Block]]]:
    """The post's sections in order, each with its blocks in order, in two queries."""
    sections = list(
        session.scalars(
            select(Section).where(Section.post_id == post_id).order_by(Section.position, Section.id)
        )
    )
    blocks = session.scalars(
        select(Block)
        .where(Block.section_id.in_([s.id for s in sections]))
        .order_by(Block.position, Block.id)
    )
    by_section: dict[int, list[Block]] = {s.id: [] for s in sections}
    for block in blocks:
        by_section[block.section_id].append(block)
    return [(s, by_section[s.id]) for s in sections]


def segment_texts(session: Session, segment_ids: Iterable[int]) -> dict[int, str]:
    """segment id -> its exact text, for the segments that still exist."""
    wanted = list(set(segment_ids))
    if not wanted:
        return {}
    rows = session.execute(
        select(Segment.id, Segment.start, Segment.end, Response.text)
        .join(Response, Response.id == Segment.response_id)
        .where(Segment.id.in_(wanted))
    )
    return {sid: text[start:end] for sid, start, end, text in rows}


def parent_code_paths(session: Session) -> list[str]:
    """Paths of the codes that have children: each child can become a section."""
    parents = set(session.scalars(select(Code.parent_id).where(Code.parent_id.is_not(None))))
    paths = code_paths(session)
    return sorted(paths[c] for c in parents if c in paths)
