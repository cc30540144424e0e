"""The memo list's model: one row per memo (what it is on, its first line, who, when), read
from the memo service with the search applied there. Memos number in the hundreds at most:
the whole list is read at once."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from ...services.coding.memos import MemoEntry, MemoKind, list_memos
from ..context import ProjectContext
from ..i18n import arg

Index = QModelIndex | QPersistentModelIndex
FIRST_LINE = 160


class MemosModel(QAbstractTableModel):
    def __init__(self, ctx: ProjectContext) -> None:
        super().__init__()
        self._ctx = ctx
        self.memos: list[MemoEntry] = []
        self.search = ""
        self.kind: MemoKind | None = None

    def reload(self) -> None:
        self.beginResetModel()
        if self._ctx.project is None:
            self.memos = []
        else:
            with self._ctx.read() as s:
                found = list_memos(s, self.search)
            self.memos = [m for m in found if self.kind is None or m.kind is self.kind]
        self.endResetModel()

    def row_of(self, kind: MemoKind, key: int) -> int | None:
        return next((i for i, m in enumerate(self.memos) if m.kind is kind and m.key == key), None)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.memos)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 3

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation is Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("On"), self.tr("Memo"), self.tr("By"))[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        m = self.memos[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == 0:
                return self.target_text(m)
            if index.column() == 1:
                line = m.text.strip().splitlines()[0] if m.text.strip() else ""
                return line[:FIRST_LINE]
            return m.coder or ""
        if role == Qt.ItemDataRole.ToolTipRole:
            return m.text if index.column() == 1 else self.target_text(m, full=True)
        return None

    def target_text(self, m: MemoEntry, *, full: bool = False) -> str:
        """What the memo is on, short for the column; `full` adds the question and the
        coded words (the tooltip, the preview)."""
        if m.kind is MemoKind.PROJECT:
            return self.tr("Project")
        if m.kind is MemoKind.CODE:
            return arg(self.tr("Code %1"), m.code or "")
        who = m.respondent or ""
        if m.kind is MemoKind.RESPONSE:
            short = arg(self.tr("Response of %1"), who)
        else:
            short = arg(self.tr("Segment of %1"), who)
        if not full:
            return short
        lines = [short, m.question or ""]
        if m.kind is MemoKind.SEGMENT:
            lines.append(arg(self.tr("“%1” (%2)"), m.excerpt or "", m.code or ""))
        return "\n".join(line for line in lines if line)
