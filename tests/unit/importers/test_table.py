"""Reading survey exports: headers, rows and exact cell text from real-world shaped files."""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

import openpyxl
import pytest

from dotsdesk.errors import InputError
from dotsdesk.importers.surveys.table import Table, read_table
from tests.paths import DATA

TRICKY = "小K说：我是👩‍💻工程师 👍🏽 🇨🇳, Cafe\u0301 and cafe\u0301s"

# The same sheet as written by LibreOffice in four formats (see tests/data/README.md).
LO_HEADERS = ["ID", "Handle", "Role", "Years", "Started", "Answer", "Double"]
LO_ROWS = [
    ["1", "小K", "Hybrid", "3", "2024-03-01", "我觉得要懂业务。\nSecond line.", "6"],
    ["2", "Anna “AJ” Jones", "Research", "5.5", "2024-03-02",
     'She said "hello", then left; café', "11"],
    ["3", "👩‍💻 dev", "Engineering", "0", "2024-03-03", TRICKY, "0"],
    ["4", "Zoë", "Research", "10", "2024-03-04", "=SUM(1,2) is text", "20"],
]  # fmt: skip


def assert_rectangular(table: Table) -> None:
    assert all(len(row) == len(table.headers) for row in table.rows)
    assert len(table.row_numbers) == len(table.rows)


# --- the same data from a real office program --------------------------------------------------


@pytest.mark.parametrize(
    ("name", "encoding", "numbers"),
    [
        ("lo_utf8.csv", "UTF-8", [2, 4, 5, 6]),
        ("lo_semicolon.csv", "UTF-8", [2, 4, 5, 6]),
        ("lo_unicode.txt", "UTF-16 LE", [2, 4, 5, 6]),
        ("lo_resaved.xlsx", None, [2, 3, 4, 5]),
    ],
)
def test_libreoffice_exports_read_the_same(name: str, encoding: str | None, numbers: list[int]):
    table = read_table(DATA / name)
    assert table.headers == LO_HEADERS
    assert table.rows == LO_ROWS
    assert table.row_numbers == numbers
    assert table.encoding == encoding
    assert table.sheet == ("Responses" if name.endswith(".xlsx") else None)


def test_libreoffice_gbk_csv() -> None:
    table = read_table(DATA / "lo_gbk.csv")
    assert table.encoding == "GB18030"
    assert table.headers == ["编号", "昵称", "回答"]
    assert table.rows == [
        ["1", "小K", "懂业务最重要，然后才是模型。"],
        ["2", "老王", "主要做因果推断"],
    ]


# --- encodings ---------------------------------------------------------------------------------


def test_utf8_bom_csv() -> None:
    table = read_table(DATA / "utf8_bom.csv")
    assert table.encoding == "UTF-8 with BOM"
    assert table.headers == ["ID", "Handle", "Answer"]
    assert table.rows == [["1", "小K", TRICKY], ["2", "Anna", 'She said "fine", then left']]
    assert table.rows[0][2].encode("utf-8") == TRICKY.encode("utf-8")
    assert table.notes == []


def test_forcing_utf8_still_strips_the_bom_from_the_first_header() -> None:
    table = read_table(DATA / "utf8_bom.csv", encoding="utf-8")
    assert table.headers[0] == "ID"


def test_gbk_csv() -> None:
    table = read_table(DATA / "gbk.csv")
    assert table.encoding == "GB18030"
    assert table.headers == ["编号", "昵称", "职位", "回答"]
    assert len(table.rows) == 3
    assert table.rows[1] == ["2", "老王", "研究员", "主要做因果推断，“实验”很多。"]
    assert table.rows[2][3] == "写数据管道；偶尔调参"  # a full-width semicolon is not a delimiter


def test_gbk_csv_with_forced_encoding() -> None:
    table = read_table(DATA / "gbk.csv", encoding="gbk")
    assert table.encoding == "GBK"
    assert table.rows[0][1] == "小K"


def test_windows_1252_csv() -> None:
    table = read_table(DATA / "windows1252.csv")
    assert table.encoding == "Windows-1252"
    assert table.rows == [
        ["Renée", "He said “café” — it’s naïve… right?"],
        ["Bob", "Price: 5 € • ‘single’ quotes"],
    ]


