"""`dotsdesk screenshot` as the README's author runs it: a respondent's label, every panel
named in its help, and nothing printed but the file written."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QImage

from dotsdesk.ui.panel_names import PANELS

from .conftest import Run


def test_screenshot_of_a_respondent_by_label_is_quiet(
    cli, demo_project: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "p24 图.png"
    result: Run = cli(
        "screenshot",
        demo_project,
        out,
        "--response",
        "P24",
        "--size",
        "1200x800",
        env={"DISPLAY": ""},
    )
    assert result.code == 0, result.err
    assert result.out == f"wrote {out}\n" and result.err == ""
    image = QImage(str(out))
    assert (image.width(), image.height()) >= (1200, 800)


def test_screenshot_names_what_is_wrong_in_one_line(
    cli, demo_project: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    result: Run = cli("screenshot", demo_project, tmp_path / "x.png", "--response", "P99")
    assert result.code != 0 and not (tmp_path / "x.png").exists()
    assert result.err.strip().count("\n") == 0 and "'P99'" in result.err
    assert "Traceback" not in result.err
    result = cli("screenshot", demo_project, tmp_path / "x.png", "--panel", "nothing")
    assert result.code != 0 and "'nothing'" in result.err and "codingPanel" in result.err


def test_screenshot_help_lists_every_panel(cli) -> None:  # type: ignore[no-untyped-def]
    result: Run = cli("screenshot", "--help", env={"COLUMNS": "400"})
    assert result.code == 0
    for name in PANELS:
        assert name in result.out
    assert "LABEL" in result.out
