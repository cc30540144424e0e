"""The tracker's private identity box: shown read-only, edited in place with Edit…

It only collects what the user typed and asks for a save (`saveRequested`); the panel turns
that into one `ctx.run`, so one save is one undo step. Blank fields are cleared.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

IDENTITY_LABELS = {
    "name": QT_TRANSLATE_NOOP("IdentityBox", "Name"),
    "email": QT_TRANSLATE_NOOP("IdentityBox", "E-mail"),
    "phone": QT_TRANSLATE_NOOP("IdentityBox", "Phone"),
    "contact": QT_TRANSLATE_NOOP("IdentityBox", "Contact"),
    "forum": QT_TRANSLATE_NOOP("IdentityBox", "Forum"),
    "handle": QT_TRANSLATE_NOOP("IdentityBox", "Handle"),
    "other": QT_TRANSLATE_NOOP("IdentityBox", "Notes"),
}
PLACEHOLDERS = {
    "name": QT_TRANSLATE_NOOP("IdentityBox", "their real name (printed only with consent by name)"),
    "email": QT_TRANSLATE_NOOP("IdentityBox", "e.g. for asking consent"),
    "forum": QT_TRANSLATE_NOOP("IdentityBox", "e.g. 1point3acres BBS"),
    "handle": QT_TRANSLATE_NOOP(
        "IdentityBox", "their forum ID (printed only with consent by handle)"
    ),
    "other": QT_TRANSLATE_NOOP("IdentityBox", "anything else private"),
}


def _words(text: str) -> str:
    return QCoreApplication.translate("IdentityBox", text) if text else ""


class IdentityBox(QGroupBox):
    """The one place private identity is shown and edited; the title says so."""

    saveRequested = Signal(object)  # dict[str, str | None]: every field, blanks as None

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Private — shown only in this tracker"))
        self.setObjectName("consentIdentity")
        self.setToolTip(
            self.tr(
                "Real names and contacts never leave the project, except in the consent "
                "register export, which says so on its first sheet."
            )
        )
        self._identity: dict[str, str] = {}
        # Two pages shown one at a time; not a QStackedWidget, which would keep the tall
        # editing page's height while reading and leave a gap under a short identity.
        self.reading = self._reading_page()
        self.editing_page = self._editing_page()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.addWidget(self.reading)
        layout.addWidget(self.editing_page)
        self.show_identity({})

    def _reading_page(self) -> QWidget:
        page = QWidget()
        self.form = QFormLayout(page)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.fields: dict[str, QLabel] = {}
        for field, words in IDENTITY_LABELS.items():
            value = QLabel(objectName=f"identity_{field}", wordWrap=True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.form.addRow(_words(words), value)
            self.fields[field] = value
        self.empty = QLabel(self.tr("No identity recorded."), objectName="identityEmpty")
        self.edit_button = QPushButton(self.tr("Edit…"), objectName="identityEdit")
        self.edit_button.setToolTip(self.tr("Add or change their name, contacts, forum and handle"))
        self.edit_button.clicked.connect(lambda: self.begin_edit())
        row = QHBoxLayout()
        row.addWidget(self.empty, 1)
        row.addStretch(1)
        row.addWidget(self.edit_button)
        self.form.addRow(row)
        return page

    def _editing_page(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        form.setContentsMargins(0, 0, 0, 0)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.editors: dict[str, QLineEdit] = {}
        for field, words in IDENTITY_LABELS.items():
            editor = QLineEdit(objectName=f"identityEdit_{field}")
            editor.setPlaceholderText(_words(PLACEHOLDERS.get(field, "")))
            editor.returnPressed.connect(self.save)
            form.addRow(_words(words), editor)
            self.editors[field] = editor
        self.save_button = QPushButton(self.tr("Save"), objectName="identitySave", default=True)
        self.save_button.clicked.connect(self.save)
        self.cancel_button = QPushButton(self.tr("Cancel"), objectName="identityCancel")
        self.cancel_button.clicked.connect(self.cancel)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.save_button)
        form.addRow(buttons)
        return page

    # -- showing ----------------------------------------------------------------------------
    def show_identity(self, identity: dict[str, str]) -> None:
        """Show a respondent's identity read-only (what was being typed is dropped: the
        selection or the project changed, or the save went through)."""
        self._identity = dict(identity)
        for field, label in self.fields.items():
            label.setText(identity.get(field, ""))
            self.form.setRowVisible(label, field in identity)
        self.empty.setVisible(not identity)
        self._show_page(editing=False)

    def shown(self) -> dict[str, str]:
        return {f: label.text() for f, label in self.fields.items() if label.text()}

    def editing(self) -> bool:
        return not self.editing_page.isHidden()

    def _show_page(self, *, editing: bool) -> None:
        self.reading.setHidden(editing)
        self.editing_page.setHidden(not editing)

    # -- editing ----------------------------------------------------------------------------
    def begin_edit(self, focus: str | None = None) -> None:
        for field, editor in self.editors.items():
            editor.setText(self._identity.get(field, ""))
        self._show_page(editing=True)
        wanted = self.editors.get(focus or "") or self.editors["name"]
        wanted.setFocus()

    def typed(self) -> dict[str, str | None]:
        return {f: e.text().strip() or None for f, e in self.editors.items()}

    def save(self) -> None:
        if self.editing():
            self.saveRequested.emit(self.typed())

    def cancel(self) -> None:
        self.show_identity(self._identity)
