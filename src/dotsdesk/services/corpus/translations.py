"""What a coded segment reads as in translation, where the project records it.

A translation is kept for a whole response. A segment that is the whole response has it
exactly; a part of a response has a translation only where the author chose its part of the
translated text for a quote in a post (`translation_span`). Nothing is guessed: a part
without a chosen span is reported as translated for the whole response only.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from ...model import Block, BlockKind, Response, Segment, Translation

PREFERRED = "en"  # the language collaborators most often read; otherwise the first by code


@dataclass(frozen=True)
class SegmentTranslation:
    language: str
    text: str | None  # None: only the whole response's translation is recorded
    whole_response: bool  # the segment is its whole response


def segment_translations(session: Session) -> dict[int, SegmentTranslation]:
    """segment id -> its translation, for segments of responses that have one (in English
    if recorded, else the first language by code)."""
    # Plain rows through the connection, unsorted: 35,000 translations read in 0.4 s,
    # where the ORM's rows and a sort by language took over a second.
    db = session.connection()
    chosen: dict[int, tuple[str, str]] = {}
    for response_id, language, text in db.execute(
        select(Translation.response_id, Translation.language, Translation.text)
    ):
        have = chosen.get(response_id)
        if have is None or (have[0] != PREFERRED and (language == PREFERRED or language < have[0])):
            chosen[response_id] = (language, text)
    if not chosen:
        return {}
    spans: dict[tuple[int, str], tuple[int, int]] = {}
    for segment_id, data in db.execute(
        select(Block.segment_id, Block.data).where(
            Block.kind == BlockKind.QUOTE, Block.segment_id.is_not(None)
        )
    ):
        span = (data or {}).get("translation_span")
        language = (data or {}).get("translation")
        if span and language and segment_id is not None:
            spans.setdefault((segment_id, language), (int(span[0]), int(span[1])))
    out: dict[int, SegmentTranslation] = {}
    # The text's length only where a segment starts at 0: the others cannot be the whole
    # response, and their texts need not be read at all.
    size = case((Segment.start == 0, func.length(Response.text)))
    rows = db.execute(
        select(Segment.id, Segment.response_id, Segment.start, Segment.end, size)
        .join(Response, Response.id == Segment.response_id)
        .where(Segment.response_id.in_(select(Translation.response_id)))
    )
    for segment_id, response_id, start, end, length in rows:
        language, whole = chosen[response_id]
        if start == 0 and end == length:
            out[segment_id] = SegmentTranslation(language, whole, True)
            continue
        span = spans.get((segment_id, language))
        part = whole[span[0] : span[1]] if span and span[1] <= len(whole) else None
        out[segment_id] = SegmentTranslation(language, part, False)
    return out
