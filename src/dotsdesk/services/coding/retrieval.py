"""The segments of a code, page by page, for the codebook's segment list; and the coded
segments of several codes over a population with the sentence, paragraph or turn around
each, for the Coded Segments view.

The lists may hold thousands of segments, so they are read narrow (ids and offsets), and
texts only for the rows shown (a page of the codebook's list, the rows a view paints).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import NamedTuple

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from ...model import Coder, Memo, Respondent, Response, Segment, Turn, segment_code
from ..corpus.sentences import enclosing, paragraph_spans, sentence_spans
from .codebook import descendant_ids, get_code, list_codes

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


# -- the Coded Segments view -----------------------------------------------------------------

CONTEXT_CHARS = 400  # code points of context kept on each side of a segment at most
_CHUNK = 500


class ContextUnit(StrEnum):
    """What is shown around a segment."""

    SENTENCE = "sentence"
    PARAGRAPH = "paragraph"
    TURN = "turn"


class RetrievedSegment(NamedTuple):
    """One row: a segment coded with any of the chosen codes, narrow (no text). A named
    tuple: a view of a whole codebook makes 100,000 of them."""

    segment_id: int
    response_id: int
    respondent_id: int
    respondent: str  # pseudonymous label
    question: str | None
    start: int
    end: int
    codes: tuple[str, ...]  # paths of the chosen codes it carries
    coder: str | None


@dataclass(frozen=True)
class SegmentContext:
    """The words around a segment; the segment is text[start:end]. `before`/`after`: the
    context was cut there (a long turn or paragraph)."""

    text: str
    start: int
    end: int
    before: bool = False
    after: bool = False

    @property
    def segment(self) -> str:
        return self.text[self.start : self.end]


def retrieve(
    session: Session,
    code_ids: Collection[int],
    *,
    with_descendants: bool = False,
    response_ids: Collection[int] | None = None,
) -> list[RetrievedSegment]:
    """The segments coded with any of the codes (and the codes under them when asked) in
    the population's responses (None: all), by respondent label then place in the text."""
    scope: set[int] = set()
    for code_id in code_ids:
        scope.update(code_scope(session, code_id, with_descendants))
    if not scope:
        return []
    paths = {c.id: c.path for c in list_codes(session, respondents=False)}
    # Narrow queries joined here: joining responses in SQL would read their texts' pages
    # for each of 100,000 segments (3 s on the benchmark; this way a fraction of that).
    connection = session.connection()
    query = (
        select(
            Segment.id,
            Segment.response_id,
            Segment.start,
            Segment.end,
            Segment.coder_id,
            segment_code.c.code_id,
        )
        .join(segment_code, segment_code.c.segment_id == Segment.id)
        .where(segment_code.c.code_id.in_(sorted(scope)))
    )
    wanted = None if response_ids is None else set(response_ids)
    found: dict[int, tuple[int, int, int, int | None, list[int]]] = {}
    for sid, rid, start, end, coder_id, code_id in connection.execute(query).all():
        if wanted is not None and rid not in wanted:
            continue
        known = found.get(sid)
        if known is None:
            found[sid] = (rid, start, end, coder_id, [code_id])
        else:
            known[4].append(code_id)
    if not found:
        return []
    owners = {
        rid: (person, question)
        for rid, person, question in connection.execute(
            select(Response.id, Response.respondent_id, Response.question)
        )
    }
    labels = dict(connection.execute(select(Respondent.id, Respondent.label)).all())
    coders = dict(connection.execute(select(Coder.id, Coder.name)).all())
    rows = []
    for sid, (rid, start, end, coder_id, code_list) in found.items():
        person, question = owners[rid]
        names = [paths[c] for c in code_list]
        rows.append(
            RetrievedSegment(
                sid,
                rid,
                person,
                labels[person],
                question,
                start,
                end,
                tuple(sorted(names)) if len(names) > 1 else tuple(names),
                coders.get(coder_id) if coder_id is not None else None,
            )
        )
    rows.sort(key=lambda r: (r.respondent, r.response_id, r.start, r.end))
    return rows


def segment_contexts(
    session: Session,
    segments: Sequence[RetrievedSegment],
    unit: ContextUnit = ContextUnit.SENTENCE,
    width: int = CONTEXT_CHARS,
) -> dict[int, SegmentContext]:
    """segment id -> its context, reading only these segments' responses and turns. A
    sentence or paragraph stays inside the turn it is in; a turn is the speaker's turn
    under the segment's start (a response without turns: its paragraph)."""
    ids = sorted({s.response_id for s in segments})
    texts: dict[int, str] = {}
    turns: dict[int, list[tuple[int, int]]] = {}
    for n in range(0, len(ids), _CHUNK):
        chunk = ids[n : n + _CHUNK]
        query = select(Response.id, Response.text).where(Response.id.in_(chunk))
        texts.update((rid, text) for rid, text in session.execute(query))
        for rid, start, end in session.execute(
            select(Turn.response_id, Turn.start, Turn.end)
            .where(Turn.response_id.in_(chunk))
            .order_by(Turn.response_id, Turn.start)
        ):
            turns.setdefault(rid, []).append((start, end))
    out: dict[int, SegmentContext] = {}
    split: dict[int, list[tuple[int, int]]] = {}
    for seg in segments:
        text = texts.get(seg.response_id)
        if text is None:
            continue
        start, end = min(seg.start, len(text)), min(seg.end, len(text))
        turn = next(
            ((a, b) for a, b in turns.get(seg.response_id, []) if a <= start < b or a < end <= b),
            None,
        )
        if unit is ContextUnit.TURN and turn is not None:
            lo, hi = min(turn[0], start), max(turn[1], end)
        else:
            spans = split.get(seg.response_id)
            if spans is None:  # once per response, however many of its segments are shown
                cut = sentence_spans if unit is ContextUnit.SENTENCE else paragraph_spans
                spans = split[seg.response_id] = cut(text)
            lo, hi = enclosing(spans, start, end, turn)
        lo, hi = min(lo, start), max(hi, end)
        cut_lo, cut_hi = max(lo, start - width), min(hi, end + width)
        out[seg.segment_id] = SegmentContext(
            text[cut_lo:cut_hi], start - cut_lo, end - cut_lo, cut_lo > lo, cut_hi < hi
        )
    return out
