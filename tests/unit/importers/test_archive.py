"""Zip and XML limits: bombs refused from the declared sizes before anything is inflated, and
every XML part parsed whole, so an entity declared after a long comment is refused too."""

from __future__ import annotations

import os
import time
import zipfile
from pathlib import Path

import pytest

from dotsdesk.errors import InputError
from dotsdesk.importers import archive
from dotsdesk.importers.files import MAX_FILE_BYTES, read_file_bytes
from dotsdesk.importers.surveys.legacy_excel import read_calamine_records
from dotsdesk.importers.surveys.table import read_table
from dotsdesk.importers.transcripts.documents import read_document
from tests import hostile


def read_any(path: Path) -> object:
    if path.suffix == ".docx":
        return read_document(path)
    if path.suffix == ".ods":
        return read_calamine_records(path)
    return read_table(path)


@pytest.mark.parametrize(
    ("name", "make", "part", "size"),
    [
        ("report.docx", hostile.docx_bomb, "word/document.xml", "2.1 GB"),
        ("answers.xlsx", hostile.xlsx_cell_bomb, "xl/worksheets/sheet1.xml", "1.2 GB"),
        ("answers.ods", hostile.ods_bomb, "content.xml", "629.1 MB"),
    ],
)
def test_a_zip_bomb_is_refused_at_once_in_one_line(
    tmp_path: Path, name: str, make: object, part: str, size: str
) -> None:
    path = tmp_path / name
    path.write_bytes(make())  # type: ignore[operator]
    started = time.perf_counter()
    with pytest.raises(InputError) as caught:
        read_any(path)
    assert time.perf_counter() - started < 1.0
    message = str(caught.value)
    assert message == (
        f"{path}: refused: {part} would unpack to {size} (over the 250.0 MB limit for one "
        "part); this looks like a zip bomb"
    )


def test_the_docx_bomb_is_what_the_tester_made(tmp_path: Path) -> None:
    """A real deflate stream: over 10 GB declared and true, from about 10 MB."""
    data = hostile.docx_bomb()
    assert len(data) < 11 * 10**6
    path = tmp_path / "b.docx"
    path.write_bytes(data)
    with zipfile.ZipFile(path) as z:
        assert sum(i.file_size for i in z.infolist()) > 10 * 10**9
        with z.open("word/document.xml") as member:
            assert member.read(200).startswith(b'<?xml version="1.0"?><w:document')


def test_ratio_and_total_limits(tmp_path: Path) -> None:
    limits = archive.Limits(entries=3, entry_bytes=10**6, total_bytes=15 * 10**5, ratio_floor=1000)
    path = tmp_path / "a.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("zeros.xml", bytes(900_000))
    with pytest.raises(InputError, match=r"zeros\.xml would unpack to 900\.0 KB \(\d[\d,]* times"):
        archive.open_zip(path, path, limits, ".xlsx")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as z:
        z.writestr("a.xml", bytes(900_000))
        z.writestr("b.xml", bytes(900_000))
    with pytest.raises(InputError, match=r"would unpack to more than 1\.5 MB, the limit"):
        archive.open_zip(path, path, limits, ".xlsx")
    with zipfile.ZipFile(path, "w") as z:
        for n in range(4):
            z.writestr(f"{n}.xml", b"<a/>")
    with pytest.raises(InputError, match="holds 4 entries, over the limit of 3"):
        archive.open_zip(path, path, limits, ".xlsx")


@pytest.mark.parametrize("suffix", [".docx", ".xlsx", ".ods"])
def test_an_entity_after_a_long_comment_is_refused(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"entity{suffix}"
    path.write_bytes(hostile.entity_after_comment(suffix))
    # The declaration starts after the first 4 KB of the part: a prefix check missed it.
    with pytest.raises(InputError, match=r"it contains XML entity declarations in \S+\.xml"):
        read_any(path)


@pytest.mark.parametrize("suffix", [".docx", ".xlsx"])
def test_an_external_entity_is_refused(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"external{suffix}"
    path.write_bytes(hostile.external_entity(suffix))
    with pytest.raises(InputError, match="XML entity declarations"):
        read_any(path)


@pytest.mark.parametrize("suffix", [".docx", ".xlsx", ".ods"])
def test_the_same_files_unspoilt_are_read(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"good{suffix}"
    path.write_bytes(hostile.GOOD[suffix]())
    read_any(path)


def test_malformed_xml_inside_a_zip_is_named(tmp_path: Path) -> None:
    path = tmp_path / "broken.xlsx"
    path.write_bytes(
        hostile.replaced(hostile.good_xlsx(), {"xl/worksheets/sheet1.xml": b"<worksheet><x>"})
    )
    with pytest.raises(InputError, match=r"xl/worksheets/sheet1\.xml is not well-formed XML"):
        read_table(path)


def test_a_file_over_the_size_limit_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.csv"
    with path.open("wb") as f:  # sparse: nothing is written, nothing could be read in time
        f.truncate(MAX_FILE_BYTES + 1)
    started = time.perf_counter()
    with pytest.raises(InputError) as caught:
        read_table(path)
    assert time.perf_counter() - started < 0.5
    assert str(caught.value) == (
        f"{path}: refused: the file is 256.0 MB, over the 256.0 MB import limit"
    )


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes")
def test_a_pipe_is_not_read_forever(tmp_path: Path) -> None:
    path = tmp_path / "answers.csv"
    os.mkfifo(path)
    with pytest.raises(InputError, match=r"not a regular file \(a device, pipe or socket\)"):
        read_file_bytes(path)


def test_sizes_read_as_people_read_them() -> None:
    sizes = [archive.human_size(n) for n in (999, 3_700_000, 10_500_000_000)]
    assert sizes == ["999 bytes", "3.7 MB", "10.5 GB"]
