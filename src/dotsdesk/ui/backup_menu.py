"""File > Save a Copy… and File > Restore from Backup…; a damaged project's offer of its
newest good backup; and the store's notices (work kept in the WAL on a full disk, a backup
that could not be taken) shown in the window instead of on a terminal nobody reads.

Copies and restores run on a worker with a progress dialog (ui/worker.py): a large project
never freezes the window. Restoring over the project closes it, restores, and reopens it.
"""

from __future__ import annotations

import contextlib
import functools
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from ..store.backups import Backup
from ..store.restore import ProjectDamaged, restore_over, restore_to
from .backup_dialog import RestoreDialog, projects_filter
from .context import ProjectContext
from .i18n import arg, datetime_text
from .worker import run_with_progress

STORE_LOGGER = "dotsdesk.store"


class _Relay(QObject):
    said = Signal(str)


class _NoticeHandler(logging.Handler):
    """Logging records that carry a notice (store/wal.py `notify`), from any thread, to the
    GUI thread through a queued signal."""

    def __init__(self, relay: _Relay) -> None:
        super().__init__(logging.WARNING)
        self._relay = relay

    def emit(self, record: logging.LogRecord) -> None:
        notice = getattr(record, "notice", None)
        if not notice:
            return
        # Not removed here when the window is gone: logging is iterating over the handlers.
        with contextlib.suppress(RuntimeError):
            self._relay.said.emit(str(notice))


