"""Find a quote: coded segments whose words match a search, for the composer.

The full-text search (`services.search`) finds the responses, English or Chinese, in their
text or a translation; of those, a segment matches when its own text holds every term. When
a response matched only through its translation (the terms are English, the text Chinese),
offsets cannot be mapped into the translation, so all its coded segments are offered, marked
`translated`.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from ...model import Respondent, Response, Segment, segment_code
from ..coding.codebook import code_paths
from ..corpus.search import search

PREVIEW = 160  # code points of segment text in a result row


@dataclass(frozen=True)
class QuoteHit:
    id: int  # the segment
    respondent: str  # the respondent's pseudonymous label
    code_paths: tuple[str, ...]
    preview: str  # the text on one line, cut at `PREVIEW` code points
    text: str  # the segment's exact text
    translated: bool = False  # matched through the response's translation only


def _contains_all(text: str, terms: tuple[str, ...]) -> bool:
    low = text.lower()
    return all(t.lower() in low for t in terms)


def find_segments(session: Session, query: str, limit: int = 50) -> list[QuoteHit]:
    """Coded segments matching every term of `query`, by respondent label then position."""
    result = search(session, query)
    if not result.terms or not result.response_ids or limit <= 0:
        return []
    terms = result.terms
    coded = select(segment_code.c.segment_id)
    rows = session.execute(
        select(Segment.id, Segment.start, Segment.end, Response.text, Respondent.label)
        .join(Response, Response.id == Segment.response_id)
        .join(Respondent, Respondent.id == Response.respondent_id)
        .where(Segment.response_id.in_(result.response_ids), Segment.id.in_(coded))
        .order_by(Respondent.label, Response.id, Segment.start, Segment.id)
    ).all()
    chosen: list[tuple[int, str, str, bool]] = []
    for sid, start, end, text, label in rows:
        body = text[start:end]
        if _contains_all(body, terms):
            chosen.append((sid, label, body, False))
        elif not _contains_all(text, terms):
            chosen.append((sid, label, body, True))  # the translation matched
        if len(chosen) >= limit:
            break
    if not chosen:
        return []
    paths = code_paths(session)
    ids = [c[0] for c in chosen]
    codes: dict[int, list[str]] = {}
    for sid, cid in session.execute(
        select(segment_code.c.segment_id, segment_code.c.code_id).where(
            segment_code.c.segment_id.in_(ids)
        )
    ):
        codes.setdefault(sid, []).append(paths.get(cid, "?"))
    return [
        QuoteHit(sid, label, tuple(sorted(codes.get(sid, []))), _preview(body), body, translated)
        for sid, label, body, translated in chosen
    ]


def _preview(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= PREVIEW else text[: PREVIEW - 1] + "…"
