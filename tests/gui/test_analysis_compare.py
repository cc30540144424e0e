"""Two coders on the sample: the Agreement tab, the comparison view side by side, and
"Keep …" accepting one version, one undo step each, undone and redone."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCharFormat

from dotsdesk.services.analysis.compare import compare_response
from dotsdesk.services.coding import segments as coding
from dotsdesk.services.coding.codebook import ensure_code
from dotsdesk.services.corpus.respondents import add_respondent
from dotsdesk.services.corpus.responses import add_response
from dotsdesk.services.sample import SAMPLE_CODER
from dotsdesk.ui.analysis import AnalysisPanel
from dotsdesk.ui.analysis.compare import KEEP_FIRST, KEEP_SECOND, CompareView
from dotsdesk.ui.analysis.panel import AGREEMENT
from dotsdesk.ui.textpos import to_utf16

TEXT = "我是数据科学家 👩‍💻, I write production code every day."
WORD = TEXT.index("production")


def _second_coder(ctx) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    """A response coded by the sample's coder and by bob, who coded less of it."""

    def make(s):  # type: ignore[no-untyped-def]
        person = add_respondent(s, "two-coders", label="P77")
        rid = add_response(s, person.id, TEXT, question="Q").id
        code = ensure_code(s, "Theme/Production").id
        coding.code_span(s, rid, 0, WORD + len("production code"), [code], coder=SAMPLE_CODER)
        coding.code_span(s, rid, 0, 7, [code], coder="bob")
        return rid, code

    found = ctx.run("setup", make)
    ctx.undo_stack.clear()
    return found


def _bobs(ctx, rid: int) -> list[str]:  # type: ignore[no-untyped-def]
    with ctx.read() as s:
        return [v.text for v in coding.segments_of(s, rid) if v.coder == "bob"]


def test_accept_in_compare_is_one_undo_step(qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    rid, _code = _second_coder(ctx)
    panel = AnalysisPanel(ctx)
    qtbot.addWidget(panel)
    panel.show()
    panel.tabs.setCurrentIndex(AGREEMENT)
    tab = panel.agreement
    tab.first.setCurrentText(SAMPLE_CODER)
    tab.second.setCurrentText("bob")
    assert tab.computing() and tab.note.text() == f"Compare {SAMPLE_CODER} and bob…"  # a thread
    qtbot.waitUntil(lambda: not tab.computing() and tab.report is not None)
    assert tab.report is not None and tab.report.responses == 1
    assert tab.compare_button.isEnabled()
    # Double-click the disagreement: the comparison opens at it.
    index = tab.disagreements.proxy.index(0, 0)
    tab.disagreements.doubleClicked.emit(index)
    view: CompareView = tab.compare_view  # type: ignore[assignment]
    assert view is not None and view.isVisible()
    qtbot.addWidget(view)
    assert view.shown is not None and view.shown.response_id == rid
    [d] = view.model.rows
    assert d.coded_by == SAMPLE_CODER and d.text == TEXT[7 : WORD + len("production code")]
    # Both panes show the text; the disagreement is underlined in both, bob's pane
    # uncoloured there, the sample coder's pane tinted (UTF-16 positions past the emoji).
    first, second = (view.panes[c][1] for c in (SAMPLE_CODER, "bob"))
    assert first.toPlainText() == second.toPlainText() == TEXT
    at = to_utf16(TEXT, WORD) + 1
    for pane, coloured in ((first, True), (second, False)):
        fmt = _format_at(pane, at)
        assert fmt.underlineStyle() == QTextCharFormat.UnderlineStyle.WaveUnderline
        assert (fmt.background().style() != Qt.BrushStyle.NoBrush) is coloured
    assert view.model.index(0, KEEP_SECOND).data() == "Keep bob's"

    # One click on "Keep <sample>'s": bob gains the stretch, as one undo step.
    before = ctx.undo_stack.count()
    view.table.clicked.emit(view.model.index(0, KEEP_FIRST))
    assert ctx.undo_stack.count() == before + 1
    assert _bobs(ctx, rid) == [TEXT[: WORD + len("production code")]]
    assert view.model.rows == [] and "agree" in view.about.text()
    ctx.undo_stack.undo()
    assert _bobs(ctx, rid) == [TEXT[:7]]
    assert len(view.model.rows) == 1  # the view follows the undo

    # Or keep bob's: the sample coder's segment is cut back to bob's, one step again.
    view.table.clicked.emit(view.model.index(0, KEEP_SECOND))
    assert ctx.undo_stack.count() == before + 1  # the undone step was replaced
    with ctx.read() as s:
        assert compare_response(s, rid, SAMPLE_CODER, "bob").agrees
        mine = [v.text for v in coding.segments_of(s, rid) if v.coder == SAMPLE_CODER]
    assert mine == [TEXT[:7]]
    ctx.undo_stack.undo()
    ctx.undo_stack.redo()
    assert view.model.rows == []
    view.close()


def _format_at(pane, position: int) -> QTextCharFormat:  # type: ignore[no-untyped-def]
    cursor = pane.textCursor()
    cursor.setPosition(position)
    return cursor.charFormat()


def test_one_coder_says_how_to_get_a_second(qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    panel = AnalysisPanel(ctx)
    qtbot.addWidget(panel)
    panel.show()
    panel.tabs.setCurrentIndex(AGREEMENT)
    assert "Merge a Colleague's Copy" in panel.agreement.note.text()
    assert panel.agreement.open_compare() is None
