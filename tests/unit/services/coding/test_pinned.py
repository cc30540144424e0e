"""Pinned codes for keys 1-9, kept with the project."""

from __future__ import annotations

import pytest

from dotsdesk.errors import InvalidOperation, NotFound
from dotsdesk.services.coding.codebook import delete_code, ensure_code
from dotsdesk.services.coding.pinned import KEYS, get_pinned, key_of, pin, set_pinned, unpin
from dotsdesk.store import Project


def test_pin_set_unpin_and_deleted_codes(project: Project) -> None:
    with project.write() as s:
        a, b, c = (ensure_code(s, p).id for p in ("Role/Research", "Theme/面试", "Theme/🚀"))
        assert get_pinned(s) == [None] * KEYS
        set_pinned(s, [a, None, b])
    with project.read() as s:
        assert get_pinned(s)[:3] == [a, None, b]
        assert key_of(s) == {a: 1, b: 3}
    with project.write() as s:
        pin(s, a, 9)  # moves, does not duplicate
        pin(s, c, 3)  # replaces b on key 3
        assert key_of(s) == {a: 9, c: 3}
        unpin(s, a)
        assert key_of(s) == {c: 3}
        delete_code(s, c)
        assert get_pinned(s) == [None] * KEYS


def test_refusals(project: Project) -> None:
    with project.write() as s:
        a = ensure_code(s, "A").id
        with pytest.raises(InvalidOperation):
            set_pinned(s, [a, a])
        with pytest.raises(InvalidOperation):
            set_pinned(s, [None] * 10)
        with pytest.raises(InvalidOperation):
            pin(s, a, 0)
        with pytest.raises(NotFound):
            set_pinned(s, [12345])
