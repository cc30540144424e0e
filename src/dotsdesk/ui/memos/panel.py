"""The memo list: project, code, response and segment memos in one searchable table (the
search finds English and Chinese alike). Double-click goes to what a memo is on: a segment
or response opens in the coding view, a code is selected in the codebook, a project memo
opens for editing. New, edit and delete are one undo step each."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ...services.coding.memos import (
    MemoEntry,
    MemoKind,
    add_project_memo,
    delete_memo,
    edit_memo,
)
from ..browser.menus import compact_rows
from ..context import ProjectContext
from ..i18n import arg
from .dialog import MemoDialog
from .model import MemosModel

TABLES = frozenset({"memo", "segment", "segment_code", "code", "respondent", "response", "coder"})
SEARCH_DELAY_MS = 200
REFRESH_DELAY_MS = 150


class MemoList(QWidget):
    codeRequested = Signal(int)  # select this code in the codebook

    def __init__(self, ctx: ProjectContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("memoList")
        self._ctx = ctx
        self.dialog: MemoDialog | None = None
        # Reading every memo takes most of a second with 10,000 segment memos: a list behind
        # another tab is only marked stale, and read when it comes forward.
        self._shown = True
        self._stale = False
        self.model = MemosModel(ctx)
        self.search_field = QLineEdit(objectName="memoSearch", clearButtonEnabled=True)
        self.search_field.setPlaceholderText(self.tr("Search memos (English, 中文)…"))
        self.kind_box = QComboBox(objectName="memoKind")
        for text, kind in (
            (self.tr("All memos"), None),
            (self.tr("Project"), MemoKind.PROJECT),
            (self.tr("Codes"), MemoKind.CODE),
            (self.tr("Responses"), MemoKind.RESPONSE),
            (self.tr("Segments"), MemoKind.SEGMENT),
        ):
            self.kind_box.addItem(text, kind.value if kind else "")
        self.view = QTableView(objectName="memoView")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setWordWrap(False)
        self.view.verticalHeader().hide()
        self.view.setAlternatingRowColors(True)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        compact_rows(self.view)
        # The whole memo and what it is on, for the row chosen: the table shows a line.
        self.preview = QPlainTextEdit(objectName="memoPreview", readOnly=True)
        self.preview.setMaximumHeight(140)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self._make_actions()
        top = QHBoxLayout()
        top.addWidget(self.search_field, 1)
        top.addWidget(self.kind_box)
        tools = QHBoxLayout()
        for action in (self.new_action, self.edit_action, self.go_action):
            tools.addWidget(QToolButton(defaultAction=action, autoRaise=True))
        tools.addStretch(1)
        tools.addWidget(QToolButton(defaultAction=self.delete_action, autoRaise=True))
        column = QVBoxLayout(self)
        column.setContentsMargins(4, 4, 4, 4)
        column.addLayout(top)
        column.addLayout(tools)
        column.addWidget(self.view, 1)
        column.addWidget(self.preview)
        # A burst of changes (coding several spans) is read once it is over.
        self._refresh = QTimer(self, singleShot=True, interval=REFRESH_DELAY_MS)
        self._refresh.timeout.connect(self.reload)
        self._timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.apply_search)
        self.search_field.textChanged.connect(lambda _t: self._timer.start())
        self.kind_box.currentIndexChanged.connect(lambda _i: self.apply_search())
        self.view.doubleClicked.connect(self._double_clicked)
        self.view.customContextMenuRequested.connect(self._menu)
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._enable())
        ctx.projectChanged.connect(self.reload)
        ctx.dataChanged.connect(self._data_changed)
        self.reload()

    def _make_actions(self) -> None:
        self.new_action = QAction(self.tr("New project memo"), self, objectName="memoNew")
        self.new_action.triggered.connect(self.new_project_memo)
        self.edit_action = QAction(self.tr("Edit"), self, objectName="memoEdit")
        self.edit_action.triggered.connect(self.edit_current)
        self.go_action = QAction(self.tr("Go to"), self, objectName="memoGo")
        self.go_action.setToolTip(self.tr("Show what the memo is on"))
        self.go_action.triggered.connect(self.go_to_current)
        self.delete_action = QAction(self.tr("Delete"), self, objectName="memoDelete")
        self.delete_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.delete_action.triggered.connect(self.delete_current)
        self.addAction(self.delete_action)

    # -- reading --------------------------------------------------------------------------
    def set_shown(self, shown: bool) -> None:
        self._shown = shown
        if shown and self._stale:
            self.reload()

    def flush_refresh(self) -> None:
        """Read a pending change now (tests, screenshots)."""
        if self._refresh.isActive() or self._stale:
            self._refresh.stop()
            self.reload()

    def reload(self) -> None:
        self._stale = False
        current = self.current()
        self.model.reload()
        if current is not None:
            self.select(current.kind, current.key)
        self.new_action.setEnabled(self._ctx.project is not None)
        self._enable()

    def apply_search(self) -> None:
        self._timer.stop()
        self.model.search = self.search_field.text()
        kind = self.kind_box.currentData()
        self.model.kind = MemoKind(kind) if kind else None
        self.reload()

    def _data_changed(self, tables: frozenset[str]) -> None:
        if not tables & TABLES:
            return
        if self._shown:
            self._refresh.start()
        else:
            self._stale = True

    def current(self) -> MemoEntry | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.memos[rows[0].row()] if rows else None

    def select(self, kind: MemoKind, key: int) -> bool:
        row = self.model.row_of(kind, key)
        if row is None:
            return False
        self.view.selectRow(row)
        return True

    def _enable(self) -> None:
        memo = self.current()
        chosen = memo is not None
        about = self.model.target_text(memo, full=True) if memo is not None else ""
        self.preview.setPlainText(f"{about}\n\n{memo.text}" if memo is not None else "")
        for action in (self.edit_action, self.go_action, self.delete_action):
            action.setEnabled(chosen)

    # -- acting ---------------------------------------------------------------------------
    def new_project_memo(self) -> MemoDialog | None:
        if self._ctx.project is None:
            return None
        about = self.tr("A memo on the project as a whole: a thought, a plan, a decision.")
        return self._ask(self.tr("New project memo"), about, "", self._add)

    def _add(self, text: str) -> None:
        if not text.strip():
            return
        coder = self._ctx.coder
        key = self._ctx.run(
            self.tr("New project memo"), lambda s: add_project_memo(s, text, coder=coder)
        )
        if key is not None:
            self.reload()  # now, to select it
            self.select(MemoKind.PROJECT, key)

    def edit_current(self) -> MemoDialog | None:
        memo = self.current()
        if memo is None:
            return None
        about = arg(self.tr("On: %1. Empty the text to delete the memo."), self._on(memo))
        return self._ask(self.tr("Edit memo"), about, memo.text, lambda t: self._edit(memo, t))

    def _edit(self, memo: MemoEntry, text: str) -> None:
        if text == memo.text:
            return
        coder = self._ctx.coder
        self._ctx.run(
            self.tr("Edit memo"), lambda s: edit_memo(s, memo.kind, memo.key, text, coder=coder)
        )

    def delete_current(self) -> bool:
        memo = self.current()
        if memo is None:
            return False
        done = self._ctx.run(
            self.tr("Delete memo"), lambda s: delete_memo(s, memo.kind, memo.key) or True
        )
        return bool(done)

    def go_to_current(self) -> None:
        memo = self.current()
        if memo is None:
            return
        if memo.kind is MemoKind.SEGMENT and memo.response_id and memo.segment_id:
            self._ctx.segmentActivated.emit(memo.response_id, memo.segment_id)
        elif memo.kind is MemoKind.RESPONSE and memo.response_id:
            self._ctx.responseActivated.emit(memo.response_id)
        elif memo.kind is MemoKind.CODE and memo.code_id is not None:
            self.codeRequested.emit(memo.code_id)
        else:
            self.edit_current()

    def _double_clicked(self, _index: QModelIndex) -> None:
        self.go_to_current()

    def _on(self, memo: MemoEntry) -> str:
        return self.model.target_text(memo).replace("\n", ", ")

    def _ask(self, title: str, about: str, text: str, done: Callable[[str], None]) -> MemoDialog:
        self.dialog = dialog = MemoDialog(title, about, text, self)
        dialog.accepted.connect(lambda: done(dialog.text()))
        dialog.open()  # not exec: the window (and a test) carries on while it is shown
        return dialog

    def _menu(self, at: QPoint) -> None:
        menu = QMenu(self)
        if self.current() is not None:
            menu.addActions([self.go_action, self.edit_action, self.delete_action])
            menu.addSeparator()
        menu.addAction(self.new_action)
        menu.popup(self.view.viewport().mapToGlobal(at))
