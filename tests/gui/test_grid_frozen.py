"""The survey grid keeps the respondent in sight: scrolled sideways to the last question,
the respondent column still shows who answered, and clicking it selects that row."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from dotsdesk.ui.browser.frozen import FrozenColumn
from dotsdesk.ui.browser.panel import ResponseBrowser
from dotsdesk.ui.context import ProjectContext


@pytest.fixture
def browser(qtbot: QtBot, ctx: ProjectContext) -> Iterator[ResponseBrowser]:
    widget = ResponseBrowser(ctx)
    qtbot.addWidget(widget)
    widget.resize(500, 400)  # narrower than the grid's questions: it scrolls sideways
    widget.show()
    qtbot.waitExposed(widget)
    yield widget


def test_the_respondent_column_stays_when_scrolled_sideways(
    qtbot: QtBot, browser: ResponseBrowser
) -> None:
    browser.grid_action.trigger()
    grid = browser.grid
    frozen = grid.findChild(FrozenColumn, "browserGridFrozen")
    assert frozen is not None and frozen.isVisible()
    assert frozen.model() is grid.model()
    assert [c for c in range(grid.model().columnCount()) if not frozen.isColumnHidden(c)] == [0]
    bar = grid.horizontalScrollBar()
    assert bar.maximum() > 0
    bar.setValue(bar.maximum())
    assert grid.columnViewportPosition(0) < 0  # the grid's own column 0 has scrolled away
    assert frozen.geometry().left() <= grid.frameWidth() + 1
    assert frozen.width() == grid.columnWidth(0)
    first = frozen.model().index(0, 0)
    assert frozen.visualRect(first).isValid() and first.data() == "P01"
    # Scrolled down, both views show the same rows.
    grid.verticalScrollBar().setValue(grid.verticalScrollBar().maximum())
    assert frozen.verticalScrollBar().value() == grid.verticalScrollBar().value()
    last = grid.model().rowCount() - 1
    index = frozen.model().index(last, 0)
    qtbot.mouseClick(
        frozen.viewport(), Qt.MouseButton.LeftButton, pos=frozen.visualRect(index).center()
    )
    assert grid.currentIndex().row() == last
