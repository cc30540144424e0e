"""A sortable table of figures (Ctrl+C copies the selection) and the list of the segments
behind the cell clicked in it, each a double-click away from the coding view."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...services.analysis.cells import CellSegment, CellSegments
from ..context import ProjectContext
from ..i18n import arg
from .models import SORT_ROLE, TableModel

Index = QModelIndex | QPersistentModelIndex


class AnalysisTable(QTableView):
    """A sortable view of a TableModel; Ctrl+C copies the selected cells."""

    def __init__(self, name: str) -> None:
        super().__init__()
        self.setObjectName(name)
        self.source = TableModel()
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.source)
        self.proxy.setSortRole(SORT_ROLE)
        self.setModel(self.proxy)
        self.setSortingEnabled(True)
        self.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # codebook order until asked
        self.verticalHeader().hide()
        # Only while this table has focus: window-wide, Ctrl+C anywhere would copy the table.
        copy = QShortcut(QKeySequence.StandardKey.Copy, self, self.copy)
        copy.setContext(Qt.ShortcutContext.WidgetShortcut)

    def copy(self) -> str:
        chosen = [self.proxy.mapToSource(i) for i in self.selectedIndexes()]
        text = self.source.as_text(chosen)
        QGuiApplication.clipboard().setText(text)
        return text

    def keys_at(self, index: QModelIndex) -> tuple[object, object]:
        """(row key, column key) of a cell of the view, whatever the sorting."""
        source = self.proxy.mapToSource(index)
        if not source.isValid():
            return None, None
        return self.source.row_keys[source.row()], self.source.column_keys[source.column()]

    def index_of(self, row: int, column: int) -> QModelIndex:
        """The view's index of the model's cell (row, column)."""
        return self.proxy.mapFromSource(self.source.index(row, column))


COLUMNS = (
    QT_TRANSLATE_NOOP("CellSegmentsModel", "Respondent"),
    QT_TRANSLATE_NOOP("CellSegmentsModel", "Code"),
    QT_TRANSLATE_NOOP("CellSegmentsModel", "Text"),
)


class CellSegmentsModel(QAbstractTableModel):
    def __init__(self) -> None:
        super().__init__()
        self.rows: list[CellSegment] = []

    def set_segments(self, rows: Sequence[CellSegment]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return QCoreApplication.translate("CellSegmentsModel", COLUMNS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            value = (row.respondent, row.code, " ".join(row.text.split()))[index.column()]
            return value
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 2:
            return row.text
        return None


class CellSegmentList(QWidget):
    """The segments behind a cell: a title saying which, and the list; a double-click (or
    Enter) shows the segment in the coding view."""

    def __init__(self, ctx: ProjectContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cellSegments")
        self._ctx = ctx
        self.title = QLabel(
            self.tr("Click a cell to list its segments"), objectName="cellSegmentsTitle"
        )
        self.title.setWordWrap(True)
        self.model = CellSegmentsModel()
        self.view = QTableView(objectName="cellSegmentsView")
        self.view.setModel(self.model)
        self.view.verticalHeader().hide()
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.setWordWrap(False)  # one line a segment: its whole text is the tooltip
        self.view.doubleClicked.connect(self.jump)
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            enter = QShortcut(
                QKeySequence(key), self.view, lambda: self.jump(self.view.currentIndex())
            )
            enter.setContext(Qt.ShortcutContext.WidgetShortcut)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.addWidget(self.title)
        layout.addWidget(self.view)

    def show_cell(self, found: CellSegments) -> None:
        self.model.set_segments(found.segments)
        listed = len(found.segments)
        segments = self.tr("%n segment(s)", "", found.total)
        people = self.tr("%n respondent(s)", "", found.respondents)
        if found.total > listed:
            text = arg(self.tr("%1: %2 from %3, the first %4 listed"), found.title, segments,
                       people, listed)  # fmt: skip
        else:
            text = arg(self.tr("%1: %2 from %3"), found.title, segments, people)
        self.title.setText(text)

    def clear(self, text: str | None = None) -> None:
        self.model.set_segments([])
        self.title.setText(self.tr("Click a cell to list its segments") if text is None else text)

    def jump(self, index: QModelIndex) -> None:
        """Show the segment in the coding view (the window brings it to the front)."""
        if not index.isValid():
            return
        row = self.model.rows[index.row()]
        self._ctx.responseActivated.emit(row.response_id)
        self._ctx.segmentActivated.emit(row.response_id, row.segment_id)


def row(*widgets: QWidget, stretch_first: bool = False) -> QWidget:
    """Widgets side by side, left-aligned (or the first taking the room left)."""
    box = QWidget()
    layout = QHBoxLayout(box)
    layout.setContentsMargins(4, 2, 4, 2)
    for n, widget in enumerate(widgets):
        layout.addWidget(widget, 1 if stretch_first and n == 0 else 0)
    if not stretch_first:
        layout.addStretch(1)
    return box


def page(*widgets: QWidget) -> QWidget:
    """Widgets one above the other, edge to edge."""
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    for widget in widgets:
        layout.addWidget(widget)
    return box
