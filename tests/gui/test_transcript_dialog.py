"""Importing a transcript from the window: the dialog shows the layout and the speakers with
their turns and words, the interviewer ticked, and the user's choice is what is imported."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from dotsdesk.importers import ImportOptions
from dotsdesk.model import Response
from dotsdesk.services.corpus.turns import turns_of
from dotsdesk.ui.main_window import MainWindow
from dotsdesk.ui.transcript_dialog import TranscriptDialog
from tests.paths import DATA

HERE = DATA / "transcripts"


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[MainWindow]:
    monkeypatch.setenv("DOTSDESK_SETTINGS", str(tmp_path / "settings.ini"))
    w = MainWindow()
    qtbot.addWidget(w)
    w.show()
    w.ctx.create(tmp_path / "fresh.dots")
    yield w
    w.close()


def test_the_dialog_shows_speakers_and_the_chosen_interviewer_is_imported(
    qtbot: QtBot, window: MainWindow
) -> None:
    dialog = TranscriptDialog.for_file(HERE / "otter.txt", window)
    assert dialog is not None
    qtbot.addWidget(dialog)
    intro = dialog.findChild(object, "transcriptLayout").text()  # type: ignore[union-attr]
    assert "Otter" in intro and "6 turns, 0:03 to 1:02:09" in intro
    assert {s: b.isChecked() for s, b in dialog.boxes.items()} == {
        "Alex Kim": True,
        "Jane Doe": False,
    }
    assert "guessed" in dialog.why.text()
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    dialog.boxes["Jane Doe"].setChecked(True)
    assert not ok.isEnabled()  # nobody left to answer
    dialog.boxes["Alex Kim"].setChecked(False)
    assert ok.isEnabled()
    window.transfers.run_import([HERE / "otter.txt"], ImportOptions(), dialog.options())
    qtbot.waitUntil(lambda: window.ctx.undo_stack.count() == 1, timeout=10000)
    with window.ctx.read() as s:
        response = s.scalars(select(Response)).one()
        turns = turns_of(s, response.id)
    assert [t.label for t in turns[:2]] == ["Interviewee 1", "Interviewer"]
    assert turns[0].own and not turns[1].own


def test_no_dialog_for_documents_without_speakers() -> None:
    assert TranscriptDialog.for_file(DATA / "unicode.txt") is None
    assert TranscriptDialog.for_file(DATA / "truncated.docx") is None  # the import says why