def test_european_semicolon_csv() -> None:
    table = read_table(DATA / "european_semicolon.csv")
    assert table.encoding == "Windows-1252"
    assert table.headers == ["Name", "Stadt", "Gehalt (k€)", "Zufriedenheit", "Kommentar"]
    assert table.rows == [
        ["Jürgen", "München", "72,5", "4,0", "Größtenteils „zufrieden“ – ok"],
        ["Zoë", "Köln", "58", "3,5", "Très bien; ça va"],
        ["Ana", "São Paulo", "61,25", "", ""],
    ]
    assert "columns are separated by semicolons" in table.notes


# --- survey tools ------------------------------------------------------------------------------


def test_google_forms_csv() -> None:
    table = read_table(DATA / "google_forms.csv")
    assert table.headers == [
        "Timestamp",
        "Email Address",
        "What is your current job title?",
        "How many years have you worked in data science?",
        "What does a typical week look like?",
        "May we quote you?",  # the trailing space Google keeps is stripped from the header
    ]
    assert table.row_numbers == [2, 5, 7]
    assert table.rows[0][4] == (
        "Mostly A/B tests.\n\nSome dashboards, some SQL; lots of meetings, sadly."
    )
    assert table.rows[1][2] == 'Senior "Decision" Scientist'
    assert table.rows[2] == ["2024/03/02 8:01:10 AM GMT+8", "", "Research Scientist", "", "", ""]


def test_qualtrics_csv_uses_question_text_and_drops_import_ids() -> None:
    table = read_table(DATA / "qualtrics.csv")
    assert table.headers == [
        "Start Date",
        "End Date",
        "Response Type",
        "Progress",
        "Finished",
        "Response ID",
        "What is your role?",
        "How much do you agree? - I enjoy coding",
        "How much do you agree? - I enjoy meetings",
        "Q3",  # no question text: the short name is kept
    ]
    assert len(table.rows) == 2
    assert table.row_numbers == [4, 5]
    assert table.rows[0][6] == "Hybrid: half research, half engineering"
    assert table.rows[1][6] == "研究员\n（主要做因果推断）"
    assert table.rows[1][9] == TRICKY
    # The Qualtrics profile read the three header rows: ids, question texts, ImportIds.
    assert table.notes == ["recognised a Qualtrics (current export)"]
    assert table.layout is not None and table.header_rows == "lines 1-3"
    assert [c.qid for c in table.columns][6:] == ["Q1", "Q2_1", "Q2_2", "Q3"]


def test_qualtrics_without_question_row(tmp_path: Path) -> None:
    path = tmp_path / "legacy.csv"
    path.write_text('Q1,Q2\n{"ImportId":"QID1"},{"ImportId":"QID2"}\nyes,no\n', encoding="utf-8")
    table = read_table(path)
    assert table.headers == ["Q1", "Q2"]
    assert table.rows == [["yes", "no"]]
    assert table.notes == ["Qualtrics export: skipped the ImportId row"]


# --- messy shapes ------------------------------------------------------------------------------


def test_title_lines_blank_and_repeated_headers_ragged_rows() -> None:
    table = read_table(DATA / "title_lines.csv")
    assert table.headers == ["Respondent", "Role", "Column 3", "Comment", "Comment (2)", "Score"]
    assert table.rows == [
        ["R1", "Research", "x", "Good", "Very good", "7"],
        ["R2", "Engineering", "", "Fine", "", ""],
        ["R3", "Hybrid", "", "", "", ""],  # short row padded
        ["R4", "Research", "", "Trailing commas are fine", "", "9"],  # empty extras dropped
    ]
    assert table.row_numbers == [4, 5, 8, 9]  # the blank line and the all-commas line are gone
    assert table.notes == [
        "skipped 2 lines above the header row",
        "column 3 had no header; named it 'Column 3'",
        "renamed repeated headers: 'Comment' in column 5 -> 'Comment (2)'",
    ]


def test_multiline_quoted_cells() -> None:
    table = read_table(DATA / "multiline.csv")
    assert table.headers == ["id", "answer", "note"]
    assert len(table.rows) == 4
    long_answer = table.rows[0][1]
    assert long_answer.count("\n") == 29
    assert long_answer.startswith('Line 1: when we ship a model, "done" means monitored')
    assert long_answer.endswith(
        'Line 30: when we ship a model, "done" means monitored, not deployed.'
    )
    assert table.rows[1] == ["2", "First paragraph.\n\n\nAfter two blank lines.", "  spaces kept  "]
    assert table.rows[2] == ["3", 'He said "quoted" twice', "tab\there"]
    assert table.rows[3] == ["4", "", "empty answer"]
    assert table.row_numbers == [2, 32, 36, 37]


