"""Where the app's own files are: the source tree's resources/ or a bundled copy."""

from __future__ import annotations

import sys
from pathlib import Path


def resources_dir() -> Path:
    candidates = [
        Path(getattr(sys, "_MEIPASS", "")) / "resources",  # a PyInstaller bundle
        Path(__file__).resolve().parent / "resources",  # an installed wheel
        Path(__file__).resolve().parents[2] / "resources",  # the source checkout
    ]
    for candidate in candidates:
        if (candidate / "sample").is_dir():
            return candidate
    raise FileNotFoundError("the dotsdesk resources folder is missing from this installation")


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)
