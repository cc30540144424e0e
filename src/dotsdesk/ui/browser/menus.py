"""Helpers the list, the filter menu and the grid share: the codebook as nested menus, menus
that stay open while the user ticks several entries, compact rows."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import QHeaderView, QMenu, QTableView

from ...services.browser.query import CodeChoice

AddCode = Callable[[QMenu, CodeChoice, str], None]


def compact_rows(table: QTableView) -> None:
    """One line of text per row, and a fixed height, so the view never measures rows."""
    rows = table.verticalHeader()
    rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    rows.setDefaultSectionSize(table.fontMetrics().height() + 8)


def clear_menu(menu: QMenu) -> None:
    """Empty a menu that is rebuilt on each visit, its submenus too (clear() keeps them)."""
    for old in menu.findChildren(QMenu, options=Qt.FindChildOption.FindDirectChildrenOnly):
        old.deleteLater()
    menu.clear()


def swatch(colour: str, size: int = 12) -> QIcon:
    pixmap = QPixmap(size, size)
    pixmap.fill(QColor(colour))
    return QIcon(pixmap)


def add_code_tree(menu: QMenu, codes: Sequence[CodeChoice], add: AddCode, whole: str) -> None:
    """One submenu per code with children: the code itself first (labelled with `whole`,
    e.g. "Role (any)"), then its children; leaves are plain entries made by `add`."""
    children: dict[int | None, list[CodeChoice]] = {}
    for code in codes:
        children.setdefault(code.parent_id, []).append(code)

    def walk(target: QMenu, parent: int | None) -> None:
        for code in children.get(parent, []):
            if code.id in children:
                sub = target.addMenu(swatch(code.colour), code.name)
                add(sub, code, whole.format(name=code.name))
                sub.addSeparator()
                walk(sub, code.id)
            else:
                add(target, code, code.name)

    walk(menu, None)
    if not codes:
        menu.addAction(QCoreApplication.translate("CodeMenus", "No codes yet")).setEnabled(False)


class StayOpen(QObject):
    """Ticking a checkable entry toggles it without closing the menu, so several values
    can be chosen in one visit."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.MouseButtonRelease and isinstance(watched, QMenu):
            action = watched.activeAction()
            if action is not None and action.isCheckable() and action.isEnabled():
                action.trigger()
                return True
        return False
