"""Naming a new set and saying whether it holds respondents or responses."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ...model import SetKind


class NewSetDialog(QDialog):
    def __init__(
        self, responses: int, respondents: int, name: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("newSetDialog")
        self.setWindowTitle(self.tr("New set"))
        self.name = QLineEdit(name, objectName="newSetName")
        self.name.selectAll()
        self.people = QRadioButton(
            self.tr("Respondents: %n person(s), with all their answers", "", respondents),
            objectName="newSetRespondents",
        )
        self.answers = QRadioButton(
            self.tr("Responses: just these %n answer(s)", "", responses),
            objectName="newSetResponses",
        )
        self.people.setChecked(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.name.textChanged.connect(self._update)
        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name)
        column = QVBoxLayout(self)
        column.addLayout(form)
        column.addWidget(QLabel(self.tr("The set holds:")))
        column.addWidget(self.people)
        column.addWidget(self.answers)
        column.addWidget(self.buttons)
        self._update()

    def _update(self, *_args: object) -> None:
        ok = bool(self.name.text().strip())
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)

    def values(self) -> tuple[str, SetKind]:
        kind = SetKind.RESPONDENTS if self.people.isChecked() else SetKind.RESPONSES
        return self.name.text().strip(), kind
