"""Import and export from the window: dialogs in front, the work on a worker thread.

An import is one transaction (cancelling rolls it back) and one undo step.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QCheckBox, QFileDialog, QMessageBox, QWidget

from ..exporters.post import POST_SUFFIXES
from ..importers import (
    DOCUMENT_SUFFIXES,
    TABLE_SUFFIXES,
    ImportOptions,
    ImportReport,
    TranscriptOptions,
    import_file,
)
from .context import ProjectContext
from .i18n import arg
from .import_summary import import_summary
from .transfer_words import (
    TransferWords,
    chosen_suffix,
    excel_filter,
    exporting,
    import_filter,
    post_filter,
    refi_filter,
)
from .worker import run_with_progress


class Transfers:
    def __init__(self, parent: QWidget, ctx: ProjectContext) -> None:
        self.parent = parent
        self.ctx = ctx
        self.last_reports: list[ImportReport] = []
        self._thread: Any = None
        self.last_post_export: Path | None = None

    # -- import ---------------------------------------------------------------------------
    def choose_import(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(
            self.parent, TransferWords.tr("Import"), "", import_filter()
        )
        if names:
            self.import_paths([Path(n) for n in names])

    def import_paths(self, paths: list[Path]) -> None:
        """Tables go through the preview dialog one by one, and so do transcripts with
        speakers (to choose the interviewer); other documents go straight in."""
        from ..services.corpus.respondents import respondent_keys
        from .import_dialog import ImportDialog
        from .transcript_dialog import TranscriptDialog

        documents = [p for p in paths if p.suffix.lower() in DOCUMENT_SUFFIXES]
        known: frozenset[str] = frozenset()
        if self.ctx.project is not None:
            with self.ctx.read() as s:
                known = frozenset(respondent_keys(s))
        for table in (p for p in paths if p.suffix.lower() in TABLE_SUFFIXES):
            dialog = ImportDialog(table, self.parent, known)
            if dialog.exec():
                self.run_import([table], dialog.options())
        plain = []
        for document in documents:
            speakers = TranscriptDialog.for_file(document, self.parent)
            if speakers is None:
                plain.append(document)
            elif speakers.exec():
                self.run_import([document], ImportOptions(), speakers.options())
        documents = plain
        others = [p for p in paths if p.suffix.lower() not in DOCUMENT_SUFFIXES | TABLE_SUFFIXES]
        if documents or others:
            # Unknown types are refused by import_file with a message naming the file.
            self.run_import(documents + others, ImportOptions())

    def run_import(
        self,
        paths: list[Path],
        options: ImportOptions,
        transcript: TranscriptOptions | None = None,
    ) -> None:
        project = self.ctx.project
        if project is None or not paths:
            return
        if any(p.suffix.lower() in (".qdpx", ".qdc") for p in paths):
            project.backup_before("refi")  # pinned now; copied beside the import
        if len(paths) > 1:
            label = arg(TransferWords.tr("Import %1 and %2 more"), paths[0].name, len(paths) - 1)
        else:
            label = arg(TransferWords.tr("Import %1"), paths[0].name)

        def work(progress: Any) -> Any:
            return project.record(
                lambda s: [import_file(s, p, options, progress, transcript) for p in paths]
            )

        def done(result: Any) -> None:
            reports, step = result
            self.last_reports = reports
            self.ctx.adopt(label, step)
            text = "\n".join(line for r in reports for line in r.lines())
            finished = arg(TransferWords.tr("%1: done"), label)
            counts = import_summary(reports)
            self.ctx.status.emit(f"{finished} {counts.splitlines()[0]}" if counts else finished)
            box = QMessageBox(
                QMessageBox.Icon.Information,
                TransferWords.tr("Import"),
                finished,
                parent=self.parent,
            )
            box.setInformativeText(counts)
            box.setDetailedText(text)
            box.setObjectName("importSummary")
            box.show()

        self._thread = run_with_progress(
            self.parent,
            arg(TransferWords.tr("Importing %1…"), paths[0].name),
            work,
            done,
            self._failed,
        )

    # -- export ---------------------------------------------------------------------------
    def choose_export(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self.parent, TransferWords.tr("Export to Excel"), "segments.xlsx", excel_filter()
        )
        if name:
            self.export_to(Path(name if name.lower().endswith(".xlsx") else name + ".xlsx"))

    def export_to(self, target: Path) -> None:
        from ..exporters.xlsx.segments import export_segments_workbook

        project = self.ctx.project
        if project is None:
            return

        def work(progress: Any) -> int:
            with project.read() as s:
                return export_segments_workbook(s, target, progress)

        def done(rows: int) -> None:
            self.ctx.status.emit(
                arg(TransferWords.tr("Wrote %1: %n segment row(s)", "", rows), target.name)
            )

        self._thread = run_with_progress(self.parent, exporting(target), work, done, self._failed)

    def choose_refi_export(self) -> None:
        """A .qdpx project or .qdc codebook for NVivo, ATLAS.ti, MAXQDA, QualCoder, Taguette;
        for a project, whether to include private identity (unticked unless asked)."""
        name, chosen = QFileDialog.getSaveFileName(
            self.parent, TransferWords.tr("Export to REFI-QDA"), "project.qdpx", refi_filter()
        )
        if not name:
            return
        target = Path(name)
        if target.suffix.lower() not in (".qdpx", ".qdc"):
            target = target.with_name(target.name + chosen_suffix(chosen, ".qdpx"))
        identity = False
        if target.suffix.lower() == ".qdpx":
            box = QMessageBox(
                QMessageBox.Icon.Question,
                TransferWords.tr("Export to REFI-QDA"),
                arg(
                    TransferWords.tr(
                        "Export the project to %1? Respondents appear by their labels."
                    ),
                    target.name,
                ),
                QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel,
                self.parent,
            )
            check = QCheckBox(
                TransferWords.tr("Include private identity (names, contacts) as case variables")
            )
            box.setCheckBox(check)
            if box.exec() != QMessageBox.StandardButton.Ok:
                return
            identity = check.isChecked()
        self.export_refi_to(target, with_identity=identity)

    def export_refi_to(self, target: Path, *, with_identity: bool = False) -> None:
        from ..exporters.refi import export_refi
        from ..services.exchange_ids import ensure_exchange_namespace

        project = self.ctx.project
        if project is None:
            return
        # Made once per project, before the worker's read-only session: the GUIDs every
        # export of this project shares. Not an edit, so kept out of the undo history.
        namespace = self.ctx.record_quietly(ensure_exchange_namespace)
        if namespace is None:
            return

        def work(progress: Any) -> Any:
            with project.read() as s:
                return export_refi(
                    s,
                    target,
                    namespace,
                    name=project.path.stem,
                    with_identity=with_identity,
                    progress=progress,
                )

        def done(result: Any) -> None:
            self.ctx.status.emit(result.summary().replace(str(target), target.name, 1))

        self._thread = run_with_progress(self.parent, exporting(target), work, done, self._failed)

    def choose_register_export(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self.parent,
            TransferWords.tr("Export consent register (holds private identity)"),
            "consent-register.xlsx",
            excel_filter(),
        )
        if name:
            self.export_register_to(
                Path(name if name.lower().endswith(".xlsx") else name + ".xlsx")
            )

    def export_register_to(self, target: Path) -> None:
        """The register with history; the one export with private identity, and its first
        sheet says so."""
        from ..exporters.xlsx.register import export_consent_register

        project = self.ctx.project
        if project is None:
            return

        def work(_progress: Any) -> int:
            with project.read() as s:
                return export_consent_register(s, target)

        def done(people: int) -> None:
            text = TransferWords.tr(
                "Wrote %1: %n respondent(s). It holds private identity: keep it within the "
                "research team",
                "",
                people,
            )
            self.ctx.status.emit(arg(text, target.name))

        self._thread = run_with_progress(self.parent, exporting(target), work, done, self._failed)

    # -- posts ----------------------------------------------------------------------------
    def choose_post_export(self, post_id: int | None) -> None:
        """Save dialog (.docx, .md or .html by the chosen name), then for Word whether to
        attach a reviewer's comment to each quote."""
        if post_id is None:
            self.ctx.status.emit(TransferWords.tr("Choose a post in the Draft panel first"))
            return
        name, chosen = QFileDialog.getSaveFileName(
            self.parent, TransferWords.tr("Export post"), "post.docx", post_filter()
        )
        if not name:
            return
        target = Path(name)
        if target.suffix.lower() not in POST_SUFFIXES:
            target = target.with_name(target.name + chosen_suffix(chosen, ".docx"))
        comments = False
        if target.suffix.lower() == ".docx":
            box = QMessageBox(
                QMessageBox.Icon.Question,
                TransferWords.tr("Export post"),
                arg(TransferWords.tr("Export the post to %1?"), target.name),
                QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel,
                self.parent,
            )
            check = QCheckBox(
                TransferWords.tr("Attach a Word comment to each quote saying where it comes from")
            )
            check.setToolTip(
                TransferWords.tr(
                    "For reviewers: respondent label, response, codes and consent; never identity"
                )
            )
            box.setCheckBox(check)
            if box.exec() != QMessageBox.StandardButton.Ok:
                return
            comments = check.isChecked()
        self.export_post_to(post_id, target, comments, False)

    def export_post_to(
        self,
        post_id: int,
        target: Path,
        comments: bool = False,
        placeholders: bool = False,
        accept_figures: bool = False,
    ) -> None:
        """Write the post on the worker, through the consent gate and the figures' check. A
        refusal lists the blocked quotes (offering placeholders) or the changed figures
        (offering to export them); what is written becomes the figures' baseline."""
        from ..exporters.post import export_post
        from ..services.composer.figures import FiguresChanged
        from ..services.consent.gate import QuotesBlocked

        project = self.ctx.project
        if project is None:
            return
        suffix = target.suffix.lower()
        if suffix not in POST_SUFFIXES:
            self.ctx.error.emit(
                arg(TransferWords.tr("%1: export a post to .docx, .md or .html"), target.name)
            )
            return

        def work(_progress: Any) -> Any:
            with project.read() as s:
                try:
                    return export_post(
                        s,
                        post_id,
                        target,
                        comments=comments and suffix == ".docx",
                        placeholders=placeholders,
                        accept_figures=accept_figures,
                    )
                except (QuotesBlocked, FiguresChanged) as exc:
                    return exc  # the GUI thread asks what to do

        def done(result: Any) -> None:
            if isinstance(result, QuotesBlocked):
                self.last_post_export = None
                self._offer_placeholders(post_id, target, comments, accept_figures, result)
                return
            if isinstance(result, FiguresChanged):
                self.last_post_export = None
                self._offer_new_figures(post_id, target, comments, placeholders, result)
                return
            self._record_exported(result)
            self.last_post_export = target
            withheld = len(result.blocked)
            if withheld:
                text = TransferWords.tr(
                    "Wrote %1; %n quote(s) replaced with placeholders", "", withheld
                )
            else:
                text = TransferWords.tr("Wrote %1")
            self.ctx.status.emit(arg(text, target.name))

        self._thread = run_with_progress(self.parent, exporting(target), work, done, self._failed)

    def _record_exported(self, tree: Any) -> None:
        """The figures just written become the ones later changes are reported against;
        bookkeeping, not an edit, so it stays out of the undo history (see `record_quietly`)."""
        from ..model import BaselineKind
        from ..services.composer.figures import record_figures

        self.ctx.record_quietly(lambda s: record_figures(s, tree, BaselineKind.EXPORTED))

    def _offer_placeholders(
        self, post_id: int, target: Path, comments: bool, accept_figures: bool, refused: Any
    ) -> None:
        self._offer_retry(
            "postExportBlocked",
            arg(
                TransferWords.tr(
                    "%n quote(s) are blocked by the consent gate, so %1 was not written.",
                    "",
                    len(refused.decisions),
                ),
                target.name,
            ),
            [d.message for d in refused.decisions],
            (TransferWords.tr("Replace with placeholders"), "replaceWithPlaceholders"),
            lambda: self.export_post_to(post_id, target, comments, True, accept_figures),
        )

    def _offer_new_figures(
        self, post_id: int, target: Path, comments: bool, placeholders: bool, refused: Any
    ) -> None:
        self._offer_retry(
            "postExportFiguresChanged",
            arg(
                TransferWords.tr(
                    "%n figure(s) changed since the post was last exported or its figures "
                    "accepted, so %1 was not written.",
                    "",
                    len(refused.changes),
                ),
                target.name,
            ),
            [str(change) for change in refused.changes],
            (TransferWords.tr("Export the new figures"), "exportNewFigures"),
            lambda: self.export_post_to(post_id, target, comments, placeholders, True),
        )

    def _offer_retry(
        self,
        name: str,
        text: str,
        reasons: list[str],
        button: tuple[str, str],
        retry: Callable[[], None],
    ) -> None:
        """Say why the post was not written, and offer the one way to write it anyway."""
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            TransferWords.tr("Export post"),
            text,
            QMessageBox.StandardButton.Cancel,
            self.parent,
        )
        box.setObjectName(name)
        box.setInformativeText("\n".join(f"• {reason}" for reason in reasons))
        accept = box.addButton(button[0], QMessageBox.ButtonRole.AcceptRole)
        accept.setObjectName(button[1])

        def answered(clicked: Any) -> None:
            if clicked is accept:
                retry()

        box.buttonClicked.connect(answered)
        box.open()  # not exec: the window (and a test) carries on while it is shown

    def _failed(self, message: str) -> None:
        if message:  # empty: the user cancelled, and nothing changed
            self.ctx.error.emit(message)
        else:
            self.ctx.status.emit(TransferWords.tr("Cancelled; nothing was changed"))
