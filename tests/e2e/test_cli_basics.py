"""The commands a new user tries first: help, version, new, demo, info."""

from __future__ import annotations

import shutil
from pathlib import Path

from dotsdesk import __version__

from .conftest import Run


def test_version_and_help(cli) -> None:  # type: ignore[no-untyped-def]
    assert cli("--version").out.strip() == f"dotsdesk {__version__}"
    top = cli("--help")
    assert top.code == 0
    for command in ("open", "new", "demo", "import", "autocode", "info", "export"):
        assert command in top.out
    for command in ("import", "autocode", "info", "export", "demo", "new", "open"):
        sub: Run = cli(command, "--help")
        assert sub.code == 0 and "usage: dotsdesk " + command in sub.out


def test_new_then_info(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    made = cli("new", "study")
    assert made.code == 0, made.err
    assert (tmp_path / "study.dots").is_file()
    data = cli("info", "study.dots", "--json").json()
    assert {k: data[k] for k in ("respondents", "responses", "codes", "segments")} == {
        "respondents": 0,
        "responses": 0,
        "codes": 0,
        "segments": 0,
    }
    assert data["posts"] == []
    again = cli("new", "study.dots")
    assert again.code == 1
    assert "study.dots" in again.err and "already exists" in again.err
    assert again.err.count("\n") == 1  # one line, no traceback


def test_demo_matches_the_post(demo_project: Path, cli) -> None:  # type: ignore[no-untyped-def]
    data = cli("info", demo_project, "--json").json()
    assert data["respondents"] == 30
    assert data["segments"] > 30 and data["codes"] >= 3
    assert isinstance(data["consent"], dict) and sum(data["consent"].values()) == 30
    assert data["consent"]["granted"] >= 13  # everyone quoted in the post agreed
    assert isinstance(data["posts"], list)
    text = cli("info", demo_project)
    assert "respondents  30" in text.out


def test_errors_are_one_line(cli, tmp_path: Path, demo_project: Path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "notes.dots").write_text("not a database", encoding="utf-8")
    for args, needle in (
        (("info", "missing.dots"), "no such project file"),
        (("info", "notes.dots"), "not a dotsdesk project"),
        (("export", demo_project, tmp_path / "no" / "such" / "dir" / "x.xlsx"), "does not exist"),
        (("export", demo_project, tmp_path / "x.docx"), ".xlsx"),
        (("autocode", demo_project, "--code", "A", "--pattern", "(unclosed"), "regular expression"),
    ):
        result = cli(*args)
        assert result.code == 1, (args, result)
        assert needle in result.err, (args, result.err)
        assert result.err.startswith("dotsdesk: error: ") and result.err.count("\n") == 1


def test_open_without_display_says_so(cli, demo_project: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    copy = tmp_path / "c.dots"
    shutil.copy(demo_project, copy)
    result = cli("open", copy, env={"QT_QPA_PLATFORM": "", "DISPLAY": "", "WAYLAND_DISPLAY": ""})
    assert result.code == 1 and "no display" in result.err
