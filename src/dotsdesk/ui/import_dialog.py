"""Preview a survey table and decide, column by column, what each one is."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..errors import DotsError
from ..importers import ImportOptions
from ..importers.surveys.columns import ColumnPlan, Role, plan_columns
from ..importers.surveys.table import Table, read_table

PREVIEW_ROWS = 50
ENCODINGS = ["(detect)", "utf-8", "utf-8-sig", "utf-16", "gb18030", "big5", "shift_jis", "cp1252"]
_Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()


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
            return f"{self.table.headers[section]}\n[{self.plans[section].role.value}]"
        return str(self.table.row_numbers[section])


class ImportDialog(QDialog):
    def __init__(self, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importDialog")
        self.setWindowTitle(f"Import {path.name}")
        self.resize(1000, 640)
        self.path = path
        self.encoding = QComboBox(objectName="importEncoding")
        self.encoding.addItems(ENCODINGS)
        self.encoding.setEnabled(path.suffix.lower() in {".csv", ".tsv"})
        self.info = QLabel(objectName="importInfo")
        self.info.setWordWrap(True)
        self.roles = QFormLayout()
        self.view = QTableView(objectName="importPreview")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText("Import")
        role_box = QWidget()
        role_box.setLayout(self.roles)
        scroll = QScrollArea()
        scroll.setWidget(role_box)
        scroll.setWidgetResizable(True)
        scroll.setMaximumHeight(220)  # a 60-column Qualtrics export must not push the preview out
        layout = QVBoxLayout(self)
        form = QFormLayout()
        form.addRow("Encoding:", self.encoding)
        layout.addLayout(form)
        layout.addWidget(self.info)
        layout.addWidget(scroll)
        layout.addWidget(self.view, 1)
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
            self.info.setText(f"<b>Cannot read this file.</b> {exc}")
            self.ok.setEnabled(False)
            self.view.setModel(None)
            return
        plans = plan_columns(self.table.headers, self.table.rows)
        notes = "; ".join(self.table.notes)
        self.info.setText(
            f"{len(self.table.rows)} rows, {len(self.table.headers)} columns"
            + (f", encoding {self.table.encoding}" if self.table.encoding else "")
            + (f", sheet {self.table.sheet!r}" if self.table.sheet else "")
            + (f". {notes}" if notes else "")
        )
        while self.roles.rowCount():
            self.roles.removeRow(0)
        self.combos.clear()
        for plan in plans:
            combo = QComboBox()
            combo.addItems([r.value for r in Role])
            combo.setCurrentText(plan.role.value)
            combo.setToolTip(plan.why)
            combo.currentTextChanged.connect(self._roles_changed)
            self.roles.addRow(plan.header, combo)
            self.combos[plan.header] = combo
        self.view.setModel(_Preview(self.table, plans))
        self._roles_changed()

    def _roles_changed(self) -> None:
        chosen = [c.currentText() for c in self.combos.values()]
        ok = Role.RESPONSE.value in chosen and chosen.count(Role.ID.value) <= 1
        self.ok.setEnabled(ok)
        self.ok.setToolTip(
            "" if ok else "Mark at least one column as response, and at most one as id"
        )

    def set_role(self, header: str, role: Role) -> None:
        self.combos[header].setCurrentText(role.value)

    def options(self) -> ImportOptions:
        forced = self.encoding.currentText() if self.encoding.currentIndex() > 0 else None
        return ImportOptions(
            encoding=forced,
            column_roles=tuple((h, c.currentText()) for h, c in self.combos.items()),
        )