class BackupActions(QObject):
    def __init__(
        self,
        window: QWidget,
        ctx: ProjectContext,
        open_project: Callable[[Path], bool],
        show_status: Callable[[str], None],
    ) -> None:
        super().__init__(window)
        self._window = window
        self._ctx = ctx
        self._open_project = open_project
        self._show_status = show_status
        self._thread: Any = None
        self.save_copy_action = QAction(self.tr("Save a &Copy…"), window)
        self.save_copy_action.setObjectName("saveCopy")
        self.save_copy_action.setToolTip(
            self.tr("One whole .dots file with everything saved so far, to copy or mail")
        )
        self.save_copy_action.triggered.connect(self.save_copy)
        self.restore_action = QAction(self.tr("Restore from &Backup…"), window)
        self.restore_action.setToolTip(
            self.tr("A backup of the project, into a new file or over it")
        )
        self.restore_action.setObjectName("restoreBackup")
        self.restore_action.triggered.connect(self.restore)
        self.actions = [self.save_copy_action, self.restore_action]
        ctx.projectChanged.connect(self._enable)
        self._enable()
        self._relay = _Relay(self)
        self._relay.said.connect(self.show_notice)
        self._handler = _NoticeHandler(self._relay)
        logger = logging.getLogger(STORE_LOGGER)
        logger.addHandler(self._handler)
        window.destroyed.connect(functools.partial(logger.removeHandler, self._handler))
        self.last_notice: str | None = None

    def detach(self) -> None:
        logging.getLogger(STORE_LOGGER).removeHandler(self._handler)

    # -- save a copy ----------------------------------------------------------------------
    def save_copy(self) -> None:
        project = self._ctx.project
        if project is None:
            return
        copy = arg(self.tr("%1 copy"), project.path.stem)
        suggested = project.path.with_name(f"{copy}{project.path.suffix}")
        name, _ = QFileDialog.getSaveFileName(
            self._window, self.tr("Save a copy of the project"), str(suggested), projects_filter()
        )
        if name:
            self.save_copy_to(Path(name))

    def save_copy_to(self, target: Path) -> None:
        project = self._ctx.project
        if project is None:
            return
        if target.suffix != ".dots":
            target = target.with_name(target.name + ".dots")
        if target.exists() and target.resolve() == project.path.resolve():
            self._error(arg(self.tr("%1: is the project itself; choose another name"), target))
            return

        def work(progress: Any) -> Path:
            return project.save_copy(target, progress=progress)

        def done(path: Path) -> None:
            self._show_status(arg(self.tr("Saved a copy of the project as %1"), path))

        self._thread = run_with_progress(
            self._window,
            arg(self.tr("Saving a copy as %1…"), target.name),
            work,
            done,
            self._failed,
        )

    # -- restore --------------------------------------------------------------------------
    def restore(self) -> None:
        project = self._ctx.project
        if project is None:
            return
        self._choose(RestoreDialog(project.path, self._window))

    def offer(self, error: ProjectDamaged) -> None:
        """A project that failed its check: its backups, the newest good one selected."""
        path = Path(str(error.path))
        self._choose(RestoreDialog(path, self._window, damaged=True, offer=error.backup))

    def _choose(self, dialog: RestoreDialog) -> None:
        if dialog.exec() != RestoreDialog.DialogCode.Accepted:
            return
        backup = dialog.selected()
        if backup is None:
            return
        if dialog.over:
            if self.confirm_over(backup, dialog.project):
                self.restore_over(backup, dialog.project)
        elif dialog.target is not None:
            self.restore_to(backup, dialog.target)

    def confirm_over(self, backup: Backup, project: Path) -> bool:
        counts = backup.counts()
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Restore over the project"),
            arg(
                self.tr("Put the backup from %1 in place of %2?"),
                datetime_text(backup.taken),
                project.name,
            ),
            QMessageBox.StandardButton.Cancel,
            self._window,
        )
        box.setObjectName("confirmRestoreOver")
        holds = ""
        if counts:
            what = self.tr("; ").join(
                (
                    self.tr("%n respondent(s)", "", counts.respondents),
                    self.tr("%n segment(s)", "", counts.segments),
                    self.tr("%n post(s)", "", counts.posts),
                )
            )
            holds = arg(self.tr("The backup holds %1."), what) + "\n"
        box.setInformativeText(
            holds
            + self.tr(
                "The project as it is now is backed up first (or, when it is damaged, kept "
                "beside it), so this too can be undone by restoring again."
            )
        )
        restore = box.addButton(self.tr("Restore"), QMessageBox.ButtonRole.DestructiveRole)
        restore.setObjectName("confirmRestoreOverYes")
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        agreed = box.clickedButton() is restore
        box.deleteLater()
        return agreed

    def restore_to(self, backup: Backup, target: Path) -> None:
        """The backup into a new file, then opened."""

        def done(path: Path) -> None:
            if self._open_project(path):
                text = self.tr("Opened the backup from %1, restored as %2")
                self._show_status(arg(text, datetime_text(backup.taken), path))

        self._thread = run_with_progress(
            self._window,
            arg(self.tr("Restoring into %1…"), target.name),
            lambda _progress: restore_to(backup, target),
            done,
            self._failed,
        )

    def restore_over(self, backup: Backup, project: Path) -> None:
        """Close the project if it is open here, restore over it, open it again."""
        current = self._ctx.project
        if current is not None and current.path.resolve() == project.resolve():
            self._ctx.close()

        def done(kept: Path | None) -> None:
            if self._open_project(project):
                when = datetime_text(backup.taken)
                if kept:
                    text = self.tr(
                        "Restored the backup from %1; the project as it was is kept as %2"
                    )
                    self._show_status(arg(text, when, kept))
                else:
                    self._show_status(arg(self.tr("Restored the backup from %1"), when))

        self._thread = run_with_progress(
            self._window,
            arg(self.tr("Restoring %1…"), project.name),
            lambda _progress: restore_over(backup, project),
            done,
            self._failed,
        )

    # -- notices --------------------------------------------------------------------------
    def show_notice(self, text: str) -> None:
        """Not modal: it may come while the window closes a project."""
        self.last_notice = text
        self._show_status(text)
        box = QMessageBox(QMessageBox.Icon.Warning, "dotsdesk", text, parent=self._window)
        box.setObjectName("storeNotice")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    def _failed(self, message: str) -> None:
        if message:  # empty: cancelled, nothing was written
            self._error(message)

    def _error(self, message: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, "dotsdesk", message, parent=self._window)
        box.setObjectName("backupError")
        box.open()

    def _enable(self) -> None:
        has_project = self._ctx.project is not None
        for action in self.actions:
            action.setEnabled(has_project)
