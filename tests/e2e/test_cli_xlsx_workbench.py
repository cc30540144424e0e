"""`dotsdesk export study.dots out.xlsx` as a collaborator opens the file: a survey imported
and autocoded by the real command; every sheet filtered under a frozen header, years as
numbers, the Memos sheet there, no identity, and a formula-looking answer kept as text."""

from __future__ import annotations

from pathlib import Path

import openpyxl
from openpyxl.utils import get_column_letter

from tests.e2e.test_cli_import_export import PRIVATE, ROWS, write_csv, xlsx_text


def test_the_exported_workbook_reads_as_tables(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert cli("new", "e.dots").code == 0
    write_csv(tmp_path / "survey.csv", ROWS, "utf-8")
    assert cli("import", "e.dots", "survey.csv").code == 0
    made = cli("autocode", "e.dots", "--code", "Theme/Code", "--pattern", "code|代码|HYPERLINK")
    assert made.code == 0, made.err
    result = cli("export", "e.dots", "out.xlsx")
    assert result.code == 0, result.err
    book = openpyxl.load_workbook(tmp_path / "out.xlsx")
    assert book.sheetnames == ["Segments", "Codebook", "Respondents", "Memos"]
    for ws in book.worksheets:
        last = get_column_letter(ws.max_column)
        assert ws.freeze_panes == "A2", ws.title
        assert ws.auto_filter.ref == f"A1:{last}{max(ws.max_row, 2)}", ws.title
    rows = list(book["Respondents"].iter_rows(values_only=True))
    years = rows[0].index("Years")
    assert [r[years] for r in rows[1:]] == [4, 7, 2, 11]
    assert all(type(r[years]) is int for r in rows[1:])
    segments = list(book["Segments"].iter_rows(values_only=True))
    assert segments[0][3:5] == ("Text", "Translation") and len(segments) > 3
    assert any(str(r[3]).startswith("HYPERLINK") for r in segments[1:])
    leak = xlsx_text(tmp_path / "out.xlsx")
    assert not [p for p in PRIVATE if p in leak]
    answers = [c for row in book["Segments"].iter_rows(min_row=2) for c in row]
    assert all(c.data_type in "sn" for c in answers if c.value is not None)
