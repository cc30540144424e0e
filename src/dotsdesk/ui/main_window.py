"""The main window: docks for the panels, menus, undo, recent projects, drag-and-drop import.

Panels get the ProjectContext and talk through its signals; the window only arranges
them, routes menu actions, and remembers layout and recent projects.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QDockWidget,
    QFileDialog,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from ..errors import DotsError
from ..services.counts import bar_counts
from ..store.restore import ProjectDamaged
from .backup_menu import BackupActions
from .coder import CoderControls
from .context import ProjectContext
from .history import History
from .i18n import arg
from .preferences_dialog import (
    Preferences,
    default_population_query,
)
from .sample import SampleProject
from .settings import app_settings, forget_project, recent_projects, remember_project
from .team import TeamControls
from .transfer import Transfers
from .welcome import WelcomePage
from .window_actions import make_actions, make_menus

DOCKS = ("responseBrowser", "codingPanel", "codebook")


class MainWindow(QMainWindow):
    def __init__(self, ctx: ProjectContext | None = None) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.setWindowTitle("dotsdesk")
        self.setAcceptDrops(True)
        self.resize(1440, 900)
        self.ctx = ctx or ProjectContext(self)
        self.settings = app_settings()
        self.history = History()
        self.prefs = Preferences(self.settings, self)
        self._navigating = False
        self.transfers = Transfers(self, self.ctx)
        self.backups = BackupActions(
            self, self.ctx, self.open_project, lambda text: self.statusBar().showMessage(text)
        )
        self.team = TeamControls(self, self.ctx, self.open_project)
        self.sample = SampleProject(
            self,
            self.ctx,
            self.open_project,
            self._show_error,
            lambda text: self.statusBar().showMessage(text, 10000),
        )
        self._stack = QStackedWidget()
        self.welcome = WelcomePage(
            self.new_project, self.choose_project, self.open_sample, self.open_project
        )
        self._stack.addWidget(self.welcome)
        self.setCentralWidget(self._stack)
        self._make_panels()
        self.coder_controls = CoderControls(self, self.ctx)
        make_actions(self)
        make_menus(self)
        self._connect()
        self._restore_layout()
        self._show_state()

    # -- construction ---------------------------------------------------------------------
    def _make_panels(self) -> None:
        from .analysis import AnalysisPanel
        from .browser.panel import ResponseBrowser
        from .codebook.panel import CodebookPanel
        from .coding.panel import CodingPanel
        from .composer import DraftComposer
        from .consent import ConsentTracker

        self.browser = ResponseBrowser(self.ctx)
        self.coding = CodingPanel(self.ctx)
        self.codebook = CodebookPanel(self.ctx)
        self.consent = ConsentTracker(self.ctx)
        self.composer = DraftComposer(self.ctx)
        self.analysis = AnalysisPanel(self.ctx)
        self.docks: dict[str, QDockWidget] = {}
        left, right = Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea
        for name, title, widget, area in (
            ("responseBrowser", self.tr("Responses"), self.browser, left),
            ("codingPanel", self.tr("Coding"), self.coding, right),
            ("codebook", self.tr("Codebook"), self.codebook, right),
            ("consentTracker", self.tr("Consent"), self.consent, right),
            ("draftComposer", self.tr("Draft"), self.composer, right),
            ("analysisPanel", self.tr("Analysis"), self.analysis, right),
        ):
            dock = QDockWidget(title, self)
            dock.setObjectName(name)
            dock.setWidget(widget)
            self.addDockWidget(area, dock)
            self.docks[name] = dock
        self.splitDockWidget(
            self.docks["codingPanel"], self.docks["codebook"], Qt.Orientation.Horizontal
        )
        self.tabifyDockWidget(self.docks["codebook"], self.docks["consentTracker"])
        self.docks["codebook"].raise_()
        self.docks["draftComposer"].visibilityChanged.connect(self.composer.set_shown)
        # Behind the coding panel's tab the analysis is still "visible" to Qt and would
        # recount the whole project after every code applied: hidden with its tab instead.
        self.docks["analysisPanel"].visibilityChanged.connect(self.analysis.setVisible)
        self.docks["consentTracker"].visibilityChanged.connect(self.consent.setVisible)

    def _connect(self) -> None:
        self.ctx.projectChanged.connect(self._show_state)
        # Counts cost tens of milliseconds on a large project: refresh them once a burst of
        # actions is over, never inside the frame that applies a code.
        self._counts_timer = QTimer(self, singleShot=True, interval=400)
        self._counts_timer.timeout.connect(self._show_counts)
        self.ctx.dataChanged.connect(lambda _tables: self._counts_timer.start())
        self.ctx.error.connect(self._show_error)
        self.ctx.status.connect(lambda text: self.statusBar().showMessage(text, 5000))
        self.ctx.responseActivated.connect(self._visited)
        # A segment shown from elsewhere (the analysis' cell lists): bring the text forward.
        self.ctx.segmentActivated.connect(lambda *_ids: self.docks["codingPanel"].raise_())
        self.browser.queryChanged.connect(self.analysis.set_filter)
        self.browser.queryChanged.connect(lambda query: self.coding.set_search(query.search))
        self.prefs.changed.connect(self._apply_preferences)
        self._apply_preferences()
        self.recent_menu.aboutToShow.connect(self._fill_recent)

    # -- project life cycle ---------------------------------------------------------------
    def new_project(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, self.tr("New project"), "", self._filter())
        if name:
            self._load(Path(name), create=True)

    def choose_project(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Open project"), "", self._filter())
        if name:
            self.open_project(Path(name))

    def _filter(self) -> str:
        return self.tr("dotsdesk projects") + " (*.dots)"

    def open_project(self, path: Path) -> bool:
        return self._load(path, create=False)

    def reopen_last(self) -> None:
        """Start where the user left off, unless that project is gone or locked."""
        last = self.settings.value("lastProject")
        if isinstance(last, str) and Path(last).is_file():
            self.open_project(Path(last))

    def open_sample(self) -> bool:
        """The sample as the user left it; written only when there is none."""
        return self.sample.open()

    def reset_sample(self) -> bool:
        return self.sample.reset()

    def _load(self, path: Path, *, create: bool) -> bool:
        try:
            self.ctx.create(path) if create else self.ctx.open(path)
        except ProjectDamaged as exc:
            self.backups.offer(exc)  # its backups, the newest good one chosen
            return False
        except DotsError as exc:
            self._show_error(str(exc))
            if not create and not path.exists():
                forget_project(self.settings, path)
            return False
        assert self.ctx.project is not None
        remember_project(self.settings, self.ctx.project.path)
        if self.ctx.project.backup is not None:
            self.statusBar().showMessage(
                arg(
                    self.tr("Upgraded the project; the old version is kept as %1"),
                    self.ctx.project.backup.name,
                )
            )
        return True

    def close_project(self) -> None:
        self.ctx.close()

    def _show_state(self) -> None:
        has_project = self.ctx.project is not None
        self._stack.setVisible(not has_project)
        # Docks shown one by one stand stacked for a moment: Qt grows the window to fit
        # them all (1440x900 became 1440x1444), and it stays so. It keeps its size instead.
        size = self.size()
        self.ctx.settling = True
        for dock in self.docks.values():
            dock.setVisible(has_project)
        for action in self.project_actions:
            action.setEnabled(has_project)
        self.history.clear()
        if has_project:
            assert self.ctx.project is not None
            self.resize(size)  # before tabifying: its tab bars are laid out at this size
            if not self._layout_restored:
                self._default_layout()
                self.resize(size)
            self.ctx.settling = False
            self.setWindowTitle(arg(self.tr("%1 — dotsdesk"), self.ctx.project.path.name))
            start = default_population_query(self.ctx, self.prefs)  # Edit > Preferences
            if start is not None:
                self.browser.set_query(start)
            self._show_counts()
        else:
            self.ctx.settling = False
            self.setWindowTitle("dotsdesk")
            self.welcome.set_recent(recent_projects(self.settings))
            self.statusBar().showMessage(self.tr("No project open"))

    def _show_counts(self) -> None:
        if self.ctx.project is None:
            return
        with self.ctx.read() as s:
            c = bar_counts(s)  # the four counts shown, not the consent statuses
        parts = [
            self.tr("%Ln respondent(s)", "", c.respondents),
            self.tr("%Ln response(s)", "", c.responses),
            self.tr("%Ln code(s)", "", c.codes),
            self.tr("%Ln segment(s)", "", c.segments),
        ]
        self.statusBar().showMessage(" · ".join(parts))

    def _apply_preferences(self) -> None:
        from ..services.coding.colours import PALETTE, SAFE_PALETTE
        from .coding.reading import apply_preferences

        apply_preferences(self.coding, self.prefs)
        colours = SAFE_PALETTE if self.prefs.colour_blind_safe else PALETTE
        self.coding.ops.colours = self.codebook.colours = colours

    def _restart(self) -> None:
        from .application import restart

        restart(self)

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        for path in recent_projects(self.settings):
            action = self.recent_menu.addAction(str(path))
            action.triggered.connect(lambda _=False, p=path: self.open_project(p))
        self.recent_menu.setEnabled(bool(self.recent_menu.actions()))

    def _show_error(self, message: str) -> None:
        QMessageBox.warning(self, "dotsdesk", message)

    # -- posts ----------------------------------------------------------------------------
    def new_post_from_codes(self) -> int | None:
        """Ask for title, series, number and parent code; draft the post (one undo step),
        show it in the Draft panel, and say which quotes the consent gate kept out."""
        from ..services.composer.outline import parent_code_paths
        from .composer import NewPostDialog

        if self.ctx.project is None:
            return None
        with self.ctx.read() as s:
            paths = parent_code_paths(s)
        if not paths:
            self._show_error(self.tr("No code has child codes to make sections from"))
            return None
        dialog = NewPostDialog(paths, self)
        if not dialog.exec():
            return None
        title, series, number, code_path = dialog.values()
        from ..services.composer.drafting import draft_post

        report = self.ctx.run(
            arg(self.tr("New post “%1”"), title),
            lambda s: draft_post(s, title, code_path, series=series, number=number),
        )
        if report is None:
            return None
        self.composer.show_post(report.post_id)
        self.docks["draftComposer"].show()
        self.docks["draftComposer"].raise_()
        sections = self.tr("%n section(s)", "", len(report.sections))
        quotes = self.tr("%n quote(s)", "", report.quotes)
        summary = arg(self.tr("Drafted “%1”: %2 from %3, %4."), title, sections, code_path, quotes)
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("New post"), summary, parent=self)
        box.setObjectName("draftReport")
        if report.skipped:
            box.setInformativeText(
                self.tr(
                    "%n segment(s) were not quoted because of consent:", "", len(report.skipped)
                )
            )
            box.setDetailedText("\n".join(f"{k.section}: {k.message}" for k in report.skipped))
        box.show()
        self.statusBar().showMessage(summary, 5000)
        return report.post_id

    # -- navigation -----------------------------------------------------------------------
    def _visited(self, response_id: int) -> None:
        if not self._navigating:
            self.history.visit(response_id)

    def _go(self, target: int | None) -> None:
        if target is None:
            return
        self._navigating = True
        try:
            self.ctx.responseActivated.emit(target)
        finally:
            self._navigating = False

    def go_back(self) -> None:
        self._go(self.history.back())

    def go_forward(self) -> None:
        self._go(self.history.forward())

    # -- files dropped on the window ------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and self.ctx.project is not None:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.transfers.import_paths(paths)

    # -- layout memory --------------------------------------------------------------------
    def _restore_layout(self) -> None:
        geometry = self.settings.value("geometry")
        state = self.settings.value("windowState")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        self._layout_restored = isinstance(state, QByteArray) and self.restoreState(state)

    def _default_layout(self) -> None:
        """Browser, text and codebook side by side, the text widest (until the user moves
        things, which is then remembered)."""
        # The composer shares the coding panel's place, as a tab behind it. Tabified here,
        # with the docks shown: tabified while hidden, Qt leaves a stray tab bar behind.
        self.tabifyDockWidget(self.docks["codingPanel"], self.docks["draftComposer"])
        self.tabifyDockWidget(self.docks["codingPanel"], self.docks["analysisPanel"])
        self.workbench.default_layout()
        self.docks["codingPanel"].raise_()
        width = max(self.width(), 900)
        sizes = [int(width * 0.36), int(width * 0.42), int(width * 0.22)]
        self.resizeDocks([self.docks[n] for n in DOCKS], sizes, Qt.Orientation.Horizontal)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.ctx.project is not None:
            self.settings.setValue("windowState", self.saveState())
        self.settings.setValue("geometry", self.saveGeometry())
        self.ctx.close()
        super().closeEvent(event)

    def panel(self, name: str) -> QWidget:
        return self.docks[name] if name in self.docks else self.findChild(QWidget, name)
