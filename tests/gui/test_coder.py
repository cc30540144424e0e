"""Who is coding: asked once, before the first segment of a new installation (prefilled with the
login name), saved in the preferences the command line reads, shown in the status bar and
changed from there or from the Edit menu."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLineEdit, QToolButton
from sqlalchemy import select

from dotsdesk.model import Response
from dotsdesk.preferences import coder_name, set_coder_name
from dotsdesk.services.coding.codebook import find_code
from dotsdesk.services.coding.coders import default_coder_name
from dotsdesk.services.coding.segments import segments_of
from dotsdesk.ui.context import TextSelection
from dotsdesk.ui.main_window import MainWindow


@pytest.fixture
def make_window(
    qtbot, tmp_path: Path, sample_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[object]:  # type: ignore[no-untyped-def]
    """A window on the sample, made when the test says (after it set the preferences)."""
    monkeypatch.setenv("DOTSDESK_SETTINGS", str(tmp_path / "settings.ini"))
    made: list[MainWindow] = []

    def make() -> MainWindow:
        w = MainWindow()
        qtbot.addWidget(w)
        w.show()
        assert w.open_project(sample_path)
        made.append(w)
        return w

    yield make
    for w in made:
        w.close()


class Answer:
    """Once the coder dialog shows: note its prefilled name, then type `name` and press OK,
    or Cancel when `name` is None. Watches until it has answered or is stopped."""

    def __init__(self, window: MainWindow, name: str | None) -> None:
        self.window, self.name = window, name
        self.seen: list[str] = []
        self.timer = QTimer(window, interval=10)
        self.timer.timeout.connect(self._look)
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def _look(self) -> None:
        shown = [d for d in self.window.findChildren(QDialog, "coderDialog") if d.isVisible()]
        if not shown:
            return
        self.stop()
        field = shown[0].findChild(QLineEdit, "coderName")
        buttons = shown[0].findChild(QDialogButtonBox)
        self.seen.append(field.text())
        if self.name is None:
            buttons.button(QDialogButtonBox.StandardButton.Cancel).click()
        else:
            field.setText(self.name)
            buttons.button(QDialogButtonBox.StandardButton.Ok).click()


def first_response(window: MainWindow) -> int:
    with window.ctx.read() as s:
        rid = s.scalar(select(Response.id).order_by(Response.id))
    assert rid is not None
    return rid


def code_a_span(window: MainWindow, start: int) -> int | None:
    with window.ctx.read() as s:
        code = find_code(s, "Theme/Interview").id
    return window.ctx.apply_codes([code], TextSelection(first_response(window), start, start + 4))


def coders(window: MainWindow) -> dict[int, str | None]:
    with window.ctx.read() as s:
        return {v.id: v.coder for v in segments_of(s, first_response(window))}


def button_text(window: MainWindow) -> str:
    button = window.statusBar().findChild(QToolButton, "coderButton")
    assert button is not None and button.isVisible()
    return button.text()


def test_the_first_segment_asks_once_and_the_name_is_kept(
    make_window, preferences_file: Path
) -> None:  # type: ignore[no-untyped-def]
    preferences_file.unlink()  # a new installation
    window = make_window()
    login = default_coder_name()
    assert button_text(window) == f"Coder: {login}"

    asked = Answer(window, "  Ana   Lyst ")
    segment = code_a_span(window, 0)
    assert asked.seen == [login]  # asked, prefilled with the login name
    assert segment is not None and coders(window)[segment] == "Ana Lyst"
    assert coder_name() == "Ana Lyst" and window.ctx.coder == "Ana Lyst"
    assert button_text(window) == "Coder: Ana Lyst"

    # Not asked again: a dialog now would be answered Cancel and the segment not made.
    again = Answer(window, None)
    second = code_a_span(window, 10)
    again.stop()
    assert second is not None and coders(window)[second] == "Ana Lyst"
    assert again.seen == []

    # A later session starts with the saved name.
    window.close()
    later = make_window()
    assert later.ctx.coder == "Ana Lyst" and button_text(later) == "Coder: Ana Lyst"


def test_cancelling_the_question_codes_nothing(make_window, preferences_file: Path) -> None:  # type: ignore[no-untyped-def]
    preferences_file.unlink()
    window = make_window()
    before = coders(window)
    asked = Answer(window, None)
    assert code_a_span(window, 0) is None
    assert asked.seen == [default_coder_name()]
    assert coders(window) == before and not window.ctx.undo_stack.canUndo()
    assert coder_name() is None and not preferences_file.exists()


def test_the_coder_is_changed_from_the_status_bar_or_the_menu(
    make_window, qtbot, known_coder: str
) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    assert button_text(window) == f"Coder: {known_coder}"
    button = window.statusBar().findChild(QToolButton, "coderButton")

    asked = Answer(window, "Bo")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert asked.seen == [known_coder]
    assert button_text(window) == "Coder: Bo" and coder_name() == "Bo"
    segment = code_a_span(window, 0)
    assert segment is not None and coders(window)[segment] == "Bo"

    # Edit > Who is coding…, cancelled: nothing changes.
    asked = Answer(window, None)
    window.coder_controls.action.trigger()
    assert asked.seen == ["Bo"] and coder_name() == "Bo" and button_text(window) == "Coder: Bo"
    assert window.coder_controls.action in window.menuBar().actions()[1].menu().actions()


def test_a_name_saved_elsewhere_meanwhile_is_used_without_asking(
    make_window, preferences_file: Path
) -> None:  # type: ignore[no-untyped-def]
    preferences_file.unlink()
    window = make_window()
    set_coder_name("Dee")  # e.g. `dotsdesk coder Dee`, or another window, after this one opened
    watch = Answer(window, None)
    segment = code_a_span(window, 0)
    watch.stop()
    assert watch.seen == [] and segment is not None and coders(window)[segment] == "Dee"
    assert button_text(window) == "Coder: Dee"
