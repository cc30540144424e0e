"""A paragraph: its Markdown-subset text, saved on Save or when the editor loses focus. A
paragraph dotsdesk writes itself (the consent note, ...) only says so."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPlainTextEdit, QWidget
from sqlalchemy.orm import Session

from ....model import Block
from ..outline import AUTO_WORDS
from .base import BlockPage, Editing, bare_column, hint_label, save_button


class FocusPlainTextEdit(QPlainTextEdit):
    focusLost = Signal()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.focusLost.emit()


class ParagraphPage(BlockPage):
    """`saveRequested` on Save or focus out: the editor saves only while this page is the
    one shown, as the text also loses focus when another page replaces it."""

    saveRequested = Signal()

    def __init__(self, editing: Editing, parent: QWidget | None = None) -> None:
        super().__init__(editing, parent)
        self._text = ""  # the text as stored, to save only real changes
        column = bare_column(self)
        self.edit = FocusPlainTextEdit(objectName="composerParagraphEdit")
        hint = self.tr(
            "**bold**, *italic*, [a link](https://…), and lines starting with “- ” for bullets"
        )
        self.edit.setToolTip(hint)
        self.edit.focusLost.connect(self.saveRequested)
        row = QHBoxLayout()
        row.addWidget(hint_label(hint), 1)
        row.addWidget(save_button("composerSaveParagraph", lambda: self.saveRequested.emit()))
        column.addWidget(self.edit, 1)
        column.addLayout(row)

    def load(self, s: Session, block: Block) -> None:
        self._text = str(self.editing.data.get("text", ""))
        self.edit.setPlainText(self._text)

    def dirty(self) -> bool:
        return self.edit.toPlainText() != self._text

    def save(self) -> bool:
        if not self.dirty():
            return False
        text = self.edit.toPlainText()
        if self.editing.save(self.tr("Edit paragraph"), {**self.editing.data, "text": text}):
            self._text = text
            return True
        return False


class AutoParagraphNote(QLabel):
    """In place of an editor for a paragraph dotsdesk writes."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, wordWrap=True, objectName="composerAutoParagraph")
        self.setAlignment(Qt.AlignmentFlag.AlignTop)

    def load(self, data: dict[str, Any]) -> None:
        what = QCoreApplication.translate("OutlineModel", AUTO_WORDS[data["auto"]])
        about = self.tr(
            "dotsdesk writes this paragraph from the post's series and the consent levels and "
            "translations its quotes use."
        )
        self.setText(f"<b>{what}</b><br>{about}")
