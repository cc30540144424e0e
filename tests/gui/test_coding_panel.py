"""The coding panel on the sample project: real widgets, real text cursor, the database
checked through the services after each step, undo and redo included."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QHelpEvent, QMouseEvent, QTextCursor
from PySide6.QtWidgets import QApplication, QMenu, QToolTip
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session

from dotsdesk.errors import NotFound
from dotsdesk.services.coding import codebook, memos, pinned
from dotsdesk.services.coding import segments as coding
from dotsdesk.services.coding.coders import get_coder
from dotsdesk.services.coding.segments import SegmentView
from dotsdesk.services.corpus import respondents
from dotsdesk.services.corpus.responses import add_response
from dotsdesk.ui.coding import CodingPanel
from dotsdesk.ui.coding.highlights import flatten
from dotsdesk.ui.coding.text_view import SELECTION_MIME
from dotsdesk.ui.context import ProjectContext, TextSelection
from dotsdesk.ui.textpos import TextPositions

# The palette is a popup; the offscreen platform says it cannot raise or grab for it.


@pytest.fixture
def panel(qtbot: QtBot, ctx: ProjectContext) -> Iterator[CodingPanel]:
    widget = CodingPanel(ctx)
    qtbot.addWidget(widget)
    widget.resize(900, 600)
    widget.show()
    qtbot.waitExposed(widget)
    yield widget


def response_of(ctx: ProjectContext, key: str, n: int = 0) -> tuple[int, str]:
    with ctx.read() as s:
        response = respondents.find_respondent(s, key).responses[n]
        return response.id, response.text


def segments(ctx: ProjectContext, response_id: int) -> list[SegmentView]:
    with ctx.read() as s:
        return coding.segments_of(s, response_id)


def code_id(ctx: ProjectContext, path: str) -> int:
    with ctx.read() as s:
        return codebook.find_code(s, path).id


def units(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def select_utf16(panel: CodingPanel, start16: int, end16: int) -> None:
    """Select as a user's drag would: Qt positions on the real text cursor."""
    cursor = panel.view.textCursor()
    cursor.setPosition(start16)
    cursor.setPosition(end16, QTextCursor.MoveMode.KeepAnchor)
    panel.view.setTextCursor(cursor)


def select_text(panel: CodingPanel, piece: str) -> tuple[int, int]:
    text = panel.view.text
    start = text.index(piece)
    select_utf16(panel, units(text[:start]), units(text[: start + len(piece)]))
    return start, start + len(piece)


def menu_action(menu: QMenu, text: str):  # type: ignore[no-untyped-def]
    found = [a for a in menu.actions() if a.text() == text]
    assert found, f"{text!r} not in {[a.text() for a in menu.actions()]}"
    return found[0]


def test_shows_chinese_and_english_responses(panel: CodingPanel, ctx: ProjectContext) -> None:
    for key, language in (("P27", "zh"), ("P08", "en")):
        rid, text = response_of(ctx, key)
        ctx.responseActivated.emit(rid)
        assert panel.view.toPlainText() == text
        header = panel.header.text()
        assert key in header and f"· {language} ·" in header
        assert "consent: granted" in header
        assert "Do you write production code" in header
        assert len(panel.view.runs) == len(flatten(segments(ctx, rid)))
    assert panel.palette_action.isEnabled()


def test_selection_with_emoji_is_emitted_in_code_points(
    qtbot: QtBot, panel: CodingPanel, ctx: ProjectContext
) -> None:
    rid, text = response_of(ctx, "P27")  # Chinese, ends with 😂
    ctx.responseActivated.emit(rid)
    start, end = text.index("好处"), len(text)
    assert text[end - 1] == "😂"
    with qtbot.waitSignal(ctx.selectionChanged) as blocker:
        select_utf16(panel, units(text[:start]), units(text))
    assert blocker.args == [TextSelection(rid, start, end)]
    assert ctx.selection == TextSelection(rid, start, end)
    assert text[start:end] == "好处是逼着自己把代码写规范了😂"
    # Both edges on surrogate pairs, in an English answer: just the 🙂.
    rid, text = response_of(ctx, "P24")
    ctx.responseActivated.emit(rid)
    at = text.index("🙂")
    select_utf16(panel, units(text[:at]), units(text[: at + 1]))
    assert ctx.selection == TextSelection(rid, at, at + 1)


