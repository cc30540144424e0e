"""The Sets and Memos lists in the main window: two docks tabbed with the codebook, and
their wiring (a set filters the browser or becomes the open post's population; a memo on a
code selects it in the codebook). Kept here so the window only calls `SetMemoDocks(window)`."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDockWidget, QWidget
from sqlalchemy.orm import Session

from ..services.composer.population import set_population
from ..services.corpus.sets import population_of
from .memos import MemoList
from .sets import SetsPanel

if TYPE_CHECKING:
    from .main_window import MainWindow


class SetMemoDocks:
    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.ctx = window.ctx
        self.sets = SetsPanel(self.ctx)
        self.memos = MemoList(self.ctx)
        for name, title, widget in (
            ("setsPanel", QCoreApplication.translate("SetMemoDocks", "Sets"), self.sets),
            ("memoList", QCoreApplication.translate("SetMemoDocks", "Memos"), self.memos),
        ):
            dock = self._dock(name, title, widget)
            window.tabifyDockWidget(window.docks["codebook"], dock)
        window.docks["codebook"].raise_()
        window.docks["memoList"].visibilityChanged.connect(self.memos.set_shown)
        self.sets.filterRequested.connect(self.filter_browser)
        self.sets.populationRequested.connect(self.use_for_post)
        self.memos.codeRequested.connect(self.show_code)

    def _dock(self, name: str, title: str, widget: QWidget) -> QDockWidget:
        dock = QDockWidget(title, self.window)
        dock.setObjectName(name)
        dock.setWidget(widget)
        self.window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
        self.window.docks[name] = dock
        return dock

    def filter_browser(self, set_id: int) -> None:
        """List the set's responses (the analysis follows the browser's filter)."""
        browser = self.window.browser
        browser.set_query(replace(browser.query(), sets=frozenset({set_id})))
        self.window.docks["responseBrowser"].raise_()

    def use_for_post(self, set_id: int) -> str | None:
        post_id = self.window.composer.current_post_id()
        if post_id is None:
            self.ctx.status.emit(
                QCoreApplication.translate("SetMemoDocks", "Open a post in the Draft tab first")
            )
            return None

        def action(s: Session) -> str:
            name, people = population_of(s, set_id)
            return set_population(s, post_id, people, name).name

        return self.ctx.run(
            QCoreApplication.translate("SetMemoDocks", "Set the post's population"), action
        )

    def show_code(self, code_id: int) -> None:
        self.window.codebook.select_code(code_id)
        self.window.docks["codebook"].raise_()
