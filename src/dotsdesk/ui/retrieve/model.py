"""The Coded Segments view's model: a table over `services.coding.retrieval`.

The rows (ids, offsets, labels) are read in one narrow query; the words around each segment
are read a page at a time, when the view first paints a row of that page, so a code with
100,000 segments opens as fast as one with ten. Sorting and the attribute filter work on the
narrow rows, never on texts.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Sequence

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from sqlalchemy.orm import Session

from ...services.coding.retrieval import (
    ContextUnit,
    RetrievedSegment,
    SegmentContext,
    segment_contexts,
)
from ...services.corpus.respondents import parse_number

Index = QModelIndex | QPersistentModelIndex
PAGE = 100  # rows whose contexts are read together
HTML_ROLE = Qt.ItemDataRole.UserRole + 1  # the context with the coded words in bold
SEGMENT_ROLE = Qt.ItemDataRole.UserRole + 2  # the RetrievedSegment of the row
RESPONDENT, CONTEXT, CODES = 0, 1, 2  # then one column per attribute
_FIXED = (
    QT_TRANSLATE_NOOP("RetrieveModel", "Respondent"),
    QT_TRANSLATE_NOOP("RetrieveModel", "Coded words in context"),
    QT_TRANSLATE_NOOP("RetrieveModel", "Codes"),
)
_NUMBER = re.compile(r"\d+|\D+")


def _natural(text: str) -> tuple[tuple[int, object], ...]:
    """Sort key: "P2" before "P10", numbers by value."""
    return tuple((0, int(p)) if p.isdigit() else (1, p.casefold()) for p in _NUMBER.findall(text))


class RetrieveModel(QAbstractTableModel):
    def __init__(self, read: Callable[[], object]) -> None:
        super().__init__()
        self._read = read  # ProjectContext.read: a context manager giving a Session
        self.all_rows: list[RetrievedSegment] = []
        self.rows: list[RetrievedSegment] = []  # as shown: filtered and sorted
        self.attributes: dict[int, dict[str, str]] = {}
        self.attribute_names: list[str] = []
        self.unit = ContextUnit.SENTENCE
        self.page = PAGE
        self._contexts: dict[int, SegmentContext] = {}
        self._filter: tuple[str, str] | None = None
        self._sort: tuple[int, Qt.SortOrder] | None = None

    # -- what is listed -------------------------------------------------------------------
    def set_rows(
        self,
        rows: Sequence[RetrievedSegment],
        attributes: dict[int, dict[str, str]],
        attribute_names: Sequence[str],
    ) -> None:
        self.beginResetModel()
        self.all_rows = list(rows)
        self.attributes = attributes
        self.attribute_names = list(attribute_names)
        self._contexts = {}
        self._arrange()
        self.endResetModel()

    def set_unit(self, unit: ContextUnit) -> None:
        if unit is self.unit:
            return
        self.unit = unit
        self._contexts = {}
        if self.rows:
            self.dataChanged.emit(self.index(0, CONTEXT), self.index(len(self.rows) - 1, CONTEXT))

    def set_filter(self, attribute: str | None, value: str | None) -> None:
        """Only respondents whose `attribute` is `value` (None: everyone)."""
        self.beginResetModel()
        self._filter = (attribute, value) if attribute and value is not None else None
        self._arrange()
        self.endResetModel()

    def values_of(self, attribute: str) -> list[str]:
        """The values of an attribute among the rows, for the filter's choices."""
        found = {self.attributes.get(r.respondent_id, {}).get(attribute) for r in self.all_rows}
        return sorted((v for v in found if v), key=_natural)

    def _arrange(self) -> None:
        rows = self.all_rows
        if self._filter is not None:
            name, value = self._filter
            rows = [r for r in rows if self.attributes.get(r.respondent_id, {}).get(name) == value]
        if self._sort is not None and self._sort[0] >= 3 + len(self.attribute_names):
            self._sort = None  # an attribute no longer listed
        if self._sort is not None:
            column, order = self._sort
            rows = sorted(
                rows, key=self._key(column), reverse=order == Qt.SortOrder.DescendingOrder
            )
        self.rows = rows

    def _key(self, column: int) -> Callable[[RetrievedSegment], object]:
        place = lambda r: (r.response_id, r.start)  # noqa: E731 - ties keep text order
        if column == RESPONDENT:
            return lambda r: (_natural(r.respondent), place(r))
        if column == CODES:
            return lambda r: (r.codes, _natural(r.respondent), place(r))
        if column == CONTEXT:
            return lambda r: (r.end - r.start, place(r))
        name = self.attribute_names[column - 3]

        def by_attribute(r: RetrievedSegment) -> object:
            value = self.attributes.get(r.respondent_id, {}).get(name, "")
            number = parse_number(value) if value else None
            # Blanks last, numbers by value, words naturally.
            head = (
                (2, 0.0, ())
                if not value
                else (0, number, ())
                if number is not None
                else (1, 0.0, _natural(value))
            )
            return (head, _natural(r.respondent), place(r))

        return by_attribute

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.layoutAboutToBeChanged.emit()
        self._sort = (column, order) if column >= 0 else None
        self._arrange()
        self.layoutChanged.emit()

    # -- the contexts, a page at a time ---------------------------------------------------
    def context(self, row: int) -> SegmentContext | None:
        seg = self.rows[row]
        found = self._contexts.get(seg.segment_id)
        if found is None:
            first = row - row % self.page
            page = [
                r
                for r in self.rows[first : first + self.page]
                if r.segment_id not in self._contexts
            ]
            with self._read() as s:  # type: ignore[attr-defined]
                self._contexts.update(self.contexts_of(s, page))
            found = self._contexts.get(seg.segment_id)
        return found

    def contexts_of(
        self, session: Session, rows: Sequence[RetrievedSegment]
    ) -> dict[int, SegmentContext]:
        return segment_contexts(session, rows, self.unit)

    def loaded_rows(self) -> int:
        """How many rows' contexts were read (for tests of the laziness)."""
        return len(self._contexts)

    # -- Qt's side ------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(_FIXED) + len(self.attribute_names)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        if section < len(_FIXED):
            return QCoreApplication.translate("RetrieveModel", _FIXED[section])
        return self.attribute_names[section - len(_FIXED)]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        seg = self.rows[row]
        if role == SEGMENT_ROLE:
            return seg
        if column == CONTEXT:
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                found = self.context(row)
                return plain(found) if found else ""
            if role == HTML_ROLE:
                found = self.context(row)
                return marked(found) if found else ""
            return None
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        if column == RESPONDENT:
            return seg.respondent
        if column == CODES:
            return "; ".join(seg.codes)
        return self.attributes.get(seg.respondent_id, {}).get(self.attribute_names[column - 3], "")

    # -- as text and as HTML (copy, print) ------------------------------------------------
    def as_text(self, rows: Sequence[int]) -> str:
        """The rows as tab-separated lines under a header: label, codes, the coded words,
        the context, the attributes (what Ctrl+C copies)."""
        head = [
            QCoreApplication.translate("RetrieveModel", "Respondent"),
            QCoreApplication.translate("RetrieveModel", "Codes"),
            QCoreApplication.translate("RetrieveModel", "Coded words"),
            QCoreApplication.translate("RetrieveModel", "Context"),
            *self.attribute_names,
        ]
        lines = ["\t".join(head)]
        for n in sorted(rows):
            seg, found = self.rows[n], self.context(n)
            own = self.attributes.get(seg.respondent_id, {})
            cells = [
                seg.respondent,
                "; ".join(seg.codes),
                found.segment if found else "",
                plain(found) if found else "",
                *(own.get(a, "") for a in self.attribute_names),
            ]
            lines.append("\t".join(" ".join(c.split()) for c in cells))
        return "\n".join(lines) + "\n"

    def as_html(self, rows: Sequence[int], title: str) -> str:
        """The rows as a printable page: each with its label and attributes, the context
        with the coded words in bold."""
        parts = [f"<h2>{html.escape(title)}</h2>"]
        for n in rows:
            seg, found = self.rows[n], self.context(n)
            own = self.attributes.get(seg.respondent_id, {})
            about = "; ".join(f"{k}: {own[k]}" for k in self.attribute_names if own.get(k))
            parts.append(
                f"<p><b>{html.escape(seg.respondent)}</b>"
                + (f" <i>({html.escape(about)})</i>" if about else "")
                + f" — {html.escape('; '.join(seg.codes))}<br/>"
                + (marked(found) if found else "")
                + "</p>"
            )
        return "\n".join(parts)


def plain(found: SegmentContext) -> str:
    return ("…" if found.before else "") + found.text + ("…" if found.after else "")


def marked(found: SegmentContext) -> str:
    """The context as HTML, the coded words bold on a highlight."""
    text = found.text
    return (
        ("…" if found.before else "")
        + html.escape(text[: found.start])
        + '<b style="background-color:#fff0a0">'
        + html.escape(text[found.start : found.end])
        + "</b>"
        + html.escape(text[found.end :])
        + ("…" if found.after else "")
    ).replace("\n", "<br/>")
