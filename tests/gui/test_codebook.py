"""The codebook panel on the real sample project: every edit changes the database, undo
restores it exactly, redo re-applies it; drops code text; the segment list jumps to text."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QMimeData, QModelIndex, QPointF, Qt
from PySide6.QtGui import QColor, QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QColorDialog, QDialog, QLineEdit, QMessageBox
from sqlalchemy import select

from dotsdesk.model import Memo, Segment, segment_code
from dotsdesk.services.coding import codebook
from dotsdesk.services.coding.memos import MemoOn, get_memo
from dotsdesk.services.coding.segments import segments_of
from dotsdesk.ui.codebook import CodebookPanel
from dotsdesk.ui.codebook.dialogs import CodeDetailsDialog, MergeDialog
from dotsdesk.ui.codebook.mime import SEGMENT_MIME, segment_id, selection_data
from dotsdesk.ui.codebook.model import CODE_ID_ROLE, CodebookModel
from dotsdesk.ui.coding.ops import CodingOps
from dotsdesk.ui.context import ProjectContext, TextSelection


@pytest.fixture
def panel(qtbot, ctx: ProjectContext) -> Iterator[CodebookPanel]:  # type: ignore[no-untyped-def]
    widget = CodebookPanel(ctx)
    qtbot.addWidget(widget)
    widget.resize(400, 700)
    widget.show()
    yield widget


def codes(ctx: ProjectContext) -> list[codebook.CodeInfo]:
    with ctx.read() as s:
        return codebook.list_codes(s)


def state(ctx: ProjectContext) -> tuple[object, ...]:
    """Everything a codebook edit may touch, to compare before, after undo, after redo."""
    with ctx.read() as s:
        return (
            codebook.list_codes(s),
            sorted(s.execute(select(segment_code.c.segment_id, segment_code.c.code_id)).all()),
            s.execute(select(Segment.id, Segment.response_id, Segment.start, Segment.end)).all(),
            s.execute(select(Memo.id, Memo.code_id, Memo.text)).all(),
        )


def code_id(ctx: ProjectContext, path: str) -> int:
    with ctx.read() as s:
        return codebook.find_code(s, path).id


def rows(model: CodebookModel, parent: QModelIndex | None = None) -> Iterator[QModelIndex]:
    parent = parent or QModelIndex()
    for row in range(model.rowCount(parent)):
        index = model.index(row, 0, parent)
        yield index
        yield from rows(model, index)


def undo_redo(ctx: ProjectContext, before: tuple[object, ...]) -> None:
    after = state(ctx)
    assert after != before
    ctx.undo_stack.undo()
    assert state(ctx) == before
    ctx.undo_stack.redo()
    assert state(ctx) == after


def test_tree_shows_the_codes_with_counts(panel: CodebookPanel, ctx: ProjectContext) -> None:
    model = panel.model
    shown = []
    for index in rows(model):
        parent = model.data(index.parent(), CODE_ID_ROLE)
        counts = [model.index(index.row(), c, index.parent()).data() for c in (1, 2)]
        shown.append((index.data(CODE_ID_ROLE), parent, index.data(), *counts))
    expected = [(c.id, c.parent_id, c.name, *displayed(c)) for c in codes(ctx)]
    assert shown == expected
    hybrid = model.index_of(code_id(ctx, "Role/Hybrid"))
    assert "research and engineering" in hybrid.data(Qt.ItemDataRole.ToolTipRole)
    assert not hybrid.data(Qt.ItemDataRole.DecorationRole).isNull()
    assert all(panel.tree.isExpanded(i) for i in rows(model) if model.hasChildren(i))
    assert not panel.delete_action.isEnabled()  # nothing selected yet


def test_add_a_child_then_rename_it_inline(qtbot, panel: CodebookPanel, ctx) -> None:  # type: ignore[no-untyped-def]
    role = code_id(ctx, "Role")
    panel.select_code(role)
    before = state(ctx)
    panel.add_action.trigger()
    assert "Role/New code" in [c.path for c in codes(ctx)]
    undo_redo(ctx, before)
    # Typing a name into the editor the tree opened renames it: a second undo step.
    panel.select_code(code_id(ctx, "Role/New code"))
    panel.rename_action.trigger()
    editor = panel.tree.indexWidget(panel.tree.currentIndex())
    assert isinstance(editor, QLineEdit)
    editor.setText("Manager")
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # the delegate commits from the event loop
    qtbot.waitUntil(lambda: panel.tree.state() == panel.tree.State.NoState)
    paths = [c.path for c in codes(ctx)]
    assert "Role/Manager" in paths and "Role/New code" not in paths
    assert panel.selected_code().path == "Role/Manager"  # type: ignore[union-attr]
    ctx.undo_stack.undo()
    ctx.undo_stack.undo()
    assert state(ctx) == before


def test_add_top_level_when_nothing_is_selected(panel: CodebookPanel, ctx) -> None:  # type: ignore[no-untyped-def]
    panel.add_action.trigger()
    panel.add_top_action.trigger()
    assert [c.path for c in codes(ctx) if c.parent_id is None][-2:] == [
        "New code",
        "New code 2",
    ]


def test_rename_clash_is_refused_with_a_message(qtbot, panel: CodebookPanel, ctx) -> None:  # type: ignore[no-untyped-def]
    before = state(ctx)
    index = panel.model.index_of(code_id(ctx, "Role/Hybrid"))
    with qtbot.waitSignal(ctx.error) as error:
        assert not panel.model.setData(index, "Research")
    assert "already exists" in error.args[0]
    assert state(ctx) == before and ctx.undo_stack.count() == 0


def test_recolour(panel: CodebookPanel, ctx, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    hybrid = code_id(ctx, "Role/Hybrid")
    panel.select_code(hybrid)
    before = state(ctx)
    monkeypatch.setattr(QColorDialog, "getColor", lambda *a, **k: QColor("#123abc"))
    panel.recolour_action.trigger()
    assert next(c for c in codes(ctx) if c.id == hybrid).colour == "#123ABC"
    undo_redo(ctx, before)


def test_description_and_memo(panel: CodebookPanel, ctx, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    hybrid = code_id(ctx, "Role/Hybrid")
    panel.select_code(hybrid)
    before = state(ctx)

    def answer(dialog: CodeDetailsDialog) -> int:
        dialog.description_edit.setPlainText("Both, end to end.")
        dialog.memo_edit.setPlainText("Most respondents: is this the default now?")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(CodeDetailsDialog, "exec", answer)
    panel.memo_action.trigger()
    with ctx.read() as s:
        assert codebook.get_code(s, hybrid).description == "Both, end to end."
        assert get_memo(s, MemoOn.CODE, hybrid) == "Most respondents: is this the default now?"
    assert "default now?" in panel.model.index_of(hybrid).data(Qt.ItemDataRole.ToolTipRole)
    undo_redo(ctx, before)
    assert ctx.undo_stack.count() == 1  # both fields: one step


def drag(model: CodebookModel, code: int) -> QMimeData:
    return model.mimeData([model.index_of(code)])


def test_drop_onto_a_code_makes_a_child(panel: CodebookPanel, ctx) -> None:  # type: ignore[no-untyped-def]
    model, hybrid, theme = panel.model, code_id(ctx, "Role/Hybrid"), code_id(ctx, "Theme")
    panel.select_code(hybrid)
    before = state(ctx)
    move = Qt.DropAction.MoveAction
    assert model.dropMimeData(drag(model, hybrid), move, -1, 0, model.index_of(theme))
    assert codes(ctx)[-1].path == "Theme/Hybrid"
    # The tree was rebuilt, but the moved code is still the selected one, and visible.
    assert panel.selected_code().path == "Theme/Hybrid"  # type: ignore[union-attr]
    assert panel.tree.isExpanded(model.index_of(theme))
    undo_redo(ctx, before)


def test_drop_between_codes_reorders(panel: CodebookPanel, ctx) -> None:  # type: ignore[no-untyped-def]
    model, role = panel.model, code_id(ctx, "Role")
    before = state(ctx)
    hybrid = code_id(ctx, "Role/Hybrid")
    # Hybrid (row 2) before Research (row 0); then Research (row 0) after Engineering.
    assert model.dropMimeData(
        drag(model, hybrid), Qt.DropAction.MoveAction, 0, 0, model.index_of(role)
    )
    assert [c.name for c in codes(ctx) if c.parent_id == role] == [
        "Hybrid",
        "Research",
        "Engineering",
    ]
    research = code_id(ctx, "Role/Research")
    assert model.dropMimeData(
        drag(model, research), Qt.DropAction.MoveAction, 3, 0, model.index_of(role)
    )
    assert [c.name for c in codes(ctx) if c.parent_id == role] == [
        "Hybrid",
        "Engineering",
        "Research",
    ]
    ctx.undo_stack.undo()
    ctx.undo_stack.undo()
    assert state(ctx) == before


def test_drop_into_own_child_or_onto_a_clash_is_refused(qtbot, panel: CodebookPanel, ctx) -> None:  # type: ignore[no-untyped-def]
    model, role, theme = panel.model, code_id(ctx, "Role"), code_id(ctx, "Theme")
    move = Qt.DropAction.MoveAction
    research = code_id(ctx, "Role/Research")
    assert not model.canDropMimeData(drag(model, role), move, -1, 0, model.index_of(research))
    ctx.run("Add", lambda s: codebook.add_code(s, "Research", theme))
    before = state(ctx)
    with qtbot.waitSignal(ctx.error) as error:
        assert not model.dropMimeData(drag(model, research), move, -1, 0, model.index_of(theme))
    assert "already exists" in error.args[0]
    assert state(ctx) == before


def test_merge_reports_and_undoes(qtbot, panel: CodebookPanel, ctx, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    research, hybrid = code_id(ctx, "Role/Research"), code_id(ctx, "Role/Hybrid")
    panel.select_code(research)
    before = state(ctx)
    offered: list[list[int]] = []

    def choose(dialog: MergeDialog) -> int:
        offered.append(dialog._ids)
        dialog.select(hybrid)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(MergeDialog, "exec", choose)
    with qtbot.waitSignal(ctx.status) as status:
        panel.merge_action.trigger()
    assert research not in offered[0] and hybrid in offered[0]
    assert "Merged Role/Research into Role/Hybrid: 6 segments moved" in status.args[0]
    merged = {c.path: c for c in codes(ctx)}
    assert "Role/Research" not in merged and merged["Role/Hybrid"].segments == 24
    assert panel.selected_code().id == hybrid  # type: ignore[union-attr]
    undo_redo(ctx, before)


def test_delete_asks_with_the_impact(panel: CodebookPanel, ctx, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    role = code_id(ctx, "Role")
    panel.select_code(role)
    with ctx.read() as s:
        impact = codebook.delete_impact(s, role)
    assert impact.codes == 4 and impact.segments_deleted + impact.segments_uncoded == 30
    asked: list[str] = []

    def say(answer: QMessageBox.StandardButton):  # type: ignore[no-untyped-def]
        def question(parent, title, text, *args):  # type: ignore[no-untyped-def]
            asked.append(text)
            return answer

        return question

    before = state(ctx)
    monkeypatch.setattr(QMessageBox, "question", say(QMessageBox.StandardButton.No))
    panel.delete_action.trigger()
    assert state(ctx) == before
    assert "4 codes" in asked[0] and f"{impact.segments_deleted} segments" in asked[0]
    monkeypatch.setattr(QMessageBox, "question", say(QMessageBox.StandardButton.Yes))
    panel.delete_action.trigger()
    assert [c.path for c in codes(ctx) if c.path.startswith("Role")] == []
    assert panel.selected_code() is None and not panel.delete_action.isEnabled()
    undo_redo(ctx, before)


def test_selected_code_lists_its_segments(panel: CodebookPanel, ctx) -> None:  # type: ignore[no-untyped-def]
    role, hybrid = code_id(ctx, "Role"), code_id(ctx, "Role/Hybrid")
    segments = panel.segments
    panel.select_code(hybrid)
    assert segments.model.rowCount() == 18
    assert segments.view.isColumnHidden(2)  # one coder: no coder column
    first = segments.model.segment(segments.model.index(0, 0))
    assert first is not None
    with ctx.read() as s:
        segment = s.get(Segment, first.id)
        assert segment is not None and hybrid in [c.id for c in segment.codes]
        assert first.respondent == segment.response.respondent.label
        assert first.preview == segment.response.text[segment.start : segment.end][:200]
    panel.select_code(role)
    assert segments.model.rowCount() == 0
    segments.include_subcodes.setChecked(True)
    assert segments.model.rowCount() == 30 and "30 segments" in segments.title.text()


def test_activating_a_segment_jumps_to_it(qtbot, panel: CodebookPanel, ctx) -> None:  # type: ignore[no-untyped-def]
    panel.select_code(code_id(ctx, "Theme/Interview"))
    view = panel.segments.view
    index = view.model().index(1, 1)
    segment = panel.segments.model.segment(index)
    assert segment is not None
    view.setFocus()
    view.setCurrentIndex(index)
    with (
        qtbot.waitSignal(ctx.responseActivated) as response,
        qtbot.waitSignal(ctx.segmentActivated) as activated,
    ):
        qtbot.keyClick(view, Qt.Key.Key_Return)
    assert response.args == [segment.response_id]
    assert activated.args == [segment.response_id, segment.id]
    data = view.model().mimeData([index])
    assert bytes(data.data(SEGMENT_MIME).data()) == str(segment.id).encode()
    assert segment_id(data) == segment.id
    with ctx.read() as s:
        whole = s.get(Segment, segment.id)
        assert whole is not None
        assert data.text() == whole.response.text[whole.start : whole.end]


def test_dropping_a_selection_on_a_code_codes_it(qtbot, panel: CodebookPanel, ctx) -> None:  # type: ignore[no-untyped-def]
    model, pair = panel.model, code_id(ctx, "Theme/Pair coding")
    with ctx.read() as s:
        response = s.scalars(select(Segment.response_id)).first()
        assert response is not None
        existing = {(v.start, v.end) for v in segments_of(s, response)}
    span = next((0, n) for n in range(5, 50) if (0, n) not in existing)
    copy = Qt.DropAction.CopyAction
    data = selection_data(TextSelection(response, *span))
    assert not model.canDropMimeData(data, copy, 0, 0, model.index_of(code_id(ctx, "Theme")))
    before = state(ctx)
    assert model.dropMimeData(data, copy, -1, 0, model.index_of(pair))
    with ctx.read() as s:
        made = [v for v in segments_of(s, response) if (v.start, v.end) == span]
    assert [v.code_ids for v in made] == [(pair,)] and made[0].coder == ctx.coder
    qtbot.waitUntil(lambda: model.index_of(pair, 1).data() == 4)  # counts follow shortly
    undo_redo(ctx, before)


def test_plain_text_drop_and_apply_need_the_coding_panels_selection(
    panel: CodebookPanel, ctx
) -> None:  # type: ignore[no-untyped-def]
    model, interview = panel.model, code_id(ctx, "Theme/Interview")
    text = QMimeData()
    text.setText("some words")
    copy = Qt.DropAction.CopyAction
    assert not model.canDropMimeData(text, copy, -1, 0, model.index_of(interview))
    with ctx.read() as s:
        response = s.scalars(select(Segment.response_id)).first()
    assert response is not None
    ctx.selectionChanged.emit(TextSelection(response, 1, 4))
    assert model.dropMimeData(text, copy, -1, 0, model.index_of(interview))
    ctx.selectionChanged.emit(TextSelection(response, 2, 6))
    panel.select_code(code_id(ctx, "Theme/Transition"))
    panel.tree.setFocus()
    panel.apply_action.trigger()
    with ctx.read() as s:
        spans = {(v.start, v.end): v.code_ids for v in segments_of(s, response)}
    assert spans[(1, 4)] == (interview,)
    assert spans[(2, 6)] == (code_id(ctx, "Theme/Transition"),)


def test_refresh_keeps_expansion_and_selection(qtbot, panel: CodebookPanel, ctx) -> None:  # type: ignore[no-untyped-def]
    tree, model = panel.tree, panel.model
    role, theme, hybrid = code_id(ctx, "Role"), code_id(ctx, "Theme"), code_id(ctx, "Role/Hybrid")
    tree.collapse(model.index_of(theme))
    panel.select_code(hybrid)
    with ctx.read() as s:
        response = s.scalars(select(Segment.response_id)).first()
    assert response is not None
    ctx.apply_codes([hybrid], TextSelection(response, 0, 3))  # the coding panel codes
    assert model.index_of(hybrid, 1).data() == 19  # the count at once, the list just after
    qtbot.waitUntil(lambda: panel.segments.model.rowCount() == 19)
    assert not panel.segments.view.isColumnHidden(2)  # a second coder now
    ctx.run("Add", lambda s: codebook.add_code(s, "Elsewhere"))  # the shape changes
    assert not tree.isExpanded(model.index_of(theme)) and tree.isExpanded(model.index_of(role))
    assert panel.selected_code().id == hybrid  # type: ignore[union-attr]
    ctx.undo_stack.undo()
    assert panel.selected_code().id == hybrid  # type: ignore[union-attr]


def test_another_project_starts_afresh(panel: CodebookPanel, ctx, sample_path) -> None:  # type: ignore[no-untyped-def]
    theme = code_id(ctx, "Theme")
    panel.tree.collapse(panel.model.index_of(theme))
    panel.select_code(code_id(ctx, "Role/Hybrid"))
    ctx.close()
    assert panel.model.rowCount() == 0 and not panel.add_action.isEnabled()
    assert panel.segments.model.rowCount() == 0
    ctx.open(sample_path)
    assert panel.model.rowCount() == 2 and panel.selected_code() is None
    assert panel.tree.isExpanded(panel.model.index_of(theme))


def drop_on_view(
    panel: CodebookPanel, data: QMimeData, index: QModelIndex, action: Qt.DropAction
) -> bool:
    """What a drag does to the tree: enter, move over the item's middle, drop."""
    viewport = panel.tree.viewport()
    pos = QPointF(panel.tree.visualRect(index).center())
    actions = Qt.DropAction.CopyAction | Qt.DropAction.MoveAction
    buttons, modifiers = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    # Enter and move take a QPoint in PySide6 6.11 (the drop a QPointF).
    enter = QDragEnterEvent(pos.toPoint(), actions, data, buttons, modifiers)
    QApplication.sendEvent(viewport, enter)
    move = QDragMoveEvent(pos.toPoint(), actions, data, buttons, modifiers)
    QApplication.sendEvent(viewport, move)
    if not move.isAccepted():
        return False
    drop = QDropEvent(pos, actions, data, buttons, modifiers)
    drop.setDropAction(action)
    QApplication.sendEvent(viewport, drop)
    return drop.isAccepted()


