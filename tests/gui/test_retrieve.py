"""Coded Segments as a researcher meets it in the window: choose codes, follow the browser's
filter, filter and sort by an attribute, double-click to the coding view, copy, print to
PDF, Word and Excel read back."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest
from docx import Document
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtPrintSupport import QPrinter

from dotsdesk.services.browser.query import BrowseQuery
from dotsdesk.services.coding.codebook import find_code
from dotsdesk.services.coding.retrieval import ContextUnit
from dotsdesk.ui.main_window import MainWindow
from dotsdesk.ui.retrieve.model import CONTEXT, HTML_ROLE

SHOTS = os.environ.get("DOTSDESK_SHOTS")  # a folder: grab the views as PNGs to look at


@pytest.fixture
def window(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, sample_path: Path
) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("DOTSDESK_SETTINGS", str(tmp_path / "settings.ini"))
    w = MainWindow()
    qtbot.addWidget(w)
    w.show()
    assert w.open_project(sample_path)
    yield w
    w.close()


def _code_id(w: MainWindow, path: str) -> int:
    with w.ctx.read() as s:
        return find_code(s, path).id


def test_retrieve_filter_jump_copy_print_export(window: MainWindow, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    w = window
    dock = w.docks["retrievePanel"]
    assert dock in w.tabifiedDockWidgets(w.docks["codingPanel"])  # a tab beside Coding
    research = _code_id(w, "Role/Research")
    w.codebook.select_code(_code_id(w, "Role"))
    w.workbench.retrieve_action.trigger()  # Codes > Retrieve: the codebook's code, sub-codes on
    panel = w.workbench.retrieve
    qtbot.waitUntil(lambda: panel.isVisible())
    model = panel.model
    everyone = len(model.rows)
    assert everyone > 20 and "all respondents" in panel.summary.text()
    assert {c.split("/")[0] for r in model.rows for c in r.codes} == {"Role"}
    # Only Research, without sub-codes of Role: fewer rows, every one Research.
    panel.codes.check([research])
    assert {r.codes for r in model.rows} == {("Role/Research",)}
    researchers = len(model.rows)
    # The coded words are bold inside their sentence.
    html = model.index(0, CONTEXT).data(HTML_ROLE)
    seg = model.rows[0]
    context = model.context(0)
    assert context is not None and context.segment in model.index(0, CONTEXT).data()
    assert "<b " in html and len(context.text) >= seg.end - seg.start
    # The browser's filter is the population.
    w.browser.set_query(BrowseQuery(attributes={"Company size": frozenset({"large company"})}))
    qtbot.waitUntil(lambda: "filtered as the browser" in panel.summary.text())
    large = {r.respondent for r in model.rows}
    assert 0 < len(large) < researchers
    w.browser.clear_filters()
    qtbot.waitUntil(lambda: len(model.rows) == researchers)
    # Filter by an attribute, then sort by it.
    panel.attribute.setCurrentIndex(panel.attribute.findData("Company size"))
    panel.value.setCurrentIndex(panel.value.findData("large company"))
    assert {r.respondent for r in model.rows} == large
    panel.attribute.setCurrentIndex(0)
    assert len(model.rows) == researchers
    column = 3 + model.attribute_names.index("Company size")
    panel.table.sortByColumn(column, Qt.SortOrder.DescendingOrder)
    assert model.index(0, column).data() >= model.index(len(model.rows) - 1, column).data()
    # A double-click shows the segment in the coding view.
    target = model.rows[2]
    with qtbot.waitSignal(w.ctx.segmentActivated) as shown:
        panel.table.doubleClicked.emit(model.index(2, 0))
    assert shown.args == [target.response_id, target.segment_id]
    assert not w.docks["codingPanel"].visibleRegion().isEmpty()  # brought forward
    assert w.coding.shown is not None and w.coding.shown.id == target.response_id
    dock.raise_()
    # Ctrl+C copies the selected rows with their labels.
    panel.table.selectRow(0)
    panel.table.setFocus()
    qtbot.keyClick(panel.table, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    copied = QGuiApplication.clipboard().text()
    lines = copied.splitlines()
    assert lines[0].startswith("Respondent\tCodes\tCoded words\tContext")
    assert lines[1].startswith(model.rows[0].respondent + "\tRole/Research\t")
    # Print (to a PDF).
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    pdf = tmp_path / "segments.pdf"
    printer.setOutputFileName(str(pdf))
    panel.table.clearSelection()
    assert panel.output.print_to(printer) == researchers
    assert pdf.read_bytes().startswith(b"%PDF") and pdf.stat().st_size > 2000
    # Word: the coded-excerpts report of these codes.
    assert panel.output.write_word(tmp_path / "excerpts.docx") == researchers
    text = "\n".join(p.text for p in Document(str(tmp_path / "excerpts.docx")).paragraphs)
    assert "Role/Research" in text and model.rows[0].respondent in text
    # Excel: the rows as listed, with their context and the attributes.
    assert panel.output.write_excel(tmp_path / "segments.xlsx") == researchers
    sheet = openpyxl.load_workbook(tmp_path / "segments.xlsx")["Coded segments"]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:5] == ("Respondent", "Question", "Codes", "Segment", "Context")
    assert "Company size" in rows[0] and len(rows) == researchers + 1
    assert sheet.auto_filter.ref and sheet.freeze_panes == "B2"
    first = model.rows[0]
    assert rows[1][0] == first.respondent and rows[1][3] in rows[1][4]
    if SHOTS:
        dock.resize(1000, 640)
        panel.grab().save(str(Path(SHOTS) / "retrieve.png"))


def test_the_model_reads_contexts_a_page_at_a_time(window: MainWindow) -> None:
    panel = window.workbench.retrieve
    window.workbench.show_retrieve()
    with window.ctx.read() as s:
        from dotsdesk.services.coding.codebook import list_codes

        every = [c.id for c in list_codes(s, respondents=False)]
    panel.codes.check(every)
    model = panel.model
    assert len(model.rows) > 50
    model.page = 20
    model.set_unit(ContextUnit.PARAGRAPH)  # forgets the contexts read so far
    assert model.loaded_rows() <= 20  # at most the page the view repaints
    assert model.context(len(model.rows) - 1) is not None
    assert model.loaded_rows() <= 20 + len(model.rows) % 20 < len(model.rows)


def test_a_layout_saved_before_the_tab_existed_gets_it_beside_coding(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, sample_path: Path
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QByteArray

    from dotsdesk.ui.settings import app_settings

    monkeypatch.setenv("DOTSDESK_SETTINGS", str(tmp_path / "settings.ini"))
    first = MainWindow()
    qtbot.addWidget(first)
    first.show()
    assert first.open_project(sample_path)
    first.close()
    # The state as an older dotsdesk saved it: no dock of that name.
    settings = app_settings()
    state = bytes(settings.value("windowState").data())
    old = "retrievePanel".encode("utf-16-be")
    assert old in state
    settings.setValue(
        "windowState", QByteArray(state.replace(old, "retrieveOther".encode("utf-16-be")))
    )
    settings.sync()
    w = MainWindow()
    qtbot.addWidget(w)
    w.show()
    assert w.open_project(sample_path)
    qtbot.waitUntil(lambda: bool(w.tabifiedDockWidgets(w.docks["retrievePanel"])))
    assert w.docks["codingPanel"] in w.tabifiedDockWidgets(w.docks["retrievePanel"])
    w.close()
