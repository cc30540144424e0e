"""Where the app keeps window layout and recent projects (QSettings, the platform's place).

Tests and screenshots point DOTSDESK_SETTINGS at a file so they never touch the user's.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QSettings

MAX_RECENT = 10


def app_settings() -> QSettings:
    override = os.environ.get("DOTSDESK_SETTINGS")
    if override:
        return QSettings(override, QSettings.Format.IniFormat)
    return QSettings("dotsdesk", "dotsdesk")


def recent_projects(settings: QSettings) -> list[Path]:
    value = settings.value("recent", [])
    paths = [value] if isinstance(value, str) else list(value or [])
    return [Path(p) for p in paths if p]


def remember_project(settings: QSettings, path: Path) -> None:
    path = path.resolve()
    recent = [p for p in recent_projects(settings) if p != path]
    settings.setValue("recent", [str(p) for p in [path, *recent][:MAX_RECENT]])
    settings.setValue("lastProject", str(path))


def forget_project(settings: QSettings, path: Path) -> None:
    recent = [p for p in recent_projects(settings) if p != path.resolve()]
    settings.setValue("recent", [str(p) for p in recent])
