"""The coded-segments workbook: Segments, Codebook, Respondents and Memos sheets.

Private identity is never read here; respondents appear by their pseudonymous label.
Written with XlsxWriter in constant-memory mode: each row goes to disk as it is written.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session
from xlsxwriter.workbook import Workbook

from ...errors import DotsError
from ...model import (
    AttributeDef,
    AttributeType,
    AttributeValue,
    Coder,
    Respondent,
    Response,
    Segment,
    segment_code,
)
from ...services.coding.codebook import CodeInfo, list_codes
from ...services.consent.events import current_consents
from ...services.corpus.respondents import attribute_table, list_attributes
from ...services.corpus.translations import SegmentTranslation, segment_translations
from ...services.corpus.turns import Speech, format_time, speech_of_segments, times_of
from .cells import EXCEL_CELL_LIMIT, Cells, CellTooLong, split_for_cells
from .memos import memos_sheet
from .workbook import table_sheet, xlsx_workbook

SEGMENT_COLUMNS = [
    "Respondent",
    "Question",
    "Code",
    "Text",
    "Translation",
    "Start",
    "End",
    "Coder",
    "Memo",
    "Language",
    "Translation is",
    "Segment ID",
    "Said by",
    "Time",  # in the recording, for a segment of a timed transcript
    "Part",
]
CODEBOOK_COLUMNS = ["Code", "Name", "Parent", "Colour", "Description", "Segments", "Respondents"]
_WIDTHS = {
    "Text": 80,
    "Translation": 60,
    "Question": 40,
    "Code": 30,
    "Memo": 30,
    "Description": 50,
}


def export_segments_workbook(
    session: Session, target: Path, progress: Callable[[int, int], None] | None = None
) -> int:
    """Write the workbook; returns the number of segments. Atomic: all or nothing.

    A segment longer than an Excel cell holds goes on over continuation rows ("2 of 3" in
    Part), each row's Start and End the offsets of its own piece, so every row's Text is
    exactly its span of the response and the pieces join back to the whole segment."""
    with xlsx_workbook(target, constant_memory=True) as (wb, cells):
        rows = write_segment_sheets(wb, cells, session, target, progress)
        try:
            memos_sheet(wb, cells, session, target)
        except CellTooLong as exc:
            raise _too_long(target, exc, f"a memo (row {exc.row + 1} of Memos)") from None
    return rows


def write_segment_sheets(
    wb: Workbook,
    cells: Cells,
    session: Session,
    target: Path,
    progress: Callable[[int, int], None] | None = None,
) -> int:
    """The Segments, Codebook and Respondents sheets, into a workbook being written (the
    analysis report has them too); returns the number of segments."""
    codes = list_codes(session)
    rows = _segments_sheet(wb, cells, session, codes, target, progress)
    _codebook_sheet(wb, cells, codes, target)
    _respondents_sheet(wb, cells, session, target)
    return rows


def _too_long(target: Path, exc: CellTooLong, what: str) -> DotsError:
    return DotsError(
        target,
        f"{what} is {exc.length:,} characters long as Excel counts them (an emoji is two), "
        f"more than the {EXCEL_CELL_LIMIT:,} a cell can hold; it is not cut short, so no "
        "workbook was written",
    )


def _segments_sheet(
    wb: Workbook,
    cells: Cells,
    session: Session,
    codes: list[CodeInfo],
    target: Path,
    progress: Callable[[int, int], None] | None,
) -> int:
    paths = {c.id: c.path for c in codes}
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
    speech = speech_of_segments(session)  # whose words, and when in the recording
    said_by = _said_by(speech)
    times = times_of(speech)
    translated = segment_translations(session)
    pieces = [split_for_cells(texts[r.response_id][r.start : r.end]) for r in rows]
    height = sum(len(p) for p in pieces)
    ws = table_sheet(wb, cells, target, "Segments", SEGMENT_COLUMNS, height, widths=_WIDTHS)
    text_cell, number_cell = cells.text, cells.number
    n = 0
    for done, (r, parts) in enumerate(zip(rows, pieces, strict=True), 1):
        start = r.start
        for k, piece in enumerate(parts):
            n += 1
            try:
                text_cell(ws, n, 0, r.label)
                text_cell(ws, n, 1, r.question)
                text_cell(ws, n, 2, paths.get(r.code_id))
                text_cell(ws, n, 3, piece, wrap=True)
                number_cell(ws, n, 5, start)
                number_cell(ws, n, 6, start + len(piece))
                text_cell(ws, n, 7, coders.get(r.coder_id))
                text_cell(ws, n, 9, r.language)
                if k == 0:
                    text_cell(ws, n, 8, r.memo)
                    if (translation := translated.get(r.id)) is not None:
                        text_cell(ws, n, 4, translation.text, wrap=True)
                        text_cell(ws, n, 10, _translation_is(translation))
                number_cell(ws, n, 11, r.id)
                text_cell(ws, n, 12, said_by.get(r.id))
                if (at := times.get(r.id)) is not None:
                    text_cell(ws, n, 13, format_time(at))
                text_cell(ws, n, 14, f"{k + 1} of {len(parts)}" if len(parts) > 1 else None)
            except CellTooLong as exc:
                what = f"the {SEGMENT_COLUMNS[exc.col]} of segment {r.id} (respondent {r.label})"
                raise _too_long(target, exc, what) from None
            start += len(piece)
        if progress is not None and (done % 2000 == 0 or done == total):
            progress(done, total)
    return total


def _translation_is(t: SegmentTranslation) -> str:
    if t.whole_response:
        return f"{t.language}, the whole response"
    if t.text is not None:
        return f"{t.language}, the part chosen for a quote"
    return f"{t.language}, recorded for the whole response only"


def _said_by(speech: dict[int, Speech]) -> dict[int, str]:
    """For segments of interview transcripts that are not all the respondent's own words:
    whose words they are, so that none reads as the respondent's (empty: their own)."""
    out = {}
    for sid, said in speech.items():
        if said.others:
            whose = " and ".join(said.others)
            out[sid] = f"the respondent and {whose}" if said.own else whose
    return out


