"""The SurveyMonkey profile: expanded (CSV, translated .xlsx) and condensed exports."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from dotsdesk.importers.surveys.columns import Role
from dotsdesk.importers.surveys.profiles.base import HEAD_RECORDS, Answer, Column, Layout
from dotsdesk.importers.surveys.profiles.surveymonkey import PROFILE
from dotsdesk.importers.text import decode_bytes
from tests.paths import DATA

from .heads import head_of

SURVEYS = DATA / "surveys"
TRICKY = "小K说：我是👩‍💻工程师 👍🏽 🇨🇳, Cafe\u0301 and cafe\u0301s"

META = [
    ("Respondent ID", Role.ID, None),
    ("Collector ID", Role.IDENTITY, "other"),
    ("Start Date", Role.IGNORED, None),
    ("End Date", Role.DATE, None),
    ("IP Address", Role.IDENTITY, "other"),
    ("Email Address", Role.IDENTITY, "email"),
    ("First Name", Role.IDENTITY, "name"),
    ("Last Name", Role.IDENTITY, "name"),
    ("Custom Data 1", Role.IDENTITY, "other"),
]


def csv_head(path: Path, *, keep_bom: bool = False) -> list[list[str]]:
    data = path.read_bytes()
    text = data.decode("utf-8") if keep_bom else decode_bytes(data, path, None).text
    return list(csv.reader(io.StringIO(text, newline="")))[:HEAD_RECORDS]


def cell_text(value: Any) -> str:
    """As the records reader writes a cell: 3 not 3.0, a float as Python spells it."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def xlsx_head(path: Path) -> list[list[str]]:
    workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    try:
        rows = workbook.worksheets[0].iter_rows(max_row=HEAD_RECORDS, values_only=True)
        return [[cell_text(v) for v in row] for row in rows]
    finally:
        workbook.close()


def metadata_of(layout: Layout) -> list[tuple[str, Role | None, str | None]]:
    return [(c.qid, c.role, c.identity_field) for c in layout.columns if c.role]


def described(columns: list[Column]) -> list[tuple[str, str | None, str | None, Answer | None]]:
    return [(c.header, c.question, c.option, c.answer) for c in columns]


def test_expanded_csv() -> None:
    layout = PROFILE.recognise(csv_head(SURVEYS / "surveymonkey_expanded.csv"))
    assert layout is not None
    assert (layout.tool, layout.variant, layout.header_rows) == (
        "SurveyMonkey",
        "expanded export",
        2,
    )
    assert metadata_of(layout) == META
    assert [c.header for c in layout.columns[:9]] == [name for name, _, _ in META]
    assert all(c.qid == "" and c.role is None for c in layout.columns[9:])
    role, tools, agree = (
        "What is your current role?",
        "Which tools do you use at work?",
        ("How much do you agree with each statement?"),
    )
    assert described(layout.columns[9:]) == [
        (f"{role} - Response", role, None, Answer.SINGLE),
        (f"{role} - Other (please specify)", role, None, Answer.OTHER),
        (f"{tools} - Python", tools, "Python", Answer.OPTION),
        (f"{tools} - R", tools, "R", Answer.OPTION),
        (f"{tools} - Excel", tools, "Excel", Answer.OPTION),
        (f"{tools} - Other (please specify)", tools, None, Answer.OTHER),
        (f"{agree} - I enjoy coding", agree, None, Answer.MATRIX),
        (f"{agree} - I enjoy meetings", agree, None, Answer.MATRIX),
        ("What would make your work easier?", None, None, Answer.OPEN),
        ("How satisfied are you with your tools?", None, None, Answer.RATING),
        ("Anything else you would like to tell us?", None, None, Answer.OPEN),
    ]
    # A box holds its option's text or nothing: no value means "not chosen".
    assert layout.unchosen == frozenset()
    assert layout.no_dates == frozenset() and layout.skip_markers == frozenset()
    assert layout.multi_separator is None


def test_expanded_xlsx_with_translated_labels_and_serial_dates() -> None:
    head = xlsx_head(SURVEYS / "surveymonkey_expanded.xlsx")
    assert head[2][:4] == ["10745200001", "234567892", "43608.4391", "43608.4475"]
    layout = PROFILE.recognise(head)
    assert layout is not None
    assert (layout.variant, layout.header_rows) == ("expanded export", 2)
    assert metadata_of(layout) == META  # by position and values: no label is English
    assert [c.header for c in layout.columns[:4]] == [
        "回复者 ID",
        "收集器 ID",
        "开始日期",
        "结束日期",
    ]
    role, tools, agree = (
        "您目前的职位是？",
        "您在工作中使用哪些工具？",
        "您对以下说法的同意程度如何？",
    )
    assert described(layout.columns[9:]) == [
        (f"{role} - 回答", role, None, Answer.SINGLE),
        # Not a label the profile knows: free text beside a choice is the "other" text.
        (f"{role} - 其它（请具体说明）", role, None, Answer.OTHER),
        (f"{tools} - Python", tools, "Python", Answer.OPTION),
        (f"{tools} - R", tools, "R", Answer.OPTION),
        (f"{tools} - Excel", tools, "Excel", Answer.OPTION),
        (f"{agree} - 我喜欢写代码", agree, None, Answer.MATRIX),
        (f"{agree} - 我喜欢开会", agree, None, Answer.MATRIX),
        ("什么能让您的工作更轻松？", None, None, Answer.OPEN),
    ]
    assert any("Excel serial numbers" in note for note in layout.notes)


