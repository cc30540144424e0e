"""Import, autocode and export as a user runs them, on messy inputs, read back for real."""

from __future__ import annotations

import csv
import io
import shutil
import zipfile
from pathlib import Path

import openpyxl
from docx import Document

from dotsdesk.services.coding.segments import segments_of
from dotsdesk.store import Project

LONG_EN = (
    "I write production code every week: pipelines, model serving, and the odd dashboard. "
    "Code review from engineers taught me more than any course 👩‍💻."
)
LONG_ZH = "我们团队的数据科学家需要自己把模型部署到生产环境，面试的时候也考系统设计和代码能力。"
LONG_MIX = (
    "Pair coding with a senior engineer at the café (cafe\u0301) changed how I name variables 🇨🇳."
)
HEADERS = [
    "Respondent",
    "Name",
    "E-mail",
    "Forum handle",
    "Job title",
    "Years",
    "Language",
    "Do you write production code?",
]
ROWS = [
    ["S1", "Alice Zhang", "alice@example.com", "", "data scientist", "4", "en", LONG_EN],
    ["S2", "王小明", "xm@example.cn", "小明爱数据", "研究科学家", "7", "zh", LONG_ZH],
    ["S3", "Bob Smith", "bob@example.org", "bobs", "ML engineer", "2", "", LONG_MIX],
    [
        "S4",
        "Carol Diaz",
        "carol@example.net",
        "",
        "data scientist",
        "11",
        "en",
        '=HYPERLINK("http://evil.example") is how some answers start, and we keep them as text.',
    ],
]
PRIVATE = [
    "Alice Zhang",
    "王小明",
    "xm@example.cn",
    "小明爱数据",
    "bob@example.org",
    "bobs",
    "Carol Diaz",
    "alice@example.com",
    "carol@example.net",
    "Bob Smith",
]


def write_csv(path: Path, rows: list[list[str]], encoding: str, title_lines: int = 0) -> None:
    buf = io.StringIO()
    for i in range(title_lines):
        buf.write(f"Survey export {i + 1}\r\n")
    w = csv.writer(buf)
    w.writerow(HEADERS)
    w.writerows(rows)
    path.write_bytes(buf.getvalue().encode(encoding))


def xlsx_text(path: Path) -> str:
    """Every string in the workbook's XML, to search for leaks."""
    with zipfile.ZipFile(path) as z:
        return "".join(z.read(n).decode("utf-8") for n in z.namelist() if n.endswith(".xml"))


