"""File > Restore from Backup…: a project's backups, newest first, with when and why each was
taken and what it holds; restore one into a new file, or over the project.

The dialog only chooses; ui/backup_menu.py does the restoring (on a worker) and reopens.
Opened for a damaged project, it says so and selects the newest good backup.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..store.backups import Backup, folder_for, list_backups
from .i18n import arg, datetime_text

COLUMNS = (
    QT_TRANSLATE_NOOP("RestoreDialog", "Taken"),
    QT_TRANSLATE_NOOP("RestoreDialog", "Why"),
    QT_TRANSLATE_NOOP("RestoreDialog", "Respondents"),
    QT_TRANSLATE_NOOP("RestoreDialog", "Segments"),
    QT_TRANSLATE_NOOP("RestoreDialog", "Posts"),
)
REASONS = {  # why a backup was taken (store/backups.py's reasons), in the window's words
    "open": QT_TRANSLATE_NOOP("RestoreDialog", "on open"),
    "periodic": QT_TRANSLATE_NOOP("RestoreDialog", "while working"),
    "upgrade": QT_TRANSLATE_NOOP("RestoreDialog", "before an upgrade"),
    "merge": QT_TRANSLATE_NOOP("RestoreDialog", "before a merge"),
    "refi": QT_TRANSLATE_NOOP("RestoreDialog", "before a REFI-QDA import"),
    "restore": QT_TRANSLATE_NOOP("RestoreDialog", "before a restore"),
    "reset": QT_TRANSLATE_NOOP("RestoreDialog", "before a reset"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("RestoreDialog", text)


def projects_filter() -> str:
    projects = QCoreApplication.translate("RestoreDialog", "dotsdesk projects")
    return f"{projects} (*.dots)"


def reason_text(backup: Backup) -> str:
    if backup.beside:
        why = backup.reason if backup.reason in ("reset", "merge") else "upgrade"
        return arg(
            QCoreApplication.translate("RestoreDialog", "%1, beside the project"), _tr(REASONS[why])
        )
    return _tr(REASONS[backup.reason]) if backup.reason in REASONS else backup.reason


class RestoreDialog(QDialog):
    def __init__(
        self,
        project: Path,
        parent: QWidget | None = None,
        *,
        damaged: bool = False,
        offer: Backup | None = None,
    ) -> None:
        """`damaged`: the project cannot be opened; `offer` is selected (its newest good
        backup)."""
        super().__init__(parent)
        self.setObjectName("restoreDialog")
        self.setWindowTitle(arg(self.tr("Restore %1 from a backup"), project.name))
        self.resize(760, 420)
        self.project = project
        self.backups = list_backups(project)
        self.target: Path | None = None  # chosen: a new file; None with `over`
        self.over = False
        layout = QVBoxLayout(self)
        if damaged:
            if offer is not None:
                text = self.tr(
                    "<b>%1 is damaged</b> and cannot be opened. The newest good backup is "
                    "selected: restore it into a new file, or over the damaged project (which "
                    "is kept beside it)."
                )
            else:
                text = self.tr(
                    "<b>%1 is damaged</b> and cannot be opened. There is no good backup of it."
                )
            warning = QLabel(arg(text, project.name))
            warning.setObjectName("damagedNote")
            warning.setWordWrap(True)
            layout.addWidget(warning)
        if self.backups:
            about = self.tr(
                "Backups of %1, newest first. dotsdesk takes them when the project is opened, "
                "every 10 minutes while you work, and before an upgrade, a merge or a REFI-QDA "
                "import; they are kept in %2."
            )
        else:
            about = self.tr("%1 has no backups yet: they are taken when it is opened.")
        intro = QLabel(arg(about, project.name, folder_for(project)))
        intro.setWordWrap(True)
        intro.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(intro)
        self.model = QStandardItemModel(0, len(COLUMNS), self)
        self.model.setHorizontalHeaderLabels([_tr(c) for c in COLUMNS])
        for backup in self.backups:
            self.model.appendRow(_row(backup))
        self.table = QTableView(self)
        self.table.setObjectName("backupTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.to_file_button = QPushButton(self.tr("Restore to a &New File…"), self)
        self.to_file_button.setObjectName("restoreToFile")
        self.over_button = QPushButton(self.tr("Restore &over the Project…"), self)
        self.over_button.setObjectName("restoreOver")
        for button in (self.to_file_button, self.over_button):
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.to_file_button.clicked.connect(self.choose_file)
        self.over_button.clicked.connect(self.choose_over)
        layout.addWidget(buttons)
        self.table.selectionModel().selectionChanged.connect(self._enable)
        if self.backups:
            chosen = offer if offer in self.backups else self.backups[0]
            self.select(chosen)
        self._enable()

    # -- choosing -------------------------------------------------------------------------
    def select(self, backup: Backup) -> None:
        self.table.selectRow(self.backups.index(backup))

    def selected(self) -> Backup | None:
        rows = self.table.selectionModel().selectedRows()
        return self.backups[rows[0].row()] if rows else None

    def choose_file(self) -> None:
        backup = self.selected()
        if backup is None:
            return
        suggested = self.project.with_name(
            arg(self.tr("%1 restored %2"), self.project.stem, f"{backup.taken:%Y-%m-%d %H%M}")
            + self.project.suffix
        )
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Restore into a new file"), str(suggested), projects_filter()
        )
        if name:
            self.restore_to(Path(name))

    def restore_to(self, target: Path) -> None:
        """Chosen: the selected backup into `target`, a new file."""
        if target.suffix != ".dots":
            target = target.with_name(target.name + ".dots")
        self.target = target
        self.over = False
        self.accept()

    def choose_over(self) -> None:
        """Chosen: the selected backup over the project (ui/backup_menu.py confirms)."""
        if self.selected() is None:
            return
        self.target, self.over = None, True
        self.accept()

    def _enable(self) -> None:
        chosen = self.selected() is not None
        self.to_file_button.setEnabled(chosen)
        self.over_button.setEnabled(chosen)


def _row(backup: Backup) -> list[QStandardItem]:
    counts = backup.counts()
    cells = [datetime_text(backup.taken), reason_text(backup)]
    if counts is None:
        cells += [QCoreApplication.translate("RestoreDialog", "cannot be read"), "", ""]
    else:
        cells += [str(counts.respondents), str(counts.segments), str(counts.posts)]
    items = [QStandardItem(text) for text in cells]
    for item in items[2:]:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    items[0].setToolTip(str(backup.path))
    return items
