"""The Sets list: every set with its size and origin. Double-click (or Show) filters the
response browser to a set, and so the analysis that follows it; F2 renames in place;
Delete removes the set (never its members). Each change is one undo step."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..browser.menus import compact_rows
from ..context import ProjectContext
from . import actions
from .model import NAME, SetsModel


class SetsPanel(QWidget):
    filterRequested = Signal(int)  # show this set's responses in the browser
    populationRequested = Signal(int)  # make this set the open post's population

    def __init__(self, ctx: ProjectContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("setsPanel")
        self._ctx = ctx
        self.model = SetsModel(ctx)
        self.view = QTableView(objectName="setsView")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.EditKeyPressed)
        self.view.verticalHeader().hide()
        self.view.setAlternatingRowColors(True)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.view.setWordWrap(False)
        compact_rows(self.view)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.empty = QLabel(
            self.tr(
                "No sets yet. Every import makes one; in the response list, right-click to "
                "make a set from the selection or the current filter."
            ),
            objectName="setsEmpty",
            wordWrap=True,
        )
        self._make_actions()
        tools = QHBoxLayout()
        for action in (self.show_action, self.population_action, self.rename_action):
            tools.addWidget(QToolButton(defaultAction=action, autoRaise=True))
        tools.addStretch(1)
        tools.addWidget(QToolButton(defaultAction=self.delete_action, autoRaise=True))
        column = QVBoxLayout(self)
        column.setContentsMargins(4, 4, 4, 4)
        column.addLayout(tools)
        column.addWidget(self.view, 1)
        column.addWidget(self.empty)
        self.model.renamed.connect(self._renamed, Qt.ConnectionType.QueuedConnection)
        self.view.doubleClicked.connect(self._double_clicked)
        self.view.customContextMenuRequested.connect(self._menu)
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._enable())
        ctx.projectChanged.connect(self.reload)
        ctx.dataChanged.connect(self._data_changed)
        self.reload()

    def _make_actions(self) -> None:
        self.show_action = QAction(self.tr("Show"), self, objectName="setsShow")
        self.show_action.setToolTip(self.tr("List the set's responses in the response browser"))
        self.show_action.triggered.connect(self.show_current)
        self.population_action = QAction(self.tr("Use for post"), self, objectName="setsPost")
        self.population_action.setToolTip(
            self.tr("Make the set the population of the post open in the Draft tab")
        )
        self.population_action.triggered.connect(self._use_for_post)
        self.rename_action = QAction(self.tr("Rename"), self, objectName="setsRename")
        self.rename_action.setShortcut(QKeySequence(Qt.Key.Key_F2))
        self.rename_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.rename_action.triggered.connect(self.start_rename)
        self.delete_action = QAction(self.tr("Delete"), self, objectName="setsDelete")
        self.delete_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.delete_action.setToolTip(self.tr("Delete the set; its members stay in the project"))
        self.delete_action.triggered.connect(self.delete_current)
        self.addActions([self.rename_action, self.delete_action])

    # -- reading --------------------------------------------------------------------------
    def reload(self) -> None:
        current = self.current_set_id()
        self.model.reload()
        self.select_set(current)
        self.empty.setVisible(not self.model.sets and self._ctx.project is not None)
        self._enable()

    def _data_changed(self, tables: frozenset[str]) -> None:
        if tables & actions.TABLES:
            self.reload()

    def current_set_id(self) -> int | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.sets[rows[0].row()].id if rows else None

    def select_set(self, set_id: int | None) -> bool:
        row = self.model.row_of(set_id) if set_id is not None else None
        if row is None:
            self.view.clearSelection()
            return False
        self.view.selectRow(row)
        return True

    def _enable(self) -> None:
        chosen = self.current_set_id() is not None
        for action in (
            self.show_action,
            self.population_action,
            self.rename_action,
            self.delete_action,
        ):
            action.setEnabled(chosen)

    def _name(self, set_id: int) -> str:
        row = self.model.row_of(set_id)
        return self.model.sets[row].name if row is not None else ""

    # -- acting ---------------------------------------------------------------------------
    def show_current(self) -> None:
        set_id = self.current_set_id()
        if set_id is not None:
            self.filterRequested.emit(set_id)

    def _use_for_post(self) -> None:
        set_id = self.current_set_id()
        if set_id is not None:
            self.populationRequested.emit(set_id)

    def _double_clicked(self, index: QModelIndex) -> None:
        self.filterRequested.emit(self.model.sets[index.row()].id)

    def start_rename(self) -> None:
        rows = self.view.selectionModel().selectedRows()
        if rows:
            self.view.edit(self.model.index(rows[0].row(), NAME))

    def _renamed(self, set_id: int, old: str, new: str) -> None:
        self.rename(set_id, new)

    def rename(self, set_id: int, new: str) -> bool:
        return actions.rename_set(self._ctx, set_id, self._name(set_id), new)

    def delete_current(self) -> bool:
        set_id = self.current_set_id()
        return set_id is not None and actions.delete_set(self._ctx, set_id, self._name(set_id))

    def _menu(self, at: QPoint) -> None:
        if self.current_set_id() is None:
            return
        menu = QMenu(self)
        menu.addActions([self.show_action, self.population_action, self.rename_action])
        menu.addSeparator()
        menu.addAction(self.delete_action)
        menu.popup(self.view.viewport().mapToGlobal(at))
