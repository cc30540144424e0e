"""Sentences and paragraphs of a text, as code-point spans: what search-and-code codes when
asked for "the sentence" and what the coded-segments list shows around a segment.

A sentence ends at 。！？ (Chinese, full width), at . ! ? … followed by a space or the end (so
"3.5" and "e.g.," stay whole), after any closing quotes or brackets, and at a line break.
A paragraph ends at a line break. Spans never include the whitespace around them.
"""

from __future__ import annotations

import re
from bisect import bisect_right

# Closing marks that stay with the sentence they end: ”’"')]）】」』》 and the like.
_CLOSE = "\"'”’)]}）】」』》〉"
_END = re.compile(
    rf"(?:[。！？]+|[!?]+|\.(?!\.)(?!\s+[a-z])|…+|\.\.\.)[{re.escape(_CLOSE)}]*"
    rf"(?:(?<=[。！？」』）】》〉”’])|(?=\s|$))"
    r"|\n"
)


def _trimmed(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if end > start else None


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Every sentence of `text`, in order, trimmed of surrounding whitespace."""
    spans = []
    start = 0
    for match in _END.finditer(text):
        end = match.start() if match.group() == "\n" else match.end()
        span = _trimmed(text, start, end)
        if span is not None:
            spans.append(span)
        start = match.end()
    last = _trimmed(text, start, len(text))
    if last is not None:
        spans.append(last)
    return spans


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Every paragraph (a stretch between line breaks), trimmed."""
    spans = []
    start = 0
    for match in re.finditer(r"\n", text):
        span = _trimmed(text, start, match.start())
        if span is not None:
            spans.append(span)
        start = match.end()
    last = _trimmed(text, start, len(text))
    if last is not None:
        spans.append(last)
    return spans


def enclosing(
    spans: list[tuple[int, int]], start: int, end: int, limit: tuple[int, int] | None = None
) -> tuple[int, int]:
    """The union of the spans that [start, end) touches (itself where it touches none),
    kept inside `limit` (a turn) when given. `spans` are sorted and do not overlap."""
    lo, hi = start, end
    starts = [s for s, _ in spans]
    i = max(bisect_right(starts, start) - 1, 0)
    while i < len(spans) and spans[i][0] < max(end, start + 1):
        s, e = spans[i]
        if e > start:  # touches the span, not just ends where it starts
            lo, hi = min(lo, s), max(hi, e)
        i += 1
    if limit is not None:
        lo, hi = max(lo, limit[0]), min(hi, limit[1])
        if lo >= hi:
            lo, hi = start, end
    return lo, hi


def sentence_around(
    text: str, start: int, end: int, limit: tuple[int, int] | None = None
) -> tuple[int, int]:
    """The sentence(s) holding [start, end)."""
    return enclosing(sentence_spans(text), start, end, limit)


def paragraph_around(
    text: str, start: int, end: int, limit: tuple[int, int] | None = None
) -> tuple[int, int]:
    """The paragraph(s) holding [start, end)."""
    return enclosing(paragraph_spans(text), start, end, limit)
