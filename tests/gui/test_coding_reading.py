"""The coding panel as the user set it up: snapping on by default, the reading font, the
browser's search boxed in the text, new codes in colour-blind-safe colours on request."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QDialogButtonBox

from dotsdesk.services.browser.query import BrowseQuery
from dotsdesk.services.coding.codebook import find_code
from dotsdesk.services.coding.colours import SAFE_PALETTE
from dotsdesk.services.corpus.respondents import find_respondent
from dotsdesk.ui.coding.palette import PaletteChoice
from dotsdesk.ui.coding.words import find_terms
from dotsdesk.ui.context import TextSelection
from dotsdesk.ui.main_window import MainWindow
from dotsdesk.ui.preferences_dialog import PreferencesDialog
from dotsdesk.ui.textpos import TextPositions


@pytest.fixture
def window(
    qtbot, tmp_path: Path, sample_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("DOTSDESK_SETTINGS", str(tmp_path / "settings.ini"))
    w = MainWindow()
    qtbot.addWidget(w)
    w.show()
    assert w.open_project(sample_path)
    yield w
    w.close()


def response(window: MainWindow, label: str) -> tuple[int, str]:
    with window.ctx.read() as s:
        r = find_respondent(s, label).responses[0]
        return r.id, r.text


def drag(window: MainWindow, qtbot, start: int, end: int) -> None:  # type: ignore[no-untyped-def]
    """Press at code point `start`, release at `end`, as a mouse would."""
    view = window.coding.view
    positions = TextPositions(view.text)

    def point(offset: int) -> QPoint:
        cursor = view.textCursor()
        cursor.setPosition(positions.to_utf16(offset))
        return view.cursorRect(cursor).center()

    qtbot.mousePress(view.viewport(), Qt.MouseButton.LeftButton, pos=point(start))
    qtbot.mouseMove(view.viewport(), point(end))
    qtbot.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, pos=point(end))


def test_a_mouse_selection_snaps_to_words_by_default(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    rid, text = response(window, "P08")
    window.ctx.responseActivated.emit(rid)
    assert window.coding.snap_action.isChecked() and window.coding.view.snap_words
    word = "working"
    at = text.index(word)
    drag(window, qtbot, at + 2, at + 5)  # "rki"
    assert window.ctx.selection == TextSelection(rid, at, at + len(word))
    # Chinese has nothing to snap: the selection stays as made.
    rid, text = response(window, "P12")
    window.ctx.responseActivated.emit(rid)
    drag(window, qtbot, 1, 3)
    assert window.ctx.selection == TextSelection(rid, 1, 3)


def test_font_and_snapping_follow_the_preferences_at_once(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.prefs_action.trigger()
    dialog = window.findChild(PreferencesDialog, "preferencesDialog")
    dialog.size.setValue(19)
    dialog.snap.setChecked(False)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert window.coding.view.font().pointSize() == 19
    assert not window.coding.snap_action.isChecked() and not window.coding.view.snap_words
    rid, text = response(window, "P08")
    window.ctx.responseActivated.emit(rid)
    at = text.index("working")
    drag(window, qtbot, at + 2, at + 5)
    assert window.ctx.selection == TextSelection(rid, at + 2, at + 5)


def test_the_browser_search_is_boxed_in_the_response_shown(window: MainWindow) -> None:
    window.browser.set_query(BrowseQuery(search="上线"))
    rid, text = response(window, "P27")
    window.ctx.responseActivated.emit(rid)
    bar = window.coding.find_bar
    assert not bar.isHidden() and bar.edit.text() == "上线"
    assert bar.matches == [(m, m + 2) for m in range(len(text)) if text.startswith("上线", m)]
    assert window.coding.view.code_point_selection() == bar.matches[0]
    window.browser.set_query(BrowseQuery(search='"production code" 🙂'))
    rid, text = response(window, "P24")
    window.ctx.responseActivated.emit(rid)
    assert bar.matches and all(text[a:b] in {"production code", "🙂"} for a, b in bar.matches)
    window.browser.set_query(BrowseQuery())
    assert bar.isHidden()


def test_find_terms_phrase_first_then_each_word() -> None:
    text = "Data 面试 and the data team 🙂 cafe\u0301"
    team, cafe = text.index("data team"), text.index("cafe")
    assert find_terms(text, "data team") == [(team, team + 9)]
    assert find_terms(text, "team 面试") == [(5, 7), (team + 5, team + 9)]
    assert find_terms(text, "cafe\u0301") == [(cafe, cafe + 5)]
    assert find_terms(text, "") == []


def test_new_codes_take_colour_blind_safe_colours_when_asked(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.settings.setValue("preferences/colourBlindSafe", True)
    window.prefs.changed.emit()
    rid, _text = response(window, "P08")
    window.ctx.responseActivated.emit(rid)
    window.coding.ops.apply(PaletteChoice(None, "Theme/Tooling 工具"), TextSelection(rid, 0, 3))
    with window.ctx.read() as s:
        assert find_code(s, "Theme/Tooling 工具").colour in SAFE_PALETTE
