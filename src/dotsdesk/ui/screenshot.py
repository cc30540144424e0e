"""Render the real main window (or one panel) on a project to a PNG, for the README."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QWidget

from ..errors import DotsError
from .application import make_application
from .main_window import MainWindow


def take_screenshot(
    project: Path,
    out: Path,
    *,
    width: int = 1440,
    height: int = 900,
    panel: str | None = None,
    response: int | None = None,
) -> Path:
    app = make_application()
    window = MainWindow()
    window.resize(QSize(width, height))
    window.show()
    try:
        if not window.open_project(project):
            raise DotsError(project, "cannot be opened for the screenshot")
        if response is not None:
            window.ctx.responseActivated.emit(response)
        for _ in range(5):  # let layouts and lazy models settle
            app.processEvents()
        target: QWidget = window
        if panel is not None:
            found = window.panel(panel)
            if found is None:
                names = ", ".join(sorted(window.docks))
                raise DotsError(None, f"no panel named {panel!r}; the panels are {names}")
            target = found
            if panel in window.docks:
                window.docks[panel].raise_()  # a dock tabbed behind another comes to front
                for _ in range(5):
                    app.processEvents()
        pixmap = target.grab()
        if not pixmap.save(str(out), "PNG"):
            raise DotsError(out, "cannot write the image")
        return out
    finally:
        window.close()
