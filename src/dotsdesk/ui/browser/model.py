"""The browser's lazy table model: it holds the ordered response ids and nothing else until
a view asks for a row, then fetches that row's page (`browse.rows`) and keeps it.

Opening 10,000 responses is one id query and a model reset; scrolling costs one small
query per page of rows actually shown.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from html import escape
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

from ...services.browser.query import ResponseRow, SortKey
from ...services.consent.events import ConsentStatus
from ...services.corpus.search import find_hits
from ..consent_words import status_text
from ..i18n import arg
from ..textpos import TextPositions

PAGE = 200
MAX_PAGES = 50  # ~10,000 cached rows; older pages are dropped first
RESPONSE_ID_ROLE = Qt.ItemDataRole.UserRole + 1
HITS_ROLE = Qt.ItemDataRole.UserRole + 2  # [(start, end)] in UTF-16 units of the display text
LENGTH_ROLE = Qt.ItemDataRole.UserRole + 3

Index = QModelIndex | QPersistentModelIndex
Fetch = Callable[[list[int], tuple[str, ...]], dict[int, ResponseRow]]

STATUS_COLOURS = {
    ConsentStatus.GRANTED: "#2E7D32",
    ConsentStatus.PENDING: "#B26A00",
    ConsentStatus.DECLINED: "#C62828",
    ConsentStatus.WITHDRAWN: "#C62828",
    ConsentStatus.EXPIRED: "#8D6E63",
}


@dataclass(frozen=True)
class Column:
    key: str  # a fixed column's name, or "attribute"
    title: str  # an attribute's name, or a fixed column's title before translation
    sort: SortKey
    attribute: str | None = None

    @property
    def shown_title(self) -> str:
        """The title in the window's language (an attribute's name as it is)."""
        if self.attribute is not None:
            return self.title
        return QCoreApplication.translate("ResponseTableModel", self.title)


PREVIEW = Column("preview", QT_TRANSLATE_NOOP("ResponseTableModel", "Preview"), SortKey.PREVIEW)
FIXED = (
    Column("respondent", QT_TRANSLATE_NOOP("ResponseTableModel", "Respondent"), SortKey.RESPONDENT),
    PREVIEW,
    Column("question", QT_TRANSLATE_NOOP("ResponseTableModel", "Question"), SortKey.QUESTION),
    Column("language", QT_TRANSLATE_NOOP("ResponseTableModel", "Language"), SortKey.LANGUAGE),
    Column("length", QT_TRANSLATE_NOOP("ResponseTableModel", "Length"), SortKey.LENGTH),
    Column("segments", QT_TRANSLATE_NOOP("ResponseTableModel", "Segments"), SortKey.SEGMENTS),
    Column("consent", QT_TRANSLATE_NOOP("ResponseTableModel", "Consent"), SortKey.CONSENT),
)
_NUMERIC = {"length", "segments"}


def preview_text(row: ResponseRow) -> str:
    """The preview as shown: an ellipsis where text was left out before or after."""
    before = "…" if row.preview_start else ""
    after = "…" if row.preview_start + len(row.preview) < row.length else ""
    return before + row.preview + after


class ResponseTableModel(QAbstractTableModel):
    """Columns: the fixed ones (the preview second, so a narrow dock still shows it), then
    the chosen attributes."""

    sortRequested = Signal(object, object, bool)  # SortKey, attribute name | None, descending
    labelEdited = Signal(int, str)  # respondent id, the label typed

    def __init__(self, fetch: Fetch, parent: Any = None) -> None:
        super().__init__(parent)
        self._fetch = fetch
        self._ids: list[int] = []
        self._row_of: dict[int, int] | None = None
        self._pages: dict[int, dict[int, ResponseRow]] = {}
        self._terms: tuple[str, ...] = ()
        self.columns: list[Column] = list(FIXED)

    # -- what the model holds -------------------------------------------------------------
    def set_ids(self, ids: Sequence[int], terms: tuple[str, ...] = ()) -> None:
        self.beginResetModel()
        self._ids = list(ids)
        self._row_of = None
        self._pages.clear()
        self._terms = terms
        self.endResetModel()

    def set_attributes(self, names: Sequence[str]) -> None:
        self.beginResetModel()
        chosen = [Column("attribute", n, SortKey.ATTRIBUTE, n) for n in names]
        self.columns = [*FIXED, *chosen]
        self.endResetModel()

    def reload(self) -> None:
        """Forget fetched rows (the data changed, the ids did not); views refetch what
        they show."""
        self._pages.clear()
        if self._ids:
            last = self.index(len(self._ids) - 1, len(self.columns) - 1)
            self.dataChanged.emit(self.index(0, 0), last)

    def reload_rows(self, response_ids: Iterable[int]) -> None:
        """Read these responses' rows again (their segments changed), where fetched."""
        rows = [r for r in map(self.row_of, response_ids) if r is not None]
        for row in rows:
            page = self._pages.get(row // PAGE)
            if page is None:
                continue  # read when next shown
            rid = self._ids[row]
            page.pop(rid, None)
            page.update(self._fetch([rid], self._terms))
            last = len(self.columns) - 1
            self.dataChanged.emit(self.index(row, 0), self.index(row, last))

    def ids(self) -> list[int]:
        return self._ids

    def terms(self) -> tuple[str, ...]:
        return self._terms

    def response_id(self, row: int) -> int | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, response_id: int) -> int | None:
        if self._row_of is None:
            self._row_of = {rid: i for i, rid in enumerate(self._ids)}
        return self._row_of.get(response_id)

    def row_data(self, row: int) -> ResponseRow | None:
        """The fetched columns of a row (fetching its page if need be)."""
        if not 0 <= row < len(self._ids):
            return None
        page = row // PAGE
        cached = self._pages.get(page)
        if cached is None:
            while len(self._pages) >= MAX_PAGES:
                del self._pages[next(iter(self._pages))]
            ids = self._ids[page * PAGE : (page + 1) * PAGE]
            cached = self._pages[page] = self._fetch(ids, self._terms)
        return cached.get(self._ids[row])

    def fetched_pages(self) -> list[int]:
        return sorted(self._pages)

    # -- Qt's model interface -------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.columns):
            return None
        column = self.columns[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.shown_title
        if role == Qt.ItemDataRole.ToolTipRole and column.attribute:
            return arg(self.tr("Attribute: %1"), column.attribute)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.columns[index.column()].key == "respondent":
            flags |= Qt.ItemFlag.ItemIsEditable  # F2 renames the label (the panel's action)
        return flags

    def label_column(self) -> int:
        return next(n for n, c in enumerate(self.columns) if c.key == "respondent")

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        """The editor's new label goes out as a request; the panel renames through the
        context and the refresh that follows shows it (or the old label, if refused)."""
        row = self.row_data(index.row()) if index.isValid() else None
        if role != Qt.ItemDataRole.EditRole or row is None:
            return False
        self.labelEdited.emit(row.respondent_id, str(value))
        return False

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role == RESPONSE_ID_ROLE:
            return self.response_id(index.row())
        column = self.columns[index.column()]
        if role == Qt.ItemDataRole.EditRole and column.key == "respondent":
            row = self.row_data(index.row())
            return row.respondent if row is not None else None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            right = column.key in _NUMERIC
            horizontal = Qt.AlignmentFlag.AlignRight if right else Qt.AlignmentFlag.AlignLeft
            return horizontal | Qt.AlignmentFlag.AlignVCenter
        if role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
            Qt.ItemDataRole.ForegroundRole,
            HITS_ROLE,
            LENGTH_ROLE,
        ):
            return None
        row = self.row_data(index.row())
        if row is None:
            return None
        if role == LENGTH_ROLE:
            return row.length
        if role == Qt.ItemDataRole.ForegroundRole:
            colour = STATUS_COLOURS.get(row.consent) if column.key == "consent" else None
            return QColor(colour) if colour else None
        if role == HITS_ROLE:
            return self._hits(row) if column.key == "preview" else []
        text = self._text(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column.key == "preview":
                return f"<p>{escape(text)}</p>"
            return text or None
        return text

    def _text(self, row: ResponseRow, column: Column) -> str:
        if column.attribute is not None:
            return row.attributes.get(column.attribute, "")
        if column.key == "preview":
            return preview_text(row)
        if column.key == "consent":
            return status_text(row.consent)
        value = getattr(row, column.key)
        return "" if value is None else str(value)

    def _hits(self, row: ResponseRow) -> list[tuple[int, int]]:
        if not self._terms:
            return []
        text = preview_text(row)
        positions = TextPositions(text)
        return [
            (positions.to_utf16(s), positions.to_utf16(e)) for s, e in find_hits(text, self._terms)
        ]

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """The service sorts all matching ids; the model only passes the request on."""
        if 0 <= column < len(self.columns):
            chosen = self.columns[column]
            descending = order == Qt.SortOrder.DescendingOrder
            self.sortRequested.emit(chosen.sort, chosen.attribute, descending)
