"""Writing or editing one memo: a plain text box, since a memo is a note, not a document."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)


class MemoDialog(QDialog):
    def __init__(self, title: str, about: str, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("memoDialog")
        self.setWindowTitle(title)
        self.resize(520, 320)
        self.editor = QPlainTextEdit(text, objectName="memoText")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        column = QVBoxLayout(self)
        if about:
            column.addWidget(QLabel(about, wordWrap=True))
        column.addWidget(self.editor, 1)
        column.addWidget(self.buttons)

    def text(self) -> str:
        return self.editor.toPlainText()
