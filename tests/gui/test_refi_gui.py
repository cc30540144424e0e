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


def long_vendor_file(path: Path) -> str:
    """A single source of 600,000 characters with 400 codings, positions in UTF-16 units
    with CR LF counted as one (so every offset needs mapping); the text as dotsdesk keeps it."""
    unit = "我们 write code 🚀 daily, and review it.\r\n"
    count = 600_000 // (len(unit) - 1) + 1  # 600,000 characters once CR LF is LF
    raw = unit * count
    before = unit.index("write code")
    u16 = len(unit.encode("utf-16-le")) // 2 - 1  # CR LF as one
    selections = []
    for k in range(400):
        i = k * (count // 400)
        start = i * u16 + before
        selections.append(
            f'<PlainTextSelection guid="00000000-0000-4000-8000-{k:012d}" startPosition="{start}" '
            f'endPosition="{start + 10}"><Coding guid="00000000-0000-4000-9000-{k:012d}">'
            '<CodeRef targetGUID="00000000-0000-4000-a000-000000000001"/></Coding>'
            "</PlainTextSelection>"
        )
    qde = (
        '<?xml version="1.0" encoding="utf-8"?><Project xmlns="urn:QDA-XML:project:1.0" '
        'name="Long" origin="Some tool"><CodeBook><Codes><Code '
        'guid="00000000-0000-4000-a000-000000000001" name="Writing" isCodable="true"/>'
        '</Codes></CodeBook><Sources><TextSource guid="00000000-0000-4000-b000-000000000001" '
        'name="Two-hour interview" plainTextPath="internal://long.txt">'
        + "".join(selections)
        + "</TextSource></Sources></Project>"
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("project.qde", qde)
        archive.writestr("sources/long.txt", raw.encode("utf-8"))
    return raw.replace("\r\n", "\n")


def test_a_600000_character_source_imports_in_seconds_and_opens_whole(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, tmp_path: Path
) -> None:
    import time

    from dotsdesk.model import Response
    from dotsdesk.services.coding.segments import segments_of

    path = tmp_path / "long.qdpx"
    text = long_vendor_file(path)
    window.ctx.create(tmp_path / "fresh.dots")
    started = time.perf_counter()
    window.transfers.run_import([path], ImportOptions())
    qtbot.waitUntil(lambda: window.ctx.undo_stack.count() == 1, timeout=60000)
    assert time.perf_counter() - started < 30
    with window.ctx.read() as s:
        response_id = s.scalars(select(Response.id)).one()
        found = segments_of(s, response_id)
    assert len(found) == 400 and {seg.text for seg in found} == {"write code"}
    window.coding.show_response(response_id)
    assert window.coding.view.toPlainText() == text
    assert len(text) >= 600_000
