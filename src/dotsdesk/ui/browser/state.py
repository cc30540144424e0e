"""Column layout of the browser's table (widths, hidden columns, the sort arrow), and keeping
the selected response in place when a refresh would drop it."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QTableView

from ...services.browser.query import BrowseQuery, SortKey
from .model import Column, ResponseTableModel

WIDTHS = {
    "respondent": 84,
    "question": 150,
    "language": 68,
    "length": 60,
    "segments": 70,
    "consent": 80,
}
ATTRIBUTE_WIDTH = 110
MIN_PREVIEW = 260


def column_key(column: Column) -> str:
    return f"attribute:{column.attribute}" if column.attribute else column.key


class ColumnState(QObject):
    """Widths the user set survive model resets and column changes; the preview takes the
    width the other columns leave (at least MIN_PREVIEW, then the table scrolls)."""

    def __init__(self, table: QTableView, model: ResponseTableModel) -> None:
        super().__init__(table)
        self._table = table
        self._model = model
        self._widths: dict[str, int] = {}
        self._hidden: set[str] = set()
        self._fitting = False
        table.horizontalHeader().sectionResized.connect(self._resized)
        table.viewport().installEventFilter(self)
        self.apply()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.fit_preview()
        return False

    def _resized(self, section: int, _old: int, new: int) -> None:
        if self._fitting or not 0 <= section < len(self._model.columns) or new <= 0:
            return
        column = self._model.columns[section]
        if column.key != "preview":
            self._widths[column_key(column)] = new
            self.fit_preview()

    def apply(self) -> None:
        header = self._table.horizontalHeader()
        self._fitting = True
        try:
            for i, column in enumerate(self._model.columns):
                key = column_key(column)
                header.setSectionHidden(i, key in self._hidden)
                if column.key != "preview":
                    default = WIDTHS.get(column.key, ATTRIBUTE_WIDTH)
                    header.resizeSection(i, self._widths.get(key, default))
        finally:
            self._fitting = False
        self.fit_preview()

    def fit_preview(self) -> None:
        header = self._table.horizontalHeader()
        preview = next(i for i, c in enumerate(self._model.columns) if c.key == "preview")
        others = sum(
            header.sectionSize(i)
            for i in range(len(self._model.columns))
            if i != preview and not header.isSectionHidden(i)
        )
        width = max(MIN_PREVIEW, self._table.viewport().width() - others)
        self._fitting = True
        try:
            header.resizeSection(preview, width)
        finally:
            self._fitting = False

    def reset(self) -> None:
        self._hidden.clear()
        self._model.set_attributes([])
        self.apply()

    def attributes(self) -> list[str]:
        return [c.attribute for c in self._model.columns if c.attribute]

    def set_attributes(self, names: Sequence[str], query: BrowseQuery) -> None:
        self._model.set_attributes(names)
        self.apply()
        self.show_sort(query)

    def hidden(self) -> set[str]:
        return set(self._hidden)

    def set_hidden(self, key: str, hidden: bool) -> None:
        if hidden:
            self._hidden.add(key)
        else:
            self._hidden.discard(key)
        self.apply()

    def show_sort(self, query: BrowseQuery) -> None:
        """Put the header's arrow on the query's sort column (none for import order),
        without the header asking for a sort again."""
        section = -1
        for i, column in enumerate(self._model.columns):
            same_attribute = query.sort is not SortKey.ATTRIBUTE or (
                column.attribute == query.sort_attribute
            )
            if column.sort is query.sort and same_attribute:
                section = i
        order = Qt.SortOrder.DescendingOrder if query.descending else Qt.SortOrder.AscendingOrder
        header = self._table.horizontalHeader()
        header.blockSignals(True)
        header.setSortIndicator(section, order)
        header.blockSignals(False)
        header.viewport().update()


def keep_in_place(ids: list[int], old: Sequence[int], current: int) -> list[int]:
    """`ids` with `current` put back where it was in `old` (after its nearest earlier
    neighbour still listed), if the new ids dropped it."""
    present = set(ids)
    if current in present or current not in old:
        return ids
    at = 0
    for before in reversed(old[: list(old).index(current)]):
        if before in present:
            at = ids.index(before) + 1
            break
    return [*ids[:at], current, *ids[at:]]
