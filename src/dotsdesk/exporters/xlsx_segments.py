"""The coded-segments workbook: Segments, Codebook and Respondents sheets.

Private identity is never read here; respondents appear by their pseudonymous label.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from pathlib import Path

from openpyxl import Workbook
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from sqlalchemy import select
from sqlalchemy.orm import Session

from ..model import Coder, Respondent, Response, Segment, segment_code
from ..services.codebook import list_codes
from ..services.consent import current_consents
from ..services.respondents import attribute_table, list_attributes
from .atomic import atomic_output
from .cells import row_of, text_cell

SEGMENT_COLUMNS = [
    "Respondent",
    "Question",
    "Code",
    "Text",
    "Start",
    "End",
    "Coder",
    "Memo",
    "Language",
    "Segment ID",
]
CODEBOOK_COLUMNS = ["Code", "Name", "Parent", "Colour", "Description", "Segments", "Respondents"]
_WIDTHS = {"Text": 80, "Question": 40, "Code": 30, "Memo": 30, "Description": 50}


def export_segments_workbook(
    session: Session, target: Path, progress: Callable[[int, int], None] | None = None
) -> int:
    """Write the workbook; returns the number of segment rows. Atomic: all or nothing."""
    with atomic_output(target) as temp:
        wb = Workbook(write_only=True)
        try:
            rows = _segments_sheet(wb, session, progress)
            _codebook_sheet(wb, session)
            _respondents_sheet(wb, session)
            wb.save(temp)
        except BaseException:
            discard(wb)
            raise
    return rows


def discard(wb: Workbook) -> None:
    """Close an abandoned write-only workbook's streams now, not noisily at exit."""
    for ws in wb.worksheets:
        with contextlib.suppress(Exception):
            ws.close()


def _sheet(wb: Workbook, title: str, columns: list[str]) -> WriteOnlyWorksheet:
    ws = wb.create_sheet(title)
    for i, name in enumerate(columns):
        ws.column_dimensions[get_column_letter(i + 1)].width = _WIDTHS.get(name, 14)
    ws.freeze_panes = "A2"
    ws.append(row_of(ws, list(columns), bold=True))
    return ws


def _segments_sheet(
    wb: Workbook, session: Session, progress: Callable[[int, int], None] | None
) -> int:
    ws = _sheet(wb, "Segments", SEGMENT_COLUMNS)
    paths = {c.id: c.path for c in list_codes(session)}
    coders = dict(session.execute(select(Coder.id, Coder.name)).all())
    query = (
        select(
            Segment.id,
            Segment.response_id,
            Segment.start,
            Segment.end,
            Segment.coder_id,
            Segment.memo,
            segment_code.c.code_id,
            Respondent.label,
            Response.question,
            Response.language,
        )
        .join(segment_code, segment_code.c.segment_id == Segment.id)
        .join(Response, Response.id == Segment.response_id)
        .join(Respondent, Respondent.id == Response.respondent_id)
        .order_by(Respondent.label, Response.id, Segment.start, Segment.end, Segment.id)
    )
    rows = session.execute(query).all()
    texts = dict(
        session.execute(
            select(Response.id, Response.text).where(Response.id.in_(select(Segment.response_id)))
        ).all()
    )
    total = len(rows)
    for n, r in enumerate(rows, 1):
        text = texts[r.response_id][r.start : r.end]
        ws.append(
            [
                text_cell(ws, r.label),
                text_cell(ws, r.question),
                text_cell(ws, paths.get(r.code_id)),
                text_cell(ws, text, wrap=True),
                r.start,
                r.end,
                text_cell(ws, coders.get(r.coder_id)),
                text_cell(ws, r.memo),
                text_cell(ws, r.language),
                r.id,
            ]
        )
        if progress is not None and (n % 2000 == 0 or n == total):
            progress(n, total)
    return total


def _codebook_sheet(wb: Workbook, session: Session) -> None:
    ws = _sheet(wb, "Codebook", CODEBOOK_COLUMNS)
    codes = list_codes(session)
    paths = {c.id: c.path for c in codes}
    for c in codes:
        ws.append(
            row_of(
                ws,
                [
                    c.path,
                    c.name,
                    paths.get(c.parent_id) if c.parent_id else None,
                    c.colour,
                    c.description,
                    c.segments,
                    c.respondents,
                ],
            )
        )


def _respondents_sheet(wb: Workbook, session: Session) -> None:
    attributes = [a.name for a in list_attributes(session)]
    ws = _sheet(wb, "Respondents", ["Respondent", *attributes, "Responses", "Consent"])
    values = attribute_table(session)
    consents = current_consents(session)
    counts: dict[int, int] = {}
    for rid in session.scalars(select(Response.respondent_id)):
        counts[rid] = counts.get(rid, 0) + 1
    for rid, label in session.execute(
        select(Respondent.id, Respondent.label).order_by(Respondent.label)
    ):
        own = values.get(rid, {})
        ws.append(
            row_of(
                ws,
                [
                    label,
                    *(own.get(a) for a in attributes),
                    counts.get(rid, 0),
                    consents[rid].status.value,
                ],
            )
        )
