"""The crash harness, short: about 30 real `dotsdesk` commands (and a coding session with
undo and redo) killed with SIGKILL at random moments, then the project opened and checked.
`tools/crashtest --trials 200` is the long run whose figures the README gives."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.paths import TESTS

CRASHTEST = TESTS.parent / "tools" / "crashtest"


@pytest.mark.timeout(300)
def test_kill_9_loses_nothing_and_breaks_nothing() -> None:
    proc = subprocess.run(
        [sys.executable, str(CRASHTEST), "--trials", "35", "--quick", "--seed", "22", "--json"],
        capture_output=True,
        text=True,
        timeout=280,
    )
    figures = json.loads(proc.stdout.strip().splitlines()[-1])
    assert figures["problems"] == [], figures["problems"]
    assert proc.returncode == 0, proc.stderr
    assert figures["trials"] == 35 and figures["kills"] >= 20  # the rest ran to the end
    assert set(figures["per_scenario"]) == {
        "import", "coding", "consent", "excel", "word", "refi", "upgrade",
    }  # fmt: skip
    assert figures["acknowledged_coding_actions"] > 0  # the driver's actions were checked
