"""Responses and translations, and keeping segments anchored when a text changes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from ...errors import InvalidOperation, NotFound
from ...model import Response, Segment, Translation
from .language import detect_language


def get_response(session: Session, response_id: int) -> Response:
    response = session.get(Response, response_id)
    if response is None:
        raise NotFound(None, f"no response {response_id}")
    return response


def add_response(
    session: Session,
    respondent_id: int,
    text: str,
    *,
    question: str | None = None,
    language: str | None = None,
    source: str | None = None,
    channel: str | None = None,
    received: datetime | None = None,
    question_id: str | None = None,
) -> Response:
    """Store the text exactly as given; offsets into it are code points forever after."""
    if not text.strip():
        raise InvalidOperation(None, "a response needs some text")
    check_text(text)
    response = Response(
        respondent_id=respondent_id,
        text=text,
        question=question,
        language=(language or "").strip() or detect_language(text),
        source=source,
        channel=channel,
        received=received,
        question_id=question_id,
    )
    session.add(response)
    session.flush()
    return response


def set_translation(
    session: Session, response_id: int, language: str, text: str, translator: str | None = None
) -> Translation:
    """Add or replace the response's translation into `language`."""
    response = get_response(session, response_id)
    if language == response.language:
        raise InvalidOperation(
            None, "a translation must be into another language than the original"
        )
    found = session.scalar(
        select(Translation).where(
            Translation.response_id == response_id, Translation.language == language
        )
    )
    if found is None:
        found = Translation(
            response_id=response_id, language=language, text=text, translator=translator
        )
        session.add(found)
    else:
        found.text, found.translator = text, translator
    session.flush()
    return found


def check_text(text: str) -> None:
    """NUL is no character anyone wrote, and the database's length() stops at it."""
    if "\x00" in text:
        raise InvalidOperation(None, "the text contains NUL characters (\\x00); remove them first")


@dataclass(frozen=True)
class TextChange:
    changed: bool
    segments_moved: int = 0
    segments_dropped: int = 0


def replace_text(session: Session, response: Response, new_text: str) -> TextChange:
    """Replace a response's text, re-anchoring each segment on the nearest exact copy of
    its old text; segments whose text is gone are dropped and counted."""
    if new_text == response.text:
        return TextChange(changed=False)
    check_text(new_text)
    old_text = response.text
    segments = session.scalars(select(Segment).where(Segment.response_id == response.id)).all()
    moved = dropped = 0
    anchors: dict[int, tuple[int, int]] = {}
    for seg in segments:
        piece = old_text[seg.start : seg.end]
        spot = _nearest(new_text, piece, seg.start)
        if spot is None:
            session.delete(seg)
            dropped += 1
        else:
            anchors[seg.id] = (spot, spot + len(piece))
            moved += spot != seg.start
    session.flush()
    # Shrink-then-grow order is irrelevant: the bounds trigger checks against the text
    # written first, so write the text, then the anchors.
    response.text = new_text
    session.flush()
    for seg in segments:
        if seg.id in anchors:
            seg.start, seg.end = anchors[seg.id]
    session.flush()
    return TextChange(changed=True, segments_moved=moved, segments_dropped=dropped)


def _nearest(text: str, piece: str, near: int) -> int | None:
    best: int | None = None
    i = text.find(piece)
    while i != -1:
        if best is None or abs(i - near) < abs(best - near):
            best = i
        i = text.find(piece, i + 1)
    return best
