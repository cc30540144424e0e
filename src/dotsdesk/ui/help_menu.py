"""The Help menu: the keyboard shortcuts sheet, the offline user guide, About.

The sheet is read from the window's own actions (their keys as ui/shortcuts.py bound them),
so it lists what the keys do today, never a list kept by hand. The guide is Markdown in
resources/guide/<language>.md, shown in a QTextBrowser: no network, no browser.
"""

from __future__ import annotations

import platform
from html import escape

import PySide6
from PySide6.QtCore import QCoreApplication, qVersion
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QMainWindow,
    QMenu,
    QMessageBox,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from .. import __version__
from ..resources import resource
from ..store.database import database_version
from .i18n import current_language
from .icons import icon
from .shortcuts import bind_window_key


def shortcut_rows(window: QWidget) -> list[tuple[str, str]]:
    """(what the action does, its keys) for every action of the window and its panels that
    has keys, in menu-text order; an action reachable twice is listed once."""
    rows: dict[tuple[str, str], None] = {}
    for action in window.findChildren(QAction):
        keys = [s.toString(QKeySequence.SequenceFormat.NativeText) for s in action.shortcuts()]
        keys = [k for k in keys if k]
        if not keys:
            continue
        text = action.text().replace("&&", "\0").replace("&", "").replace("\0", "&")
        text = text.rstrip("…").rstrip(".").strip()
        if text:
            rows[(text, ", ".join(keys))] = None
    return sorted(rows, key=lambda row: row[0].casefold())


def guide_text(language: str) -> str:
    """The user guide in `language`, English when there is none in it."""
    folder = resource("guide")
    path = folder / f"{language}.md"
    if not path.is_file():
        path = folder / "en.md"
    return path.read_text(encoding="utf-8")


def versions() -> list[tuple[str, str]]:
    return [
        ("dotsdesk", __version__),
        ("Qt", qVersion()),
        ("PySide6", PySide6.__version__),
        ("Python", platform.python_version()),
        (QCoreApplication.translate("HelpMenu", "Database"), database_version()),
    ]


class _Sheet(QDialog):
    """A window of rich text with a Close button (the shortcuts sheet, the guide)."""

    def __init__(self, title: str, name: str, parent: QWidget) -> None:
        super().__init__(parent, objectName=name)
        self.setWindowTitle(title)
        self.browser = QTextBrowser(objectName=name + "Text")
        self.browser.setOpenExternalLinks(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        self.finished.connect(self.deleteLater)


class HelpMenu(QMenu):
    def __init__(self, window: QMainWindow) -> None:
        super().__init__(self.tr("&Help"), window)
        self.setObjectName("helpMenu")
        self._window = window
        self.guide_action = self._add(self.tr("dotsdesk &Guide"), "userGuide", "guide")
        self.guide_action.triggered.connect(self.show_guide)
        self.shortcuts_action = self._add(
            self.tr("&Keyboard Shortcuts"), "keyboardShortcuts", "shortcuts"
        )
        self.shortcuts_action.triggered.connect(self.show_shortcuts)
        self.addSeparator()
        self.about_action = self._add(self.tr("&About dotsdesk"), "about", "about")
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.about_action.triggered.connect(self.show_about)

    def _add(self, text: str, name: str, icon_name: str) -> QAction:
        action = bind_window_key(QAction(icon(icon_name), text, self._window), name)
        self.addAction(action)
        return action

    def show_shortcuts(self) -> QDialog:
        sheet = _Sheet(self.tr("Keyboard Shortcuts"), "shortcutsSheet", self._window)
        rows = "".join(
            f"<tr><td>{escape(text)}</td><td><b>{escape(keys)}</b></td></tr>"
            for text, keys in shortcut_rows(self._window)
        )
        action, keys = self.tr("Action"), self.tr("Keys")
        header = f"<tr><th align=left>{action}</th><th align=left>{keys}</th></tr>"
        sheet.browser.setHtml(f"<table cellpadding=4>{header}{rows}</table>")
        sheet.resize(560, 640)
        sheet.show()
        return sheet

    def show_guide(self) -> QDialog:
        sheet = _Sheet(self.tr("dotsdesk Guide"), "userGuideWindow", self._window)
        sheet.browser.setMarkdown(guide_text(current_language(QCoreApplication.instance())))
        sheet.resize(720, 760)
        sheet.show()
        return sheet

    def show_about(self) -> QMessageBox:
        lines = "".join(
            f"<tr><td>{escape(name)}</td><td>{escape(value)}</td></tr>"
            for name, value in versions()
        )
        purpose = self.tr("A workbench for qualitative research that ends in writing.")
        text = f"<p><b>dotsdesk {escape(__version__)}</b></p><p>{purpose}</p>"
        icons = self.tr("Icons: Tabler Icons (MIT licence).")
        box = QMessageBox(
            QMessageBox.Icon.NoIcon,
            self.tr("About dotsdesk"),
            f"{text}<table cellpadding=2>{lines}</table><p><small>{icons}</small></p>",
            parent=self._window,
        )
        box.setObjectName("aboutBox")
        box.setIconPixmap(self._window.windowIcon().pixmap(64, 64))
        box.finished.connect(box.deleteLater)
        box.show()
        return box
