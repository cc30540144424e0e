"""The analysis report, read back with openpyxl: every sheet, numbers as numbers, code colours
as fills, frozen headers and autofilters, and no text turned into a formula."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from openpyxl.worksheet.worksheet import Worksheet
from sqlalchemy import select

from dotsdesk.errors import NotFound
from dotsdesk.exporters.xlsx.analysis import ReportRequest, _sheet_name, export_analysis_workbook
from dotsdesk.model import Response
from dotsdesk.services.coding import segments as coding
from dotsdesk.services.coding.codebook import ensure_code, find_code
from dotsdesk.store import Project

SHEETS = [
    "Frequencies",
    "Crosstab Company size",
    "Crosstab Role",
    "Co-occurrence",
    "Words",
    "Agreement",
    "Disagreements",
    "Segments",
    "Codebook",
    "Respondents",
]


def _rows(ws: Worksheet) -> list[tuple[object, ...]]:
    return list(ws.iter_rows(values_only=True))


def _by_first(ws: Worksheet) -> dict[object, tuple[object, ...]]:
    return {r[0]: r for r in _rows(ws)[1:]}


@pytest.fixture
def report(sample_project: Project, tmp_path: Path) -> Path:
    """The sample with a second coder ("bob") and a code whose name starts with '='."""
    with sample_project.write() as s:
        research = find_code(s, "Role/Research").id
        formula = ensure_code(s, "=HYPERLINK(1)", colour="#123456").id
        first = s.scalars(select(Response.id).order_by(Response.id)).first()
        assert first is not None
        coding.code_span(s, first, 0, 40, [research, formula], coder="bob")
    target = tmp_path / "report.xlsx"
    request = ReportRequest(attributes=("Company size", "Role"), coders=("sample", "bob"))
    with sample_project.read() as s:
        assert export_analysis_workbook(s, target, request) == SHEETS
    return target


def test_every_sheet_is_a_filtered_table_with_a_frozen_header(report: Path) -> None:
    book = openpyxl.load_workbook(report)
    assert book.sheetnames == SHEETS
    for name in SHEETS[:7]:
        ws = book[name]
        assert ws.freeze_panes == "A2", name
        assert ws.auto_filter.ref and ws.auto_filter.ref.startswith("A1:"), name
        assert ws.column_dimensions["A"].width >= 14, name  # set, not Excel's 8.43


def test_frequencies_are_numbers_with_code_colours(report: Path) -> None:
    ws = openpyxl.load_workbook(report)["Frequencies"]
    header = _rows(ws)[0]
    assert header[:5] == ("Code", "Level", "Segments", "Responses", "Respondents")
    rows = _by_first(ws)
    research = rows["Role/Research"]
    assert research[header.index("Respondents with sub-codes")] == 6
    assert research[header.index("% of respondents")] == pytest.approx(20.0)
    assert research[header.index("Base (n)")] == 30
    cell = next(c for c in ws["A"] if c.value == "Role/Research")
    assert cell.fill.fgColor.rgb.endswith("4C72B0")
    percent = ws.cell(cell.row, header.index("% of respondents") + 1)
    assert percent.data_type == "n" and percent.number_format == "0.0"


def test_the_crosstab_sheet_reproduces_the_post(report: Path) -> None:
    ws = openpyxl.load_workbook(report)["Crosstab Company size"]
    rows = _rows(ws)
    header = rows[0]
    assert header[:3] == ("Code", "n", "large company")
    share = header.index("% of column: (all)")
    body = {r[0]: r for r in rows[1:]}
    assert [body[f"Role/{c}"][share] for c in ("Research", "Engineering", "Hybrid")] == [
        pytest.approx(20.0),
        pytest.approx(20.0),
        pytest.approx(60.0),
    ]
    assert body["Role/Research"][header.index("large company")] == 3
    assert body["Role/Research"][header.index("% of row: large company")] == pytest.approx(50.0)
    base = body["Base (n)"]
    assert base[header.index("large company")] == 12 and base[header.index("(all)")] == 30
    # the base row is below the autofilter, so sorting never moves it
    last = int(ws.auto_filter.ref.split(":")[1].lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ"))
    assert last == [r[0] for r in rows].index("Base (n)")


def test_cooccurrence_words_and_agreement(report: Path) -> None:
    book = openpyxl.load_workbook(report)
    pairs = _rows(book["Co-occurrence"])
    assert pairs[0][:5] == ("Code A", "Code B", "Counted by", "Together", "Jaccard")
    assert all(isinstance(r[3], int) and 0 <= r[4] <= 1 for r in pairs[1:])
    assert ("Role/Research", "=HYPERLINK(1)") in {(r[0], r[1]) for r in pairs[1:]}
    words = _rows(book["Words"])
    assert words[1][0] == "research" and words[1][1] == 31
    agreement = _by_first(book["Agreement"])
    assert set(agreement) >= {"Role/Research", "All codes"}
    kappa = agreement["All codes"][1]
    assert isinstance(kappa, float) and -1 <= kappa <= 1
    spans = _rows(book["Disagreements"])
    assert spans[0] == ("Respondent", "Code", "Start", "End", "Coded only by", "Text")
    assert {r[4] for r in spans[1:]} <= {"sample", "bob"} and len(spans) > 1


def test_text_that_looks_like_a_formula_stays_text(report: Path) -> None:
    book = openpyxl.load_workbook(report)
    for name in ("Frequencies", "Codebook"):
        cell = next(c for c in book[name]["A"] if c.value == "=HYPERLINK(1)")
        assert cell.data_type == "s", name
        assert cell.quotePrefix, name


def test_a_bad_attribute_writes_nothing(sample_project: Project, tmp_path: Path) -> None:
    target = tmp_path / "none.xlsx"
    with sample_project.read() as s, pytest.raises(NotFound, match="Height"):
        export_analysis_workbook(s, target, ReportRequest(attributes=("Height",)))
    assert not target.exists()


def test_sheet_names_follow_excels_rules() -> None:
    assert _sheet_name("Crosstab a/b:c*d?e[f]g\\h", []) == "Crosstab a b c d e f g h"
    long = "Crosstab " + "x" * 40
    assert len(_sheet_name(long, [])) == 31
    assert _sheet_name(long, [long[:31]]) == long[:27] + " (2)"


def test_progress_moves_through_every_stage_and_a_cancel_leaves_nothing(
    sample_project: Project, tmp_path: Path
) -> None:
    heard: list[tuple[int, int]] = []
    target = tmp_path / "report.xlsx"
    request = ReportRequest(attributes=("Company size",))
    with sample_project.read() as s:
        export_analysis_workbook(s, target, request, lambda d, t: heard.append((d, t)))
    values = [d for d, _t in heard]
    assert heard[0] == (0, 1000) and heard[-1] == (1000, 1000)
    assert values == sorted(values) and len(set(values)) >= 6  # each stage moves the bar

    class Cancelled(Exception):
        pass

    def cancel_in_the_words(done: int, total: int) -> None:
        if done > 100:
            raise Cancelled

    target.unlink()
    with sample_project.read() as s, pytest.raises(Cancelled):
        export_analysis_workbook(s, target, request, cancel_in_the_words)
    assert not target.exists() and list(tmp_path.glob("*.xlsx")) == []
