"""Half-open `[start, end)` spans of a text, in code points, as sorted disjoint lists."""

from __future__ import annotations

from collections.abc import Iterable

Span = tuple[int, int]


def merge_spans(spans: Iterable[Span]) -> list[Span]:
    """Sorted, overlapping or touching spans joined."""
    out: list[Span] = []
    for start, end in sorted(spans):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


def intersect_spans(a: list[Span], b: list[Span]) -> list[Span]:
    """The parts of merged spans `a` that are also in merged spans `b`."""
    out: list[Span] = []
    i = j = 0
    while i < len(a) and j < len(b):
        start, end = max(a[i][0], b[j][0]), min(a[i][1], b[j][1])
        if start < end:
            out.append((start, end))
        if a[i][1] < b[j][1]:
            i += 1
        else:
            j += 1
    return out


def subtract_spans(a: list[Span], b: list[Span]) -> list[Span]:
    """The parts of merged spans `a` outside merged spans `b`."""
    out: list[Span] = []
    for start, end in a:
        at = start
        for s, e in b:
            if e <= at or s >= end:
                continue
            if s > at:
                out.append((at, s))
            at = max(at, e)
        if at < end:
            out.append((at, end))
    return out
