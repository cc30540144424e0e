"""Every service test runs twice: on a project file (SQLite) and on a server (PostgreSQL)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from dotsdesk.store import Project
from tests.server import _shared_database, pg_server, server_database  # noqa: F401


@pytest.fixture(params=["sqlite", "postgresql"])
def project(
    request: pytest.FixtureRequest, tmp_path: Path, empty_project_file: Path
) -> Iterator[Project]:
    if request.param == "sqlite":
        path = tmp_path / "t.dots"
        shutil.copyfile(empty_project_file, path)
        p = Project.open(path)
    else:
        p = Project.open(request.getfixturevalue("server_database"))
    try:
        yield p
    finally:
        p.close()
