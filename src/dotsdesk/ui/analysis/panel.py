"""The Analysis panel: Frequencies, Crosstab, Co-occurrence, Words and Agreement over the
browser's current filter (the population, named at the top), each a sortable table (Ctrl+C
copies) with a heat-map tint; a click on a cell lists its segments (a double-click shows
one in the coding view); bar charts saved as PNG or SVG; reports written from here.

It recounts when coding or the filter changes, a tab when it is next shown. Words are
counted on a worker thread with a busy sign (the first count of a large project cuts
millions of characters), so the window never freezes."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QLabel,
    QListWidget,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...errors import DotsError
from ...services.analysis.cells import (
    CellSegments,
    cooccurrence_segments,
    crosstab_segments,
    frequency_segments,
)
from ...services.analysis.cooccurrence import Unit, cooccurrence
from ...services.analysis.crosstab import Crosstab, crosstab
from ...services.analysis.frequencies import code_frequencies
from ...services.analysis.population import ALL, Population, response_owners
from ...services.analysis.words import WordFrequencies, keyword_in_context, word_frequencies
from ...services.browser.query import BrowseQuery, matching_ids
from ...services.coding.codebook import code_paths
from ...services.corpus.respondents import list_attributes
from ...services.corpus.sets import list_sets
from ..browser.filters import describe
from ..context import ProjectContext
from ..i18n import arg
from ..settled import refresh_when_shown
from ..worker import Background, run_in_background
from .agreement_tab import AgreementTab
from .chart import ChartCanvas, draw_panel_chart
from .models import cooccurrence_rows, crosstab_rows, frequency_rows, word_rows
from .report_export import PanelChoices, ReportExports
from .tables import AnalysisTable, CellSegmentList, page, row

FREQUENCIES, CROSSTAB, COOCCURRENCE, WORDS, AGREEMENT = range(5)
RECOUNT_AFTER_MS = 300  # after the last change of a burst
# Tables whose change can change a figure here; the words only read the texts and turns.
ANALYSIS_TABLES = frozenset(
    {"segment", "segment_code", "code", "response", "respondent", "attribute_value", "turn",
     "coder", "consent_event"}
)  # fmt: skip
WORD_TABLES = frozenset({"response", "turn", "setting"})


class AnalysisPanel(QWidget):
    def __init__(self, ctx: ProjectContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("analysisPanelWidget")
        self.ctx = ctx
        self._stale = True
        self._stale_tabs: set[int] = set(range(5))
        self._query = BrowseQuery()
        self._population: Population = ALL
        self._crosstab: Crosstab | None = None
        self._words_job: Background | None = None
        self._words_again = False  # a change came while the words were being counted
        self._words_stale = True  # the texts or the population changed since the last count
        self._recount = QTimer(self, singleShot=True, interval=RECOUNT_AFTER_MS)
        self._recount.timeout.connect(self._recount_now)
        self.tabs = QTabWidget()
        self.frequencies = AnalysisTable("frequencyTable")
        self.crosstab = AnalysisTable("crosstabTable")
        self.cooccurrence = AnalysisTable("cooccurrenceTable")
        self.words = AnalysisTable("wordTable")
        self.agreement = AgreementTab(ctx, lambda: self._population)
        self.chart = ChartCanvas()
        self.cells = CellSegmentList(ctx)
        self.population_label = QLabel(objectName="analysisPopulation")
        self.attribute = QComboBox(objectName="crosstabAttribute")
        self.percent = QComboBox(objectName="crosstabPercent")
        for key, text in (
            ("column", self.tr("column")),
            ("row", self.tr("row")),
            ("total", self.tr("total")),
        ):
            self.percent.addItem(text, key)
        self.unit = QComboBox(objectName="cooccurrenceUnit")
        for unit, text in (
            (Unit.OVERLAP, self.tr("overlap")),
            (Unit.RESPONSE, self.tr("response")),
            (Unit.RESPONDENT, self.tr("respondent")),
        ):
            self.unit.addItem(text, unit.value)
        self.measure = QComboBox(objectName="cooccurrenceMeasure")
        self.measure.addItem(self.tr("count"), "count")
        self.measure.addItem("Jaccard", "jaccard")
        self.contexts = QListWidget(objectName="wordContexts")
        self.busy = QProgressBar(objectName="wordsBusy")
        self.busy.setFormat(self.tr("Counting words… %p%"))
        self.busy.hide()
        self.reports = ReportExports(self, ctx, self.choices)
        self._build()
        ctx.projectChanged.connect(self._project_changed)
        ctx.dataChanged.connect(self._data_changed)

    def _build(self) -> None:
        self.tabs.addTab(self.frequencies, self.tr("Frequencies"))
        self.tabs.addTab(page(row(QLabel(self.tr("By")), self.attribute, self.percent),
                              self.crosstab), self.tr("Crosstab"))  # fmt: skip
        self.tabs.addTab(page(row(QLabel(self.tr("Together by")), self.unit, self.measure),
                              self.cooccurrence), self.tr("Co-occurrence"))  # fmt: skip
        words = QSplitter(Qt.Orientation.Vertical)
        words.addWidget(page(self.busy, self.words))
        words.addWidget(self.contexts)
        self.tabs.addTab(words, self.tr("Words"))
        self.tabs.addTab(self.agreement, self.tr("Agreement"))
        save = QPushButton(self.tr("Save chart…"), objectName="saveChart")
        save.clicked.connect(self.choose_chart_file)
        # One above the other: the dock is often narrow, and a chart squeezed beside the
        # list reads as nothing.
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.tabs)
        split.addWidget(page(self.chart, row(save)))
        split.addWidget(self.cells)
        split.setSizes([420, 300, 180])
        self.population_label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(row(self.population_label, self.reports.button, stretch_first=True))
        layout.addWidget(split, 1)
        self.tabs.currentChanged.connect(self._tab_changed)
        self.attribute.currentTextChanged.connect(lambda _t: self.show_crosstab())
        self.percent.currentTextChanged.connect(lambda _t: self.show_crosstab())
        self.unit.currentTextChanged.connect(lambda _t: self.show_cooccurrence())
        self.measure.currentTextChanged.connect(lambda _t: self.show_cooccurrence())
        self.crosstab.clicked.connect(lambda _i: self.draw_chart())
        for table in (self.frequencies, self.crosstab, self.cooccurrence):
            table.clicked.connect(lambda index, t=table: self.list_cell(t, index))
        self.words.clicked.connect(self.show_contexts)

    # -- the population -------------------------------------------------------------------
    def set_filter(self, query: BrowseQuery) -> None:
        """Follow the browser's filter; only a change of what is filtered recounts."""
        key = replace(query, sort=self._query.sort, sort_attribute=None, descending=False)
        old = replace(self._query, sort_attribute=None, descending=False)
        self._query = query
        if key != old:
            self._mark(words=True)

    def _find_population(self) -> None:
        if self.ctx.project is None or not self._query.filtered:
            self._population = ALL
            self.population_label.setText(self.tr("All respondents"))
            return
        with self.ctx.read() as s:
            ids = matching_ids(s, self._query)
            people = len(set(response_owners(s, Population.of(ids, "")).values()))
            coded = self._query.has_codes or self._query.lacks_codes
            names = code_paths(s) if coded else {}
            sets = {x.id: x.name for x in list_sets(s)} if self._query.sets else {}
        parts = describe(self._query, names, sets)
        if self._query.search.strip():
            parts.append(arg(self.tr("search “%1”"), self._query.search.strip()))
        text = self.tr("; ").join(parts)
        self._population = Population.of(ids, text)
        responses = self.tr("%Ln response(s)", "", len(ids))
        respondents = self.tr("%Ln respondent(s)", "", people)
        self.population_label.setText(
            arg(self.tr("Filtered as the browser: %1 of %2 (%3)"), responses, respondents, text)
        )

    def choices(self) -> PanelChoices:
        pair = self.agreement.coders() if self.agreement.report is not None else None
        return PanelChoices(
            self._population,
            self.attribute.currentText() or None,
            pair,
            Unit(self.unit.currentData()),
        )

    # -- computing ------------------------------------------------------------------------
    def refresh(self) -> None:
        """Recount what the current tab shows; the other tabs when they are next shown."""
        self._stale = False
        self._stale_tabs = set(range(5))
        self.cells.clear()
        before = self._population
        if self.ctx.project is None:
            for table in (self.frequencies, self.crosstab, self.cooccurrence, self.words):
                table.source.set_rows([], [])
            self._population = ALL
            self.population_label.setText("")
            self.agreement.load_coders()
            return
        self._find_population()
        # Coding alone does not change the words: they are recounted only when the texts or
        # the population changed (the first count of a large project takes seconds).
        if not self._words_stale and self._population == before and self.words.source.rows:
            self._stale_tabs.discard(WORDS)
        self._words_stale = False
        self._update_current()
        self.draw_chart()

    def _update_current(self) -> None:
        tab = self.tabs.currentIndex()
        if tab not in self._stale_tabs or self.ctx.project is None:
            return
        self._stale_tabs.discard(tab)
        who = self._population
        if tab == FREQUENCIES:
            with self.ctx.read() as s:
                frequency_rows(self.frequencies.source, code_frequencies(s, who))
        elif tab == CROSSTAB:
            with self.ctx.read() as s:
                names = [a.name for a in list_attributes(s)]
            chosen = self.attribute.currentText()
            self.attribute.blockSignals(True)
            self.attribute.clear()
            self.attribute.addItems(names)
            if chosen in names:
                self.attribute.setCurrentText(chosen)
            self.attribute.blockSignals(False)
            self.show_crosstab()
        elif tab == COOCCURRENCE:
            self.show_cooccurrence()
        elif tab == WORDS:
            self.count_words()
        else:
            self.agreement.load_coders()

    def show_crosstab(self) -> None:
        name = self.attribute.currentText()
        if self.ctx.project is None or not name:
            self._crosstab = None
            self.crosstab.source.set_rows([], [])
            return
        try:
            with self.ctx.read() as s:
                self._crosstab = crosstab(s, name, self._population)
        except DotsError as exc:
            self.ctx.error.emit(str(exc))
            return
        crosstab_rows(self.crosstab.source, self._crosstab, str(self.percent.currentData()))
        self.draw_chart()

    def show_cooccurrence(self) -> None:
        if self.ctx.project is None:
            return
        with self.ctx.read() as s:
            found = cooccurrence(s, self._population, unit=Unit(self.unit.currentData()))
        cooccurrence_rows(self.cooccurrence.source, found, self.measure.currentData() != "count")

    def count_words(self) -> None:
        """On a worker thread; the table fills in when the count is done."""
        project = self.ctx.project
        if project is None:
            return
        if self._words_job is not None and self._words_job.running():
            self._words_again = True  # counted again once this count is done
            return
        who = self._population
        self.busy.setRange(0, 0)
        self.busy.show()

        def work(progress: Any) -> WordFrequencies:
            with project.read() as s:
                return word_frequencies(s, who, limit=200, progress=progress)

        self._words_job = run_in_background(
            self, work, self._words_counted, self._words_failed, self._words_progress
        )

    def _words_progress(self, done: int, total: int) -> None:
        self.busy.setRange(0, max(total, 1))
        self.busy.setValue(done)

    def _words_counted(self, counted: WordFrequencies) -> None:
        self.busy.hide()
        word_rows(self.words.source, counted)
        if self.tabs.currentIndex() == WORDS:
            self.draw_chart()
        if self._words_again:
            self._words_again = False
            self._stale_tabs.add(WORDS)
            if self.tabs.currentIndex() == WORDS:
                self._update_current()

    def _words_failed(self, message: str) -> None:
        self.busy.hide()
        if message and self.ctx.project is not None:
            self.ctx.error.emit(message)

    def words_counting(self) -> bool:
        return self._words_job is not None and self._words_job.running()

    def show_contexts(self, index: QModelIndex) -> None:
        """The places the clicked word is used, as keyword in context."""
        source = self.words.proxy.mapToSource(index)
        word = str(self.words.source.rows[source.row()][0])
        with self.ctx.read() as s:
            found = keyword_in_context(s, word, self._population, width=30, limit=500)
        self.contexts.clear()
        self.contexts.addItems(
            f"{c.respondent}: …{c.before}【{c.keyword}】{c.after}…" for c in found
        )

    def list_cell(self, table: AnalysisTable, index: QModelIndex) -> CellSegments | None:
        """List the segments behind a clicked cell (a code's row, a value's column)."""
        code, column = table.keys_at(index)
        if not isinstance(code, int) or self.ctx.project is None:
            self.cells.clear()
            return None
        who = self._population
        with self.ctx.read() as s:
            if table is self.frequencies:
                found = frequency_segments(s, code, who, subcodes=bool(column))
            elif table is self.crosstab and self._crosstab is not None:
                found = crosstab_segments(s, code, self._crosstab.attribute, str(column), who)
            elif table is self.cooccurrence and isinstance(column, int):
                unit = Unit(self.unit.currentData())
                found = cooccurrence_segments(s, code, column, who, unit=unit)
            else:
                self.cells.clear()
                return None
        self.cells.show_cell(found)
        return found

    def _tab_changed(self, index: int) -> None:
        self.cells.clear()
        self.cells.setVisible(index in (FREQUENCIES, CROSSTAB, COOCCURRENCE))  # tables of codes
        self._update_current()
        self.draw_chart()

    # -- charts ---------------------------------------------------------------------------
    def draw_chart(self) -> None:
        draw_panel_chart(self)

    def choose_chart_file(self) -> None:
        name, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Save chart"),
            "chart.png",
            ";;".join((self.tr("PNG image") + " (*.png)", self.tr("SVG drawing") + " (*.svg)")),
        )
        if name:
            try:
                self.chart.save(Path(name))
            except (OSError, ValueError) as exc:
                self.ctx.error.emit(arg(self.tr("%1: %2"), name, exc))

    # -- following the project ------------------------------------------------------------
    def _project_changed(self) -> None:
        if self._words_job is not None and self._words_job.running():
            self._words_job.cancel()
            self._words_job.wait()
        self.agreement.stop()
        self._query = BrowseQuery()
        self._mark(words=True)

    def _mark(self, *, words: bool = False) -> None:
        self._stale = True
        self._words_stale |= words
        if self.isVisible() or self.ctx.project is None:
            self.refresh()

    def _data_changed(self, tables: frozenset[str]) -> None:
        if tables & ANALYSIS_TABLES or tables & WORD_TABLES:
            self._stale = True
            self._words_stale |= bool(tables & WORD_TABLES)
            if self.isVisible():
                # Counted once a burst of coding is over, never inside the frame that
                # applies a code (a large project's tables take up to a second).
                self._recount.start()

    def _recount_now(self) -> None:
        if self._stale and self.isVisible():
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        refresh_when_shown(self, self.ctx.settling, lambda: self._stale, self.refresh)
