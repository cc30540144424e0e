"""Preview a survey table and decide, column by column, what each one is.

Before anything changes the dialog says what the import will do: the survey tool and export
recognised, the encoding, where the header is, each column's role and why, which columns are
private identity, and how many respondents are new and how many are already in the project.
"""

from __future__ import annotations

import re
from html import escape
from pathlib import Path

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..errors import DotsError
from ..importers import ImportOptions, ImportReport
from ..importers.surveys.columns import ColumnPlan, Role, plan_columns
from ..importers.surveys.keys import respondent_keys
from ..importers.surveys.table import Table, read_table
from .i18n import arg

PREVIEW_ROWS = 50
ENCODINGS = [
    QT_TRANSLATE_NOOP("ImportDialog", "(detect)"),
    "utf-8",
    "utf-8-sig",
    "utf-16",
    "gb18030",
    "big5",
    "shift_jis",
    "cp1252",
]
_Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
ROLE_WORDS = {  # what the dialog calls each role (the import keeps Role's own values)
    Role.ID: QT_TRANSLATE_NOOP("ImportDialog", "respondent id"),
    Role.RESPONSE: QT_TRANSLATE_NOOP("ImportDialog", "response"),
    Role.ATTRIBUTE: QT_TRANSLATE_NOOP("ImportDialog", "attribute"),
    Role.IDENTITY: QT_TRANSLATE_NOOP("ImportDialog", "identity"),
    Role.LANGUAGE: QT_TRANSLATE_NOOP("ImportDialog", "language"),
    Role.DATE: QT_TRANSLATE_NOOP("ImportDialog", "received date"),
    Role.IGNORED: QT_TRANSLATE_NOOP("ImportDialog", "ignored"),
}


def role_text(role: Role) -> str:
    return QCoreApplication.translate("ImportDialog", ROLE_WORDS[role])


_WHERE = re.compile(r"(line|row)s? (\d+(?:-\d+)?)")


def where_text(where: str) -> str:
    """Where the reader found the header ("lines 1-3", "row 2"), in the window's words."""
    found = _WHERE.fullmatch(where)
    if found is None:
        return where
    unit, span = found[1], found[2]
    if unit == "line":
        text = ImportDialog.tr("lines %1") if "-" in span else ImportDialog.tr("line %1")
    else:
        text = ImportDialog.tr("rows %1") if "-" in span else ImportDialog.tr("row %1")
    return arg(text, span)


class _Preview(QAbstractTableModel):
    def __init__(self, table: Table, plans: list[ColumnPlan]) -> None:
        super().__init__()
        self.table, self.plans = table, plans

    def rowCount(self, parent: _Index = _ROOT) -> int:
        return 0 if parent.isValid() else min(len(self.table.rows), PREVIEW_ROWS)

    def columnCount(self, parent: _Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.table.headers)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            value = self.table.rows[index.row()][index.column()]
            return value if role == Qt.ItemDataRole.ToolTipRole else value[:120]
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return f"{self.table.headers[section]}\n[{role_text(self.plans[section].role)}]"
        return str(self.table.row_numbers[section])


