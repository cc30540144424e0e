"""The codebook's segment list: pages, previews in code points, scopes; memo tooltips."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from dotsdesk.errors import NotFound
from dotsdesk.model import Memo
from dotsdesk.services.coding.codebook import delete_code, ensure_code
from dotsdesk.services.coding.memos import MemoOn, get_memo, set_memo
from dotsdesk.services.coding.retrieval import (
    code_memos,
    code_scope,
    coders_of,
    count_respondents,
    count_segments,
    segments_with,
)
from dotsdesk.services.coding.segments import code_span
from dotsdesk.store import Project


@pytest.fixture
def coded(project: Project, make_response: Callable[..., int], corpus: dict[str, str]) -> dict:
    """Two respondents; Role/Research and Role/Engineering on overlapping spans."""
    # Keys in the label scheme stay the labels; made in the opposite order to their labels.
    emoji = make_response(corpus["emoji"], key="P02")
    chinese = make_response(corpus["chinese"], key="P01")
    with project.write() as s:
        role = ensure_code(s, "Role").id
        research = ensure_code(s, "Role/Research").id
        engineering = ensure_code(s, "Role/Engineering").id
        rocket = corpus["emoji"].index("🚀")
        code_span(s, emoji, rocket, rocket + 2, [research], coder="ana")
        code_span(s, emoji, 0, len(corpus["emoji"]), [research, engineering], coder="bo")
        code_span(s, chinese, 2, 4, [engineering], coder="ana")
    return {
        "role": role,
        "research": research,
        "engineering": engineering,
        "emoji": emoji,
        "chinese": chinese,
        "rocket": rocket,
    }


def test_segments_of_one_code_by_label_then_position(project: Project, coded: dict) -> None:
    with project.read() as s:
        rows = segments_with(s, [coded["engineering"]])
    assert [(r.respondent, r.response_id) for r in rows] == [
        ("P01", coded["chinese"]),
        ("P02", coded["emoji"]),
    ]
    assert rows[0].preview == "面试" and rows[0].coder == "ana"
    assert rows[1].coder == "bo" and not rows[1].truncated


def test_preview_is_cut_in_code_points(
    project: Project, coded: dict, corpus: dict[str, str]
) -> None:
    with project.read() as s:
        rows = segments_with(s, [coded["research"]], preview=5)
    by_start = {r.start: r for r in rows}
    rocket = coded["rocket"]
    assert by_start[rocket].preview == corpus["emoji"][rocket : rocket + 2]
    assert not by_start[rocket].truncated
    assert by_start[0].preview == corpus["emoji"][:5]
    assert by_start[0].truncated


def test_descendants_count_each_segment_once(project: Project, coded: dict) -> None:
    with project.read() as s:
        own = code_scope(s, coded["role"])
        subtree = code_scope(s, coded["role"], with_descendants=True)
        assert count_segments(s, own) == 0
        assert set(subtree) == {coded["role"], coded["research"], coded["engineering"]}
        # The whole-text segment has both child codes: one row, not two.
        assert count_segments(s, subtree) == 3 == len(segments_with(s, subtree))
        assert count_respondents(s, subtree) == 2
        assert count_respondents(s, [coded["research"]]) == 1
        assert coders_of(s, subtree) == ["ana", "bo"]
        assert coders_of(s, own) == []


def test_pages_cover_the_list_once(project: Project, coded: dict) -> None:
    with project.read() as s:
        ids = code_scope(s, coded["role"], with_descendants=True)
        everything = [r.id for r in segments_with(s, ids)]
        pages = [r.id for offset in range(3) for r in segments_with(s, ids, offset, 1)]
    assert pages == everything


def test_scope_of_a_missing_code(project: Project) -> None:
    with project.read() as s, pytest.raises(NotFound):
        code_scope(s, 999)


def test_code_memos_show_what_get_memo_shows(project: Project, coded: dict) -> None:
    research, engineering = coded["research"], coded["engineering"]
    with project.write() as s:
        assert code_memos(s) == {}
        set_memo(s, MemoOn.CODE, research, "Pure research: ideas,\nexperiments.", coder="ana")
        set_memo(s, MemoOn.CODE, engineering, "Shipping.")
        # An import may bring a second memo for a code: the newest is the one shown.
        s.add(Memo(code_id=research, text="Imported later."))
        s.add(Memo(response_id=coded["emoji"], text="Not a code memo."))
    with project.write() as s:
        memos = code_memos(s)
        assert memos == {research: "Imported later.", engineering: "Shipping."}
        assert all(get_memo(s, MemoOn.CODE, c) == text for c, text in memos.items())
        delete_code(s, engineering)
    with project.read() as s:
        assert code_memos(s) == {research: "Imported later."}
