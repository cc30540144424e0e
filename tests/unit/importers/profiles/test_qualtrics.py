"""The Qualtrics profile: each export variant recognised by its structure, and nothing else."""

from __future__ import annotations

from pathlib import Path

import pytest

from dotsdesk.importers.surveys.columns import Role
from dotsdesk.importers.surveys.profiles.base import HEAD_RECORDS, Answer, Column, Layout
from dotsdesk.importers.surveys.profiles.qualtrics import PROFILE

from .heads import head_of, plain_records

DATA = Path(__file__).resolve().parents[3] / "data"
SURVEYS = DATA / "surveys"
IGNORED = (Role.IGNORED, None)


def recognise(name: str) -> Layout:
    path = SURVEYS / name if (SURVEYS / name).exists() else DATA / name
    layout = PROFILE.recognise(plain_records(path)[:HEAD_RECORDS])
    assert layout is not None, name
    return layout


def roles(layout: Layout) -> dict[str, tuple[Role | None, str | None]]:
    return {c.qid: (c.role, c.identity_field) for c in layout.columns}


def by_qid(layout: Layout, qid: str) -> Column:
    return next(c for c in layout.columns if c.qid == qid)


CURRENT_META = {
    "StartDate": IGNORED,
    "EndDate": IGNORED,  # RecordedDate is the date the response arrived
    "Status": IGNORED,
    "IPAddress": (Role.IDENTITY, "other"),
    "Progress": IGNORED,
    "Duration (in seconds)": IGNORED,
    "Finished": IGNORED,
    "RecordedDate": (Role.DATE, None),
    "ResponseId": (Role.ID, None),
    "RecipientLastName": (Role.IDENTITY, "name"),
    "RecipientFirstName": (Role.IDENTITY, "name"),
    "RecipientEmail": (Role.IDENTITY, "email"),
    "ExternalReference": (Role.IDENTITY, "other"),
    "LocationLatitude": (Role.IDENTITY, "other"),
    "LocationLongitude": (Role.IDENTITY, "other"),
    "DistributionChannel": IGNORED,
    "UserLanguage": (Role.LANGUAGE, None),
}


@pytest.mark.parametrize(
    ("name", "variant", "header_rows"),
    [
        ("qualtrics_current.csv", "current export", 3),
        ("qualtrics_current.xlsx", "current export", 3),
        ("qualtrics_german.csv", "current export", 3),
        ("qualtrics_2016.csv", "2016-17 export", 3),
        ("qualtrics_legacy.csv", "legacy export (V1..V10)", 2),
        ("qualtrics.csv", "current export", 3),  # the older fixture in tests/data
    ],
)
def test_each_variant_is_recognised(name: str, variant: str, header_rows: int) -> None:
    layout = recognise(name)
    assert (layout.tool, layout.variant, layout.header_rows) == ("Qualtrics", variant, header_rows)
    assert layout.skip_markers == frozenset({"-99"})
    assert layout.multi_separator == ","


def test_current_csv_columns() -> None:
    path = SURVEYS / "qualtrics_current.csv"
    head = plain_records(path)[:HEAD_RECORDS]
    assert head[0][0] == "\ufeffStartDate"  # the BOM reaches the profile
    layout = PROFILE.recognise(head)
    assert layout is not None
    assert [c.qid for c in layout.columns] == [c.lstrip("\ufeff") for c in head[0]]
    got = roles(layout)
    assert {q: got[q] for q in CURRENT_META} == CURRENT_META
    bookkeeping = ["Q_RecaptchaScore", "Q_RelevantIDDuplicate", "Q5_First Click"]
    bookkeeping += ["Q5_Page Submit", "Q4 - Topics"]
    assert all(got[q] == IGNORED for q in bookkeeping)
    left = {q for q, r in got.items() if r == (None, None)}
    questions = {"Q1", "Q1_4_TEXT", "Q2_1", "Q2_2", "Q2_3", "Q3", "Q4", "comments", "SC0"}
    assert left == questions | {"panel_group"}
    answers = {q: by_qid(layout, q).answer for q in sorted(left)}
    assert answers == {
        # A choice either way (its "Other - Text" says so); one, as no cell has a bare comma.
        "Q1": Answer.SINGLE,
        "Q1_4_TEXT": Answer.OTHER,
        "Q2_1": Answer.MATRIX,
        "Q2_2": Answer.MATRIX,
        "Q2_3": Answer.MATRIX,
        "Q3": Answer.MULTI,  # "Excel, Sheets,Python": Qualtrics joins with a bare comma
        "Q4": Answer.OPEN,
        "comments": Answer.OPEN,  # a renamed id: the ImportId QID6_TEXT says text entry
        "SC0": Answer.RATING,
        "panel_group": None,
    }
    role = "What is your role?"
    assert by_qid(layout, "Q1").question == by_qid(layout, "Q1_4_TEXT").question == role
    assert by_qid(layout, "Q1_4_TEXT").header == "What is your role? - Other - Text"
    matrix = by_qid(layout, "Q2_3")
    assert matrix.question == "How much do you agree with each statement?"
    assert matrix.header == "How much do you agree with each statement? - I enjoy writing e-mails"
    assert by_qid(layout, "Q4").header == "What does a typical week look like?"
    assert by_qid(layout, "IPAddress").header == "IP Address"
    assert any("Q3" in note and "comma" in note for note in layout.notes)
    assert not any("Q4" in note for note in layout.notes)  # free text, not a choice list


