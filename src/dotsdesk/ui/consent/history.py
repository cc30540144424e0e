"""One respondent's consent history, oldest first, as a read-only table.

Events are copied into plain rows inside the read, so the view never touches a
database object after its session is gone.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from sqlalchemy.orm import Session

from ...model import ConsentEvent, ConsentKind
from ...services.consent.events import history
from ..consent_words import level_text, yes_no
from ..i18n import arg, date_text

Index = QModelIndex | QPersistentModelIndex

KIND_WORDS = {
    ConsentKind.REQUESTED: QT_TRANSLATE_NOOP("HistoryModel", "requested"),
    ConsentKind.GRANTED: QT_TRANSLATE_NOOP("HistoryModel", "granted"),
    ConsentKind.DECLINED: QT_TRANSLATE_NOOP("HistoryModel", "declined"),
    ConsentKind.WITHDRAWN: QT_TRANSLATE_NOOP("HistoryModel", "withdrawn"),
    ConsentKind.NOTE: QT_TRANSLATE_NOOP("HistoryModel", "note"),
}
HEADERS = (
    QT_TRANSLATE_NOOP("HistoryModel", "Date"),
    QT_TRANSLATE_NOOP("HistoryModel", "Event"),
    QT_TRANSLATE_NOOP("HistoryModel", "Level"),
    QT_TRANSLATE_NOOP("HistoryModel", "Translation"),
    QT_TRANSLATE_NOOP("HistoryModel", "Channel"),
    QT_TRANSLATE_NOOP("HistoryModel", "Asked / note"),
)


def _words(text: str) -> str:
    return QCoreApplication.translate("HistoryModel", text)


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
        details.append(arg(HistoryModel.tr("asked: %1"), event.asked))
    if event.expires:
        details.append(arg(HistoryModel.tr("until %1"), date_text(event.expires)))
    if event.scope is not None and event.scope.value == "segments":
        details.append(HistoryModel.tr("listed segments only"))
    if event.note:
        details.append(event.note)
    translation = event.translation_allowed
    return EventLine(
        date_text(event.occurred),
        _words(KIND_WORDS[event.kind]),
        level_text(event.level) if event.level else "",
        "" if translation is None else yes_no(translation),
        event.channel or "",
        HistoryModel.tr("; ").join(details),
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
            return _words(HEADERS[section]) if 0 <= section < len(HEADERS) else None
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._lines):
            return None
        line = self._lines[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return line.cells()[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:  # the whole event: a narrow dock cuts columns
            cells = zip(HEADERS, line.cells(), strict=True)
            return " · ".join(arg(self.tr("%1: %2"), _words(h), v) for h, v in cells if v)
        return None
