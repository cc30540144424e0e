"""The Coded Segments view's sheet: each row as listed, exactly the segment's text, and the
time in the recording for a segment of a timed transcript."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from dotsdesk.exporters.xlsx.retrieved import export_retrieved_xlsx
from dotsdesk.services.coding.retrieval import RetrievedSegment, SegmentContext

TEXT = "我们每周都部署 👩‍💻, the cafe\u0301 pipeline."


def row(segment_id: int, start: int, end: int) -> RetrievedSegment:
    return RetrievedSegment(segment_id, 1, 1, "Interviewee 1", None, start, end, ("Role",), "ann")


def test_a_timed_segment_has_its_time_and_an_untimed_one_none(tmp_path: Path) -> None:
    rows = [row(7, 0, 7), row(8, 14, 25)]
    contexts = {r.segment_id: SegmentContext(TEXT, r.start, r.end) for r in rows}
    target = tmp_path / "segments.xlsx"
    assert export_retrieved_xlsx(target, rows, contexts, {}, [], times={7: 3_723_000}) == 2
    sheet = list(openpyxl.load_workbook(target)["Coded segments"].iter_rows(values_only=True))
    time = sheet[0].index("Time")
    assert [r[time] for r in sheet[1:]] == ["1:02:03", None]
    assert [r[3] for r in sheet[1:]] == [TEXT[0:7], TEXT[14:25]]  # exactly the source
