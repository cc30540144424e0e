"""Find a quote: a search box over coded segments, its hits in a list that can be dragged
onto the outline (the codebook's segment payload) or added with a button or a double-click."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QMimeData, QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...errors import DotsError
from ...services.composer.quote_search import QuoteHit, find_segments
from ..codebook.mime import SEGMENT_MIME, segment_data
from ..context import ProjectContext
from ..i18n import arg

SEARCH_DELAY_MS = 250
LIMIT = 50
RESULTS_HEIGHT = 160  # pixels: the outline keeps the room
SEGMENT_ROLE = Qt.ItemDataRole.UserRole + 1


class QuoteHitModel(QAbstractListModel):
    """The hits, one row each: "P13 · Theme/Pair coding — text…"; dragged as a segment."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.hits: list[QuoteHit] = []

    def set_hits(self, hits: list[QuoteHit]) -> None:
        self.beginResetModel()
        self.hits = list(hits)
        self.endResetModel()

    def rowCount(self, parent: Any = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.hits)

    def data(self, index: Any, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.hits):
            return None
        hit = self.hits[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            codes = self.tr(", ").join(hit.code_paths)
            if hit.translated:
                text = self.tr("%1 · %2 (via translation) — %3")
            else:
                text = self.tr("%1 · %2 — %3")
            return arg(text, hit.respondent, codes, hit.preview)
        if role == Qt.ItemDataRole.ToolTipRole:
            return hit.text
        if role == SEGMENT_ROLE:
            return hit.id
        return None

    def flags(self, index: Any) -> Qt.ItemFlag:
        base = super().flags(index)
        return base | Qt.ItemFlag.ItemIsDragEnabled if index.isValid() else base

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.CopyAction

    def mimeTypes(self) -> list[str]:
        return [SEGMENT_MIME]

    def mimeData(self, indexes: Any) -> QMimeData:
        rows = [i.row() for i in indexes if i.isValid()]
        if not rows:
            return QMimeData()
        hit = self.hits[rows[0]]
        return segment_data(hit.id, hit.text)


class QuoteFinder(QWidget):
    """`quoteRequested(segment_id)` when the user adds the chosen hit."""

    quoteRequested = Signal(int)

    def __init__(self, ctx: ProjectContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("composerQuoteFinder")
        self.ctx = ctx
        self.query = QLineEdit(objectName="composerQuoteSearch")
        self.query.setPlaceholderText(self.tr("Find a quote (English or 中文)…"))
        self.query.setClearButtonEnabled(True)
        self.add_button = QPushButton(self.tr("Add quote"), objectName="composerAddFoundQuote")
        self.add_button.setEnabled(False)
        self.add_button.clicked.connect(self.add_current)
        self.count_label = QLabel(objectName="composerQuoteCount")
        self.model = QuoteHitModel(self)
        self.results = QListView(objectName="composerQuoteResults")
        self.results.setModel(self.model)
        self.results.setUniformItemSizes(True)
        self.results.setMaximumHeight(RESULTS_HEIGHT)
        self.results.setDragEnabled(True)
        self.results.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.results.setDefaultDropAction(Qt.DropAction.CopyAction)
        self.results.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.results.setToolTip(
            self.tr("Double-click, or drag onto the outline, to quote a segment")
        )
        self.results.doubleClicked.connect(lambda index: self._request(index))
        self.results.selectionModel().currentChanged.connect(
            lambda current, _old: self.add_button.setEnabled(current.isValid())
        )
        self._timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.run_search)
        self.query.textChanged.connect(lambda _t: self._timer.start())
        self.query.returnPressed.connect(self.run_search)
        ctx.projectChanged.connect(self.clear)

        row = QHBoxLayout()
        row.addWidget(self.query, 1)
        row.addWidget(self.add_button)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(row)
        column.addWidget(self.count_label)
        column.addWidget(self.results, 1)
        self.count_label.hide()
        self.results.hide()

    def clear(self) -> None:
        self._timer.stop()
        self.query.blockSignals(True)
        self.query.clear()
        self.query.blockSignals(False)
        self._show([], "")

    def run_search(self) -> list[QuoteHit]:
        self._timer.stop()
        text = self.query.text().strip()
        if not text or self.ctx.project is None:
            self._show([], "")
            return []
        try:
            with self.ctx.read() as s:
                hits = find_segments(s, text, limit=LIMIT)
        except DotsError as exc:
            self._show([], arg(self.tr("The search failed: %1"), exc))
            return []
        if not hits:
            message = self.tr("No coded segment")
        elif len(hits) >= LIMIT:
            message = self.tr("%n+ coded segment(s)", "", len(hits))
        else:
            message = self.tr("%n coded segment(s)", "", len(hits))
        self._show(hits, message)
        return hits

    def _show(self, hits: list[QuoteHit], message: str) -> None:
        self.model.set_hits(hits)
        self.add_button.setEnabled(False)
        self.count_label.setText(message)
        self.count_label.setVisible(bool(message))
        self.results.setVisible(bool(hits))
        if hits:
            self.results.setCurrentIndex(self.model.index(0, 0))

    def add_current(self) -> None:
        self._request(self.results.currentIndex())

    def _request(self, index: QModelIndex) -> None:
        if index.isValid():
            self.quoteRequested.emit(int(index.data(SEGMENT_ROLE)))
