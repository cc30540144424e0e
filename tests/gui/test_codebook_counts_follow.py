"""The codebook's counts follow coding exactly, step by step: apply, apply again to the same
span, undo, redo, remove a code and the last code, in a Chinese answer and an emoji one;
each code's own counts and each parent's total with its sub-codes are, after every step,
the counts a fresh `list_codes` gives, also when segments changed without saying which."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from dotsdesk.model import Segment
from dotsdesk.services.coding import codebook
from dotsdesk.services.coding.coders import get_coder
from dotsdesk.services.coding.segments import add_segments, code_span
from dotsdesk.services.corpus.respondents import find_respondent
from dotsdesk.ui.codebook import CodebookPanel
from dotsdesk.ui.codebook.model import CODE_ID_ROLE
from dotsdesk.ui.coding.ops import CodingOps
from dotsdesk.ui.context import ProjectContext, TextSelection, Touched


@pytest.fixture
def panel(qtbot, ctx: ProjectContext) -> Iterator[CodebookPanel]:  # type: ignore[no-untyped-def]
    widget = CodebookPanel(ctx)
    qtbot.addWidget(widget)
    widget.show()
    yield widget


def shown(panel: CodebookPanel) -> dict[int, tuple[str, str]]:
    """Every row's two count cells as the tree shows them ("3" or "0 · 12")."""
    model, out = panel.model, {}
    pending = [model.index(r, 0) for r in range(model.rowCount())]
    while pending:
        index = pending.pop()
        out[index.data(CODE_ID_ROLE)] = (
            str(index.siblingAtColumn(1).data()),
            str(index.siblingAtColumn(2).data()),
        )
        pending.extend(model.index(r, 0, index) for r in range(model.rowCount(index)))
    return out


def truth(ctx: ProjectContext) -> dict[int, tuple[str, str]]:
    """The same cells from a fresh count of the whole project."""
    with ctx.read() as s:
        infos = codebook.list_codes(s)
    return {
        c.id: (str(c.segments), str(c.respondents))
        if c.subtree is None
        else (f"{c.segments} · {c.subtree[0]}", f"{c.respondents} · {c.subtree[1]}")
        for c in infos
    }


def answer(ctx: ProjectContext, key: str) -> tuple[int, str]:
    with ctx.read() as s:
        response = find_respondent(s, key).responses[0]
        return response.id, response.text


def code(ctx: ProjectContext, path: str) -> int:
    with ctx.read() as s:
        return codebook.find_code(s, path).id


def test_counts_after_apply_undo_redo_and_remove(panel: CodebookPanel, ctx: ProjectContext) -> None:
    ops = CodingOps(ctx)
    research, engineering = code(ctx, "Role/Research"), code(ctx, "Role/Engineering")
    business = code(ctx, "Theme/Business impact")
    role = code(ctx, "Role")
    assert shown(panel) == truth(ctx)
    steps = 0

    def check() -> None:
        nonlocal steps
        steps += 1
        assert shown(panel) == truth(ctx), f"after step {steps}"

    for key, piece in (("P24", "🙂"), ("P12", "网约车调度")):
        rid, text = answer(ctx, key)
        at = text.index(piece)
        span = TextSelection(rid, at, at + len(piece))
        before = shown(panel)[role]
        segment = ctx.apply_codes([research], span)
        assert segment is not None
        check()
        assert shown(panel)[role] != before  # a new segment under Role: its total moved
        assert ctx.apply_codes([engineering, business], span) == segment  # the same segment
        check()
        ctx.undo_stack.undo()
        check()
        ctx.undo_stack.redo()
        check()
        ops.remove_code(segment, research, "Role/Research", rid)
        check()
        ops.remove_code(segment, engineering, "Role/Engineering", rid)
        check()
        ops.remove_code(segment, business, "Theme/Business impact", rid)  # the last: gone
        check()
        ctx.undo_stack.undo()
        check()
        for _ in range(4):
            ctx.undo_stack.undo()
            check()
        assert shown(panel)[role] == before


def test_counts_after_segments_changed_without_saying(
    qtbot, panel: CodebookPanel, ctx: ProjectContext
) -> None:  # type: ignore[no-untyped-def]
    """A change that does not say which segments it touched (here: coding with no `touched`,
    as an import or a colleague's change) is recounted, and later moves start from it."""
    research, hybrid = code(ctx, "Role/Research"), code(ctx, "Role/Hybrid")
    rid, text = answer(ctx, "P12")
    ctx.apply_codes([research], TextSelection(rid, 0, 2))
    assert shown(panel) == truth(ctx)

    def quietly(s: Session) -> int:
        return code_span(s, rid, 3, 6, [hybrid], coder="somebody else").id

    other = ctx.run("Code", quietly)
    assert other is not None
    qtbot.waitUntil(lambda: shown(panel) == truth(ctx))
    CodingOps(ctx).remove_code(other, hybrid, "Role/Hybrid", rid)
    assert shown(panel) == truth(ctx)
    ctx.undo_stack.undo()
    assert shown(panel) == truth(ctx)
    assert text[3:6]  # the span coded is real text (Chinese)


def test_counts_after_coding_a_response_just_shown(
    qtbot, panel: CodebookPanel, ctx: ProjectContext
) -> None:  # type: ignore[no-untyped-def]
    """Showing a response has its coding read a moment later; the first code applied there
    moves from it, and a change nobody said about after that is still recounted."""
    research, hybrid = code(ctx, "Role/Research"), code(ctx, "Role/Hybrid")
    rid, text = answer(ctx, "P24")
    at = text.index("🙂")
    ctx.responseActivated.emit(rid)
    qtbot.wait(400)
    segment = ctx.apply_codes([research], TextSelection(rid, at, at + 1))
    assert segment is not None and shown(panel) == truth(ctx)
    ctx.run("Code", lambda s: code_span(s, rid, 0, 3, [hybrid], coder="somebody else").id)
    qtbot.waitUntil(lambda: shown(panel) == truth(ctx))
    ctx.apply_codes([hybrid], TextSelection(rid, at, at + 1))
    assert shown(panel) == truth(ctx)
    ctx.undo_stack.undo()
    assert shown(panel) == truth(ctx)
    ctx.undo_stack.undo()  # the change nobody said about: recounted just after
    qtbot.waitUntil(lambda: shown(panel) == truth(ctx))
    ctx.undo_stack.undo()
    assert shown(panel) == truth(ctx)


def test_many_segments_at_once_and_the_columns_widen(
    panel: CodebookPanel, ctx: ProjectContext
) -> None:
    """One action that says it made a hundred segments moves the counts by all of them, and
    the count columns widen for the longer numbers (and narrow again after undo)."""
    research = code(ctx, "Role/Research")
    rid, text = answer(ctx, "P12")
    spans = [(rid, i, i + n) for i in range(1, 61) for n in (1, 2)]
    assert spans[-1][2] <= len(text)
    ctx.apply_codes([research], TextSelection(rid, 0, 1))  # the response's coding known
    width = panel.tree.header().sectionSize(1)

    def many(s: Session) -> frozenset[int]:
        who = get_coder(s, "批量 🙂").id
        add_segments(s, spans, [research], who)
        return frozenset(s.scalars(select(Segment.id).where(Segment.coder_id == who)))

    made = ctx.run("Code many", many, lambda ids: Touched(rid, ids, frozenset({research})))
    assert made is not None and len(made) == 120
    assert shown(panel) == truth(ctx)
    assert panel.tree.header().sectionSize(1) > width
    ctx.undo_stack.undo()
    assert shown(panel) == truth(ctx)
    assert panel.tree.header().sectionSize(1) == width
