"""The Sets list's model: one row per set (name, what it holds, where it came from), read
from the sets service whenever sets or their members may have changed. A project has a
handful to a few hundred sets, so the whole list is one query."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from ...model import SetKind, SetOrigin
from ...services.corpus.sets import SetInfo, list_sets
from ..context import ProjectContext
from ..i18n import arg

Index = QModelIndex | QPersistentModelIndex
NAME, SIZE = range(2)


class SetsModel(QAbstractTableModel):
    renamed = Signal(int, str, str)  # set id, old name, new name (the panel runs the rename)

    def __init__(self, ctx: ProjectContext) -> None:
        super().__init__()
        self._ctx = ctx
        self.sets: list[SetInfo] = []

    def reload(self) -> None:
        self.beginResetModel()
        if self._ctx.project is None:
            self.sets = []
        else:
            with self._ctx.read() as s:
                self.sets = list_sets(s)
        self.endResetModel()

    def row_of(self, set_id: int) -> int | None:
        return next((i for i, x in enumerate(self.sets) if x.id == set_id), None)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.sets)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 2

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation is Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Set"), self.tr("Holds"))[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        return flags | Qt.ItemFlag.ItemIsEditable if index.column() == NAME else flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        info = self.sets[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if index.column() == NAME:
                return info.name
            return self.size_text(info)
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [info.name, arg(self.tr("Made from %1"), self.origin_text(info))]
            return "\n".join([*lines, info.description] if info.description else lines)
        if role == Qt.ItemDataRole.UserRole:
            return info.id
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or index.column() != NAME:
            return False
        info = self.sets[index.row()]
        if str(value).strip() and str(value).strip() != info.name:
            self.renamed.emit(info.id, info.name, str(value))
        return False  # the list shows the new name once the rename is done and reloaded

    def size_text(self, info: SetInfo) -> str:
        if info.kind is SetKind.RESPONDENTS:
            people = self.tr("%n respondent(s)", "", info.members)
            return arg(self.tr("%1 · %2"), people, self.tr("%n answer(s)", "", info.responses))
        return self.tr("%n response(s)", "", info.members)

    def origin_text(self, info: SetInfo) -> str:
        when = info.created.strftime("%Y-%m-%d")
        words = {
            SetOrigin.IMPORT: self.tr("an import, %1"),
            SetOrigin.FILTER: self.tr("a filter, %1"),
            SetOrigin.SELECTION: self.tr("a selection, %1"),
        }
        return arg(words[info.origin], when)
