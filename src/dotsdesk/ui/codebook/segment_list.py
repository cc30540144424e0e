"""The segments of the selected code, read a page at a time as the list scrolls.

A code in a large study has thousands of segments; the model counts them first and lets
the view ask for more (`canFetchMore`/`fetchMore`), each page a short query with a preview.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QItemSelectionModel,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHeaderView,
    QLabel,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from ...errors import NotFound
from ...services.coding import retrieval as code_segments
from ...services.coding.codebook import CodeInfo
from ...services.coding.retrieval import CodeSegment
from ...services.coding.segments import get_segment
from ..context import ProjectContext
from ..i18n import arg
from .mime import SEGMENT_MIME, segment_data

SEGMENT_ID_ROLE = Qt.ItemDataRole.UserRole + 1
PAGE = 200
COLUMNS = (  # short: the dock is often narrow
    QT_TRANSLATE_NOOP("SegmentListModel", "Resp."),
    QT_TRANSLATE_NOOP("SegmentListModel", "Text"),
    QT_TRANSLATE_NOOP("SegmentListModel", "Coder"),
)
HEADER_TIPS = (
    QT_TRANSLATE_NOOP("SegmentListModel", "Respondent"),
    QT_TRANSLATE_NOOP("SegmentListModel", "The coded text"),
    QT_TRANSLATE_NOOP("SegmentListModel", "Who coded it"),
)

Index = QModelIndex | QPersistentModelIndex


class SegmentListModel(QAbstractTableModel):
    def __init__(self, ctx: ProjectContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._code_ids: list[int] = []
        self._rows: list[CodeSegment] = []
        self.total = 0
        self.respondents = 0
        self.coders: list[str] = []

    def show_codes(self, code_ids: list[int]) -> None:
        """List the segments coded with any of these codes (none: an empty list)."""
        self.beginResetModel()
        self._code_ids = list(code_ids)
        self._rows = []
        self.total = self.respondents = 0
        self.coders = []
        if self._code_ids and self._ctx.project is not None:
            with self._ctx.read() as s:
                self.total = code_segments.count_segments(s, self._code_ids)
                self.respondents = code_segments.count_respondents(s, self._code_ids)
                self.coders = code_segments.coders_of(s, self._code_ids)
                self._rows = code_segments.segments_with(s, self._code_ids, 0, PAGE)
        self.endResetModel()

    def reload(self) -> None:
        self.show_codes(self._code_ids)

    def segment(self, index: Index) -> CodeSegment | None:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        return self._rows[index.row()]

    def row_of(self, segment_id: int) -> int | None:
        """The row of a segment among those loaded so far."""
        return next((i for i, r in enumerate(self._rows) if r.id == segment_id), None)

    # -- lazy loading ------------------------------------------------------------------------
    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and len(self._rows) < self.total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or self._ctx.project is None:
            return
        with self._ctx.read() as s:
            page = code_segments.segments_with(s, self._code_ids, len(self._rows), PAGE)
        page = page[: self.total - len(self._rows)]
        if not page:
            self.total = len(self._rows)  # changed under us; the next reload recounts
            return
        self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(page) - 1)
        self._rows.extend(page)
        self.endInsertRows()

    # -- the table ---------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("SegmentListModel", COLUMNS[section])
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole:
            return QCoreApplication.translate("SegmentListModel", HEADER_TIPS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        row = self.segment(index)
        if row is None:
            return None
        if role == SEGMENT_ID_ROLE:
            return row.id
        if role == Qt.ItemDataRole.DisplayRole:
            return (row.respondent, _one_line(row), row.coder or "")[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            text = row.preview + ("…" if row.truncated else "")
            if not row.coder:
                return text
            by = arg(self.tr("(%1, coded by %2)"), row.respondent, row.coder)
            return f"{text}\n\n{by}"
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsDragEnabled
            | Qt.ItemFlag.ItemNeverHasChildren
        )

    # -- dragging a segment out (to the composer) ----------------------------------------------
    def mimeTypes(self) -> list[str]:
        return [SEGMENT_MIME, "text/plain"]

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.CopyAction

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData:  # type: ignore[override]
        """The segment id for the composer, and its exact text for any other editor."""
        row = next((r for i in indexes if (r := self.segment(i)) is not None), None)
        if row is None:
            return QMimeData()
        text = row.preview
        if row.truncated and self._ctx.project is not None:
            with self._ctx.read() as s:
                segment = get_segment(s, row.id)
                text = segment.response.text[segment.start : segment.end]
        return segment_data(row.id, text)


def _one_line(row: CodeSegment) -> str:
    return " ".join(row.preview.split()) + ("…" if row.truncated else "")


class SegmentPane(QWidget):
    """The list under the codebook tree; activating a row shows the segment in the coding
    panel (through the context's signals, so the panels need not know each other)."""

    def __init__(self, ctx: ProjectContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("codeSegmentsPane")
        self._ctx = ctx
        self._code: CodeInfo | None = None
        self.model = SegmentListModel(ctx, self)
        self.title = QLabel(objectName="codeSegmentsTitle")
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.title.setWordWrap(True)  # a long code path in a narrow dock
        self.include_subcodes = QCheckBox(
            self.tr("Include sub-codes"), objectName="includeSubcodes"
        )
        self.include_subcodes.setToolTip(self.tr("Also list the segments of the code's sub-codes"))
        self.include_subcodes.toggled.connect(self.reload)
        self.view = QTreeView(objectName="codeSegments")
        self.view.setModel(self.model)
        self.view.setRootIsDecorated(False)
        self.view.setUniformRowHeights(True)
        self.view.setAlternatingRowColors(True)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.view.setDragEnabled(True)
        header = self.view.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.view.activated.connect(self.activate)
        top = QVBoxLayout()  # stacked: the dock is often narrow
        top.setContentsMargins(4, 2, 4, 0)
        top.setSpacing(0)
        top.addWidget(self.title)
        top.addWidget(self.include_subcodes)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.view)
        self.show_code(None)

    def show_code(self, code: CodeInfo | None) -> None:
        self._code = code
        self.reload()

    def reload(self) -> None:
        """Read the list again, keeping the selected segment selected if it is still there."""
        kept = self.model.data(self.view.currentIndex(), SEGMENT_ID_ROLE)
        code = self._code
        ids: list[int] = []
        if code is not None and self._ctx.project is not None:
            try:
                with self._ctx.read() as s:
                    ids = code_segments.code_scope(s, code.id, self.include_subcodes.isChecked())
            except NotFound:  # deleted (or undone) since it was chosen
                ids = []
        self.model.show_codes(ids)
        self.view.setColumnHidden(2, len(self.model.coders) <= 1)
        if code is None or not ids:
            self.title.setText(self.tr("Select a code to list its segments"))
        else:
            segments = self.tr("%n segment(s)", "", self.model.total)
            people = self.tr("%n respondent(s)", "", self.model.respondents)
            text = arg(self.tr("<b>%1</b>: %2, %3"), escape(code.path), segments, people)
            self.title.setText(text)
        row = self.model.row_of(kept) if isinstance(kept, int) else None
        if row is not None:
            self.view.selectionModel().setCurrentIndex(
                self.model.index(row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )

    def activate(self, index: QModelIndex) -> None:
        row = self.model.segment(index)
        if row is not None:
            self._ctx.responseActivated.emit(row.response_id)
            self._ctx.segmentActivated.emit(row.response_id, row.id)
