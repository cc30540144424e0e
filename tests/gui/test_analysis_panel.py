"""The analysis panel on the real sample project: tables, heat tint, sorting, copying, the
crosstab's attribute, charts saved as PNG and SVG, and a recount after coding."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QGuiApplication

from dotsdesk.services.coding import segments as coding
from dotsdesk.services.coding.codebook import find_code
from dotsdesk.ui.analysis import AnalysisPanel
from dotsdesk.ui.analysis.models import tint


def _column(panel_table, title: str) -> list[object]:  # type: ignore[no-untyped-def]
    model = panel_table.source
    at = [c.title for c in model.columns].index(title)
    return [row[at] for row in model.rows]


def test_tables_follow_the_sample(qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    panel = AnalysisPanel(ctx)
    qtbot.addWidget(panel)
    panel.show()
    codes = [str(c).strip() for c in _column(panel.frequencies, "Code")]
    percents = dict(zip(codes, _column(panel.frequencies, "% of respondents"), strict=True))
    assert (percents["Research"], percents["Engineering"], percents["Hybrid"]) == (20.0, 20.0, 60.0)

    panel.tabs.setCurrentIndex(1)  # each tab counts when first shown
    panel.attribute.setCurrentText("Company size")
    table = panel.crosstab.source
    assert [c.title for c in table.columns][:4] == ["Code", "n", "large company", "% of column"]
    research = next(r for r in table.rows if r[0] == "Role/Research")
    assert research[-2:] == [6, 20.0]  # (all): 6 respondents, 20% of the column
    assert table.rows[-1][0] == "Base (n)"

    # the heat tint: the largest count is the strongest, zero has none
    model = panel.crosstab.source
    biggest = max(v for r in model.rows[:-1] for v in r[2::2])
    assert tint(biggest, model.largest) is not None and tint(0, model.largest) is None

    panel.tabs.setCurrentIndex(2)
    panel.unit.setCurrentText("respondent")
    matrix = panel.cooccurrence.source
    names = [c.title for c in matrix.columns][1:]
    hybrid = next(r for r in matrix.rows if r[0] == "Role/Hybrid")
    assert hybrid[1 + names.index("Theme/Transition")] == 4
    assert panel.words.source.rows == []  # not counted until shown
    panel.tabs.setCurrentIndex(3)
    qtbot.waitUntil(lambda: bool(panel.words.source.rows))  # counted on a worker thread
    assert panel.words.source.rows[0][0] == "research"


def test_sorting_copying_and_contexts(qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    panel = AnalysisPanel(ctx)
    qtbot.addWidget(panel)
    panel.show()
    view = panel.frequencies
    column = [c.title for c in view.source.columns].index("Segments")
    view.sortByColumn(column, Qt.SortOrder.DescendingOrder)
    top = view.proxy.index(0, 0).data()
    assert top.strip() == "Hybrid"  # 18 segments, the most of any code
    # Through the selection model: selectRow() reads the keyboard's modifiers, which key
    # presses of an earlier test can leave looking held (Ctrl would toggle instead).
    flags = QItemSelectionModel.SelectionFlag
    view.selectionModel().select(view.proxy.index(0, 0), flags.ClearAndSelect | flags.Rows)
    text = view.copy()
    assert text.startswith("    Hybrid\t18") and QGuiApplication.clipboard().text() == text

    panel.tabs.setCurrentIndex(3)
    qtbot.waitUntil(lambda: bool(panel.words.source.rows))
    panel.show_contexts(panel.words.proxy.index(0, 0))
    assert panel.contexts.count() == 31  # "research", as counted
    assert "【research】" in panel.contexts.item(0).text().lower()


def test_charts_save_as_png_and_svg(qtbot, ctx, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    panel = AnalysisPanel(ctx)
    qtbot.addWidget(panel)
    panel.show()
    for tab, title in ((0, "Respondents per code"), (1, "Role by "), (3, "Most frequent words")):
        panel.tabs.setCurrentIndex(tab)
        qtbot.waitUntil(lambda t=title: panel.chart.title.startswith(t))  # type: ignore[misc]
    panel.tabs.setCurrentIndex(1)
    panel.attribute.setCurrentText("Company size")
    assert panel.chart.title == "Role by Company size"
    png, svg = tmp_path / "chart.png", tmp_path / "chart.svg"
    panel.chart.save(png)
    panel.chart.save(svg)
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert b"<svg" in svg.read_bytes()[:500]


def test_recounts_after_coding(qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    panel = AnalysisPanel(ctx)
    qtbot.addWidget(panel)
    panel.show()

    def segments(name: str) -> int:
        codes = [str(c).strip() for c in _column(panel.frequencies, "Code")]
        return int(_column(panel.frequencies, "Segments")[codes.index(name)])  # type: ignore[arg-type]

    before = segments("Research")
    with ctx.read() as s:
        research = find_code(s, "Role/Research").id
    ctx.run("Code", lambda s: coding.code_span(s, 1, 0, 3, [research], coder="Tess Coder"))
    assert segments("Research") == before  # not inside the action's own frame
    qtbot.waitUntil(lambda: segments("Research") == before + 1)  # once the burst is over


def test_the_panel_follows_the_browsers_filter(qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    from dotsdesk.services.browser.query import BrowseQuery
    from dotsdesk.ui.browser.panel import ResponseBrowser

    browser = ResponseBrowser(ctx)
    panel = AnalysisPanel(ctx)
    for widget in (browser, panel):
        qtbot.addWidget(widget)
    browser.queryChanged.connect(panel.set_filter)  # as the main window connects them
    panel.show()
    assert panel.population_label.text() == "All respondents"
    base = panel.frequencies.source.rows[0][3]  # Role, with sub-codes: everyone
    assert base == 30

    browser.set_query(BrowseQuery(attributes={"Company size": frozenset({"large company"})}))
    label = panel.population_label.text()
    assert "12 respondents" in label and "Company size: large company" in label
    codes = [str(c).strip() for c in _column(panel.frequencies, "Code")]
    people = dict(zip(codes, _column(panel.frequencies, "With sub-codes"), strict=True))
    assert (people["Role"], people["Research"]) == (12, 3)  # the post's 3 of 12 large ones
    # Sorting the browser is no new population: nothing recounts.
    rows = panel.frequencies.source.rows
    browser.set_query(replace(browser.query(), descending=True))
    assert panel.frequencies.source.rows is rows
    browser.clear_filters()
    assert panel.population_label.text() == "All respondents"
    assert panel.frequencies.source.rows[0][3] == 30


def test_a_cell_lists_its_segments_and_shows_one_in_the_coding_view(qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    panel = AnalysisPanel(ctx)
    qtbot.addWidget(panel)
    panel.show()
    codes = [str(c).strip() for c in _column(panel.frequencies, "Code")]
    research = codes.index("Research")
    own = [c.title for c in panel.frequencies.source.columns].index("Segments")
    cell = panel.frequencies.index_of(research, own)
    panel.frequencies.clicked.emit(cell)
    assert panel.cells.model.rowCount() == 6
    assert panel.cells.title.text() == "Role/Research: 6 segments from 6 respondents"

    panel.tabs.setCurrentIndex(1)
    panel.attribute.setCurrentText("Company size")
    table = panel.crosstab.source
    row = next(i for i, r in enumerate(table.rows) if r[0] == "Role/Research")
    column = [c.title for c in table.columns].index("large company")
    panel.crosstab.clicked.emit(panel.crosstab.index_of(row, column))
    assert panel.cells.model.rowCount() == table.rows[row][column] == 3
    assert "Role/Research, Company size: large company" in panel.cells.title.text()

    panel.tabs.setCurrentIndex(2)
    panel.unit.setCurrentText("respondent")
    matrix = panel.cooccurrence.source
    row = next(i for i, r in enumerate(matrix.rows) if r[0] == "Role/Hybrid")
    column = [c.title for c in matrix.columns].index("Theme/Transition")
    panel.cooccurrence.clicked.emit(panel.cooccurrence.index_of(row, column))
    listed = panel.cells.model.rows
    assert len({s.respondent for s in listed}) == matrix.rows[row][column] == 4

    first = panel.cells.model.rows[0]
    with qtbot.waitSignal(ctx.segmentActivated) as shown:
        panel.cells.view.doubleClicked.emit(panel.cells.model.index(0, 2))
    assert shown.args == [first.response_id, first.segment_id]


def test_words_are_counted_without_freezing_the_window(qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    panel = AnalysisPanel(ctx)
    qtbot.addWidget(panel)
    panel.show()
    panel.tabs.setCurrentIndex(3)
    # Back from setCurrentIndex at once: the count runs on a thread, the busy bar shows.
    assert panel.words_counting() and panel.busy.isVisible()
    assert panel.words.source.rows == []
    qtbot.waitUntil(lambda: not panel.words_counting() and bool(panel.words.source.rows))
    assert not panel.busy.isVisible()
    assert panel.chart.title == "Most frequent words"
    # Coding does not change the words: no recount.
    rows = panel.words.source.rows
    with ctx.read() as s:
        research = find_code(s, "Role/Research").id
    ctx.run("Code", lambda s: coding.code_span(s, 1, 0, 3, [research], coder="Tess Coder"))
    assert not panel.words_counting() and panel.words.source.rows is rows


def test_reports_from_the_panel(qtbot, ctx, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import docx
    import openpyxl

    panel = AnalysisPanel(ctx)
    qtbot.addWidget(panel)
    panel.show()
    panel.tabs.setCurrentIndex(1)
    panel.attribute.setCurrentText("Company size")
    target = tmp_path / "分析.xlsx"
    panel.reports.export_excel(target)
    qtbot.waitUntil(lambda: panel.reports.last_written == target, timeout=30000)
    sheets = openpyxl.load_workbook(target, read_only=True).sheetnames
    assert "Crosstab Company size" in sheets and "Segments" in sheets
    book = tmp_path / "codebook.docx"
    panel.reports.export_codebook(book)
    qtbot.waitUntil(lambda: panel.reports.last_written == book, timeout=30000)
    assert len(docx.Document(str(book)).inline_shapes) == 3  # per code, Role and Theme by size


def test_in_the_window_a_double_click_brings_the_segment_forward(  # type: ignore[no-untyped-def]
    qtbot, sample_path: Path, tmp_path: Path, monkeypatch
) -> None:
    from dotsdesk.services.browser.query import BrowseQuery
    from dotsdesk.ui.main_window import MainWindow

    monkeypatch.setenv("DOTSDESK_SETTINGS", str(tmp_path / "settings.ini"))
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    assert window.open_project(sample_path)
    window.docks["analysisPanel"].raise_()
    panel = window.analysis
    qtbot.waitUntil(lambda: bool(panel.frequencies.source.rows))
    # The window connects the browser's filter to the panel.
    window.browser.set_query(BrowseQuery(attributes={"Company size": frozenset({"small company"})}))
    assert "8 respondents" in panel.population_label.text()
    codes = [str(c).strip() for c in _column(panel.frequencies, "Code")]
    cell = panel.frequencies.index_of(codes.index("Hybrid"), 0)
    panel.frequencies.clicked.emit(cell)
    row = panel.cells.model.rows[0]
    assert window.docks["codingPanel"].visibleRegion().isEmpty()  # behind the Analysis tab
    panel.cells.view.doubleClicked.emit(panel.cells.model.index(0, 0))
    assert not window.docks["codingPanel"].visibleRegion().isEmpty()  # brought forward
    shown = window.coding.shown
    assert shown is not None and shown.id == row.response_id
    window.close()
