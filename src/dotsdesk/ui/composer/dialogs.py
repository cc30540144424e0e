"""Small dialogs of the composer: a new post from the codes, and the blocked-export question."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QSpinBox,
    QWidget,
)


class NewPostDialog(QDialog):
    """Title, series, number and the parent code whose children become the sections."""

    def __init__(self, code_paths: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("newPostDialog")
        self.setWindowTitle("New post from codes")
        self.title = QLineEdit(objectName="newPostTitle")
        self.title.setPlaceholderText("Do you write production code as a data scientist?")
        self.series = QLineEdit(objectName="newPostSeries")
        self.series.setPlaceholderText("Connect the Dots (optional)")
        self.number = QSpinBox(objectName="newPostNumber", minimum=0, maximum=9999)
        self.number.setSpecialValueText("none")
        self.code = QComboBox(objectName="newPostCode")
        self.code.addItems(code_paths)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Create draft")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.title.textChanged.connect(self._check)
        form = QFormLayout(self)
        form.addRow("Title", self.title)
        form.addRow("Series", self.series)
        form.addRow("Number in series", self.number)
        form.addRow("Sections from the children of", self.code)
        form.addRow(self.buttons)
        self._check()

    def _check(self) -> None:
        ok = bool(self.title.text().strip()) and self.code.count() > 0
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)

    def values(self) -> tuple[str, str | None, int | None, str]:
        number = self.number.value() or None
        return (
            self.title.text().strip(),
            self.series.text().strip() or None,
            number,
            self.code.currentText(),
        )
