"""Small dialogs of the composer: a new post from the codes, and a post's population."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ..i18n import arg


class NewPostDialog(QDialog):
    """Title, series, number and the parent code whose children become the sections."""

    def __init__(self, code_paths: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("newPostDialog")
        self.setWindowTitle(self.tr("New post from codes"))
        self.title = QLineEdit(objectName="newPostTitle")
        self.title.setPlaceholderText(self.tr("Do you write production code as a data scientist?"))
        self.series = QLineEdit(objectName="newPostSeries")
        self.series.setPlaceholderText(self.tr("Connect the Dots (optional)"))
        self.number = QSpinBox(objectName="newPostNumber", minimum=0, maximum=9999)
        self.number.setSpecialValueText(self.tr("none"))
        self.code = QComboBox(objectName="newPostCode")
        self.code.addItems(code_paths)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Create draft"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.title.textChanged.connect(self._check)
        form = QFormLayout(self)
        form.addRow(self.tr("Title"), self.title)
        form.addRow(self.tr("Series"), self.series)
        form.addRow(self.tr("Number in series"), self.number)
        form.addRow(self.tr("Sections from the children of"), self.code)
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


class PopulationDialog(QDialog):
    """Whom a post's figures count: every respondent now in the project, or those of some
    imported files, saved with the post under a name shown beside each figure."""

    def __init__(
        self,
        sources: list[tuple[str, int]],
        everyone: int,
        name_for: Callable[[list[str] | None], str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("populationDialog")
        self.setWindowTitle(self.tr("Population of the post"))
        self._name_for = name_for
        self._named_by_hand = False
        intro = QLabel(
            self.tr(
                "The post's statistics and profile are computed over these respondents, now "
                "and after later imports. Changing them changes figures; each change is listed "
                "as an issue until you accept it."
            ),
            wordWrap=True,
        )
        self.everyone = QRadioButton(
            arg(self.tr("Every respondent now in the project (%1)"), everyone),
            objectName="populationEveryone",
        )
        self.from_files = QRadioButton(
            self.tr("The respondents of these imported files:"), objectName="populationFromFiles"
        )
        self.files = QListWidget(objectName="populationFiles")
        for source, n in sources:
            item = QListWidgetItem(arg(self.tr("%1 (%n respondent(s))", "", n), source))
            item.setData(Qt.ItemDataRole.UserRole, source)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.files.addItem(item)
        self.from_files.setEnabled(bool(sources))
        self.everyone.setChecked(True)
        self.name = QLineEdit(objectName="populationName")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Set population"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.everyone.toggled.connect(self._update)
        self.files.itemChanged.connect(self._update)
        self.name.textEdited.connect(self._edited)
        column = QVBoxLayout(self)
        column.addWidget(intro)
        column.addWidget(self.everyone)
        column.addWidget(self.from_files)
        column.addWidget(self.files)
        form = QFormLayout()
        form.addRow(self.tr("Name beside each figure"), self.name)
        column.addLayout(form)
        column.addWidget(self.buttons)
        self._update()

    def chosen_sources(self) -> list[str] | None:
        """None for every respondent, else the checked files."""
        if self.everyone.isChecked():
            return None
        return [
            str(item.data(Qt.ItemDataRole.UserRole))
            for item in (self.files.item(i) for i in range(self.files.count()))
            if item.checkState() is Qt.CheckState.Checked
        ]

    def values(self) -> tuple[list[str] | None, str]:
        return self.chosen_sources(), self.name.text().strip()

    def _edited(self, _text: str) -> None:
        self._named_by_hand = True

    def _update(self, *_args: object) -> None:
        self.files.setEnabled(self.from_files.isChecked())
        chosen = self.chosen_sources()
        ok = chosen is None or bool(chosen)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)
        if ok and not self._named_by_hand:  # the name follows the choice until typed over
            self.name.setText(self._name_for(chosen))
