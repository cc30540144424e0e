"""Memos on responses, segments and codes: one text per target, blank removes it."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from sqlalchemy import func, select

from dotsdesk.errors import NotFound
from dotsdesk.model import Coder, Memo
from dotsdesk.services.coding.codebook import ensure_code
from dotsdesk.services.coding.memos import MemoOn, get_memo, set_memo
from dotsdesk.services.coding.segments import code_span
from dotsdesk.store import Project


def _memo_rows(project: Project) -> int:
    with project.read() as s:
        return s.scalar(select(func.count(Memo.id))) or 0


def test_response_memo_set_edit_clear(project: Project, make_response: Callable[..., int]) -> None:
    rid = make_response("Launch day 🚀 went well.")
    with project.read() as s:
        assert get_memo(s, MemoOn.RESPONSE, rid) is None
    with project.write() as s:
        set_memo(s, "response", rid, "Follow up about 🚀", coder="ann")
    with project.write() as s:
        set_memo(s, MemoOn.RESPONSE, rid, "Follow up: asked on 3 May", coder="bo")
    with project.read() as s:
        assert get_memo(s, MemoOn.RESPONSE, rid) == "Follow up: asked on 3 May"
        memo = s.scalar(select(Memo))
        assert memo is not None and memo.response_id == rid
        assert s.get(Coder, memo.coder_id).name == "bo"  # type: ignore[union-attr]
    assert _memo_rows(project) == 1  # edited in place, not a second memo
    with project.write() as s:
        set_memo(s, MemoOn.RESPONSE, rid, "   ")
    assert _memo_rows(project) == 0


def test_code_memo_and_segment_memo(project: Project, make_response: Callable[..., int]) -> None:
    rid = make_response("我在面试的时候被问到很多问题")
    with project.write() as s:
        code = ensure_code(s, "Theme/Interview")
        seg = code_span(s, rid, 2, 4, [code.id])
        set_memo(s, MemoOn.CODE, code.id, "Interview questions, any stage")
        set_memo(s, MemoOn.SEGMENT, seg.id, "面试 = interview")
        code_id, seg_id = code.id, seg.id
    with project.read() as s:
        assert get_memo(s, MemoOn.CODE, code_id) == "Interview questions, any stage"
        assert get_memo(s, MemoOn.SEGMENT, seg_id) == "面试 = interview"
    with project.write() as s:
        set_memo(s, MemoOn.SEGMENT, seg_id, "")
    with project.read() as s:
        assert get_memo(s, MemoOn.SEGMENT, seg_id) is None


def test_newest_of_several_memos_is_the_one_edited(
    project: Project, make_response: Callable[..., int]
) -> None:
    rid = make_response("Two coders wrote memos here.")
    with project.write() as s:
        s.add(Memo(response_id=rid, text="first coder's memo"))
        s.flush()
        s.add(Memo(response_id=rid, text="second coder's memo"))
    with project.read() as s:
        assert get_memo(s, MemoOn.RESPONSE, rid) == "second coder's memo"
    with project.write() as s:
        set_memo(s, MemoOn.RESPONSE, rid, "second, edited")
    with project.read() as s:
        texts = sorted(s.scalars(select(Memo.text)))
    assert texts == ["first coder's memo", "second, edited"]


@pytest.mark.parametrize("on", list(MemoOn))
def test_missing_target_is_not_found(project: Project, on: MemoOn) -> None:
    with project.write() as s, pytest.raises(NotFound):
        set_memo(s, on, 999, "x")
    with project.read() as s, pytest.raises(NotFound):
        get_memo(s, on, 999)
