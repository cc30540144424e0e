"""Two windows on one team project (a real PostgreSQL server): what one codes appears in the
other within a second, and each sees who else is working."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from dotsdesk.model import Response
from dotsdesk.services.coding import codebook
from dotsdesk.services.sample import build_sample
from dotsdesk.store import Project
from dotsdesk.store.server import ServerAddress
from dotsdesk.ui.context import TextSelection
from dotsdesk.ui.main_window import MainWindow
from dotsdesk.ui.team import OpenTeamDialog
from tests.server import fresh_server_database, pg_server  # noqa: F401 - fixtures


@pytest.fixture
def team(fresh_server_database: str) -> str:  # noqa: F811
    with Project.open(fresh_server_database) as p, p.write() as s:
        build_sample(s)
    return fresh_server_database


@pytest.fixture
def two_windows(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, team: str
) -> Iterator[tuple[MainWindow, MainWindow]]:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("DOTSDESK_SETTINGS", str(tmp_path / "settings.ini"))
    windows = []
    for _ in range(2):
        w = MainWindow()
        qtbot.addWidget(w)
        w.show()
        assert w.open_project(ServerAddress(team))
        windows.append(w)
    yield windows[0], windows[1]
    for w in windows:
        w.close_project()
        w.close()


def test_a_colleagues_segment_appears_in_my_window(
    qtbot, two_windows: tuple[MainWindow, MainWindow]
) -> None:  # type: ignore[no-untyped-def]
    mine, theirs = two_windows
    assert mine.windowTitle().startswith(ServerAddress(mine.ctx.project.path).name)  # type: ignore[union-attr]
    with theirs.ctx.read() as s:
        rid = s.scalar(select(Response.id).where(Response.language == "zh"))
        code = codebook.find_code(s, "Theme/Interview").id
    with qtbot.waitSignal(mine.ctx.dataChanged, timeout=1500) as heard:
        assert theirs.ctx.apply_codes([code], TextSelection(rid, 0, 2)) is not None
    assert "segment" in heard.args[0]
    theirs.team._show_presence()
    assert theirs.team.presence.isVisible()
    assert "Also working" in theirs.team.presence.text() or "Nobody" in theirs.team.presence.text()


def test_the_open_dialog_refuses_a_bad_address_in_one_line(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = OpenTeamDialog()
    qtbot.addWidget(dialog)
    dialog.address.setText("postgresql://nodatabase")
    dialog._accept()
    assert dialog.chosen is None
    assert "not a server project address" in dialog.message.text()


def test_a_coders_window_shows_less_instead_of_failing(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, team: str
) -> None:  # type: ignore[no-untyped-def]
    import os
    import subprocess
    import sys

    from dotsdesk.model import Respondent

    monkeypatch.setenv("DOTSDESK_SETTINGS", str(tmp_path / "settings.ini"))
    name = f"gui_coder_{os.getpid()}"
    for args, stdin in (
        (["init", team], ""),
        (["add-member", team, name, "--role", "coder"], "pass-w0rd\n"),
    ):
        done = subprocess.run(
            [sys.executable, "-m", "dotsdesk", "team", *args],
            input=stdin,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert done.returncode == 0, done.stderr
    host = team.split("@", 1)[1]
    w = MainWindow()
    qtbot.addWidget(w)
    errors: list[str] = []
    w.ctx.error.connect(errors.append)
    monkeypatch.setattr(w, "_show_error", errors.append)
    w.show()
    try:
        assert w.open_project(ServerAddress(f"postgresql://{name}:pass-w0rd@{host}"))
        with w.ctx.read() as s:
            rid = s.scalar(select(Response.id).order_by(Response.id).limit(1))
            who = s.scalar(select(Respondent.id).order_by(Respondent.id).limit(1))
        w.ctx.responseActivated.emit(rid)
        for dock in w.docks.values():
            dock.show()
            dock.raise_()
            qtbot.wait(20)
        from dotsdesk.services.consent.events import history
        from dotsdesk.services.consent.tracker import private_identity

        with w.ctx.read() as s:
            assert private_identity(s, who) == {}  # not readable: nothing, not an error
            assert all(e.note is None and e.asked is None for e in history(s, who))
        assert errors == []
    finally:
        w.close_project()
        w.close()


def test_saving_a_paragraph_a_colleague_changed_meanwhile_keeps_theirs(
    monkeypatch: pytest.MonkeyPatch, qtbot, two_windows: tuple[MainWindow, MainWindow]
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QMessageBox

    from dotsdesk.model import Block, BlockKind

    # The window shows the refusal in a message box: answered at once here.
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: QMessageBox.StandardButton.Ok)
    mine, theirs = two_windows
    with mine.ctx.read() as s:
        block = s.scalar(
            select(Block.id).where(Block.kind == BlockKind.PARAGRAPH).order_by(Block.id).limit(1)
        )
    errors: list[str] = []
    mine.ctx.error.connect(errors.append)
    for w in (mine, theirs):
        w.composer.editor.show_block(block)
    theirs.composer.editor.paragraph_page.edit.setPlainText("Theirs: 他们的版本 👩‍💻")
    assert theirs.composer.editor.save_paragraph()
    mine.composer.editor.paragraph_page.edit.setPlainText("Mine, typed meanwhile")
    assert not mine.composer.editor.save_paragraph()
    assert errors and "a colleague changed this block" in errors[-1]
    assert mine.composer.editor.paragraph_page.edit.toPlainText() == "Theirs: 他们的版本 👩‍💻"
    with mine.ctx.read() as s:
        assert s.get(Block, block).data["text"] == "Theirs: 他们的版本 👩‍💻"
    mine.composer.editor.paragraph_page.edit.setPlainText("Mine, on top of theirs")
    assert mine.composer.editor.save_paragraph()  # against what is there now: saved
