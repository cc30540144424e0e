"""The import dialog as a Qualtrics user meets it: every column in a full-size table with
its role, the reason and a first value; after the import, the counts in plain sight."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QComboBox, QLabel, QMessageBox, QTableWidget

from dotsdesk.importers.surveys.columns import Role
from dotsdesk.ui.import_dialog import ImportDialog
from dotsdesk.ui.main_window import MainWindow

DATA = Path(__file__).resolve().parents[1] / "data"


@pytest.fixture
def window(qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("DOTSDESK_SETTINGS", str(tmp_path / "settings.ini"))
    w = MainWindow()
    qtbot.addWidget(w)
    w.show()
    w.ctx.create(tmp_path / "fresh.dots")
    yield w
    w.close()


def test_every_column_has_a_full_row_in_the_mapping(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    survey = DATA / "qualtrics.csv"
    dialog = ImportDialog(survey, window)
    qtbot.addWidget(dialog)
    dialog.show()
    table = dialog.findChild(QTableWidget, "importMapping")
    assert table.rowCount() == len(dialog.combos) >= 10
    for row, header in enumerate(dialog.combos):
        assert table.item(row, 0).text() == header
        assert isinstance(table.cellWidget(row, 1), QComboBox)
        assert isinstance(table.cellWidget(row, 2), QLabel) and table.cellWidget(row, 2).text()
    # The mapping is no small scrolling box: it takes most of the dialog's height.
    assert table.height() >= dialog.height() * 0.35
    header = next(iter(dialog.combos))
    dialog.set_role(header, Role.IGNORED)
    assert table.cellWidget(0, 1).currentData() == Role.IGNORED.value


def test_the_import_says_what_it_counted(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    survey = DATA / "lo_gbk.csv"
    dialog = ImportDialog(survey, window)
    qtbot.addWidget(dialog)
    first_answer = dialog.findChild(QTableWidget, "importMapping").item(2, 3).text()
    assert first_answer  # the first value of the answers column, in Chinese
    dialog.set_role("回答", Role.RESPONSE)
    window.transfers.run_import([survey], dialog.options())
    qtbot.waitUntil(
        lambda: window.findChild(QMessageBox, "importSummary") is not None, timeout=10000
    )
    box = window.findChild(QMessageBox, "importSummary")
    counts = box.informativeText()
    assert "new respondent" in counts and "new response" in counts and "0 updated" in counts
