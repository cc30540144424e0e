"""A panel taken out of the window into a wide window of its own (View > Draft in Its Own
Window), and put back by the same action or the dock's own float button."""

from __future__ import annotations

from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import QDockWidget

from .icons import icon


def float_action(dock: QDockWidget, text: str, name: str, width: int = 1100) -> QAction:
    """A checkable action: on, `dock` floats at `width` (or the screen's, if narrower) and
    most of the screen's height; off, it goes back where it was docked."""
    action = QAction(icon("float"), text, dock, objectName=name, checkable=True)

    def toggled(on: bool) -> None:
        if on == dock.isFloating():
            return
        dock.setFloating(on)
        if on:
            dock.show()
            screen = dock.screen() or QGuiApplication.primaryScreen()
            room = screen.availableGeometry()
            dock.resize(min(width, room.width()), int(room.height() * 0.85))
            dock.move(room.center() - dock.rect().center())
            dock.raise_()
            dock.activateWindow()

    action.toggled.connect(toggled)
    dock.topLevelChanged.connect(action.setChecked)  # its own float button, or a drag
    return action
