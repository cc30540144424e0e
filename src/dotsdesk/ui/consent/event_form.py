"""The form that records one consent event: a request, an answer, a withdrawal or a note.

It only collects what the user entered (`EventDraft`) and says "record"; the panel turns
that into one `ctx.run`, so the service alone decides what is valid (a grant needs a
level, an expiry cannot precede the grant) and a refusal shows its reason.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from ...model import ConsentKind, ConsentLevel
from ...services.consent.events import ConsentStatus
from ..consent_words import LEVEL_WORDS, level_text
from ..i18n import date_format

KINDS: list[tuple[str, ConsentKind]] = [
    (QT_TRANSLATE_NOOP("EventForm", "Request sent"), ConsentKind.REQUESTED),
    (QT_TRANSLATE_NOOP("EventForm", "Answer: granted"), ConsentKind.GRANTED),
    (QT_TRANSLATE_NOOP("EventForm", "Answer: declined"), ConsentKind.DECLINED),
    (QT_TRANSLATE_NOOP("EventForm", "Withdrawal"), ConsentKind.WITHDRAWN),
    (QT_TRANSLATE_NOOP("EventForm", "Note"), ConsentKind.NOTE),
]
# Suggestions only: the channel is saved as typed, in the user's words.
CHANNELS = (
    QT_TRANSLATE_NOOP("EventForm", "e-mail"),
    QT_TRANSLATE_NOOP("EventForm", "forum message"),
    QT_TRANSLATE_NOOP("EventForm", "survey form"),
    QT_TRANSLATE_NOOP("EventForm", "interview"),
    QT_TRANSLATE_NOOP("EventForm", "phone"),
    QT_TRANSLATE_NOOP("EventForm", "in person"),
)
VERBS = {
    ConsentKind.REQUESTED: QT_TRANSLATE_NOOP("EventForm", "Record request"),
    ConsentKind.GRANTED: QT_TRANSLATE_NOOP("EventForm", "Record grant"),
    ConsentKind.DECLINED: QT_TRANSLATE_NOOP("EventForm", "Record refusal"),
    ConsentKind.WITHDRAWN: QT_TRANSLATE_NOOP("EventForm", "Record withdrawal"),
    ConsentKind.NOTE: QT_TRANSLATE_NOOP("EventForm", "Add note"),
}
# What the user most likely records next, given where a respondent stands.
NEXT_KIND = {
    ConsentStatus.NONE: ConsentKind.REQUESTED,
    ConsentStatus.PENDING: ConsentKind.GRANTED,
    ConsentStatus.DECLINED: ConsentKind.NOTE,
    ConsentStatus.GRANTED: ConsentKind.NOTE,
    ConsentStatus.WITHDRAWN: ConsentKind.NOTE,
    ConsentStatus.EXPIRED: ConsentKind.REQUESTED,
}


@dataclass(frozen=True)
class EventDraft:
    kind: ConsentKind
    occurred: date
    channel: str | None = None
    asked: str | None = None
    level: ConsentLevel | None = None
    translation_allowed: bool | None = None
    expires: date | None = None
    note: str | None = None
    # Identity typed into the form because the grant's level needs it and none is on file.
    identity: dict[str, str] | None = None


def _date_edit(name: str) -> QDateEdit:
    edit = QDateEdit(QDate.currentDate(), objectName=name, calendarPopup=True)
    edit.setDisplayFormat(date_format())
    return edit


def _words(text: str) -> str:
    return QCoreApplication.translate("EventForm", text)


class EventForm(QWidget):
    recordRequested = Signal(object)  # EventDraft

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("consentEventForm")
        self.kind_combo = QComboBox(objectName="consentKind")
        for text, kind in KINDS:
            self.kind_combo.addItem(_words(text), kind)
        self.date_edit = _date_edit("consentDate")
        self.channel_combo = QComboBox(objectName="consentChannel", editable=True)
        self.channel_combo.addItems(["", *(_words(c) for c in CHANNELS)])
        self.channel_combo.lineEdit().setPlaceholderText(self.tr("e-mail, forum message, …"))
        self.asked_edit = QLineEdit(objectName="consentAsked")
        self.asked_edit.setPlaceholderText(self.tr("e.g. quote anonymously or with your forum ID"))
        self.level_combo = QComboBox(objectName="consentLevel")
        for level in LEVEL_WORDS:
            self.level_combo.addItem(level_text(level), level)
        self.translation_check = QCheckBox(
            self.tr("may be published"), objectName="consentTranslation"
        )
        self.expires_check = QCheckBox(self.tr("until"), objectName="consentExpiresOn")
        self.expires_edit = _date_edit("consentExpires")
        self.expires_edit.setDate(QDate.currentDate().addYears(1))
        self.expires_edit.setEnabled(False)
        self.expires_check.toggled.connect(self.expires_edit.setEnabled)
        expiry = QWidget()
        row = QHBoxLayout(expiry)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.expires_check)
        row.addWidget(self.expires_edit, 1)
        # Consent by handle or by name prints it beside the quote: without one on file the
        # service refuses the grant, so the form asks for it here and saves both at once.
        self._on_file: dict[str, str] = {}
        self.missing_note = QLabel(objectName="consentMissingIdentity", wordWrap=True)
        self.fill_forum = QLineEdit(objectName="consentFillForum")
        self.fill_forum.setPlaceholderText(self.tr("e.g. 1point3acres BBS (optional)"))
        self.fill_handle = QLineEdit(objectName="consentFillHandle")
        self.fill_handle.setPlaceholderText(
            self.tr("their forum ID, saved to their private identity")
        )
        self.fill_name = QLineEdit(objectName="consentFillName")
        self.fill_name.setPlaceholderText(self.tr("their name, saved to their private identity"))
        self.note_edit = QLineEdit(objectName="consentNote")
        self.note_edit.setPlaceholderText(self.tr("optional"))
        self.record_button = QPushButton(self.tr("Record"), objectName="consentRecord")
        self.record_button.clicked.connect(self._record)
        self.note_edit.returnPressed.connect(self._record)
        self.asked_edit.returnPressed.connect(self._record)

        self.form = QFormLayout(self)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.addRow(self.tr("Event"), self.kind_combo)
        self.form.addRow(self.tr("Date"), self.date_edit)
        self.form.addRow(self.tr("Channel"), self.channel_combo)
        self.form.addRow(self.tr("Asked"), self.asked_edit)
        self.form.addRow(self.tr("Level"), self.level_combo)
        self.form.addRow(self.tr("Translation"), self.translation_check)
        self.form.addRow(self.tr("Expires"), expiry)
        self.form.addRow(self.missing_note)
        self.form.addRow(self.tr("Forum"), self.fill_forum)
        self.form.addRow(self.tr("Handle"), self.fill_handle)
        self.form.addRow(self.tr("Name"), self.fill_name)
        self.form.addRow(self.tr("Note"), self.note_edit)
        self.form.addRow("", self.record_button)
        self._grant_rows: list[QWidget] = [self.level_combo, self.translation_check, expiry]
        self.kind_combo.currentIndexChanged.connect(self._kind_changed)
        self.note_edit.textChanged.connect(self._kind_changed)
        self.level_combo.currentIndexChanged.connect(self._kind_changed)
        self._kind_changed()

    # -- what the user chose --------------------------------------------------------------
    def kind(self) -> ConsentKind:
        return ConsentKind(self.kind_combo.currentData())

    def set_kind(self, kind: ConsentKind) -> None:
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(kind))

    def set_level(self, level: ConsentLevel) -> None:
        self.level_combo.setCurrentIndex(self.level_combo.findData(level))

    def set_identity_on_file(self, identity: dict[str, str]) -> None:
        """What the selected respondent has on file: decides whether the form asks."""
        self._on_file = dict(identity)
        for edit in (self.fill_forum, self.fill_handle, self.fill_name):
            edit.clear()
        self._kind_changed()

    def missing(self) -> str | None:
        """The identity field the chosen grant needs and the respondent lacks, if any."""
        if self.kind() is not ConsentKind.GRANTED:
            return None
        needed = {ConsentLevel.HANDLE: "handle", ConsentLevel.NAME: "name"}.get(
            ConsentLevel(self.level_combo.currentData())
        )
        return needed if needed and not self._on_file.get(needed) else None

    def suggest_for(self, status: ConsentStatus) -> None:
        """Preselect the likely next event; fields the user typed stay as they are."""
        self.set_kind(NEXT_KIND[status])

    def draft(self) -> EventDraft:
        kind = self.kind()
        grant = kind is ConsentKind.GRANTED
        expires = self.expires_edit.date().toPython() if self.expires_check.isChecked() else None
        return EventDraft(
            kind=kind,
            occurred=self.date_edit.date().toPython(),  # type: ignore[arg-type]
            channel=self.channel_combo.currentText().strip() or None,
            asked=(self.asked_edit.text().strip() or None)
            if kind is ConsentKind.REQUESTED
            else None,
            level=ConsentLevel(self.level_combo.currentData()) if grant else None,
            translation_allowed=self.translation_check.isChecked() if grant else None,
            expires=expires if grant else None,  # type: ignore[arg-type]
            note=self.note_edit.text().strip() or None,
            identity=self._typed_identity(),
        )

    def _typed_identity(self) -> dict[str, str] | None:
        missing = self.missing()
        if missing is None:
            return None
        typed = (
            {"name": self.fill_name.text().strip()}
            if missing == "name"
            else {
                "handle": self.fill_handle.text().strip(),
                "forum": self.fill_forum.text().strip() or self._on_file.get("forum", ""),
            }
        )
        return {k: v for k, v in typed.items() if v} or None

    def recorded(self) -> None:
        """After a successful record: clear what belonged to that one event."""
        self.asked_edit.clear()
        self.note_edit.clear()

    # -- behaviour --------------------------------------------------------------------------
    def _kind_changed(self) -> None:
        kind = self.kind()
        self.form.setRowVisible(self.asked_edit, kind is ConsentKind.REQUESTED)
        for widget in self._grant_rows:
            self.form.setRowVisible(widget, kind is ConsentKind.GRANTED)
        missing = self.missing()
        self.form.setRowVisible(self.missing_note, missing is not None)
        self.form.setRowVisible(self.fill_forum, missing == "handle")
        self.form.setRowVisible(self.fill_handle, missing == "handle")
        self.form.setRowVisible(self.fill_name, missing == "name")
        if missing:
            if missing == "handle":
                text = self.tr(
                    "No handle on file. Consent by handle prints it beside their quotes: type "
                    "it below to save it with this grant."
                )
            else:
                text = self.tr(
                    "No name on file. Consent by name prints it beside their quotes: type it "
                    "below to save it with this grant."
                )
            self.missing_note.setText(f"<span style='color:#B26A00'>{text}</span>")
        self.fill_forum.setText(self.fill_forum.text() or self._on_file.get("forum", ""))
        self.note_edit.setPlaceholderText(
            self.tr("required") if kind is ConsentKind.NOTE else self.tr("optional")
        )
        self.record_button.setText(_words(VERBS[kind]))
        empty_note = kind is ConsentKind.NOTE and not self.note_edit.text().strip()
        self.record_button.setEnabled(not empty_note)

    def _record(self) -> None:
        if self.record_button.isEnabled() and self.isEnabled():
            self.recordRequested.emit(self.draft())
