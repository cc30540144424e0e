"""Edits of a respondent the browser and the consent tracker share: renaming the public
label (F2, in place in the table) and saving the private identity.

Each is one `ctx.run`, so one transaction and one undo step; the services decide what is
valid (a label already used, or one that looks like a contact, is refused with the
reason, shown on the status line) so both panels behave alike.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QAbstractItemView
from sqlalchemy.orm import Session

from ..errors import NotFound
from ..model import Respondent
from ..services.corpus.respondents import rename_respondent, set_identity
from .context import ProjectContext
from .i18n import arg


def _respondent(s: Session, respondent_id: int) -> Respondent:
    found = s.get(Respondent, respondent_id)
    if found is None:
        text = QCoreApplication.translate("RespondentEdits", "no respondent with id %1")
        raise NotFound(None, arg(text, respondent_id))
    return found


def rename_label(ctx: ProjectContext, respondent_id: int, label: str) -> bool:
    """Rename; False when nothing changed or the service refused (the reason is shown)."""
    if ctx.project is None:
        return False
    with ctx.read() as s:
        old = _respondent(s, respondent_id).label
    if label.strip() == old:
        return False

    def action(s: Session) -> bool:
        rename_respondent(s, _respondent(s, respondent_id), label)
        return True

    done = ctx.run(
        arg(QCoreApplication.translate("RespondentEdits", "Rename %1 to %2"), old, label.strip()),
        action,
    )
    if done:
        ctx.status.emit(
            arg(
                QCoreApplication.translate("RespondentEdits", "Renamed %1 to %2"),
                old,
                label.strip(),
            )
        )
    return bool(done)


def save_identity(
    ctx: ProjectContext, respondent_id: int, label: str, fields: Mapping[str, str | None]
) -> bool:
    """Save the private identity fields given (blank ones cleared): one undo step."""

    def action(s: Session) -> bool:
        set_identity(s, _respondent(s, respondent_id), fields)
        return True

    return bool(
        ctx.run(
            arg(QCoreApplication.translate("RespondentEdits", "Edit private identity (%1)"), label),
            action,
        )
    )


def rename_action(view: QAbstractItemView, start: Callable[[], object]) -> QAction:
    """F2 while `view` has focus: only there, so the codebook's F2 (rename a code) and this
    one never meet; the view itself starts no editor on a key or a double click, so typing
    a code's key or activating a row never opens the label for editing."""
    action = QAction(QCoreApplication.translate("RespondentEdits", "Rename &label"), view)
    action.setShortcut(QKeySequence(Qt.Key.Key_F2))
    action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
    action.setObjectName("renameLabel")
    action.setToolTip(
        QCoreApplication.translate(
            "RespondentEdits", "Rename the respondent's public label (F2); undo with Ctrl+Z"
        )
    )
    action.triggered.connect(lambda _checked=False: start())
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.addAction(action)
    return action


def start_editing(view: QAbstractItemView, row: int, column: int) -> bool:
    """Open the in-place editor on a row's label cell; False if there is no such row."""
    model = view.model()
    if row < 0 or row >= model.rowCount() or column < 0:
        return False
    index = model.index(row, column)
    view.setCurrentIndex(index)
    view.edit(index)
    return True
