"""The QApplication and its main window."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from PySide6.QtCore import QProcess, QProcessEnvironment, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QWidget

from .. import __version__
from ..languages import ENV as LANGUAGE_ENV
from ..resources import resource
from .gc_guard import collect_on_gui_thread
from .i18n import chosen_language, install_language
from .settings import app_settings


def make_application() -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(sys.argv[:1])
    app.setApplicationName("dotsdesk")
    app.setOrganizationName("dotsdesk")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("io.github.dotsdesk.dotsdesk")
    collect_on_gui_thread(app)
    install_language(app, chosen_language(app_settings()))
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


def restart_arguments(argv: list[str], *, frozen: bool) -> list[str]:
    """The arguments to start dotsdesk again as it was started, without --lang (the language
    just chosen in the menu is to win)."""
    args: list[str] = []
    skip = False
    for item in argv[1:]:
        if skip:
            skip = False
        elif item == "--lang":
            skip = True
        elif not item.startswith("--lang="):
            args.append(item)
    return args if frozen else ["-m", "dotsdesk", *args]


def restart(window: QWidget) -> None:
    """Close the window (which saves its layout and releases the project), start a new
    dotsdesk the same way, and quit this one."""
    if not window.close():
        return
    process = QProcess()
    process.setProgram(sys.executable)
    process.setArguments(restart_arguments(sys.argv, frozen=bool(getattr(sys, "frozen", False))))
    environment = QProcessEnvironment.systemEnvironment()
    environment.remove(LANGUAGE_ENV)
    process.setProcessEnvironment(environment)
    process.startDetached()
    QApplication.quit()
