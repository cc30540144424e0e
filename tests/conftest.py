"""Shared fixtures: a fresh project file and a corpus of awkward texts.

No Qt here: these fixtures are for every test layer.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from dotsdesk.store import Project

# Texts that break code that confuses bytes, UTF-16 units, graphemes and code points.
CORPUS: dict[str, str] = {
    "english": (
        "I moved from research to engineering because the Business Impact was clearer. "
        "Machine learning in production is mostly plumbing."
    ),
    "chinese": "我在面试的时候被问到很多机器学习的问题，数据科学家的工作其实很杂。",
    "mixed": "作为 data scientist，我觉得沟通最重要 👩‍💻 — really, 沟通 matters!",
    "emoji": "Launch day 🚀🇨🇳 went well 👩‍💻👨‍👩‍👧 and then the Python service crashed.",
    "combining": (
        "The cafe\u0301 near the e\u0301cole serves coffee; nai\u0308ve but nice, cafe\u0301!"
    ),
    "short": "ok",
}


@pytest.fixture(autouse=True)
def preferences_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test has its own preferences file (none yet: a new installation), never the
    user's; the commands the e2e tests run inherit it."""
    path = tmp_path / "preferences" / "preferences.json"
    monkeypatch.setenv("DOTSDESK_PREFERENCES", str(path))
    return path


@pytest.fixture(autouse=True)
def english_unless_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    """A command run with --lang in this process remembers the language in the environment
    (for the window it may open); the next test, and the commands it runs, start without."""
    monkeypatch.delenv("DOTSDESK_LANG", raising=False)


@pytest.fixture(scope="session", autouse=True)
def session_data_folder(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The data folder of the fixtures built once per session (before any test's own)."""
    path = tmp_path_factory.mktemp("dotsdesk-data")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DOTSDESK_DATA", str(path))
        yield path


@pytest.fixture(scope="session", autouse=True)
def cache_folder(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Caches (the language model, kept uncompressed) in a folder of the session's, never
    the user's; the commands the e2e tests run inherit it."""
    path = tmp_path_factory.mktemp("dotsdesk-cache")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DOTSDESK_CACHE", str(path))
        yield path


@pytest.fixture(autouse=True)
def data_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test has its own data folder for rolling backups and writer locks (store/
    places.py), never the user's; the commands the e2e tests run inherit it."""
    path = tmp_path / "dotsdesk-data"
    monkeypatch.setenv("DOTSDESK_DATA", str(path))
    return path


@pytest.fixture
def corpus() -> dict[str, str]:
    """A fresh copy of the corpus (name -> text)."""
    return dict(CORPUS)


@pytest.fixture(scope="session")
def empty_project_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One empty project made by `Project.create`, to copy: creating runs every migration,
    which would be most of the time of a short test."""
    path = tmp_path_factory.mktemp("template") / "empty.dots"
    Project.create(path).close()
    return path


@pytest.fixture
def project(tmp_path: Path, empty_project_file: Path) -> Iterator[Project]:
    """A new, empty project `tmp_path / "t.dots"` open for writing; closed (and unlocked) at
    teardown. Tests of `Project.create` itself call it directly."""
    path = tmp_path / "t.dots"
    shutil.copyfile(empty_project_file, path)
    p = Project.open(path)
    try:
        yield p
    finally:
        p.close()


@pytest.fixture
def make_response(project: Project) -> Callable[..., int]:
    """`make_response(text, key=None, language=None)` -> response id, in its own write.

    A new respondent is made for each call unless `key` names an existing one.
    """
    from dotsdesk.errors import NotFound
    from dotsdesk.services.corpus.respondents import add_respondent, find_respondent
    from dotsdesk.services.corpus.responses import add_response

    counter = iter(range(1, 1_000_000))

    def make(text: str, key: str | None = None, language: str | None = None) -> int:
        with project.write() as s:
            key = key or f"resp-{next(counter)}"
            try:
                respondent = find_respondent(s, key)
            except NotFound:
                respondent = add_respondent(s, key)
            return add_response(s, respondent.id, text, language=language).id

    return make
