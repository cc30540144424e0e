"""The LimeSurvey profile: its three heading styles, anonymised surveys, and files it must leave."""

from __future__ import annotations

import codecs
import csv
import io
from pathlib import Path

import pytest

from dotsdesk.importers.surveys.columns import Role
from dotsdesk.importers.surveys.profiles.base import HEAD_RECORDS, Answer, Layout
from dotsdesk.importers.surveys.profiles.limesurvey import NO_DATE, PROFILE
from dotsdesk.importers.surveys.table import read_table
from dotsdesk.importers.text import decode_bytes
from tests.paths import DATA

from .heads import head_of

SURVEYS = DATA / "surveys"
TRICKY = "小K说：我是👩‍💻工程师 👍🏽 🇨🇳, Cafe\u0301 and cafe\u0301s"


def csv_head(path: Path, delimiter: str, *, keep_bom: bool = False) -> list[list[str]]:
    """The first records as a reader that splits on the right delimiter gives them."""
    data = path.read_bytes()
    text = data.decode("utf-8") if keep_bom else decode_bytes(data, path, None).text
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))[:HEAD_RECORDS]


def recognised(name: str, delimiter: str) -> Layout:
    layout = PROFILE.recognise(csv_head(SURVEYS / name, delimiter))
    assert layout is not None
    return layout


def roles(layout: Layout) -> dict[str, tuple[Role | None, str | None]]:
    return {c.qid or c.header: (c.role, c.identity_field) for c in layout.columns if c.role}


def by_qid(layout: Layout, qid: str):
    (column,) = [c for c in layout.columns if c.qid == qid]
    return column


CODE_FIELDS = {
    "id": (Role.ID, None),
    "submitdate": (Role.DATE, None),
    "lastpage": (Role.IGNORED, None),
    "startlanguage": (Role.LANGUAGE, None),
    "seed": (Role.IGNORED, None),
    "token": (Role.IDENTITY, "other"),
    "startdate": (Role.IGNORED, None),
    "datestamp": (Role.IGNORED, None),
    "ipaddr": (Role.IDENTITY, "other"),
    "refurl": (Role.IDENTITY, "other"),
    "firstname": (Role.IDENTITY, "name"),
    "lastname": (Role.IDENTITY, "name"),
    "email": (Role.IDENTITY, "email"),
}


def test_code_headings_with_semicolons() -> None:
    layout = recognised("limesurvey_codes_semicolon.csv", ";")
    assert (layout.tool, layout.variant, layout.header_rows) == (
        "LimeSurvey",
        "question code headings",
        1,
    )
    assert len(layout.columns) == 23
    assert roles(layout) == CODE_FIELDS
    questions = [c for c in layout.columns if c.role is None]
    assert [c.qid for c in questions] == [
        "Q1", "Q2[SQ001]", "Q2[SQ002]", "Q2[SQ003]", "Q2[other]", "Q3", "Q3[other]",
        "Q4[SQ001]", "Q4[SQ002]", "Q5",
    ]  # fmt: skip
    assert [c.header for c in questions] == [c.qid for c in questions]
    assert [c.answer for c in questions] == [
        None, Answer.OPTION, Answer.OPTION, Answer.OPTION, Answer.OTHER, Answer.SINGLE,
        Answer.OTHER, Answer.MATRIX, Answer.MATRIX, None,
    ]  # fmt: skip
    box = by_qid(layout, "Q2[SQ002]")
    assert (box.question, box.option) == ("Q2", "SQ002")
    assert by_qid(layout, "Q2[other]").question == "Q2"
    assert by_qid(layout, "Q4[SQ001]").question == "Q4"
    assert {"N", "No"} <= layout.unchosen and "Y" not in layout.unchosen
    assert layout.no_dates == {NO_DATE}
    assert layout.skip_markers == frozenset()


def test_code_and_text_headings_with_line_breaks_and_tabs() -> None:
    layout = recognised("limesurvey_codetext_comma.csv", ",")
    assert (layout.variant, layout.header_rows) == ("question code and text headings", 1)
    assert roles(layout) == CODE_FIELDS
    assert by_qid(layout, "id").header == "Response ID"
    assert by_qid(layout, "submitdate").header == "Date submitted"
    assert by_qid(layout, "token").header == "Access code"
    # The question's line break and tab are the survey's HTML, not part of what it asks.
    assert by_qid(layout, "Q1").header == "What do you enjoy most about your work?"
    assert by_qid(layout, "Q3").header == "Your role: (pick one)"
    python = by_qid(layout, "Q2[SQ001]")
    assert python.header == "Which languages do you use? [Python]"
    assert (python.question, python.option, python.answer) == (
        "Which languages do you use?",
        "Python",
        Answer.OPTION,
    )
    other = by_qid(layout, "Q2[other]")
    assert (other.answer, other.option, other.question) == (
        Answer.OTHER,
        None,
        "Which languages do you use?",
    )
    matrix = by_qid(layout, "Q4[SQ002]")
    assert (matrix.answer, matrix.question) == (Answer.MATRIX, "How much do you agree?")
    assert by_qid(layout, "Q1").answer is None  # one column: its values decide
    # Long answers: "No" for an empty box, "N/A" where the question was not shown.
    assert {"N", "No"} <= layout.unchosen
    assert layout.skip_markers == {"N/A"}


