"""The Memos sheet: every memo of the project with what it is on (a code by its path, a
response or segment by its respondent's label), from the memo list's service."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.orm import Session
from xlsxwriter.workbook import Workbook

from ...services.coding.memos import list_memos
from .cells import Cells
from .workbook import table_sheet

MEMO_COLUMNS = [
    "Memo on",
    "Code",
    "Respondent",
    "Question",
    "Coded words",
    "Memo",
    "Coder",
    "Updated",
    "Segment ID",
]
_WIDTHS = {"Memo": 70, "Coded words": 40, "Question": 30, "Code": 24}


def memos_sheet(wb: Workbook, cells: Cells, session: Session, target: Path) -> int:
    """Write the sheet; returns the number of memos (a header alone when there are none)."""
    memos = list_memos(session)
    ws = table_sheet(wb, cells, target, "Memos", MEMO_COLUMNS, len(memos), widths=_WIDTHS)
    for n, m in enumerate(memos, 1):
        cells.text(ws, n, 0, m.kind.value)
        cells.text(ws, n, 1, m.code)
        cells.text(ws, n, 2, m.respondent)
        cells.text(ws, n, 3, m.question)
        cells.text(ws, n, 4, m.excerpt, wrap=True)
        cells.text(ws, n, 5, m.text, wrap=True)
        cells.text(ws, n, 6, m.coder)
        cells.text(ws, n, 7, m.updated.strftime("%Y-%m-%d %H:%M") if m.updated else None)
        if m.segment_id is not None:
            cells.number(ws, n, 8, m.segment_id)
    return len(memos)
