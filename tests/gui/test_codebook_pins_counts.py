"""The codebook as a MAXQDA user expects it: parents count their own segments and, after
the dot, those of all their sub-codes; keys 1-9 in a pin row, pinned from the context menu
or by dragging a code onto a key."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QMenu
from sqlalchemy import func, select

from dotsdesk.model import Response, Segment, segment_code
from dotsdesk.services.coding import codebook, pinned
from dotsdesk.services.corpus.respondents import find_respondent
from dotsdesk.ui.codebook import CodebookPanel
from dotsdesk.ui.codebook.mime import code_ids_data
from dotsdesk.ui.codebook.model import CODE_ID_ROLE
from dotsdesk.ui.context import ProjectContext, TextSelection


@pytest.fixture
def panel(qtbot, ctx: ProjectContext) -> Iterator[CodebookPanel]:  # type: ignore[no-untyped-def]
    widget = CodebookPanel(ctx)
    qtbot.addWidget(widget)
    widget.resize(420, 700)
    widget.show()
    yield widget


def code_id(ctx: ProjectContext, path: str) -> int:
    with ctx.read() as s:
        return codebook.find_code(s, path).id


def shown_counts(panel: CodebookPanel, code: int) -> tuple[str, str]:
    model = panel.model
    index = next(
        model.index(r, 0, p)
        for p in [model.index(0, 0).parent(), *[model.index(i, 0) for i in range(model.rowCount())]]
        for r in range(model.rowCount(p))
        if model.index(r, 0, p).data(CODE_ID_ROLE) == code
    )
    return (
        str(index.siblingAtColumn(1).data()),
        str(index.siblingAtColumn(2).data()),
    )


def subtree_truth(ctx: ProjectContext, ids: list[int]) -> tuple[int, int]:
    with ctx.read() as s:
        segments, people = s.execute(
            select(
                func.count(func.distinct(segment_code.c.segment_id)),
                func.count(func.distinct(Response.respondent_id)),
            )
            .join(Segment, Segment.id == segment_code.c.segment_id)
            .join(Response, Response.id == Segment.response_id)
            .where(segment_code.c.code_id.in_(ids))
        ).one()
    return segments, people


def test_parents_show_own_and_all_counts_and_follow_coding(
    panel: CodebookPanel, ctx: ProjectContext
) -> None:
    role = code_id(ctx, "Role")
    with ctx.read() as s:
        under = codebook.descendant_ids(s, role)
    segments, people = subtree_truth(ctx, under)
    assert segments >= 30
    assert shown_counts(panel, role) == (f"0 · {segments}", f"0 · {people}")
    research = code_id(ctx, "Role/Research")
    assert shown_counts(panel, research)[0].isdigit()  # a leaf: just its count
    assert "With its sub-codes" in panel.model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
    # Coding a sub-code (P24's emoji answer) moves the parent's total at once.
    with ctx.read() as s:
        response = find_respondent(s, "P24").responses[0]
        rid, text = response.id, response.text
    at = text.index("🙂")
    ctx.apply_codes([research], TextSelection(rid, at, at + 1))
    assert shown_counts(panel, role)[0] == f"0 · {segments + 1}"
    assert shown_counts(panel, role) == (
        f"0 · {subtree_truth(ctx, under)[0]}",
        f"0 · {subtree_truth(ctx, under)[1]}",
    )
    ctx.undo_stack.undo()
    assert shown_counts(panel, role)[0] == f"0 · {segments}"


def test_the_sample_has_its_codes_pinned_and_the_row_shows_them(
    panel: CodebookPanel, ctx: ProjectContext
) -> None:
    with ctx.read() as s:
        keys = pinned.get_pinned(s)
    assert all(k is not None for k in keys)
    assert keys[0] == code_id(ctx, "Role/Research")
    assert panel.pin_row.slots[0].accessibleName() == "1 Research"
    assert "Role/Research" in panel.pin_row.slots[0].toolTip()


def test_pin_from_the_context_menu_drag_onto_a_key_and_unpin(
    panel: CodebookPanel, ctx: ProjectContext
) -> None:
    ctx.run("Clear keys", lambda s: pinned.set_pinned(s, []))
    assert [s.accessibleName() for s in panel.pin_row.slots] == [str(k) for k in range(1, 10)]
    interview = code_id(ctx, "Theme/Interview")
    with ctx.read() as s:
        info = next(c for c in codebook.list_codes(s) if c.id == interview)
    menu = QMenu()
    panel._add_pin_menu(menu, info)
    keys = menu.findChild(QMenu, "pinMenu")
    keys.actions()[4].trigger()  # "5"
    assert panel.pin_row.pinned_ids()[4] == interview
    assert panel.pin_row.slots[4].accessibleName() == "5 Interview"
    # Drag "Theme/Collaboration" from the tree onto key 2.
    collaboration = code_id(ctx, "Theme/Collaboration")
    slot = panel.pin_row.slots[1]
    data = code_ids_data([collaboration])
    at = QPointF(slot.rect().center())
    enter = QDragEnterEvent(
        at.toPoint(),
        Qt.DropAction.MoveAction,
        data,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    slot.dragEnterEvent(enter)
    assert enter.isAccepted()
    drop = QDropEvent(
        at,
        Qt.DropAction.MoveAction,
        data,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    slot.dropEvent(drop)
    assert panel.pin_row.pinned_ids()[1] == collaboration
    # Unpin from the menu; each change one undo step.
    menu = QMenu()
    panel._add_pin_menu(menu, info)
    unpin = next(a for a in menu.actions() if a.text() == "Unpin")
    unpin.trigger()
    assert interview not in panel.pin_row.pinned_ids()
    ctx.undo_stack.undo()
    assert panel.pin_row.pinned_ids()[4] == interview
    ctx.undo_stack.undo()
    assert panel.pin_row.pinned_ids()[1] is None
