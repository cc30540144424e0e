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
