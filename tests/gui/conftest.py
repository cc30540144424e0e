"""GUI tests run offscreen against real widgets and real project files."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from dotsdesk.services.sample import build_sample
from dotsdesk.store import Project


@pytest.fixture(autouse=True)
def gui_thread_gc(qapp) -> Iterator[None]:  # type: ignore[no-untyped-def]
    """As in the app: cyclic garbage is collected on the GUI thread, never on a worker; the
    tests after the GUI ones run with the interpreter's own collection again."""
    from dotsdesk.ui.gc_guard import collect_on_gui_thread

    collector = collect_on_gui_thread(qapp)
    yield
    collector.stop()


@pytest.fixture(scope="session", autouse=True)
def english_interface(qapp) -> None:  # type: ignore[no-untyped-def]
    """The window speaks English, whatever the machine's locale, with the English catalogue
    installed as the app installs it (it holds the plural forms of %n messages)."""
    from dotsdesk.ui.i18n import install_language

    install_language(qapp, "en")


@pytest.fixture
def chinese_interface(qapp) -> Iterator[None]:  # type: ignore[no-untyped-def]
    """The window in Simplified Chinese for one test, English again afterwards."""
    from dotsdesk.ui.i18n import install_language

    install_language(qapp, "zh_CN")
    yield
    install_language(qapp, "en")


@pytest.fixture(autouse=True)
def known_coder(preferences_file: Path) -> str:
    """The coder has said who they are, so coding never stops to ask; the tests of that
    question (test_coder.py) remove the file again."""
    from dotsdesk.preferences import set_coder_name

    return set_coder_name("Tess Coder")


@pytest.fixture(scope="session")
def sample_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample project, built once; tests get a copy."""
    path = tmp_path_factory.mktemp("sample") / "sample.dots"
    with Project.create(path) as project, project.write() as s:
        build_sample(s)
    return path


@pytest.fixture
def sample_path(sample_file: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "sample.dots"
    shutil.copy(sample_file, copy)
    return copy


@pytest.fixture
def ctx(qtbot, sample_path: Path) -> Iterator[object]:  # type: ignore[no-untyped-def]
    """A ProjectContext with the sample project open (undo on), closed afterwards."""
    from dotsdesk.ui.context import ProjectContext

    context = ProjectContext()
    context.open(sample_path)
    yield context
    context.close()
