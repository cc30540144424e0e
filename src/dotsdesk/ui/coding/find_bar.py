"""Ctrl+F inside the coding panel: matches counted and boxed in the text, the current one
selected (so a found phrase can be coded at once). Case-insensitive, in code points."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget

from ..i18n import arg
from .highlights import find_selections
from .text_view import CodingTextView
from .words import find_all, find_terms


class FindBar(QWidget):
    def __init__(self, view: CodingTextView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("codingFindBar")
        self._view = view
        self.matches: list[tuple[int, int]] = []
        self.current = -1
        # The browser's search, carried in: any of its words; what the user types: the phrase.
        self.any_word = False
        self.edit = QLineEdit(placeholderText=self.tr("Find in this response"))
        self.edit.setObjectName("codingFindText")
        self.edit.setClearButtonEnabled(True)
        self.count = QLabel()
        self.count.setObjectName("codingFindCount")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.count)
        for text, tip, slot in (
            ("▲", self.tr("Previous match (Shift+Enter)"), self.previous),
            ("▼", self.tr("Next match (Enter)"), self.next),
            ("✕", self.tr("Close (Esc)"), self.close_bar),
        ):
            button = QToolButton(text=text, toolTip=tip, autoRaise=True)
            button.clicked.connect(slot)
            layout.addWidget(button)
        self.edit.textEdited.connect(self._typed)
        self.edit.textChanged.connect(self.search)
        self.edit.returnPressed.connect(self.next)
        back = QShortcut(QKeySequence("Shift+Return"), self.edit, self.previous)
        back.setContext(Qt.ShortcutContext.WidgetShortcut)
        esc = QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.close_bar)
        esc.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.hide()

    def _typed(self) -> None:
        self.any_word = False

    def open_bar(self) -> None:
        self.any_word = False
        self.show()
        span = self._view.code_point_selection()
        if span is not None and span[1] - span[0] <= 60:
            self.edit.setText(self._view.text[span[0] : span[1]])
        self.edit.setFocus()
        self.edit.selectAll()
        self.search()

    def close_bar(self) -> None:
        self.hide()
        self._view.set_find_highlights([])
        self._view.setFocus()

    def search(self) -> None:
        """Find again (the text typed, or the response, changed)."""
        if self.isHidden():  # closed (not merely behind another tab)
            return
        view = self._view
        find = find_terms if self.any_word else find_all
        self.matches = find(view.text, self.edit.text())
        view.set_find_highlights(find_selections(view.document(), view.positions, self.matches))
        self.current = -1
        if self.matches:
            at = view.code_point_selection()
            start = at[0] if at else 0
            self.current = next((i for i, (a, _b) in enumerate(self.matches) if a >= start), 0)
            self._show_current()
        self._update_count()

    def next(self) -> None:
        self._step(1)

    def previous(self) -> None:
        self._step(-1)

    def _step(self, by: int) -> None:
        if not self.matches:
            return
        self.current = (self.current + by) % len(self.matches)
        self._show_current()
        self._update_count()

    def _show_current(self) -> None:
        a, b = self.matches[self.current]
        self._view.select_code_points(a, b)
        self._view.ensureCursorVisible()

    def _update_count(self) -> None:
        if not self.edit.text():
            self.count.setText("")
        elif not self.matches:
            self.count.setText(self.tr("No matches"))
        else:
            self.count.setText(arg(self.tr("%1 of %2"), self.current + 1, len(self.matches)))
