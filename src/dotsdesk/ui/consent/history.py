"""One respondent's consent history, oldest first, as a read-only table.

Events are copied into plain rows inside the read, so the view never touches a
database object after its session is gone.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from sqlalchemy.orm import Session

from ...model import ConsentEvent, ConsentKind
from ...services.consent.events import history
from .model import LEVEL_WORDS

Index = QModelIndex | QPersistentModelIndex

KIND_WORDS = {
    ConsentKind.REQUESTED: "requested",
    ConsentKind.GRANTED: "granted",
    ConsentKind.DECLINED: "declined",
    ConsentKind.WITHDRAWN: "withdrawn",
    ConsentKind.NOTE: "note",
}
HEADERS = ("Date", "Event", "Level", "Translation", "Channel", "Asked / note")


@dataclass(frozen=True)
class EventLine:
    date: str
    kind: str
    level: str
    translation: str
    channel: str
    details: str

    def cells(self) -> tuple[str, ...]:
        return (self.date, self.kind, self.level, self.translation, self.channel, self.details)


def event_line(event: ConsentEvent) -> EventLine:
    details = []
    if event.asked:
        details.append(f"asked: {event.asked}")
    if event.expires:
        details.append(f"until {event.expires.isoformat()}")
    if event.scope is not None and event.scope.value == "segments":
        details.append("listed segments only")
    if event.note:
        details.append(event.note)
    translation = event.translation_allowed
    return EventLine(
        event.occurred.isoformat(),
        KIND_WORDS[event.kind],
        LEVEL_WORDS[event.level] if event.level else "",
        "" if translation is None else ("yes" if translation else "no"),
        event.channel or "",
        "; ".join(details),
    )


def read_history(session: Session, respondent_id: int) -> list[EventLine]:
    return [event_line(e) for e in history(session, respondent_id)]


class HistoryModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._lines: list[EventLine] = []

    def set_lines(self, lines: Sequence[EventLine]) -> None:
        self.beginResetModel()
        self._lines = list(lines)
        self.endResetModel()

    def lines(self) -> list[EventLine]:
        return self._lines

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._lines)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return HEADERS[section] if 0 <= section < len(HEADERS) else None
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._lines):
            return None
        line = self._lines[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return line.cells()[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:  # the whole event: a narrow dock cuts columns
            return " · ".join(f"{h}: {v}" for h, v in zip(HEADERS, line.cells(), strict=True) if v)
        return None
