"""The tracker's table model: one row per respondent, over `consent_rows`.

Deriving a consent needs every event of a respondent, so the whole list comes in one
service call (three queries, however many respondents); the model keeps those small
frozen rows and formats a cell only when a view asks for it. Filtering and sorting
reorder row indices, never refetch.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor

from ...services.consent.events import ConsentRow, ConsentStatus
from ...services.consent.tracker import TrackerCounts
from ..browser.model import STATUS_COLOURS
from ..consent_words import LEVEL_WORDS, STATUS_WORDS, level_text, status_text, yes_no
from ..i18n import date_text

Index = QModelIndex | QPersistentModelIndex
RESPONDENT_ID_ROLE = Qt.ItemDataRole.UserRole + 1

__all__ = ["LEVEL_WORDS", "STATUS_WORDS"]  # kept here for the tracker's users


class Filter(enum.Enum):
    """What the tracker lists; each but ALL keeps one status. The values are the words the
    filter shows (through `text`, in the window's language)."""

    ALL = QT_TRANSLATE_NOOP("ConsentFilter", "All")
    PENDING = QT_TRANSLATE_NOOP("ConsentFilter", "Pending")
    GRANTED = QT_TRANSLATE_NOOP("ConsentFilter", "Granted")
    DECLINED = QT_TRANSLATE_NOOP("ConsentFilter", "Declined")
    WITHDRAWN = QT_TRANSLATE_NOOP("ConsentFilter", "Withdrawn")
    EXPIRED = QT_TRANSLATE_NOOP("ConsentFilter", "Expired")
    NEVER_ASKED = QT_TRANSLATE_NOOP("ConsentFilter", "Never asked")

    @property
    def status(self) -> ConsentStatus | None:
        return None if self is Filter.ALL else _FILTER_STATUS[self]

    @property
    def text(self) -> str:
        return QCoreApplication.translate("ConsentFilter", self.value)


_FILTER_STATUS = {
    Filter.PENDING: ConsentStatus.PENDING,
    Filter.GRANTED: ConsentStatus.GRANTED,
    Filter.DECLINED: ConsentStatus.DECLINED,
    Filter.WITHDRAWN: ConsentStatus.WITHDRAWN,
    Filter.EXPIRED: ConsentStatus.EXPIRED,
    Filter.NEVER_ASKED: ConsentStatus.NONE,
}


def count_for(counts: TrackerCounts, chosen: Filter) -> int:
    """The number a filter would list, from the counts already computed."""
    if chosen is Filter.ALL:
        return counts.total
    field = "never_asked" if chosen is Filter.NEVER_ASKED else chosen.name.lower()
    return int(getattr(counts, field))


def _translation(row: ConsentRow) -> str:
    c = row.consent
    if c.status is not ConsentStatus.GRANTED and c.status is not ConsentStatus.EXPIRED:
        return ""
    return yes_no(c.translation_allowed)


def _level(row: ConsentRow) -> str:
    level = row.consent.level
    granted = row.status in (ConsentStatus.GRANTED, ConsentStatus.EXPIRED)
    return level_text(level) if level and granted else ""


# title, cell text, sort key (None sorts last whichever the direction)
COLUMNS: list[tuple[str, Callable[[ConsentRow], str], Callable[[ConsentRow], Any]]] = [
    (QT_TRANSLATE_NOOP("ConsentTableModel", "Respondent"), lambda r: r.label,
     lambda r: r.label.casefold()),
    (QT_TRANSLATE_NOOP("ConsentTableModel", "Status"), lambda r: status_text(r.status),
     lambda r: status_text(r.status)),
    (QT_TRANSLATE_NOOP("ConsentTableModel", "Level"), _level, lambda r: _level(r) or None),
    (QT_TRANSLATE_NOOP("ConsentTableModel", "Translation"), _translation,
     lambda r: _translation(r) or None),
    (QT_TRANSLATE_NOOP("ConsentTableModel", "Last event"),
     lambda r: date_text(r.consent.last_event), lambda r: r.consent.last_event),
    (QT_TRANSLATE_NOOP("ConsentTableModel", "Days pending"),
     lambda r: "" if r.days_pending is None else str(r.days_pending), lambda r: r.days_pending),
]  # fmt: skip
DAYS_COLUMN = 5
LABEL_COLUMN = 0
TEXT_ROLES = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.EditRole)


class ConsentTableModel(QAbstractTableModel):
    labelEdited = Signal(int, str)  # respondent id, the label typed (F2 in the tracker)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._all: list[ConsentRow] = []
        self._shown: list[ConsentRow] = []
        self._filter = Filter.ALL
        self._sort: tuple[int, Qt.SortOrder] = (0, Qt.SortOrder.AscendingOrder)

    # -- what the model holds -------------------------------------------------------------
    def set_rows(self, rows: Sequence[ConsentRow]) -> None:
        self.beginResetModel()
        self._all = list(rows)
        self._shown = self._arranged()
        self.endResetModel()

    def set_filter(self, chosen: Filter) -> None:
        self.beginResetModel()
        self._filter = chosen
        self._shown = self._arranged()
        self.endResetModel()

    def filter(self) -> Filter:
        return self._filter

    def all_rows(self) -> list[ConsentRow]:
        return self._all

    def row(self, n: int) -> ConsentRow | None:
        return self._shown[n] if 0 <= n < len(self._shown) else None

    def row_of(self, respondent_id: int) -> int | None:
        return next(
            (n for n, r in enumerate(self._shown) if r.respondent_id == respondent_id), None
        )

    def _arranged(self) -> list[ConsentRow]:
        wanted = self._filter.status
        rows = [r for r in self._all if wanted is None or r.status is wanted]
        column, order = self._sort
        key = COLUMNS[column][2]
        present = [r for r in rows if key(r) is not None]
        absent = [r for r in rows if key(r) is None]
        present.sort(key=key, reverse=order == Qt.SortOrder.DescendingOrder)
        return present + absent

    # -- Qt's model interface -------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._shown)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("ConsentTableModel", COLUMNS[section][0])
        if role == Qt.ItemDataRole.ToolTipRole and section == DAYS_COLUMN:
            return self.tr("Days since the latest request, while the answer is pending")
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return flags | Qt.ItemFlag.ItemIsEditable if index.column() == LABEL_COLUMN else flags

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        """A request only: the panel renames through the context, and the refresh that
        follows shows the new label (or the old one, if the service refused)."""
        row = self.row(index.row()) if index.isValid() else None
        if role != Qt.ItemDataRole.EditRole or row is None:
            return False
        self.labelEdited.emit(row.respondent_id, str(value))
        return False

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row(index.row()) if index.isValid() else None
        if row is None:
            return None
        if role == RESPONDENT_ID_ROLE:
            return row.respondent_id
        if role in TEXT_ROLES:
            return COLUMNS[index.column()][1](row)
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == 1:
            colour = STATUS_COLOURS.get(row.status)
            return QColor(colour) if colour else None
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == DAYS_COLUMN:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(COLUMNS):
            return
        self.layoutAboutToBeChanged.emit()
        before = self.persistentIndexList()
        ids = [self._shown[i.row()].respondent_id for i in before]
        self._sort = (column, order)
        self._shown = self._arranged()
        rows = {r.respondent_id: n for n, r in enumerate(self._shown)}
        self.changePersistentIndexList(
            before, [self.index(rows[rid], i.column()) for i, rid in zip(before, ids, strict=True)]
        )
        self.layoutChanged.emit()