def test_german_labels_change_headers_not_roles() -> None:
    layout = recognise("qualtrics_german.csv")
    got = roles(layout)
    assert {q: got[q] for q in CURRENT_META} == CURRENT_META
    assert by_qid(layout, "ResponseId").header == "Antwort-ID"
    assert by_qid(layout, "StartDate").header == "Anfangsdatum"
    assert by_qid(layout, "Q2").answer is Answer.MULTI  # numeric codes "1,3": several choices
    assert by_qid(layout, "Q1").answer is Answer.SINGLE  # codes of a choice with "other"
    assert by_qid(layout, "Q1_5_TEXT").answer is Answer.OTHER
    assert by_qid(layout, "Q1_5_TEXT").question == "Welche Rolle haben Sie?"
    assert [by_qid(layout, q).answer for q in ("Q3_1", "Q3_2")] == [Answer.MATRIX] * 2
    assert by_qid(layout, "Q3_1").question == "Wie zufrieden sind Sie mit …"
    assert by_qid(layout, "Q4").answer is Answer.OPEN


def test_xlsx_with_chinese_labels_and_choices_split_into_columns() -> None:
    layout = recognise("qualtrics_current.xlsx")
    got = roles(layout)
    assert {q: got[q] for q in CURRENT_META} == CURRENT_META
    assert by_qid(layout, "IPAddress").header == "IP 地址"
    options = [by_qid(layout, q) for q in ("Q2_1", "Q2_2", "Q2_3")]
    assert {c.answer for c in options} == {Answer.OPTION}
    assert [c.option for c in options] == ["Python", "R", "Excel, Sheets"]
    assert {c.question for c in options} == {"你使用哪些工具？"}
    assert by_qid(layout, "Q1").answer is by_qid(layout, "Q3").answer is Answer.OPEN
    assert by_qid(layout, "Q3").header == "你这一周的工作是什么样的？"


def test_2016_export_with_single_quoted_import_ids() -> None:
    head = plain_records(SURVEYS / "qualtrics_2016.csv")
    assert head[2][0] == "{'ImportId': 'responseId'}"
    layout = recognise("qualtrics_2016.csv")
    assert roles(layout) == {
        "ResponseID": (Role.ID, None),
        "ResponseSet": IGNORED,
        "IPAddress": (Role.IDENTITY, "other"),
        "StartDate": IGNORED,
        "EndDate": (Role.DATE, None),  # no RecordedDate in this export
        "RecipientLastName": (Role.IDENTITY, "name"),
        "RecipientFirstName": (Role.IDENTITY, "name"),
        "RecipientEmail": (Role.IDENTITY, "email"),
        "ExternalDataReference": (Role.IDENTITY, "other"),
        "Finished": IGNORED,
        "Status": IGNORED,
        "Q1": (None, None),
        "Q2_1": (None, None),
        "Q2_2": (None, None),
        "Q3": (None, None),
        "LocationLatitude": (Role.IDENTITY, "other"),
        "LocationLongitude": (Role.IDENTITY, "other"),
        "LocationAccuracy": IGNORED,
    }
    assert by_qid(layout, "Q1").answer is by_qid(layout, "Q3").answer is Answer.OPEN
    assert by_qid(layout, "Q2_2").answer is Answer.MATRIX
    assert by_qid(layout, "Q2_2").question == "How often do you…"


