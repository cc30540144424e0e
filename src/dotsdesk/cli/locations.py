"""How a command names a project: a `.dots` file, or a team's `postgresql://` address."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..errors import DotsError
from ..store.server import ServerAddress, is_server_address


def project_location(text: str) -> Path | ServerAddress:
    if not is_server_address(text):
        return Path(text)
    try:
        return ServerAddress(text)
    except DotsError as exc:
        raise argparse.ArgumentTypeError(exc.problem) from None