def test_import_survey_in_gbk_then_reimport(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    cli("new", "s.dots")
    write_csv(tmp_path / "survey.csv", ROWS, "gb18030", title_lines=1)
    first = cli("import", "s.dots", "survey.csv")
    assert first.code == 0, first.err
    out = first.out
    assert "GB18030" in out
    assert (
        "'Name': identity" in out
        and "'E-mail': identity" in out
        and "'Forum handle': identity" in out
    )
    assert "'Job title': attribute" in out and "'Years': attribute (number)" in out
    assert "'Do you write production code?': response" in out
    assert "'Language': language" in out and "'Respondent': respondent id" in out
    info = cli("info", "s.dots", "--json").json()
    assert (info["respondents"], info["responses"]) == (4, 4)
    assert info["languages"] == {"en": 3, "zh": 1} or info["languages"].get("zh") == 1

    again = cli("import", "s.dots", "survey.csv")
    assert again.code == 0 and "nothing changed" in again.out
    assert cli("info", "s.dots", "--json").json()["responses"] == 4

    # The same people, one answer edited, saved as UTF-8 with a BOM by another program.
    edited = [r[:] for r in ROWS]
    edited[0][7] = LONG_EN + " Also on-call."
    write_csv(tmp_path / "survey-v2.csv", edited, "utf-8-sig")
    changed = cli("import", "s.dots", "survey-v2.csv")
    assert changed.code == 0, changed.err
    assert "UTF-8 with BOM" in changed.out
    assert "1 updated, 3 unchanged" in changed.out
    with Project.open(tmp_path / "s.dots", readonly=True) as p, p.read() as s:
        from dotsdesk.model import Response

        texts = sorted(r.text for r in s.query(Response))
    assert LONG_EN + " Also on-call." in texts and LONG_ZH in texts and LONG_MIX in texts


def test_overrides_and_dry_run(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    cli("new", "s.dots")
    write_csv(tmp_path / "survey.csv", ROWS, "utf-16")
    dry = cli("import", "s.dots", "survey.csv", "--attributes", "Forum handle", "--dry-run")
    assert dry.code == 0, dry.err
    assert (
        "UTF-16" in dry.out
        and "'Forum handle': attribute" in dry.out
        and "nothing was changed" in dry.out
    )
    assert cli("info", "s.dots", "--json").json()["respondents"] == 0
    bad = cli("import", "s.dots", "survey.csv", "--responses", "No such column")
    assert bad.code == 1 and "No such column" in bad.err and "survey.csv" in bad.err


def test_transcripts_docx_txt_md(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    cli("new", "t.dots")
    doc = Document()
    doc.add_paragraph("Interviewer: 你平时写生产代码吗？")
    doc.add_paragraph("Li: 写的，每天都写 😀。Code review matters.")
    doc.save(tmp_path / "interview-li.docx")
    (tmp_path / "notes.md").write_text(
        "# Notes\n\nShe said café with e\u0301.\r\nNew line.", encoding="utf-8"
    )
    (tmp_path / "dm.txt").write_bytes("论坛私信：我们用结对编程。".encode("gb18030"))
    result = cli("import", "t.dots", "interview-li.docx", "notes.md")
    assert result.code == 0, result.err
    result = cli("import", "t.dots", "dm.txt", "--respondent", "Li")
    assert result.code == 0, result.err
    assert "GB18030" in result.out
    info = cli("info", "t.dots", "--json").json()
    # Li (the interview's speaker, whose name is kept private) also wrote dm.txt; notes.md is
    # someone else's.
    assert info["respondents"] == 2 and info["responses"] == 3
    with Project.open(tmp_path / "t.dots", readonly=True) as p, p.read() as s:
        from dotsdesk.model import Response

        texts = {r.source: r.text for r in s.query(Response)}
        owners = {r.source: r.respondent.label for r in s.query(Response)}
    assert texts["notes.md"] == "# Notes\n\nShe said café with e\u0301.\nNew line."
    # The turns' speakers are kept beside the text, not in it.
    assert (
        texts["interview-li.docx"]
        == "你平时写生产代码吗？\n\n写的，每天都写 😀。Code review matters."
    )
    assert texts["dm.txt"] == "论坛私信：我们用结对编程。"
    assert owners["dm.txt"] == owners["interview-li.docx"] != owners["notes.md"]
    assert set(owners.values()) == {"Interviewee 1", "Interviewee 2"}


def test_broken_inputs_change_nothing(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    cli("new", "b.dots")
    write_csv(tmp_path / "good.csv", ROWS, "utf-8")
    wb = openpyxl.Workbook()
    wb.active.append(HEADERS)
    for row in ROWS:
        wb.active.append(row)
    wb.save(tmp_path / "whole.xlsx")
    data = (tmp_path / "whole.xlsx").read_bytes()
    (tmp_path / "cut.xlsx").write_bytes(data[: len(data) // 2])
    doc = Document()
    doc.add_paragraph("words " * 200)
    doc.save(tmp_path / "whole.docx")
    data = (tmp_path / "whole.docx").read_bytes()
    (tmp_path / "cut.docx").write_bytes(data[: len(data) // 2])
    before = (tmp_path / "b.dots").read_bytes()
    for name in ("cut.xlsx", "cut.docx"):
        # The good file goes first: all inputs land together or not at all.
        result = cli("import", "b.dots", "good.csv", name)
        assert result.code == 1, result
        assert name in result.err and result.err.count("\n") == 1
        assert cli("info", "b.dots", "--json").json()["respondents"] == 0
    assert (tmp_path / "b.dots").read_bytes() == before or cli("info", "b.dots", "--json").json()[
        "responses"
    ] == 0
    whole = cli("import", "b.dots", "whole.xlsx")
    assert whole.code == 0, whole.err
    assert cli("info", "b.dots", "--json").json()["respondents"] == 4


def test_autocode_then_export_reads_back_exactly(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    cli("new", "e.dots")
    write_csv(tmp_path / "survey.csv", ROWS, "utf-8")
    assert cli("import", "e.dots", "survey.csv").code == 0
    made = cli(
        "autocode", "e.dots", "--code", "Theme/Production", "--pattern", "production|生产|😀|👩‍💻"
    )
    assert made.code == 0, made.err
    assert made.out.startswith("3 segment(s) made with Theme/Production")
    assert cli(
        "autocode", "e.dots", "--code", "Theme/Production", "--pattern", "production|生产|😀|👩‍💻"
    ).out.startswith("0 segment(s)")
    whole = cli(
        "autocode",
        "e.dots",
        "--code",
        "Role/Engineer",
        "--pattern",
        "cafe\u0301|面试",
        "--whole-response",
    )
    assert whole.out.startswith("2 segment(s)"), whole.out
    result = cli("export", "e.dots", "out.xlsx")
    assert result.code == 0, result.err
    wb = openpyxl.load_workbook(tmp_path / "out.xlsx")
    assert wb.sheetnames[:3] == ["Segments", "Codebook", "Respondents"]
    rows = list(wb["Segments"].iter_rows(values_only=True))
    header = rows[0]
    assert list(header[:8]) == [
        "Respondent",
        "Question",
        "Code",
        "Text",
        "Translation",
        "Start",
        "End",
        "Coder",
    ]
    with Project.open(tmp_path / "e.dots", readonly=True) as p, p.read() as s:
        from dotsdesk.model import Respondent, Response

        sources = {(r.respondent.label, r.question): r for r in s.query(Response).join(Respondent)}
        assert len(rows) - 1 == 5
        for row in rows[1:]:
            response = sources[(row[0], row[1])]
            assert row[3] == response.text[row[5] : row[6]]  # code points, exactly
            segs = {(v.start, v.end) for v in segments_of(s, response.id)}
            assert (row[5], row[6]) in segs
    respondents = list(wb["Respondents"].iter_rows(values_only=True))
    assert respondents[0][:3] == ("Respondent", "Job title", "Years")
    leak = xlsx_text(tmp_path / "out.xlsx")
    for private in PRIVATE:
        assert private not in leak
    # A formula-looking answer stays text.
    texts = [r[3] for r in rows[1:]]
    cells = [
        c for row in wb["Segments"].iter_rows(min_row=2) for c in row if isinstance(c.value, str)
    ]
    assert all(c.data_type == "s" for c in cells)
    assert texts  # and nothing was lost


def test_export_failure_leaves_no_file(cli, tmp_path: Path, demo_project: Path) -> None:  # type: ignore[no-untyped-def]
    project = tmp_path / "d.dots"
    shutil.copy(demo_project, project)
    (tmp_path / "out.xlsx").mkdir()  # the target is a folder: replacing it must fail cleanly
    result = cli("export", project, "out.xlsx")
    assert result.code == 1 and "out.xlsx" in result.err
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".out")] == []


def test_locked_project_is_refused(cli, tmp_path: Path, demo_project: Path) -> None:  # type: ignore[no-untyped-def]
    project = tmp_path / "d.dots"
    shutil.copy(demo_project, project)
    write_csv(tmp_path / "survey.csv", ROWS, "utf-8")
    holder = Project.open(project)
    try:
        result = cli("import", project, "survey.csv")
        assert result.code == 1 and "already open" in result.err
        assert cli("info", project, "--json").code == 0  # reading is fine meanwhile
    finally:
        holder.close()
    assert cli("import", project, "survey.csv").code == 0
