"""Import and export from the window: the preview dialog, the worker, undo, Cancel."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import func, select

from dotsdesk.importers import ImportOptions
from dotsdesk.importers.surveys.columns import Role
from dotsdesk.model import Identity, Respondent, Response
from dotsdesk.ui.import_dialog import ImportDialog
from dotsdesk.ui.main_window import MainWindow
from tests.paths import DATA


@pytest.fixture
def window(qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("DOTSDESK_SETTINGS", str(tmp_path / "settings.ini"))
    w = MainWindow()
    qtbot.addWidget(w)
    w.show()
    assert w.ctx.project is None
    w.ctx.create(tmp_path / "fresh.dots")
    yield w
    w.close()


def count(window: MainWindow, column: object) -> int:
    with window.ctx.read() as s:
        return s.scalar(select(func.count(column))) or 0  # type: ignore[arg-type]


def test_dialog_previews_gbk_and_lets_the_user_decide(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    dialog = ImportDialog(DATA / "lo_gbk.csv", window)
    qtbot.addWidget(dialog)
    assert "GB18030" in dialog.info.text()
    assert list(dialog.combos) == ["编号", "昵称", "回答"]
    assert dialog.combos["昵称"].currentText() == Role.IDENTITY.value
    # The answers here are short; the researcher says they are responses.
    dialog.set_role("回答", Role.RESPONSE)
    assert dialog.ok.isEnabled()
    dialog.set_role("回答", Role.IGNORED)
    assert not dialog.ok.isEnabled()  # no response column: nothing to import
    dialog.set_role("回答", Role.RESPONSE)
    window.transfers.run_import([DATA / "lo_gbk.csv"], dialog.options())
    # Done when the import is on the undo stack (the commit comes a moment before).
    qtbot.waitUntil(lambda: window.ctx.undo_stack.count() == 1, timeout=10000)
    with window.ctx.read() as s:
        texts = set(s.scalars(select(Response.text)))
        handles = set(s.scalars(select(Identity.handle)))
    assert "懂业务最重要，然后才是模型。" in texts
    assert "小K" in handles
    # One import is one undo step.
    window.undo_action.trigger()
    assert count(window, Respondent.id) == 0
    window.redo_action.trigger()
    assert count(window, Respondent.id) > 0


def test_broken_file_changes_nothing(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    errors: list[str] = []
    window.ctx.error.disconnect()
    window.ctx.error.connect(errors.append)
    window.transfers.run_import([DATA / "truncated.docx"], ImportOptions())
    qtbot.waitUntil(lambda: bool(errors), timeout=10000)
    assert "truncated.docx" in errors[0]
    assert count(window, Response.id) == 0
    assert window.ctx.undo_stack.count() == 0


def test_qualtrics_dialog_and_export(qtbot, window: MainWindow, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    dialog = ImportDialog(DATA / "qualtrics.csv", window)
    qtbot.addWidget(dialog)
    assert "Qualtrics" in dialog.info.text()
    assert "What is your role?" in dialog.combos
    dialog.set_role("What is your role?", Role.RESPONSE)
    window.transfers.run_import([DATA / "qualtrics.csv"], dialog.options())
    qtbot.waitUntil(lambda: count(window, Response.id) > 0, timeout=10000)
    target = tmp_path / "out.xlsx"
    window.transfers.export_to(target)
    qtbot.waitUntil(target.exists, timeout=10000)
    assert openpyxl.load_workbook(target).sheetnames[:3] == ["Segments", "Codebook", "Respondents"]


def test_cancel_rolls_back(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    import time

    from PySide6.QtWidgets import QProgressDialog

    from dotsdesk.model import Code
    from dotsdesk.services.coding.codebook import ensure_code
    from dotsdesk.ui.worker import run_with_progress

    project = window.ctx.project
    assert project is not None
    outcome: list[str] = []

    def work(progress):  # type: ignore[no-untyped-def]
        def action(s):  # type: ignore[no-untyped-def]
            ensure_code(s, "Half/Done")
            for i in range(200):
                progress(i, 200)
                time.sleep(0.005)

        return project.record(action)

    run_with_progress(window, "Working…", work, lambda _r: outcome.append("done"), outcome.append)
    dialog = window.findChild(QProgressDialog, "progressDialog")
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.value() > 5, timeout=5000)
    from PySide6.QtWidgets import QPushButton

    dialog.findChild(QPushButton).click()  # the Cancel button, as a user presses it
    qtbot.waitUntil(lambda: bool(outcome), timeout=5000)
    assert outcome == [""]  # cancelled, not failed
    assert count(window, Code.id) == 0


def test_a_quick_task_leaves_no_progress_dialog_to_pop_up_later(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    """Done before the dialog's 300 ms: it never shows, not even after its own timer."""
    from PySide6.QtWidgets import QProgressDialog

    from dotsdesk.ui.worker import run_with_progress

    outcome: list[object] = []
    run_with_progress(window, "Quick…", lambda progress: 42, outcome.append, outcome.append)
    qtbot.waitUntil(lambda: outcome == [42], timeout=5000)
    qtbot.wait(600)
    assert not [d for d in window.findChildren(QProgressDialog) if d.isVisible()]


def test_dialog_says_what_the_import_will_do(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    survey = DATA / "surveys" / "surveymonkey_expanded.csv"
    dialog = ImportDialog(survey, window)
    qtbot.addWidget(dialog)
    info = dialog.info.text()
    assert "SurveyMonkey (expanded export)" in info and "header in lines 1-2" in info
    assert "5 new respondents, 0 already in the project" in info
    assert "Kept private, never exported: " in info and "IP Address" in info
    assert dialog.combos["IP Address"].currentText() == Role.IDENTITY.value
    window.transfers.run_import([survey], dialog.options())
    qtbot.waitUntil(lambda: window.ctx.undo_stack.count() == 1, timeout=10000)
    with window.ctx.read() as s:
        from dotsdesk.services.corpus.respondents import respondent_keys

        known = frozenset(respondent_keys(s))
    again = ImportDialog(survey, window, known)
    qtbot.addWidget(again)
    assert "0 new respondents, 5 already in the project (updated)" in again.info.text()
