"""Above the preview: what the post's figures are computed over, a way to choose it, and
"Accept figures" for figures that changed since they were last drafted, exported or accepted.

Accepting and choosing are user actions: each is one `ctx.run`, one undo step (undoing an
acceptance brings the issue back). The preview never records what it shows (see
`services.composer.figures` for why).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QToolButton, QWidget

from ...services.composer.population import (
    default_name,
    respondents_of,
    set_population,
    size_of,
    sources,
)
from ...services.composer.render import accept_figures
from ...services.composer.render_tree import RenderedPost
from ..context import ProjectContext
from ..i18n import arg
from .dialogs import PopulationDialog
from .preview import AMBER


class PopulationBar(QWidget):
    def __init__(self, ctx: ProjectContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("composerPopulationBar")
        self.ctx = ctx
        self.post_id: int | None = None
        self.dialog: PopulationDialog | None = None  # the open dialog, for tests
        self.label = QLabel(objectName="composerPopulation", wordWrap=True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.choose_button = QToolButton(
            text=self.tr("Population…"), objectName="composerChoosePopulation"
        )
        self.choose_button.setToolTip(self.tr("Choose the respondents this post's figures count"))
        self.choose_button.clicked.connect(self.open_dialog)
        self.accept_button = QPushButton(
            self.tr("Accept figures"), objectName="composerAcceptFigures"
        )
        self.accept_button.setToolTip(
            self.tr("Make the figures as they are now the ones later changes are reported against")
        )
        self.accept_button.clicked.connect(self.accept_figures)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.label, 1)
        row.addWidget(self.choose_button, 0, Qt.AlignmentFlag.AlignTop)
        # `accept_button` is placed by the panel beside the issues it resolves.
        self.show_tree(None, None)

    def show_tree(self, post_id: int | None, tree: RenderedPost | None) -> None:
        """Follow the preview's latest render."""
        self.post_id = post_id
        self.choose_button.setEnabled(post_id is not None)
        changed = tree.changed_figures if tree is not None else []
        self.accept_button.setEnabled(bool(changed))
        self.accept_button.setVisible(bool(changed))
        over = tree.population if tree is not None else ""
        self.label.setText(arg(self.tr("Figures over %1"), over) if over else "")
        legacy = tree is not None and not tree.population_saved
        self.label.setStyleSheet(f"color: {AMBER}" if legacy else "color: #555555")

    # -- user actions: one undo step each -------------------------------------------------
    def accept_figures(self) -> int | None:
        post_id = self.post_id
        if post_id is None:
            return None
        done = self.ctx.run(self.tr("Accept figures"), lambda s: accept_figures(s, post_id))
        if done is not None:
            self.ctx.status.emit(self.tr("Accepted %n figure(s) as they are now", "", done))
        return done

    def set_population(self, chosen: list[str] | None, name: str = "") -> str | None:
        """The respondents of the files `chosen` (None: every respondent) become the post's
        population; returns its name."""
        post_id = self.post_id
        if post_id is None:
            return None
        return self.ctx.run(
            self.tr("Set the post's population"),
            lambda s: set_population(s, post_id, respondents_of(s, chosen), name).name,
        )

    def open_dialog(self) -> None:
        if self.post_id is None:
            return
        with self.ctx.read() as s:
            files = sources(s)
            everyone = size_of(s, respondents_of(s))

        def name_for(chosen: list[str] | None) -> str:
            with self.ctx.read() as s:
                return default_name(s, respondents_of(s, chosen))

        self.dialog = dialog = PopulationDialog(files, everyone, name_for, self)
        dialog.accepted.connect(lambda: self.set_population(*dialog.values()))
        dialog.open()  # not exec: the window (and a test) carries on while it is shown
