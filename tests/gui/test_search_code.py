"""Codes > Search and Code… as a researcher uses it: words or a regular expression (Chinese,
emoji, combining marks around), the unit, the scope, a preview with counts and the
interviewer's hits skipped, then one undo step that takes it all back."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import func, select

from dotsdesk.errors import NotFound
from dotsdesk.importers import import_file
from dotsdesk.model import Segment
from dotsdesk.services.browser.query import BrowseQuery
from dotsdesk.services.coding.codebook import find_code
from dotsdesk.services.coding.segments import segments_of
from dotsdesk.store import Project
from dotsdesk.ui.main_window import MainWindow
from dotsdesk.ui.retrieve.model import HTML_ROLE
from dotsdesk.ui.shortcuts import declared_keys
from tests.paths import DATA

SHOTS = os.environ.get("DOTSDESK_SHOTS")


@pytest.fixture
def window(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, sample_path: Path
) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("DOTSDESK_SETTINGS", str(tmp_path / "settings.ini"))
    with Project.open(sample_path) as p, p.write() as s:
        import_file(s, DATA / "transcripts" / "colon_zh.txt")  # 访谈者 / 受访者 turns
    w = MainWindow()
    qtbot.addWidget(w)
    w.show()
    assert w.open_project(sample_path)
    yield w
    w.close()


def _segments(w: MainWindow) -> int:
    with w.ctx.read() as s:
        return int(s.scalar(select(func.count(Segment.id))) or 0)


def test_preview_apply_and_undo(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    w = window
    action = w.workbench.search_action
    assert declared_keys(action) == ["Ctrl+Shift+F"]
    codes = next(a.menu() for a in w.menuBar().actions() if a.text() == "&Codes")
    assert action in codes.actions() and w.workbench.retrieve_action in codes.actions()
    action.trigger()
    dialog = w.workbench.dialog
    assert dialog is not None and dialog.isVisible()
    before = _segments(w)
    # A bad regular expression: one line, nothing to apply.
    dialog.regex.setChecked(True)
    dialog.pattern.setText("(代码")
    dialog.preview_button.click()
    assert "regular expression" in dialog.counts.text()
    assert not dialog.apply_button.isEnabled()
    # Words: 代码 anywhere (Chinese has no spaces), café whole.
    dialog.regex.setChecked(False)
    dialog.pattern.setText("代码 café")
    dialog.unit.setCurrentIndex(dialog.unit.findData("sentence"))
    found = dialog.show_preview()
    assert found is not None
    # 生产代码 is the interviewer's question: skipped and said so.
    assert found.skipped == 1
    text = dialog.counts.text()
    assert "in the interviewer's or others' turns skipped" in text
    assert f"{len(found.hits)} hit" in text and f"{found.respondents} respondent" in text
    transcript = [h for h in found.hits if "😀" in dialog.model.texts[h.response_id]]
    assert len(transcript) == 2  # café and 代码评审, both the interviewee's
    shown = [dialog.model.index(n, 1).data(HTML_ROLE) for n in range(dialog.model.rowCount())]
    assert any("<b " in h and "还有<b" in h for h in shown)
    assert dialog.apply_button.isEnabled()
    if SHOTS:
        dialog.grab().save(str(Path(SHOTS) / "search_code.png"))
    # A change of the unit asks for a new preview before coding.
    dialog.unit.setCurrentIndex(dialog.unit.findData("turn"))
    assert not dialog.apply_button.isEnabled()
    dialog.unit.setCurrentIndex(dialog.unit.findData("sentence"))
    dialog.show_preview()
    dialog.code.setEditText("Theme/Code talk 代码")
    dialog.apply_button.click()
    report = dialog.report
    assert report is not None and report.segments_created == len(found.spans)
    assert _segments(w) == before + len(found.spans)
    rid = transcript[0].response_id
    with w.ctx.read() as s:
        texts = sorted(v.text for v in segments_of(s, rid) if v.code_ids)
    assert "还有代码评审。" in texts
    assert not any("生产代码" in t for t in texts)  # never the interviewer's words
    # One undo takes back the segments and the new code.
    assert w.ctx.undo_stack.undoText().startswith("Search and code")
    w.ctx.undo_stack.undo()
    assert _segments(w) == before
    with w.ctx.read() as s, pytest.raises(NotFound):
        find_code(s, "Theme/Code talk 代码")


def test_the_scope_follows_the_browsers_filter(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    w = window
    dialog = w.workbench.search_and_code()
    assert dialog is not None
    dialog.pattern.setText("research")
    everywhere = dialog.show_preview()
    w.browser.set_query(BrowseQuery(attributes={"Company size": frozenset({"large company"})}))
    dialog.scope.setCurrentIndex(dialog.scope.findData("filter"))
    assert not dialog.apply_button.isEnabled()
    some = dialog.show_preview()
    assert everywhere is not None and some is not None
    assert 0 < some.respondents < everywhere.respondents
    # The whole response: one span a response, however many hits in it.
    dialog.unit.setCurrentIndex(dialog.unit.findData("response"))
    whole = dialog.show_preview()
    assert whole is not None and len(whole.spans) == whole.responses
    # The Coded Segments tab shows that code; it follows what the dialog codes.
    with w.ctx.read() as s:
        research = find_code(s, "Theme/What is research").id
    w.codebook.select_code(research)
    w.workbench.show_retrieve()
    retrieve = w.workbench.retrieve
    before = len(retrieve.model.rows)
    dialog.code.setEditText("Theme/What is research")  # an existing code
    report = dialog.apply()
    assert report is not None and report.segments_created > 0
    qtbot.waitUntil(lambda: len(retrieve.model.rows) == before + report.segments_created)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
