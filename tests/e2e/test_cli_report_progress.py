"""The Excel analysis report shows its progress on a terminal, and only there."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
from pathlib import Path


def test_progress_on_a_terminal_only(cli, tmp_path: Path, demo_project: Path) -> None:  # type: ignore[no-untyped-def]
    quiet = cli("export", demo_project, tmp_path / "piped.xlsx", "--analysis")
    assert quiet.code == 0, quiet.err
    assert quiet.err == "" and "%" not in quiet.out

    leader, follower = pty.openpty()
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", "XDG_DATA_HOME": str(tmp_path / "d")}
    target = tmp_path / "报告 📊.xlsx"
    with subprocess.Popen(
        [sys.executable, "-m", "dotsdesk", "export", str(demo_project), str(target), "--analysis"],
        stdout=subprocess.PIPE,
        stderr=follower,
        env=env,
    ) as proc:
        os.close(follower)
        seen = b""
        while True:
            try:
                chunk = os.read(leader, 4096)
            except OSError:  # the terminal closes when the command ends
                break
            if not chunk:
                break
            seen += chunk
        out, _ = proc.communicate(timeout=120)
    os.close(leader)
    assert proc.returncode == 0
    shown = seen.decode("utf-8")
    assert "writing 报告 📊.xlsx …   0%" in shown and "100%" in shown
    assert shown.count("\r") >= 5  # redrawn in place as it goes
    assert "wrote" in out.decode("utf-8") and target.exists()
