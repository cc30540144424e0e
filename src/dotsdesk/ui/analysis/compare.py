"""Two coders' highlights on the same response, side by side, their disagreements marked
(a red wavy underline in both panes) and listed; one click on "Keep …" accepts that coder's
version of a stretch, as one undo step.

Positions: the services speak code points, QTextDocument UTF-16 units; `TextPositions`
converts (emoji and other astral characters are two units)."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from ...errors import DotsError
from ...services.analysis.compare import (
    ComparedResponse,
    ResponseComparison,
    SpanDisagreement,
    compare_response,
)
from ...services.coding.reconcile import accept_version
from ..context import ProjectContext
from ..i18n import arg
from ..textpos import TextPositions

CODING_TABLES = frozenset({"segment", "segment_code", "code"})
TINT = 0.35
DISAGREE = QColor("#C62828")
# Columns: Code, Coded only by, Keep <first>'s, Keep <second>'s, Text (last: it stretches, and
# the buttons stay in view however long the stretch).
KEEP_FIRST, KEEP_SECOND, TEXT = 2, 3, 4
Index = QModelIndex | QPersistentModelIndex


def blend(colours: Sequence[str]) -> QColor:
    """Each code's colour laid at TINT over white, averaged: overlaps read mixed."""
    tinted = []
    for name in colours:
        c = QColor(name)
        tinted.append([255 + (getattr(c, ch)() - 255) * TINT for ch in ("red", "green", "blue")])
    return QColor(*(round(sum(t[i] for t in tinted) / len(tinted)) for i in range(3)))


class DisagreementModel(QAbstractTableModel):
    def __init__(self) -> None:
        super().__init__()
        self.rows: list[SpanDisagreement] = []
        self.coders = ("", "")

    def set_rows(self, rows: Sequence[SpanDisagreement], coders: tuple[str, str]) -> None:
        self.beginResetModel()
        self.rows, self.coders = list(rows), coders
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 5

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        return (self.tr("Code"), self.tr("Coded only by"), self.tr("Accept"), "", self.tr("Text"))[
            section
        ]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        d, col = self.rows[index.row()], index.column()
        keep = self.coders[col - KEEP_FIRST] if col in (KEEP_FIRST, KEEP_SECOND) else None
        if role == Qt.ItemDataRole.DisplayRole:
            if keep is not None:
                return arg(self.tr("Keep %1's"), keep)
            return (d.code, d.coded_by, "", "", " ".join(d.text.split()))[col]
        if role == Qt.ItemDataRole.ToolTipRole and col == TEXT:
            return d.text
        if role == Qt.ItemDataRole.ToolTipRole and keep is not None:
            other = self.coders[1 - (col - KEEP_FIRST)]
            if keep == d.coded_by:
                text = self.tr("Accept %1's version: %2 gains %3 here")
                return arg(text, keep, other, d.code)
            text = self.tr("Accept %1's version: %2's %3 is taken off here")
            return arg(text, keep, other, d.code)
        if role == Qt.ItemDataRole.ForegroundRole and keep is not None:
            return QBrush(QColor("#1A5FB4"))
        if role == Qt.ItemDataRole.FontRole and keep is not None:
            font = QFont()
            font.setUnderline(True)
            return font
        if role == Qt.ItemDataRole.DecorationRole and col == 0:
            return QColor(d.colour)
        return None


