"""The segments workbook as a collaborator opens it in Excel: every sheet a filtered table
under a frozen header, numeric attributes as numbers, each segment's translation beside its
text, every memo on a Memos sheet, and nothing from the data ever a formula. Read back with
openpyxl, as Excel would read the file."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from openpyxl.utils import get_column_letter

from dotsdesk.exporters.xlsx.segments import export_segments_workbook
from dotsdesk.services.coding import segments as coding
from dotsdesk.services.coding.codebook import ensure_code
from dotsdesk.services.coding.memos import MemoOn, add_project_memo, set_memo
from dotsdesk.services.composer import posts
from dotsdesk.services.corpus.respondents import add_respondent
from dotsdesk.services.corpus.responses import add_response, set_translation
from dotsdesk.store import Project

ZH = "我从研究转到工程 👩‍💻，因为平台团队需要人。"
EN = "I moved from research to engineering 👩‍💻 because the platform team needed people."
SHEETS = ["Segments", "Codebook", "Respondents", "Memos"]


@pytest.fixture
def book(project: Project, tmp_path: Path) -> openpyxl.Workbook:
    with project.write() as s:
        code = ensure_code(s, "Role/工程")
        a = add_respondent(s, "A", attributes={"Years": 3, "Salary": 4.5, "Job title": "=SUM(1)"})
        b = add_respondent(s, "B", attributes={"Years": 12, "Job title": "工程师 cafe\u0301"})
        whole = add_response(s, a.id, ZH, question="为什么?", language="zh")
        set_translation(s, whole.id, "en", EN)
        set_translation(s, whole.id, "de", "Ich bin gewechselt.")
        part = add_response(s, b.id, ZH, question="为什么?", language="zh")
        set_translation(s, part.id, "en", EN)
        plain = add_response(s, b.id, "+1 to that, @team -- it works", question="Other")
        s1 = coding.code_span(s, whole.id, 0, len(ZH), [code.id], coder="ana").id
        s2 = coding.code_span(s, part.id, 0, 8, [code.id], coder="ana", memo="-3 dB 面试").id
        coding.code_span(s, part.id, 9, 15, [code.id], coder="ana")
        coding.code_span(s, plain.id, 0, 9, [code.id], coder="bo")
        post = posts.create_post(s, "Post")
        section = posts.add_section(s, post.id, "Research").id
        posts.add_quote(s, section, s2, translation="en", translation_span=[0, 36])
        set_memo(s, MemoOn.CODE, code.id, "Engineers by title, 工程师", coder="ana")
        set_memo(s, MemoOn.RESPONSE, part.id, "@ask again in May", coder="bo")
        add_project_memo(s, "=1+1 is not a formula; 项目备忘", coder="ana")
        assert s1
    target = tmp_path / "out.xlsx"
    with project.read() as s:
        assert export_segments_workbook(s, target) == 4
    return openpyxl.load_workbook(target)


def _table(ws: openpyxl.worksheet.worksheet.Worksheet) -> list[dict[str, object]]:
    rows = list(ws.iter_rows(values_only=True))
    return [dict(zip(rows[0], r, strict=True)) for r in rows[1:]]


def test_every_sheet_is_a_filtered_table_under_a_frozen_header(book: openpyxl.Workbook) -> None:
    assert book.sheetnames == SHEETS
    for ws in book.worksheets:
        last = get_column_letter(ws.max_column)
        assert ws.freeze_panes == "A2", ws.title
        assert ws.auto_filter.ref == f"A1:{last}{max(ws.max_row, 2)}", ws.title


def test_numeric_attributes_are_numbers_and_text_stays_text(book: openpyxl.Workbook) -> None:
    people = {r["Respondent"]: r for r in _table(book["Respondents"])}
    assert len(people) == 2
    a, b = people.values()
    assert (a["Years"], a["Salary"], b["Years"], b["Salary"]) == (3, 4.5, 12, None)
    assert isinstance(a["Years"], int) and isinstance(a["Salary"], float)
    assert (a["Job title"], b["Job title"]) == ("=SUM(1)", "工程师 cafe\u0301")
    cell = next(c for row in book["Respondents"].iter_rows() for c in row if c.value == "=SUM(1)")
    assert cell.data_type == "s" and cell.quotePrefix


def test_each_segment_has_its_translation_beside_its_text(book: openpyxl.Workbook) -> None:
    header = next(book["Segments"].iter_rows(max_row=1, values_only=True))
    assert header[3:5] == ("Text", "Translation")
    rows = _table(book["Segments"])
    by_text = {r["Text"]: r for r in rows}
    assert len(by_text) == 4
    whole, quoted, bare = by_text[ZH], by_text[ZH[:8]], by_text[ZH[9:15]]
    plain = by_text["+1 to tha"]
    assert whole["Text"] == ZH and whole["Translation"] == EN  # English preferred to German
    assert whole["Translation is"] == "en, the whole response"
    assert (quoted["Text"], quoted["Translation"]) == (ZH[:8], EN[:36])
    assert quoted["Translation is"] == "en, the part chosen for a quote"
    assert bare["Translation"] is None  # a part without a chosen span: nothing guessed
    assert bare["Translation is"] == "en, recorded for the whole response only"
    assert plain["Translation"] is None and plain["Translation is"] is None
    assert quoted["Memo"] == "-3 dB 面试"
    assert all(isinstance(r["Start"], int) and isinstance(r["Segment ID"], int) for r in rows)


def test_every_memo_is_on_the_memos_sheet(book: openpyxl.Workbook) -> None:
    memos = _table(book["Memos"])
    assert [(m["Memo on"], m["Memo"]) for m in memos] == [
        ("project", "=1+1 is not a formula; 项目备忘"),
        ("code", "Engineers by title, 工程师"),
        ("response", "@ask again in May"),
        ("segment", "-3 dB 面试"),
    ]
    assert memos[1]["Code"] == "Role/工程" and memos[3]["Coded words"] == ZH[:8]
    assert memos[2]["Respondent"] == memos[3]["Respondent"] is not None
    assert isinstance(memos[3]["Segment ID"], int) and memos[0]["Coder"] == "ana"


def test_nothing_from_the_data_is_a_formula(book: openpyxl.Workbook) -> None:
    risky = 0
    for ws in book.worksheets:
        for row in ws.iter_rows():
            for c in row:
                if isinstance(c.value, str):
                    assert c.data_type == "s", (ws.title, c.coordinate)
                    if c.value[:1] in "=+-@":
                        assert c.quotePrefix, (ws.title, c.coordinate, c.value)
                        risky += 1
    assert risky >= 5
