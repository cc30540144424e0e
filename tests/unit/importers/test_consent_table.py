"""Importing a consent table: good tables append events; one bad row and nothing changes."""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import func, select

from dotsdesk.errors import InputError
from dotsdesk.importers.consent_table import import_consent_table
from dotsdesk.model import ConsentEvent, ConsentKind, ConsentLevel
from dotsdesk.services.consent.events import ConsentStatus, current_consents, history, record_event
from dotsdesk.services.corpus.respondents import add_respondent
from dotsdesk.store import Project

TODAY = date(2025, 6, 1)
HEADERS = ["Respondent", "Status", "Level", "Translation", "Date", "Channel", "Note"]


@pytest.fixture
def people(project: Project) -> dict[str, int]:
    with project.write() as s:
        # Handles and names on file: the table grants by handle and by name.
        known = {"handle": "h", "name": "n"}
        ids = {k: add_respondent(s, k, identity=known).id for k in ("P01", "P02", "P03", "P04")}
        ids["xiaok@example.com"] = add_respondent(s, "xiaok@example.com", identity=known).id  # P05
        record_event(s, ids["P04"], "requested", date(2025, 1, 1), channel="email")
    return ids


def write_csv(path: Path, rows: list[list[str]], headers: list[str] = HEADERS) -> Path:
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(headers)
    writer.writerows(rows)
    path.write_text(buf.getvalue(), encoding="utf-8")
    return path


def events(project: Project) -> int:
    with project.read() as s:
        return s.scalar(select(func.count(ConsentEvent.id))) or 0


def run(project: Project, path: Path):  # type: ignore[no-untyped-def]
    with project.write() as s:
        return import_consent_table(s, path, today=TODAY)


GOOD = [
    ["P01", "pending", "", "", "2025-01-05", "email", "asked about the post"],
    ["P01", "granted", "anonymous", "no", "2025-01-09", "email", ""],
    ["P02", "Granted", "Handle", "YES", "2025/01/10", "1point3acres DM", ""],
    ["P03", "declined", "", "no", "2025-01-11", "", "=not a formula"],
    ["P05", "granted", "name", "", "", "", "by label"],
    ["P04", "withdrawn", "", "", "2025-02-01", "WeChat", "changed their mind"],
]


def test_good_table(project: Project, people: dict[str, int], tmp_path: Path) -> None:
    report = run(project, write_csv(tmp_path / "consent.csv", GOOD))
    assert (report.added, report.already_recorded, report.undated) == (6, 0, 1)
    with project.read() as s:
        now = current_consents(s, today=TODAY)
        p01 = history(s, people["P01"])
    assert [e.kind for e in p01] == [ConsentKind.REQUESTED, ConsentKind.GRANTED]
    assert (p01[0].occurred, p01[0].channel, p01[0].asked) == (date(2025, 1, 5), "email", None)
    assert p01[0].note == "asked about the post"
    got = {k: now[i] for k, i in people.items()}
    assert (got["P01"].status, got["P01"].level) == (ConsentStatus.GRANTED, ConsentLevel.ANONYMOUS)
    assert got["P02"].level is ConsentLevel.HANDLE and got["P02"].translation_allowed
    assert got["P02"].since == date(2025, 1, 10)
    assert got["P03"].status is ConsentStatus.DECLINED
    assert got["xiaok@example.com"].level is ConsentLevel.NAME
    assert got["xiaok@example.com"].since == TODAY  # undated: recorded as today
    assert got["P04"].status is ConsentStatus.WITHDRAWN
    assert "undated" not in report.lines()[0] and "6 consent event(s) added" in report.lines()[0]

    again = run(project, tmp_path / "consent.csv")
    assert (again.added, again.already_recorded) == (0, 6)
    assert events(project) == 7


def test_chinese_headers_and_values_xlsx(
    project: Project, people: dict[str, int], tmp_path: Path
) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["受访者", "状态", "署名方式", "允许翻译", "日期", "渠道", "备注", "其他"])
    ws.append(["P01", "同意", "网名", "是", date(2025, 3, 1), "微信", "小K 同意用网名", "x"])
    ws.append(["P02", "拒绝", None, None, "2025年3月2日", None, None, None])
    wb.save(tmp_path / "同意.xlsx")
    report = run(project, tmp_path / "同意.xlsx")
    assert report.added == 2
    assert "ignored column '其他'" in report.notes
    with project.read() as s:
        now = current_consents(s, today=TODAY)
        note = history(s, people["P01"])[0].note
    assert now[people["P01"]].level is ConsentLevel.HANDLE
    assert now[people["P01"]].translation_allowed is True
    assert now[people["P02"]].status is ConsentStatus.DECLINED
    assert note == "小K 同意用网名"