def test_condensed_csv() -> None:
    layout = PROFILE.recognise(csv_head(SURVEYS / "surveymonkey_condensed.csv"))
    assert layout is not None
    assert (layout.variant, layout.header_rows) == ("condensed export", 1)
    assert metadata_of(layout) == META
    assert described(layout.columns[9:]) == [
        ("What is your current role?", None, None, None),
        # "Python, Excel", "R", "Python, R, Excel": the same choices recur, joined by ", "
        ("Which tools do you use at work?", None, None, Answer.MULTI),
        # ", " in sentences whose pieces recur nowhere else
        ("What would make your work easier?", None, None, None),
    ]
    assert layout.multi_separator == ", "
    assert any("condensed" in note and "Which tools" in note for note in layout.notes)


def test_bom_left_on_the_first_cell() -> None:
    head = csv_head(SURVEYS / "surveymonkey_expanded.csv", keep_bom=True)
    assert head[0][0] == "\ufeffRespondent ID"
    layout = PROFILE.recognise(head)
    assert layout is not None and layout.columns[0].header == "Respondent ID"


def test_records_keep_the_texts() -> None:
    head = csv_head(SURVEYS / "surveymonkey_expanded.csv")
    assert head[5][17] == TRICKY
    assert head[2][19] == "I like the cafe\u0301 downstairs.\nThat's all."


# --- variants without a fixture of their own ---------------------------------------------------


def test_legacy_labels_and_an_export_without_responses() -> None:
    head = [
        ["RespondentID", "CollectorID", "StartDate", "EndDate", "IP Address", "Q1", ""],
        ["", "", "", "", "", "Response", "Other (please specify)"],
    ]
    layout = PROFILE.recognise(head)
    assert layout is not None and layout.header_rows == 2
    assert [c.qid for c in layout.columns[:5]] == [name for name, _, _ in META[:5]]
    assert [c.answer for c in layout.columns[5:]] == [Answer.SINGLE, Answer.OTHER]


def test_ranking_and_slider_with_comment() -> None:
    ids = ["10745123456", "234567890", "05/23/2019 10:32:15 AM", "05/23/2019 10:41:02 AM"]
    head = [
        ["Respondent ID", "Collector ID", "Start Date", "End Date", "Rank these", "", "How sure?",
         ""],
        ["", "", "", "", "Speed", "Price", "Response", "Open-Ended Response"],
        [*ids, "1", "2", "70", "Fairly sure,\nbut not quite"],
        [*ids, "2", "1", "35", ""],
    ]  # fmt: skip
    layout = PROFILE.recognise(head)
    assert layout is not None
    assert [c.answer for c in layout.columns[4:]] == [None, None, Answer.RATING, Answer.OPEN]


def test_contact_information_is_identity() -> None:
    head = [
        ["Respondent ID", "Collector ID", "Start Date", "End Date", "Your details", "", ""],
        ["", "", "", "", "Name", "Email Address", "Phone Number"],
        ["10745123456", "234567890", "05/23/2019 10:32:15 AM", "05/23/2019 10:41:02 AM",
         "Ann Lee", "ann@example.org", "+1 555 0100"],
    ]  # fmt: skip
    layout = PROFILE.recognise(head)
    assert layout is not None
    assert [(c.role, c.identity_field) for c in layout.columns[4:]] == [
        (Role.IDENTITY, "name"),
        (Role.IDENTITY, "email"),
        (Role.IDENTITY, "phone"),
    ]


def test_condensed_with_translated_labels_stops_at_the_questions() -> None:
    head = [
        ["Befragten-ID", "Collector-ID", "Startdatum", "Enddatum", "IP-Adresse",
         "E-Mail-Adresse", "Vorname", "Nachname", "Was denken Sie?"],
        ["10745123456", "234567890", "23.05.2019 10:32:15", "23.05.2019 10:41:02",
         "203.0.113.5", "", "", "", "Gut"],
    ]  # fmt: skip
    layout = PROFILE.recognise(head)
    assert layout is not None
    assert metadata_of(layout) == META[:8]
    assert layout.columns[8].role is None and layout.columns[8].header == "Was denken Sie?"


# --- files that are not SurveyMonkey exports ---------------------------------------------------


def other_fixtures() -> list[Path]:
    found = sorted(p for p in DATA.rglob("*") if p.suffix.lower() in (".csv", ".xlsx"))
    return [p for p in found if not p.name.startswith("surveymonkey_")]


@pytest.mark.parametrize("path", other_fixtures(), ids=lambda p: p.name)
def test_other_files_are_not_claimed(path: Path) -> None:
    head = head_of(path)
    if head is None:
        pytest.skip("not readable as a table")
    assert PROFILE.recognise(head) is None


@pytest.mark.parametrize(
    "head",
    [
        [["id", "name", "answer"], ["1", "Ann", "I like it"], ["2", "Bo", "Fine"]],
        # Long ids and dates, but a second header row that is not blank under them.
        [["ID", "Batch", "From", "To", "Q1"], ["Id", "Batch", "From", "To", "Response"],
         ["123456789", "123456", "2024-01-01", "2024-01-02", "x"]],
        # Small ids: a table someone numbered by hand.
        [["No", "Group", "Start", "End", "Comment"],
         ["1", "234567", "2024-01-01", "2024-01-02", "x"]],
        [["Respondent ID", "Collector ID", "Start Date", "End Date", "Q1"],
         ["abc", "def", "05/23/2019", "05/23/2019", "text"]],
        [],
        [[""], [""]],
    ],
)  # fmt: skip
def test_generic_tables_are_not_claimed(head: list[list[str]]) -> None:
    assert PROFILE.recognise(head) is None
