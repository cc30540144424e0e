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


def test_the_memo_list_shows_every_kind_searchable_and_editable(
    project: Project, make_response: Callable[..., int]
) -> None:
    from dotsdesk.services.coding.memos import (
        MemoKind,
        add_project_memo,
        delete_memo,
        edit_memo,
        list_memos,
    )

    rid = make_response("面试 was hard 🚀 cafe\u0301 at first.")
    with project.write() as s:
        code = ensure_code(s, "Theme/面试")
        sid = code_span(s, rid, 0, 2, [code.id], coder="ann").id
        set_memo(s, MemoOn.SEGMENT, sid, "the word 面试 is the whole point")
        set_memo(s, MemoOn.CODE, code.id, "Interviews: hiring and research", coder="ann")
        set_memo(s, MemoOn.RESPONSE, rid, "Follow up 🚀", coder="bo")
        project_key = add_project_memo(s, "Overall: Café culture", coder="bo")
    with project.read() as s:
        memos = list_memos(s)
        assert [m.kind for m in memos] == list(MemoKind)
        seg = memos[3]
        assert (seg.key, seg.excerpt, seg.code, seg.coder) == (sid, "面试", "Theme/面试", "ann")
        assert memos[2].response_id == rid and memos[2].respondent is not None
        assert memos[1].code == "Theme/面试"
        # Chinese, case-folded English, and the target's name all find a memo.
        assert [m.kind for m in list_memos(s, "面试")] == [MemoKind.CODE, MemoKind.SEGMENT]
        assert [m.key for m in list_memos(s, "CAFÉ")] == [project_key]
        assert list_memos(s, "nothing like this") == []
    with project.write() as s:
        edit_memo(s, MemoKind.PROJECT, project_key, "Overall: 咖啡 culture", coder="ann")
        edit_memo(s, MemoKind.SEGMENT, sid, "   ")  # blank: gone, as in the coding view
        delete_memo(s, MemoKind.RESPONSE, memos[2].key)
    with project.read() as s:
        left = list_memos(s)
        assert [(m.kind, m.text) for m in left] == [
            (MemoKind.PROJECT, "Overall: 咖啡 culture"),
            (MemoKind.CODE, "Interviews: hiring and research"),
        ]
        assert left[0].coder == "ann"
    with project.write() as s, pytest.raises(NotFound):
        delete_memo(s, MemoKind.PROJECT, 999)
