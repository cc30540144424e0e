"""The Google Forms profile: a timestamp column over one header row, in any language."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from dotsdesk.importers.surveys.columns import Role
from dotsdesk.importers.surveys.profiles.base import HEAD_RECORDS, Answer, Column, Layout
from dotsdesk.importers.surveys.profiles.google_forms import PROFILE

from .heads import head_of, plain_records

DATA = Path(__file__).resolve().parents[3] / "data"
SURVEYS = DATA / "surveys"
FORMS_CSV = "responses downloaded from Forms as CSV"
SHEETS_CSV = "sheet downloaded as CSV"
SHEETS_XLSX = "sheet downloaded as .xlsx"


def recognise(name: str) -> Layout:
    path = SURVEYS / name if (SURVEYS / name).exists() else DATA / name
    layout = PROFILE.recognise(plain_records(path)[:HEAD_RECORDS])
    assert layout is not None, name
    return layout


def kinds(layout: Layout) -> list[tuple[Role | None, str | None, Answer | None]]:
    return [(c.role, c.identity_field, c.answer) for c in layout.columns]


def column(layout: Layout, header: str) -> Column:
    return next(c for c in layout.columns if c.header == header)


DATE = (Role.DATE, None, None)
EMAIL = (Role.IDENTITY, "email", None)
SCORE = (Role.IGNORED, None, None)
OPEN = (None, None, None)  # a question: the values decide
TYPED = (None, None, Answer.OPEN)  # no answer repeats and some are sentences: a text question
MULTI = (None, None, Answer.MULTI)
MATRIX = (None, None, Answer.MATRIX)


@pytest.mark.parametrize(
    ("name", "variant"),
    [
        ("google_forms_sheets.csv", SHEETS_CSV),
        ("google_forms_download.csv", FORMS_CSV),
        ("google_forms.xlsx", SHEETS_XLSX),
        ("google_forms.csv", FORMS_CSV),  # the older fixture in tests/data
    ],
)
def test_each_variant_is_recognised(name: str, variant: str) -> None:
    layout = recognise(name)
    assert (layout.tool, layout.variant, layout.header_rows) == ("Google Forms", variant, 1)
    assert layout.multi_separator == ", "
    assert layout.skip_markers == frozenset()


def test_sheets_csv_in_spanish() -> None:
    raw = (SURVEYS / "google_forms_sheets.csv").read_bytes()
    assert raw.count(b"\r\n") == 6 and b"\n" in raw.replace(b"\r\n", b"")  # LF inside cells
    layout = recognise("google_forms_sheets.csv")
    assert [c.header for c in layout.columns][:3] == [
        "Marca temporal",
        "Dirección de correo electrónico",
        "Puntuación",
    ]
    assert kinds(layout) == [DATE, EMAIL, SCORE, OPEN, MULTI, MATRIX, MATRIX, TYPED, TYPED]
    grid = column(layout, "¿Con qué frecuencia tienes…? [Revisión de código]")
    assert grid.question == "¿Con qué frecuencia tienes…?"
    assert any("¿Qué herramientas usas?" in n and "', '" in n for n in layout.notes)


def test_forms_download_in_chinese() -> None:
    layout = recognise("google_forms_download.csv")
    assert layout.columns[0].header == "时间戳记"
    # No collected e-mail: the optional e-mail question is identity by its values.
    assert kinds(layout) == [DATE, OPEN, MULTI, MATRIX, MATRIX, TYPED, EMAIL]
    assert column(layout, "你多久做一次 [写文档]").question == "你多久做一次"


def test_xlsx_with_date_values() -> None:
    head = plain_records(SURVEYS / "google_forms.xlsx")[:HEAD_RECORDS]
    assert head[1][0] == "2024-03-01 09:15:02.480000"
    layout = PROFILE.recognise(head)
    assert layout is not None
    assert kinds(layout) == [DATE, EMAIL, SCORE, OPEN, MULTI, MATRIX, MATRIX, OPEN, OPEN, TYPED]
    assert column(layout, "How often do you… [Meetings]").question == "How often do you…"


def test_xlsx_timestamps_read_as_serial_numbers() -> None:
    head = plain_records(SURVEYS / "google_forms.xlsx")[:HEAD_RECORDS]
    epoch = datetime(1899, 12, 30)
    for row in head[1:]:
        moment = datetime.fromisoformat(row[0])
        row[0] = f"{(moment - epoch).total_seconds() / 86400:.10f}"
    assert head[1][0].startswith("45352.")
    layout = PROFILE.recognise(head)
    assert layout is not None and layout.variant == SHEETS_XLSX
    assert kinds(layout)[0] == DATE


def test_sentences_with_commas_are_not_checkbox_answers() -> None:
    layout = recognise("google_forms.csv")
    assert kinds(layout) == [DATE, EMAIL, OPEN, OPEN, TYPED, OPEN]
    assert column(layout, "May we quote you?").answer is None  # "Yes, with my forum ID"
    assert layout.notes == []


@pytest.mark.parametrize(
    "stamp",
    [
        "3/1/2024 9:15:02",  # en-US sheet
        "01/03/2024 09:15:02",  # en-GB, fr
        "01.03.2024 09:15:02",  # de
        "2024/03/01 9:15:02",  # ja
        "2024. 3. 1 오전 9:15:02",  # ko
        "2024/03/01 上午9:15:02 GMT+8",  # Forms download, zh
        "2024/03/01 9:15:02 AM GMT-05:00",
        "1/3/2024 9:15:02 a. m.",  # es with a 12-hour clock
        "2024-03-01 09:15:02",  # a date-time value read from .xlsx
    ],
)
def test_localised_timestamps(stamp: str) -> None:
    head = [["Zeitstempel", "Frage"], [stamp, "Antwort"], [stamp, ""]]
    layout = PROFILE.recognise(head)
    assert layout is not None and kinds(layout)[0] == DATE


def test_a_time_question_is_not_an_ip_address() -> None:
    head = [["Timestamp", "What time do you start?"], ["3/1/2024 9:15:02", "9:30:00"]]
    layout = PROFILE.recognise(head)
    assert layout is not None and kinds(layout) == [DATE, OPEN]


def _others() -> list[Path]:
    files = [p for p in DATA.rglob("*") if p.suffix in (".csv", ".xlsx", ".txt", ".tsv")]
    return sorted(p for p in files if not p.name.startswith(("google_forms", "bomb")))


@pytest.mark.parametrize("path", _others(), ids=lambda p: p.name)
def test_other_files_are_not_claimed(path: Path) -> None:
    head = head_of(path)
    if head is None:
        pytest.skip("broken on purpose: nothing to claim")
    assert PROFILE.recognise(head) is None


@pytest.mark.parametrize(
    "head",
    [
        [["Date", "Comment"], ["2024-03-01", "fine"], ["2024-03-02", "ok"]],  # no time of day
        [["start", "q1"], ["2024-03-01T09:15:02.123+08:00", "x"]],  # KoBo: ISO with a T
        [["Start time", "Completion time", "Q"], ["3/1/24 9:15:02", "3/1/24 9:20:40", "x"]],
        [["Submitted", "IP", "Q"], ["2024-03-01 09:15:02", "203.0.113.7", "x"]],
        [["Submitted", "Q", "IP"], ["2024-03-01 09:15:02", "x", "2001:db8::1f"]],
        [["ID", "Q"], ["1", "x"], ["2", "y"]],
        [["Timestamp", "Q"]],  # no responses: nothing shows the structure
        [["2024-03-01 09:15:02", "x"], ["2024-03-01 09:16:02", "y"]],  # no header row
        [["Timestamp", "Q"], ["2024-03-01 09:15:02", "x"], ["someday", "y"]],
        [["Serial", "Q"], ["45352", "x"], ["45353", "y"]],  # whole numbers: not date-times
        [["Log", "Q"], ["2024-03-01 99:15:02", "x"]],  # no such hour
        [["Export of 2024", "", "", ""], ["2024-03-01 09:15:02", "a", "b", "c"]],  # a title
    ],
)
def test_generic_tables_are_not_claimed(head: list[list[str]]) -> None:
    assert PROFILE.recognise(head) is None
