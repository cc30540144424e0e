"""The Analysis panel: Frequencies, Crosstab, Co-occurrence and Words, each a sortable table
(Ctrl+C copies the selection as tab-separated text) with a heat-map tint, and bar charts that
can be saved as PNG or SVG. It recomputes when coding changes, once it is next shown."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...errors import DotsError
from ...services.analysis.cooccurrence import Unit, cooccurrence
from ...services.analysis.crosstab import ALL_VALUES, Crosstab, crosstab
from ...services.analysis.frequencies import code_frequencies
from ...services.analysis.words import keyword_in_context, word_frequencies
from ...services.corpus.respondents import list_attributes
from ..context import ProjectContext
from .chart import ChartCanvas
from .models import (
    SORT_ROLE,
    TableModel,
    cooccurrence_rows,
    crosstab_rows,
    frequency_rows,
    word_rows,
)

# Tables whose change can change a figure here.
ANALYSIS_TABLES = frozenset(
    {"segment", "segment_code", "code", "response", "respondent", "attribute_value", "turn"}
)


class _Table(QTableView):
    """A sortable view of a TableModel; Ctrl+C copies the selected cells."""

    def __init__(self, name: str) -> None:
        super().__init__()
        self.setObjectName(name)
        self.source = TableModel()
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.source)
        self.proxy.setSortRole(SORT_ROLE)
        self.setModel(self.proxy)
        self.setSortingEnabled(True)
        self.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # codebook order until asked
        self.verticalHeader().hide()
        # Only while this table has focus: window-wide, Ctrl+C anywhere would copy the table.
        copy = QShortcut(QKeySequence.StandardKey.Copy, self, self.copy)
        copy.setContext(Qt.ShortcutContext.WidgetShortcut)

    def copy(self) -> str:
        chosen = [self.proxy.mapToSource(i) for i in self.selectedIndexes()]
        text = self.source.as_text(chosen)
        QGuiApplication.clipboard().setText(text)
        return text


class AnalysisPanel(QWidget):
    def __init__(self, ctx: ProjectContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("analysisPanelWidget")
        self.ctx = ctx
        self._stale = True
        self._stale_tabs: set[int] = {0, 1, 2, 3}
        self._crosstab: Crosstab | None = None
        self.tabs = QTabWidget()
        self.frequencies = _Table("frequencyTable")
        self.crosstab = _Table("crosstabTable")
        self.cooccurrence = _Table("cooccurrenceTable")
        self.words = _Table("wordTable")
        self.chart = ChartCanvas()
        self.attribute = QComboBox(objectName="crosstabAttribute")
        self.percent = QComboBox(objectName="crosstabPercent")
        self.percent.addItems(["column", "row", "total"])
        self.unit = QComboBox(objectName="cooccurrenceUnit")
        self.unit.addItems([u.value for u in Unit])
        self.measure = QComboBox(objectName="cooccurrenceMeasure")
        self.measure.addItems(["count", "Jaccard"])
        self.contexts = QListWidget(objectName="wordContexts")
        self._build()
        ctx.projectChanged.connect(self._mark)
        ctx.dataChanged.connect(self._data_changed)

    def _build(self) -> None:
        self.tabs.addTab(self.frequencies, "Frequencies")
        self.tabs.addTab(_page(_row(QLabel("By"), self.attribute, self.percent), self.crosstab),
                         "Crosstab")  # fmt: skip
        self.tabs.addTab(_page(_row(QLabel("Together by"), self.unit, self.measure),
                               self.cooccurrence), "Co-occurrence")  # fmt: skip
        words = QSplitter(Qt.Orientation.Vertical)
        words.addWidget(self.words)
        words.addWidget(self.contexts)
        self.tabs.addTab(words, "Words")
        save = QPushButton("Save chart…", objectName="saveChart")
        save.clicked.connect(self.choose_chart_file)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.tabs)
        split.addWidget(_page(self.chart, _row(save)))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(split)
        self.tabs.currentChanged.connect(self._tab_changed)
        self.attribute.currentTextChanged.connect(lambda _t: self.show_crosstab())
        self.percent.currentTextChanged.connect(lambda _t: self.show_crosstab())
        self.unit.currentTextChanged.connect(lambda _t: self.show_cooccurrence())
        self.measure.currentTextChanged.connect(lambda _t: self.show_cooccurrence())
        self.crosstab.clicked.connect(lambda _i: self.draw_chart())
        self.words.clicked.connect(self.show_contexts)

    # -- computing ------------------------------------------------------------------------
    def refresh(self) -> None:
        """Recount what the current tab shows; the other tabs when they are next shown (the
        words of a large project take seconds the first time)."""
        self._stale = False
        self._stale_tabs = {0, 1, 2, 3}
        if self.ctx.project is None:
            for table in (self.frequencies, self.crosstab, self.cooccurrence, self.words):
                table.source.set_rows([], [])
            return
        self._update_current()
        self.draw_chart()

    def _update_current(self) -> None:
        tab = self.tabs.currentIndex()
        if tab not in self._stale_tabs or self.ctx.project is None:
            return
        self._stale_tabs.discard(tab)
        if tab == 0:
            with self.ctx.read() as s:
                frequency_rows(self.frequencies.source, code_frequencies(s))
        elif tab == 1:
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
        elif tab == 2:
            self.show_cooccurrence()
        else:
            with self.ctx.read() as s:
                word_rows(self.words.source, word_frequencies(s, limit=200))

    def show_crosstab(self) -> None:
        name = self.attribute.currentText()
        if self.ctx.project is None or not name:
            self._crosstab = None
            self.crosstab.source.set_rows([], [])
            return
        try:
            with self.ctx.read() as s:
                self._crosstab = crosstab(s, name)
        except DotsError as exc:
            self.ctx.error.emit(str(exc))
            return
        crosstab_rows(self.crosstab.source, self._crosstab, self.percent.currentText())
        self.draw_chart()

    def show_cooccurrence(self) -> None:
        if self.ctx.project is None:
            return
        with self.ctx.read() as s:
            found = cooccurrence(s, unit=Unit(self.unit.currentText()))
        cooccurrence_rows(self.cooccurrence.source, found, self.measure.currentText() != "count")

    def show_contexts(self, index: QModelIndex) -> None:
        """The places the clicked word is used, as keyword in context."""
        source = self.words.proxy.mapToSource(index)
        word = str(self.words.source.rows[source.row()][0])
        with self.ctx.read() as s:
            found = keyword_in_context(s, word, width=30, limit=500)
        self.contexts.clear()
        self.contexts.addItems(
            f"{c.respondent}: …{c.before}【{c.keyword}】{c.after}…" for c in found
        )

    def _tab_changed(self, _index: int) -> None:
        self._update_current()
        self.draw_chart()

    # -- charts ---------------------------------------------------------------------------
    def draw_chart(self) -> None:
        tab = self.tabs.currentIndex()
        if tab == 0:
            rows = [r for r in self.frequencies.source.rows]
            colours = self.frequencies.source.row_colours
            self.chart.bars(
                "Respondents per code (with sub-codes)",
                [str(r[0]).strip() for r in rows],
                [float(r[3] or 0) for r in rows],
                [c or "#4C9BE8" for c in colours],
            )
        elif tab == 1 and self._crosstab is not None and self._crosstab.codes:
            chosen = self.crosstab.currentIndex()
            row = self.crosstab.proxy.mapToSource(chosen).row() if chosen.isValid() else 0
            code = self._crosstab.codes[min(row, len(self._crosstab.codes) - 1)]
            values = [*self._crosstab.values, ALL_VALUES]
            self.chart.bars(
                f"{code.path} by {self._crosstab.attribute}",
                values,
                [self._crosstab.cell(code.id, v).percent_of_column for v in values],
                [code.colour] * len(values),
                unit="% of the respondents with the value",
            )
        elif tab == 3:
            rows = self.words.source.rows[:25]
            self.chart.bars("Most frequent words", [str(r[0]) for r in rows],
                            [float(r[1] or 0) for r in rows])  # fmt: skip

    def choose_chart_file(self) -> None:
        name, _filter = QFileDialog.getSaveFileName(
            self, "Save chart", "chart.png", "PNG image (*.png);;SVG drawing (*.svg)"
        )
        if name:
            try:
                self.chart.save(Path(name))
            except (OSError, ValueError) as exc:
                self.ctx.error.emit(f"{name}: {exc}")

    # -- following the project ------------------------------------------------------------
    def _mark(self) -> None:
        self._stale = True
        if self.isVisible() or self.ctx.project is None:
            self.refresh()

    def _data_changed(self, tables: frozenset[str]) -> None:
        if tables & ANALYSIS_TABLES:
            self._mark()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()


def _row(*widgets: QWidget) -> QWidget:
    box = QWidget()
    layout = QHBoxLayout(box)
    layout.setContentsMargins(4, 2, 4, 2)
    for widget in widgets:
        layout.addWidget(widget)
    layout.addStretch(1)
    return box


def _page(*widgets: QWidget) -> QWidget:
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    for widget in widgets:
        layout.addWidget(widget)
    return box
