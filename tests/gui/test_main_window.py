"""The real main window, driven as a researcher would: the issue's whole flow, checked
against the database after every step, then again after reopening the project."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QDockWidget
from sqlalchemy import select

from dotsdesk.model import Response
from dotsdesk.services.browser.query import BrowseQuery
from dotsdesk.services.coding.codebook import find_code
from dotsdesk.services.coding.pinned import set_pinned
from dotsdesk.services.coding.segments import segments_of
from dotsdesk.store import Project
from dotsdesk.ui.main_window import MainWindow
from dotsdesk.ui.textpos import TextPositions

EMOJI_ANSWER = "Yep 🙂 first"  # P24's answer starts like this in the sample


@pytest.fixture
def window(qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("DOTSDESK_SETTINGS", str(tmp_path / "settings.ini"))
    w = MainWindow()
    qtbot.addWidget(w)
    w.show()
    yield w
    w.close()


def segments(source: MainWindow | Project, rid: int) -> list[tuple[int, int, str, tuple[int, ...]]]:
    read = source.ctx.read if isinstance(source, MainWindow) else source.read
    with read() as s:
        return [(v.start, v.end, v.text, v.code_ids) for v in segments_of(s, rid)]


def test_welcome_screen_and_docks(window: MainWindow, sample_path: Path) -> None:
    assert window.welcome.isVisible()
    assert not any(d.isVisible() for d in window.docks.values())
    assert window.open_project(sample_path)
    assert not window.welcome.isVisible()
    for name in ("responseBrowser", "codingPanel", "codebook"):
        dock = window.findChild(QDockWidget, name)
        assert dock is not None and dock.isVisible()
    assert "30 respondents" in window.statusBar().currentMessage()
    window.close_project()
    assert window.welcome.isVisible()
    recent = window.welcome.recent
    assert str(sample_path.resolve()) in [recent.item(i).text() for i in range(recent.count())]


def test_researchers_day(window: MainWindow, sample_path: Path, qtbot) -> None:  # type: ignore[no-untyped-def]
    assert window.open_project(sample_path)
    browser, coding, ctx = window.browser, window.coding, window.ctx
    with ctx.read() as s:
        zh = set(s.scalars(select(Response.id).where(Response.language == "zh")))
        interview = find_code(s, "Theme/Interview").id
        pair = find_code(s, "Theme/Pair coding").id
        rid = s.scalar(select(Response.id).where(Response.text.startswith(EMOJI_ANSWER)))
        text = s.get(Response, rid).text

    # Filter to the Chinese answers, then search a Chinese word typed into the search box.
    browser.set_query(BrowseQuery(languages=frozenset({"zh"})))
    assert set(browser.model.ids()) == zh
    browser.clear_filters()
    browser.search_field.setFocus()
    browser.search_field.insert("结对")  # what an input method commits
    qtbot.waitUntil(lambda: browser.search_terms() == ("结对",))
    qtbot.waitUntil(lambda: 0 < len(browser.model.ids()) < 36)
    assert set(browser.model.ids()) <= zh
    assert str(len(browser.model.ids())) in browser.hit_count.text()
    browser.clear_filters()

    # Open the answer with an emoji; select "🙂 first" with the real text cursor.
    assert browser.select_response(rid)
    qtbot.waitUntil(lambda: ctx.current_response == rid)
    view = coding.view
    start = text.index("🙂")
    end = start + len("🙂 first")
    pos = TextPositions(text)
    cursor = view.textCursor()
    cursor.setPosition(pos.to_utf16(start))
    cursor.setPosition(pos.to_utf16(end), QTextCursor.MoveMode.KeepAnchor)
    view.setTextCursor(cursor)
    assert ctx.selection is not None
    assert text[ctx.selection.start : ctx.selection.end] == "🙂 first"
    before = segments(window, rid)

    # A code by its shortcut key (pinned to 1).
    ctx.run("Pin", lambda s: set_pinned(s, [interview]))
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_1)
    after_key = segments(window, rid)
    assert (start, end, "🙂 first", (interview,)) in after_key

    # Another by the palette: Ctrl+K, type, Enter.
    view.setTextCursor(cursor)
    coding.palette_action.trigger()
    assert coding.palette.isVisible()
    qtbot.keyClicks(coding.palette.edit, "Pair coding")
    qtbot.keyClick(coding.palette.edit, Qt.Key.Key_Return)
    after_palette = segments(window, rid)
    assert (start, end, "🙂 first", tuple(sorted((interview, pair)))) in after_palette

    # Undo, undo, redo, redo: the database follows each step.
    window.undo_action.trigger()
    assert segments(window, rid) == after_key
    window.undo_action.trigger()
    assert segments(window, rid) == before
    window.redo_action.trigger()
    assert segments(window, rid) == after_key
    window.redo_action.trigger()
    assert segments(window, rid) == after_palette

    # Back and forward between visited responses (Alt+Left / Alt+Right).
    other = next(i for i in browser.model.ids() if i != rid)
    browser.select_response(other)
    window.back_action.trigger()
    assert ctx.current_response == rid
    window.forward_action.trigger()
    assert ctx.current_response == other

    # Close and reopen: the segments are in the file.
    window.close_project()
    with Project.open(sample_path, readonly=True) as project:
        assert segments(project, rid) == after_palette
