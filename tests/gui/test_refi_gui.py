"""REFI-QDA from the window: File > Export to REFI-QDA…, and .qdpx through File > Import."""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
import xmlschema
from sqlalchemy import func, select

from dotsdesk.importers import ImportOptions
from dotsdesk.model import Code, Respondent, Segment, Setting
from dotsdesk.services.sample import build_sample
from dotsdesk.store import Project
from dotsdesk.ui.main_window import MainWindow
from tests.paths import DATA, REFI


@pytest.fixture
def window(qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("DOTSDESK_SETTINGS", str(tmp_path / "settings.ini"))
    w = MainWindow()
    qtbot.addWidget(w)
    w.show()
    yield w
    w.close()


def count(window: MainWindow, column: object) -> int:
    with window.ctx.read() as s:
        return s.scalar(select(func.count(column))) or 0  # type: ignore[arg-type]


def test_export_from_the_window_is_valid_and_not_an_undo_step(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, tmp_path: Path
) -> None:
    sample = tmp_path / "sample.dots"
    with Project.create(sample) as p, p.write() as s:
        build_sample(s)
    window.ctx.open(sample)
    assert window.refi_action.isEnabled()
    assert window.refi_action in window.menuBar().actions()[0].menu().actions()
    target = tmp_path / "sample.qdpx"
    window.transfers.export_refi_to(target)
    qtbot.waitUntil(target.exists, timeout=20000)
    with zipfile.ZipFile(target) as archive:
        qde = archive.read("project.qde").decode("utf-8")
    xmlschema.XMLSchema(str(REFI / "Project-mrt2019.xsd")).validate(qde)
    with window.ctx.read() as s:
        assert s.get(Setting, "exchange.namespace") is not None
    # Recording the GUIDs' namespace is bookkeeping: Ctrl+Z has nothing to take back.
    assert window.ctx.undo_stack.count() == 0
    codebook = tmp_path / "sample.qdc"
    window.transfers.export_refi_to(codebook)
    qtbot.waitUntil(codebook.exists, timeout=20000)
    xmlschema.XMLSchema(str(REFI / "Codebook-mrt2019.xsd")).validate(str(codebook))


def test_import_a_qdpx_with_progress_as_one_undo_step(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, tmp_path: Path
) -> None:
    window.ctx.create(tmp_path / "fresh.dots")
    window.transfers.run_import([DATA / "refi" / "nvivo_like.qdpx"], ImportOptions())
    qtbot.waitUntil(lambda: window.ctx.undo_stack.count() == 1, timeout=20000)
    assert count(window, Segment.id) > 0 and count(window, Code.id) > 0
    text = "\n".join(window.transfers.last_reports[0].lines())
    assert "REFI-QDA project" in text and "positions in" in text
    window.undo_action.trigger()
    assert count(window, Respondent.id) == 0 and count(window, Code.id) == 0


def test_a_bad_archive_says_so_and_changes_nothing(
    qtbot, window: MainWindow, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    window.ctx.create(tmp_path / "fresh.dots")
    errors: list[str] = []
    window.ctx.error.disconnect()
    window.ctx.error.connect(errors.append)
    window.transfers.run_import([DATA / "refi" / "bad_traversal.qdpx"], ImportOptions())
    qtbot.waitUntil(lambda: bool(errors), timeout=10000)
    assert "bad_traversal.qdpx" in errors[0] and "outside the archive" in errors[0]
    assert count(window, Respondent.id) == 0
    assert window.ctx.undo_stack.count() == 0
