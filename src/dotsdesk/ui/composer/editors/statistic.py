"""A statistic: the codes it counts, whom of the post's population it counts them among,
and its wording; above them, what it is counted over and how it compares with the figure
last drafted, exported or accepted."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QWidget,
)
from sqlalchemy.orm import Session

from ....errors import DotsError
from ....model import Block
from ....services.coding.codebook import code_paths
from ....services.composer.profile import attribute_values
from ....services.corpus.respondents import list_attributes
from .base import BlockPage, Editing, figure_label, save_button, show_figure

CODE_ROLE = Qt.ItemDataRole.UserRole + 2


class StatisticPage(BlockPage):
    def __init__(self, editing: Editing, parent: QWidget | None = None) -> None:
        super().__init__(editing, parent)
        form = QFormLayout(self)
        self.figure = figure_label("composerStatisticFigure")
        self.codes = QListWidget(objectName="composerStatisticCodes")
        self.codes.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.codes.setToolTip(self.tr("The respondents coded with any checked code count"))
        self.descendants = QCheckBox(
            self.tr("Count the codes below them too"), objectName="composerStatisticDescendants"
        )
        self.attribute = QComboBox(objectName="composerStatisticAttribute")
        self.attribute.setToolTip(
            self.tr(
                "Count everyone in the post's population, or only those with an attribute value"
            )
        )
        self.attribute.currentTextChanged.connect(self._fill_population_values)
        self.value = QComboBox(objectName="composerStatisticValue", editable=True)
        population = QHBoxLayout()
        population.addWidget(self.attribute, 1)
        population.addWidget(QLabel("="))
        population.addWidget(self.value, 1)
        self.template = QLineEdit(objectName="composerStatisticTemplate")
        hint = self.tr("Fields: {percent}, {count}, {total}")
        self.template.setToolTip(hint)
        self.template.returnPressed.connect(self.save)
        form.addRow(self.tr("Figure"), self.figure)
        form.addRow(self.tr("Codes"), self.codes)
        form.addRow("", self.descendants)
        form.addRow(self.tr("Among"), population)
        form.addRow(self.tr("Template"), self.template)
        form.addRow("", QLabel(hint))
        form.addRow("", save_button("composerSaveStatistic", self.save))

    def load(self, s: Session, block: Block) -> None:
        data = self.editing.data
        show_figure(self.figure, s, block.id)
        chosen = set(data.get("code_ids", []))
        self.codes.clear()
        for code_id, path in sorted(code_paths(s).items(), key=lambda kv: kv[1]):
            item = QListWidgetItem(path)
            item.setData(CODE_ROLE, code_id)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            checked = code_id in chosen
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            self.codes.addItem(item)
        first = next(
            (
                self.codes.item(i)
                for i in range(self.codes.count())
                if self.codes.item(i).checkState() is Qt.CheckState.Checked
            ),
            None,
        )
        if first is not None:
            self.codes.scrollToItem(first)
        self.descendants.setChecked(data.get("descendants", True) is not False)
        population = data.get("population") or {}
        self.attribute.blockSignals(True)
        self.attribute.clear()
        self.attribute.addItem(self.tr("Everyone"))  # in the post's population
        self.attribute.addItems([a.name for a in list_attributes(s)])
        index = self.attribute.findText(str(population.get("attribute", "")))
        self.attribute.setCurrentIndex(max(index, 0))
        self.attribute.blockSignals(False)
        self._fill_population_values(self.attribute.currentText(), s)
        self.value.setCurrentText(str(population.get("value", "")))
        self.template.setText(str(data.get("template", "")))

    def checked_codes(self) -> list[int]:
        """The checked codes, those the block had first (in its order), then the others."""
        checked = [
            int(item.data(CODE_ROLE))
            for item in (self.codes.item(i) for i in range(self.codes.count()))
            if item.checkState() is Qt.CheckState.Checked
        ]
        before = [c for c in self.editing.data.get("code_ids", []) if c in checked]
        return before + [c for c in checked if c not in before]

    def save(self) -> bool:
        """Codes, population and template together: one step."""
        data: dict[str, Any] = {
            **self.editing.data,
            "code_ids": self.checked_codes(),
            "template": self.template.text().strip(),
            "descendants": None if self.descendants.isChecked() else False,
        }
        attribute = self.attribute.currentText()
        if self.attribute.currentIndex() <= 0 or not attribute:
            data.pop("population", None)
        else:
            data["population"] = {"attribute": attribute, "value": self.value.currentText().strip()}
        return self.editing.save(self.tr("Edit statistic"), data)

    def _fill_population_values(self, attribute: str, session: Session | None = None) -> None:
        """The attribute's values, most common first, to choose the population from."""
        self.value.clear()
        all_people = self.attribute.currentIndex() <= 0
        self.value.setEnabled(not all_people)
        if all_people or not attribute:
            return
        try:
            if session is not None:
                counts = attribute_values(session, attribute)
            else:
                with self.editing.ctx.read() as s:
                    counts = attribute_values(s, attribute)
        except DotsError:
            return
        self.value.addItems(sorted(counts, key=lambda v: (-counts[v], v)))