def test_pinned_key_codes_the_selection_undo_redo(
    qtbot: QtBot, panel: CodingPanel, ctx: ProjectContext
) -> None:
    rid, _text = response_of(ctx, "P24")
    ctx.responseActivated.emit(rid)
    interview = code_id(ctx, "Theme/Interview")
    panel.open_palette()
    panel.palette.pin_menu(interview).actions()[2].trigger()  # "Pin to key 3"
    panel.palette.hide()
    with ctx.read() as s:
        assert pinned.get_pinned(s)[2] == interview
    assert "3" in panel.keys_label.text() and "Theme/Interview" in panel.keys_label.text()
    before = len(segments(ctx, rid))
    start, end = select_text(panel, "first job out of my master's")
    panel.view.setFocus()
    qtbot.keyClick(panel.view, Qt.Key.Key_3)
    coded = [s for s in segments(ctx, rid) if (s.start, s.end) == (start, end)]
    assert len(coded) == 1 and coded[0].code_ids == (interview,)
    assert coded[0].text == "first job out of my master's"
    assert coded[0].coder == ctx.coder
    ctx.undo_stack.undo()
    assert len(segments(ctx, rid)) == before
    ctx.undo_stack.redo()
    assert [s.code_ids for s in segments(ctx, rid) if (s.start, s.end) == (start, end)] == [
        (interview,)
    ]
    # The selection survived the refreshes, so a second key adds a second code.
    assert panel.selection() == TextSelection(rid, start, end)


def test_palette_applies_an_existing_code(
    qtbot: QtBot, panel: CodingPanel, ctx: ProjectContext
) -> None:
    rid, _text = response_of(ctx, "P27")
    ctx.responseActivated.emit(rid)
    start, end = select_text(panel, "金融行业")
    panel.palette_action.trigger()
    assert panel.palette.isVisible()
    qtbot.keyClicks(panel.palette.edit, "busimp")  # fuzzy: letters in order...
    rows = panel.palette.model.rows
    assert rows[0].code_id is None  # ...but nothing contains it: "Create" comes first
    assert rows[1].path == "Theme/Business impact"
    qtbot.keyClick(panel.palette.edit, Qt.Key.Key_Escape)  # Esc: nothing happens
    assert not panel.palette.isVisible()
    panel.palette_action.trigger()
    qtbot.keyClicks(panel.palette.edit, "role")
    qtbot.keyClick(panel.palette.edit, Qt.Key.Key_Down)  # the second match
    assert panel.palette.list.currentIndex().row() == 1
    panel.palette.edit.clear()
    qtbot.keyClicks(panel.palette.edit, "business")
    first = panel.palette.model.rows[0]
    assert first.path == "Theme/Business impact"
    qtbot.keyClick(panel.palette.edit, Qt.Key.Key_Return)
    assert not panel.palette.isVisible()
    found = [s for s in segments(ctx, rid) if (s.start, s.end) == (start, end)]
    assert [s.code_ids for s in found] == [(first.code_id,)]
    assert found[0].text == "金融行业"
    ctx.undo_stack.undo()
    assert not [s for s in segments(ctx, rid) if (s.start, s.end) == (start, end)]


