"""The "Columns" menu: hide fixed columns, add respondents' attributes as columns."""

from __future__ import annotations

from functools import partial
from typing import Protocol

from PySide6.QtWidgets import QMenu, QWidget

from .menus import StayOpen, clear_menu
from .model import FIXED


class ColumnOwner(Protocol):
    def attribute_columns(self) -> list[str]: ...
    def set_attribute_columns(self, names: list[str]) -> None: ...
    def attribute_names(self) -> list[str]: ...
    def hidden_columns(self) -> set[str]: ...
    def set_column_hidden(self, key: str, hidden: bool) -> None: ...


class ColumnsMenu(QMenu):
    def __init__(self, owner: ColumnOwner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Columns"))
        self.setObjectName("browserColumnsMenu")
        self._owner = owner
        self._stay_open = StayOpen(self)
        self.installEventFilter(self._stay_open)
        self.aboutToShow.connect(self.rebuild)

    def rebuild(self) -> None:
        clear_menu(self)
        hidden = self._owner.hidden_columns()
        for column in FIXED:
            if column.key == "preview":
                continue  # what the browser is for
            action = self.addAction(column.shown_title)
            action.setCheckable(True)
            action.setChecked(column.key not in hidden)
            action.setData(("fixed", column.key))
            action.toggled.connect(partial(self._show_fixed, column.key))
        self.addSection(self.tr("Attributes"))
        chosen = self._owner.attribute_columns()
        names = self._owner.attribute_names()
        if not names:
            self.addAction(self.tr("No attributes")).setEnabled(False)
        for name in names:
            action = self.addAction(name)
            action.setCheckable(True)
            action.setChecked(name in chosen)
            action.setData(("attribute", name))
            action.toggled.connect(partial(self._show_attribute, name))

    def _show_fixed(self, key: str, on: bool) -> None:
        self._owner.set_column_hidden(key, not on)

    def _show_attribute(self, name: str, on: bool) -> None:
        chosen = set(self._owner.attribute_columns())
        chosen = chosen | {name} if on else chosen - {name}
        # Keep the project's attribute order, whatever order they were ticked in.
        self._owner.set_attribute_columns([n for n in self._owner.attribute_names() if n in chosen])
