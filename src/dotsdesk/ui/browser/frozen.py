"""The grid's respondent column, frozen: a second view of the same model over the grid's
left edge, showing only column 0, scrolling up and down with the grid but never sideways
(Qt's "Frozen Column" example). Both views share one selection."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView


class FrozenColumn(QTableView):
    def __init__(self, view: QTableView) -> None:
        super().__init__(view)
        self.setObjectName("browserGridFrozen")
        self._view = view
        self.setModel(view.model())
        self.setSelectionModel(view.selectionModel())
        self.setSelectionMode(view.selectionMode())
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setWordWrap(False)
        self.verticalHeader().hide()
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.horizontalHeader().setDefaultAlignment(view.horizontalHeader().defaultAlignment())
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setStyleSheet("QTableView { border: none; border-right: 1px solid palette(mid); }")
        view.viewport().stackUnder(self)
        self.verticalScrollBar().valueChanged.connect(view.verticalScrollBar().setValue)
        view.verticalScrollBar().valueChanged.connect(self.verticalScrollBar().setValue)
        view.horizontalHeader().sectionResized.connect(self._column_resized)
        view.model().modelReset.connect(self.refresh)
        view.model().layoutChanged.connect(self.refresh)
        self.refresh()
        self.show()

    def refresh(self) -> None:
        """Only the respondent column, at the grid's widths and row heights."""
        for column in range(1, self.model().columnCount()):
            self.setColumnHidden(column, True)
        self.setColumnHidden(0, False)
        self.setColumnWidth(0, self._view.columnWidth(0))
        rows = self._view.verticalHeader()
        self.verticalHeader().setDefaultSectionSize(rows.defaultSectionSize())
        self.verticalHeader().setMinimumSectionSize(rows.minimumSectionSize())
        self.place()

    def _column_resized(self, column: int, _old: int, new: int) -> None:
        if column == 0:
            self.setColumnWidth(0, new)
            self.place()

    def place(self) -> None:
        view = self._view
        frame = view.frameWidth()
        self.setGeometry(
            view.verticalHeader().width() + frame,
            frame,
            view.columnWidth(0),
            view.viewport().height() + view.horizontalHeader().height(),
        )