def test_xlsx_with_title_row_merged_cells_and_typed_values() -> None:
    table = read_table(DATA / "title_merged.xlsx")
    assert table.sheet == "Participants"  # the first visible sheet, not the hidden one
    assert table.encoding is None
    assert table.headers == [
        "ID", "Team", "Years", "Share", "Joined", "Interviewed", "Consent", "Quote",
    ]  # fmt: skip
    assert table.rows == [
        ["1", "Research", "3", "0.25", "2021-09-01", "2024-03-01 14:30:00", "TRUE", TRICKY],
        ["2", "Engineering", "5.5", "1e-05", "2019-01-15", "2024-03-02", "FALSE",
         "Line one\nLine two"],
        ["3", "", "12345678901234", "0.1", "", "", "", "  keeps spaces  "],
        ["4", "Hybrid", "-2", "2.5", "2020-06-30", "", "TRUE", "=not a formula"],
    ]  # fmt: skip
    assert table.row_numbers == [4, 5, 6, 8]
    assert table.notes == [
        "read the sheet 'Participants' (other sheets: 'Hidden', 'Notes')",
        "skipped 2 rows above the header row",
    ]


def test_xlsx_named_sheet() -> None:
    table = read_table(DATA / "title_merged.xlsx", sheet="Notes")
    assert (table.sheet, table.headers, table.rows) == ("Notes", ["Note"], [["second sheet"]])
    assert table.notes == []


def test_xlsx_unknown_sheet_lists_the_sheets() -> None:
    with pytest.raises(InputError) as caught:
        read_table(DATA / "title_merged.xlsx", sheet="Responses")
    assert str(caught.value).endswith(
        "title_merged.xlsx: there is no sheet named 'Responses' "
        "(sheets: 'Hidden', 'Participants', 'Notes')"
    )


def test_xlsx_with_wrong_dimensions_and_a_bom_in_the_first_header() -> None:
    table = read_table(DATA / "bad_dimension.xlsx")
    assert table.headers == ["Name", "Role", "Answer"]
    assert table.rows == [["Ann", "Research", "Yes"], ["Bo", "Engineering", "No"]]


def test_header_only_table_has_no_rows(tmp_path: Path) -> None:
    path = tmp_path / "header.csv"
    path.write_bytes(b"a,b\n")
    table = read_table(path)
    assert (table.headers, table.rows, table.row_numbers) == (["a", "b"], [], [])


def test_single_column_csv(tmp_path: Path) -> None:
    path = tmp_path / "answers.csv"
    path.write_text('answer\n"Yes, I agree"\nNo\n', encoding="utf-8")
    table = read_table(path)
    assert table.headers == ["answer"]
    assert table.rows == [["Yes, I agree"], ["No"]]


def test_tsv_and_pipe_delimiters(tmp_path: Path) -> None:
    tsv = tmp_path / "a.tsv"
    tsv.write_text("name\tcomment\nAnn\tone, two; three\n", encoding="utf-8")
    assert read_table(tsv).rows == [["Ann", "one, two; three"]]
    pipe = tmp_path / "b.csv"
    pipe.write_text("name|comment\nAnn|a, b\nBo|c; d\n", encoding="utf-8")
    table = read_table(pipe)
    assert table.rows == [["Ann", "a, b"], ["Bo", "c; d"]]
    assert "columns are separated by vertical bars" in table.notes


