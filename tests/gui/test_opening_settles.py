"""Opening a project shows every dock for a moment before the tabbed ones go behind their
tabs: the panels that end up behind a tab do not count then (half a second of a large
project's opening), and count as soon as they are brought forward."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from dotsdesk.ui.main_window import MainWindow


@pytest.fixture
def window(qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("DOTSDESK_SETTINGS", str(tmp_path / "settings.ini"))
    w = MainWindow()
    qtbot.addWidget(w)
    w.resize(1200, 800)
    w.show()
    yield w
    w.close()


def test_panels_behind_tabs_count_when_brought_forward(
    window: MainWindow, sample_path: Path, qtbot
) -> None:  # type: ignore[no-untyped-def]
    assert window.open_project(sample_path)
    qtbot.wait(50)  # the window settles; what is behind a tab stays uncounted
    assert window.consent.model.rowCount() == 0
    assert not window.analysis.frequencies.source.rows
    assert window.browser.model.ids()  # the browser, in front, is listed

    window.docks["consentTracker"].raise_()
    qtbot.waitUntil(lambda: window.consent.model.rowCount() > 0)
    window.docks["analysisPanel"].raise_()
    qtbot.waitUntil(lambda: bool(window.analysis.frequencies.source.rows))
    assert not window.ctx.settling
