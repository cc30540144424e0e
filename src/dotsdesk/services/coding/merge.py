"""Merging a colleague's copy: their segments and memos come in, nothing twice.

One call is one transaction (the caller's): the copy's codes are found here by path and the
missing ones made with their colour and description; each segment keeps its coder (the same
span of the same response by the same coder gains the codes it lacks instead of becoming a
second segment, so merging again adds nothing); a memo already here with the same text by
the same coder is not added again. What could not be placed is reported, never guessed.
Plain SQLAlchemy: the project may be a file or a server.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from ...model import Coder, Memo
from ..corpus.fingerprints import response_fingerprints
from .bulk import BulkCoding, NewSegment, add_coded_segments
from .codebook import add_code, code_paths, split_path
from .coders import get_coder
from .colleague import ColleagueCopy, Unmatched, match_responses
from .memos import add_memo

Progress = Callable[[int, int], None]
_STEPS = 5


@dataclass(frozen=True)
class MissedResponse:
    """A response of the copy with coding or memos that found no place here."""

    respondent: str
    question: str | None
    preview: str
    reason: str
    segments: int
    memos: int


@dataclass(frozen=True)
class MergeReport:
    responses_matched: int
    missed: list[MissedResponse]  # with something to bring
    uncoded_missed: int  # responses of the copy not found here, with nothing to bring
    codes_created: list[str]
    segments: BulkCoding
    segments_missed: int  # on responses not found here
    memos_added: int
    memos_present: int
    memos_missed: int
    coders: list[str] = field(default_factory=list)  # whose segments the copy holds

    @property
    def changed(self) -> bool:
        return bool(
            self.codes_created or self.segments.added or self.segments.extended or self.memos_added
        )

    def lines(self) -> list[str]:
        s = self.segments
        out = [
            f"responses: {self.responses_matched} matched by their text, "
            f"{len(self.missed) + self.uncoded_missed} not found here",
            f"segments: {s.added} added, {s.extended} gained codes or a memo, "
            f"{s.unchanged} already here"
            + (f", {self.segments_missed} not placed" if self.segments_missed else ""),
            f"memos: {self.memos_added} added, {self.memos_present} already here"
            + (f", {self.memos_missed} not placed" if self.memos_missed else ""),
        ]
        if self.coders:
            out.append("coders in the copy: " + ", ".join(self.coders))
        if self.codes_created:
            out.append(
                f"codes created ({len(self.codes_created)}): " + ", ".join(self.codes_created)
            )
        for m in self.missed:
            what = _counted(m.segments, "segment") + (
                f" and {_counted(m.memos, 'memo')}" if m.memos else ""
            )
            where = f"{m.respondent}" + (f", {m.question}" if m.question else "")
            out.append(f"not placed: {what} on {where} “{m.preview}”: {m.reason}")
        if self.uncoded_missed:
            out.append(
                f"{self.uncoded_missed} response(s) of the copy are not here but carry no "
                "coding or memo; nothing of theirs was needed"
            )
        return out


def merge_copy(
    session: Session, copy: ColleagueCopy, progress: Progress | None = None
) -> MergeReport:
    """Bring the copy's codes, segments and memos into this project (one transaction)."""
    tick = progress or (lambda _done, _total: None)
    tick(0, _STEPS)
    matching = match_responses(copy.responses, list(response_fingerprints(session)))
    tick(1, _STEPS)
    code_ids, created = _codes(session, copy)
    tick(2, _STEPS)
    coder_ids: dict[str | None, int | None] = {None: None}
    for name in sorted({s.coder for s in copy.segments} | {m.coder for m in copy.memos}, key=str):
        if name is not None:
            coder_ids[name] = get_coder(session, name).id
    rows = [
        NewSegment(
            matching.pairs[s.response_id],
            s.start,
            s.end,
            coder_ids[s.coder],
            tuple(code_ids[p] for p in s.code_paths),
            s.memo,
            s.created,
        )
        for s in copy.segments
        if s.response_id in matching.pairs
    ]
    coded = add_coded_segments(session, rows)
    tick(3, _STEPS)
    added, present, memos_missed = _memos(session, copy, matching.pairs, code_ids, coder_ids)
    tick(4, _STEPS)
    missed, uncoded = _missed(copy, matching.unmatched)
    tick(5, _STEPS)
    return MergeReport(
        responses_matched=len(matching.pairs),
        missed=missed,
        uncoded_missed=uncoded,
        codes_created=created,
        segments=coded,
        segments_missed=len(copy.segments) - len(rows),
        memos_added=added,
        memos_present=present,
        memos_missed=memos_missed,
        coders=sorted({s.coder for s in copy.segments if s.coder is not None}),
    )


def _codes(session: Session, copy: ColleagueCopy) -> tuple[dict[str, int], list[str]]:
    """path -> our code id for every code of the copy, making those we lack (parents first,
    as the copy lists them) with the copy's colour and description."""
    ours = {path: cid for cid, path in code_paths(session).items()}
    created: list[str] = []
    for code in copy.codes:
        if code.path in ours:
            continue
        names = split_path(code.path)
        parent = "/".join(names[:-1])
        made = add_code(
            session,
            names[-1],
            ours[parent] if parent else None,
            colour=code.colour,
            description=code.description,
        )
        ours[code.path] = made.id
        created.append(code.path)
    return ours, created


def _memos(
    session: Session,
    copy: ColleagueCopy,
    pairs: dict[int, int],
    code_ids: dict[str, int],
    coder_ids: dict[str | None, int | None],
) -> tuple[int, int, int]:
    """(added, already here, not placed): a memo is here when its target has a memo with
    the same text by the same coder."""
    names = dict(session.execute(select(Coder.id, Coder.name)).all())
    have = {
        (rid, cid, names.get(who), text.strip())
        for rid, cid, who, text in session.execute(
            select(Memo.response_id, Memo.code_id, Memo.coder_id, Memo.text)
        )
    }
    added = present = missed = 0
    for memo in copy.memos:
        response_id = pairs.get(memo.response_id) if memo.response_id is not None else None
        if memo.response_id is not None and response_id is None:
            missed += 1
            continue
        code_id = code_ids[memo.code_path] if memo.code_path is not None else None
        key = (response_id, code_id, memo.coder, memo.text.strip())
        if key in have:
            present += 1
            continue
        add_memo(
            session,
            memo.text,
            response_id=response_id,
            code_id=code_id,
            coder_id=coder_ids[memo.coder],
            created=memo.created,
        )
        have.add(key)
        added += 1
    return added, present, missed


def _missed(copy: ColleagueCopy, unmatched: list[Unmatched]) -> tuple[list[MissedResponse], int]:
    segments: dict[int, int] = {}
    for s in copy.segments:
        segments[s.response_id] = segments.get(s.response_id, 0) + 1
    memos: dict[int, int] = {}
    for m in copy.memos:
        if m.response_id is not None:
            memos[m.response_id] = memos.get(m.response_id, 0) + 1
    missed: list[MissedResponse] = []
    uncoded = 0
    for u in unmatched:
        r = u.response
        n, k = segments.get(r.id, 0), memos.get(r.id, 0)
        if n or k:
            missed.append(MissedResponse(r.respondent, r.question, r.preview, u.reason, n, k))
        else:
            uncoded += 1
    return missed, uncoded


def _counted(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"