def test_legacy_export_by_v_codes() -> None:
    head = plain_records(SURVEYS / "qualtrics_legacy.csv")
    assert head[0][0] == "\ufeffV1" and head[0][-1] == "" and head[3][-1] == ""
    layout = recognise("qualtrics_legacy.csv")
    assert len(layout.columns) == len(head[0]) - 1  # the trailing comma makes no column
    got = roles(layout)
    assert got == {
        "V1": (Role.ID, None),
        "V2": IGNORED,
        "V3": (Role.IDENTITY, "name"),
        "V4": (Role.IDENTITY, "other"),
        "V5": (Role.IDENTITY, "email"),
        "V6": (Role.IDENTITY, "other"),
        "V7": IGNORED,
        "V8": IGNORED,
        "V9": (Role.DATE, None),
        "V10": IGNORED,
        **dict.fromkeys(["Q1", "Q2_1", "Q2_2", "Q2_3", "Q3", "Q4", "Q4_4_TEXT"], (None, None)),
        "LocationLatitude": (Role.IDENTITY, "other"),
        "LocationLongitude": (Role.IDENTITY, "other"),
        "LocationAccuracy": IGNORED,
    }
    assert by_qid(layout, "V5").header == "EmailAddress"
    options = [by_qid(layout, q) for q in ("Q2_1", "Q2_2", "Q2_3")]
    assert [(c.answer, c.option) for c in options] == [
        (Answer.OPTION, "Python"),
        (Answer.OPTION, "R"),
        (Answer.OPTION, "SQL"),
    ]
    assert {c.question for c in options} == {"Which tools do you use?"}
    other = by_qid(layout, "Q4_4_TEXT")
    assert (other.answer, other.question) == (Answer.OTHER, "How did you hear about us?")
    assert by_qid(layout, "Q3").answer is None  # legacy text entry has no _TEXT id
    assert any("comma" in note for note in layout.notes)


def test_older_fixture_falls_back_to_the_id_for_an_empty_label() -> None:
    layout = recognise("qualtrics.csv")
    assert roles(layout)["EndDate"] == (Role.DATE, None)
    assert by_qid(layout, "Q3").header == "Q3"
    assert by_qid(layout, "Q3").answer is Answer.OPEN


def test_export_whose_label_and_import_id_rows_were_deleted() -> None:
    head = plain_records(SURVEYS / "qualtrics_current.csv")
    layout = PROFILE.recognise([head[0], *head[3:]])
    assert layout is not None
    assert (layout.variant, layout.header_rows) == (
        "current export without its label and ImportId rows",
        1,
    )
    got = roles(layout)
    assert {q: got[q] for q in CURRENT_META} == CURRENT_META
    assert by_qid(layout, "Q2_1").answer is Answer.MATRIX


def _others() -> list[Path]:
    files = [p for p in DATA.rglob("*") if p.suffix in (".csv", ".xlsx", ".txt", ".tsv")]
    return sorted(p for p in files if not p.name.startswith(("qualtrics", "bomb")))


@pytest.mark.parametrize("path", _others(), ids=lambda p: p.name)
def test_other_files_are_not_claimed(path: Path) -> None:
    head = head_of(path)
    if head is None:
        pytest.skip("broken on purpose: nothing to claim")
    assert PROFILE.recognise(head) is None


@pytest.mark.parametrize(
    "head",
    [
        [["id", "role", "answer"], ["1", "Researcher", "fine"], ["2", "Engineer", "ok"]],
        # An R data frame with default column names, not a legacy export.
        [[f"V{n}" for n in range(1, 13)], [str(n) for n in range(12)]],
        # Labels only (rows 1 and 3 deleted): English words are no evidence.
        [["Start Date", "End Date", "Response ID", "Q1"], ["2024-03-01", "2024-03-01", "x", "y"]],
        [["StartDate", "ResponseId", "Q1"], ["2024-03-01 10:00", "not an id", "y"]],
        [["Timestamp", "Q"], ["2024/03/01 9:15:02 AM GMT+8", "{'ImportId': 'x'}"]],
        # One answer that looks like an ImportId does not make a header row.
        [["id", "a", "b", "c"], ["1", "x", "y", "z"], ["2", '{"ImportId":"QID1"}', "t", "u"]],
    ],
)
def test_generic_tables_are_not_claimed(head: list[list[str]]) -> None:
    assert PROFILE.recognise(head) is None
