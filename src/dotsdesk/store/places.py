"""Where dotsdesk keeps its own files for a user: backups and writer locks.

`platformdirs` gives the user's data folder (`~/.local/share/dotsdesk` on Linux);
DOTSDESK_DATA names another, so that tests and portable installs never touch the user's.
"""

from __future__ import annotations

import os
from pathlib import Path

ENV = "DOTSDESK_DATA"


def user_data() -> Path:
    override = os.environ.get(ENV)
    if override:
        return Path(override)
    from platformdirs import user_data_path

    return user_data_path("dotsdesk", appauthor=False)


def backups_root() -> Path:
    return user_data() / "backups"


def locks_folder() -> Path:
    return user_data() / "locks"