def test_full_text_headings_in_german() -> None:
    layout = recognised("limesurvey_fulltext_de.csv", ";")
    assert (layout.variant, layout.header_rows) == ("full question text headings", 1)
    meta = {c.header: (c.qid, c.role, c.identity_field) for c in layout.columns if c.role}
    assert meta == {
        "Antwort ID": ("id", Role.ID, None),
        "Datum Abgeschickt": ("submitdate", Role.DATE, None),
        "Letzte Seite": ("lastpage", Role.IGNORED, None),
        "Start-Sprache": ("startlanguage", Role.LANGUAGE, None),
        "Startwert": ("seed", Role.IGNORED, None),
        "Zugangsschlüssel": ("token", Role.IDENTITY, "other"),
        "Datum gestartet": ("startdate", Role.IGNORED, None),
        "Datum letzte Aktivität": ("datestamp", Role.IGNORED, None),
        "IP-Adresse": ("ipaddr", Role.IDENTITY, "other"),
        "Referrer-URL": ("refurl", Role.IDENTITY, "other"),
        "Vorname": ("firstname", Role.IDENTITY, "name"),
        "Nachname": ("lastname", Role.IDENTITY, "name"),
        "E-Mail-Adresse": ("email", Role.IDENTITY, "email"),
    }
    questions = [c for c in layout.columns if c.role is None]
    assert [(c.header, c.qid, c.question, c.option, c.answer) for c in questions] == [
        ("Was gefällt Ihnen an Ihrer Arbeit?", "", None, None, None),
        ("Welche Sprachen nutzen Sie? [Python]", "", "Welche Sprachen nutzen Sie?", "Python",
         Answer.OPTION),
        ("Welche Sprachen nutzen Sie? [R]", "", "Welche Sprachen nutzen Sie?", "R",
         Answer.OPTION),
        # Free text beside boxes ticked "Ja": the other option's text, whatever its label.
        ("Welche Sprachen nutzen Sie? [Sonstiges]", "", "Welche Sprachen nutzen Sie?", None,
         Answer.OTHER),
        ("Ihre Rolle", "", None, None, None),
    ]  # fmt: skip
    assert layout.skip_markers == frozenset()


def test_anonymised_survey() -> None:
    layout = recognised("limesurvey_anonymised.csv", ",")
    assert layout.variant == "question code headings, anonymised"
    assert layout.no_dates == {NO_DATE}
    assert any("1980-01-01" in note for note in layout.notes)
    assert roles(layout) == {
        k: v for k, v in CODE_FIELDS.items() if k in {"id", "submitdate", "lastpage",
                                                       "startlanguage", "seed", "ipaddr",
                                                       "refurl"}
    }  # fmt: skip
    assert by_qid(layout, "Q3").answer is Answer.SINGLE
    assert by_qid(layout, "Q3[comment]").answer is Answer.OPEN
    assert [by_qid(layout, f"Q2[SQ00{n}]").answer for n in (1, 2, 3)] == [Answer.OPTION] * 3
    # An e-mail address asked for in a question: the profile cannot know, the values decide.
    contact = by_qid(layout, "contact")
    assert (contact.role, contact.answer) == (None, None)


def test_bom_left_on_the_first_cell() -> None:
    head = csv_head(SURVEYS / "limesurvey_codes_semicolon.csv", ";", keep_bom=True)
    assert head[0][0].startswith("\ufeff")
    layout = PROFILE.recognise(head)
    assert layout is not None and layout.columns[0].qid == "id"


def test_records_keep_the_texts() -> None:
    head = csv_head(SURVEYS / "limesurvey_codes_semicolon.csv", ";")
    assert head[2][10] == TRICKY
    assert head[1][10] == "Explaining results to people who decide.\nAnd the odd good dashboard."
    assert head[-1] == []  # LimeSurvey ends the file with a blank line


# --- what the records reader makes of these files ----------------------------------------------


@pytest.mark.parametrize(
    ("name", "width"),
    [
        ("limesurvey_codes_semicolon.csv", 23),
        ("limesurvey_codetext_comma.csv", 20),
        ("limesurvey_fulltext_de.csv", 18),
        ("limesurvey_anonymised.csv", 14),
    ],
)
def test_read_table_splits_on_the_right_delimiter(name: str, width: int) -> None:
    table = read_table(SURVEYS / name)
    assert len(table.headers) == width
    assert all(len(row) == width for row in table.rows)