def test_palette_creates_a_code_in_one_undo_step(
    qtbot: QtBot, panel: CodingPanel, ctx: ProjectContext
) -> None:
    rid, _text = response_of(ctx, "P27")
    ctx.responseActivated.emit(rid)
    start, end = select_text(panel, "好处是逼着自己把代码写规范了😂")  # coded by "sample" too
    steps = ctx.undo_stack.count()

    def mine() -> list[tuple[int, ...]]:
        return [
            s.code_ids
            for s in segments(ctx, rid)
            if (s.start, s.end, s.coder) == (start, end, ctx.coder)
        ]

    panel.palette_action.trigger()
    qtbot.keyClicks(panel.palette.edit, "Theme / Growth ")
    panel.palette.edit.insert("成长")  # QTest types ASCII only
    qtbot.keyClicks(panel.palette.edit, " / Code quality")
    assert panel.palette.model.rows[0].code_id is None  # "Create ..." comes first
    qtbot.keyClick(panel.palette.edit, Qt.Key.Key_Return)
    assert ctx.undo_stack.count() == steps + 1
    new = code_id(ctx, "Theme/Growth 成长/Code quality")
    assert mine() == [(new,)]
    ctx.undo_stack.undo()
    with ctx.read() as s, pytest.raises(NotFound):
        codebook.find_code(s, "Theme/Growth 成长")
    assert mine() == []
    ctx.undo_stack.redo()
    assert code_id(ctx, "Theme/Growth 成长/Code quality") == new
    assert mine() == [(new,)]


def test_right_click_actions_are_one_undo_step_each(
    qtbot: QtBot, panel: CodingPanel, ctx: ProjectContext
) -> None:
    rid, text = response_of(ctx, "P18")  # an outer segment with two inside it
    ctx.responseActivated.emit(rid)
    outer, inner = segments(ctx, rid)[0], segments(ctx, rid)[1]
    assert outer.start <= inner.start and inner.end <= outer.end
    paths = {cid: p for cid, p in _paths(ctx).items()}
    inner_path, outer_path = paths[inner.code_ids[0]], paths[outer.code_ids[0]]
    menu = panel.build_context_menu(inner.start + 1)
    texts = [a.text() for a in menu.actions()]
    assert f"Remove {inner_path}" in texts and f"Remove {outer_path}" in texts
    stack = ctx.undo_stack
    done = []

    # Remove the inner segment's code: the segment goes with it.
    menu_action(menu, f"Remove {inner_path}").trigger()
    assert inner.id not in [s.id for s in segments(ctx, rid)]
    assert stack.undoText() == f"Remove code {inner_path}"
    ctx.undo_stack.undo()
    assert inner.id in [s.id for s in segments(ctx, rid)]

    # Change the inner code through the palette.
    menu = panel.build_context_menu(inner.start + 1)
    menu_action(menu, f"Change {inner_path} to…").trigger()
    assert panel.palette.isVisible()
    qtbot.keyClicks(panel.palette.edit, "Role/Research")
    qtbot.keyClick(panel.palette.edit, Qt.Key.Key_Return)
    research = code_id(ctx, "Role/Research")
    assert _segment(ctx, rid, inner.id).code_ids == (research,)
    done.append(stack.undoText())

    # Edit the memo (the dialog answered for the user).
    panel.ask_memo = lambda *args: "后端同事 = backend colleague 👍"
    menu_action(panel.build_context_menu(inner.start + 1), "Add memo…").trigger()
    with ctx.read() as s:
        assert memos.get_memo(s, "segment", inner.id) == "后端同事 = backend colleague 👍"
    assert "backend colleague" in panel.tooltip_at(inner.start + 1)
    done.append(stack.undoText())

    # Widen the inner segment to a selection reaching the end of the text.
    start, end = inner.start, len(text)
    select_utf16(panel, units(text[:start]), units(text))
    menu_action(
        panel.build_context_menu(inner.start + 1), "Widen the segment to the selection"
    ).trigger()
    widened = _segment(ctx, rid, inner.id)
    assert (widened.start, widened.end, widened.text) == (start, end, text[start:end])
    done.append(stack.undoText())
    assert done == [
        f"Change code {inner_path} to Role/Research",
        "Edit segment memo",
        "Resize segment",
    ]
    assert stack.index() == stack.count() == 3  # one step each (the undone removal dropped)
    for _ in range(3):
        stack.undo()
    assert _segment(ctx, rid, inner.id) == inner


