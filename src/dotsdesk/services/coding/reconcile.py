"""Settling a disagreement between two coders: one coder's version of a stretch is accepted,
and the other's coding of that code there is made the same.

Only the code in question changes, and only inside the stretch: a segment reaching beyond
it keeps its outer parts (split in two if need be), a segment with other codes keeps them
on its whole span. Where the accepted coder coded, the other gains the code, joined to a
touching segment of theirs that carries only this code rather than lying beside it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from ...errors import InvalidOperation, NotFound
from ...model import Coder, Response, Segment, segment_code
from .coders import get_coder
from .segments import code_span

Span = tuple[int, int]


@dataclass(frozen=True)
class Settled:
    added: list[Span]  # stretches the other coder gained the code on
    removed: list[Span]  # stretches the other coder's code was taken off


def accept_version(
    session: Session,
    response_id: int,
    code_id: int,
    start: int,
    end: int,
    *,
    accepted: str,
    other: str,
) -> Settled:
    """Make `other`'s coding of `code_id` within `[start, end)` what `accepted`'s is."""
    response = session.get(Response, response_id)
    if response is None:
        raise NotFound(None, f"no response {response_id}")
    if not 0 <= start < end <= len(response.text):
        raise InvalidOperation(None, f"span [{start}, {end}) is not inside response {response_id}")
    if accepted == other:
        raise InvalidOperation(None, "accepting a version needs two different coders")
    accepted_id = session.scalar(select(Coder.id).where(Coder.name == accepted))
    if accepted_id is None:
        raise NotFound(None, f"no coder {accepted!r}")
    other_id = get_coder(session, other).id
    theirs = _carrying(session, response_id, code_id, accepted_id)
    wanted = _union((max(s, start), min(e, end)) for _sid, s, e, _codes in theirs)
    removed: list[Span] = []
    for sid, s, e, codes in _carrying(session, response_id, code_id, other_id):
        if s < end and e > start:
            removed.append((max(s, start), min(e, end)))
            _cut(session, sid, s, e, codes, code_id, start, end, other)
    for a, b in wanted:
        _cover(session, response_id, code_id, other_id, other, a, b)
    session.flush()
    session.expire_all()
    # What changed: a stretch both removed and added back is no change.
    return Settled(_minus(wanted, removed), _minus(_union(removed), wanted))


def _carrying(
    session: Session, response_id: int, code_id: int, coder_id: int
) -> list[tuple[int, int, int, set[int]]]:
    """(segment id, start, end, all its codes) of the coder's segments with the code."""
    rows = session.execute(
        select(Segment.id, Segment.start, Segment.end, segment_code.c.code_id)
        .join(segment_code, segment_code.c.segment_id == Segment.id)
        .where(Segment.response_id == response_id, Segment.coder_id == coder_id)
        .order_by(Segment.start, Segment.id)
    )
    found: dict[int, tuple[int, int, int, set[int]]] = {}
    for sid, s, e, code in rows:
        found.setdefault(sid, (sid, s, e, set()))[3].add(code)
    return [f for f in found.values() if code_id in f[3]]


def _cut(
    session: Session,
    segment_id: int,
    s: int,
    e: int,
    codes: set[int],
    code_id: int,
    start: int,
    end: int,
    coder: str,
) -> None:
    """Take the code off `[start, end)` of one segment, keeping everything else."""
    outside = [p for p in ((s, min(e, start)), (max(s, end), e)) if p[0] < p[1]]
    segment = session.get_one(Segment, segment_id)
    if codes == {code_id}:
        if not outside:
            session.execute(delete(segment_code).where(segment_code.c.segment_id == segment_id))
            session.delete(segment)
            session.flush()
            return
        segment.start, segment.end = outside[0]
        session.flush()
        for a, b in outside[1:]:  # the part after the stretch becomes a segment of its own
            code_span(session, segment.response_id, a, b, [code_id], coder=coder)
        return
    session.execute(
        delete(segment_code).where(
            segment_code.c.segment_id == segment_id, segment_code.c.code_id == code_id
        )
    )
    session.expire(segment, ["codes"])
    for a, b in outside:
        code_span(session, segment.response_id, a, b, [code_id], coder=coder)


def _cover(
    session: Session, response_id: int, code_id: int, coder_id: int, coder: str, a: int, b: int
) -> None:
    """Give the coder the code on `[a, b)`: a touching segment of theirs with only this code
    grows over it (and takes in any other such it then meets); else a new segment."""
    touching = [
        (sid, s, e)
        for sid, s, e, codes in _carrying(session, response_id, code_id, coder_id)
        if codes == {code_id} and s <= b and e >= a
    ]
    if not touching:
        code_span(session, response_id, a, b, [code_id], coder=coder)
        return
    keep = session.get_one(Segment, touching[0][0])
    keep.start = min([a, *(s for _sid, s, _e in touching)])
    keep.end = max([b, *(e for _sid, _s, e in touching)])
    for sid, _s, _e in touching[1:]:
        gone = session.get_one(Segment, sid)
        if gone.memo:
            keep.memo = f"{keep.memo}\n\n{gone.memo}" if keep.memo else gone.memo
        session.execute(delete(segment_code).where(segment_code.c.segment_id == sid))
        session.delete(gone)
    session.flush()


def _union(spans: Iterable[Span]) -> list[Span]:
    out: list[Span] = []
    for s, e in sorted(p for p in spans if p[0] < p[1]):
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


def _minus(spans: list[Span], cut: list[Span]) -> list[Span]:
    out: list[Span] = []
    for s, e in spans:
        at = s
        for cs, ce in cut:
            if ce <= at or cs >= e:
                continue
            if cs > at:
                out.append((at, cs))
            at = max(at, ce)
        if at < e:
            out.append((at, e))
    return out
