"""File > Merge a Colleague's Copy…: their segments and memos come into the open project.

The copy is read and merged on a worker thread behind a progress dialog (Cancel rolls the
merge back); the project is backed up first; the merge is one transaction and one undo
step; a summary says what matched and what found no place.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from ..services.coding.colleague import read_copy
from ..services.coding.merge import MergeReport, merge_copy
from ..store import Project
from ..store.backup import make_backup
from .context import ProjectContext
from .worker import run_with_progress

FILE_FILTER = "dotsdesk projects (*.dots)"


class MergeCopy:
    def __init__(self, parent: QWidget, ctx: ProjectContext) -> None:
        self.parent = parent
        self.ctx = ctx
        self.last_report: MergeReport | None = None
        self.last_backup: Path | None = None
        self._thread: Any = None

    def choose(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self.parent, "Merge a colleague's copy", "", FILE_FILTER
        )
        if name:
            self.merge(Path(name))

    def merge(self, source: Path) -> None:
        project = self.ctx.project
        if project is None:
            return
        if source.exists() and source.resolve() == project.path.resolve():
            self.ctx.error.emit(f"{source}: is the project itself; choose the colleague's copy")
            return
        label = f"Merge {source.name}"

        def work(progress: Any) -> Any:
            with Project.open(source, readonly=True) as theirs, theirs.read() as s:
                copy = read_copy(s)
            progress(0, 5)
            backup = make_backup(project.path, "merge")
            try:
                report, step = project.record(lambda s: merge_copy(s, copy, progress))
            except BaseException:
                backup.unlink(missing_ok=True)  # nothing changed: the copy is not needed
                raise
            if step.empty:
                backup.unlink(missing_ok=True)
                backup = None
            return report, step, backup

        def done(result: Any) -> None:
            report, step, backup = result
            self.last_report, self.last_backup = report, backup
            self.ctx.adopt(label, step)
            self._summary(source, report, backup)

        self._thread = run_with_progress(
            self.parent, f"Merging {source.name}…", work, done, self._failed
        )

    def _summary(self, source: Path, report: MergeReport, backup: Path | None) -> None:
        if report.changed:
            text = f"Merged {source.name}: {report.segments.added} segment(s) added."
        else:
            text = f"This project already holds everything in {source.name}."
        box = QMessageBox(QMessageBox.Icon.Information, "Merge", text, parent=self.parent)
        box.setObjectName("mergeSummary")
        lines = report.lines()
        if backup is not None:
            lines.append(f"the project as it was before is kept as {backup.name}")
        box.setInformativeText("\n".join(lines[:4]))
        box.setDetailedText("\n".join(lines))
        box.show()
        self.ctx.status.emit(text)

    def _failed(self, message: str) -> None:
        if message:
            self.ctx.error.emit(message)
        else:
            self.ctx.status.emit("Merge cancelled; nothing was changed")

