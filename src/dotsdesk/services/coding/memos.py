"""Memos on the project, a response, a segment or a code: one text per target, whoever
wrote it last; and the memo list, every memo with what it is on.

A segment keeps its memo on itself (`Segment.memo`); responses and codes use `Memo` rows.
Several rows for one target (an import may bring them) are kept; the newest is the one
shown and edited, so nothing another coder wrote is lost by editing.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ...errors import InvalidOperation, NotFound
from ...model import Code, Coder, Memo, Respondent, Response, Segment, segment_code
from .codebook import code_paths
from .coders import get_coder
from .segments import get_segment


class MemoOn(enum.StrEnum):
    RESPONSE = "response"
    SEGMENT = "segment"
    CODE = "code"


def _newest(session: Session, on: MemoOn, target_id: int) -> Memo | None:
    column = Memo.response_id if on is MemoOn.RESPONSE else Memo.code_id
    return session.scalar(
        select(Memo).where(column == target_id).order_by(Memo.updated.desc(), Memo.id.desc())
    )


def _check_target(session: Session, on: MemoOn, target_id: int) -> None:
    model = Response if on is MemoOn.RESPONSE else Code
    if session.get(model, target_id) is None:
        raise NotFound(None, f"no {on.value} {target_id}")


def get_memo(session: Session, on: MemoOn | str, target_id: int) -> str | None:
    on = MemoOn(on)
    if on is MemoOn.SEGMENT:
        return get_segment(session, target_id).memo
    _check_target(session, on, target_id)
    memo = _newest(session, on, target_id)
    return memo.text if memo is not None else None


def set_memo(
    session: Session,
    on: MemoOn | str,
    target_id: int,
    text: str | None,
    *,
    coder: str | None = None,
) -> None:
    """Write the target's memo; blank text removes it. The writer becomes the memo's coder."""
    on = MemoOn(on)
    text = text if text and text.strip() else None
    if on is MemoOn.SEGMENT:
        get_segment(session, target_id).memo = text
        session.flush()
        return
    _check_target(session, on, target_id)
    memo = _newest(session, on, target_id)
    if text is None:
        if memo is not None:
            session.delete(memo)
    elif memo is None:
        target = {"response_id" if on is MemoOn.RESPONSE else "code_id": target_id}
        session.add(Memo(text=text, coder_id=get_coder(session, coder).id, **target))
    elif memo.text != text:
        memo.text = text
        memo.coder_id = get_coder(session, coder).id
    session.flush()


def add_memo(
    session: Session,
    text: str,
    *,
    response_id: int | None = None,
    code_id: int | None = None,
    coder_id: int | None = None,
    created: datetime | None = None,
) -> Memo | None:
    """Add a memo beside any the target has (an import brings other people's memos; none is
    replaced). On neither a response nor a code, it is a memo on the project. Blank: none."""
    if not text.strip():
        return None
    memo = Memo(response_id=response_id, code_id=code_id, coder_id=coder_id, text=text)
    if created is not None:
        memo.created = memo.updated = created
    session.add(memo)
    session.flush()
    return memo


# -- the memo list -----------------------------------------------------------------------


class MemoKind(enum.StrEnum):
    PROJECT = "project"
    CODE = "code"
    RESPONSE = "response"
    SEGMENT = "segment"


@dataclass(frozen=True)
class MemoEntry:
    """One memo as the memo list and the exports show it. `key` identifies it for editing:
    a `Memo` row's id, or for a segment memo the segment's id. The target is named by code
    path or respondent label, never by identity."""

    kind: MemoKind
    key: int
    text: str
    code: str | None  # the code's path (a code memo); a segment's codes, joined
    respondent: str | None  # the respondent's label (response and segment memos)
    question: str | None
    response_id: int | None
    segment_id: int | None
    excerpt: str | None  # the coded words (segment memos), shortened
    coder: str | None
    updated: datetime | None
    code_id: int | None = None  # a code memo's code


_ORDER = {k: i for i, k in enumerate(MemoKind)}
EXCERPT_CHARS = 120


def list_memos(session: Session, search: str = "") -> list[MemoEntry]:
    """Every memo: the project's, then codes' (by path), responses' and segments' (by
    respondent label). `search` keeps those whose text, code, respondent or coded words
    contain it, case folded (a substring, so Chinese matches as well as English)."""
    paths = code_paths(session)
    coders = dict(session.execute(select(Coder.id, Coder.name)).all())
    out: list[MemoEntry] = []
    rows = session.execute(
        select(Memo, Respondent.label, Response.question)
        .outerjoin(Response, Response.id == Memo.response_id)
        .outerjoin(Respondent, Respondent.id == Response.respondent_id)
    ).all()
    for memo, label, question in rows:
        if memo.code_id is not None:
            kind = MemoKind.CODE
        elif memo.response_id is not None:
            kind = MemoKind.RESPONSE
        else:
            kind = MemoKind.PROJECT
        code = paths.get(memo.code_id) if memo.code_id is not None else None
        coder = coders.get(memo.coder_id)
        target = (label, question, memo.response_id, None, None)
        entry = (kind, memo.id, memo.text, code, *target, coder, memo.updated, memo.code_id)
        out.append(MemoEntry(*entry))
    with_memo = select(Segment.id).where(Segment.memo.is_not(None))
    segs = session.execute(
        select(
            Segment.id,
            Segment.memo,
            Segment.response_id,
            Segment.coder_id,
            Segment.created,
            Respondent.label,
            Response.question,
            func.substr(Response.text, Segment.start + 1, Segment.end - Segment.start),
        )
        .join(Response, Response.id == Segment.response_id)
        .join(Respondent, Respondent.id == Response.respondent_id)
        .where(Segment.id.in_(with_memo))
    ).all()
    codes_of: dict[int, list[str]] = {}
    if segs:
        links = select(segment_code).where(segment_code.c.segment_id.in_(with_memo))
        for sid, cid in session.execute(links):
            codes_of.setdefault(sid, []).append(paths.get(cid, ""))
    for sid, text, rid, coder_id, created, label, question, words in segs:
        code = ", ".join(sorted(codes_of.get(sid, []))) or None
        short = words if len(words) <= EXCERPT_CHARS else words[: EXCERPT_CHARS - 1] + "…"
        target = (label, question, rid, sid, short)
        out.append(
            MemoEntry(MemoKind.SEGMENT, sid, text, code, *target, coders.get(coder_id), created)
        )
    needle = search.strip().casefold()
    if needle:
        out = [m for m in out if needle in _haystack(m)]
    out.sort(key=_sort_key)
    return out


def _haystack(m: MemoEntry) -> str:
    return "\n".join(x for x in (m.text, m.code, m.respondent, m.excerpt) if x).casefold()


def _sort_key(m: MemoEntry) -> tuple[object, ...]:
    return (
        _ORDER[m.kind],
        (m.code or "").casefold(),
        m.respondent or "",
        m.response_id or 0,
        m.key,
    )


def add_project_memo(session: Session, text: str, *, coder: str | None = None) -> int:
    """A memo on the project as a whole (on no code or response); returns its key."""
    memo = add_memo(session, text, coder_id=get_coder(session, coder).id)
    if memo is None:
        raise InvalidOperation(None, "a memo needs some text")
    return memo.id


def edit_memo(
    session: Session, kind: MemoKind | str, key: int, text: str, *, coder: str | None = None
) -> None:
    """Change one memo from the memo list (a segment's memo is its segment's). Blank text
    deletes it, as in the coding view."""
    kind = MemoKind(kind)
    if kind is MemoKind.SEGMENT:
        set_memo(session, MemoOn.SEGMENT, key, text, coder=coder)
        return
    memo = _memo_row(session, key)
    if not text.strip():
        session.delete(memo)
    elif memo.text != text:
        memo.text = text
        memo.coder_id = get_coder(session, coder).id
    session.flush()


def delete_memo(session: Session, kind: MemoKind | str, key: int) -> None:
    kind = MemoKind(kind)
    if kind is MemoKind.SEGMENT:
        get_segment(session, key).memo = None
        session.flush()
        return
    session.delete(_memo_row(session, key))
    session.flush()


def _memo_row(session: Session, key: int) -> Memo:
    memo = session.get(Memo, key)
    if memo is None:
        raise NotFound(None, f"no memo {key}")
    return memo
