"""Labels and private identity a researcher controls, in the window: F2 renames a label in
the browser and in the consent tracker (one undo step, a clash refused with its reason);
the tracker edits private identity; a grant by handle without a handle on file asks."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QLineEdit
from sqlalchemy import select

from dotsdesk.model import ConsentKind, ConsentLevel, Identity, Respondent, Response
from dotsdesk.services.consent.events import ConsentStatus, current_consent, history
from dotsdesk.services.consent.tracker import private_identity
from dotsdesk.ui.browser.panel import ResponseBrowser
from dotsdesk.ui.consent import ConsentTracker
from dotsdesk.ui.context import ProjectContext

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def tracker(qtbot, ctx: ProjectContext) -> Iterator[ConsentTracker]:  # type: ignore[no-untyped-def]
    widget = ConsentTracker(ctx)
    qtbot.addWidget(widget)
    widget.resize(520, 1000)
    widget.show()
    qtbot.waitExposed(widget)
    yield widget


@pytest.fixture
def browser(qtbot, ctx: ProjectContext) -> Iterator[ResponseBrowser]:  # type: ignore[no-untyped-def]
    widget = ResponseBrowser(ctx)
    qtbot.addWidget(widget)
    widget.resize(1000, 600)
    widget.show()
    qtbot.waitExposed(widget)
    yield widget


def label_of(ctx: ProjectContext, respondent_id: int) -> str:
    with ctx.read() as s:
        return s.get(Respondent, respondent_id).label  # type: ignore[union-attr]


def by_label(ctx: ProjectContext, label: str) -> int:
    with ctx.read() as s:
        found = s.scalar(select(Respondent.id).where(Respondent.label == label))
    assert found is not None
    return found


def type_into_editor(qtbot, view, text: str) -> None:  # type: ignore[no-untyped-def]
    """F2 on the view, then replace the label in the editor it opens and press Enter."""
    view.window().activateWindow()  # F2 works where the user is: the active window's view
    qtbot.waitUntil(view.window().isActiveWindow)
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_F2)
    editor = view.indexWidget(view.currentIndex())
    assert isinstance(editor, QLineEdit) and editor.hasFocus()
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.state() == view.State.NoState)
    qtbot.wait(20)  # the rename is queued until the editor is gone


def test_f2_in_the_browser_renames_the_label_and_undo_restores_it(
    qtbot, browser: ResponseBrowser, ctx: ProjectContext
) -> None:  # type: ignore[no-untyped-def]
    rid = by_label(ctx, "P07")
    with ctx.read() as s:
        response = s.scalar(select(Response.id).where(Response.respondent_id == rid).limit(1))
    assert response is not None and browser.select_response(response)
    browser.table.setCurrentIndex(browser.model.index(browser.model.row_of(response), 1))
    steps = ctx.undo_stack.count()
    type_into_editor(qtbot, browser.table, "Researcher A")  # F2 works from any cell of the row
    assert label_of(ctx, rid) == "Researcher A"
    assert ctx.undo_stack.count() == steps + 1
    assert ctx.undo_stack.undoText() == "Rename P07 to Researcher A"
    browser.flush_refresh()
    row = browser.model.row_of(response)
    assert browser.model.index(row, browser.model.label_column()).data() == "Researcher A"
    ctx.undo_stack.undo()
    assert label_of(ctx, rid) == "P07"
    browser.flush_refresh()
    assert browser.model.index(row, browser.model.label_column()).data() == "P07"


def test_a_clash_is_refused_with_its_reason(
    qtbot, browser: ResponseBrowser, tracker: ConsentTracker, ctx: ProjectContext
) -> None:  # type: ignore[no-untyped-def]
    rid = by_label(ctx, "P07")
    steps = ctx.undo_stack.count()
    assert tracker.select_respondent(rid)
    with qtbot.waitSignal(ctx.error) as error:
        type_into_editor(qtbot, tracker.table, "P08")
    assert error.args == ["the label 'P08' is already used"]
    assert label_of(ctx, rid) == "P07" and ctx.undo_stack.count() == steps
    row = tracker.model.row_of(rid)
    assert tracker.model.index(row, 0).data() == "P07"
    with ctx.read() as s:
        response = s.scalar(select(Response.id).where(Response.respondent_id == rid).limit(1))
    assert browser.select_response(response)  # type: ignore[arg-type]
    with qtbot.waitSignal(ctx.error) as error:
        type_into_editor(qtbot, browser.table, "ann@example.com")
    assert "looks like a contact" in error.args[0]
    assert label_of(ctx, rid) == "P07" and ctx.undo_stack.count() == steps


def test_f2_in_the_consent_tracker_renames_and_undo_restores(
    qtbot, tracker: ConsentTracker, ctx: ProjectContext
) -> None:  # type: ignore[no-untyped-def]
    rid = by_label(ctx, "P12")
    assert tracker.select_respondent(rid)
    steps = ctx.undo_stack.count()
    type_into_editor(qtbot, tracker.table, "Hybrid B")
    assert label_of(ctx, rid) == "Hybrid B"
    assert ctx.undo_stack.count() == steps + 1
    row = tracker.model.row_of(rid)
    assert tracker.model.index(row, 0).data() == "Hybrid B"
    assert tracker.selected_respondent() == rid and "Hybrid B" in tracker.heading.text()
    ctx.undo_stack.undo()
    assert label_of(ctx, rid) == "P12"
    assert tracker.model.index(tracker.model.row_of(rid), 0).data() == "P12"
    ctx.undo_stack.redo()
    assert label_of(ctx, rid) == "Hybrid B"


def test_identity_is_edited_in_the_tracker_in_one_undo_step(
    qtbot, tracker: ConsentTracker, ctx: ProjectContext
) -> None:  # type: ignore[no-untyped-def]
    rid = by_label(ctx, "P30")
    with ctx.read() as s:
        before = private_identity(s, rid)
    assert "handle" not in before
    assert tracker.select_respondent(rid)
    box = tracker.identity
    assert not box.editing()
    qtbot.mouseClick(box.edit_button, LEFT)
    assert box.editing() and box.editors["name"].text() == before["name"]
    qtbot.keyClicks(box.editors["forum"], "1point3acres BBS")
    box.editors["handle"].setText("小K")  # QTest types ASCII only
    box.editors["other"].setText("met at the Beijing meetup")
    steps = ctx.undo_stack.count()
    qtbot.mouseClick(box.save_button, LEFT)
    with ctx.read() as s:
        after = private_identity(s, rid)
    assert after == {
        **before,
        "forum": "1point3acres BBS",
        "handle": "小K",
        "other": "met at the Beijing meetup",
    }
    assert ctx.undo_stack.count() == steps + 1
    assert ctx.undo_stack.undoText() == "Edit private identity (P30)"
    assert not box.editing() and box.shown()["handle"] == "小K"
    ctx.undo_stack.undo()
    with ctx.read() as s:
        assert private_identity(s, rid) == before
    assert "handle" not in box.shown()
    # Clearing a field clears it; Cancel keeps what is on file.
    qtbot.mouseClick(box.edit_button, LEFT)
    box.editors["name"].clear()
    qtbot.mouseClick(box.cancel_button, LEFT)
    with ctx.read() as s:
        assert private_identity(s, rid) == before


def test_a_grant_by_handle_without_a_handle_asks_for_it(
    qtbot, tracker: ConsentTracker, ctx: ProjectContext
) -> None:  # type: ignore[no-untyped-def]
    rid = by_label(ctx, "P30")  # a name on file, no handle
    assert tracker.select_respondent(rid)
    form = tracker.form
    form.set_kind(ConsentKind.GRANTED)
    form.date_edit.setDate(QDate(2025, 3, 4))
    form.set_level(ConsentLevel.ANONYMOUS)
    assert not form.fill_handle.isVisible()
    form.set_level(ConsentLevel.HANDLE)
    assert form.fill_handle.isVisible() and form.missing_note.isVisible()
    assert "No handle on file" in form.missing_note.text()
    form.set_level(ConsentLevel.NAME)  # a name is on file: nothing to ask
    assert not form.fill_name.isVisible() and not form.missing_note.isVisible()
    form.set_level(ConsentLevel.HANDLE)
    steps = ctx.undo_stack.count()
    # Left empty: refused, with the reason, and nothing recorded.
    with qtbot.waitSignal(ctx.error) as error:
        qtbot.mouseClick(form.record_button, LEFT)
    assert error.args[0].startswith("P30 has no handle on file")
    with ctx.read() as s:
        assert history(s, rid) == [] and ctx.undo_stack.count() == steps
    # Filled in: the handle and the grant in one step.
    qtbot.keyClicks(form.fill_forum, "Zhihu")
    form.fill_handle.setText("北美搬砖喵")  # QTest types ASCII only
    qtbot.mouseClick(form.record_button, LEFT)
    with ctx.read() as s:
        now = current_consent(s, rid)
        identity = s.scalar(select(Identity).where(Identity.respondent_id == rid))
        assert (identity.forum, identity.handle) == ("Zhihu", "北美搬砖喵")  # type: ignore[union-attr]
    assert (now.status, now.level) == (ConsentStatus.GRANTED, ConsentLevel.HANDLE)
    assert ctx.undo_stack.count() == steps + 1
    assert tracker.identity.shown()["handle"] == "北美搬砖喵"
    assert not form.fill_handle.isVisible()  # on file now
    ctx.undo_stack.undo()
    with ctx.read() as s:
        assert current_consent(s, rid).status is ConsentStatus.NONE
        assert "handle" not in private_identity(s, rid)
