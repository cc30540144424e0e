"""File > Restore from Backup…: a project's backups, newest first, with when and why each was
taken and what it holds; restore one into a new file, or over the project.

The dialog only chooses; ui/backup_menu.py does the restoring (on a worker) and reopens.
Opened for a damaged project, it says so and selects the newest good backup.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
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

COLUMNS = ("Taken", "Why", "Respondents", "Segments", "Posts")
FILE_FILTER = "dotsdesk projects (*.dots)"


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
        self.setWindowTitle(f"Restore {project.name} from a backup")
        self.resize(760, 420)
        self.project = project
        self.backups = list_backups(project)
        self.target: Path | None = None  # chosen: a new file; None with `over`
        self.over = False
        layout = QVBoxLayout(self)
        if damaged:
            warning = QLabel(
                f"<b>{project.name} is damaged</b> and cannot be opened. "
                + (
                    "The newest good backup is selected: restore it into a new file, or "
                    "over the damaged project (which is kept beside it)."
                    if offer is not None
                    else "There is no good backup of it."
                )
            )
            warning.setObjectName("damagedNote")
            warning.setWordWrap(True)
            layout.addWidget(warning)
        intro = QLabel(
            f"Backups of {project.name}, newest first. dotsdesk takes them when the project "
            "is opened, every 10 minutes while you work, and before an upgrade, a merge or a "
            f"REFI-QDA import; they are kept in {folder_for(project)}."
            if self.backups
            else f"{project.name} has no backups yet: they are taken when it is opened."
        )
        intro.setWordWrap(True)
        intro.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(intro)
        self.model = QStandardItemModel(0, len(COLUMNS), self)
        self.model.setHorizontalHeaderLabels(list(COLUMNS))
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
        self.to_file_button = QPushButton("Restore to a &New File…", self)
        self.to_file_button.setObjectName("restoreToFile")
        self.over_button = QPushButton("Restore &over the Project…", self)
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
            f"{self.project.stem} restored {backup.taken:%Y-%m-%d %H%M}{self.project.suffix}"
        )
        name, _ = QFileDialog.getSaveFileName(
            self, "Restore into a new file", str(suggested), FILE_FILTER
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
    cells = [f"{backup.taken:%Y-%m-%d %H:%M:%S}", backup.label]
    if counts is None:
        cells += ["cannot be read", "", ""]
    else:
        cells += [str(counts.respondents), str(counts.segments), str(counts.posts)]
    items = [QStandardItem(text) for text in cells]
    for item in items[2:]:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    items[0].setToolTip(str(backup.path))
    return items
