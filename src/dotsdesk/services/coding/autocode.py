"""Code every match of a pattern, the way a researcher pre-codes before reading."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from ...errors import InvalidOperation
from ...model import Response, Segment, segment_code
from .codebook import ensure_code
from .coders import get_coder
from .segments import add_segments


@dataclass(frozen=True)
class AutocodeReport:
    code_path: str
    responses_matched: int
    segments_created: int
    segments_existing: int  # already coded with this code
    segments_extended: int = 0  # existing segments that gained the code


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
    # This coder's segments by span, and which of them already carry the code.
    mine: dict[tuple[int, int, int], int] = {
        (r, s, e): sid
        for sid, r, s, e in session.execute(
            select(Segment.id, Segment.response_id, Segment.start, Segment.end).where(
                Segment.coder_id == who.id
            )
        )
    }
    have_code = set(
        session.scalars(select(segment_code.c.segment_id).where(segment_code.c.code_id == code.id))
    )
    spans: list[tuple[int, int, int]] = []
    matched = 0
    for rid, text in session.execute(select(Response.id, Response.text)):
        found = [m.span() for m in regex.finditer(text) if m.end() > m.start()]
        if not found:
            continue
        matched += 1
        spans.extend([(rid, 0, len(text))] if whole_response else [(rid, s, e) for s, e in found])
    unique = list(dict.fromkeys(spans))
    new = [span for span in unique if span not in mine]
    # The same span coded by hand with another code gains this code, as code_span would do.
    extend = [mine[span] for span in unique if span in mine and mine[span] not in have_code]
    add_segments(session, new, [code.id], who.id)
    if extend:
        session.execute(
            insert(segment_code), [{"segment_id": i, "code_id": code.id} for i in extend]
        )
    existing = len(unique) - len(new) - len(extend)
    return AutocodeReport(code_path, matched, len(new), existing, len(extend))
