"""Links: a table of titles and URLs; rows without a URL are dropped on save."""

from __future__ import annotations

from PySide6.QtWidgets import QTableWidget, QTableWidgetItem, QWidget
from sqlalchemy.orm import Session

from ....model import Block
from .base import BlockPage, Editing, bare_column, table_tools


class LinksPage(BlockPage):
    def __init__(self, editing: Editing, parent: QWidget | None = None) -> None:
        super().__init__(editing, parent)
        column = bare_column(self)
        self.table = QTableWidget(0, 2, objectName="composerLinks")
        self.table.setHorizontalHeaderLabels([self.tr("Title"), self.tr("URL")])
        self.table.horizontalHeader().setStretchLastSection(True)
        column.addWidget(self.table, 1)
        column.addLayout(
            table_tools(
                self.table,
                (self.tr("Add link"), self.tr("Remove link")),
                lambda: self.table.insertRow(self.table.rowCount()),
                self.save,
                ("composerAddLink", "composerRemoveLink", "composerSaveLinks"),
            )
        )

    def load(self, s: Session, block: Block) -> None:
        links = self.editing.data.get("links", [])
        self.table.setRowCount(len(links))
        for i, link in enumerate(links):
            self.table.setItem(i, 0, QTableWidgetItem(str(link.get("title", ""))))
            self.table.setItem(i, 1, QTableWidgetItem(str(link.get("url", ""))))

    def save(self) -> bool:
        links = []
        for row in range(self.table.rowCount()):
            title, url = (self.table.item(row, c) for c in (0, 1))
            url_text = url.text().strip() if url else ""
            if url_text:
                links.append({"title": title.text().strip() if title else "", "url": url_text})
        return self.editing.save(self.tr("Edit links"), {**self.editing.data, "links": links})
