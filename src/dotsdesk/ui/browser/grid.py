"""The survey grid: one row per respondent, one column per question, each cell an answer.

A selected cell is offered to the rest of the window as a selection of the whole answer, so
a code's shortcut (or the cell's context menu) codes it without leaving the grid.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from html import escape
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QColor, QContextMenuEvent, QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QMenu, QTableView, QWidget

from ...services.browser import query as browse
from ...services.browser.query import CodeChoice, Grid, ResponseRow
from ...services.corpus.responses import get_response
from ..context import ProjectContext, TextSelection
from .frozen import FrozenColumn
from .menus import add_code_tree, compact_rows, swatch
from .model import LENGTH_ROLE, RESPONSE_ID_ROLE, Fetch, Index

PAGE = 100  # respondents per fetch
TOOLTIP_CHARS = 2000
CODED_TINT = "#E3F2E5"


class GridModel(QAbstractTableModel):
    """Lazy like the list: the grid's ids come in one query, each page of respondents'
    answers when first shown."""

    def __init__(self, fetch: Fetch, full_text: Callable[[int], str], parent: Any = None) -> None:
        super().__init__(parent)
        self._fetch = fetch
        self._full_text = full_text
        self._grid = Grid((), [])
        self._pages: dict[int, dict[int, ResponseRow]] = {}
        self._where: dict[int, tuple[int, int]] | None = None

    def set_grid(self, grid: Grid) -> None:
        self.beginResetModel()
        self._grid, self._where = grid, None
        self._pages.clear()
        self.endResetModel()

    def reload(self) -> None:
        self._pages.clear()
        if self._grid.rows:
            last = self.index(self.rowCount() - 1, self.columnCount() - 1)
            self.dataChanged.emit(self.index(0, 0), last)

    def response_id(self, index: Index) -> int | None:
        if not index.isValid() or index.column() == 0:
            return None
        return self._grid.rows[index.row()].cells[index.column() - 1]

    def ordered_ids(self) -> list[int]:
        return [rid for row in self._grid.rows for rid in row.cells if rid is not None]

    def index_of(self, response_id: int) -> QModelIndex:
        if self._where is None:
            self._where = {
                rid: (r, c + 1)
                for r, row in enumerate(self._grid.rows)
                for c, rid in enumerate(row.cells)
                if rid is not None
            }
        found = self._where.get(response_id)
        return self.index(*found) if found else QModelIndex()

    def _row(self, index: Index) -> ResponseRow | None:
        rid = self.response_id(index)
        if rid is None:
            return None
        page = index.row() // PAGE
        if page not in self._pages:
            people = self._grid.rows[page * PAGE : (page + 1) * PAGE]
            ids = [c for person in people for c in person.cells if c is not None]
            self._pages[page] = self._fetch(ids, ())
        return self._pages[page].get(rid)

    # -- Qt's model interface -------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._grid.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._grid.questions) + 1

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
        ):
            return None
        if section == 0:
            return self.tr("Respondent")
        if 0 < section <= len(self._grid.questions):
            return self._grid.questions[section - 1] or self.tr("(no question)")
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if index.column() == 0:
            person = self._grid.rows[index.row()]
            return person.respondent if role == Qt.ItemDataRole.DisplayRole else None
        if role == RESPONSE_ID_ROLE:
            return self.response_id(index)
        if role == Qt.ItemDataRole.ToolTipRole:
            rid = self.response_id(index)
            return _tooltip(self._full_text(rid), self._row(index)) if rid else None
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.BackgroundRole, LENGTH_ROLE):
            return None
        row = self._row(index)
        if row is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return row.preview
        if role == LENGTH_ROLE:
            return row.length
        return QColor(CODED_TINT) if row.segments else None


def _tooltip(text: str, row: ResponseRow | None) -> str:
    shown = text if len(text) <= TOOLTIP_CHARS else text[:TOOLTIP_CHARS] + "…"
    count = GridView.tr("%n segment(s)", "", row.segments) if row is not None else ""
    coded = f"<p><i>{count}</i></p>" if row is not None else ""
    return f'<p style="white-space: pre-wrap">{escape(shown)}</p>{coded}'


class GridView(QTableView):
    """Selecting a cell shows its answer and makes the whole answer the current selection."""

    def __init__(self, ctx: ProjectContext, fetch: Fetch, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("browserGrid")
        self._ctx = ctx
        self._quiet = False
        self.grid_model = GridModel(fetch, self._full_text, self)
        self.setModel(self.grid_model)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setWordWrap(False)
        self.verticalHeader().hide()
        compact_rows(self)
        header = self.horizontalHeader()
        header.setDefaultSectionSize(260)
        header.setStretchLastSection(True)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.selectionModel().currentChanged.connect(self._current_changed)
        self.frozen = FrozenColumn(self)  # the respondent stays in sight when scrolled

    def load(self, response_ids: Collection[int] | None = None) -> None:
        """(Re)build the grid; `response_ids` keeps only respondents who gave one of them."""
        keep = self.current_response_id()
        if self._ctx.project is None:
            self.grid_model.set_grid(Grid((), []))
            return
        with self._ctx.read() as s:
            self.grid_model.set_grid(browse.grid(s, response_ids))
        self.setColumnWidth(0, 90)
        self.frozen.refresh()
        if keep is not None:
            self.select_response(keep, emit=False)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.frozen.place()

    def current_response_id(self) -> int | None:
        return self.grid_model.response_id(self.currentIndex())

    def ordered_ids(self) -> list[int]:
        """Answers in reading order: row by row, question by question."""
        return self.grid_model.ordered_ids()

    def select_response(self, response_id: int, *, emit: bool = True) -> bool:
        index = self.grid_model.index_of(response_id)
        if not index.isValid():
            return False
        self._quiet = not emit
        try:
            self.setCurrentIndex(index)
        finally:
            self._quiet = False
        self.scrollTo(index)
        return True

    def whole_answer(self, index: QModelIndex | None = None) -> TextSelection | None:
        index = index if index is not None else self.currentIndex()
        rid = self.grid_model.response_id(index)
        length = index.data(LENGTH_ROLE)
        return TextSelection(rid, 0, length) if rid is not None and length else None

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        selection = self.whole_answer(current)
        if self._quiet or selection is None:
            return
        self._ctx.responseActivated.emit(selection.response_id)
        self._ctx.selectionChanged.emit(selection)

    def _full_text(self, response_id: int) -> str:
        if self._ctx.project is None:
            return ""
        with self._ctx.read() as s:
            return get_response(s, response_id).text

    # -- coding from the grid -------------------------------------------------------------
    def code_whole_answer(self, code_ids: list[int], index: QModelIndex | None = None) -> None:
        selection = self.whole_answer(index)
        if selection is not None:
            self._ctx.apply_codes(code_ids, selection)

    def context_menu(self, index: QModelIndex) -> QMenu | None:
        """The cell's menu: code the whole answer with any code (built fresh each time)."""
        if self.whole_answer(index) is None or self._ctx.project is None:
            return None
        with self._ctx.read() as s:
            codes = browse.code_choices(s)
        menu = QMenu(self)
        sub = menu.addMenu(self.tr("Code whole answer with…"))
        sub.setObjectName("browserCodeWholeAnswer")

        def add(target: QMenu, code: CodeChoice, text: str) -> None:
            action = target.addAction(swatch(code.colour), text)
            action.setData(code.id)
            action.triggered.connect(lambda _=False: self.code_whole_answer([code.id], index))

        add_code_tree(sub, codes, add, "{name}")
        return menu

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        if event.reason() == QContextMenuEvent.Reason.Keyboard:  # the Menu key: current cell
            index = self.currentIndex()
            where = self.viewport().mapToGlobal(self.visualRect(index).center())
        else:
            index = self.indexAt(event.pos())
            where = event.globalPos()
        menu = self.context_menu(index) if index.isValid() else None
        if menu is not None:
            self.setCurrentIndex(index)
            menu.exec(where)
            menu.deleteLater()
