"""Interview transcripts in the coding panel: speaker and time beside each turn, the
interviewer's turns shaded, the turn outline, jump to a time, a click on a speaker selecting
the turn; a two-hour transcript as well. Real project files, real widgets."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QColor, QHelpEvent
from PySide6.QtWidgets import QApplication, QToolTip
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from dotsdesk.importers import import_file
from dotsdesk.model import Response
from dotsdesk.services.corpus.respondents import add_respondent
from dotsdesk.services.corpus.responses import add_response
from dotsdesk.services.corpus.turns import TurnView, turns_of
from dotsdesk.store import Project
from dotsdesk.ui.coding import CodingPanel
from dotsdesk.ui.context import ProjectContext, TextSelection
from tests.data.transcripts.make_transcripts import long_otter
from tests.paths import DATA


@pytest.fixture
def project_path(tmp_path: Path) -> Path:
    long_file = tmp_path / "two-hours.txt"
    long_file.write_text(long_otter(), encoding="utf-8")
    path = tmp_path / "t.dots"
    with Project.create(path) as p, p.write() as s:
        for name in ("otter.txt", "colon_en.txt"):
            import_file(s, DATA / "transcripts" / name)
        import_file(s, long_file)
        person = add_respondent(s, "S1")
        add_response(s, person.id, "A survey answer 🙂 without turns.", question="Why?")
    return path


@pytest.fixture
def ctx(qtbot: QtBot, project_path: Path) -> Iterator[ProjectContext]:
    context = ProjectContext()
    context.open(project_path)
    yield context
    context.close()


@pytest.fixture
def panel(qtbot: QtBot, ctx: ProjectContext) -> Iterator[CodingPanel]:
    widget = CodingPanel(ctx)
    qtbot.addWidget(widget)
    widget.resize(1000, 700)
    widget.show()
    qtbot.waitExposed(widget)
    yield widget


def show(ctx: ProjectContext, source: str) -> tuple[int, list[TurnView]]:
    with ctx.read() as s:
        rid = s.scalar(select(Response.id).where(Response.source == source))
        assert rid is not None
        turns = turns_of(s, rid)
    ctx.responseActivated.emit(rid)
    return rid, turns


def test_speaker_and_time_beside_each_turn(panel: CodingPanel, ctx: ProjectContext) -> None:
    show(ctx, "otter.txt")
    gutter = panel.view.turn_gutter
    assert gutter.isVisible() and gutter.width() > 40
    assert [(m.label, m.time, m.kind) for m in gutter.marks] == [
        ("Interviewer", "0:03", "interviewer"),
        ("Interviewee 1", "0:09", "own"),
        ("Interviewer", "1:02", "interviewer"),
        ("Interviewee 1", "1:05", "own"),
        ("Interviewer", "1:02:03", "interviewer"),
        ("Interviewee 1", "1:02:09", "own"),
    ]
    panel.view.viewport().repaint()
    gutter.repaint()
    assert len(gutter._painted) == 6  # every turn is on screen, each got its label
    assert "6 turns, 3 by Interviewee 1" in panel.header.text()
    # Names never reach the panel: labels only.
    assert "Alex" not in panel.header.text() + "".join(m.label for m in gutter.marks)


def test_the_interviewers_turns_are_shaded(panel: CodingPanel, ctx: ProjectContext) -> None:
    _rid, turns = show(ctx, "otter.txt")
    view = panel.view
    image = view.viewport().grab().toImage()
    base = view.palette().base().color()

    def right_edge_colour(turn: TurnView) -> QColor:
        block = view.document().findBlock(view.positions.to_utf16(turn.start))
        rect = view.blockBoundingGeometry(block).translated(view.contentOffset())
        return image.pixelColor(view.viewport().width() - 4, int(rect.center().y()))

    assert right_edge_colour(turns[0]) != base  # the interviewer: shaded
    assert right_edge_colour(turns[1]) == base  # the respondent: as any answer


def test_outline_and_jump_to_time(qtbot: QtBot, panel: CodingPanel, ctx: ProjectContext) -> None:
    _rid, turns = show(ctx, "otter.txt")
    outline = panel.transcript.outline
    assert outline.isVisible() and outline.model.rowCount() == 6
    first = outline.model.data(outline.model.index(0))
    said = "Thanks for joining. Do you write production code as a data scientist?"
    assert first == f"0:03  Interviewer: {said}"  # the whole turn: it is short enough
    panel.transcript.jump_action.trigger()  # Ctrl+T
    assert outline.time_box.hasFocus()
    outline.time_box.setText("1:03")  # in the turn that starts at 1:02
    qtbot.keyClick(outline.time_box, Qt.Key.Key_Return)
    cursor = panel.view.textCursor()
    assert panel.view.positions.to_code_point(cursor.position()) == turns[2].start
    outline.time_box.setText("soon")
    qtbot.keyClick(outline.time_box, Qt.Key.Key_Return)
    assert outline.problem.isVisible() and "not a time" in outline.problem.text()
    outline.list.clicked.emit(outline.model.index(3))
    cursor = panel.view.textCursor()
    assert panel.view.positions.to_code_point(cursor.position()) == turns[3].start


def test_a_click_on_a_speaker_selects_the_turn_for_coding(
    qtbot: QtBot, panel: CodingPanel, ctx: ProjectContext
) -> None:
    rid, turns = show(ctx, "otter.txt")
    gutter = panel.view.turn_gutter
    panel.view.viewport().repaint()
    gutter.repaint()
    rect, turn_id = gutter._painted[3]  # after a turn with emoji and Chinese
    assert turn_id == turns[3].id
    with qtbot.waitSignal(ctx.selectionChanged):
        qtbot.mouseClick(gutter, Qt.MouseButton.LeftButton, pos=rect.center())
    assert ctx.selection == TextSelection(rid, turns[3].start, turns[3].end)
    assert panel.view.textCursor().selectedText() == "From code review 🙂. 面试的时候也考系统设计。"


def test_a_survey_answer_has_no_turn_tools(panel: CodingPanel, ctx: ProjectContext) -> None:
    show(ctx, "otter.txt")
    with ctx.read() as s:
        rid = s.scalar(select(Response.id).where(Response.source.is_(None)))
    ctx.responseActivated.emit(rid)
    assert panel.view.turn_gutter.width_hint() == 0 and not panel.view.turn_gutter.marks
    assert not panel.transcript.outline.isVisible()
    assert not panel.transcript.jump_action.isVisible()
    assert panel.view.toPlainText() == "A survey answer 🙂 without turns."


def test_a_note_and_the_turn_it_interrupts(panel: CodingPanel, ctx: ProjectContext) -> None:
    _rid, _turns = show(ctx, "colon_en.txt")
    kinds = [(m.label, m.kind) for m in panel.view.turn_gutter.marks]
    assert kinds == [
        ("Interviewer", "interviewer"),
        ("Interviewee 2", "own"),
        ("Note", "note"),
        ("Interviewee 2", "own"),
        ("Interviewer", "interviewer"),
    ]
    assert all(m.time == "" for m in panel.view.turn_gutter.marks)
    assert not panel.transcript.jump_action.isEnabled()  # no times to jump to


def test_a_two_hour_transcript(panel: CodingPanel, ctx: ProjectContext) -> None:
    rid, turns = show(ctx, "two-hours.txt")
    text = panel.view.text
    assert 145_000 <= len(text) <= 160_000
    assert len(turns) > 500 and turns[-1].time_ms is not None
    assert 1.5 * 3600_000 < turns[-1].time_ms < 2.5 * 3600_000  # about two hours
    outline = panel.transcript.outline
    assert outline.model.rowCount() == len(turns) == len(panel.view.turn_gutter.marks)
    outline.jump_to_time(3600_000)
    at = panel.view.positions.to_code_point(panel.view.textCursor().position())
    hour = [t for t in turns if t.time_ms is not None and t.time_ms <= 3600_000][-1]
    assert at == hour.start
    panel.view.viewport().repaint()
    panel.view.turn_gutter.repaint()
    shown = {turn_id for _rect, turn_id in panel.view.turn_gutter._painted}
    assert hour.id in shown  # its label is painted where the view now is
    assert ctx.selection is None or ctx.selection.response_id == rid


def test_the_gutter_says_whose_words_a_turn_is(
    qtbot: QtBot, panel: CodingPanel, ctx: ProjectContext
) -> None:
    show(ctx, "otter.txt")
    gutter = panel.view.turn_gutter
    gutter.repaint()
    rect, _turn_id = gutter._painted[0]
    event = QHelpEvent(QEvent.Type.ToolTip, rect.center(), gutter.mapToGlobal(rect.center()))
    QApplication.sendEvent(gutter, event)
    assert "The interviewer: context" in QToolTip.text()
