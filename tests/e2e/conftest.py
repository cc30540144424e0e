"""Run `dotsdesk` as a user does: a separate process, reading its stdout, stderr and exit code."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest


@dataclass
class Run:
    code: int
    out: str
    err: str

    def json(self) -> Any:
        return json.loads(self.out)


def run_cli(*args: str | Path, cwd: Path | None = None, env: dict[str, str] | None = None) -> Run:
    full_env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHONIOENCODING": "utf-8",
        **(env or {}),
    }
    proc = subprocess.run(
        [sys.executable, "-m", "dotsdesk", *map(str, args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=cwd,
        env=full_env,
        timeout=120,
    )
    return Run(proc.returncode, proc.stdout, proc.stderr)


@pytest.fixture
def cli(tmp_path: Path):  # type: ignore[no-untyped-def]
    def call(*args: str | Path, **kw: Any) -> Run:
        kw.setdefault("cwd", tmp_path)
        kw.setdefault("env", {"XDG_DATA_HOME": str(tmp_path / "data")})
        return run_cli(*args, **kw)

    return call


@pytest.fixture(scope="session")
def demo_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample project, built once by the real command; tests copy it before writing."""
    path = tmp_path_factory.mktemp("demo") / "sample.dots"
    result = run_cli("demo", path)
    assert result.code == 0, result.err
    return path
