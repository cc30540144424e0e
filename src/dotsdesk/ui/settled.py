"""Work a panel does when it is shown, put off while the window settles.

Opening a project shows every dock for a moment before the tabbed ones go behind their
tabs (`ProjectContext.settling`); a panel that recounted in its showEvent then did so for
nothing (the analysis, the coded segments and the consent tracker together took 0.4 s of a
large project's opening). Shown at any other time, a panel counts at once."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QWidget


def when_settled(widget: QWidget, settling: bool, action: Callable[[], None]) -> None:
    """Run `action` now, or while the window is `settling` when the event loop is next
    idle, if `widget` is still shown then."""
    if not settling:
        action()
        return

    def run() -> None:
        if widget.isVisible():
            action()

    QTimer.singleShot(0, widget, run)
