"""The QApplication and its main window."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from .. import __version__
from ..resources import resource
from .gc_guard import collect_on_gui_thread


def make_application() -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(sys.argv[:1])
    app.setApplicationName("dotsdesk")
    app.setOrganizationName("dotsdesk")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("io.github.dotsdesk.dotsdesk")
    collect_on_gui_thread(app)
    icon = resource("icons", "dotsdesk.svg")
    if icon.is_file():
        app.setWindowIcon(QIcon(str(icon)))
    return app


def run(project: Path | None) -> int:
    from .main_window import MainWindow

    app = make_application()
    window = MainWindow()
    window.show()
    if project is not None:
        window.open_project(project)
    elif os.environ.get("DOTSDESK_NO_RESTORE") is None:
        window.reopen_last()
    if os.environ.get("DOTSDESK_EXIT_WHEN_SHOWN"):
        # For start-up timing: print the wall clock once the window is up, then quit.
        def report() -> None:
            print(f"{time.time():.3f}", flush=True)
            window.close()

        QTimer.singleShot(0, report)
    return app.exec()