def test_real_drop_events_on_the_tree(panel: CodebookPanel, ctx) -> None:  # type: ignore[no-untyped-def]
    model, hybrid, theme = panel.model, code_id(ctx, "Role/Hybrid"), code_id(ctx, "Theme")
    move = Qt.DropAction.MoveAction
    # A code dropped onto its own child is refused while hovering.
    role = code_id(ctx, "Role")
    assert not drop_on_view(panel, drag(model, role), model.index_of(hybrid), move)
    assert drop_on_view(panel, drag(model, hybrid), model.index_of(theme), move)
    assert codes(ctx)[-1].path == "Theme/Hybrid"
    with ctx.read() as s:
        response = s.scalars(select(Segment.response_id)).first()
    assert response is not None
    data = selection_data(TextSelection(response, 3, 9))
    collab = code_id(ctx, "Theme/Collaboration")
    assert drop_on_view(panel, data, model.index_of(collab), Qt.DropAction.CopyAction)
    with ctx.read() as s:
        assert (3, 9, (collab,)) in [(v.start, v.end, v.code_ids) for v in segments_of(s, response)]


def test_keys_act_on_the_tree_but_not_in_the_name_editor(qtbot, panel, ctx, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitActive(panel):
        panel.activateWindow()
    asked: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "question", lambda *a: asked.append(a[2]) or QMessageBox.StandardButton.No
    )
    hybrid = code_id(ctx, "Role/Hybrid")
    panel.select_code(hybrid)
    panel.tree.setFocus()
    with qtbot.waitSignal(ctx.status) as status:  # Enter applies; nothing is selected
        qtbot.keyClick(panel.tree, Qt.Key.Key_Return)
    assert status.args == ["Select some text first"]
    qtbot.keyClick(panel.tree, Qt.Key.Key_F2)
    editor = panel.tree.indexWidget(panel.tree.currentIndex())
    assert isinstance(editor, QLineEdit) and editor.hasFocus()
    qtbot.keyClick(editor, Qt.Key.Key_Delete)
    assert asked == []
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: panel.tree.state() == panel.tree.State.NoState)
    panel.tree.setFocus()
    qtbot.keyClick(panel.tree, Qt.Key.Key_Delete)
    assert len(asked) == 1 and "18 segments" in asked[0]


