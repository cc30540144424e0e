"""The coding panel's header is laid out in place: as tall as its wrapped text at the
panel's width, growing and shrinking with it, the text below it never covered."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from dotsdesk.services.corpus.respondents import find_respondent
from dotsdesk.ui.coding.panel import CodingPanel
from dotsdesk.ui.context import ProjectContext, TextSelection


@pytest.fixture
def panel(qtbot: QtBot, ctx: ProjectContext) -> Iterator[CodingPanel]:
    widget = CodingPanel(ctx)
    qtbot.addWidget(widget)
    widget.resize(700, 500)
    widget.show()
    qtbot.waitExposed(widget)
    yield widget


def fits(panel: CodingPanel) -> bool:
    header, label = panel.header, panel.header.label
    return (
        label.height() == label.heightForWidth(header.width()) == header.height()
        and label.width() == header.width() > 0
        and (panel.keys_label.isHidden() or panel.keys_label.y() > header.geometry().bottom())
        and panel.splitter.y() > header.geometry().bottom()
    )


def test_the_header_is_as_tall_as_its_text(qtbot: QtBot, panel: CodingPanel) -> None:
    header = panel.header
    qtbot.waitUntil(lambda: fits(panel))
    one_line = header.height()
    long = "研究 and research 🙂 cafe\u0301 · " * 40
    header.setText(long)
    qtbot.waitUntil(lambda: fits(panel))
    assert header.height() > 2 * one_line and header.text() == long
    taller = header.height()
    panel.resize(350, 500)  # narrower: more lines
    qtbot.waitUntil(lambda: fits(panel) and header.height() > taller)
    header.setText("<b>P24</b> · en 👩‍💻")
    qtbot.waitUntil(lambda: fits(panel) and header.height() == one_line)


def test_the_header_counts_segments_as_codes_are_applied(
    qtbot: QtBot, panel: CodingPanel, ctx: ProjectContext
) -> None:
    with ctx.read() as s:
        response = find_respondent(s, "P12").responses[0]
    ctx.responseActivated.emit(response.id)
    qtbot.waitUntil(lambda: fits(panel))
    before = len(panel.shown.segments) if panel.shown else 0
    code = next(iter(panel.shown.codes)) if panel.shown else 0
    ctx.apply_codes([code], TextSelection(response.id, 0, 4))
    assert f"{before + 1} segments" in panel.header.text()
    qtbot.waitUntil(lambda: fits(panel))
    ctx.undo_stack.undo()
    assert f"{before} segments" in panel.header.text()