def _paths(ctx: ProjectContext) -> dict[int, str]:
    with ctx.read() as s:
        return codebook.code_paths(s)


def _segment(ctx: ProjectContext, rid: int, segment_id: int) -> SegmentView:
    return next(s for s in segments(ctx, rid) if s.id == segment_id)


def test_overlapping_highlights_blend(panel: CodingPanel, ctx: ProjectContext) -> None:
    rid, text = response_of(ctx, "P18")  # an outer segment with two inside it
    ctx.responseActivated.emit(rid)
    positions = TextPositions(text)
    runs = flatten(segments(ctx, rid))
    painted = panel.view.runs
    assert [
        (positions.to_code_point(p.start16), positions.to_code_point(p.end16)) for p in painted
    ] == [(r.start, r.end) for r in runs]
    single = next(i for i, r in enumerate(runs) if len(r.layers) == 1)
    double = next(i for i, r in enumerate(runs) if len(r.layers) == 2)
    assert painted[double].colour.lightness() < painted[single].colour.lightness()
    # What is on screen: the pixel at the top of a character of each run is its colour.
    image = panel.view.viewport().grab().toImage()
    for i in (single, double):
        cursor = QTextCursor(panel.view.document())
        cursor.setPosition(painted[i].start16 + 1)
        rect = panel.view.cursorRect(cursor)
        pixel = QColor(image.pixel(rect.left() + 2, rect.top() + 1))
        assert pixel.name() == painted[i].colour.name()
    bars = panel.view.margin.bars
    assert len(bars) == sum(len(s.code_ids) for s in segments(ctx, rid))
    # The inner segments sit beside the outer one; the two of them share a line, so they
    # get a lane each rather than bars drawn over each other.
    assert len({b.lane for b in bars}) == 3
    panel.view.margin.repaint()
    drawn = [rect for rect, _bar in panel.view.margin._drawn]
    assert len(drawn) == len(bars)
    assert not any(a.intersects(b) for i, a in enumerate(drawn) for b in drawn[i + 1 :])


def test_find_bar_counts_chinese_emoji_and_case(
    qtbot: QtBot, panel: CodingPanel, ctx: ProjectContext
) -> None:
    rid, text = response_of(ctx, "P27")
    ctx.responseActivated.emit(rid)
    panel.find_action.trigger()
    assert panel.find_bar.isVisible()
    panel.find_bar.edit.insert("上线")  # QTest types ASCII only
    assert len(panel.find_bar.matches) == text.count("上线") == 2
    assert panel.find_bar.count.text() == "1 of 2"
    qtbot.keyClick(panel.find_bar.edit, Qt.Key.Key_Return)
    assert panel.find_bar.count.text() == "2 of 2"
    second = text.index("上线", text.index("上线") + 1)
    assert ctx.selection == TextSelection(rid, second, second + 2)
    panel.find_bar.edit.setText("😂")
    assert panel.find_bar.matches == [(len(text) - 1, len(text))]
    rid, text = response_of(ctx, "P08")
    ctx.responseActivated.emit(rid)
    panel.find_bar.edit.setText("SOFTWARE ENGINEER")
    assert len(panel.find_bar.matches) == text.lower().count("software engineer") == 2
    panel.find_bar.edit.setText("no such words")
    assert panel.find_bar.count.text() == "No matches"
    panel.find_bar.close_bar()
    assert not panel.find_bar.isVisible()