class CompareView(QDialog):
    def __init__(
        self,
        ctx: ProjectContext,
        first: str,
        second: str,
        responses: Sequence[ComparedResponse],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("compareView")
        self.setWindowTitle(arg(self.tr("Compare %1 and %2"), first, second))
        self.resize(1100, 700)
        self.ctx, self.first, self.second = ctx, first, second
        self.responses = list(responses)
        self.shown: ResponseComparison | None = None
        self.picker = QComboBox(objectName="compareResponse")
        self.previous = QPushButton(self.tr("◀ Previous"), objectName="comparePrevious")
        self.next = QPushButton(self.tr("Next ▶"), objectName="compareNext")
        self.about = QLabel(objectName="compareAbout")
        self.panes = {first: _pane(f"{first}"), second: _pane(f"{second}")}
        self.model = DisagreementModel()
        self.table = QTableView(objectName="compareDisagreements")
        self._build()
        for r in self.responses:
            self.picker.addItem(_item(r), r.response_id)
        ctx.dataChanged.connect(self._data_changed)
        ctx.projectChanged.connect(self.close)

    def _build(self) -> None:
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.clicked.connect(self._clicked)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Response")))
        top.addWidget(self.picker, 1)
        top.addWidget(self.previous)
        top.addWidget(self.next)
        sides = QSplitter(Qt.Orientation.Horizontal)
        for box, _view in self.panes.values():
            sides.addWidget(box)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(sides)
        split.addWidget(self.table)
        split.setSizes([450, 200])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.about)
        layout.addWidget(split, 1)
        self.picker.currentIndexChanged.connect(self._picked)
        self.previous.clicked.connect(lambda: self._step(-1))
        self.next.clicked.connect(lambda: self._step(1))

    # -- showing --------------------------------------------------------------------------
    def show_response(self, response_id: int, select: SpanDisagreement | None = None) -> None:
        at = self.picker.findData(response_id)
        if at < 0:
            self.picker.addItem(arg(self.tr("response %1"), response_id), response_id)
            at = self.picker.count() - 1
        self.picker.blockSignals(True)
        self.picker.setCurrentIndex(at)
        self.picker.blockSignals(False)
        self._load(response_id)
        if select is not None:
            self.select(select)

    def _load(self, response_id: int) -> None:
        try:
            with self.ctx.read() as s:
                self.shown = compare_response(s, response_id, self.first, self.second)
        except DotsError as exc:
            self.ctx.error.emit(str(exc))
            return
        shown = self.shown
        where = shown.respondent + (f" · {shown.question}" if shown.question else "")
        n = len(shown.disagreements)
        if n:
            self.about.setText(arg(self.tr("%1 — %n disagreement(s)", "", n), where))
        else:
            self.about.setText(arg(self.tr("%1 — they agree"), where))
        self.picker.setItemText(self.picker.currentIndex(), f"{shown.respondent} ({n})")
        positions = TextPositions(shown.text)
        for coder, (_box, view) in self.panes.items():
            _paint(view, shown, coder, positions)
        self.model.set_rows(shown.disagreements, (self.first, self.second))
        for column in range(TEXT):
            self.table.resizeColumnToContents(column)
        at = self.picker.currentIndex()
        self.previous.setEnabled(at > 0)
        self.next.setEnabled(at < self.picker.count() - 1)

    def select(self, d: SpanDisagreement) -> None:
        """Mark the stretch in both panes (bold, underlined: the codes' tint stays visible,
        where a selection would cover it), scrolled into view, and select its row."""
        if self.shown is None:
            return
        positions = TextPositions(self.shown.text)
        mark = QTextCharFormat()
        mark.setFontWeight(QFont.Weight.Bold)
        mark.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
        mark.setUnderlineColor(DISAGREE)
        for _box, view in self.panes.values():
            chosen = QTextEdit.ExtraSelection()
            chosen.cursor = QTextCursor(view.document())
            chosen.cursor.setPosition(positions.to_utf16(d.start))
            chosen.cursor.setPosition(positions.to_utf16(d.end), QTextCursor.MoveMode.KeepAnchor)
            chosen.format = mark
            view.setExtraSelections([chosen])
            at = QTextCursor(view.document())
            at.setPosition(positions.to_utf16(d.start))
            view.setTextCursor(at)
            view.ensureCursorVisible()
        for row, found in enumerate(self.model.rows):
            if (found.code_id, found.start, found.end) == (d.code_id, d.start, d.end):
                self.table.selectRow(row)

    # -- acting ---------------------------------------------------------------------------
    def accept(self, row: int, coder: str) -> bool:
        """Accept `coder`'s version of disagreement `row`: one undo step."""
        if self.shown is None or not 0 <= row < len(self.model.rows):
            return False
        d = self.model.rows[row]
        other = self.second if coder == self.first else self.first
        rid = self.shown.response_id
        label = arg(self.tr("Keep %1's %2 on “%3”"), coder, d.code, _short(d.text))
        done = self.ctx.run(
            label,
            lambda s: accept_version(
                s, rid, d.code_id, d.start, d.end, accepted=coder, other=other
            ),
        )
        return done is not None

    def _clicked(self, index: QModelIndex) -> None:
        if index.column() in (KEEP_FIRST, KEEP_SECOND):
            self.accept(index.row(), self.model.coders[index.column() - KEEP_FIRST])
        elif index.isValid():
            self.select(self.model.rows[index.row()])

    def _picked(self, at: int) -> None:
        if at >= 0:
            self._load(int(self.picker.itemData(at)))

    def _step(self, by: int) -> None:
        at = self.picker.currentIndex() + by
        if 0 <= at < self.picker.count():
            self.picker.setCurrentIndex(at)

    def _data_changed(self, tables: frozenset[str]) -> None:
        if tables & CODING_TABLES and self.shown is not None and self.ctx.project is not None:
            self._load(self.shown.response_id)


def _pane(title: str) -> tuple[QWidget, QTextEdit]:
    box = QWidget()
    view = QTextEdit(objectName="comparePane")
    view.setReadOnly(True)
    label = QLabel(f"<b>{title}</b>")
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(label)
    layout.addWidget(view)
    return box, view


def _paint(view: QTextEdit, shown: ResponseComparison, coder: str, at: TextPositions) -> None:
    """The text with this coder's codes as tinted runs, and every disagreement underlined."""
    # New text takes the editor's current format, which is the first character's of the
    # text painted before: without this reset, a repaint spreads its colour everywhere.
    view.setCurrentCharFormat(QTextCharFormat())
    view.setExtraSelections([])
    view.setPlainText(shown.text)
    spans = shown.spans[coder]
    edges = sorted({e for s in spans for e in (s.start, s.end)})
    cursor = QTextCursor(view.document())
    for a, b in pairwise(edges):
        codes = [c for s in spans if s.start <= a and s.end >= b for c in s.code_ids]
        if not codes:
            continue
        fmt = QTextCharFormat()
        fmt.setBackground(blend([shown.colours[c] for c in codes]))
        fmt.setToolTip(", ".join(dict.fromkeys(shown.paths[c] for c in codes)))
        _apply(cursor, at, a, b, fmt)
    for d in shown.disagreements:
        fmt = QTextCharFormat()
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
        fmt.setUnderlineColor(DISAGREE)
        _apply(cursor, at, d.start, d.end, fmt)
    view.moveCursor(QTextCursor.MoveOperation.Start)


def _apply(cursor: QTextCursor, at: TextPositions, a: int, b: int, fmt: QTextCharFormat) -> None:
    cursor.setPosition(at.to_utf16(a))
    cursor.setPosition(at.to_utf16(b), QTextCursor.MoveMode.KeepAnchor)
    cursor.mergeCharFormat(fmt)


def _item(r: ComparedResponse) -> str:
    return f"{r.respondent} ({r.disagreements})"


def _short(text: str, limit: int = 30) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"
