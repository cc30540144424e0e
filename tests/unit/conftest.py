"""The sample project (with its post), built once per session and copied for each test."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from dotsdesk.services.sample import build_sample
from dotsdesk.store import Project


@pytest.fixture(scope="session")
def sample_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("sample") / "sample.dots"
    with Project.create(path) as p, p.write() as s:
        build_sample(s)
    return path


@pytest.fixture
def sample_project(tmp_path: Path, sample_file: Path) -> Iterator[Project]:
    """A fresh copy of the sample, open for writing."""
    path = tmp_path / "sample.dots"
    shutil.copyfile(sample_file, path)
    with Project.open(path) as p:
        yield p
