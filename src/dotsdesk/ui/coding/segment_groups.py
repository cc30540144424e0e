"""A shown response's segments as the view paints them (a `BarGroup` per coded segment),
and reading them again after a change: all of them, or, when the change said which, only
those (one segment of 2,000 in a 300,000-character answer reads in a millisecond)."""

from __future__ import annotations

from bisect import insort
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace

from sqlalchemy.orm import Session

from ...services.coding import segments as coding
from ...services.coding.segments import SegmentView
from .data import ShownResponse, code_looks, used_codes
from .lanes import BarGroup


def groups_of(
    segments: Iterable[SegmentView], shown: ShownResponse, to16: Callable[[int], int]
) -> list[BarGroup]:
    """(start16, end16, segment id, code ids, colours) of each segment that has codes."""
    colour = {cid: look.colour for cid, look in shown.codes.items()}
    colours: dict[tuple[int, ...], tuple[str, ...]] = {}  # segments share a few code sets
    groups: list[BarGroup] = []
    for seg in segments:
        ids = seg.code_ids
        if not ids:
            continue
        names = colours.get(ids)
        if names is None:
            names = colours[ids] = tuple(colour[cid] for cid in ids)
        groups.append((to16(seg.start), to16(seg.end), seg.id, ids, names))
    return groups


@dataclass(frozen=True)
class Reread:
    """The response with its segments as they are now; `before` and `after`: the segments
    that changed, as they were and are, or None when all were read again."""

    shown: ShownResponse
    before: list[SegmentView] | None
    after: list[SegmentView] | None


def reread(session: Session, shown: ShownResponse, only: frozenset[int] | None) -> Reread | None:
    """Read the response's segments again (`only` these, when known), and the looks of
    codes new to it; None when nothing changed."""
    before = after = None
    if only is None:
        segments = tuple(coding.segments_of(session, shown.id))
    else:
        after = coding.segments_with_ids(session, shown.id, sorted(only))
        before = [seg for seg in shown.segments if seg.id in only]
        if before == after:
            return None
        kept = [seg for seg in shown.segments if seg.id not in only]
        for seg in after:
            insort(kept, seg, key=_text_order)
        segments = tuple(kept)
    if segments == shown.segments:
        return None
    used = used_codes(segments)
    codes = {cid: look for cid, look in shown.codes.items() if cid in used}
    if len(codes) < len(used):
        codes.update(code_looks(session, used - codes.keys()))
    return Reread(replace(shown, segments=segments, codes=codes), before, after)


def _text_order(segment: SegmentView) -> tuple[int, int, int]:
    return (segment.start, segment.end, segment.id)