def _codebook_sheet(wb: Workbook, cells: Cells, codes: list[CodeInfo], target: Path) -> None:
    ws = table_sheet(wb, cells, target, "Codebook", CODEBOOK_COLUMNS, len(codes), widths=_WIDTHS)
    paths = {c.id: c.path for c in codes}
    for n, c in enumerate(codes, 1):
        try:
            cells.row(
                ws,
                n,
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
        except CellTooLong as exc:
            what = f"the {CODEBOOK_COLUMNS[exc.col]} of code {c.path}"
            raise _too_long(target, exc, what) from None


def _respondents_sheet(wb: Workbook, cells: Cells, session: Session, target: Path) -> None:
    attributes = [a.name for a in list_attributes(session)]
    columns = ["Respondent", *attributes, "Responses", "Consent"]
    values: dict[int, dict[str, str | float]] = attribute_table(session)  # type: ignore[assignment]
    # Numeric attributes as numbers, so that Excel sorts, filters and sums them.
    for rid, name, number in session.execute(
        select(AttributeValue.respondent_id, AttributeDef.name, AttributeValue.value_number)
        .join(AttributeDef)
        .where(AttributeDef.type == AttributeType.NUMBER, AttributeValue.value_number.is_not(None))
    ):
        values.setdefault(rid, {})[name] = int(number) if number.is_integer() else number
    consents = current_consents(session)
    counts: dict[int, int] = {}
    for rid in session.scalars(select(Response.respondent_id)):
        counts[rid] = counts.get(rid, 0) + 1
    people = session.execute(
        select(Respondent.id, Respondent.label).order_by(Respondent.label)
    ).all()
    ws = table_sheet(wb, cells, target, "Respondents", columns, len(people), widths=_WIDTHS)
    for n, (rid, label) in enumerate(people, 1):
        own = values.get(rid, {})
        try:
            cells.row(
                ws,
                n,
                [
                    label,
                    *(own.get(a) for a in attributes),
                    counts.get(rid, 0),
                    consents[rid].status.value,
                ],
            )
        except CellTooLong as exc:
            what = f"the {columns[exc.col]!r} of respondent {label}"
            raise _too_long(target, exc, what) from None