def write_wide_export(path: Path) -> int:
    """The semicolon fixture with 300 more full-text headings: a header line of ~80 KB."""
    source = SURVEYS / "limesurvey_codes_semicolon.csv"
    text = decode_bytes(source.read_bytes(), source, None).text
    records = [r for r in csv.reader(io.StringIO(text, newline=""), delimiter=";") if r]
    asked = "Please describe, in your own words, a typical week at work; meetings, deep work. "
    records[0] += [f"Q{n}. {asked * 3}" for n in range(100, 400)]
    for row in records[1:]:
        row += ["Some text, with commas; and semicolons"] * 300
    out = io.StringIO()
    csv.writer(out, delimiter=";", quoting=csv.QUOTE_ALL, lineterminator="\r\n").writerows(records)
    path.write_bytes(codecs.BOM_UTF8 + (out.getvalue() + "\r\n").encode("utf-8"))
    assert len(out.getvalue().split("\r\n", 1)[0]) > 65536
    return len(records[0])


def test_read_table_with_a_header_longer_than_the_sniff_sample(tmp_path: Path) -> None:
    path = tmp_path / "results-survey123456.csv"
    width = write_wide_export(path)
    assert len(read_table(path).headers) == width


# --- variants without a fixture of their own ---------------------------------------------------


def test_expression_manager_codes_timings_and_attributes() -> None:
    head = [
        ["id", "submitdate", "lastpage", "startlanguage", "Q1", "Q1Time", "groupTime7",
         "interviewtime", "Q2_SQ001", "Q2_SQ002", "Q2_other", "attribute_1"],
        ["1", "2024-01-01 10:00:00", "1", "en", "text", "12.5", "30", "42", "Y", "", "x", "A"],
        ["2", "2024-01-02 10:00:00", "1", "en", "more", "3", "10", "20", "", "Y", "", "B"],
    ]  # fmt: skip
    layout = PROFILE.recognise(head)
    assert layout is not None
    assert roles(layout) == {
        "id": (Role.ID, None),
        "submitdate": (Role.DATE, None),
        "lastpage": (Role.IGNORED, None),
        "startlanguage": (Role.LANGUAGE, None),
        "Q1Time": (Role.IGNORED, None),
        "groupTime7": (Role.IGNORED, None),
        "interviewtime": (Role.IGNORED, None),
        "attribute_1": (Role.IDENTITY, "other"),
    }
    assert [by_qid(layout, q).answer for q in ("Q2_SQ001", "Q2_SQ002", "Q2_other")] == [
        Answer.OPTION,
        Answer.OPTION,
        Answer.OTHER,
    ]
    assert by_qid(layout, "Q2_SQ002").option == "SQ002"


def test_boxes_holding_their_option_text() -> None:
    head = [
        ["id", "submitdate", "lastpage", "startlanguage", "Q2[SQ001]", "Q2[SQ002]"],
        ["1", "2024-01-01 10:00:00", "1", "en", "Python", ""],
        ["2", "2024-01-01 11:00:00", "1", "en", "", "R"],
        ["3", "2024-01-01 12:00:00", "1", "en", "Python", "R"],
    ]
    layout = PROFILE.recognise(head)
    assert layout is not None
    assert [c.answer for c in layout.columns[4:]] == [Answer.OPTION, Answer.OPTION]


def test_full_text_export_without_responses_by_its_labels() -> None:
    head = [["Response ID", "Date submitted", "Last page", "Start language", "Q one"]]
    layout = PROFILE.recognise(head)
    assert layout is not None and layout.variant == "full question text headings"
    assert [c.role for c in layout.columns[:4]] == [
        Role.ID,
        Role.DATE,
        Role.IGNORED,
        Role.LANGUAGE,
    ]


# --- files that are not LimeSurvey exports -----------------------------------------------------


def other_fixtures() -> list[Path]:
    found = sorted(p for p in DATA.rglob("*") if p.suffix.lower() in (".csv", ".xlsx"))
    return [p for p in found if not p.name.startswith("limesurvey_")]


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
        [["ID", "Date", "Page", "Lang"], ["1", "2024-01-01", "3", "en"]],
        [["id", "submitted", "comment"], ["1", "2024-01-01 10:00:00", "ok"]],
        [["Response ID", "When", "Page", "Language"], ["x1", "2024-01-01 10:00:00", "1", "en"]],
        # A log of page visits: the first column repeats, so it is no response id.
        [
            ["Nr", "Zeit", "Seite", "Sprache"],
            ["1", "2024-01-01 10:00:00", "1", "de"],
            ["1", "2024-01-01 10:05:00", "2", "de"],
        ],
        [],
        [[""]],
    ],
)
def test_generic_tables_are_not_claimed(head: list[list[str]]) -> None:
    assert PROFILE.recognise(head) is None