class ImportDialog(QDialog):
    def __init__(
        self, path: Path, parent: QWidget | None = None, known: frozenset[str] = frozenset()
    ) -> None:
        """`known`: the respondent keys already in the project, to say who is new."""
        super().__init__(parent)
        self.known = known
        self.setObjectName("importDialog")
        self.setWindowTitle(arg(self.tr("Import %1"), path.name))
        self.resize(1100, 760)
        self.path = path
        self.encoding = QComboBox(objectName="importEncoding")
        detect = QCoreApplication.translate("ImportDialog", ENCODINGS[0])
        self.encoding.addItems([detect, *ENCODINGS[1:]])
        self.encoding.setEnabled(path.suffix.lower() in {".csv", ".tsv"})
        self.info = QLabel(objectName="importInfo")
        self.info.setWordWrap(True)
        # Every column on its own row, at full size: what it is, its role, why, an example.
        self.mapping = QTableWidget(0, 4, objectName="importMapping")
        self.mapping.setHorizontalHeaderLabels(
            [self.tr("Column"), self.tr("Becomes"), self.tr("Why"), self.tr("First value")]
        )
        self.mapping.verticalHeader().hide()
        self.mapping.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.mapping.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Interactive)
        self.view = QTableView(objectName="importPreview")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("Import"))
        split = QSplitter(Qt.Orientation.Vertical, objectName="importSplitter")
        split.addWidget(self.mapping)
        split.addWidget(self.view)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        form.addRow(self.tr("Encoding:"), self.encoding)
        layout.addLayout(form)
        layout.addWidget(self.info)
        layout.addWidget(split, 1)
        layout.addWidget(buttons)
        self.combos: dict[str, QComboBox] = {}
        self.table: Table | None = None
        self.encoding.currentIndexChanged.connect(self.reload)
        self.reload()

    def reload(self) -> None:
        forced = self.encoding.currentText() if self.encoding.currentIndex() > 0 else None
        try:
            self.table = read_table(self.path, encoding=forced)
        except DotsError as exc:
            self.table = None
            self.info.setText(arg(self.tr("<b>Cannot read this file.</b> %1"), exc))
            self.ok.setEnabled(False)
            self.view.setModel(None)
            return
        table = self.table
        plans = plan_columns(table.headers, table.rows, columns=table.columns, layout=table.layout)
        self.info.setText(_summary(self.path, table, plans, self.known))
        self.mapping.setRowCount(0)
        self.mapping.setRowCount(len(plans))
        self.combos.clear()
        for n, plan in enumerate(plans):
            combo = QComboBox(objectName="importRole")
            for role in Role:
                combo.addItem(role_text(role), role.value)
            combo.setCurrentIndex(combo.findData(plan.role.value))
            combo.setToolTip(plan.why)
            combo.currentIndexChanged.connect(self._roles_changed)
            shown_qid = plan.qid and plan.qid not in plan.why
            why = QLabel(plan.why + (f" [{plan.qid}]" if shown_qid else ""))
            why.setObjectName("importWhy")
            why.setStyleSheet("color: palette(placeholder-text); padding: 0 4px;")
            name = QTableWidgetItem(plan.header)
            name.setToolTip(plan.header)
            self.mapping.setItem(n, 0, name)
            self.mapping.setCellWidget(n, 1, combo)
            self.mapping.setCellWidget(n, 2, why)
            first = next((row[n] for row in table.rows if n < len(row) and row[n].strip()), "")
            example = QTableWidgetItem(first[:80])
            example.setToolTip(first[:1000])
            self.mapping.setItem(n, 3, example)
            self.combos[plan.header] = combo
        self.mapping.resizeColumnToContents(0)
        self.mapping.setColumnWidth(0, min(self.mapping.columnWidth(0), 280))
        self.mapping.setColumnWidth(3, 220)
        self.view.setModel(_Preview(table, plans))
        self._roles_changed()

    def _roles_changed(self) -> None:
        chosen = [c.currentData() for c in self.combos.values()]
        ok = Role.RESPONSE.value in chosen and chosen.count(Role.ID.value) <= 1
        self.ok.setEnabled(ok)
        self.ok.setToolTip(
            "" if ok else self.tr("Mark at least one column as response, and at most one as id")
        )

    def set_role(self, header: str, role: Role) -> None:
        combo = self.combos[header]
        combo.setCurrentIndex(combo.findData(role.value))

    def role(self, header: str) -> Role:
        """The role chosen for a column."""
        return Role(self.combos[header].currentData())

    def options(self) -> ImportOptions:
        forced = self.encoding.currentText() if self.encoding.currentIndex() > 0 else None
        return ImportOptions(
            encoding=forced,
            column_roles=tuple((h, str(c.currentData())) for h, c in self.combos.items()),
        )


def _summary(path: Path, table: Table, plans: list[ColumnPlan], known: frozenset[str]) -> str:
    """What the import will do, in a few lines of rich text."""
    lines = []
    if table.layout is not None:
        lines.append(f"<b>{escape(table.layout.name)}</b>")
    rows = ImportDialog.tr("%n row(s)", "", len(table.rows))
    columns = ImportDialog.tr("%n column(s)", "", len(table.headers))
    where = [
        arg(ImportDialog.tr("%1, %2"), rows, columns),
        arg(ImportDialog.tr("header in %1"), where_text(table.header_rows))
        if table.header_rows
        else "",
        arg(ImportDialog.tr("encoding %1"), table.encoding) if table.encoding else "",
        arg(ImportDialog.tr("sheet “%1”"), table.sheet) if table.sheet else "",
    ]
    lines.append(ImportDialog.tr(", ").join(w for w in where if w))
    try:
        keys = respondent_keys(path, table, plans, ImportReport(path=path, kind="survey")).keys
    except DotsError as exc:
        text = ImportDialog.tr("<b>Cannot tell the respondents apart:</b> %1")
        lines.append(arg(text, escape(str(exc))))
    else:
        old = sum(1 for k in keys if k in known)
        new = ImportDialog.tr("%n new respondent(s)", "", len(keys) - old)
        lines.append(arg(ImportDialog.tr("%1, %2 already in the project (updated)"), new, old))
    private = [p.header for p in plans if p.role is Role.IDENTITY]
    if private:
        text = ImportDialog.tr("Kept private, never exported: %1")
        lines.append(arg(text, escape(ImportDialog.tr(", ").join(private))))
    lines.extend(escape(note) for note in table.notes if not note.startswith("recognised "))
    return "<br>".join(lines)
