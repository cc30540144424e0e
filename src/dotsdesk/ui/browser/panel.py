"""The response browser: every response, filtered, searched and sorted by the browse
service, shown through a lazy model; for surveys, a respondents-by-questions grid.

It only reads; choosing a response tells the rest of the window (`responseActivated`),
and coding from the grid goes through the context like every other action.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QModelIndex, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ...services.browser.query import BrowseQuery, CodeChoice, FilterChoices, SortKey
from ...services.browser.query_types import Coded
from ...services.corpus.search import terms_of
from ...services.corpus.sets import list_sets
from ..context import ProjectContext, touched_by
from ..i18n import arg
from ..respondent_edits import rename_action, rename_label, start_editing
from ..sets.browser_menu import BrowserSetMenu
from .columns import ColumnsMenu
from .data import BrowserData
from .filters import FilterMenu, describe
from .grid import GridView
from .state import keep_in_place
from .table import ResponseTable

# Tables whose changes can alter what the browser lists or shows.
CONSENT = frozenset({"consent_event", "consent_scope_segment", "respondent"})
CODING = frozenset({"segment", "segment_code", "code"})
STRUCTURE = frozenset({"response", "respondent"})  # the grid's rows and columns
SETS = frozenset({"named_set", "set_respondent", "set_response"})
RELEVANT = CONSENT | CODING | STRUCTURE | SETS | {"translation", "attribute_value", "attribute_def"}
SEARCH_DELAY_MS = 250
REFRESH_DELAY_MS = 120
ROW_ONLY = frozenset({"segment", "segment_code", "coder"})  # a code applied or removed


class ResponseBrowser(QWidget):
    searchTermsChanged = Signal(tuple)  # the search's terms, for highlighting elsewhere
    queryChanged = Signal(object)  # the BrowseQuery now listed (the analysis follows it)

    def __init__(self, ctx: ProjectContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("responseBrowserPanel")
        self._ctx = ctx
        self._query = BrowseQuery()
        self._terms: tuple[str, ...] = ()
        self.data = BrowserData(ctx)
        self._matches = 0
        self._quiet = False  # selecting without announcing it (refresh, following)
        self._grid_stale = True
        self._pending_tables: frozenset[str] = frozenset()
        # Responses whose rows alone changed (their segments), while nothing else did.
        self._pending_rows: set[int] | None = set()
        self._refresh_timer = QTimer(self, singleShot=True, interval=REFRESH_DELAY_MS)
        self._refresh_timer.timeout.connect(self._refresh_pending)
        self._build()
        self._make_actions()
        self._connect()
        self._project_changed()

    # -- construction ---------------------------------------------------------------------
    def _build(self) -> None:
        self.search_field = QLineEdit(objectName="browserSearch", clearButtonEnabled=True)
        self.search_field.setPlaceholderText(self.tr("Search responses (English, 中文)…"))
        self.hit_count = QLabel(objectName="browserHitCount")
        self.filter_menu = FilterMenu(self, self)
        self.filter_button = self._tool(self.tr("Filters"), "browserFilters")
        self.filter_button.setMenu(self.filter_menu)
        self.clear_button = self._tool(self.tr("Clear"), "browserClearFilters")
        self.clear_button.setToolTip(self.tr("Clear the search and every filter"))
        self.clear_button.clicked.connect(self.clear_filters)
        self.columns_menu = ColumnsMenu(self, self)
        self.columns_button = self._tool(self.tr("Columns"), "browserColumns")
        self.columns_button.setMenu(self.columns_menu)
        views = QActionGroup(self)
        self.list_action = QAction(self.tr("List"), views, checkable=True, checked=True)
        self.list_action.setToolTip(self.tr("One row per response"))
        self.grid_action = QAction(self.tr("Grid"), views, checkable=True)
        self.list_action.setObjectName("browserListView")
        self.grid_action.setObjectName("browserGridView")
        self.grid_action.setToolTip(self.tr("One row per respondent, one column per question"))
        self.grid_action.toggled.connect(self.show_grid)

        self.table = ResponseTable(self.data.rows)
        self.model = self.table.response_model
        self.columns = self.table.columns
        self.grid = GridView(self._ctx, self.data.rows)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.grid)

        top = QHBoxLayout()
        top.addWidget(self.search_field, 1)
        top.addWidget(self.hit_count)
        tools = QHBoxLayout()
        for widget in (self.filter_button, self.clear_button, self.columns_button):
            tools.addWidget(widget)
        tools.addStretch(1)
        for action in (self.list_action, self.grid_action):
            button = QToolButton(autoRaise=True)
            button.setDefaultAction(action)
            tools.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(4)
        layout.addLayout(top)
        layout.addLayout(tools)
        layout.addWidget(self.stack, 1)

    def _tool(self, text: str, name: str) -> QToolButton:
        button = QToolButton(text=text, objectName=name, autoRaise=True)
        button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        return button

    def _make_actions(self) -> None:
        self.next_uncoded_action = QAction(self.tr("&Next uncoded response"), self)
        self.next_uncoded_action.setShortcut(QKeySequence("Ctrl+]"))
        self.next_uncoded_action.setObjectName("nextUncoded")
        self.next_uncoded_action.triggered.connect(lambda: self.step_uncoded(backwards=False))
        self.previous_uncoded_action = QAction(self.tr("&Previous uncoded response"), self)
        self.previous_uncoded_action.setShortcut(QKeySequence("Ctrl+["))
        self.previous_uncoded_action.setObjectName("previousUncoded")
        self.previous_uncoded_action.triggered.connect(lambda: self.step_uncoded(backwards=True))
        self.addActions([self.next_uncoded_action, self.previous_uncoded_action])
        self.rename_label_action = rename_action(self.table, self.rename_current_label)
        self.set_menu = BrowserSetMenu(
            self._ctx,
            self,
            self.table.selected_response_ids,
            self.model.ids,
            self._set_words,
        )
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)

    def _context_menu(self, at: QPoint) -> None:
        menu = QMenu(self)
        menu.setObjectName("browserContextMenu")
        self.set_menu.fill(menu)
        if not menu.isEmpty():
            menu.popup(self.table.viewport().mapToGlobal(at))

    def _connect(self) -> None:
        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._apply_search)
        self.search_field.textChanged.connect(lambda _text: self._search_timer.start())
        self.search_field.returnPressed.connect(self._apply_search)
        self.model.sortRequested.connect(self._sort_requested)
        # Queued: the rename refreshes the list, not while the view commits its editor.
        self.model.labelEdited.connect(self._rename, Qt.ConnectionType.QueuedConnection)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self._ctx.projectChanged.connect(self._project_changed)
        self._ctx.dataChanged.connect(self._data_changed)
        self._ctx.responseActivated.connect(self._follow)

    # -- the query ------------------------------------------------------------------------
    def query(self) -> BrowseQuery:
        return self._query

    def set_query(self, query: BrowseQuery) -> None:
        self._query = query
        if self.search_field.text() != query.search:
            self.search_field.blockSignals(True)
            self.search_field.setText(query.search)
            self.search_field.blockSignals(False)
        terms = terms_of(query.search)
        changed, self._terms = terms != self._terms, terms
        self.columns.show_sort(query)
        self.refresh()
        self._show_filters()
        if changed:
            self.searchTermsChanged.emit(terms)
        self.queryChanged.emit(query)

    def clear_filters(self) -> None:
        q = self._query
        self.set_query(
            BrowseQuery(sort=q.sort, sort_attribute=q.sort_attribute, descending=q.descending)
        )

    def search_terms(self) -> tuple[str, ...]:
        return self._terms

    def _apply_search(self) -> None:
        self._search_timer.stop()
        if self.search_field.text() != self._query.search:
            self.set_query(replace(self._query, search=self.search_field.text()))

    def _sort_requested(self, key: SortKey, attribute: str | None, descending: bool) -> None:
        self.set_query(
            replace(self._query, sort=key, sort_attribute=attribute, descending=descending)
        )

    # -- reading (the filter menu's source) -----------------------------------------------
    def filter_choices(self) -> FilterChoices | None:
        return self.data.filter_choices()

    def codes(self) -> list[CodeChoice]:
        return self.data.codes()

    def refresh(self, *, sticky: bool = False, cells_only: bool = False) -> None:
        """Re-query the ids, keeping the selected response (and with `sticky`, keeping it
        listed even if it no longer matches, so coding it does not pull it away).
        `cells_only`: nothing but cell contents can have changed for the grid."""
        current = self.current_response_id()
        ids = self.data.matching_ids(self._query)
        self._matches = len(ids)
        if sticky and current is not None:
            ids = keep_in_place(ids, self.model.ids(), current)
        same = ids == self.model.ids() and self._terms == self.model.terms()
        if same:
            self.model.reload()
        else:
            self._quiet = True
            try:
                self.model.set_ids(ids, self._terms)
                self.table.select_response(current)
            finally:
                self._quiet = False
        n, kept = self._matches, len(ids) - self._matches
        if kept:
            text = arg(self.tr("%Ln response(s) (+%1 kept)", "", n), kept)
        else:
            text = self.tr("%Ln response(s)", "", n)
        self.hit_count.setText(text)
        if same and cells_only and not self._grid_stale:
            self.grid.grid_model.reload()
        elif self.grid_action.isChecked():
            self._load_grid()
        else:
            self._grid_stale = True

    def _filter_words(self) -> list[str]:
        q = self._query
        codes = {c.id: c.path for c in self.codes()} if q.has_codes or q.lacks_codes else {}
        sets: dict[int, str] = {}
        if q.sets and self.data.open:
            with self._ctx.read() as s:
                sets = {x.id: x.name for x in list_sets(s)}
        return describe(q, codes, sets)

    def _set_words(self) -> str:
        """The search and filters in words: a new set's suggested name and description."""
        parts = self._filter_words()
        if self._terms:
            parts.insert(0, arg(self.tr("search: %1"), self._query.search.strip()))
        return "; ".join(parts)

    def _show_filters(self) -> None:
        parts = self._filter_words()
        self.filter_button.setText(
            arg(self.tr("Filters (%1)"), len(parts)) if parts else self.tr("Filters")
        )
        self.filter_button.setToolTip(
            "\n".join(parts) or self.tr("Filter by attribute, code, consent…")
        )
        self.clear_button.setEnabled(self._query.filtered)

    # -- reacting to the project ----------------------------------------------------------
    def _project_changed(self) -> None:
        self.data.forget_consent()
        self._quiet = True
        try:
            self.model.set_ids([])
            self.columns.reset()
        finally:
            self._quiet = False
        open_ = self._ctx.project is not None
        for widget in (self.search_field, self.filter_button, self.columns_button):
            widget.setEnabled(open_)
        for action in (self.next_uncoded_action, self.previous_uncoded_action):
            action.setEnabled(open_)
        self.set_query(BrowseQuery())

    def _data_changed(self, tables: frozenset[str]) -> None:
        """Collect what changed and refresh once the burst is over: applying a code must
        not wait for the list to re-query (tens of milliseconds on 10,000 responses)."""
        if not tables & RELEVANT:
            return
        touched = touched_by(tables)
        if touched is not None and tables <= ROW_ONLY and self._pending_rows is not None:
            self._pending_rows.add(touched.response_id)
        else:
            self._pending_rows = None
        self._pending_tables |= tables
        self._refresh_timer.start()

    def flush_refresh(self) -> None:
        """Apply a pending refresh now (tests, screenshots)."""
        self._refresh_timer.stop()
        self._refresh_pending()

    def _refresh_pending(self) -> None:
        tables, self._pending_tables = self._pending_tables, frozenset()
        rows, self._pending_rows = self._pending_rows, set()
        if not tables or self._ctx.project is None:
            return
        if rows is not None and not self._lists_by_coding() and not self.grid_action.isChecked():
            # Segments of these responses changed, and nothing the list is chosen or
            # ordered by: their rows alone are read again (not the 10,000 ids and pages).
            self.model.reload_rows(rows)
            return
        if tables & CONSENT:
            self.data.forget_consent()
        if tables & SETS and self._query.sets:
            with self._ctx.read() as s:
                known = self._query.sets & {x.id for x in list_sets(s)}
            if known != self._query.sets:  # a set filtered by was deleted: stop filtering by it
                self.set_query(replace(self._query, sets=known))
                return
        self.refresh(sticky=True, cells_only=not tables & (STRUCTURE | SETS))

    def _lists_by_coding(self) -> bool:
        """Whether coding can change which responses are listed, or their order."""
        q = self._query
        return (
            bool(q.has_codes or q.lacks_codes)
            or q.coded is not Coded.ANY
            or (q.sort is SortKey.SEGMENTS)
        )

    def _follow(self, response_id: int) -> None:
        """Another panel showed a response: select it here too, without announcing it."""
        if response_id == self.current_response_id():
            return
        self._quiet = True
        try:
            self.table.select_response(response_id)
            self.grid.select_response(response_id, emit=False)
        finally:
            self._quiet = False

    # -- selection and navigation ---------------------------------------------------------
    def current_response_id(self) -> int | None:
        if self.grid_action.isChecked():
            return self.grid.current_response_id()
        return self.table.current_response_id()

    def select_response(self, response_id: int) -> bool:
        """Select (and so show) a response in the current view; False if it is not there."""
        if self.grid_action.isChecked():
            return self.grid.select_response(response_id)
        return self.table.select_response(response_id)

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        rid = self.model.response_id(current.row())
        if not self._quiet and rid is not None:
            self._ctx.responseActivated.emit(rid)

    def _rename(self, respondent_id: int, label: str) -> None:
        rename_label(self._ctx, respondent_id, label)

    def rename_current_label(self) -> bool:
        """F2: edit the selected response's respondent label in place."""
        row = self.table.currentIndex().row()
        return start_editing(self.table, row, self.model.label_column())

    def step_uncoded(self, *, backwards: bool) -> int | None:
        """Go to the next (previous) response without segments, in the order shown."""
        grid = self.grid_action.isChecked()
        ids = self.grid.ordered_ids() if grid else self.model.ids()
        after = self.current_response_id() or self._ctx.current_response
        found = self.data.next_uncoded(ids, after, backwards)
        if found is None and self.data.open:
            if backwards:
                self._ctx.status.emit(self.tr("No uncoded response before this one"))
            else:
                self._ctx.status.emit(self.tr("No uncoded response after this one"))
        if found is not None:
            self.select_response(found)
        return found

    # -- the grid -------------------------------------------------------------------------
    def show_grid(self, on: bool) -> None:
        if on and self._grid_stale:
            self._load_grid()
        self.stack.setCurrentWidget(self.grid if on else self.table)
        whole = self.grid.whole_answer()
        if not on and whole is not None and self._ctx.selection == whole:
            self._ctx.selectionChanged.emit(None)  # the cell is no longer what is selected
        (self.grid_action if on else self.list_action).setChecked(True)  # when called directly
        if self._ctx.current_response is not None:
            self._follow(self._ctx.current_response)  # the same answer, in the other view

    def _load_grid(self) -> None:
        self.grid.load(set(self.model.ids()) if self._query.filtered else None)
        self._grid_stale = False

    # -- columns (the Columns menu's owner) -----------------------------------------------
    def attribute_names(self) -> list[str]:
        return self.data.attribute_names()

    def attribute_columns(self) -> list[str]:
        return self.columns.attributes()

    def set_attribute_columns(self, names: list[str]) -> None:
        current = self.current_response_id()
        self._quiet = True
        try:
            self.columns.set_attributes(names, self._query)
            self.table.select_response(current)
        finally:
            self._quiet = False

    def hidden_columns(self) -> set[str]:
        return self.columns.hidden()

    def set_column_hidden(self, key: str, hidden: bool) -> None:
        self.columns.set_hidden(key, hidden)
