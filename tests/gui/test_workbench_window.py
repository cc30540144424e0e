"""The window as a long-time NVivo/MAXQDA user meets it: Preferences, the Help menu, the
toolbar, the consent tab following the respondent, the Draft in its own window."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox, QTextBrowser, QToolBar

from dotsdesk import __version__
from dotsdesk.preferences import coder_name
from dotsdesk.services.coding.codebook import find_code, rename_code
from dotsdesk.services.corpus.respondents import find_respondent
from dotsdesk.store import Project
from dotsdesk.store.database import database_version
from dotsdesk.ui import settings as keys
from dotsdesk.ui.help_menu import HelpMenu, guide_text, shortcut_rows
from dotsdesk.ui.main_window import MainWindow
from dotsdesk.ui.preferences_dialog import PreferencesDialog


@pytest.fixture
def window(qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("DOTSDESK_SETTINGS", str(tmp_path / "settings.ini"))
    w = MainWindow()
    qtbot.addWidget(w)
    w.show()
    yield w
    w.close()


def _open_preferences(window: MainWindow, qtbot) -> PreferencesDialog:  # type: ignore[no-untyped-def]
    window.prefs_action.trigger()
    dialog = window.findChild(PreferencesDialog, "preferencesDialog")
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    return dialog


def test_preferences_from_the_edit_menu_are_kept_and_announced(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    edit = next(a for a in window.menuBar().actions() if a.text() == "&Edit").menu()
    assert window.prefs_action in edit.actions()
    assert window.prefs_action.shortcut().toString() == "Ctrl+,"
    # Defaults: snapping on, translation shown where there is one, all respondents.
    assert window.prefs.snap_words and window.prefs.auto_translation
    assert not window.prefs.colour_blind_safe and window.prefs.default_population == ""
    dialog = _open_preferences(window, qtbot)
    assert dialog.coder.text() == "Tess Coder"
    dialog.coder.setText("  Lǐ Wěi 李伟 🙂 ")
    dialog.size.setValue(15)
    dialog.snap.setChecked(False)
    dialog.safe.setChecked(True)
    with qtbot.waitSignal(window.prefs.changed):
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert not dialog.isVisible()
    assert coder_name() == "Lǐ Wěi 李伟 🙂" and window.ctx.coder == "Lǐ Wěi 李伟 🙂"
    assert window.coder_controls.button.text().endswith("李伟 🙂")
    assert window.prefs.text_font(window.font()).pointSize() == 15
    assert not window.prefs.snap_words and window.prefs.colour_blind_safe
    # Read back from the file, as the next start reads it.
    window.settings.sync()
    again = keys.app_settings()
    assert keys.text_size(again) == 15 and keys.snap_words(again) is False


def test_a_blank_coder_is_refused_in_the_dialog_and_nothing_is_saved(
    window: MainWindow, qtbot
) -> None:  # type: ignore[no-untyped-def]
    dialog = _open_preferences(window, qtbot)
    dialog.coder.setText("   ")
    dialog.snap.setChecked(False)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.isVisible() and "blank" in dialog.error.text()
    assert coder_name() == "Tess Coder" and window.prefs.snap_words
    dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()
    assert window.prefs.snap_words


def test_help_menu_shortcuts_guide_and_about(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    help_menu = next(a for a in window.menuBar().actions() if a.text() == "&Help").menu()
    assert [a.objectName() for a in help_menu.actions() if a.objectName()] == [
        "userGuide",
        "keyboardShortcuts",
        "about",
    ]
    rows = dict(shortcut_rows(window))
    assert rows["Undo"] == "Ctrl+Z" and rows["Preferences"] == "Ctrl+,"
    assert rows["Code with"] == "Ctrl+K" and rows["dotsdesk Guide"] == "F1"
    assert rows["Next uncoded response"] == "Ctrl+]"
    window.findChild(HelpMenu, "helpMenu").shortcuts_action.trigger()
    sheet = window.findChild(QTextBrowser, "shortcutsSheetText")
    assert sheet is not None and "Ctrl+Shift+Z" in sheet.toPlainText()
    window.findChild(HelpMenu, "helpMenu").guide_action.trigger()
    guide = window.findChild(QTextBrowser, "userGuideWindowText")
    assert guide is not None and "Read and code" in guide.toPlainText()
    assert "阅读与编码" in guide_text("zh_CN") and guide_text("xx") == guide_text("en")
    window.findChild(HelpMenu, "helpMenu").about_action.trigger()
    box = window.findChild(QMessageBox, "aboutBox")
    assert box is not None
    for part in (__version__, database_version(), "PySide6", "Python", "Qt"):
        assert part in box.text()


def test_toolbar_buttons_have_icons_and_keep_their_width(
    window: MainWindow, qtbot, sample_path: Path
) -> None:  # type: ignore[no-untyped-def]
    assert window.open_project(sample_path)
    tools = window.findChild(QToolBar, "mainToolbar")
    buttons = [tools.widgetForAction(a) for a in tools.actions()]
    assert all(not a.icon().isNull() for a in tools.actions())
    widths = {b.width() for b in buttons}
    assert len(widths) == 1
    undo = tools.widgetForAction(window.undo_action)
    assert undo.text() == "Undo"
    with window.ctx.read() as s:
        research = find_code(s, "Role/Research").id
    long_name = "Research and a very long new name 研究 🙂"
    window.ctx.run(f"Rename code to “{long_name}”", lambda s: rename_code(s, research, long_name))
    assert "very long" in window.undo_action.text()
    assert undo.text() == "Undo" and undo.width() == widths.pop()
    assert "very long" in window.undo_action.toolTip()


def test_consent_tab_follows_the_response_being_read(
    window: MainWindow, qtbot, sample_path: Path
) -> None:  # type: ignore[no-untyped-def]
    assert window.open_project(sample_path)
    with window.ctx.read() as s:
        p12 = find_respondent(s, "P12")
        p12_id, response_id = p12.id, p12.responses[0].id
    # Behind its tab: remembered, and selected when the tab comes forward.
    window.ctx.responseActivated.emit(response_id)
    window.docks["consentTracker"].raise_()
    qtbot.waitUntil(lambda: window.consent.selected_respondent() == p12_id)
    with window.ctx.read() as s:
        p03 = find_respondent(s, "P03")
        p03_id, other = p03.id, p03.responses[0].id
    window.ctx.responseActivated.emit(other)
    assert window.consent.selected_respondent() == p03_id
    window.consent.follow_response(999_999)  # gone meanwhile: stays where it was
    assert window.consent.selected_respondent() == p03_id


def test_draft_goes_to_its_own_wide_window_and_back(
    window: MainWindow, qtbot, sample_path: Path
) -> None:  # type: ignore[no-untyped-def]
    assert window.open_project(sample_path)
    dock = window.docks["draftComposer"]
    window.float_draft_action.trigger()
    assert dock.isFloating() and dock.isVisible()
    assert dock.width() >= min(1000, dock.screen().availableGeometry().width())
    window.float_draft_action.trigger()
    assert not dock.isFloating()
    assert window.dockWidgetArea(dock) == Qt.DockWidgetArea.RightDockWidgetArea


def test_the_command_line_knows_every_panel_of_the_window(window: MainWindow) -> None:
    from dotsdesk.ui.panel_names import PANELS

    assert set(window.docks) == set(PANELS)


def test_opening_a_project_keeps_the_window_size(window: MainWindow, sample_path: Path) -> None:
    window.resize(1400, 800)
    assert window.open_project(sample_path)
    assert window.size().toTuple() == (1400, 800)


def test_the_default_population_is_offered_from_the_sets_and_starts_the_browser(
    window: MainWindow,
    qtbot,
    sample_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    from dotsdesk.services.corpus.sets import create_set

    with Project.open(sample_path) as project, project.write() as s:
        people = [find_respondent(s, label).id for label in ("P12", "P24")]
        wanted = create_set(s, "中文 interviews 🙂", "respondents", people)
    assert window.open_project(sample_path)
    dialog = _open_preferences(window, qtbot)
    names = [dialog.population.itemText(i) for i in range(dialog.population.count())]
    assert names == ["All respondents", "中文 interviews 🙂"]
    dialog.population.setCurrentIndex(1)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert window.prefs.default_population == "中文 interviews 🙂"
    window.close_project()
    assert window.open_project(sample_path)
    assert window.browser.query().sets == frozenset({wanted})
    assert window.browser.model.rowCount() == 2
