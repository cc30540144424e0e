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


# -- preferences of the window (Edit > Preferences…) --------------------------------------
TEXT_FAMILY = "preferences/textFamily"
TEXT_SIZE = "preferences/textSize"
SNAP_WORDS = "preferences/snapWords"
AUTO_TRANSLATION = "preferences/autoTranslation"
SAFE_COLOURS = "preferences/colourBlindSafe"
DEFAULT_POPULATION = "preferences/defaultPopulation"
MIN_TEXT_SIZE, MAX_TEXT_SIZE = 8, 32


def _flag(settings: QSettings, key: str, default: bool) -> bool:
    """A yes/no setting: an INI file gives back "true"/"false" as text."""
    value = settings.value(key, default)
    if isinstance(value, str):
        return value.strip().lower() in {"true", "1", "yes"}
    return bool(value)


def text_family(settings: QSettings) -> str:
    """The font of the text being read and coded; "" for the application's."""
    value = settings.value(TEXT_FAMILY, "")
    return value if isinstance(value, str) else ""


def text_size(settings: QSettings) -> int:
    """Its size in points; 0 for the application's."""
    try:
        size = int(settings.value(TEXT_SIZE, 0))  # type: ignore[call-overload]
    except (TypeError, ValueError):
        return 0
    return size if MIN_TEXT_SIZE <= size <= MAX_TEXT_SIZE else 0


def snap_words(settings: QSettings) -> bool:
    """Widen a mouse selection to whole words (Latin scripts; Chinese is left as selected)."""
    return _flag(settings, SNAP_WORDS, True)


def auto_translation(settings: QSettings) -> bool:
    """Show a response's translation beside it when it has one (and only then)."""
    return _flag(settings, AUTO_TRANSLATION, True)


def colour_blind_safe(settings: QSettings) -> bool:
    """New codes take colours from the colour-blind-safe palette."""
    return _flag(settings, SAFE_COLOURS, False)


def default_population(settings: QSettings) -> str:
    """The set the browser and analysis start from; "" for all respondents."""
    value = settings.value(DEFAULT_POPULATION, "")
    return value if isinstance(value, str) else ""