def test_respondent_column_wins_over_label(
    project: Project, people: dict[str, int], tmp_path: Path
) -> None:
    """The table `consent list` prints (Respondent and Label columns) imports as it is."""
    headers = ["Respondent", "Label", "Status", "Level", "Translation", "Last event"]
    rows = [["P01", "P01", "granted", "anonymous", "no", "2025-01-01"]]
    report = run(project, write_csv(tmp_path / "list.csv", rows, headers))
    assert report.added == 1
    assert "ignored column 'Label' (using 'Respondent')" in report.notes
    assert "ignored column 'Last event'" in report.notes


@pytest.mark.parametrize(
    ("row", "problem"),
    [
        (["P99", "granted", "anonymous", "", "", "", ""], "unknown respondent 'P99'"),
        (["", "granted", "anonymous", "", "", "", ""], "no respondent"),
        (["P01", "maybe", "", "", "", "", ""], "unknown status 'maybe'"),
        (["P01", "", "", "", "2025-01-01", "", ""], "no status"),
        (["P01", "granted", "full", "", "", "", ""], "unknown level 'full'"),
        (["P01", "granted", "", "yes", "", "", ""], "a grant needs a level"),
        (["P01", "declined", "handle", "", "", "", ""], "a level (handle) belongs to a grant"),
        (["P01", "pending", "", "yes", "", "", ""], "translation allowed belongs to a grant"),
        (["P01", "granted", "name", "perhaps", "", "", ""], "translation must be yes or no"),
        (["P01", "granted", "name", "", "2025-02-30", "", ""], "bad date '2025-02-30'"),
        (["P01", "granted", "name", "", "yesterday", "", ""], "bad date 'yesterday'"),
    ],
)
def test_a_bad_row_names_its_line_and_nothing_is_imported(
    project: Project, people: dict[str, int], tmp_path: Path, row: list[str], problem: str
) -> None:
    good = [["P02", "granted", "anonymous", "", "2025-01-01", "", ""]] * 5
    path = write_csv(tmp_path / "consent.csv", [*good, row, *good])
    before = events(project)
    with pytest.raises(InputError) as caught:
        run(project, path)
    message = str(caught.value)
    assert message.startswith(f"{path}: line 7: {problem}")
    assert message.endswith("nothing was imported")
    assert events(project) == before


def test_every_bad_row_is_counted(project: Project, people: dict[str, int], tmp_path: Path) -> None:
    rows = [
        ["P01", "granted", "anonymous", "", "", "", ""],
        ["P99", "granted", "anonymous", "", "", "", ""],
        ["P98", "granted", "anonymous", "", "", "", ""],
        ["P01", "declined", "name", "", "", "", ""],
    ]
    with pytest.raises(InputError, match=r"line 3: unknown respondent 'P99' \(and 2 more"):
        run(project, write_csv(tmp_path / "c.csv", rows))
    assert events(project) == 1


def test_expiry_column(project: Project, people: dict[str, int], tmp_path: Path) -> None:
    headers = [*HEADERS, "Expires"]
    rows = [["P01", "granted", "name", "yes", "2025-01-01", "", "", "2025-03-01"]]
    run(project, write_csv(tmp_path / "c.csv", rows, headers))
    with project.read() as s:
        assert current_consents(s, today=TODAY)[people["P01"]].status is ConsentStatus.EXPIRED
    bad = [["P02", "declined", "", "", "2025-01-01", "", "", "2025-03-01"]]
    with pytest.raises(InputError, match="line 2: an expiry date belongs to a grant"):
        run(project, write_csv(tmp_path / "d.csv", bad, headers))
    before = [["P02", "granted", "name", "", "2025-04-01", "", "", "2025-03-01"]]
    with pytest.raises(InputError, match="expires before it was given"):
        run(project, write_csv(tmp_path / "e.csv", before, headers))


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ("Status,Level\ngranted,anonymous\n", "no 'respondent' column"),
        ("Respondent,Level\nP01,anonymous\n", "no 'status' column"),
        ("Respondent,Status\n", "no rows below its header"),
        ("", "the file is empty"),
    ],
)
def test_bad_tables(
    project: Project, people: dict[str, int], tmp_path: Path, content: str, problem: str
) -> None:
    path = tmp_path / "consent.csv"
    path.write_text(content, encoding="utf-8")
    before = events(project)
    with pytest.raises(InputError, match=problem) as caught:
        run(project, path)
    assert str(caught.value).startswith(str(path))
    assert events(project) == before


def test_truncated_xlsx_changes_nothing(
    project: Project, people: dict[str, int], tmp_path: Path
) -> None:
    wb = openpyxl.Workbook()
    wb.active.append(HEADERS)
    wb.active.append(["P01", "granted", "name", "", "", "", ""])
    wb.save(tmp_path / "full.xlsx")
    data = (tmp_path / "full.xlsx").read_bytes()
    (tmp_path / "cut.xlsx").write_bytes(data[: len(data) // 2])
    with pytest.raises(InputError, match=r"cut\.xlsx"):
        run(project, tmp_path / "cut.xlsx")
    assert events(project) == 1
