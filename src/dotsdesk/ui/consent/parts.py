"""The tracker's smaller pieces: counts at a glance, affected drafts, and the two table
views set up as the panel wants them."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...services.consent.events import ConsentRow, ConsentStatus
from ...services.consent.tracker import DraftQuoting, TrackerCounts
from ..browser.model import STATUS_COLOURS
from ..consent_words import level_text, status_text
from ..i18n import arg, date_text
from .history import HistoryModel
from .model import ConsentTableModel

COLUMN_WIDTHS = (100, 84, 84, 84, 90, 100)

# (TrackerCounts field, words, colour); "expired" only shows when there is one.
COUNTS = [
    ("anonymous", QT_TRANSLATE_NOOP("ConsentWords", "anonymous"),
     STATUS_COLOURS[ConsentStatus.GRANTED]),
    ("handle", QT_TRANSLATE_NOOP("ConsentWords", "by handle"),
     STATUS_COLOURS[ConsentStatus.GRANTED]),
    ("name", QT_TRANSLATE_NOOP("ConsentWords", "by name"), STATUS_COLOURS[ConsentStatus.GRANTED]),
    ("pending", QT_TRANSLATE_NOOP("ConsentWords", "pending"),
     STATUS_COLOURS[ConsentStatus.PENDING]),
    ("declined", QT_TRANSLATE_NOOP("ConsentWords", "declined"),
     STATUS_COLOURS[ConsentStatus.DECLINED]),
    ("withdrawn", QT_TRANSLATE_NOOP("ConsentWords", "withdrawn"),
     STATUS_COLOURS[ConsentStatus.WITHDRAWN]),
    ("never_asked", QT_TRANSLATE_NOOP("ConsentWords", "never asked"), "#616161"),
    ("expired", QT_TRANSLATE_NOOP("ConsentWords", "expired"),
     STATUS_COLOURS[ConsentStatus.EXPIRED]),
]  # fmt: skip


class CountsBar(QWidget):
    """Numbers big enough to read at a glance; grants split by level, since the level
    decides what a post may print."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("consentCounts")
        grid = QGridLayout(self)
        grid.setContentsMargins(2, 2, 2, 2)
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(0)
        self.granted = QLabel(objectName="consentCountGranted")
        grid.addWidget(self.granted, 0, 0)
        self.labels: dict[str, QLabel] = {}
        # Row 0: "25/30 granted:" then the three levels; row 1: the other statuses.
        for n, (field, words, colour) in enumerate(COUNTS):
            label = QLabel(objectName=f"consentCount_{field}")
            label.setProperty("words", QCoreApplication.translate("ConsentWords", words))
            label.setProperty("colour", colour)
            grid.addWidget(label, (n + 1) // 4, (n + 1) % 4)
            self.labels[field] = label
        grid.setColumnStretch(3, 1)
        self.show_counts(TrackerCounts())

    def show_counts(self, counts: TrackerCounts) -> None:
        self.granted.setText(arg(self.tr("<b>%1</b>/%2 granted:"), counts.granted, counts.total))
        for field, label in self.labels.items():
            value = getattr(counts, field)
            colour = label.property("colour") if value else "#9E9E9E"
            label.setText(
                f"<span style='color:{colour}'><b>{value}</b> {label.property('words')}</span>"
            )
        self.labels["expired"].setVisible(counts.expired > 0)

    def number(self, field: str) -> int:
        """The number shown for a count, as the user reads it (for tests and tools)."""
        text = self.labels[field].text()
        return int(text.split("<b>", 1)[1].split("</b>", 1)[0])


class DraftsBox(QGroupBox):
    """Posts that quote the selected respondent: after a withdrawal, the ones to fix.
    A few titles at most, so a wrapped label rather than a list view."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Drafts that quote them"))
        self.setObjectName("consentDrafts")
        self._titles: list[str] = []
        self.note = QLabel(objectName="consentDraftNote", wordWrap=True)
        self.list = QLabel(objectName="consentDraftList", wordWrap=True)
        self.list.setTextFormat(Qt.TextFormat.PlainText)
        self.list.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.addWidget(self.note)
        layout.addWidget(self.list)

    def show_drafts(self, drafts: list[DraftQuoting], status: ConsentStatus, label: str) -> None:
        """Shown when someone is quoted, or has withdrawn (then "none" is worth saying)."""
        self.setVisible(bool(drafts) or status is ConsentStatus.WITHDRAWN)
        self._titles = [_describe(d) for d in drafts]
        self.list.setText("\n".join(f"• {t}" for t in self._titles))
        self.list.setVisible(bool(drafts))
        if not drafts:
            self.note.setText(arg(self.tr("No draft quotes %1."), label))
        elif status is not ConsentStatus.GRANTED:
            blocked = self.tr("These quotes of %1 are blocked (%2); remove or replace them.")
            self.note.setText(
                f"<span style='color:{STATUS_COLOURS[ConsentStatus.WITHDRAWN]}'>"
                f"{arg(blocked, label, status_text(status))}</span>"
            )
        else:
            self.note.setText(arg(self.tr("Quotes of %1 in these drafts are allowed."), label))

    def titles(self) -> list[str]:
        return list(self._titles)


def _describe(draft: DraftQuoting) -> str:
    if draft.series and draft.number:
        text = DraftsBox.tr("%1 No.%2: %3 (%n quote(s))", "", draft.quotes)
        return arg(text, draft.series, draft.number, draft.title)
    return arg(DraftsBox.tr("%1 (%n quote(s))", "", draft.quotes), draft.title)


def consent_table(model: ConsentTableModel) -> QTableView:
    """Sortable by any column (the model sorts); one respondent selected at a time."""
    table = QTableView(objectName="consentTable")
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setAlternatingRowColors(True)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(22)
    table.setSortingEnabled(True)
    table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    for column, width in enumerate(COLUMN_WIDTHS):
        header.resizeSection(column, width)
    return table


def history_table(model: HistoryModel) -> QTableView:
    """As tall as the history, up to a limit; read-only."""
    view = QTableView(objectName="consentHistory")
    view.setModel(model)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(22)
    view.horizontalHeader().setStretchLastSection(True)
    view.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
    view.setSizeAdjustPolicy(QTableView.SizeAdjustPolicy.AdjustToContents)
    view.setMaximumHeight(220)
    return view


def boxed(title: str, widget: QWidget) -> QGroupBox:
    box = QGroupBox(title)
    layout = QVBoxLayout(box)
    layout.setContentsMargins(6, 4, 6, 4)
    layout.addWidget(widget)
    return box


def describe_row(row: ConsentRow) -> str:
    """One line for the heading: "granted by handle, translation allowed, since ..."."""
    c = row.consent
    words = status_text(c.status)
    if c.status in (ConsentStatus.GRANTED, ConsentStatus.EXPIRED) and c.level:
        if c.translation_allowed:
            text = CountsBar.tr("%1 %2, translation allowed")
        else:
            text = CountsBar.tr("%1 %2, no translation")
        words = arg(text, words, level_text(c.level))
    if c.since and c.status is not ConsentStatus.PENDING:
        words = arg(CountsBar.tr("%1, since %2"), words, date_text(c.since))
    if row.days_pending is not None:
        words = arg(CountsBar.tr("%1, asked %n day(s) ago", "", row.days_pending), words)
    return words