def test_title_line_with_commas_does_not_fool_the_delimiter(tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    rows = [["Survey, March 2024"], [], ["a", "b", "c", "d"], ["1", "2", "3", "4"], ["5", "6"]]
    out = io.StringIO()
    csv.writer(out, delimiter=";").writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8")
    table = read_table(path)
    assert table.headers == ["a", "b", "c", "d"]
    assert table.rows == [["1", "2", "3", "4"], ["5", "6", "", ""]]


def test_trailing_empty_unnamed_columns_are_dropped(tmp_path: Path) -> None:
    path = tmp_path / "wide.csv"
    path.write_text("a,b,,,\n1,2,,,\n3,4,,,\n", encoding="utf-8")
    table = read_table(path)
    assert table.headers == ["a", "b"]
    assert table.rows == [["1", "2"], ["3", "4"]]
    assert table.notes == ["dropped 3 empty columns without a header at the right"]


def test_case_insensitive_duplicate_headers(tmp_path: Path) -> None:
    path = tmp_path / "dups.csv"
    path.write_text("Email, email ,Name,Name (2),Name\n1,2,3,4,5\n", encoding="utf-8")
    assert read_table(path).headers == ["Email", "email (2)", "Name", "Name (2)", "Name (3)"]


def test_cells_keep_spaces_and_line_endings_become_newlines(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    wb.active.append(["a", "b"])
    wb.active.append(["  x\r\ny  ", "end\r"])
    path = tmp_path / "cr.xlsx"
    wb.save(path)
    assert read_table(path).rows == [["  x\ny  ", "end"]]


def test_xlsx_with_uppercase_suffix_and_xlsm(tmp_path: Path) -> None:
    for name in ("COPY.XLSX", "copy.xlsm"):
        target = tmp_path / name
        shutil.copyfile(DATA / "bad_dimension.xlsx", target)
        assert read_table(target).headers == ["Name", "Role", "Answer"]


# --- broken files ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "problem"),
    [
        ("truncated.xlsx", "not a valid .xlsx file (it is truncated or damaged)"),
        ("csv_renamed.xlsx", "not a valid .xlsx file (it is a text file, perhaps a CSV renamed"),
        ("docx_renamed.xlsx", "not a valid .xlsx file (it is a Word document"),
        ("old_excel_renamed.xlsx", "not a valid .xlsx file (it is an old .xls file"),
        ("bomb.xlsx", "not a valid .xlsx file (it contains XML entity declarations"),
        ("xlsx_renamed.csv", "this is not a text file: it looks like a zip archive"),
        (
            "unclosed_quote.csv",
            "line 3: a quoted cell starts here but its closing quote is missing",
        ),
        ("extra_cells.csv", "line 4 has 5 cells but the header has 3"),
        ("mixed_encoding.csv", "the text is mostly UTF-8 but has invalid bytes on line 7"),
        ("empty.csv", "the file is empty"),
        ("only_numbers.csv", "the table has no header row"),
        ("interview.docx", "unsupported file type '.docx' for a table"),
        ("missing.csv", "file not found"),
    ],
)
def test_broken_tables_give_a_clear_error(name: str, problem: str) -> None:
    with pytest.raises(InputError) as caught:
        read_table(DATA / name)
    message = str(caught.value)
    assert name in message
    assert problem in message
    assert caught.value.path == DATA / name


def test_unsupported_suffix(tmp_path: Path) -> None:
    with pytest.raises(InputError) as caught:
        read_table(tmp_path / "report.pdf")
    assert str(caught.value) == (
        f"{tmp_path / 'report.pdf'}: unsupported file type '.pdf' for a table "
        "(use .csv, .tsv, .txt, .xlsx or .xls)"
    )


def test_legacy_excel_written_by_an_office_program() -> None:
    """问卷星 downloads .xls by default; this one LibreOffice wrote (make_fixtures.py)."""
    table = read_table(DATA / "old_excel.xls")
    assert table.sheet == "Responses"
    assert table.headers == ["ID", "Handle", "Role", "Years", "Started", "Answer", "Double"]
    assert [r[0] for r in table.rows] == ["1", "2", "3", "4"]  # whole numbers without ".0"
    assert table.rows[0][4] == "2024-03-01"
    assert table.rows[2][5] == "小K说：我是👩\u200d💻工程师 👍🏽 🇨🇳, Cafe\u0301 and cafe\u0301s"
    assert table.rows[3][5] == "=SUM(1,2) is text"
    assert table.row_numbers == [2, 3, 4, 5]


def test_xlsx_damaged_inside_a_sheet(tmp_path: Path) -> None:
    """The zip is intact but the sheet XML is cut: the error comes while reading rows."""
    import zipfile

    source = DATA / "bad_dimension.xlsx"
    target = tmp_path / "cut.xlsx"
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(target, "w") as dst:
        for item in src.infolist():
            content = src.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                content = content[: len(content) // 2]
            dst.writestr(item, content)
    with pytest.raises(InputError, match=r"cut\.xlsx: not a valid \.xlsx file"):
        read_table(target)


def test_xlsx_empty_sheet(tmp_path: Path) -> None:
    path = tmp_path / "blank.xlsx"
    openpyxl.Workbook().save(path)
    with pytest.raises(InputError, match=r"blank\.xlsx: the sheet 'Sheet' is empty"):
        read_table(path)
