"""The Coded Segments view's rows on paper and in files: print (to a printer or a PDF), the
coded-excerpts report in Word (the analysis' report, for the chosen codes and population) and
the rows as listed in Excel."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog

from ...errors import DotsError
from ...exporters.docx.excerpts import export_excerpts_docx
from ...exporters.xlsx.retrieved import export_retrieved_xlsx
from ...services.coding.retrieval import segment_contexts
from ...services.corpus.turns import segment_times
from ..i18n import arg
from ..transfer_words import excel_filter, word_filter

if TYPE_CHECKING:
    from .view import RetrievePanel


class RetrieveOutput:
    def __init__(self, panel: RetrievePanel) -> None:
        self.panel = panel
        self.last_written: Path | None = None

    def _rows(self) -> list[int]:
        """The selected rows, or every row listed when none is selected."""
        return self.panel.selected_rows() or list(range(len(self.panel.model.rows)))

    def _title(self) -> str:
        codes = "; ".join(dict.fromkeys(c for r in self.panel.model.rows for c in r.codes))
        return arg(QCoreApplication.translate("RetrieveOutput", "Coded segments: %1"), codes or "—")

    # -- print ----------------------------------------------------------------------------
    def choose_printer(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self.panel)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.print_to(printer)

    def print_to(self, printer: QPrinter) -> int:
        """Print the selected rows (all rows when none is selected); returns how many."""
        rows = self._rows()
        doc = QTextDocument()
        doc.setDefaultFont(self.panel.font())
        doc.setHtml(self.panel.model.as_html(rows, self._title()))
        doc.print_(printer)
        return len(rows)

    # -- Word and Excel -------------------------------------------------------------------
    def choose_word(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self.panel,
            QCoreApplication.translate("RetrieveOutput", "Export coded excerpts to Word"),
            "",
            word_filter(),
        )
        if name:
            self.write_word(Path(name).with_suffix(".docx"))

    def write_word(self, target: Path) -> int | None:
        """The coded-excerpts report for the chosen codes over the view's population (an
        internal document: every excerpt, its label and attributes)."""
        panel = self.panel
        codes = panel.codes.checked()
        if panel.ctx.project is None or not codes:
            return None
        try:
            with panel.ctx.read() as s:
                written, _withheld = export_excerpts_docx(
                    s, target, title=self._title(), code_ids=codes, population=panel.population
                )
        except DotsError as exc:
            panel.ctx.error.emit(str(exc))
            return None
        return self._done(target, written)

    def choose_excel(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self.panel,
            QCoreApplication.translate("RetrieveOutput", "Export coded segments to Excel"),
            "",
            excel_filter(),
        )
        if name:
            self.write_excel(Path(name).with_suffix(".xlsx"))

    def write_excel(self, target: Path) -> int | None:
        """The rows as listed (sorted and filtered), with their contexts."""
        panel = self.panel
        model = panel.model
        if panel.ctx.project is None:
            return None
        try:
            with panel.ctx.read() as s:
                contexts = segment_contexts(s, model.rows, model.unit)
                times = segment_times(s)
            written = export_retrieved_xlsx(
                target,
                model.rows,
                contexts,
                model.attributes,
                model.attribute_names,
                numeric=panel.numeric,
                times=times,
            )
        except DotsError as exc:
            panel.ctx.error.emit(str(exc))
            return None
        return self._done(target, written)

    def _done(self, target: Path, written: int) -> int:
        self.last_written = target
        text = QCoreApplication.translate(
            "RetrieveOutput", "Wrote %n segment(s) to %1", "", written
        )
        self.panel.ctx.status.emit(arg(text, target.name))
        return written
