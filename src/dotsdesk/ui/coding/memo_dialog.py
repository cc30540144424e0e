"""A small dialog to write a memo; returns None on Cancel so that Cancel changes nothing."""

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
    def __init__(self, parent: QWidget | None, title: str, about: str, text: str) -> None:
        super().__init__(parent)
        self.setObjectName("memoDialog")
        self.setWindowTitle(title)
        self.editor = QPlainTextEdit(text)
        self.editor.setObjectName("memoText")
        about_label = QLabel(about)
        about_label.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(about_label)
        layout.addWidget(self.editor)
        layout.addWidget(buttons)
        self.resize(460, 280)


def ask_memo(parent: QWidget | None, title: str, about: str, text: str) -> str | None:
    dialog = MemoDialog(parent, title, about, text)
    try:
        return dialog.editor.toPlainText() if dialog.exec() == QDialog.DialogCode.Accepted else None
    finally:
        dialog.deleteLater()
