"""The consent tracker: who agreed to be quoted and how, and the events that say so.

A table of respondents (filtered, sorted) with counts above it; the selected respondent's
private identity, affected drafts, history and an event form below. Every recorded event
is one `ctx.run`, so one undo step; the panel follows `ctx.dataChanged` for undo, redo and
changes made elsewhere. While closed it only notes that it is stale, and rereads on show.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QGuiApplication, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from ...errors import DotsError
from ...model import ConsentKind, Respondent
from ...services.consent.events import ConsentRow, consent_rows, record_event
from ...services.consent.tracker import (
    drafts_quoting,
    mail_merge_text,
    private_identity,
    to_ask,
    tracker_counts,
)
from ...services.corpus.respondents import set_identity
from ...services.corpus.responses import get_response
from ..consent_words import level_text
from ..context import ProjectContext
from ..i18n import arg
from ..respondent_edits import rename_action, rename_label, save_identity, start_editing
from ..settled import refresh_when_shown
from .event_form import EventDraft, EventForm
from .history import HistoryModel, read_history
from .identity import IdentityBox
from .model import (
    LABEL_COLUMN,
    RESPONDENT_ID_ROLE,
    ConsentTableModel,
    Filter,
    count_for,
)
from .parts import (
    CountsBar,
    DraftsBox,
    boxed,
    consent_table,
    describe_row,
    history_table,
)

# Tables whose changes alter the table and counts; those that only alter "drafts quoting".
CONSENT_TABLES = frozenset({"consent_event", "consent_scope_segment", "respondent", "identity"})
# Deleting a segment or response nulls its blocks' segment_id, so "block" covers those too.
DRAFT_TABLES = frozenset({"post", "section", "block"})
UNDO_WORDS = {  # %1: the respondent's label
    ConsentKind.REQUESTED: QT_TRANSLATE_NOOP("ConsentTracker", "Record consent request (%1)"),
    ConsentKind.GRANTED: QT_TRANSLATE_NOOP("ConsentTracker", "Record consent (%1)"),
    ConsentKind.DECLINED: QT_TRANSLATE_NOOP("ConsentTracker", "Record refusal (%1)"),
    ConsentKind.WITHDRAWN: QT_TRANSLATE_NOOP("ConsentTracker", "Record withdrawal (%1)"),
    ConsentKind.NOTE: QT_TRANSLATE_NOOP("ConsentTracker", "Add consent note (%1)"),
}


class ConsentTracker(QWidget):
    respondentSelected = Signal(object)  # int | None

    def __init__(self, ctx: ProjectContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("consentTrackerPanel")
        self.ctx = ctx
        self._current: int | None = None
        self._rows: dict[int, ConsentRow] = {}
        self._stale = True
        self._quiet = False
        self._build()
        ctx.projectChanged.connect(self._project_changed)
        ctx.dataChanged.connect(self._data_changed)
        ctx.responseActivated.connect(self.follow_response)
        self._project_changed()

    # -- construction ---------------------------------------------------------------------
    def _build(self) -> None:
        self.counts = CountsBar()
        self.filter_combo = QComboBox(objectName="consentFilter")
        for chosen in Filter:
            self.filter_combo.addItem(chosen.text, chosen)
        self.filter_combo.currentIndexChanged.connect(
            lambda _n: self.set_filter(self.filter_combo.currentData())
        )
        self.ask_button = QPushButton(
            self.tr("Who still needs asking"), objectName="consentWhoToAsk"
        )
        self.ask_button.setToolTip(
            self.tr(
                "Copy everyone never asked or still pending to the clipboard, tab-separated "
                "(label, name, contact, days pending) for a mail merge. It includes their "
                "PRIVATE names and contacts: paste it only into your own mail tool."
            )
        )
        self.ask_button.clicked.connect(self.copy_who_to_ask)
        tools = QHBoxLayout()
        tools.addWidget(QLabel(self.tr("Show")))
        tools.addWidget(self.filter_combo, 1)
        tools.addWidget(self.ask_button)

        self.model = ConsentTableModel(self)
        self.table = consent_table(self.model)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        # Queued: the rename refreshes the table, which must not happen while the view is
        # still committing its editor's text.
        self.model.labelEdited.connect(self._rename, Qt.ConnectionType.QueuedConnection)
        self.rename_label_action = rename_action(self.table, self.rename_current_label)

        self.heading = QLabel(objectName="consentHeading", wordWrap=True)
        self.identity = IdentityBox()
        self.identity.saveRequested.connect(self.save_identity)
        self.drafts = DraftsBox()
        self.history_model = HistoryModel(self)
        self.history_view = history_table(self.history_model)
        history_box = boxed(self.tr("History"), self.history_view)
        self.form = EventForm()
        self.form.recordRequested.connect(self.record)
        form_box = boxed(self.tr("Record an event"), self.form)

        details = QWidget(objectName="consentDetails")
        column = QVBoxLayout(details)
        column.setContentsMargins(2, 2, 2, 2)
        for widget in (self.heading, self.identity, self.drafts, history_box, form_box):
            column.addWidget(widget)
        column.addStretch(1)
        self.details = QScrollArea(objectName="consentDetailsScroll", widgetResizable=True)
        self.details.setWidget(details)
        self.splitter = QSplitter(Qt.Orientation.Vertical, objectName="consentSplitter")
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.details)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(4)
        layout.addWidget(self.counts)
        layout.addLayout(tools)
        layout.addWidget(self.splitter, 1)

    # -- reading --------------------------------------------------------------------------
    def selected_respondent(self) -> int | None:
        return self._current

    def row(self, respondent_id: int) -> ConsentRow | None:
        return self._rows.get(respondent_id)

    def refresh(self) -> None:
        """Reread every respondent's consent, keeping the sort, filter and selection."""
        self._stale = False
        if self.ctx.project is None:
            rows: list[ConsentRow] = []
        else:
            with self.ctx.read() as s:
                rows = consent_rows(s)
        self._rows = {r.respondent_id: r for r in rows}
        if self._current not in self._rows:
            self._current = None
        self._quiet = True
        try:
            self.model.set_rows(rows)
            self._reselect()
        finally:
            self._quiet = False
        counts = tracker_counts(rows)
        self.counts.show_counts(counts)
        for n in range(self.filter_combo.count()):
            chosen: Filter = self.filter_combo.itemData(n)
            self.filter_combo.setItemText(
                n, arg(self.tr("%1 (%2)"), chosen.text, count_for(counts, chosen))
            )
        self._show_details()

    def _reselect(self) -> None:
        row = self.model.row_of(self._current) if self._current is not None else None
        selection = self.table.selectionModel()
        if row is None:
            selection.clear()
            return
        index = self.model.index(row, 0)
        flags = QItemSelectionModel.SelectionFlag
        selection.setCurrentIndex(index, flags.ClearAndSelect | flags.Rows)
        self.table.scrollTo(index)

    def _show_details(self) -> None:
        rid = self._current
        row = self._rows.get(rid) if rid is not None else None
        enabled = row is not None
        for widget in (self.identity, self.history_view, self.form):
            widget.setEnabled(enabled)
        if row is None:
            self.heading.setText(
                self.tr("Select a respondent to see their consent and record events.")
            )
            self.identity.show_identity({})
            self.drafts.hide()
            self.history_model.set_lines([])
            return
        with self.ctx.read() as s:
            identity = private_identity(s, row.respondent_id)
            lines = read_history(s, row.respondent_id)
            drafts = drafts_quoting(s, row.respondent_id)
        self.heading.setText(f"<b>{row.label}</b> — {describe_row(row)}")
        self.identity.show_identity(identity)
        self.form.set_identity_on_file(identity)
        self.drafts.show_drafts(drafts, row.status, row.label)
        self.history_model.set_lines(lines)
        self.history_view.resizeColumnsToContents()  # a handful of rows: cheap
        self.history_view.scrollToBottom()

    # -- the user's choices ---------------------------------------------------------------
    def set_filter(self, chosen: Filter) -> None:
        if self.filter_combo.currentData() != chosen:
            self.filter_combo.setCurrentIndex(self.filter_combo.findData(chosen))
            return  # the combo's signal comes back here
        self._quiet = True
        try:
            self.model.set_filter(chosen)
            self._reselect()
        finally:
            self._quiet = False

    def select_respondent(self, respondent_id: int | None) -> bool:
        """Show one respondent; if the filter hides them, the details still show."""
        if respondent_id is not None and respondent_id not in self._rows:
            return False
        self._current = respondent_id
        self._quiet = True
        try:
            self._reselect()
        finally:
            self._quiet = False
        self._selection_changed()
        return True

    def follow_response(self, response_id: int) -> None:
        """Show the consent of whoever wrote the response being read, so that asking and
        recording need no search (behind its tab, it is shown when the tab comes forward)."""
        try:
            with self.ctx.read() as s:
                respondent_id = get_response(s, response_id).respondent_id
        except DotsError:
            return  # a response deleted meanwhile: the tab stays where it was
        if respondent_id == self._current:
            return
        if self._stale:
            self._current = respondent_id  # refresh() selects it
        else:
            self.select_respondent(respondent_id)

    def _row_changed(self) -> None:
        if self._quiet:
            return
        index = self.table.selectionModel().currentIndex()
        rid = index.data(RESPONDENT_ID_ROLE) if index.isValid() else None
        if rid != self._current:
            self._current = rid
            self._selection_changed()

    def _selection_changed(self) -> None:
        self._show_details()
        row = self._rows.get(self._current) if self._current is not None else None
        if row is not None:
            self.form.suggest_for(row.status)
        self.respondentSelected.emit(self._current)

    # -- actions --------------------------------------------------------------------------
    def record(self, draft: EventDraft) -> int | None:
        """Append one event for the selected respondent: one transaction, one undo step.
        Returns the new event's id, None if nothing was selected or the service refused."""
        rid = self._current
        row = self._rows.get(rid) if rid is not None else None
        if rid is None or row is None:
            self.ctx.status.emit(self.tr("Select a respondent first"))
            return None

        def action(s: Session) -> int:
            if draft.identity:  # typed into the form because the grant's level needs it
                respondent = s.get(Respondent, rid)
                assert respondent is not None
                set_identity(s, respondent, draft.identity)
            return record_event(
                s,
                rid,
                draft.kind,
                draft.occurred,
                level=draft.level,
                translation_allowed=draft.translation_allowed,
                expires=draft.expires,
                channel=draft.channel,
                asked=draft.asked,
                note=draft.note,
            ).id

        if draft.level:
            undo = arg(self.tr("Record consent %1 (%2)"), level_text(draft.level), row.label)
        else:
            undo = arg(
                QCoreApplication.translate("ConsentTracker", UNDO_WORDS[draft.kind]), row.label
            )
        event_id = self.ctx.run(undo, action)
        if event_id is not None:
            self.form.recorded()
            updated = self._rows.get(rid)
            if updated is not None:
                self.form.suggest_for(updated.status)
        return event_id

    def _rename(self, respondent_id: int, label: str) -> None:
        rename_label(self.ctx, respondent_id, label)

    def rename_current_label(self) -> bool:
        """F2: edit the selected respondent's label in place."""
        row = self.model.row_of(self._current) if self._current is not None else None
        return start_editing(self.table, -1 if row is None else row, LABEL_COLUMN)

    def save_identity(self, fields: dict[str, str | None]) -> bool:
        """The identity box's Save: one transaction, one undo step."""
        row = self._rows.get(self._current) if self._current is not None else None
        if row is None:
            return False
        return save_identity(self.ctx, row.respondent_id, row.label, fields)

    def copy_who_to_ask(self) -> str:
        """Put the mail-merge text on the clipboard; it holds private names and contacts."""
        if self.ctx.project is None:
            return ""
        with self.ctx.read() as s:
            people = to_ask(s)
        text = mail_merge_text(people)
        QGuiApplication.clipboard().setText(text)
        self.ctx.status.emit(
            self.tr(
                "Copied %n respondent(s) still to ask, with their private names and contacts, "
                "to the clipboard",
                "",
                len(people),
            )
        )
        return text

    # -- following the project -----------------------------------------------------------
    def _project_changed(self) -> None:
        self._current = None
        has_project = self.ctx.project is not None
        for widget in (self.filter_combo, self.ask_button, self.table):
            widget.setEnabled(has_project)
        self._refresh_or_mark()

    def _data_changed(self, tables: frozenset[str]) -> None:
        if tables & CONSENT_TABLES:
            self._refresh_or_mark()
        elif tables & DRAFT_TABLES and self._current is not None:
            if self.isVisible():
                self._show_details()
            else:
                self._stale = True

    def _refresh_or_mark(self) -> None:
        if self.isVisible() or self.ctx.project is None:
            self.refresh()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        refresh_when_shown(self, self.ctx.settling, lambda: self._stale, self.refresh)
