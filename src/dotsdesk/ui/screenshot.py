"""Render the real main window (or one panel) on a project to a PNG, for the README."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import QMessageLogContext, QSize, QtMsgType, qInstallMessageHandler
from PySide6.QtWidgets import QWidget

from ..errors import DotsError, NotFound
from ..services.corpus.respondents import find_respondent
from .application import make_application
from .main_window import MainWindow


@contextmanager
def quiet_qt() -> Iterator[None]:
    """Qt's warnings stay out of the output (the offscreen platform says "This plugin does
    not support propagateSizeHints()" for every dock); its critical errors still show."""

    def handler(kind: QtMsgType, _context: QMessageLogContext, message: str) -> None:
        if kind in (QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg):
            print(message, file=sys.stderr)

    previous = qInstallMessageHandler(handler)
    try:
        yield
    finally:
        qInstallMessageHandler(previous)


def take_screenshot(
    project: Path,
    out: Path,
    *,
    width: int = 1440,
    height: int = 900,
    panel: str | None = None,
    response: str | None = None,
) -> Path:
    """`response`: a respondent's label (P01); their first answer is shown."""
    with quiet_qt():
        return _take(project, out, width, height, panel, response)


def _take(
    project: Path, out: Path, width: int, height: int, panel: str | None, response: str | None
) -> Path:
    app = make_application()
    window = MainWindow()
    window.resize(QSize(width, height))
    window.show()
    try:
        if not window.open_project(project):
            raise DotsError(project, "cannot be opened for the screenshot")
        if panel is not None and window.panel(panel) is None:
            names = ", ".join(sorted(window.docks))
            raise DotsError(None, f"no panel named {panel!r}; the panels are {names}")
        if response is not None:
            window.ctx.responseActivated.emit(_first_response(window, project, response))
        for _ in range(5):  # let layouts and lazy models settle
            app.processEvents()
        target: QWidget = window
        if panel is not None:
            target = window.panel(panel)
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


def _first_response(window: MainWindow, project: Path, label: str) -> int:
    with window.ctx.read() as s:
        try:
            person = find_respondent(s, label)
        except NotFound:
            raise DotsError(project, f"has no respondent labelled {label!r}") from None
        if not person.responses:
            raise DotsError(project, f"respondent {label!r} gave no answer to show")
        return min(r.id for r in person.responses)
