"""The sample project from the window: open it as it is, or reset it after asking.

"Open the sample project" writes the sample only when there is none; after that it opens the
file as the user left it (imports, codes, consent, drafts). "Reset sample project…" builds a
fresh sample, says what the user's copy has that a fresh one does not, asks, and keeps a backup
copy before replacing it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from ..demo import FreshSample, default_sample_path, sample_counts, what_a_reset_loses, write_sample
from ..errors import DotsError
from ..services.counts import ProjectCounts, project_counts
from .context import ProjectContext
from .i18n import arg


class SampleProject:
    def __init__(
        self,
        parent: QWidget,
        ctx: ProjectContext,
        open_project: Callable[[Path], bool],
        show_error: Callable[[str], None],
        show_status: Callable[[str], None],
    ) -> None:
        self._parent = parent
        self._ctx = ctx
        self._open_project = open_project
        self._show_error = show_error
        self._show_status = show_status

    @staticmethod
    def path() -> Path:
        return default_sample_path()

    def is_open(self) -> bool:
        project = self._ctx.project
        return project is not None and project.path.resolve() == self.path().resolve()

    def open(self) -> bool:
        """Open the sample as it is; write it first only when there is none."""
        if self.is_open():
            return True
        path = self.path()
        if not path.exists():
            try:
                with _busy():
                    write_sample(path, replace=False)
            except DotsError as exc:
                self._show_error(str(exc))
                return False
        return self._open_project(path)

    def reset(self) -> bool:
        """Replace the sample with a fresh one, if the user agrees after reading what goes;
        a backup copy of the old one is kept beside it. True when it was replaced."""
        path = self.path()
        if not path.exists():
            return self.open()
        try:
            with _busy():
                fresh = FreshSample(path)
        except DotsError as exc:
            self._show_error(str(exc))
            return False
        try:
            if not self._confirm(path, fresh.counts):
                return False
            was_open = self.is_open()
            if was_open:
                self._ctx.close()  # the file is replaced, not edited: nothing to undo
            try:
                backup = fresh.install()
            except DotsError as exc:
                self._show_error(
                    arg(
                        QCoreApplication.translate(
                            "SampleProject", "%1\nThe sample project was not reset."
                        ),
                        exc,
                    )
                )
                if was_open:
                    self._open_project(path)
                return False
        finally:
            fresh.discard()
        opened = self._open_project(path)
        if opened and backup is not None:
            self._show_status(
                arg(
                    QCoreApplication.translate(
                        "SampleProject", "Reset the sample project; the old one is kept as %1"
                    ),
                    backup.name,
                )
            )
        return opened

    def _current_counts(self, path: Path) -> ProjectCounts | None:
        try:
            if self.is_open():
                with self._ctx.read() as s:
                    return project_counts(s)
            return sample_counts(path)
        except DotsError:
            return None

    def _confirm(self, path: Path, fresh: ProjectCounts) -> bool:
        now = self._current_counts(path)
        if now is None:
            lost = [
                QCoreApplication.translate(
                    "SampleProject", "The sample project cannot be read; it is replaced as it is."
                )
            ]
        else:
            lines = what_a_reset_loses(now, fresh)
            lost = [
                QCoreApplication.translate(
                    "SampleProject", "What you did in it will be gone from the sample project:"
                ),
                *(f"• {line}" for line in lines),
                QCoreApplication.translate(
                    "SampleProject",
                    "• and the changes these numbers do not show: consent recorded, codes "
                    "renamed or recoloured, memos, drafts edited",
                )
                if lines
                else QCoreApplication.translate(
                    "SampleProject",
                    "• every change you made: consent recorded, codes renamed or recoloured, "
                    "memos, drafts edited",
                ),
            ]
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            QCoreApplication.translate("SampleProject", "Reset the sample project"),
            QCoreApplication.translate(
                "SampleProject", "Replace the sample project with a fresh copy?"
            ),
            QMessageBox.StandardButton.Cancel,
            self._parent,
        )
        box.setObjectName("resetSampleConfirm")
        box.setInformativeText(
            "\n".join(
                [
                    *lost,
                    "",
                    arg(
                        QCoreApplication.translate(
                            "SampleProject", "A backup copy of it is kept first, beside it: %1"
                        ),
                        path.parent,
                    ),
                ]
            )
        )
        reset = box.addButton(
            QCoreApplication.translate("SampleProject", "Reset"),
            QMessageBox.ButtonRole.DestructiveRole,
        )
        reset.setObjectName("resetSampleYes")
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        agreed = box.clickedButton() is reset
        box.deleteLater()
        return agreed


class _busy:
    """A wait cursor while the sample is built (about half a second)."""

    def __enter__(self) -> None:
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)

    def __exit__(self, *_exc: object) -> None:
        QApplication.restoreOverrideCursor()
