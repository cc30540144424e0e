"""The Agreement tab: two coders' kappa, alpha and percent agreement per code, the stretches
they disagree on, and the comparison view (Compare…, or a double-click on a disagreement)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ...services.analysis.agreement import AgreementReport, agreement
from ...services.analysis.codes import coder_names
from ...services.analysis.compare import SpanDisagreement, disagreeing_responses
from ...services.analysis.population import Population
from ..context import ProjectContext
from ..i18n import arg
from ..worker import Background, run_in_background
from .compare import CompareView
from .models import Column, Value
from .tables import AnalysisTable


class AgreementTab(QWidget):
    def __init__(
        self,
        ctx: ProjectContext,
        population: Callable[[], Population],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("agreementTab")
        self.ctx = ctx
        self._population = population
        self.report: AgreementReport | None = None
        self.compare_view: CompareView | None = None
        self.job: Background | None = None
        self._again = False
        self.first = QComboBox(objectName="agreementFirst")
        self.second = QComboBox(objectName="agreementSecond")
        self.compare_button = QPushButton(self.tr("Compare…"), objectName="compareCoders")
        self.note = QLabel(objectName="agreementNote")
        self.note.setWordWrap(True)
        self.codes = AnalysisTable("agreementTable")
        self.disagreements = AnalysisTable("disagreementTable")
        bar = QHBoxLayout()
        for widget in (
            QLabel(self.tr("Coders")),
            self.first,
            QLabel(self.tr("and")),
            self.second,
            self.compare_button,
        ):
            bar.addWidget(widget)
        bar.addStretch(1)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.codes)
        split.addWidget(self.disagreements)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.addLayout(bar)
        layout.addWidget(self.note)
        layout.addWidget(split, 1)
        self.first.currentTextChanged.connect(lambda _t: self.refresh())
        self.second.currentTextChanged.connect(lambda _t: self.refresh())
        self.compare_button.clicked.connect(lambda: self.open_compare())
        self.disagreements.doubleClicked.connect(self._open_at)

    def coders(self) -> tuple[str, str] | None:
        a, b = self.first.currentText(), self.second.currentText()
        return (a, b) if a and b and a != b else None

    def load_coders(self) -> None:
        """Fill the pickers (keeping the choice); the first two coders by default."""
        names: list[str] = []
        if self.ctx.project is not None:
            with self.ctx.read() as s:
                names = coder_names(s)
        kept = (self.first.currentText(), self.second.currentText())
        for box, default in ((self.first, 0), (self.second, 1)):
            box.blockSignals(True)
            box.clear()
            box.addItems(names)
            chosen = kept[default] if kept[default] in names else None
            if chosen is None and len(names) > default:
                chosen = names[default]
            if chosen:
                box.setCurrentText(chosen)
            box.blockSignals(False)
        self.refresh()

    def refresh(self) -> None:
        """Compare the chosen coders on a worker thread (thousands of responses coded twice
        take seconds); the tables fill in when it is done."""
        pair = self.coders()
        self.compare_button.setEnabled(False)
        project = self.ctx.project
        if pair is None or project is None:
            self.report = None
            self.codes.source.set_rows([], [])
            self.disagreements.source.set_rows([], [])
            if self.first.count() < 2:
                self.note.setText(
                    self.tr(
                        "Agreement compares two coders' work on the same responses. This project "
                        "has one coder so far: merge a colleague's copy (File > Merge a "
                        "Colleague's Copy…)."
                    )
                )
            else:
                self.note.setText(self.tr("Choose two coders"))
            return
        # The comparison view's title, as a busy sign: "Compare ann and bob…".
        comparing = QCoreApplication.translate("CompareView", "Compare %1 and %2")
        self.note.setText(arg(comparing, *pair) + "…")
        if self.job is not None and self.job.running():
            self._again = True  # compared again once this comparison is done
            return
        who = self._population()

        def work(_progress: Any) -> AgreementReport:
            with project.read() as s:
                return agreement(s, *pair, population=who)

        self.job = run_in_background(self, work, self._compared, self._failed)

    def computing(self) -> bool:
        return self.job is not None and self.job.running()

    def stop(self) -> None:
        """Before the project closes: no comparison may read it any more."""
        if self.job is not None and self.job.running():
            self.job.cancel()
            self.job.wait()
        self._again = False

    def _compared(self, report: AgreementReport) -> None:
        stale = self._again or (report.first, report.second) != self.coders()
        self._again = False
        if stale:  # the choice or the coding changed meanwhile
            if self.coders() is not None:
                self.refresh()
            return
        self.report = report
        self._show(report)

    def _failed(self, message: str) -> None:
        self._again = False
        self.report = None
        self.note.setText(message)

    def _show(self, report: AgreementReport) -> None:
        columns = [Column(self.tr("Code")), Column(self.tr("Kappa (characters)")),
                   Column(self.tr("Kappa (responses)")), Column(self.tr("Alpha (responses)")),
                   Column(self.tr("% agreement (characters)")),
                   Column(self.tr("Disagreements"), heat=True)]  # fmt: skip
        spans: dict[int | None, int] = {None: len(report.disagreements)}  # None: all codes
        for d in report.disagreements:
            spans[d.code_id] = spans.get(d.code_id, 0) + 1
        rows: list[list[Value]] = [
            [r.code, r.kappa_characters, r.kappa_responses, r.alpha_responses,
             r.characters.percent, spans.get(r.code_id, 0)]
            for r in [*report.codes, report.overall]
        ]  # fmt: skip
        self.codes.source.set_rows(columns, rows)
        columns = [Column(self.tr("Respondent")), Column(self.tr("Code")),
                   Column(self.tr("Coded only by")), Column(self.tr("Text"))]  # fmt: skip
        self.disagreements.source.set_rows(
            columns,
            [
                [d.respondent, d.code, d.coded_by, " ".join(d.text.split())]
                for d in report.disagreements
            ],
            row_keys=list(range(len(report.disagreements))),
        )
        both = self.tr("%n response(s) both coded", "", report.responses)
        apart = self.tr("%n disagreeing stretch(es)", "", len(report.disagreements))
        self.note.setText(
            arg(self.tr("%1; %2. Double-click one to compare the two versions."), both, apart)
        )
        self.compare_button.setEnabled(bool(report.disagreements))

    def open_compare(
        self, at: SpanDisagreement | None = None, response_id: int | None = None
    ) -> CompareView | None:
        """The comparison view of the two coders, at this response (default: the first
        with a disagreement)."""
        report = self.report
        if report is None:
            return None
        listed = disagreeing_responses(report)
        if response_id is None:
            if not listed:
                return None
            response_id = listed[0].response_id
        if self.compare_view is not None:
            self.compare_view.close()
            self.compare_view.deleteLater()
        view = CompareView(self.ctx, report.first, report.second, listed, self.window())
        view.show_response(response_id, at)
        view.show()
        self.compare_view = view
        return view

    def _open_at(self, index: QModelIndex) -> None:
        row, _column = self.disagreements.keys_at(index)
        if self.report is None or not isinstance(row, int):
            return
        d = self.report.disagreements[row]
        found = SpanDisagreement(d.code_id, d.code, "", d.start, d.end, d.coded_by, d.text)
        self.open_compare(found, d.response_id)
