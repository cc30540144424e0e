"""File > Merge a Colleague's Copy…: their segments and memos come into the open project.

The copy is read and merged on a worker thread behind a progress dialog (Cancel rolls the
merge back); a merge that changes something takes a backup of the project as it was (listed
with the rolling backups) before it commits; the merge is one transaction and one undo step;
a summary says what matched and what found no place.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget
from sqlalchemy.orm import Session

from ..services.coding.colleague import read_copy
from ..services.coding.merge import MergeReport, merge_copy
from ..store import Project
from .backup_dialog import projects_filter
from .context import ProjectContext
from .i18n import arg
from .worker import run_with_progress


class MergeWords(QObject):
    """The translation context of this module's words (MergeWords.tr)."""


class MergeCopy:
    def __init__(self, parent: QWidget, ctx: ProjectContext) -> None:
        self.parent = parent
        self.ctx = ctx
        self.last_report: MergeReport | None = None
        self.last_backup: Path | None = None
        self._thread: Any = None

    def choose(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self.parent, MergeWords.tr("Merge a colleague's copy"), "", projects_filter()
        )
        if name:
            self.merge(Path(name))

    def merge(self, source: Path) -> None:
        project = self.ctx.project
        if project is None:
            return
        here = project.path
        if isinstance(here, Path) and source.exists() and source.resolve() == here.resolve():
            text = MergeWords.tr("%1: is the project itself; choose the colleague's copy")
            self.ctx.error.emit(arg(text, source))
            return
        label = arg(MergeWords.tr("Merge %1"), source.name)

        def work(progress: Any) -> Any:
            with Project.open(source, readonly=True) as theirs, theirs.read() as s:
                copy = read_copy(s)
            progress(0, 5)
            taken: list[Path] = []

            def action(s: Session) -> MergeReport:
                report = merge_copy(s, copy, progress)
                if report.changed:
                    # Before the commit: the backup reads the project as it was (a reader
                    # does not see this uncommitted transaction). Nothing new, no backup.
                    s.flush()
                    backup = project.backups.take_now("merge") if project.backups else None
                    taken.extend([backup] if backup is not None else [])
                return report

            report, step = project.record(action)
            return report, step, taken[0] if taken else None

        def done(result: Any) -> None:
            report, step, backup = result
            self.last_report, self.last_backup = report, backup
            self.ctx.adopt(label, step)
            self._summary(source, report, backup)

        self._thread = run_with_progress(
            self.parent,
            arg(MergeWords.tr("Merging %1…"), source.name),
            work,
            done,
            self._failed,
        )

    def _summary(self, source: Path, report: MergeReport, backup: Path | None) -> None:
        if report.changed:
            added = MergeWords.tr("Merged %1: %n segment(s) added.", "", report.segments.added)
            text = arg(added, source.name)
        else:
            text = arg(MergeWords.tr("This project already holds everything in %1."), source.name)
        box = QMessageBox(
            QMessageBox.Icon.Information, MergeWords.tr("Merge"), text, parent=self.parent
        )
        box.setObjectName("mergeSummary")
        lines = report.lines()
        if backup is not None:
            lines.append(
                arg(MergeWords.tr("the project as it was before is kept as %1"), backup.name)
            )
        box.setInformativeText("\n".join(lines[:4]))
        box.setDetailedText("\n".join(lines))
        box.show()
        self.ctx.status.emit(text)

    def _failed(self, message: str) -> None:
        if message:
            self.ctx.error.emit(message)
        else:
            self.ctx.status.emit(MergeWords.tr("Merge cancelled; nothing was changed"))
