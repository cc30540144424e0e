"""Coded Segments: every segment of the chosen codes over the browser's population, with the
sentence, paragraph or turn around it and the coded words in bold; sorted by any column,
filtered by an attribute; a double-click (or Enter) shows the segment in the coding view;
Ctrl+C copies the selected rows; print, Word and Excel from the buttons."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...services.analysis.population import ALL, Population
from ...services.browser.query import BrowseQuery, matching_ids
from ...services.coding.codebook import list_codes
from ...services.coding.retrieval import ContextUnit, retrieve
from ...services.corpus.respondents import AttributeInfo, attribute_table, list_attributes
from ..context import ProjectContext
from ..i18n import arg
from ..settled import refresh_when_shown
from .model import CONTEXT, SEGMENT_ROLE, RetrieveModel
from .output import RetrieveOutput
from .widgets import CodeChooser, RichTextDelegate

# What a change must touch for the list to be read again.
RELEVANT = frozenset(
    {"code", "segment", "segment_code", "response", "respondent", "attribute_def"}
    | {"attribute_value", "turn"}
)


class RetrievePanel(QWidget):
    def __init__(self, ctx: ProjectContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("retrievePanel")
        self.ctx = ctx
        self._query = BrowseQuery()
        self.population: Population = ALL
        self._stale = True
        self.numeric: list[str] = []  # attributes that are numbers (Excel writes them so)
        self._attributes: tuple[dict[int, dict[str, str]], list[AttributeInfo]] | None = None
        self.model = RetrieveModel(ctx.read)
        self.output = RetrieveOutput(self)
        self.codes = CodeChooser()
        self.codes.set_placeholder(self.tr("Choose codes…"))
        self.descendants = QCheckBox(self.tr("Include sub-codes"), objectName="retrieveSubcodes")
        self.descendants.setChecked(True)
        self.unit = QComboBox(objectName="retrieveContext")
        for text, unit in (
            (self.tr("Sentence"), ContextUnit.SENTENCE),
            (self.tr("Paragraph"), ContextUnit.PARAGRAPH),
            (self.tr("Speaker's turn"), ContextUnit.TURN),
        ):
            self.unit.addItem(text, unit.value)
        self.attribute = QComboBox(objectName="retrieveAttribute")
        self.value = QComboBox(objectName="retrieveValue")
        for combo in (self.attribute, self.value):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.summary = QLabel(objectName="retrieveSummary")
        self.summary.setWordWrap(True)
        self.table = QTableView(objectName="retrieveTable")
        self.table.setModel(self.model)
        self.table.setItemDelegateForColumn(CONTEXT, RichTextDelegate(self.table))
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # by label until asked
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        # Three lines a row, the same for every row: measuring each would read every text.
        lines = self.fontMetrics().lineSpacing() * 3 + 8
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(lines)
        self.table.horizontalHeader().setStretchLastSection(False)
        self.copy_button = QPushButton(self.tr("Copy"), objectName="retrieveCopy")
        self.print_button = QPushButton(self.tr("Print…"), objectName="retrievePrint")
        self.word_button = QPushButton(self.tr("Word…"), objectName="retrieveWord")
        self.excel_button = QPushButton(self.tr("Excel…"), objectName="retrieveExcel")
        self._timer = QTimer(self, singleShot=True, interval=300)
        self._timer.timeout.connect(self.refresh)
        self._build()
        self._connect()

    def _build(self) -> None:
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Codes:")))
        top.addWidget(self.codes, 1)
        top.addWidget(self.descendants)
        top.addWidget(QLabel(self.tr("Context:")))
        top.addWidget(self.unit)
        second = QHBoxLayout()
        second.addWidget(QLabel(self.tr("Only:")))
        second.addWidget(self.attribute)
        second.addWidget(self.value)
        second.addStretch(1)
        for button in (self.copy_button, self.print_button, self.word_button, self.excel_button):
            second.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(second)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)

    def _connect(self) -> None:
        self.codes.changed.connect(self.refresh)
        self.descendants.toggled.connect(self.refresh)
        self.unit.currentIndexChanged.connect(
            lambda _n: self.model.set_unit(ContextUnit(self.unit.currentData()))
        )
        self.attribute.currentIndexChanged.connect(self._attribute_chosen)
        self.value.currentIndexChanged.connect(self._value_chosen)
        self.table.activated.connect(self.jump)
        self.table.doubleClicked.connect(self.jump)
        self.model.modelReset.connect(self._summarise)
        self.copy_button.clicked.connect(self.copy)
        self.print_button.clicked.connect(self.output.choose_printer)
        self.word_button.clicked.connect(self.output.choose_word)
        self.excel_button.clicked.connect(self.output.choose_excel)
        copy = QShortcut(QKeySequence.StandardKey.Copy, self.table, self.copy)
        copy.setContext(Qt.ShortcutContext.WidgetShortcut)
        self.ctx.projectChanged.connect(self._project_changed)
        self.ctx.dataChanged.connect(self._data_changed)

    # -- what is listed -------------------------------------------------------------------
    def show_codes(self, code_ids: list[int]) -> None:
        """List these codes' segments (the Codes menu's Retrieve with the codebook's code)."""
        if self._stale:
            self._fill_codes()
        self.codes.check(code_ids)

    def set_filter(self, query: BrowseQuery) -> None:
        """Follow the browser's filter (the population)."""
        self._query = query
        self._mark()

    def refresh(self) -> None:
        self._stale = False
        if self.ctx.project is None:
            self.model.set_rows([], {}, [])
            return
        ids = self.codes.checked()
        with self.ctx.read() as s:
            self.population = self._population(s)
            rows = retrieve(
                s,
                ids,
                with_descendants=self.descendants.isChecked(),
                response_ids=self.population.response_ids,
            )
            if self._attributes is None:  # read again only after respondents changed
                self._attributes = (attribute_table(s), list_attributes(s))
            attributes, infos = self._attributes
        self.numeric = [a.name for a in infos if a.type.value == "number"]
        names = [a.name for a in infos]
        self.model.set_rows(rows, attributes, names)
        self._fill_attributes(names)
        for column in range(self.model.columnCount()):
            width = 420 if column == CONTEXT else 110
            self.table.setColumnWidth(column, width)

    def _population(self, s: object) -> Population:
        if not self._query.filtered:
            return ALL
        ids = matching_ids(s, self._query)  # type: ignore[arg-type]
        return Population.of(ids, self.tr("the browser's filter"))

    def _fill_codes(self) -> None:
        if self.ctx.project is None:
            self.codes.set_codes([])
            return
        with self.ctx.read() as s:
            self.codes.set_codes(list_codes(s, respondents=False))

    def _fill_attributes(self, names: list[str]) -> None:
        chosen = self.attribute.currentData()
        self.attribute.blockSignals(True)
        self.attribute.clear()
        self.attribute.addItem(self.tr("every respondent"), None)
        for name in names:
            self.attribute.addItem(name, name)
        at = self.attribute.findData(chosen) if chosen else 0
        self.attribute.setCurrentIndex(max(at, 0))
        self.attribute.setMinimumWidth(self.attribute.sizeHint().width())  # never cut short
        self.attribute.blockSignals(False)
        self._attribute_chosen()

    def _attribute_chosen(self, _n: int = 0) -> None:
        name = self.attribute.currentData()
        chosen = self.value.currentData()
        self.value.blockSignals(True)
        self.value.clear()
        if name:
            for value in self.model.values_of(name):
                self.value.addItem(value, value)
            at = self.value.findData(chosen)
            self.value.setCurrentIndex(max(at, 0))
        self.value.setEnabled(bool(name))
        self.value.blockSignals(False)
        self._value_chosen()

    def _value_chosen(self, _n: int = 0) -> None:
        self.model.set_filter(self.attribute.currentData(), self.value.currentData())

    def _summarise(self) -> None:
        shown = self.model.rows
        people = len({r.respondent_id for r in shown})
        if not self.codes.checked():
            self.summary.setText(self.tr("Choose one or more codes to list their segments."))
            return
        segments = self.tr("%n segment(s)", "", len(shown))
        respondents = self.tr("%n respondent(s)", "", people)
        if self.population.everything:
            text = arg(self.tr("%1 from %2, all respondents"), segments, respondents)
        else:
            text = arg(self.tr("%1 from %2, filtered as the browser"), segments, respondents)
        self.summary.setText(text)

    # -- acting on rows -------------------------------------------------------------------
    def selected_rows(self) -> list[int]:
        return sorted({i.row() for i in self.table.selectionModel().selectedRows()})

    def copy(self) -> str:
        rows = self.selected_rows()
        if not rows:
            return ""
        text = self.model.as_text(rows)
        QGuiApplication.clipboard().setText(text)
        self.ctx.status.emit(self.tr("Copied %n segment(s)", "", len(rows)))
        return text

    def jump(self, index: QModelIndex) -> None:
        seg = self.model.data(index, SEGMENT_ROLE)
        if seg is not None:
            self.ctx.segmentActivated.emit(seg.response_id, seg.segment_id)

    # -- keeping up -----------------------------------------------------------------------
    def _mark(self) -> None:
        self._stale = True
        if self.isVisible():
            self._timer.start()

    def _data_changed(self, tables: frozenset[str]) -> None:
        if tables & {"respondent", "attribute_def", "attribute_value"}:
            self._attributes = None
        if "code" in tables:  # a code added, renamed or deleted: the chooser follows
            self._fill_codes()
        if tables & RELEVANT:
            self._mark()

    def _project_changed(self) -> None:
        self._query = BrowseQuery()
        self._attributes = None
        self._fill_codes()
        self._mark()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        refresh_when_shown(self, self.ctx.settling, lambda: self._stale, self._refill)

    def _refill(self) -> None:
        self._fill_codes()
        self.refresh()
