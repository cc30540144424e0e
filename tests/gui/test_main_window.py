"""The window starts on the welcome screen and shows an opened project."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QLabel, QStackedWidget

from dotsdesk.services.sample import build_sample
from dotsdesk.store import Project
from dotsdesk.ui.main_window import MainWindow


def test_welcome_then_project(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "sample.dots"
    with Project.create(path) as project, project.write() as s:
        build_sample(s)
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    stack = window.centralWidget()
    assert isinstance(stack, QStackedWidget)
    assert stack.currentWidget().objectName() == "welcome"
    window.open_project(path)
    overview = window.findChild(QLabel, "projectOverview")
    assert stack.currentWidget() is overview
    assert "30 respondents" in overview.text()
    assert window.windowTitle().startswith("sample.dots")
    # The window holds the writer lock until the project is closed.
    window.close_project()
    assert stack.currentWidget().objectName() == "welcome"
    Project.open(path).close()
