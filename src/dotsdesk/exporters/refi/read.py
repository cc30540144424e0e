"""Reading the project for an exchange file: plain rows, no REFI-QDA notions yet.

Each table is read in one query of plain columns (no ORM objects), so that a project of
100,000 segments is read in well under a second. Private identity is read only when asked.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from ...model import (
    AttributeDef,
    AttributeType,
    AttributeValue,
    Code,
    Coder,
    Identity,
    Memo,
    PopulationMember,
    Post,
    PostPopulation,
    Respondent,
    Response,
    Segment,
    Setting,
    segment_code,
)
from ...services.corpus.respondents import IDENTITY_FIELDS


@dataclass(frozen=True)
class CodeRow:
    id: int
    parent_id: int | None
    name: str
    colour: str
    description: str | None


@dataclass(frozen=True)
class MemoRow:
    id: int
    response_id: int | None
    code_id: int | None
    coder_id: int | None
    text: str
    created: datetime


@dataclass(frozen=True)
class AttributeRow:
    id: int
    name: str
    type: AttributeType


@dataclass(frozen=True)
class ResponseRow:
    id: int
    respondent_id: int
    question: str | None
    language: str
    channel: str | None
    text: str
    created: datetime


@dataclass(frozen=True)
class SegmentRow:
    id: int
    response_id: int
    start: int
    end: int
    coder_id: int | None
    memo: str | None
    created: datetime
    code_ids: tuple[int, ...]


@dataclass
class ProjectRows:
    """Everything an exchange file can hold, as the database has it."""

    title: str | None
    created: str | None
    coders: dict[int, str]
    codes: list[CodeRow]  # tree order: parents before their children, siblings by position
    memos: list[MemoRow]
    attributes: list[AttributeRow]
    # respondent id -> attribute id -> (text, number)
    values: dict[int, dict[int, tuple[str | None, float | None]]]
    respondents: list[tuple[int, str]]  # (id, label) by label
    responses: list[ResponseRow]
    segments: list[SegmentRow]  # by response, start, end
    identity: dict[int, dict[str, str]] = field(default_factory=dict)  # only when asked
    # the posts' populations, named groups of respondents: (post id, name, respondent ids)
    populations: list[tuple[int, str, list[int]]] = field(default_factory=list)


def read_codebook(session: Session) -> list[CodeRow]:
    rows = session.execute(
        select(Code.id, Code.parent_id, Code.name, Code.colour, Code.description).order_by(
            Code.position, Code.id
        )
    ).all()
    children: dict[int | None, list[CodeRow]] = {}
    for r in rows:
        children.setdefault(r.parent_id, []).append(CodeRow(*r))
    ordered: list[CodeRow] = []
    stack = list(reversed(children.get(None, [])))
    while stack:  # depth first without recursion: a deep tree must not hit the limit
        code = stack.pop()
        ordered.append(code)
        stack.extend(reversed(children.get(code.id, [])))
    return ordered


def read_project(session: Session, *, with_identity: bool = False) -> ProjectRows:
    settings = dict(
        session.execute(
            select(Setting.key, Setting.value).where(Setting.key.in_(["title", "created"]))
        ).all()
    )
    values: dict[int, dict[int, tuple[str | None, float | None]]] = {}
    for rid, aid, text, number in session.execute(
        select(
            AttributeValue.respondent_id,
            AttributeValue.attribute_id,
            AttributeValue.value_text,
            AttributeValue.value_number,
        )
    ):
        values.setdefault(rid, {})[aid] = (text, number)
    rows = ProjectRows(
        title=settings.get("title"),
        created=settings.get("created"),
        coders=dict(session.execute(select(Coder.id, Coder.name).order_by(Coder.id)).all()),
        codes=read_codebook(session),
        memos=[
            MemoRow(*r)
            for r in session.execute(
                select(
                    Memo.id, Memo.response_id, Memo.code_id, Memo.coder_id, Memo.text, Memo.created
                ).order_by(Memo.id)
            )
        ],
        attributes=[
            AttributeRow(*r)
            for r in session.execute(
                select(AttributeDef.id, AttributeDef.name, AttributeDef.type).order_by(
                    AttributeDef.position, AttributeDef.id
                )
            )
        ],
        values=values,
        respondents=[
            (r.id, r.label)
            for r in session.execute(
                select(Respondent.id, Respondent.label).order_by(Respondent.label)
            )
        ],
        responses=[
            ResponseRow(*r)
            for r in session.execute(
                select(
                    Response.id,
                    Response.respondent_id,
                    Response.question,
                    Response.language,
                    Response.channel,
                    Response.text,
                    Response.created,
                ).order_by(Response.id)
            )
        ],
        segments=_segments(session),
    )
    if with_identity:
        rows.identity = _identity(session)
    rows.populations = _populations(session)
    return rows


def _populations(session: Session) -> list[tuple[int, str, list[int]]]:
    members: dict[int, list[int]] = {}
    for post_id, respondent_id in session.execute(
        select(PopulationMember.post_id, PopulationMember.respondent_id).order_by(
            PopulationMember.post_id, PopulationMember.respondent_id
        )
    ):
        members.setdefault(post_id, []).append(respondent_id)
    return [
        (post_id, f"{name} (post: {title})", members.get(post_id, []))
        for post_id, name, title in session.execute(
            select(PostPopulation.post_id, PostPopulation.name, Post.title)
            .join(Post, Post.id == PostPopulation.post_id)
            .order_by(PostPopulation.post_id)
        )
    ]


def _segments(session: Session) -> list[SegmentRow]:
    codes: dict[int, list[int]] = {}
    for sid, cid in session.execute(
        select(segment_code.c.segment_id, segment_code.c.code_id).order_by(
            segment_code.c.segment_id, segment_code.c.code_id
        )
    ):
        codes.setdefault(sid, []).append(cid)
    return [
        SegmentRow(sid, rid, start, end, coder, memo, created, tuple(codes.get(sid, ())))
        for sid, rid, start, end, coder, memo, created in session.execute(
            select(
                Segment.id,
                Segment.response_id,
                Segment.start,
                Segment.end,
                Segment.coder_id,
                Segment.memo,
                Segment.created,
            ).order_by(Segment.response_id, Segment.start, Segment.end, Segment.id)
        )
    ]


def _identity(session: Session) -> dict[int, dict[str, str]]:
    """Private identity, read only for an export the user asked to hold it."""
    out: dict[int, dict[str, str]] = {}
    for identity in session.scalars(select(Identity)):
        fields = {f: getattr(identity, f) for f in IDENTITY_FIELDS}
        kept = {f: v for f, v in fields.items() if v}
        if kept:
            out[identity.respondent_id] = kept
    return out
