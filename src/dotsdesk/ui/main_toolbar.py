"""The main toolbar: icons with short words under them, every button the same width.

The Undo action's text names the step ("Undo Apply code Role/Research"); the toolbar shows
its fixed icon text instead, and the full text as the tooltip, so no button moves when the
last step changes.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QToolBar

from .icons import icon


def make_main_toolbar(
    window: QMainWindow, title: str, actions: Sequence[tuple[QAction, str, str]]
) -> QToolBar:
    """`actions`: (action, icon name, the short word under its icon)."""
    tools = window.addToolBar(title)
    tools.setObjectName("mainToolbar")
    tools.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextUnderIcon)
    tools.setIconSize(QSize(22, 22))
    for action, icon_name, word in actions:
        action.setIcon(icon(icon_name))
        action.setIconText(word)
        tools.addAction(action)
    widgets = [tools.widgetForAction(a) for a, _n, _w in actions]
    width = max(w.sizeHint().width() for w in widgets if w is not None)
    for widget in widgets:
        if widget is not None:
            widget.setFixedWidth(width)
    return tools
