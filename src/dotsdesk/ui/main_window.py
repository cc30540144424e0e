"""The main window: a welcome screen until a project is open, then the project's overview.

The response browser, coding panel and codebook dock here (objectName responseBrowser,
codingPanel, codebook) when the main-window work lands; this is the frame they go in.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ..errors import DotsError
from ..services.counts import project_counts
from ..store import Project

FILE_FILTER = "dotsdesk projects (*.dots)"


class MainWindow(QMainWindow):
    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.setWindowTitle("dotsdesk")
        self.resize(1200, 800)
        self.project: Project | None = None
        self._stack = QStackedWidget()
        self._welcome = self._make_welcome()
        self._overview = QLabel()
        self._overview.setObjectName("projectOverview")
        self._overview.setWordWrap(True)
        self._stack.addWidget(self._welcome)
        self._stack.addWidget(self._overview)
        self.setCentralWidget(self._stack)
        self._make_menus()
        self.statusBar().showMessage("No project open")

    def _make_welcome(self) -> QWidget:
        page = QWidget(objectName="welcome")
        layout = QVBoxLayout(page)
        layout.addStretch()
        layout.addWidget(
            QLabel(
                "<h1>dotsdesk</h1><p>Code what people said, track who may be "
                "quoted, and write it up.</p>"
            )
        )
        for text, slot in (
            ("New project…", self.new_project),
            ("Open project…", self.choose_project),
        ):
            button = QPushButton(text)
            button.clicked.connect(slot)
            layout.addWidget(button)
        layout.addStretch()
        return page

    def _make_menus(self) -> None:
        menu = self.menuBar().addMenu("&File")
        for text, shortcut, slot in (
            ("&New project…", QKeySequence.StandardKey.New, self.new_project),
            ("&Open project…", QKeySequence.StandardKey.Open, self.choose_project),
            ("&Close project", QKeySequence.StandardKey.Close, self.close_project),
            ("&Quit", QKeySequence.StandardKey.Quit, self.close),
        ):
            action = QAction(text, self)
            action.setShortcut(shortcut)
            action.triggered.connect(slot)
            menu.addAction(action)

    # -- project life cycle ---------------------------------------------------------------
    def new_project(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, "New project", "", FILE_FILTER)
        if name:
            self._load(lambda: Project.create(Path(name)))

    def choose_project(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, "Open project", "", FILE_FILTER)
        if name:
            self.open_project(Path(name))

    def open_project(self, path: Path) -> None:
        self._load(lambda: Project.open(path))

    def _load(self, opener: object) -> None:
        self.close_project()
        try:
            self.project = opener()  # type: ignore[operator]
        except DotsError as exc:
            QMessageBox.warning(self, "dotsdesk", str(exc))
            return
        assert self.project is not None
        with self.project.read() as s:
            counts = project_counts(s)
        self._overview.setText(
            f"<h2>{self.project.path.name}</h2><p>{counts.respondents} respondents, "
            f"{counts.responses} responses, {counts.codes} codes, {counts.segments} segments.</p>"
        )
        self._stack.setCurrentWidget(self._overview)
        self.setWindowTitle(f"{self.project.path.name} — dotsdesk")
        self.statusBar().showMessage(str(self.project.path))

    def close_project(self) -> None:
        if self.project is not None:
            self.project.close()
            self.project = None
        self._stack.setCurrentWidget(self._welcome)
        self.setWindowTitle("dotsdesk")
        self.statusBar().showMessage("No project open")

    def closeEvent(self, event: object) -> None:
        self.close_project()
        super().closeEvent(event)  # type: ignore[arg-type]
