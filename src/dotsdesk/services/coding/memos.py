"""Memos on a response, a segment or a code: one text per target, whoever wrote it last.

A segment keeps its memo on itself (`Segment.memo`); responses and codes use `Memo` rows.
Several rows for one target (an import may bring them) are kept; the newest is the one
shown and edited, so nothing another coder wrote is lost by editing.
"""

from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from ...errors import NotFound
from ...model import Code, Memo, Response
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
