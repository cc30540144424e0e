"""Legacy .xls (and .xlsx, .ods) through python-calamine: text as a person sees it, or an
InputError that says what is wrong, never a traceback."""

from __future__ import annotations

import shutil
import struct
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from dotsdesk.errors import InputError
from dotsdesk.importers.surveys.legacy_excel import read_calamine_records, read_xls_records
from tests.paths import DATA

SHEETS = DATA / "surveys" / "wjx_sheets.xls"
Maker = Callable[[Path], Path]  # writes a file into a folder and returns its path


def test_libreoffice_xls() -> None:
    rows, sheet = read_xls_records(DATA / "old_excel.xls")
    assert sheet == "Responses"
    assert rows[0] == ["ID", "Handle", "Role", "Years", "Started", "Answer", "Double"]
    assert rows[1] == [
        "1",
        "小K",
        "Hybrid",
        "3",
        "2024-03-01",
        "我觉得要懂业务。\nSecond line.",
        "6",
    ]
    assert rows[2][3] == "5.5"
    assert rows[3][5] == "小K说：我是👩‍💻工程师 👍🏽 🇨🇳, Cafe\u0301 and cafe\u0301s"
    assert len(rows) == 5


def test_cells_as_a_person_sees_them() -> None:
    rows, sheet = read_xls_records(SHEETS)
    assert sheet == "答卷数据"  # the hidden first sheet 说明 is skipped
    assert rows == [
        ["序号", "整数", "小数", "日期", "日期时间", "时间", "是否", "空", "回答"],
        ["1", "3", "0.25", "2023-05-01", "2023-05-01 10:20:30", "08:05:00", "TRUE", "", TRICKY],
        ["2", "12345678901", "5.5", "2024-02-29", "2024-02-29 00:00:01", "23:59:00", "FALSE", "",
         "第一行\n第二行"],
    ]  # fmt: skip


TRICKY = "小K说：我是👩\u200d💻工程师 👍🏽 🇨🇳, cafe\u0301"


def test_a_sheet_by_name() -> None:
    assert read_xls_records(SHEETS, "说明") == ([["隐藏的说明页"]], "说明")
    with pytest.raises(
        InputError, match=r"no sheet named 'Sheet9' \(sheets: '说明', '答卷数据', 'Sheet3'\)"
    ):
        read_xls_records(SHEETS, "Sheet9")
    with pytest.raises(InputError, match="the sheet 'Sheet3' is empty"):
        read_xls_records(SHEETS, "Sheet3")


def test_wjx_download_keeps_text_exactly() -> None:
    rows, sheet = read_xls_records(DATA / "surveys" / "wjx_text.xls")
    assert sheet == "Sheet1" and len(rows) == 6
    assert rows[1][0] == "1"  # a number cell: no ".0"
    assert rows[2][11] == "界面的 cafe\u0301 风格很好看 👍🏽，但是编码太慢"
    assert rows[4][11] == "希望支持问卷星的 .xls 文件。\n\n第二段：🇨🇳 用户很多"


def test_an_xls_renamed_to_xlsx_is_still_read() -> None:
    rows, _ = read_xls_records(DATA / "old_excel_renamed.xlsx")
    assert rows == read_xls_records(DATA / "old_excel.xls")[0]


