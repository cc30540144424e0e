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
    if only is None:
        segments = tuple(coding.segments_of(session, shown.id))
        if segments == shown.segments:
            return None
        return Reread(_with_codes(session, shown, segments, used_codes(segments)), None, None)
    after = coding.segments_with_ids(session, shown.id, sorted(only))
    before: list[SegmentView] = []
    kept: list[SegmentView] = []
    for seg in shown.segments:
        (before if seg.id in only else kept).append(seg)
    if before == after:
        return None
    for seg in after:
        insort(kept, seg, key=_text_order)
    segments = tuple(kept)
    # The codes used now: those before, those the changed segments have now, less any
    # that only the changed segments had (checked in the rest; rarely any).
    now = used_codes(after)
    dropped = used_codes(before) - now
    used = (shown.codes.keys() - dropped) | now
    if dropped:
        used |= dropped & used_codes(kept)
    return Reread(_with_codes(session, shown, segments, used), before, after)


def _with_codes(
    session: Session, shown: ShownResponse, segments: tuple[SegmentView, ...], used: set[int]
) -> ShownResponse:
    """`shown` with these segments and the looks of the codes they use."""
    codes = {cid: look for cid, look in shown.codes.items() if cid in used}
    if len(codes) < len(used):
        codes.update(code_looks(session, used - codes.keys()))
    return replace(shown, segments=segments, codes=codes)


def _text_order(segment: SegmentView) -> tuple[int, int, int]:
    return (segment.start, segment.end, segment.id)
