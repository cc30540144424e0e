"""A profile of the respondents: its bullets, each an attribute and a wording, or fixed text."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QTableWidget, QTableWidgetItem, QWidget
from sqlalchemy.orm import Session

from ....model import Block
from ....services.composer.profile import DEFAULT_TEMPLATE
from ....services.corpus.respondents import list_attributes
from .base import (
    BlockPage,
    Editing,
    bare_column,
    figure_label,
    hint_label,
    show_figure,
    table_tools,
)

BULLET_ROLE = Qt.ItemDataRole.UserRole + 1  # the bullet as stored, to keep order and words


class ProfilePage(BlockPage):
    def __init__(self, editing: Editing, parent: QWidget | None = None) -> None:
        super().__init__(editing, parent)
        self.setObjectName("composerProfile")
        self._attributes: list[str] = []  # attribute names, for the bullets' choices
        column = bare_column(self)
        self.figure = figure_label("composerProfileFigure")
        column.addWidget(self.figure)
        self.table = QTableWidget(0, 2, objectName="composerProfileBullets")
        self.table.setHorizontalHeaderLabels([self.tr("Attribute"), self.tr("Wording")])
        self.table.horizontalHeader().setStretchLastSection(True)
        hint = self.tr(
            "Wording fields: {values} (the values, in the bullet's order), {top} (the most "
            "common), {n} (how many), {min} / {max} (numbers), {Attribute} / {attribute} (its "
            "name)"
        )
        self.table.setToolTip(hint)
        column.addWidget(self.table, 1)
        column.addWidget(hint_label(hint))
        column.addLayout(
            table_tools(
                self.table,
                (self.tr("Add bullet"), self.tr("Remove bullet")),
                lambda: self._add_row({"text": ""}),
                self.save,
                ("composerAddBullet", "composerRemoveBullet", "composerSaveProfile"),
            )
        )

    def load(self, s: Session, block: Block) -> None:
        show_figure(self.figure, s, block.id)
        self._attributes = [a.name for a in list_attributes(s)]
        self.table.setRowCount(0)
        for bullet in self.editing.data.get("bullets", []):
            self._add_row(bullet)

    def _add_row(self, bullet: dict[str, Any]) -> None:
        table = self.table
        row = table.rowCount()
        table.insertRow(row)
        combo = QComboBox()
        combo.addItem(self.tr("(fixed text)"))  # always the first entry
        attributes = list(self._attributes)
        name = bullet.get("attribute")
        if name and name not in attributes:
            attributes.append(str(name))  # a deleted attribute: shown, refused on save
        combo.addItems(attributes)
        combo.setCurrentIndex(max(combo.findText(str(name)), 0) if name else 0)
        table.setCellWidget(row, 0, combo)
        wording = str(bullet.get("text", "")) if "text" in bullet else bullet.get("template")
        item = QTableWidgetItem(str(wording or ""))
        item.setData(BULLET_ROLE, dict(bullet))
        table.setItem(row, 1, item)
        table.resizeColumnToContents(0)

    def bullets(self) -> list[dict[str, Any]]:
        """The table as bullets; a bullet keeps its value order and words while its
        attribute stays the same. Empty rows are dropped."""
        bullets: list[dict[str, Any]] = []
        for row in range(self.table.rowCount()):
            combo = self.table.cellWidget(row, 0)
            item = self.table.item(row, 1)
            wording = item.text().strip() if item is not None else ""
            stored = dict(item.data(BULLET_ROLE) or {}) if item is not None else {}
            fixed = not isinstance(combo, QComboBox) or combo.currentIndex() <= 0
            attribute = "" if fixed or not isinstance(combo, QComboBox) else combo.currentText()
            if fixed:
                if wording:
                    bullets.append({"text": wording})
                continue
            bullet = {k: v for k, v in stored.items() if k in ("order", "others", "words")}
            if stored.get("attribute") != attribute:
                bullet = {}
            bullet["attribute"] = attribute
            bullet["template"] = wording or DEFAULT_TEMPLATE
            bullets.append(bullet)
        return bullets

    def save(self) -> bool:
        return self.editing.save(
            self.tr("Edit profile"), {**self.editing.data, "bullets": self.bullets()}
        )
