"""The segments workbook never fails on long text: a segment longer than an Excel cell goes on
over continuation rows, each row exactly its own span of the response."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from dotsdesk.exporters.xlsx.cells import EXCEL_CELL_LIMIT, excel_length, split_for_cells
from dotsdesk.exporters.xlsx.segments import export_segments_workbook
from dotsdesk.services.coding import segments as coding
from dotsdesk.services.coding.codebook import ensure_code
from dotsdesk.store import Project
from tests.conftest import CORPUS


def test_pieces_join_back_and_keep_characters_whole() -> None:
    text = "ab👩🏽‍💻cde\u0301f小K"
    for limit in range(8, 14):  # 👩🏽‍💻 is 7 units: it always fits whole
        pieces = split_for_cells(text, limit)
        assert "".join(pieces) == text
        assert all(excel_length(p) <= limit for p in pieces)
        # a skin tone, a joiner or a combining accent never starts a piece
        assert not any(p[0] in "\U0001f3fd\u200d\u0301" for p in pieces), pieces
    assert split_for_cells("short") == ["short"]


def test_a_segment_longer_than_a_cell_goes_on_over_continuation_rows(
    project: Project,
    make_response,
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    unit = " ".join(CORPUS.values()) + "\n"
    text = unit * (2 * EXCEL_CELL_LIMIT // len(unit) + 3)  # over two cells, emoji counted twice
    rid = make_response(text)
    with project.write() as s:
        code = ensure_code(s, "Theme/Long")
        coding.code_span(s, rid, 0, len(text), [code.id], coder="ana", memo="whole")
    target = tmp_path / "long.xlsx"
    with project.read() as s:
        assert export_segments_workbook(s, target) == 1
    rows = list(openpyxl.load_workbook(target)["Segments"].iter_rows(values_only=True))
    header, body = rows[0], rows[1:]
    assert header[-1] == "Part"
    n = len(body)
    assert n == len(split_for_cells(text)) >= 3
    assert [r[-1] for r in body] == [f"{k} of {n}" for k in range(1, n + 1)]
    assert "".join(r[3] for r in body) == text
    start, end, sid, memo = (header.index(h) for h in ("Start", "End", "Segment ID", "Memo"))
    for r in body:
        assert r[3] == text[r[start] : r[end]]  # each piece is exactly its own span
        assert excel_length(r[3]) <= EXCEL_CELL_LIMIT
        assert r[sid] == body[0][sid] and r[2] == "Theme/Long"
    assert [r[memo] for r in body] == ["whole"] + [None] * (n - 1)