def test_response_memo_and_translation(panel: CodingPanel, ctx: ProjectContext) -> None:
    rid, _text = response_of(ctx, "P18")
    ctx.responseActivated.emit(rid)
    panel.ask_memo = lambda *args: "Ask P18 about the code review 流程"
    panel.response_memo_action.trigger()
    with ctx.read() as s:
        assert memos.get_memo(s, "response", rid) == "Ask P18 about the code review 流程"
    assert "memo" in panel.header.text()
    segment = segments(ctx, rid)[1]
    path = _paths(ctx)[segment.code_ids[0]]
    panel.ask_memo = lambda *args: "Reviews by a backend colleague"
    menu_action(panel.build_context_menu(segment.start), f"Memo on the code {path}…").trigger()
    with ctx.read() as s:
        assert memos.get_memo(s, "code", segment.code_ids[0]) == "Reviews by a backend colleague"
    panel.ask_memo = lambda *args: None  # Cancel changes nothing
    steps = ctx.undo_stack.count()
    panel.response_memo_action.trigger()
    assert ctx.undo_stack.count() == steps
    # It has a translation: shown beside it by itself (Edit > Preferences), hidden on request.
    assert panel.translation.isVisible() and panel.translation_action.isChecked()
    assert panel.translation.text.toPlainText().startswith("It depends on the stage.")
    assert panel.translation.languages.currentText() == "en"
    panel.translation_action.trigger()
    assert not panel.translation.isVisible()
    panel.translation_action.trigger()
    assert panel.translation.isVisible()
    # A response without one: no empty half, and nothing to show.
    ctx.responseActivated.emit(response_of(ctx, "P08")[0])
    assert not panel.translation.isVisible() and not panel.translation_action.isEnabled()


def test_segment_activated_selects_and_scrolls(
    qtbot: QtBot, panel: CodingPanel, ctx: ProjectContext
) -> None:
    panel.resize(500, 260)
    rid, _text = response_of(ctx, "P13")  # a long answer
    last = segments(ctx, rid)[-1]
    ctx.segmentActivated.emit(rid, last.id)
    assert ctx.selection == TextSelection(rid, last.start, last.end)
    rect = panel.view.cursorRect()
    assert panel.view.viewport().rect().contains(rect.center())
    # A refresh (an unrelated code is applied elsewhere) keeps scroll and selection.
    scroll = panel.view.verticalScrollBar().value()
    assert scroll > 0
    other, _ = response_of(ctx, "P01")
    ctx.apply_codes([code_id(ctx, "Role/Research")], TextSelection(other, 0, 5))
    ctx.apply_codes([code_id(ctx, "Role/Research")], TextSelection(rid, last.start, last.end))
    assert panel.view.verticalScrollBar().value() == scroll
    assert panel.selection() == TextSelection(rid, last.start, last.end)


def test_margin_bar_click_selects_its_segment(
    qtbot: QtBot, panel: CodingPanel, ctx: ProjectContext
) -> None:
    rid, _text = response_of(ctx, "P18")
    ctx.responseActivated.emit(rid)
    panel.view.margin.repaint()
    inner = segments(ctx, rid)[1]
    rect = next(r for r, bar in panel.view.margin._drawn if bar.segment_id == inner.id)
    qtbot.mouseClick(panel.view.margin, Qt.MouseButton.LeftButton, pos=rect.center())
    assert ctx.selection == TextSelection(rid, inner.start, inner.end)
    assert "Theme/" in panel.tooltip_for_segment(inner.id)


def _drag(panel: CodingPanel, start: int, end: int, alt: bool = False) -> None:
    """A mouse drag over code points [start, end) on the real viewport."""
    view = panel.view
    positions = view.positions
    cursor = QTextCursor(view.document())
    points = []
    for offset in (start, end):
        cursor.setPosition(positions.to_utf16(offset))
        rect = view.cursorRect(cursor)
        points.append(QPointF(rect.left() + 1, rect.center().y()))
    mods = Qt.KeyboardModifier.AltModifier if alt else Qt.KeyboardModifier.NoModifier
    left, none = Qt.MouseButton.LeftButton, Qt.MouseButton.NoButton
    for kind, point, buttons in (
        (QEvent.Type.MouseButtonPress, points[0], left),
        (QEvent.Type.MouseMove, points[1], left),
        (QEvent.Type.MouseButtonRelease, points[1], none),
    ):
        global_point = QPointF(view.viewport().mapToGlobal(point.toPoint()))
        event = QMouseEvent(kind, point, global_point, left, buttons, mods)
        QApplication.sendEvent(view.viewport(), event)


