"""The code tree view: it keeps which codes are expanded and selected when the model is
rebuilt (a code added, moved, merged, deleted, or any of that undone), by code id."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QStyle, QTreeView, QWidget

from ...services.coding.codebook import CodeInfo
from .model import CodebookModel

NARROW = 220  # pixels: below this the count columns are hidden


_EIGHTS = str.maketrans("0123456789", "8888888888")  # the widest digit, for any number


class CodeTree(QTreeView):
    codeChanged = Signal(object)  # CodeInfo | None: the selected code, after any change

    def __init__(self, model: CodebookModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("codebookTree")
        self.codes = model
        self.setModel(model)
        self.setUniformRowHeights(True)
        self.setAllColumnsShowFocus(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        # A double-click applies the code, so it must not also rename or fold it.
        self.setEditTriggers(QAbstractItemView.EditTrigger.EditKeyPressed)
        self.setExpandsOnDoubleClick(False)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setDropIndicatorShown(True)
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        # The counts as wide as their widest number, worked out here: a ResizeToContents
        # column asks every row again whenever one count changes (each code applied).
        for column in (1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
        self._expanded: set[int] = set()
        self._selected: int | None = None
        self._fresh = False
        model.modelAboutToBeReset.connect(self._save_state)
        model.modelReset.connect(self._restore_state)
        model.modelReset.connect(self.fit_counts)
        model.rowsUpdated.connect(self.fit_counts)  # once for the rows of one change
        self.fit_counts()
        self.selectionModel().selectionChanged.connect(
            lambda *_: self.codeChanged.emit(self.selected_code())
        )

    def fit_counts(self) -> None:
        """Each count column as wide as its title or its longest number, whichever is
        wider (digits are about equally wide: the longest number is the widest)."""
        header, metrics = self.header(), self.fontMetrics()
        infos = self.codes.infos()
        pad = 2 * self.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 8
        for column in (1, 2):
            texts = [
                str(c.segments if column == 1 else c.respondents)
                if c.subtree is None
                else f"{c.segments if column == 1 else c.respondents} · {c.subtree[column - 1]}"
                for c in infos
            ]
            widest = max(texts, key=len, default="0")
            width = max(
                metrics.horizontalAdvance(widest.translate(_EIGHTS)) + pad,
                header.sectionSizeFromContents(column).width(),
            )
            if header.sectionSize(column) != width:
                header.resizeSection(column, width)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """In a narrow dock the names matter more than the counts (the tooltip has them)."""
        super().resizeEvent(event)
        narrow = event.size().width() < NARROW
        for column in (1, 2):
            if self.isColumnHidden(column) != narrow:
                self.setColumnHidden(column, narrow)

    def selected_code(self) -> CodeInfo | None:
        rows = self.selectionModel().selectedRows(0)
        return self.codes.info(self.codes.code_id(rows[0])) if rows else None

    def select_code(self, code_id: int | None) -> None:
        """Select the code and make it visible (its parents expanded); None clears."""
        index = self.codes.index_of(code_id)
        if not index.isValid():
            self.selectionModel().clearSelection()
            return
        parent = index.parent()
        while parent.isValid():
            self.expand(parent)
            parent = parent.parent()
        self.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.scrollTo(index)

    def start_afresh(self) -> None:
        """Another project: its ids mean other codes, so nothing is carried over."""
        self._fresh = True
        try:
            self.codes.reload()
        finally:
            self._fresh = False
        self.expandAll()

    def _save_state(self) -> None:
        if self._fresh:
            self._expanded, self._selected = set(), None
            return
        self._expanded = {
            c.id for c in self.codes.infos() if self.isExpanded(self.codes.index_of(c.id))
        }
        code = self.selected_code()
        self._selected = code.id if code else None

    def _restore_state(self) -> None:
        for code_id in self._expanded:
            index = self.codes.index_of(code_id)
            if index.isValid():
                self.setExpanded(index, True)
        # A reset drops the selection without a signal: say what is selected now.
        self.select_code(self._selected)
        if self.selected_code() is None:
            self.codeChanged.emit(None)
