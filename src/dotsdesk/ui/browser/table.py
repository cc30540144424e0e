"""The list view of the browser: the lazy model in a table that never measures its rows."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QAbstractItemView, QTableView, QWidget

from .delegates import HitDelegate
from .menus import compact_rows
from .model import Fetch, ResponseTableModel
from .state import ColumnState

SELECT_ROW = (
    QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
)


class ResponseTable(QTableView):
    """Clicking a header asks the model to sort, which asks the browser to re-query."""

    def __init__(self, fetch: Fetch, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("browserTable")
        self.response_model = ResponseTableModel(fetch, self)
        self.setModel(self.response_model)
        preview = next(i for i, c in enumerate(self.response_model.columns) if c.key == "preview")
        self.setItemDelegateForColumn(preview, HitDelegate(self))
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        # Several rows (Shift/Ctrl+click) for "Add selected to set"; the current row is
        # still the one shown for coding.
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setWordWrap(False)
        self.setAlternatingRowColors(True)
        self.verticalHeader().hide()
        compact_rows(self)
        # No arrow until the user sorts: the ids start in import order.
        self.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.setSortingEnabled(True)
        self.columns = ColumnState(self, self.response_model)

    def current_response_id(self) -> int | None:
        return self.response_model.response_id(self.currentIndex().row())

    def selected_response_ids(self) -> list[int]:
        """The selected rows' responses in list order (the current one if none is)."""
        rows = sorted(i.row() for i in self.selectionModel().selectedRows())
        ids = [self.response_model.response_id(r) for r in rows]
        found = [i for i in ids if i is not None]
        current = self.current_response_id()
        return found or ([current] if current is not None else [])

    def select_response(self, response_id: int | None) -> bool:
        """Select the response's row (and scroll to it); clear the selection if unlisted."""
        row = self.response_model.row_of(response_id) if response_id is not None else None
        if row is None:
            self.selectionModel().clear()
            return False
        index = self.response_model.index(row, 0)
        self.selectionModel().setCurrentIndex(index, SELECT_ROW)
        self.scrollTo(index)
        return True