def test_snap_to_words_latin_only_and_alt_exact(panel: CodingPanel, ctx: ProjectContext) -> None:
    rid, text = response_of(ctx, "P21")  # Chinese with English words in it
    ctx.responseActivated.emit(rid)
    panel.snap_action.trigger()
    assert panel.view.snap_words
    at = text.index("pipeline")
    _drag(panel, at + 2, at + 5)
    assert panel.selection() == TextSelection(rid, at, at + len("pipeline"))
    _drag(panel, 0, 1)  # a press inside a selection would drag it, so select elsewhere first
    _drag(panel, at + 2, at + 5, alt=True)
    assert panel.selection() == TextSelection(rid, at + 2, at + 5)
    zh = text.index("模型训练")
    _drag(panel, 0, 1)
    _drag(panel, zh + 1, zh + 3)  # Chinese: no word edges, nothing swallowed
    assert panel.selection() == TextSelection(rid, zh + 1, zh + 3)


def test_clears_when_the_project_closes(panel: CodingPanel, ctx: ProjectContext) -> None:
    rid, _text = response_of(ctx, "P01")
    ctx.responseActivated.emit(rid)
    ctx.close()
    assert panel.shown is None and panel.view.toPlainText() == ""
    assert not panel.palette_action.isEnabled()


