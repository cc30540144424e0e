"""The user's preferences that the command line reads too: a small JSON file, no Qt.

The window keeps its layout and recent projects in QSettings (ui/settings.py); what both the
window and the `dotsdesk` command need, such as who is coding, is here, so that the command
never imports Qt. The file is `preferences.json` in the platform's config folder
(`~/.config/dotsdesk/` on Linux, moved by XDG_CONFIG_HOME); DOTSDESK_PREFERENCES names another
file, for tests and screenshots.
"""

from __future__ import annotations

import contextlib
import json
import os
from pathlib import Path

from .errors import DotsError

ENV = "DOTSDESK_PREFERENCES"
CODER = "coder"
MAX_NAME = 80


def preferences_path() -> Path:
    override = os.environ.get(ENV)
    if override:
        return Path(override)
    from platformdirs import user_config_path

    return user_config_path("dotsdesk", appauthor=False) / "preferences.json"


def read_preferences() -> dict[str, object]:
    """Everything saved; nothing when the file is missing or unreadable (it is rewritten
    whole on the next change)."""
    try:
        data = json.loads(preferences_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def write_preference(key: str, value: object) -> None:
    """Save one preference; the file is replaced whole, so it is never half written."""
    path = preferences_path()
    data = read_preferences()
    data[key] = value
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(f".{path.name}.partial")
        partial.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
        os.replace(partial, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            path.with_name(f".{path.name}.partial").unlink(missing_ok=True)
        raise DotsError(path, f"cannot save the preferences: {exc.strerror}") from None


def clean_coder_name(name: str) -> str:
    """The name as saved with segments: one line, trimmed, not blank, not too long."""
    cleaned = " ".join(name.split())
    if not cleaned:
        raise DotsError(None, "the coder's name cannot be blank")
    if len(cleaned) > MAX_NAME:
        raise DotsError(None, f"the coder's name is longer than {MAX_NAME} characters")
    return cleaned


def coder_name() -> str | None:
    """Who is coding, as the user said; None until they have said it."""
    value = read_preferences().get(CODER)
    if not isinstance(value, str):
        return None
    try:
        return clean_coder_name(value)
    except DotsError:
        return None


def set_coder_name(name: str) -> str:
    """Save who is coding; returns the name as saved."""
    cleaned = clean_coder_name(name)
    write_preference(CODER, cleaned)
    return cleaned
