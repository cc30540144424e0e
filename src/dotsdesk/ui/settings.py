"""Where the app keeps window layout and recent projects (QSettings, the platform's place),
and, through the Qt-free preferences file the command line reads too, who is coding.

Tests and screenshots point DOTSDESK_SETTINGS (and DOTSDESK_PREFERENCES) at files so they never
touch the user's.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QSettings

from .. import preferences

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


def saved_coder() -> str | None:
    """Who is coding, if the user has said (kept where `dotsdesk autocode` finds it)."""
    return preferences.coder_name()


def save_coder(name: str) -> str:
    """Save who is coding; returns the name as saved (trimmed). Refuses a blank name."""
    return preferences.set_coder_name(name)
