"""Untrusted exchange files: each bad one is refused with one line naming it and the problem,
and the project file stays byte for byte as it was."""

from __future__ import annotations

import hashlib
import shutil
import zipfile
from pathlib import Path

import pytest

from dotsdesk.errors import InputError
from dotsdesk.importers import import_file
from dotsdesk.importers.refi import archive
from dotsdesk.store import Project
from tests.paths import DATA

REFI = DATA / "refi"


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize(
    ("name", "problem"),
    [
        ("bad_truncated.qdpx", "not a valid .qdpx file (the zip is truncated or damaged)"),
        ("bad_not_zip.qdpx", "not a valid .qdpx file (it is not a zip archive"),
        ("bad_bomb.qdpx", "this looks like a zip bomb"),
        ("bad_traversal.qdpx", "'../../evil.txt' points outside the archive"),
        ("bad_entities.qdpx", "project.qde declares a DTD or entities"),
        ("bad_entities.qdc", "the codebook declares a DTD or entities"),
    ],
)
def test_bad_archive_is_refused_in_one_line_and_changes_nothing(
    tmp_path: Path, empty_project_file: Path, sample_file: Path, name: str, problem: str
) -> None:
    study = tmp_path / "study.dots"
    shutil.copyfile(sample_file, study)
    before = digest(study)
    with Project.open(study) as project, pytest.raises(InputError) as caught, project.write() as s:
        import_file(s, REFI / name)
    message = str(caught.value)
    assert problem in message and name in message
    assert "\n" not in message
    assert digest(study) == before


def test_a_damaged_entry_is_refused(tmp_path: Path, project: Project) -> None:
    good = (REFI / "qualcoder_like.qdpx").read_bytes()
    # Flip a byte inside the deflated project.qde: the CRC check catches it.
    broken = bytearray(good)
    at = good.index(b"project.qde") + 40
    broken[at] ^= 0xFF
    target = tmp_path / "damaged.qdpx"
    target.write_bytes(bytes(broken))
    with pytest.raises(InputError, match=r"damaged|not well-formed"), project.write() as s:
        import_file(s, target)


def test_a_zip_without_a_project_says_what_it_lacks(tmp_path: Path, project: Project) -> None:
    target = tmp_path / "photos.qdpx"
    with zipfile.ZipFile(target, "w") as z:
        z.writestr("holiday.jpg", b"\xff\xd8")
    with pytest.raises(InputError, match=r"has no project\.qde"), project.write() as s:
        import_file(s, target)


def test_limits_apply_to_the_sizes_an_archive_declares(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "big.qdpx"
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("project.qde", b"<Project/>")
        z.writestr("sources/a.txt", b"x" * 5000)
    monkeypatch.setattr(archive, "MAX_TOTAL_BYTES", 4000)
    with pytest.raises(InputError, match="zip bomb"):
        archive.open_archive(target, target.read_bytes())


def test_source_paths_never_leave_the_archive(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("private", encoding="utf-8")
    target = tmp_path / "p.qdpx"
    with zipfile.ZipFile(target, "w") as z:
        z.writestr("project.qde", b"<Project/>")
        z.writestr("sources/a.txt", b"inside")
    opened = archive.open_archive(target, target.read_bytes())
    assert opened.find_source("internal://a.txt") == ("sources/a.txt", b"inside")
    assert opened.find_source("internal://../secret.txt") is None
    assert opened.find_source(f"absolute://{secret}") is None
    assert opened.find_source("relative://secret.txt") is None
