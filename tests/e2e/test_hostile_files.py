"""Hostile files through the real `dotsdesk import`: each one is refused with exit status 1,
one line on stderr naming the file and the problem, no traceback, and the project file
byte for byte as it was.

The corpus is tests/data/hostile/ (small, committed; `python -m tests.hostile` writes it)
and the big ones tests/hostile.py builds here (zip bombs declaring gigabytes, a 50 MB line,
100,000 columns), plus folders, missing paths and Office files and REFI-QDA projects cut
short at every eighth byte (a sample of the cuts, so that the suite stays fast). The command
runs in this process through its main function; a few run as real processes too.
"""

from __future__ import annotations

import hashlib
import shutil
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from dotsdesk.cli import main
from tests import hostile

from .conftest import run_cli

CORPUS = sorted(p for p in hostile.HOSTILE.iterdir() if p.name != "README.md")
# What each committed nasty is refused for (a part of its one line).
EXPECTED = {
    "billion_laughs.qdc": "declares a DTD or entities",
    "damaged_utf8.csv": "the first byte that is not UTF-8 is on line 3",
    "docx_named.xlsx": "it is a Word document, not an Excel workbook",
    "entity_after_comment.docx": "XML entity declarations in word/document.xml",
    "entity_after_comment.ods": "XML entity declarations in content.xml",
    "entity_after_comment.qdpx": "project.qde declares a DTD or entities",
    "entity_after_comment.xlsx": "XML entity declarations in xl/worksheets/sheet1.xml",
    "external_entity.docx": "XML entity declarations",
    "external_entity.qdpx": "declares a DTD or entities",
    "external_entity.xlsx": "XML entity declarations",
    "html_named.xls": "not a valid .xls file",
    "lone_surrogate.csv": "is on line 2",
    "long_id.csv": "'respondent' value has 100,000 characters, too long for an id",
    "mixed_gbk_utf8.csv": "is on line 3",
    "nul_bytes.csv": "this is not a text file",
    "pdf_named.docx": "it is a PDF file",
    "png_named.csv": "this is not a text file",
    "ragged.csv": "no column looks like free-text answers",
    "text_named.docx": "it is a text file renamed to .docx",
    "traversal.qdpx": "points outside the archive",
    "utf16_lone_surrogate.csv": "cannot decode the text as UTF-16 LE: invalid bytes on line 3",
    "xlsx_named.qdpx": "the archive has no project.qde",
    "zip_named.xlsx": "it is a zip archive but not an Office file",
}
BIG = {
    "docx_bomb.docx": "word/document.xml would unpack to 2.1 GB",
    "xlsx_cell_bomb.xlsx": "xl/worksheets/sheet1.xml would unpack to 1.2 GB",
    "ods_bomb.ods": "content.xml would unpack to 629.1 MB",
    "long_line.csv": "line 2: a cell is longer than 1,000,000 characters",
    "wide.csv": "line 1 has 100,000 cells; a table may have at most 16,384 columns",
}


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A project with respondents and answers in it, to be copied by each test."""
    folder = tmp_path_factory.mktemp("hostile")
    good = folder / "good.csv"
    good.write_bytes(hostile.good_csv())
    assert main(["new", str(folder / "study.dots")]) == 0
    assert main(["import", str(folder / "study.dots"), str(good)]) == 0
    return folder / "study.dots"


@pytest.fixture(scope="module")
def big(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return hostile.big_corpus(tmp_path_factory.mktemp("big"))


@pytest.fixture
def study(tmp_path: Path, template: Path) -> Path:
    copy = tmp_path / "study.dots"
    shutil.copyfile(template, copy)
    return copy


def refused(capsys: pytest.CaptureFixture[str], study: Path, path: Path, *args: str) -> str:
    """Import `path`; assert the refusal's shape and that nothing changed; its one line."""
    before = digest(study)
    capsys.readouterr()
    code = main(["import", str(study), str(path), *args])
    out, err = capsys.readouterr()
    assert code == 1, (out, err)
    lines = err.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in err, err
    assert lines[0].startswith("dotsdesk: error: ") and path.name in lines[0]
    assert digest(study) == before
    return lines[0]


def test_every_committed_nasty_is_listed() -> None:
    assert sorted(p.name for p in CORPUS if not p.name.startswith("empty.")) == sorted(EXPECTED)
    assert all(p.stat().st_size < 200_000 for p in CORPUS)


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.name)
def test_a_hostile_file_is_refused_in_one_line(
    capsys: pytest.CaptureFixture[str], study: Path, path: Path
) -> None:
    line = refused(capsys, study, path)
    if path.name.startswith("empty."):
        assert any(w in line for w in ("empty", "no text", "no captions", "not a valid", "XML"))
    else:
        assert EXPECTED[path.name] in line


@pytest.mark.parametrize("name", sorted(BIG))
def test_a_big_hostile_file_is_refused_quickly(
    capsys: pytest.CaptureFixture[str], study: Path, big: dict[str, Path], name: str
) -> None:
    started = time.perf_counter()
    line = refused(capsys, study, big[name])
    assert BIG[name] in line
    assert time.perf_counter() - started < 3.0  # the bombs in well under a second


def test_folders_and_missing_paths(
    capsys: pytest.CaptureFixture[str], study: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "answers.csv"
    folder.mkdir()
    assert "this is a folder, not a file" in refused(capsys, study, folder)
    assert "no such file" in refused(capsys, study, tmp_path / "gone.xlsx")


def _cuts() -> Iterator[tuple[str, int, bytes]]:
    for suffix in (".xlsx", ".docx", ".qdpx", ".ods"):
        data = hostile.GOOD[suffix]()
        for cut, short in hostile.truncations(data, every=8, samples=10):
            yield suffix, cut, short


@pytest.mark.parametrize(
    ("suffix", "cut", "data"), list(_cuts()), ids=lambda v: str(v) if isinstance(v, int) else None
)
def test_an_office_file_or_project_cut_short_is_refused(
    capsys: pytest.CaptureFixture[str],
    study: Path,
    tmp_path: Path,
    suffix: str,
    cut: int,
    data: bytes,
) -> None:
    path = tmp_path / f"cut_at_{cut}{suffix}"
    path.write_bytes(data)
    line = refused(capsys, study, path)
    assert any(w in line for w in ("truncated", "damaged", "not a valid", "not a zip"))


@pytest.mark.parametrize("name", ["entity_after_comment.xlsx", "traversal.qdpx"])
def test_as_a_real_process_too(tmp_path: Path, template: Path, name: str) -> None:
    study = tmp_path / "study.dots"
    shutil.copyfile(template, study)
    before = digest(study)
    result = run_cli("import", study, hostile.HOSTILE / name, cwd=tmp_path)
    assert result.code == 1 and result.out == ""
    assert result.err.count("\n") == 1 and name in result.err and "Traceback" not in result.err
    assert digest(study) == before
