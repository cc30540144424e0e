"""The analysis report: Frequencies, a Crosstab per attribute asked for, Co-occurrence, Words
and (for two coders) Agreement and Disagreements, beside Segments, Codebook and Respondents.

Every figure is a number cell (percentages as numbers with one decimal, kappa and alpha with
three), every text goes through `Cells` (never a formula), code cells are filled with the
code's colour, and each table has a frozen header row, an autofilter and set widths.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session
from xlsxwriter.workbook import Workbook
from xlsxwriter.worksheet import Worksheet

from ...services.analysis.agreement import AgreementReport, agreement
from ...services.analysis.codes import CodeNode
from ...services.analysis.cooccurrence import Cooccurrence, Unit, cooccurrence
from ...services.analysis.crosstab import ALL_VALUES, Crosstab, crosstab
from ...services.analysis.frequencies import code_frequencies
from ...services.analysis.population import ALL, Population
from ...services.analysis.progress import Stages
from ...services.analysis.words import WordFrequencies, word_frequencies
from .cells import Cells
from .segments import write_segment_sheets
from .workbook import table_sheet, xlsx_workbook

PERCENT = "0.0"
RATIO = "0.000"
_WIDTHS = {"Code": 34, "Code A": 34, "Code B": 34, "Text": 60, "Word": 20, "Respondent": 14}
_SHEET_NAME = re.compile(r"[\[\]:*?/\\]")


@dataclass(frozen=True)
class ReportRequest:
    """What the report holds: a crosstab per attribute; agreement when `coders` are two."""

    attributes: Sequence[str] = ()
    coders: tuple[str, str] | None = None
    population: Population = ALL
    unit: Unit = Unit.OVERLAP
    words: int = 200
    segments: bool = True  # the Segments, Codebook and Respondents sheets too
    sheets: list[str] = field(default_factory=list)  # filled in: the sheets written


def export_analysis_workbook(
    session: Session,
    target: Path,
    request: ReportRequest,
    progress: Callable[[int, int], None] | None = None,
) -> list[str]:
    """Write the report atomically; returns the names of its sheets in order. `progress`
    hears of every stage (in thousandths of the whole); raising from it (a Cancel) leaves
    no file behind."""
    # Shares of the time each stage takes on a large project (100,000 segments, the words
    # of 10,000 responses cut for the first time).
    stages = Stages(progress, [3, 2 * len(request.attributes), 6, 30, 4 if request.coders else 0,
                               2, 45 if request.segments else 0, 8])  # fmt: skip
    stages.stage(0)(0, 1)
    # Every figure first: a bad attribute or coder name fails before anything is written.
    frequencies = code_frequencies(session, request.population)
    stages.finish(0)
    tables = []
    for n, attribute in enumerate(request.attributes, 1):
        tables.append(crosstab(session, attribute, request.population))
        stages.stage(1)(n, len(request.attributes))
    together = cooccurrence(session, request.population, unit=request.unit)
    stages.finish(2)
    counted = word_frequencies(
        session, request.population, limit=request.words, progress=stages.stage(3)
    )
    agreed = (
        agreement(session, *request.coders, population=request.population)
        if request.coders
        else None
    )
    stages.finish(4)
    names: list[str] = []
    with xlsx_workbook(target, constant_memory=True) as (wb, cells):
        writer = _Writer(wb, cells, target, names)
        writer.frequencies(frequencies)
        for table in tables:
            writer.crosstab(table)
        writer.cooccurrence(together)
        writer.words(counted)
        if agreed is not None:
            writer.agreement(agreed)
        stages.finish(5)
        if request.segments:
            write_segment_sheets(wb, cells, session, target, stages.stage(6))
            names += ["Segments", "Codebook", "Respondents"]
        stages.finish(6)
    stages.finish(7)  # the workbook is zipped as it closes
    return names


class _Writer:
    def __init__(self, wb: Workbook, cells: Cells, target: Path, names: list[str]) -> None:
        self.wb, self.cells, self.target, self.names = wb, cells, target, names

    def sheet(self, title: str, columns: list[str], rows: int) -> Worksheet:
        name = _sheet_name(title, self.names)
        self.names.append(name)
        return table_sheet(self.wb, self.cells, self.target, name, columns, rows, widths=_WIDTHS)

    def row(self, ws: Worksheet, n: int, values: list[Any], formats: dict[int, str]) -> None:
        """Texts as text, numbers as numbers (with `formats` by column), None empty."""
        for col, value in enumerate(values):
            if isinstance(value, _Code):
                self.cells.text(ws, n, col, value.path, fill=value.colour)
            elif value is None or isinstance(value, str):
                self.cells.text(ws, n, col, value)
            else:
                self.cells.number(ws, n, col, value, number_format=formats.get(col))

    def frequencies(self, rows: list[Any]) -> None:
        columns = [
            "Code", "Level", "Segments", "Responses", "Respondents", "Segments with sub-codes",
            "Responses with sub-codes", "Respondents with sub-codes", "% of respondents",
            "Base (n)",
        ]  # fmt: skip
        ws = self.sheet("Frequencies", columns, len(rows))
        for n, f in enumerate(rows, 1):
            values = [
                _Code(f.code, f.colour), f.depth + 1, f.segments, f.responses, f.respondents,
                f.segments_with_subcodes, f.responses_with_subcodes,
                f.respondents_with_subcodes, f.percent, f.base,
            ]  # fmt: skip
            self.row(ws, n, values, {8: PERCENT})

    def crosstab(self, table: Crosstab) -> None:
        """Counts, then % of column, % of row and % of total per value; each code's base in
        n, each value's in the Base (n) row below the filtered rows."""
        values = [*table.values, ALL_VALUES]
        columns = ["Code", "n", *values]
        for what in ("% of column", "% of row", "% of total"):
            columns += [f"{what}: {v}" for v in values]
        ws = self.sheet(f"Crosstab {table.attribute}", columns, len(table.codes))
        formats = {i: PERCENT for i in range(2 + len(values), len(columns))}
        for n, code in enumerate(table.codes, 1):
            cells = [table.cell(code.id, v) for v in values]
            row: list[Any] = [_code(code), cells[-1].row_base, *(c.respondents for c in cells)]
            row += [c.percent_of_column for c in cells]
            row += [c.percent_of_row for c in cells]
            row += [c.percent_of_total for c in cells]
            self.row(ws, n, row, formats)
        base = len(table.codes) + 1
        self.cells.text(ws, base, 0, "Base (n)", bold=True)
        for i, value in enumerate(values):
            self.cells.number(ws, base, 2 + i, table.column_bases[value], bold=True)
        note = "multiple choice: a respondent counts under each choice" if table.multiple else ""
        self.cells.text(ws, base + 1, 0, note or None)

    def cooccurrence(self, found: Cooccurrence) -> None:
        unit = {"overlap": "segments", "response": "responses", "respondent": "respondents"}
        units = unit[found.unit.value]
        columns = ["Code A", "Code B", "Counted by", "Together", "Jaccard", f"Code A {units}",
                   f"Code B {units}"]  # fmt: skip
        pairs = found.ranked()
        ws = self.sheet("Co-occurrence", columns, len(pairs))
        colours = {c.id: c.colour for c in found.codes}
        for n, p in enumerate(pairs, 1):
            values = [
                _Code(p.code_a, colours[p.code_a_id]), _Code(p.code_b, colours[p.code_b_id]),
                found.unit.value, p.count, p.jaccard, p.a_units, p.b_units,
            ]  # fmt: skip
            self.row(ws, n, values, {4: RATIO})

    def words(self, counted: WordFrequencies) -> None:
        columns = ["Word", "Count", "Responses", "Respondents"]
        ws = self.sheet("Words", columns, len(counted.words))
        for n, w in enumerate(counted.words, 1):
            self.row(ws, n, [w.word, w.count, w.responses, w.respondents], {})

    def agreement(self, report: AgreementReport) -> None:
        columns = [
            "Code", "Kappa (characters)", "Kappa (responses)", "Alpha (characters)",
            "Alpha (responses)", "% agreement (characters)", "% agreement (responses)",
            "Characters both", f"Characters {report.first} only",
            f"Characters {report.second} only", "Characters neither", "Responses both",
            f"Responses {report.first} only", f"Responses {report.second} only",
            "Responses neither",
        ]  # fmt: skip
        rows = [*report.codes, report.overall]
        ws = self.sheet("Agreement", columns, len(rows))
        formats = {1: RATIO, 2: RATIO, 3: RATIO, 4: RATIO, 5: PERCENT, 6: PERCENT}
        for n, r in enumerate(rows, 1):
            ch, rs = r.characters, r.responses
            values = [
                r.code, r.kappa_characters, r.kappa_responses, ch.alpha, r.alpha_responses,
                ch.percent, rs.percent, ch.both, ch.first_only, ch.second_only, ch.neither,
                rs.both, rs.first_only, rs.second_only, rs.neither,
            ]  # fmt: skip
            self.row(ws, n, values, formats)
        spans = report.disagreements
        columns = ["Respondent", "Code", "Start", "End", "Coded only by", "Text"]
        ws = self.sheet("Disagreements", columns, len(spans))
        for n, d in enumerate(spans, 1):
            self.row(ws, n, [d.respondent, d.code, d.start, d.end, d.coded_by, d.text], {})


@dataclass(frozen=True)
class _Code:
    """A code cell: its path, filled with its colour."""

    path: str
    colour: str


def _code(node: CodeNode) -> _Code:
    return _Code(node.path, node.colour)


def _sheet_name(title: str, taken: Sequence[str]) -> str:
    """Excel's rules: at most 31 characters, none of []:*?/\\, unique (case-insensitively)."""
    base = _SHEET_NAME.sub(" ", title).strip("' ")[:31] or "Sheet"
    name, n = base, 2
    while name.casefold() in {t.casefold() for t in taken}:
        suffix = f" ({n})"
        name, n = base[: 31 - len(suffix)] + suffix, n + 1
    return name
