"""Many coded segments at once, each with its own codes, coder and memo (project imports).

The same rule as coding by hand: the same span of the same response by the same coder is one
segment, which gains the codes it lacks, rather than a second segment. One query per batch of
responses and multi-row INSERTs: tens of thousands of segments go in within seconds.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import cast

from sqlalchemy import Table, insert, select
from sqlalchemy.orm import Session

from ...model import Segment, segment_code

_BATCH = 500  # ids per IN (...): well under SQLite's limit on bound parameters


@dataclass(frozen=True)
class NewSegment:
    response_id: int
    start: int  # code points, end exclusive; checked by the caller and by the database
    end: int
    coder_id: int | None
    code_ids: tuple[int, ...]
    memo: str | None = None
    created: datetime | None = None


@dataclass(frozen=True)
class BulkCoding:
    added: int  # new segments
    extended: int  # existing segments that gained codes or a memo
    unchanged: int  # already there with all their codes
    merged: int = 0  # rows given for a span, coder and response another row had


def _join_memo(old: str | None, new: str | None) -> str | None:
    if not new or (old and new in old):
        return old
    return f"{old}\n\n{new}" if old else new


def add_coded_segments(session: Session, rows: Sequence[NewSegment]) -> BulkCoding:
    merged: dict[tuple[int, int, int, int | None], NewSegment] = {}
    for row in rows:  # the file may code one span twice: one segment, all the codes
        key = (row.response_id, row.start, row.end, row.coder_id)
        seen = merged.get(key)
        if seen is None:
            merged[key] = row
        else:
            merged[key] = NewSegment(
                *key,
                tuple(dict.fromkeys(seen.code_ids + row.code_ids)),
                _join_memo(seen.memo, row.memo),
                seen.created,
            )
    existing = _existing(session, sorted({k[0] for k in merged}))
    links: list[dict[str, int]] = []
    fresh: list[NewSegment] = []
    extended = unchanged = 0
    for key, row in merged.items():
        found = existing.get(key)
        if found is None:
            fresh.append(row)
            continue
        segment_id, codes, memo = found
        missing = [c for c in row.code_ids if c not in codes]
        links += [{"segment_id": segment_id, "code_id": c} for c in missing]
        new_memo = _join_memo(memo, row.memo)
        if new_memo != memo:
            session.get_one(Segment, segment_id).memo = new_memo
        if missing or new_memo != memo:
            extended += 1
        else:
            unchanged += 1
    if fresh:
        values = [
            {
                "response_id": r.response_id,
                "start": r.start,
                "end": r.end,
                "coder_id": r.coder_id,
                "memo": r.memo,
                **({"created": r.created} if r.created is not None else {}),
            }
            for r in fresh
        ]
        # Each new row's key (response, span, coder) is unique, so RETURNING the key finds
        # each row's id without asking for the rows' order, which SQLite can only give by
        # inserting one row per statement. Rows without `created` take the default; rows
        # of one shape are batched together.
        codes_of = {(r.response_id, r.start, r.end, r.coder_id): r.code_ids for r in fresh}
        for shape in (True, False):
            part = [v for v in values if ("created" in v) is shape]
            if not part:
                continue
            returned = session.execute(
                insert(cast(Table, Segment.__table__)).returning(
                    Segment.id, Segment.response_id, Segment.start, Segment.end, Segment.coder_id
                ),
                part,
            )
            for sid, response_id, start, end, coder_id in returned:
                code_ids = codes_of[(response_id, start, end, coder_id)]
                links += [{"segment_id": sid, "code_id": c} for c in code_ids]
    if links:
        session.execute(insert(segment_code), links)
    session.flush()
    return BulkCoding(len(fresh), extended, unchanged, len(rows) - len(merged))


def _existing(
    session: Session, response_ids: list[int]
) -> dict[tuple[int, int, int, int | None], tuple[int, set[int], str | None]]:
    out: dict[tuple[int, int, int, int | None], tuple[int, set[int], str | None]] = {}
    for i in range(0, len(response_ids), _BATCH):
        batch = response_ids[i : i + _BATCH]
        rows = session.execute(
            select(
                Segment.id,
                Segment.response_id,
                Segment.start,
                Segment.end,
                Segment.coder_id,
                Segment.memo,
                segment_code.c.code_id,
            )
            .outerjoin(segment_code, segment_code.c.segment_id == Segment.id)
            .where(Segment.response_id.in_(batch))
        )
        for sid, rid, start, end, coder, memo, code in rows:
            entry = out.setdefault((rid, start, end, coder), (sid, set(), memo))
            if code is not None:
                entry[1].add(code)
    return out
