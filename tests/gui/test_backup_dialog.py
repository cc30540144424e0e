"""File > Save a Copy… and File > Restore from Backup… in the window, a damaged project's offer
of its newest good backup, and the store's notices shown instead of lost on stderr."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel, QMessageBox, QPushButton, QTableView

from dotsdesk.services.corpus.respondents import add_respondent
from dotsdesk.store.backups import list_backups, read_counts
from dotsdesk.store.wal import notify
from dotsdesk.ui.backup_dialog import RestoreDialog
from dotsdesk.ui.main_window import MainWindow

LATER = "后来的人 👩‍💻 cafe\u0301"


@pytest.fixture
def window(qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("DOTSDESK_SETTINGS", str(tmp_path / "settings.ini"))
    w = MainWindow()
    qtbot.addWidget(w)
    w.show()
    yield w
    w.close()
    w.backups.detach()


def respondents(window: MainWindow) -> int:
    from dotsdesk.services.counts import project_counts

    with window.ctx.read() as s:
        return project_counts(s).respondents


def open_with_a_later_change(window: MainWindow, path: Path) -> int:
    """Open (a backup is taken), add a respondent after it; the count in the backup."""
    assert window.open_project(path)
    project = window.ctx.project
    assert project is not None and project.backups is not None
    before = respondents(window)
    window.ctx.run("Add", lambda s: add_respondent(s, LATER))
    project.backups.finish()
    return before


def when_shown(qtbot, window: MainWindow, kind: type, name: str, act) -> None:  # type: ignore[no-untyped-def]
    """Run `act(widget)` once a visible `kind` named `name` appears (a modal dialog)."""

    def look() -> None:
        shown = [w for w in window.findChildren(kind, name) if w.isVisible()]
        if not shown:
            QTimer.singleShot(10, look)
            return
        act(shown[0])

    QTimer.singleShot(0, look)


def test_the_dialog_lists_backups_with_when_why_and_counts(
    window: MainWindow, sample_path: Path, qtbot, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    before = open_with_a_later_change(window, sample_path)
    project = window.ctx.project
    assert project is not None
    project.backup_before("merge")
    project.backups.finish()  # type: ignore[union-attr]
    dialog = RestoreDialog(sample_path, window)
    qtbot.addWidget(dialog)
    dialog.show()
    table = dialog.findChild(QTableView, "backupTable")
    model = table.model()
    assert model.rowCount() == 2
    rows = [[model.index(r, c).data() for c in range(5)] for r in range(2)]
    assert [r[1] for r in rows] == ["before a merge", "on open"]
    assert rows[1][2] == str(before) and rows[0][2] == str(before + 1)
    assert int(rows[0][3]) > 0  # the sample's segments
    assert dialog.selected() == list_backups(sample_path)[0]
    shot = tmp_path / "restore-dialog.png"
    assert dialog.grab().save(str(shot))
    assert shot.stat().st_size > 1000


def test_restore_into_a_new_file_opens_it(
    window: MainWindow, sample_path: Path, qtbot, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    before = open_with_a_later_change(window, sample_path)
    (backup,) = list_backups(sample_path)
    target = tmp_path / "恢复 restored.dots"
    window.backups.restore_to(backup, target)
    qtbot.waitUntil(
        lambda: window.ctx.project is not None and window.ctx.project.path == target,
        timeout=10000,
    )
    assert respondents(window) == before
    assert window.open_project(sample_path)  # the project itself is untouched
    assert respondents(window) == before + 1


def test_restore_over_the_project_after_confirming(
    window: MainWindow, sample_path: Path, qtbot
) -> None:  # type: ignore[no-untyped-def]
    before = open_with_a_later_change(window, sample_path)
    (backup,) = list_backups(sample_path)
    said: list[str] = []

    def agree(box: QMessageBox) -> None:
        said.append(box.informativeText())
        box.findChild(QPushButton, "confirmRestoreOverYes").click()

    when_shown(qtbot, window, QMessageBox, "confirmRestoreOver", agree)
    assert window.backups.confirm_over(backup, sample_path)
    assert f"{before} respondents" in said[0]
    window.backups.restore_over(backup, sample_path)  # closes, restores, reopens
    qtbot.waitUntil(lambda: window.ctx.project is not None, timeout=10000)
    assert window.ctx.project.path == sample_path  # type: ignore[union-attr]
    assert respondents(window) == before
    assert [b.label for b in list_backups(sample_path)][:2] == ["before a restore", "on open"]


def test_cancelling_the_confirmation_changes_nothing(
    window: MainWindow, sample_path: Path, qtbot
) -> None:  # type: ignore[no-untyped-def]
    open_with_a_later_change(window, sample_path)
    (backup,) = list_backups(sample_path)
    when_shown(
        qtbot,
        window,
        QMessageBox,
        "confirmRestoreOver",
        lambda box: box.button(QMessageBox.StandardButton.Cancel).click(),
    )
    assert not window.backups.confirm_over(backup, sample_path)
    assert len(list_backups(sample_path)) == 1


def test_a_damaged_project_offers_its_newest_good_backup(
    window: MainWindow, sample_path: Path, qtbot, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    before = open_with_a_later_change(window, sample_path)
    window.close_project()
    data = bytearray(sample_path.read_bytes())
    for n in range(1, len(data) // 4096):
        data[n * 4096 : n * 4096 + 64] = b"\xab" * 64
    sample_path.write_bytes(bytes(data))
    target = tmp_path / "rescued.dots"
    seen: list[str] = []

    def restore(dialog: RestoreDialog) -> None:
        seen.append(dialog.findChild(QLabel, "damagedNote").text())
        dialog.grab().save(str(tmp_path / "damaged-offer.png"))
        assert dialog.selected() == list_backups(sample_path)[0]
        dialog.restore_to(target)

    when_shown(qtbot, window, RestoreDialog, "restoreDialog", restore)
    assert window.open_project(sample_path) is False
    assert "sample.dots is damaged" in seen[0]
    qtbot.waitUntil(
        lambda: window.ctx.project is not None and window.ctx.project.path == target,
        timeout=10000,
    )
    assert respondents(window) == before


def test_save_a_copy_while_open(
    window: MainWindow, sample_path: Path, qtbot, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    before = open_with_a_later_change(window, sample_path)
    target = tmp_path / "给同事 copy.dots"
    window.backups.save_copy_to(target)
    qtbot.waitUntil(target.exists, timeout=10000)
    counts = read_counts(target)
    assert counts is not None and counts.respondents == before + 1
    assert not target.with_name(target.name + "-wal").exists()
    assert window.findChild(type(window.backups.save_copy_action), "saveCopy").isEnabled()


def test_a_notice_from_a_worker_thread_is_shown(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    text = "study.dots: the disk is full, so your latest work is saved in study.dots-wal"
    thread = threading.Thread(target=notify, args=(text,))
    thread.start()
    thread.join()
    qtbot.waitUntil(lambda: window.backups.last_notice == text, timeout=5000)
    boxes = [b for b in window.findChildren(QMessageBox, "storeNotice") if b.isVisible()]
    assert boxes and boxes[0].text() == text
    boxes[0].close()
