"""Code every match of a pattern, the way a researcher pre-codes before reading."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..errors import InvalidOperation
from ..model import Response, Segment, segment_code
from .codebook import ensure_code
from .coders import get_coder
from .coding import add_segments


@dataclass(frozen=True)
class AutocodeReport:
    code_path: str
    responses_matched: int
    segments_created: int
    segments_existing: int


def autocode(
    session: Session,
    code_path: str,
    pattern: str,
    *,
    whole_response: bool = False,
    ignore_case: bool = True,
    coder: str | None = None,
) -> AutocodeReport:
    """Code each match (or each whole matching response). Spans this coder already coded
    with the code are left alone, so running it twice adds nothing."""
    try:
        regex = re.compile(pattern, re.IGNORECASE if ignore_case else 0)
    except re.error as exc:
        raise InvalidOperation(
            None, f"the pattern {pattern!r} is not a valid regular expression: {exc}"
        ) from None
    code = ensure_code(session, code_path)
    who = get_coder(session, coder)
    existing = {
        (r, s, e)
        for r, s, e in session.execute(
            select(Segment.response_id, Segment.start, Segment.end)
            .join(segment_code, segment_code.c.segment_id == Segment.id)
            .where(segment_code.c.code_id == code.id, Segment.coder_id == who.id)
        )
    }
    spans: list[tuple[int, int, int]] = []
    matched = 0
    for rid, text in session.execute(select(Response.id, Response.text)):
        found = [m.span() for m in regex.finditer(text) if m.end() > m.start()]
        if not found:
            continue
        matched += 1
        spans.extend([(rid, 0, len(text))] if whole_response else [(rid, s, e) for s, e in found])
    new = [s for s in dict.fromkeys(spans) if s not in existing]
    add_segments(session, new, [code.id], who.id)
    return AutocodeReport(code_path, matched, len(new), len(spans) - len(new))
