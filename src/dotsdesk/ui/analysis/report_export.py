"""Reports from the Analysis panel, over the panel's population: the Excel analysis report
(with a crosstab by the panel's attribute and the panel's two coders), the codebook and the
coded excerpts in Word (with charts by that attribute). Each is written on a worker thread
behind a progress dialog whose Cancel leaves no file."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMenu, QToolButton, QWidget

from ...exporters.docx.codebook import export_codebook_docx
from ...exporters.docx.excerpts import export_excerpts_docx
from ...exporters.xlsx.analysis import ReportRequest, export_analysis_workbook
from ...services.analysis.cooccurrence import Unit
from ...services.analysis.population import Population
from ..context import ProjectContext
from ..i18n import arg
from ..transfer_words import excel_filter, word_filter
from ..worker import run_with_progress


@dataclass(frozen=True)
class PanelChoices:
    """What the panel shows now, for the reports to follow."""

    population: Population
    attribute: str | None
    coders: tuple[str, str] | None
    unit: Unit


class ReportExports:
    def __init__(
        self, parent: QWidget, ctx: ProjectContext, choices: Callable[[], PanelChoices]
    ) -> None:
        self.parent = parent
        self.ctx = ctx
        self._choices = choices
        self._thread: Any = None
        self.last_written: Path | None = None
        self.button = QToolButton(
            parent,
            objectName="exportReport",
            text=QCoreApplication.translate("ReportExports", "Export report…"),
        )
        self.button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.button)
        menu.addAction(
            QCoreApplication.translate("ReportExports", "Analysis report (Excel)…"),
            self.choose_excel,
        )
        menu.addAction(
            QCoreApplication.translate("ReportExports", "Codebook with charts (Word)…"),
            self.choose_codebook,
        )
        menu.addAction(
            QCoreApplication.translate("ReportExports", "Coded excerpts, internal (Word)…"),
            lambda: self.choose_excerpts(False),
        )
        menu.addAction(
            QCoreApplication.translate("ReportExports", "Coded excerpts for sharing (Word)…"),
            lambda: self.choose_excerpts(True),
        )
        self.button.setMenu(menu)

    def _ask(self, title: str, name: str, kind: str, suffix: str) -> Path | None:
        chosen, _ = QFileDialog.getSaveFileName(self.parent, title, name, kind)
        if not chosen:
            return None
        return Path(chosen if chosen.lower().endswith(suffix) else chosen + suffix)

    def choose_excel(self) -> None:
        target = self._ask(
            QCoreApplication.translate("ReportExports", "Analysis report"),
            "analysis.xlsx",
            excel_filter(),
            ".xlsx",
        )
        if target is not None:
            self.export_excel(target)

    def choose_codebook(self) -> None:
        target = self._ask(
            QCoreApplication.translate("ReportExports", "Codebook"),
            "codebook.docx",
            word_filter(),
            ".docx",
        )
        if target is not None:
            self.export_codebook(target)

    def choose_excerpts(self, shareable: bool) -> None:
        target = self._ask(
            QCoreApplication.translate("ReportExports", "Coded excerpts"),
            "excerpts.docx",
            word_filter(),
            ".docx",
        )
        if target is not None:
            self.export_excerpts(target, shareable)

    def export_excel(self, target: Path) -> None:
        c = self._choices()
        request = ReportRequest(
            attributes=(c.attribute,) if c.attribute else (),
            coders=c.coders,
            population=c.population,
            unit=c.unit,
        )
        self._run(target, lambda s, step: export_analysis_workbook(s, target, request, step))

    def export_codebook(self, target: Path) -> None:
        c = self._choices()
        by = (c.attribute,) if c.attribute else ()
        self._run(
            target,
            lambda s, _p: export_codebook_docx(s, target, population=c.population, by=by),
        )

    def export_excerpts(self, target: Path, shareable: bool) -> None:
        c = self._choices()
        by = (c.attribute,) if c.attribute else ()
        self._run(
            target,
            lambda s, _p: export_excerpts_docx(
                s, target, shareable=shareable, placeholders=True, population=c.population, by=by
            ),
        )

    def _run(self, target: Path, write: Callable[[Any, Any], object]) -> None:
        project = self.ctx.project
        if project is None:
            return

        def work(progress: Any) -> object:
            progress(0, 1)
            with project.read() as s:
                return write(s, progress)

        def done(_result: object) -> None:
            self.last_written = target
            self.ctx.status.emit(
                arg(QCoreApplication.translate("ReportExports", "Wrote %1"), target.name)
            )

        def failed(message: str) -> None:
            if message:
                self.ctx.error.emit(message)
            else:
                self.ctx.status.emit(
                    arg(
                        QCoreApplication.translate(
                            "ReportExports", "Cancelled; %1 was not written"
                        ),
                        target.name,
                    )
                )

        writing = arg(QCoreApplication.translate("ReportExports", "Writing %1…"), target.name)
        self._thread = run_with_progress(self.parent, writing, work, done, failed)