def test_fifty_thousand_characters_with_500_highlights(
    qtbot: QtBot, panel: CodingPanel, ctx: ProjectContext, record_property: object
) -> None:
    """Correct highlights on a long mixed text; the time is printed, not judged."""
    pieces = [
        "We moved the model to production 🚀 and ",
        "数据科学家的工作其实很杂，",
        "👩‍💻 café\u0301 ",
    ]
    paragraph = "".join(pieces * 12)
    text = "\n".join([paragraph] * (50_000 // (len(paragraph) + 1) + 1))[:50_000]
    research = code_id(ctx, "Role/Research")
    hybrid = code_id(ctx, "Role/Hybrid")

    def build(s: Session) -> int:
        who = respondents.add_respondent(s, "long").id
        response = add_response(s, who, text, language="en")
        coder = get_coder(s, "bench").id
        spans = [(response.id, i * 100, i * 100 + 60) for i in range(500)]
        coding.add_segments(s, spans[::2], [research], coder)
        coding.add_segments(s, [(r, a + 30, b + 30) for r, a, b in spans[1::2]], [hybrid], coder)
        return response.id

    rid = ctx.run("long response", build)
    assert rid is not None
    t0 = time.perf_counter()
    ctx.responseActivated.emit(rid)
    panel.view.viewport().repaint()
    elapsed = (time.perf_counter() - t0) * 1000
    record_property("show_50k_500_ms", round(elapsed, 1))
    print(f"\nshow a 50,000-character response with 500 segments: {elapsed:.1f} ms")
    assert len(panel.view.toPlainText()) == 50_000
    assert len(panel.view.runs) == len(flatten(segments(ctx, rid)))


def test_keys_reach_the_panel_from_the_text(
    qtbot: QtBot, panel: CodingPanel, ctx: ProjectContext
) -> None:
    rid, _text = response_of(ctx, "P27")
    ctx.responseActivated.emit(rid)
    panel.view.setFocus()
    qtbot.keyClick(panel.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert panel.find_bar.isVisible()
    steps = ctx.undo_stack.count()
    qtbot.keyClick(panel.find_bar.edit, Qt.Key.Key_1)  # typed into the find bar, not a code
    assert panel.find_bar.edit.text() == "1"
    assert ctx.undo_stack.count() == steps
    qtbot.keyClick(panel.find_bar.edit, Qt.Key.Key_Escape)
    assert not panel.find_bar.isVisible()
    panel.view.setFocus()
    qtbot.keyClick(panel.view, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert panel.palette.isVisible()
    assert panel.palette.title.text().startswith("Nothing is selected")
    panel.palette.hide()
    qtbot.keyClick(panel.view, Qt.Key.Key_5)  # nothing pinned there: a status, no change
    assert ctx.undo_stack.count() == steps


def test_mouse_position_maps_to_the_character_under_it(
    panel: CodingPanel, ctx: ProjectContext
) -> None:
    rid, text = response_of(ctx, "P27")
    ctx.responseActivated.emit(rid)
    view = panel.view
    for offset in (text.index("😂"), text.index("金"), 0):
        cursor = QTextCursor(view.document())
        cursor.setPosition(view.positions.to_utf16(offset))
        left = view.cursorRect(cursor)
        cursor.setPosition(view.positions.to_utf16(offset + 1))
        right = view.cursorRect(cursor)
        if right.top() != left.top():
            continue  # the character ends a wrapped line
        middle = QPoint((left.left() + right.left()) // 2, left.center().y())
        assert view.code_point_at(middle) == offset


def test_dragged_selection_says_where_it_came_from(panel: CodingPanel, ctx: ProjectContext) -> None:
    rid, _text = response_of(ctx, "P27")
    ctx.responseActivated.emit(rid)
    start, end = select_text(panel, "写规范了😂")
    data = panel.view.createMimeDataFromSelection()
    assert data.text() == "写规范了😂"
    payload = json.loads(bytes(data.data(SELECTION_MIME)).decode())
    assert payload == {"response_id": rid, "start": start, "end": end}


def test_carriage_returns_keep_offsets(panel: CodingPanel, ctx: ProjectContext) -> None:
    text = "第一行 line\r\nsecond 🚀 line\r\n第三行 with 数据"

    def build(s: Session) -> int:
        who = respondents.add_respondent(s, "crlf").id
        return add_response(s, who, text, language="zh").id

    rid = ctx.run("add", build)
    assert rid is not None
    ctx.responseActivated.emit(rid)
    start, end = select_text(panel, "🚀 line\r\n第三")
    assert ctx.selection == TextSelection(rid, start, end)
    assert text[start:end] == "🚀 line\r\n第三"
    ctx.apply_codes([code_id(ctx, "Theme/Transition")])
    assert [s.text for s in segments(ctx, rid)] == ["🚀 line\r\n第三"]


def test_hover_shows_codes_coder_and_memo(
    qtbot: QtBot, panel: CodingPanel, ctx: ProjectContext
) -> None:
    rid, _text = response_of(ctx, "P18")
    ctx.responseActivated.emit(rid)
    inner = segments(ctx, rid)[1]
    ctx.run("memo", lambda s: memos.set_memo(s, "segment", inner.id, "ask about <review>"))
    view = panel.view
    cursor = QTextCursor(view.document())
    cursor.setPosition(view.positions.to_utf16(inner.start + 2))
    rect = view.cursorRect(cursor)
    point = QPoint(rect.left() + 3, rect.center().y())
    event = QHelpEvent(QEvent.Type.ToolTip, point, view.viewport().mapToGlobal(point))
    QApplication.sendEvent(view.viewport(), event)
    tip = QToolTip.text()
    assert "Theme/Code review" in tip and "Role/Hybrid" in tip  # inner first, then outer
    assert tip.index("Theme/Code review") < tip.index("Role/Hybrid")
    assert "coder: sample" in tip and "ask about &lt;review&gt;" in tip
