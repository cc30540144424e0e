"""A colleague's copy of the project as plain data, and which of its responses are ours.

Reading and matching are kept apart from writing (`merge.py`): the copy is read in its own
session (another file, or another server), so nothing here depends on both being one
database. Responses are matched by their exact text (`corpus.fingerprints`), and a text
several people gave alike ("Yes.") by whose answer to which question it is.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from ...model import Coder, Memo, Segment, segment_code
from ..corpus.fingerprints import ResponseFingerprint, response_fingerprints
from .codebook import list_codes


@dataclass(frozen=True)
class CopiedCode:
    path: str  # "Theme/Business impact": codes are matched by path
    colour: str
    description: str | None


@dataclass(frozen=True)
class CopiedSegment:
    response_id: int  # the id in the copy
    start: int
    end: int
    coder: str | None
    code_paths: tuple[str, ...]
    memo: str | None
    created: datetime | None


@dataclass(frozen=True)
class CopiedMemo:
    """On a response (`response_id`, the copy's id), a code (`code_path`) or the project."""

    response_id: int | None
    code_path: str | None
    coder: str | None
    text: str
    created: datetime | None


@dataclass(frozen=True)
class ColleagueCopy:
    codes: list[CopiedCode]  # tree order: a parent before its children
    responses: list[ResponseFingerprint]
    segments: list[CopiedSegment]
    memos: list[CopiedMemo]


def read_copy(session: Session) -> ColleagueCopy:
    """Everything a merge brings, read from the colleague's project."""
    codes = list_codes(session, respondents=False)
    paths = {c.id: c.path for c in codes}
    coders = dict(session.execute(select(Coder.id, Coder.name)).all())
    code_links: defaultdict[int, list[str]] = defaultdict(list)
    for sid, cid in session.execute(select(segment_code.c.segment_id, segment_code.c.code_id)):
        code_links[sid].append(paths[cid])
    rows = session.execute(
        select(
            Segment.id,
            Segment.response_id,
            Segment.start,
            Segment.end,
            Segment.coder_id,
            Segment.memo,
            Segment.created,
        ).order_by(Segment.response_id, Segment.start, Segment.id)
    )
    segments = [
        CopiedSegment(rid, a, b, coders.get(who), tuple(sorted(code_links[sid])), memo, made)
        for sid, rid, a, b, who, memo, made in rows
        if code_links.get(sid)
    ]
    memos = [
        CopiedMemo(rid, paths.get(cid) if cid is not None else None, coders.get(who), text, made)
        for rid, cid, who, text, made in session.execute(
            select(Memo.response_id, Memo.code_id, Memo.coder_id, Memo.text, Memo.created).order_by(
                Memo.id
            )
        )
        if text and text.strip()
    ]
    return ColleagueCopy(
        [CopiedCode(c.path, c.colour, c.description) for c in codes],
        list(response_fingerprints(session)),
        segments,
        memos,
    )


@dataclass(frozen=True)
class Unmatched:
    response: ResponseFingerprint  # the copy's response
    reason: str


@dataclass(frozen=True)
class Matching:
    pairs: dict[int, int]  # the copy's response id -> ours
    unmatched: list[Unmatched] = field(default_factory=list)


NOT_HERE = "no response here has this text"
ELSEWHERE = "this text is here, but as another respondent's answer"
SEVERAL = "this respondent has this text here more than once; which one is meant is unclear"


def match_responses(
    theirs: Sequence[ResponseFingerprint], ours: Sequence[ResponseFingerprint]
) -> Matching:
    """Pair each response of the copy with at most one of ours, one to one: by text,
    respondent and question; then by text and respondent; then by text alone, but only for a
    respondent this project does not know (a copy keyed differently), so that a common
    answer is never moved from one person known to both copies to another."""
    pairs: dict[int, int] = {}
    taken: set[int] = set()
    our_people = {r.respondent_key for r in ours}
    tiers: list[Callable[[ResponseFingerprint], Hashable]] = [
        lambda r: (r.text_hash, r.respondent_key, r.question),
        lambda r: (r.text_hash, r.respondent_key),
        lambda r: r.text_hash,
    ]
    for tier, key in enumerate(tiers):
        left: defaultdict[Hashable, list[ResponseFingerprint]] = defaultdict(list)
        for r in theirs:
            if r.id not in pairs and (tier < 2 or r.respondent_key not in our_people):
                left[key(r)].append(r)
        right: defaultdict[Hashable, list[int]] = defaultdict(list)
        for r in ours:
            if r.id not in taken:
                right[key(r)].append(r.id)
        for k, mine in left.items():
            candidates = right.get(k, [])
            if len(mine) == 1 and len(candidates) == 1:
                pairs[mine[0].id] = candidates[0]
                taken.add(candidates[0])
    whose: defaultdict[str, set[str]] = defaultdict(set)  # text -> respondents with it here
    for r in ours:
        whose[r.text_hash].add(r.respondent_key)
    unmatched = []
    for r in theirs:
        if r.id in pairs:
            continue
        people = whose.get(r.text_hash)
        reason = NOT_HERE if not people else SEVERAL if r.respondent_key in people else ELSEWHERE
        unmatched.append(Unmatched(r, reason))
    return Matching(pairs, unmatched)