def test_segment_list_reads_a_page_at_a_time(panel: CodebookPanel, ctx, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from dotsdesk.ui.codebook import segment_list

    monkeypatch.setattr(segment_list, "PAGE", 5)
    panel.select_code(code_id(ctx, "Role/Hybrid"))
    model = panel.segments.model
    assert model.rowCount() == 5 and model.total == 18
    pages = 1
    while model.canFetchMore():
        model.fetchMore()
        pages += 1
    assert pages == 4 and model.rowCount() == 18
    ids = [model.segment(model.index(r, 0)).id for r in range(18)]  # type: ignore[union-attr]
    assert len(set(ids)) == 18


def test_a_narrow_dock_keeps_the_names(qtbot, panel: CodebookPanel) -> None:  # type: ignore[no-untyped-def]
    panel.resize(160, 600)
    qtbot.waitUntil(lambda: panel.tree.isColumnHidden(1) and panel.tree.isColumnHidden(2))
    panel.resize(400, 600)
    qtbot.waitUntil(lambda: not panel.tree.isColumnHidden(1))


def shown_counts(model: CodebookModel) -> dict[int, tuple[int | str, int | str]]:
    """Code id -> (segments, respondents) as the tree shows them."""
    out = {}
    for index in rows(model):
        code = index.data(CODE_ID_ROLE)
        out[code] = (index.siblingAtColumn(1).data(), index.siblingAtColumn(2).data())
    return out


def displayed(c: codebook.CodeInfo) -> tuple[int | str, int | str]:
    """A code's counts as the tree shows them: a parent's own, then with its sub-codes."""
    if c.subtree is None:
        return c.segments, c.respondents
    return f"{c.segments} · {c.subtree[0]}", f"{c.respondents} · {c.subtree[1]}"


def counted_afresh(ctx: ProjectContext) -> dict[int, tuple[int | str, int | str]]:
    return {c.id: displayed(c) for c in codes(ctx)}


def test_counts_follow_coding_undo_and_redo_at_once(panel: CodebookPanel, ctx) -> None:  # type: ignore[no-untyped-def]
    """Coding says which codes it touched: their counts change at once (no timer), and are
    what counting the whole study afresh says, after each step and its undo and redo."""
    model = panel.model
    hybrid, research = code_id(ctx, "Role/Hybrid"), code_id(ctx, "Role/Research")
    with ctx.read() as s:
        response = s.scalars(select(Segment.response_id)).first()
        other = s.scalars(select(Segment.response_id).order_by(Segment.response_id.desc())).first()
    assert response is not None and other is not None and response != other
    first = ctx.apply_codes([hybrid, research], TextSelection(response, 0, 3))
    assert shown_counts(model) == counted_afresh(ctx)
    ctx.apply_codes([hybrid], TextSelection(response, 5, 9))  # the same respondent again
    assert shown_counts(model) == counted_afresh(ctx)
    ctx.apply_codes([hybrid], TextSelection(other, 0, 2))  # another respondent
    assert shown_counts(model) == counted_afresh(ctx)
    assert first is not None
    CodingOps(ctx).remove_code(first, research, "Role/Research", response)
    assert shown_counts(model) == counted_afresh(ctx)
    for _ in range(4):
        ctx.undo_stack.undo()
        assert shown_counts(model) == counted_afresh(ctx)
    for _ in range(4):
        ctx.undo_stack.redo()
        assert shown_counts(model) == counted_afresh(ctx)
    assert not panel._later.isActive()  # nothing left to recount
