"""File > Merge a Colleague's Copy…: on a worker, one undo step, a backup, a summary; merging
the same copy again changes nothing and leaves no undo step or backup behind."""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWidget
from sqlalchemy import func, select

from dotsdesk.model import Segment
from dotsdesk.services.coding import segments as coding
from dotsdesk.services.coding.codebook import ensure_code
from dotsdesk.store import Project
from dotsdesk.ui.merge import MergeCopy


def _segments(ctx) -> int:  # type: ignore[no-untyped-def]
    with ctx.read() as s:
        return s.scalar(select(func.count(Segment.id))) or 0


def test_merge_is_one_undo_step(qtbot, ctx, sample_file: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    theirs = tmp_path / "同事 copy.dots"
    shutil.copyfile(sample_file, theirs)
    with Project.open(theirs) as p, p.write() as s:
        code = ensure_code(s, "Theme/Second look 👀", colour="#336699").id
        coding.code_span(s, 1, 0, 5, [code], coder="bob")
        coding.code_span(s, 2, 0, 5, [code], coder="bob")
    parent = QWidget()
    qtbot.addWidget(parent)
    merging = MergeCopy(parent, ctx)
    before = _segments(ctx)

    merging.merge(theirs)
    qtbot.waitUntil(lambda: merging.last_report is not None, timeout=20000)
    report = merging.last_report
    assert report is not None and report.segments.added == 2
    assert report.codes_created == ["Theme/Second look 👀"]
    assert _segments(ctx) == before + 2 and ctx.undo_stack.count() == 1
    assert merging.last_backup is not None and merging.last_backup.exists()
    merging_backup = merging.last_backup
    with Project.open(merging_backup, readonly=True) as old, old.read() as s:
        assert s.scalar(select(func.count(Segment.id))) == before  # as it was before
    box = parent.findChild(QMessageBox, "mergeSummary")
    assert box is not None and "2 segments added" in box.text()

    ctx.undo_stack.undo()
    assert _segments(ctx) == before
    ctx.undo_stack.redo()
    assert _segments(ctx) == before + 2

    merging.last_report = None
    merging.merge(theirs)
    qtbot.waitUntil(lambda: merging.last_report is not None, timeout=20000)
    assert not merging.last_report.changed  # type: ignore[union-attr]
    assert ctx.undo_stack.count() == 1 and merging.last_backup is None
    assert [p.name for p in ctx.project.backups.taken if p.name.endswith("-merge.dots")] == [
        merging_backup.name
    ]


def test_the_project_itself_is_refused(qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    errors: list[str] = []
    ctx.error.connect(errors.append)
    parent = QWidget()
    qtbot.addWidget(parent)
    MergeCopy(parent, ctx).merge(ctx.project.path)
    assert errors and "is the project itself" in errors[0]
    assert ctx.undo_stack.count() == 0
