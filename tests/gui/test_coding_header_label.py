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
    """Each line as tall as its wrapped text, one under the other, nothing below covered."""
    header, top = panel.header, 0
    for line in header.lines:
        if line.isHidden():
            continue
        if (line.y(), line.width()) != (top, header.width()) or line.height() != (
            line.heightForWidth(header.width())
        ):
            return False
        top += line.height()
    below = [w for w in (panel.keys_label, panel.splitter) if not w.isHidden()]
    return top == header.height() and all(w.y() > header.geometry().bottom() for w in below)


def test_the_header_is_as_tall_as_its_text(qtbot: QtBot, panel: CodingPanel) -> None:
    header = panel.header
    qtbot.waitUntil(lambda: fits(panel))
    one_line = header.height()
    long = "研究 and research 🙂 cafe\u0301 · " * 40
    header.setText(f"<b>P24</b> · en<br>{long}")
    qtbot.waitUntil(lambda: fits(panel))
    assert header.height() > 3 * one_line and header.text() == f"<b>P24</b> · en<br>{long}"
    header.setText(f"<b>P24</b> · en · {long}")  # one line only, wrapped
    qtbot.waitUntil(lambda: fits(panel) and header.lines[1].isHidden())
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
