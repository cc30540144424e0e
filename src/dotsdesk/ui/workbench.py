"""The researcher's workbench in the main window: the Coded Segments tab (beside Coding,
Draft and Analysis) and Codes > Search and Code…. Kept here so the window only calls
`Workbench(window, codes_menu)` and `default_layout()`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QCoreApplication, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget, QMenu

from ..services.browser.query import BrowseQuery, matching_ids
from .retrieve.view import RetrievePanel
from .search_code import SearchCodeDialog
from .shortcuts import bind_window_key

if TYPE_CHECKING:
    from .main_window import MainWindow

NAME = "retrievePanel"  # the dock's objectName, as a saved window state names it


class Workbench:
    def __init__(self, window: MainWindow, codes: QMenu) -> None:
        self.window = window
        self.ctx = window.ctx
        self._query = BrowseQuery()
        self.retrieve = RetrievePanel(self.ctx)
        dock = QDockWidget(QCoreApplication.translate("Workbench", "Coded Segments"), window)
        dock.setObjectName(NAME)
        dock.setWidget(self.retrieve)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
        window.docks[NAME] = dock
        self.dock = dock
        window.browser.queryChanged.connect(self._follow)
        self.retrieve_action = bind_window_key(
            QAction(QCoreApplication.translate("Workbench", "&Retrieve Coded Segments"), window),
            "retrieveSegments",
        )
        self.retrieve_action.setToolTip(
            QCoreApplication.translate(
                "Workbench",
                "Every segment of the chosen codes with its context, over the browser's filter",
            )
        )
        self.retrieve_action.triggered.connect(self.show_retrieve)
        self.search_action = bind_window_key(
            QAction(QCoreApplication.translate("Workbench", "&Search and Code…"), window),
            "searchAndCode",
        )
        self.search_action.triggered.connect(self.search_and_code)
        codes.addSeparator()
        codes.addActions([self.retrieve_action, self.search_action])
        window.project_actions.extend([self.retrieve_action, self.search_action])
        self.dialog: SearchCodeDialog | None = None
        self._placed = False
        # After the window has shown the project (and laid out its docks).
        self.ctx.projectChanged.connect(lambda: QTimer.singleShot(0, self._place))

    def _follow(self, query: BrowseQuery) -> None:
        self._query = query
        self.retrieve.set_filter(query)

    def filtered_ids(self) -> list[int] | None:
        """The browser's current filter as response ids; None when nothing is filtered."""
        if self.ctx.project is None or not self._query.filtered:
            return None
        with self.ctx.read() as s:
            return matching_ids(s, self._query)

    def default_layout(self) -> None:
        """A tab behind the coding view, like Draft and Analysis."""
        self.window.tabifyDockWidget(self.window.docks["codingPanel"], self.dock)

    def _place(self) -> None:
        """A layout saved before this tab existed restores without it, and Qt would put it
        in a column of its own: put it with the coding view once instead."""
        if self.ctx.project is None or self._placed:
            return
        self._placed = True
        state = self.window.settings.value("windowState")
        known = isinstance(state, QByteArray) and NAME.encode("utf-16-be") in bytes(state.data())
        if not known and not self.window.tabifiedDockWidgets(self.dock):
            self.default_layout()
            self.window.docks["codingPanel"].raise_()

    def show_retrieve(self) -> None:
        """Show the tab with the codebook's selected code (if any) ticked."""
        self.dock.show()
        self.dock.raise_()
        code = self.window.codebook.selected_code()
        if code is not None:
            self.retrieve.show_codes([code.id])

    def search_and_code(self) -> SearchCodeDialog | None:
        if self.ctx.project is None:
            return None
        self.dialog = SearchCodeDialog(self.ctx, self.filtered_ids, self.window)
        self.dialog.show()
        return self.dialog
