"""The QApplication and its main window."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication

from .. import __version__
from .main_window import MainWindow


def make_application() -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(sys.argv[:1])
    app.setApplicationName("dotsdesk")
    app.setOrganizationName("dotsdesk")
    app.setApplicationVersion(__version__)
    return app


def run(project: Path | None) -> int:
    app = make_application()
    window = MainWindow()
    window.show()
    if project is not None:
        window.open_project(project)
    return app.exec()
