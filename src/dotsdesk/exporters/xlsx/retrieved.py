"""The Coded Segments view's rows as an Excel sheet: as the view lists them (its sort and its
attribute filter), each with its respondent's label and attributes, the codes, exactly the
segment's text and the context around it. An internal working file (labels, not identity)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from ...services.coding.retrieval import RetrievedSegment, SegmentContext
from ...services.corpus.respondents import parse_number
from ...services.corpus.turns import format_time
from .workbook import table_sheet, xlsx_workbook

_FIXED = ["Respondent", "Question", "Codes", "Segment", "Context", "Coder", "Time"]


def export_retrieved_xlsx(
    target: Path,
    rows: Sequence[RetrievedSegment],
    contexts: Mapping[int, SegmentContext],
    attributes: Mapping[int, Mapping[str, str]],
    attribute_names: Sequence[str],
    numeric: Sequence[str] = (),
    times: Mapping[int, int] | None = None,
) -> int:
    """Write one sheet "Coded segments" with an autofilter; `numeric` attributes are
    written as numbers; `times` (segment id -> ms) are where a timed transcript's segments
    are in the recording. Returns the rows written. Atomic."""
    times = times or {}
    columns = _FIXED + list(attribute_names)
    with xlsx_workbook(target) as (wb, cells):
        ws = table_sheet(
            wb,
            cells,
            target,
            "Coded segments",
            columns,
            len(rows),
            widths={"Segment": 50, "Context": 70, "Codes": 24},
            frozen_columns=1,
        )
        for n, row in enumerate(rows, start=1):
            context = contexts.get(row.segment_id)
            text = context.segment if context is not None else None
            around = context.text if context is not None else None
            values: list[object] = [
                row.respondent,
                row.question,
                "; ".join(row.codes),
                text,
                around,
                row.coder,
                format_time(times[row.segment_id]) if row.segment_id in times else None,
            ]
            own = attributes.get(row.respondent_id, {})
            for name in attribute_names:
                value = own.get(name)
                number = parse_number(value) if value and name in numeric else None
                values.append(number if number is not None else value)
            cells.row(ws, n, values)
        ws.autofilter(0, 0, len(rows), len(columns) - 1)
    return len(rows)
