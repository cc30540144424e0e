"""Fuzzing `dotsdesk import` with Hypothesis: tables, transcripts, Office files, REFI-QDA
projects and codebooks, spoilt in every way the generators know.

The property, for every input: the command ends with status 0 or 1 and never a traceback; on
1, one line on stderr naming the file and the problem (an importer's own words, never the
catch-all for an unexpected exception), without the text of any answer, and the project file
byte for byte as it was. Runs in this process through the CLI's main function, deterministic
(derandomize) and sized to stay within a few seconds per property.
"""

from __future__ import annotations

import hashlib
import io
import os
import shutil
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dotsdesk.cli import main
from tests import hostile
from tests.paths import DATA

# DOTSDESK_FUZZ_EXAMPLES=2000 searches longer, with fresh random examples each run.
_LONGER = os.environ.get("DOTSDESK_FUZZ_EXAMPLES")
FUZZ = settings(
    max_examples=int(_LONGER or 60),
    deadline=None,
    derandomize=not _LONGER,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("fuzz")
    good = folder / "good.csv"
    good.write_bytes(hostile.good_csv())
    assert main(["new", str(folder / "study.dots")]) == 0
    assert main(["import", str(folder / "study.dots"), str(good)]) == 0
    return folder / "study.dots"


def check_import(
    capsys: pytest.CaptureFixture[str],
    template: Path,
    folder: Path,
    name: str,
    data: bytes,
    answers: list[str] | None = None,
) -> int:
    """Import `data` as `name` into a fresh copy of the project and check the property."""
    study = folder / "study.dots"
    shutil.copyfile(template, study)
    for leftover in folder.glob("study.dots*-*"):
        leftover.unlink()
    path = folder / name
    path.write_bytes(data)
    before = digest(study)
    capsys.readouterr()
    code = main(["import", str(study), str(path)])
    out, err = capsys.readouterr()
    assert code in (0, 1), (code, err)
    assert "Traceback" not in err and "Traceback" not in out
    if code == 1:
        lines = err.strip().splitlines()
        assert len(lines) == 1, err
        assert lines[0].startswith(f"dotsdesk: error: {path}: "), err
        assert "unexpected" not in lines[0], err  # an importer's own words, not the catch-all
        for answer in answers or []:
            assert answer not in err
        assert digest(study) == before
    else:
        assert out.strip(), "a successful import reports what it did"
    return code


# --- tables ----------------------------------------------------------------------------------

_NASTY = [
    "\x00", "\ud83d", "\udc4d", '"', '""', "\r", "\n", "\r\n", ",", ";", "\t", "=HYPERLINK(1)",
    "小K说", "👩\u200d💻", "e\u0301", "\ufeff", "\u2028", "\x1a", "\\", "'", " ", "Ω≈ç√",
]  # fmt: skip
cells = st.one_of(
    st.text(st.characters(exclude_categories=()), max_size=12),
    st.sampled_from(_NASTY),
    st.builds("".join, st.lists(st.sampled_from(_NASTY), max_size=6)),
)
answers = st.text(st.characters(exclude_categories=("Cs", "Cc")), min_size=20, max_size=60)
encodings = st.sampled_from(
    [
        ("utf-8", "surrogatepass"),
        ("utf-8-sig", "surrogatepass"),
        ("utf-16", "surrogatepass"),
        ("gbk", "replace"),
        ("cp1252", "replace"),
        ("latin-1", "replace"),
    ]
)


@st.composite
def tables(draw: st.DrawFn) -> tuple[str, bytes, list[str]]:
    width = draw(st.integers(1, 6))
    header = draw(st.lists(cells, min_size=1, max_size=width + 2))
    rows = [header]
    said: list[str] = []
    for n in range(draw(st.integers(0, 8))):
        row = draw(st.lists(cells, min_size=0, max_size=width + 3))
        if draw(st.booleans()):
            answer = f"ANSWER-{n}-" + draw(answers)
            said.append(answer)
            row.append(answer)
        rows.append(row)
    delimiter = draw(st.sampled_from([",", ";", "\t", "|"]))
    newline = draw(st.sampled_from(["\n", "\r\n", "\r"]))
    quote = draw(st.booleans())
    text = newline.join(delimiter.join(f'"{c}"' if quote and c else c for c in row) for row in rows)
    codec, errors = draw(encodings)
    data = text.encode(codec, errors)
    if draw(st.booleans()):  # bytes no encoding writes, somewhere
        at = draw(st.integers(0, len(data)))
        data = data[:at] + draw(st.binary(min_size=1, max_size=4)) + data[at:]
    if draw(st.booleans()):
        data = data[: draw(st.integers(0, len(data)))]
    suffix = draw(st.sampled_from([".csv", ".tsv"]))
    return f"table{suffix}", data, [a for a in said if a.isprintable() and len(a) >= 24]


@FUZZ
@given(case=tables())
def test_fuzzed_tables(
    capsys: pytest.CaptureFixture[str],
    template: Path,
    tmp_path: Path,
    case: tuple[str, bytes, list[str]],
) -> None:
    name, data, said = case
    check_import(capsys, template, tmp_path, name, data, said)


# --- transcripts -----------------------------------------------------------------------------

_LINES = [
    "WEBVTT", "1", "00:00:01.000 --> 00:00:04.000", "00:00:01,000 --> 00:00:04,000",
    "Interviewer: Do you write production code?", "Jane: 我们团队自己部署模型。", "",
    "<v Jane>Yes, mostly SQL", "{\\rtf1\\ansi ", "\\par ", "}", "# Interview", "-->", "::",
    "99:99:99.999 --> 00:00:00.000", "NOTE", "STYLE", "Q:", "A:", "访谈者：", "受访者：",
]  # fmt: skip


@st.composite
def transcripts(draw: st.DrawFn) -> tuple[str, bytes]:
    lines = draw(st.lists(st.one_of(st.sampled_from(_LINES), cells), max_size=30))
    text = draw(st.sampled_from(["\n", "\r\n"])).join(lines)
    codec, errors = draw(encodings)
    data = text.encode(codec, errors)
    if draw(st.booleans()):
        at = draw(st.integers(0, len(data)))
        data = data[:at] + draw(st.binary(min_size=1, max_size=8)) + data[at:]
    suffix = draw(st.sampled_from([".txt", ".md", ".vtt", ".srt", ".rtf"]))
    return f"interview{suffix}", data


@FUZZ
@given(case=transcripts())
def test_fuzzed_transcripts(
    capsys: pytest.CaptureFixture[str], template: Path, tmp_path: Path, case: tuple[str, bytes]
) -> None:
    check_import(capsys, template, tmp_path, *case)


# --- zipped files: bytes spoilt, or the XML inside them -----------------------------------

_GOOD = {suffix: make() for suffix, make in hostile.GOOD.items() if suffix != ".csv"}


@st.composite
def spoilt_archives(draw: st.DrawFn) -> tuple[str, bytes]:
    suffix = draw(st.sampled_from(sorted(_GOOD)))
    data = bytearray(_GOOD[suffix])
    for _ in range(draw(st.integers(1, 3))):
        kind = draw(st.sampled_from(["cut", "flip", "delete", "insert", "tail"]))
        at = draw(st.integers(0, max(0, len(data) - 1)))
        if kind == "cut":
            del data[at:]
        elif kind == "flip" and data:
            data[at] ^= draw(st.integers(1, 255))
        elif kind == "delete":
            del data[at : at + draw(st.integers(1, 64))]
        elif kind == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=16))
        else:  # the central directory, where sizes and offsets are
            end = len(data) - draw(st.integers(1, min(200, max(1, len(data)))))
            if 0 <= end < len(data):
                data[end] ^= draw(st.integers(1, 255))
    return f"spoilt{suffix}", bytes(data)


