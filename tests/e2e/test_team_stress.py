"""A short run of tools/teamstress.py: three coder processes code, remove and undo on one
server project at once, one of them killed half way; nothing acknowledged is lost, nothing
doubled, nobody else fails."""

from __future__ import annotations

import subprocess
import sys

from tests.paths import TESTS
from tests.server import fresh_server_database, pg_server  # noqa: F401 - fixtures

TOOL = TESTS.parent / "tools" / "teamstress.py"
STRESS = ("--coders", "3", "--seconds", "6", "--kill")


def test_three_coders_at_once_lose_nothing(fresh_server_database: str) -> None:  # noqa: F811
    init = [sys.executable, "-m", "dotsdesk", "team", "init", fresh_server_database]
    assert subprocess.run(init, capture_output=True, timeout=120).returncode == 0
    done = subprocess.run(
        [sys.executable, str(TOOL), fresh_server_database, *STRESS],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    # One coder is killed with SIGKILL half way: what it was told was done is all there.
    assert "0 missing, 0 doubled; 0 coder(s) failed; coder0 killed half way" in done.stdout
    assert " add" in done.stdout and " undo" in done.stdout
