"""Pinned codes: the codes keys 1-9 apply in the coding panel, kept with the project so
that every coder of a study finds the same keys."""

from __future__ import annotations

import json
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from ...errors import InvalidOperation, NotFound
from ...model import Code, Setting

SETTING_KEY = "coding.pinned_codes"
KEYS = 9


def get_pinned(session: Session) -> list[int | None]:
    """Nine slots, slot i for key i+1; a deleted code leaves its slot empty."""
    raw = session.scalar(select(Setting.value).where(Setting.key == SETTING_KEY))
    try:
        stored = json.loads(raw) if raw else []
    except ValueError:
        stored = []
    slots: list[int | None] = [c if isinstance(c, int) else None for c in stored[:KEYS]]
    slots += [None] * (KEYS - len(slots))
    wanted = {c for c in slots if c is not None}
    existing = set(session.scalars(select(Code.id).where(Code.id.in_(wanted)))) if wanted else set()
    return [c if c in existing else None for c in slots]


def set_pinned(session: Session, code_ids: Sequence[int | None]) -> None:
    """Pin `code_ids` to keys 1, 2, ... (None leaves a key free); at most nine, each once."""
    if len(code_ids) > KEYS:
        raise InvalidOperation(None, f"only {KEYS} codes can be pinned (keys 1-{KEYS})")
    chosen = [c for c in code_ids if c is not None]
    if len(chosen) != len(set(chosen)):
        raise InvalidOperation(None, "a code can be pinned to one key only")
    for cid in chosen:
        if session.get(Code, cid) is None:
            raise NotFound(None, f"no code {cid}")
    slots = [*code_ids, *([None] * (KEYS - len(code_ids)))]
    session.merge(Setting(key=SETTING_KEY, value=json.dumps(slots)))
    session.flush()


def pin(session: Session, code_id: int, key: int) -> None:
    """Put the code on `key` (1-9), taking it off any other key; the key's old code is unpinned."""
    if not 1 <= key <= KEYS:
        raise InvalidOperation(None, f"pinned keys are 1-{KEYS}, not {key}")
    slots = [None if c == code_id else c for c in get_pinned(session)]
    slots[key - 1] = code_id
    set_pinned(session, slots)


def unpin(session: Session, code_id: int) -> None:
    set_pinned(session, [None if c == code_id else c for c in get_pinned(session)])


def key_of(session: Session) -> dict[int, int]:
    """code id -> its key, for showing the keys beside code names."""
    return {c: i + 1 for i, c in enumerate(get_pinned(session)) if c is not None}
