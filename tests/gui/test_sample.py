"""The sample project in the window never costs work: opening it again finds what was done in
it; "Reset sample project…" says what goes, asks, and keeps a backup copy first."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QMessageBox, QPushButton
from sqlalchemy import func, select

from dotsdesk.model import Response, Segment
from dotsdesk.services.coding.codebook import ensure_code, find_code
from dotsdesk.store import Project
from dotsdesk.ui.context import TextSelection
from dotsdesk.ui.main_window import MainWindow

MINE = "Theme/Tried in the sample"


@pytest.fixture
def window(qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("DOTSDESK_SETTINGS", str(tmp_path / "settings.ini"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))  # where the sample goes
    w = MainWindow()
    qtbot.addWidget(w)
    w.show()
    yield w
    w.close()


def sample_file(tmp_path: Path) -> Path:
    return tmp_path / "data" / "dotsdesk" / "sample.dots"


def do_some_work(window: MainWindow) -> int:
    """A new code and a segment with it, as the window's own actions make them."""
    ctx = window.ctx
    code_id = ctx.run("New code", lambda s: ensure_code(s, MINE).id)
    assert code_id is not None
    with ctx.read() as s:
        rid = s.scalar(select(Response.id).order_by(Response.id))
    assert rid is not None
    assert ctx.apply_codes([code_id], TextSelection(rid, 0, 12)) is not None
    return code_id


def segment_count(read: Callable[[], object]) -> int:
    with read() as s:  # type: ignore[attr-defined]
        return int(s.scalar(select(func.count(Segment.id))) or 0)


def answer(qtbot, window: MainWindow, button: str) -> list[str]:  # type: ignore[no-untyped-def]
    """Answer the reset question with the named button once it is shown; returns what the
    question said (its text and informative text)."""
    said: list[str] = []

    def look() -> None:
        shown = [b for b in window.findChildren(QMessageBox, "resetSampleConfirm") if b.isVisible()]
        if not shown:
            QTimer.singleShot(10, look)
            return
        box = shown[0]
        said.extend([box.text(), box.informativeText()])
        if button == "cancel":
            box.button(QMessageBox.StandardButton.Cancel).click()
        else:
            found = box.findChild(QPushButton, button)
            assert found is not None
            found.click()

    QTimer.singleShot(0, look)
    return said


def test_opening_the_sample_again_finds_the_work(
    window: MainWindow, qtbot, tmp_path: Path, sample_path: Path
) -> None:  # type: ignore[no-untyped-def]
    sample = sample_file(tmp_path)
    assert not sample.exists()
    qtbot.mouseClick(
        window.welcome.findChild(QPushButton, "welcomeSample"), Qt.MouseButton.LeftButton
    )
    assert window.ctx.project is not None and window.ctx.project.path == sample
    fresh = segment_count(window.ctx.read)
    do_some_work(window)
    assert segment_count(window.ctx.read) == fresh + 1

    # Closed, then opened from the welcome screen again: the work is there.
    window.close_project()
    qtbot.mouseClick(
        window.welcome.findChild(QPushButton, "welcomeSample"), Qt.MouseButton.LeftButton
    )
    assert window.ctx.project is not None and window.ctx.project.path == sample
    assert segment_count(window.ctx.read) == fresh + 1

    # From the menu, with another project open, and while the sample itself is open.
    assert window.open_project(sample_path)
    window.sample_action.trigger()
    assert window.ctx.project.path == sample
    window.sample_action.trigger()
    assert window.ctx.project.path == sample
    assert segment_count(window.ctx.read) == fresh + 1
    with window.ctx.read() as s:
        assert find_code(s, MINE) is not None
    assert not list(sample.parent.glob("sample.backup-*"))


def test_reset_says_what_goes_asks_and_keeps_a_backup(
    window: MainWindow, qtbot, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    sample = sample_file(tmp_path)
    assert window.open_sample()
    fresh = segment_count(window.ctx.read)
    do_some_work(window)

    # Cancelled: nothing changes, no backup.
    said = answer(qtbot, window, "cancel")
    assert window.reset_sample() is False
    assert said and "fresh copy" in said[0]
    assert "codes: 15 now, 14 in a fresh sample" in said[1]
    assert f"segments: {fresh + 1} now, {fresh} in a fresh sample" in said[1]
    assert "backup copy" in said[1]
    assert window.ctx.project is not None and segment_count(window.ctx.read) == fresh + 1
    assert not list(sample.parent.glob("sample.backup-*"))
    assert not list(sample.parent.glob(".*partial*"))

    # Confirmed: a backup with the work, a fresh sample open.
    said = answer(qtbot, window, "resetSampleYes")
    assert window.reset_sample() is True
    (backup,) = sample.parent.glob("sample.backup-reset-*.dots")
    assert window.ctx.project is not None and window.ctx.project.path == sample
    assert segment_count(window.ctx.read) == fresh
    assert not window.ctx.undo_stack.canUndo()
    assert backup.name in window.statusBar().currentMessage()
    with Project.open(backup, readonly=True) as old:
        assert segment_count(old.read) == fresh + 1
        with old.read() as s:
            assert find_code(s, MINE) is not None
    assert not list(sample.parent.glob(".*partial*"))


def test_a_damaged_sample_is_reset_and_kept_as_it_was(
    window: MainWindow, qtbot, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    sample = sample_file(tmp_path)
    sample.parent.mkdir(parents=True)
    sample.write_bytes(b"half a sample, cut off by a full disk")
    said = answer(qtbot, window, "resetSampleYes")
    assert window.reset_sample() is True
    assert "cannot be read" in said[1]
    (kept,) = sample.parent.glob("sample.backup-reset-*.dots")
    assert kept.read_bytes() == b"half a sample, cut off by a full disk"
    assert window.ctx.project is not None and window.ctx.project.path == sample
    assert segment_count(window.ctx.read) > 0
