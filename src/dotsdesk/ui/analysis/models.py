"""Table models over the analysis services' rows: sortable (by the number, not its text),
copyable as tab-separated text, and tinted like a heat map (stronger for larger values)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor

from ...services.analysis.cooccurrence import Cooccurrence
from ...services.analysis.crosstab import ALL_VALUES, Crosstab
from ...services.analysis.frequencies import CodeFrequency
from ...services.analysis.words import WordFrequencies

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
HEAT = QColor("#E8744C")  # the tint of the largest value in a table
Index = QModelIndex | QPersistentModelIndex
Value = str | int | float | None


def tint(value: float, largest: float, colour: QColor = HEAT) -> QColor | None:
    """White blended towards `colour` by value / largest (at most 70%, so text stays legible);
    None for zero."""
    if value <= 0 or largest <= 0:
        return None
    share = 0.7 * min(1.0, value / largest)
    return QColor(
        round(255 + (colour.red() - 255) * share),
        round(255 + (colour.green() - 255) * share),
        round(255 + (colour.blue() - 255) * share),
    )


@dataclass(frozen=True)
class Column:
    title: str
    heat: bool = False  # tint this column's numbers


class TableModel(QAbstractTableModel):
    """Rows of values under columns; shown text from `shown`, sorting by the raw value."""

    def __init__(self) -> None:
        super().__init__()
        self.columns: list[Column] = []
        self.rows: list[list[Value]] = []
        self.row_colours: list[str | None] = []  # a code's colour for its first cell
        # What a row and a column stand for (a code id, an attribute value), for a click
        # on a cell to list its segments; None where nothing does (a base row).
        self.row_keys: list[object] = []
        self.column_keys: list[object] = []
        self.largest = 0.0

    def set_rows(
        self,
        columns: list[Column],
        rows: list[list[Value]],
        colours: Sequence[str | None] = (),
        *,
        row_keys: Sequence[object] = (),
        column_keys: Sequence[object] = (),
    ) -> None:
        self.beginResetModel()
        self.columns, self.rows = columns, rows
        self.row_colours = list(colours) or [None] * len(rows)
        self.row_keys = list(row_keys) or [None] * len(rows)
        self.column_keys = list(column_keys) or [None] * len(columns)
        heated = [
            v
            for row in rows
            for v, c in zip(row, columns, strict=True)
            if c.heat and isinstance(v, int | float)
        ]
        self.largest = float(max(heated, default=0))
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.columns[section].title
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        value = self.rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return shown(value)
        if role == SORT_ROLE:
            return value if value is not None else float("-inf")
        if role == Qt.ItemDataRole.TextAlignmentRole and isinstance(value, int | float):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole:
            if index.column() == 0 and self.row_colours[index.row()]:
                return tint(1, 1, QColor(self.row_colours[index.row()]))
            if self.columns[index.column()].heat and isinstance(value, int | float):
                return tint(float(value), self.largest)
        return None

    def as_text(self, indexes: Sequence[Index] | None = None) -> str:
        """Tab-separated text of the cells (all, with the header, when none are given)."""
        if not indexes:
            lines = [[c.title for c in self.columns]]
            lines += [[shown(v) for v in row] for row in self.rows]
            return "\n".join("\t".join(line) for line in lines)
        cells: dict[int, dict[int, str]] = {}
        for index in indexes:
            cells.setdefault(index.row(), {})[index.column()] = str(
                index.data(Qt.ItemDataRole.DisplayRole) or ""
            )
        columns = sorted({c for row in cells.values() for c in row})
        return "\n".join("\t".join(cells[r].get(c, "") for c in columns) for r in sorted(cells))


def shown(value: Value) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.1f}" if abs(value) >= 1 or value == 0 else f"{value:.3f}"
    return str(value)


def frequency_rows(model: TableModel, rows: Sequence[CodeFrequency]) -> None:
    columns = [
        Column(QCoreApplication.translate("AnalysisTables", "Code")),
        Column(QCoreApplication.translate("AnalysisTables", "Segments"), heat=True),
        Column(QCoreApplication.translate("AnalysisTables", "Respondents"), heat=True),
        Column(QCoreApplication.translate("AnalysisTables", "With sub-codes"), heat=True),
        Column(QCoreApplication.translate("AnalysisTables", "% of respondents")),
    ]
    values: list[list[Value]] = [
        ["    " * f.depth + f.code.rsplit("/", 1)[-1], f.segments, f.respondents,
         f.respondents_with_subcodes, round(f.percent, 1)]
        for f in rows
    ]  # fmt: skip
    # A column's key: whether a click there lists the sub-codes' segments too (the code's
    # own counts list its own).
    model.set_rows(
        columns,
        values,
        [f.colour for f in rows],
        row_keys=[f.code_id for f in rows],
        column_keys=[True, False, False, True, True],
    )


def crosstab_rows(model: TableModel, table: Crosstab, percent: str = "column") -> None:
    """Counts with the chosen percentage beside each (column, row or total), bases below."""
    values = [*table.values, ALL_VALUES]
    columns = [Column(QCoreApplication.translate("AnalysisTables", "Code")), Column("n")]
    keys: list[object] = [ALL_VALUES, ALL_VALUES]
    share = {
        "column": QCoreApplication.translate("AnalysisTables", "% of column"),
        "row": QCoreApplication.translate("AnalysisTables", "% of row"),
        "total": QCoreApplication.translate("AnalysisTables", "% of total"),
    }[percent]
    for v in values:
        shown = QCoreApplication.translate("AnalysisTables", "All") if v == ALL_VALUES else v
        columns += [Column(shown, heat=True), Column(share)]
        keys += [v, v]
    rows: list[list[Value]] = []
    for code in table.codes:
        row: list[Value] = [code.path, table.cell(code.id, ALL_VALUES).row_base]
        for v in values:
            cell = table.cell(code.id, v)
            row += [cell.respondents, round(getattr(cell, f"percent_of_{percent}"), 1)]
        rows.append(row)
    base: list[Value] = [QCoreApplication.translate("AnalysisTables", "Base (n)"), None]
    for v in values:
        base += [table.column_bases[v], None]
    model.set_rows(
        columns,
        [*rows, base],
        [c.colour for c in table.codes] + [None],
        row_keys=[c.id for c in table.codes] + [None],
        column_keys=keys,
    )


def cooccurrence_rows(model: TableModel, found: Cooccurrence, jaccard: bool = False) -> None:
    """A code-by-code matrix: counts (or Jaccard), each code's own units on the diagonal."""
    codes = [c for c in found.codes if found.units.get(c.id)]
    code = QCoreApplication.translate("AnalysisTables", "Code")
    columns = [Column(code)] + [Column(c.path, heat=True) for c in codes]
    rows: list[list[Value]] = []
    for a in codes:
        cells: list[Value] = [
            (round(found.jaccard(a.id, b.id), 3) if jaccard else found.count(a.id, b.id))
            if a.id != b.id
            else None
            for b in codes
        ]
        rows.append([a.path, *cells])
    ids = [c.id for c in codes]
    model.set_rows(columns, rows, [c.colour for c in codes], row_keys=ids, column_keys=[None, *ids])


def word_rows(model: TableModel, counted: WordFrequencies) -> None:
    columns = [
        Column(QCoreApplication.translate("AnalysisTables", "Word")),
        Column(QCoreApplication.translate("AnalysisTables", "Count"), heat=True),
        Column(QCoreApplication.translate("AnalysisTables", "Responses")),
        Column(QCoreApplication.translate("AnalysisTables", "Respondents")),
    ]
    model.set_rows(columns, [[w.word, w.count, w.responses, w.respondents] for w in counted.words])