def _truncated(tmp: Path) -> Path:
    data = SHEETS.read_bytes()
    (tmp / "cut.xls").write_bytes(data[: len(data) // 2])
    return tmp / "cut.xls"


def _password(tmp: Path) -> Path:
    """old_excel.xls with its CODEPAGE record turned into FILEPASS: how Excel marks an
    encrypted workbook (the record sits in the first sector, so the file stays whole)."""
    data = bytearray((DATA / "old_excel.xls").read_bytes())
    at = data.find(bytes.fromhex("0908100000060500"))  # BOF of the workbook globals
    while struct.unpack_from("<H", data, at)[0] != 0x0042:
        at += 4 + struct.unpack_from("<H", data, at + 2)[0]
    struct.pack_into("<H", data, at, 0x002F)
    (tmp / "locked.xls").write_bytes(bytes(data))
    return tmp / "locked.xls"


def _encrypted_xlsx(tmp: Path) -> Path:
    """The start of an OLE file holding an encrypted .xlsx: what Excel writes for a
    password-protected workbook, named .xls here."""
    data = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504) + "EncryptedPackage".encode("utf-16-le")
    (tmp / "locked_xlsx.xls").write_bytes(data + bytes(1024))
    return tmp / "locked_xlsx.xls"


def _copy(source: Path, name: str) -> Maker:
    def make(tmp: Path) -> Path:
        shutil.copyfile(source, tmp / name)
        return tmp / name

    return make


def _content(data: bytes, name: str) -> Maker:
    def make(tmp: Path) -> Path:
        (tmp / name).write_bytes(data)
        return tmp / name

    return make


@pytest.mark.parametrize(
    ("make", "problem"),
    [
        (_truncated, r"not a valid \.xls file \(it is truncated or damaged\)"),
        (_password, "the workbook is password-protected"),
        (_encrypted_xlsx, "the workbook is password-protected"),
        (_copy(DATA / "title_merged.xlsx", "x.xls"), r"zip archive, probably an \.xlsx"),
        (_copy(DATA / "google_forms.csv", "x.xls"), "a text file, perhaps a CSV renamed"),
        (_content(b"<html><table><tr><td>1</td></tr></table>", "x.xls"), r"web page \(HTML\)"),
        (_copy(DATA / "interview.docx", "x.xls"), "zip archive"),
        (_content(b"%PDF-1.4\n", "x.xls"), "a PDF file"),
        (_content(b"", "x.xls"), r"the file is empty"),
        (_content(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(range(256)) * 8, "x.xls"), "damaged"),
        (_content(bytes(range(256)) * 4, "x.xls"), "not an Excel file"),
        (lambda tmp: tmp / "missing.xls", "file not found"),
    ],
    ids=lambda v: getattr(v, "__name__", "")[:20] if callable(v) else "",
)
def test_unreadable_files_say_why(tmp_path: Path, make: Maker, problem: str) -> None:
    path = make(tmp_path)
    with pytest.raises(InputError, match=problem) as error:
        read_xls_records(path)
    assert error.value.path == path


def test_calamine_reads_xlsx() -> None:
    rows, sheet = read_calamine_records(DATA / "title_merged.xlsx")
    assert sheet == "Participants"  # the hidden first sheet is skipped
    assert rows[2][:5] == ["ID", "Team", "Years", "Share", "Joined"]
    assert rows[3][:6] == ["1", "Research", "3", "0.25", "2021-09-01", "2024-03-01 14:30:00"]
    assert rows[4][7] == "Line one\nLine two"


def test_calamine_reads_ods(tmp_path: Path) -> None:
    path = tmp_path / "answers.ods"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), ODS_MIME)  # first and stored
        archive.writestr("META-INF/manifest.xml", ODS_MANIFEST)
        archive.writestr("content.xml", ODS_CONTENT)
    rows, sheet = read_calamine_records(path)
    assert sheet == "问卷"
    assert rows == [["序号", "回答"], ["1", "第一行\n第二行 cafe\u0301 👍🏽"], ["2", "2.5"]]


def test_calamine_damaged_workbook_is_an_input_error(tmp_path: Path) -> None:
    data = (DATA / "title_merged.xlsx").read_bytes()
    (tmp_path / "cut.xlsx").write_bytes(data[: len(data) // 2])
    with pytest.raises(InputError, match="truncated or damaged"):
        read_calamine_records(tmp_path / "cut.xlsx")


ODS_MIME = "application/vnd.oasis.opendocument.spreadsheet"
ODS_MANIFEST = f"""<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">
 <manifest:file-entry manifest:full-path="/" manifest:media-type="{ODS_MIME}"/>
 <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
</manifest:manifest>"""

# Written as office suites write it: no whitespace between elements (calamine expects none).
_STRING = '<table:table-cell office:value-type="string">{}</table:table-cell>'
_FLOAT = '<table:table-cell office:value-type="float" office:value="{}"/>'
_ROWS = [
    _STRING.format("<text:p>序号</text:p>") + _STRING.format("<text:p>回答</text:p>"),
    _FLOAT.format(1)
    + _STRING.format("<text:p>第一行</text:p><text:p>第二行 cafe\u0301 👍🏽</text:p>"),
    _FLOAT.format(2) + _FLOAT.format(2.5),
]
ODS_CONTENT = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
    ' xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"'
    ' xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
    '<office:body><office:spreadsheet><table:table table:name="问卷">'
    + "".join(f"<table:table-row>{row}</table:table-row>" for row in _ROWS)
    + "</table:table></office:spreadsheet></office:body></office:document-content>"
)
