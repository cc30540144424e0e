"""Starting the desktop app (the only entry into ui/, so the CLI stays Qt-free until then)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from .errors import DotsError


def check_display() -> None:
    """Qt aborts the process without a display; say so in one line instead."""
    if sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY")
        or os.environ.get("WAYLAND_DISPLAY")
        or os.environ.get("QT_QPA_PLATFORM")
    ):
        raise DotsError(
            None,
            "no display to show the window on "
            "(set DISPLAY, or QT_QPA_PLATFORM=offscreen for tests)",
        )


def run_gui(project: Path | None = None) -> int:
    check_display()
    from .ui.application import run

    return run(project)
