"""Work a panel does when it is shown, put off while the window settles.

Opening a project shows every dock for a moment before the tabbed ones go behind their
tabs (`ProjectContext.settling`); a panel that recounted in its showEvent then did so for
nothing (the analysis, the coded segments and the consent tracker together took 0.4 s of a
large project's opening). Shown at any other time, a panel counts at once."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QWidget


def refresh_when_shown(
    widget: QWidget, settling: bool, stale: Callable[[], bool], refresh: Callable[[], None]
) -> None:
    """From a panel's showEvent: `refresh` if it is `stale`, at once; or, while the window
    is `settling`, when the event loop is next idle, if the panel is still shown and still
    stale then."""

    def run() -> None:
        if stale():
            refresh()

    if not settling:
        run()
        return

    def later() -> None:
        if widget.isVisible():
            run()

    QTimer.singleShot(0, widget, later)
