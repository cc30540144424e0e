"""The response browser's set entries: add the selected responses to a set, or make a new
set from the selection or from everything the current filter lists. The new-set dialog is
opened, not executed, so the window (and a test) carries on while it is shown."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMenu, QWidget

from ...model import SetOrigin
from ...services.corpus.sets import list_sets, respondents_of_responses
from ..context import ProjectContext
from . import actions
from .dialog import NewSetDialog


class BrowserSetMenu(QObject):
    """`selected()` and `listed()` give response ids; `describe()` the filter in words."""

    def __init__(
        self,
        ctx: ProjectContext,
        parent: QWidget,
        selected: Callable[[], list[int]],
        listed: Callable[[], list[int]],
        describe: Callable[[], str],
    ) -> None:
        super().__init__(parent)
        self._ctx, self._parent = ctx, parent
        self._selected, self._listed, self._describe = selected, listed, describe
        self.dialog: NewSetDialog | None = None

    def fill(self, menu: QMenu) -> None:
        """Add the set entries to a context menu being built."""
        if self._ctx.project is None:
            return
        chosen = self._selected()
        add = menu.addMenu(self.tr("Add selected to set"))
        add.setObjectName("browserAddToSet")
        add.setEnabled(bool(chosen))
        with self._ctx.read() as s:
            known = list_sets(s)
        for info in known:
            action = add.addAction(info.name)
            action.setData(info.id)
            action.triggered.connect(partial(self.add_to, info.id, info.name))
        if known:
            add.addSeparator()
        add.addAction(self.tr("New set…"), self.new_from_selection)
        new = menu.addAction(self.tr("New set from selection…"), self.new_from_selection)
        new.setObjectName("browserNewSetFromSelection")
        new.setEnabled(bool(chosen))
        listed = menu.addAction(self.tr("New set from the current filter…"), self.new_from_filter)
        listed.setObjectName("browserNewSetFromFilter")

    def add_to(self, set_id: int, name: str) -> int:
        return actions.add_to_set(self._ctx, set_id, name, self._selected())

    def new_from_selection(self) -> NewSetDialog | None:
        return self._ask(self._selected(), SetOrigin.SELECTION, None)

    def new_from_filter(self) -> NewSetDialog | None:
        return self._ask(self._listed(), SetOrigin.FILTER, self._describe() or None)

    def _ask(
        self, response_ids: list[int], origin: SetOrigin, described: str | None
    ) -> NewSetDialog | None:
        if not response_ids or self._ctx.project is None:
            self._ctx.status.emit(self.tr("No responses to make a set of"))
            return None
        with self._ctx.read() as s:
            people = len(respondents_of_responses(s, response_ids))
        name = described or ""
        self.dialog = dialog = NewSetDialog(len(response_ids), people, name, self._parent)

        def made() -> None:
            title, kind = dialog.values()
            actions.new_set(
                self._ctx, title, kind, response_ids, origin=origin, description=described
            )

        dialog.accepted.connect(made)
        dialog.open()
        return dialog