@FUZZ
@given(case=spoilt_archives())
def test_fuzzed_office_files_and_projects(
    capsys: pytest.CaptureFixture[str], template: Path, tmp_path: Path, case: tuple[str, bytes]
) -> None:
    check_import(capsys, template, tmp_path, *case)


_XML_JUNK = [
    b"<!DOCTYPE r>", b'<!DOCTYPE r [<!ENTITY e "x">]>', b'<!ENTITY e SYSTEM "file:///etc/passwd">',
    b"&e;", b"<", b">", b"</x>", b"<![CDATA[", b"]]>", b"<?pi x?>", b"\x00", b"\xff\xfe",
    b"&#0;", b"&#xD800;", b"<!--", b"-->", b'xmlns:w="urn:x"', b"\xe4\xbd\xa0",
]  # fmt: skip


@st.composite
def spoilt_xml(draw: st.DrawFn) -> tuple[str, bytes]:
    suffix = draw(st.sampled_from([".docx", ".xlsx", ".ods", ".qdpx", ".qdc"]))
    if suffix == ".qdc":
        xml = (DATA / "refi" / "taguette_like.qdc").read_bytes()
    else:
        with zipfile.ZipFile(io.BytesIO(_GOOD[suffix])) as z:
            xml = z.read(hostile.MAIN_XML[suffix])
    for _ in range(draw(st.integers(1, 3))):
        at = draw(st.integers(0, len(xml)))
        junk = draw(st.one_of(st.sampled_from(_XML_JUNK), st.binary(min_size=1, max_size=6)))
        xml = xml[:at] + junk + xml[at:]
    if suffix == ".qdc":
        return "codebook.qdc", xml
    return f"xml{suffix}", hostile.replaced(_GOOD[suffix], {hostile.MAIN_XML[suffix]: xml})


@FUZZ
@given(case=spoilt_xml())
def test_fuzzed_xml_inside(
    capsys: pytest.CaptureFixture[str], template: Path, tmp_path: Path, case: tuple[str, bytes]
) -> None:
    check_import(capsys, template, tmp_path, *case)
