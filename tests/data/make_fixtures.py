"""Regenerate the importer fixtures in this folder (see README.md for what each one is).

Run from the repository root:  .venv/bin/python tests/data/make_fixtures.py
Fixtures marked "LibreOffice" are converted by soffice when it is installed and kept as they
are otherwise, so the tests never need LibreOffice.
"""

from __future__ import annotations

import codecs
import csv
import io
import shutil
import subprocess
import tempfile
import zipfile
from datetime import date, datetime
from pathlib import Path

import docx
import openpyxl
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from openpyxl.styles import Font

HERE = Path(__file__).resolve().parent
FIXED_TIME = datetime(2024, 3, 5, 12, 0, 0)

# Text that must survive byte for byte: Chinese, a ZWJ emoji sequence, a skin-tone modifier,
# a flag, and "e" + COMBINING ACUTE ACCENT (not the precomposed "é").
TRICKY = "小K说：我是👩‍💻工程师 👍🏽 🇨🇳, Cafe\u0301 and cafe\u0301s"


def write_bytes(name: str, data: bytes) -> None:
    (HERE / name).write_bytes(data)


def csv_text(rows: list[list[str]], delimiter: str = ",", newline: str = "\r\n") -> str:
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter, lineterminator=newline).writerows(rows)
    return out.getvalue()


def fixed_props(wb: openpyxl.Workbook) -> None:
    wb.properties.created = FIXED_TIME
    wb.properties.modified = FIXED_TIME
    wb.properties.creator = "dotsdesk fixtures"


# --- text tables ---------------------------------------------------------------------------------


def make_utf8_bom_csv() -> None:
    """Excel's "CSV UTF-8 (Comma delimited)": a BOM and CRLF."""
    rows = [
        ["ID", "Handle", "Answer"],
        ["1", "小K", TRICKY],
        ["2", "Anna", 'She said "fine", then left'],
    ]
    write_bytes("utf8_bom.csv", codecs.BOM_UTF8 + csv_text(rows).encode("utf-8"))


def make_google_forms_csv() -> None:
    rows = [
        [
            "Timestamp",
            "Email Address",
            "What is your current job title?",
            "How many years have you worked in data science?",
            "What does a typical week look like?",
            "May we quote you? ",
        ],
        [
            "2024/03/01 9:15:02 AM GMT+8",
            "kk@example.com",
            "数据科学家",
            "3",
            "Mostly A/B tests.\n\nSome dashboards, some SQL; lots of meetings, sadly.",
            "Yes, with my forum ID",
        ],
        [
            "2024/03/01 11:40:57 PM GMT+8",
            "anna@example.org",
            'Senior "Decision" Scientist',
            "5.5",
            "I write memos\nand review experiments.",
            "Anonymously",
        ],
        ["2024/03/02 8:01:10 AM GMT+8", "", "Research Scientist", "", "", ""],
    ]
    write_bytes("google_forms.csv", csv_text(rows).encode("utf-8"))


def make_qualtrics_csv() -> None:
    """Qualtrics' current CSV layout: short names, question text, ImportId JSON; BOM, CRLF."""
    short = ["StartDate", "EndDate", "Status", "Progress", "Finished", "ResponseId"]
    short += ["Q1", "Q2_1", "Q2_2", "Q3"]
    text = ["Start Date", "End Date", "Response Type", "Progress", "Finished", "Response ID"]
    text += [
        "What is your role?",
        "How much do you agree? - I enjoy coding",
        "How much do you agree? - I enjoy meetings",
        "",
    ]
    ids = [
        '{"ImportId":"startDate","timeZone":"America/Denver"}',
        '{"ImportId":"endDate","timeZone":"America/Denver"}',
        '{"ImportId":"status"}',
        '{"ImportId":"progress"}',
        '{"ImportId":"finished"}',
        '{"ImportId":"_recordId"}',
        '{"ImportId":"QID1_TEXT"}',
        '{"ImportId":"QID2_1"}',
        '{"ImportId":"QID2_2"}',
        '{"ImportId":"QID3_TEXT"}',
    ]
    meta = ["IP Address", "100", "True"]
    data = [
        ["2024-03-01 10:00:01", "2024-03-01 10:12:40", *meta, "R_1abcDEF",
         "Hybrid: half research, half engineering", "Agree", "Disagree", ""],
        ["2024-03-02 08:30:00", "2024-03-02 08:41:13", *meta, "R_2ghiJKL",
         "研究员\n（主要做因果推断）", "Strongly agree", "Neutral", TRICKY],
    ]  # fmt: skip
    body = csv_text([short, text, ids, *data])
    write_bytes("qualtrics.csv", codecs.BOM_UTF8 + body.encode("utf-8"))


def make_title_lines_csv() -> None:
    """Two title lines, a blank header, a repeated header, ragged rows, trailing commas."""
    lines = [
        "Customer Survey 2024 — raw export\n",
        "Generated 2024-03-05 by SurveyTool, do not edit\n",
        "Respondent,Role,,Comment,Comment,Score\n",
        "R1,Research,x,Good,Very good,7\n",
        "R2,Engineering,,Fine,,\n",
        "\n",
        ",,,,,\n",
        "R3,Hybrid\n",
        "R4,Research,,Trailing commas are fine,,9,,,\n",
    ]
    write_bytes("title_lines.csv", "".join(lines).encode("utf-8"))


def make_multiline_csv() -> None:
    long_answer = "\n".join(
        f'Line {i}: when we ship a model, "done" means monitored, not deployed.'
        for i in range(1, 31)
    )
    rows = [
        ["id", "answer", "note"],
        ["1", long_answer, "30 lines"],
        ["2", "First paragraph.\n\n\nAfter two blank lines.", "  spaces kept  "],
        ["3", 'He said "quoted" twice', "tab\there"],
        ["4", "", "empty answer"],
    ]
    body = csv_text(rows, newline="\r\n")
    write_bytes("multiline.csv", body.encode("utf-8"))


def make_european_csv() -> None:
    """European Excel: semicolons, decimal commas, Windows-1252, CRLF."""
    rows = [
        ["Name", "Stadt", "Gehalt (k€)", "Zufriedenheit", "Kommentar"],
        ["Jürgen", "München", "72,5", "4,0", "Größtenteils „zufrieden“ – ok"],
        ["Zoë", "Köln", "58", "3,5", "Très bien; ça va"],
        ["Ana", "São Paulo", "61,25", "", ""],
    ]
    write_bytes("european_semicolon.csv", csv_text(rows, delimiter=";").encode("cp1252"))


def make_windows1252_csv() -> None:
    rows = [
        ["name", "comment"],
        ["Renée", "He said “café” — it’s naïve… right?"],
        ["Bob", "Price: 5 € • ‘single’ quotes"],
    ]
    write_bytes("windows1252.csv", csv_text(rows).encode("cp1252"))


def make_gbk_csv() -> None:
    """A Chinese survey site's export in GBK."""
    rows = [
        ["编号", "昵称", "职位", "回答"],
        ["1", "小K", "数据科学家", "我觉得最重要的是懂业务，然后才是模型。"],
        ["2", "老王", "研究员", "主要做因果推断，“实验”很多。"],
        ["3", "阿明", "工程师", "写数据管道；偶尔调参"],
    ]
    write_bytes("gbk.csv", csv_text(rows).encode("gbk"))


def make_broken_text_tables() -> None:
    write_bytes(
        "unclosed_quote.csv",
        b'id,answer\n1,fine\n2,"this quote never closes\n3,and swallows\n4,the rest\n',
    )
    write_bytes(
        "extra_cells.csv",
        b"id,role,answer\n1,a,b\n2,c,d,,\n3,e,f,surprise,extra\n4,g,h\n",
    )
    mixed = ("name,answer\n" + "Zoë,naïve café 数据\n" * 5).encode("utf-8")
    write_bytes("mixed_encoding.csv", mixed + "Renée,déjà vu\n".encode("cp1252"))
    write_bytes("empty.csv", b"")
    write_bytes("only_numbers.csv", b"1,2,3\n4,5,6\n7,8,9\n")


def make_short_texts() -> None:
    write_bytes("gbk_short.txt", "你好，我是数据科学家".encode("gbk"))  # exactly 20 bytes
    write_bytes(
        "windows1252_smart_quotes.txt",
        "He said “café” — it’s naïve…\r\nZoë’s résumé.\r\n".encode("cp1252"),
    )
    unicode_text = f"第一行：{TRICKY}\n第二行 👩‍👩‍👧‍👦 e\u0301\u0301 (two accents)\n"
    write_bytes("unicode.txt", unicode_text.encode("utf-8"))
    md = (
        "```\n# not a heading (code)\n```\n\n# Interview 3 — 小K\r\n\r\n"
        f"**Q:** Why data science?\r\n**A:** {TRICKY}\r\n"
    )
    write_bytes("transcript.md", md.encode("utf-8"))


# --- xlsx ----------------------------------------------------------------------------------------


def make_title_merged_xlsx() -> None:
    wb = openpyxl.Workbook()
    fixed_props(wb)
    ws = wb.active
    ws.title = "Participants"
    ws["A1"] = "Interview participants — spring 2024"
    ws["A1"].font = Font(bold=True, size=14)
    ws.merge_cells("A1:H1")
    ws.append([])  # row 2 blank
    ws.append(["ID", "Team", "Years", "Share", "Joined", "Interviewed", "Consent", "Quote"])
    ws.append([1, "Research", 3, 0.25, date(2021, 9, 1), datetime(2024, 3, 1, 14, 30), True,
               TRICKY])  # fmt: skip
    ws.append([2, "Engineering", 5.5, 1e-05, date(2019, 1, 15), datetime(2024, 3, 2), False,
               "Line one\nLine two"])  # fmt: skip
    ws.append([3, None, 12345678901234, 0.1, None, None, None, "  keeps spaces  "])
    ws.append([None] * 8)  # an empty row
    ws.append([4, "Hybrid", -2, 2.5, date(2020, 6, 30), None, True, "=not a formula"])
    ws["H8"].data_type = "s"
    ws.merge_cells("B5:B6")  # a team cell merged down over two rows
    ws["I20"].font = Font(italic=True)  # a styled empty cell far away: no data there
    other = wb.create_sheet("Notes")
    other.append(["Note"])
    other.append(["second sheet"])
    hidden = wb.create_sheet("Hidden", 0)
    hidden.sheet_state = "hidden"
    hidden.append(["secret"])
    wb.active = 1
    wb.save(HERE / "title_merged.xlsx")


def make_bad_dimension_xlsx() -> None:
    """A sheet claiming to be A1:A1 (some exporters do this) whose first header has a BOM."""
    wb = openpyxl.Workbook()
    fixed_props(wb)
    ws = wb.active
    ws.title = "Export"
    ws.append(["\ufeffName", " Role ", "Answer"])
    ws.append(["Ann", "Research", "Yes"])
    ws.append(["Bo", "Engineering", "No"])
    buffer = io.BytesIO()
    wb.save(buffer)
    rewrite_zip(
        buffer.getvalue(),
        HERE / "bad_dimension.xlsx",
        {"xl/worksheets/sheet1.xml": lambda x: x.replace(b'<dimension ref="A1:C3"/>',
                                                        b'<dimension ref="A1"/>')},
    )  # fmt: skip


def make_bomb_xlsx() -> None:
    """Entity expansion ("billion laughs") in the shared strings: must be refused, not parsed."""
    wb = openpyxl.Workbook()
    fixed_props(wb)
    wb.active.append(["Name"])
    wb.active.append(["boom"])
    buffer = io.BytesIO()
    wb.save(buffer)
    rewrite_zip(buffer.getvalue(), HERE / "bomb.xlsx", {"xl/worksheets/sheet1.xml": bomb_xml})


def bomb_xml(original: bytes) -> bytes:
    entities = '<!ENTITY lol "lol">' + "".join(
        f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">'
        for i in range(1, 10)
    )
    doctype = f"<!DOCTYPE root [{entities}]>".encode()
    if original.startswith(b"<?xml"):
        end = original.index(b"?>") + 2
        original = original[:end] + doctype + original[end:]
    else:
        original = doctype + original
    return original.replace(b"boom", b"&lol9;")


def rewrite_zip(data: bytes, target: Path, changes: dict) -> None:
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(target, "w") as dst:
        assert set(changes) <= set(src.namelist()), changes
        for item in src.infolist():
            content = src.read(item.filename)
            if item.filename in changes:
                changed = changes[item.filename](content)
                assert changed != content, item.filename
                content = changed
            dst.writestr(item, content, compress_type=zipfile.ZIP_DEFLATED)


# --- docx ----------------------------------------------------------------------------------------


def make_interview_docx() -> None:
    document = docx.Document()
    document.core_properties.title = "Interview with Researcher A"
    document.core_properties.author = "dotsdesk fixtures"
    document.core_properties.created = FIXED_TIME
    document.core_properties.modified = FIXED_TIME
    document.core_properties.last_modified_by = "dotsdesk fixtures"
    document.core_properties.revision = 1
    document.add_heading("Interview 1", level=1)
    document.add_paragraph("Q: What is your role?")
    para = document.add_paragraph("A: ")
    para.add_run(TRICKY)
    para = document.add_paragraph("Line one")
    para.add_run().add_break()
    para.add_run("line two\tafter a tab")
    table = document.add_table(rows=3, cols=3)
    table.rows[0].cells[0].text = "Name"
    table.rows[0].cells[1].text = "Role"
    table.rows[0].cells[2].text = "Years"
    table.rows[1].cells[0].text = "小K"
    table.rows[1].cells[1].text = "Hybrid"
    table.rows[1].cells[2].text = "3"
    merged = table.rows[2].cells[0].merge(table.rows[2].cells[1])
    merged.text = "Merged across two columns"
    table.rows[2].cells[2].add_paragraph("second paragraph in cell")
    document.add_paragraph("After the table.")
    para = document.add_paragraph("Tracked: ")
    para._p.append(
        parse_xml(
            f"<w:ins {nsdecls('w')} w:id='1' w:author='A' w:date='2024-03-05T12:00:00Z'>"
            "<w:r><w:t>inserted</w:t></w:r></w:ins>"
        )
    )
    para._p.append(
        parse_xml(
            f"<w:del {nsdecls('w')} w:id='2' w:author='A' w:date='2024-03-05T12:00:00Z'>"
            "<w:r><w:delText>deleted</w:delText></w:r></w:del>"
        )
    )
    para._p.append(
        parse_xml(
            f"<w:hyperlink {nsdecls('w')}><w:r><w:t xml:space='preserve'> and a link</w:t>"
            "</w:r></w:hyperlink>"
        )
    )
    document.add_paragraph("")
    document.add_paragraph("The end.")
    document.save(HERE / "interview.docx")


def make_bomb_docx() -> None:
    document = docx.Document()
    document.add_paragraph("boom")
    buffer = io.BytesIO()
    document.save(buffer)
    rewrite_zip(
        buffer.getvalue(),
        HERE / "bomb.docx",
        {"word/document.xml": bomb_xml},
    )


# --- broken and disguised files ------------------------------------------------------------------


def make_broken_office_files() -> None:
    xlsx = (HERE / "title_merged.xlsx").read_bytes()
    write_bytes("truncated.xlsx", xlsx[: len(xlsx) // 2])
    document = (HERE / "interview.docx").read_bytes()
    write_bytes("truncated.docx", document[: len(document) // 2])
    write_bytes("csv_renamed.xlsx", (HERE / "google_forms.csv").read_bytes())
    write_bytes("docx_renamed.xlsx", document)
    write_bytes("text_renamed.docx", (HERE / "unicode.txt").read_bytes())
    write_bytes("xlsx_renamed.csv", xlsx)


# --- LibreOffice ---------------------------------------------------------------------------------


def make_libreoffice_fixtures() -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        print("soffice not found: keeping the existing lo_* fixtures")
        return
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        source = work / "lo_source.xlsx"
        wb = openpyxl.Workbook()
        fixed_props(wb)
        ws = wb.active
        ws.title = "Responses"
        ws.append(["ID", "Handle", "Role", "Years", "Started", "Answer"])
        ws.append([1, "小K", "Hybrid", 3, date(2024, 3, 1), "我觉得要懂业务。\nSecond line."])
        ws.append([2, "Anna “AJ” Jones", "Research", 5.5, date(2024, 3, 2),
                   'She said "hello", then left; café'])  # fmt: skip
        ws.append([3, "👩‍💻 dev", "Engineering", 0, date(2024, 3, 3), TRICKY])
        ws.append([4, "Zoë", "Research", 10, date(2024, 3, 4), "=SUM(1,2) is text"])
        ws["F5"].data_type = "s"
        ws["G2"] = "=D2*2"  # a formula LibreOffice will compute and cache
        ws["G1"] = "Double"
        for row in range(2, 6):
            ws.cell(row, 5).number_format = "yyyy-mm-dd"
            if row > 2:
                ws.cell(row, 7).value = f"=D{row}*2"
        wb.save(source)

        def convert(src: Path, target_format: str, out_name: str) -> None:
            outdir = work / out_name.replace(".", "_")
            outdir.mkdir()
            subprocess.run(
                [soffice, "--headless", "--convert-to", target_format, "--outdir", str(outdir),
                 str(src)],
                check=True, capture_output=True, timeout=180,
            )  # fmt: skip
            (produced,) = outdir.iterdir()
            shutil.copyfile(produced, HERE / out_name)

        calc_csv = "csv:Text - txt - csv (StarCalc):"
        # Tokens: separator, quote, character set (76 = UTF-8), first line, cell format,
        # language, quote all text cells (false: only where needed, like Excel), (import only),
        # save cell contents as shown (true: dates as formatted), export formulas (false).
        convert(source, calc_csv + "44,34,76,1,,0,false,true,true,false,false", "lo_utf8.csv")
        convert(source, calc_csv + "59,34,76,1,,0,false,true,true,false,false", "lo_semicolon.csv")
        # Character set 65535 is "Unicode": UTF-16 LE with a BOM, like Excel's "Unicode text".
        convert(source, calc_csv + "9,34,65535,1,,0,false,true,true,false,false", "lo_unicode.txt")
        # A real office program's .xlsx (with cached formula results) and old binary formats.
        convert(source, "xlsx:Calc MS Excel 2007 XML", "lo_resaved.xlsx")
        convert(source, "xls:MS Excel 97", "old_excel.xls")
        shutil.copyfile(HERE / "old_excel.xls", HERE / "old_excel_renamed.xlsx")

        gbk_source = work / "lo_gbk_source.xlsx"
        wb = openpyxl.Workbook()
        fixed_props(wb)
        wb.active.append(["编号", "昵称", "回答"])
        wb.active.append([1, "小K", "懂业务最重要，然后才是模型。"])
        wb.active.append([2, "老王", "主要做因果推断"])
        wb.save(gbk_source)
        # Character set 70 is one of LibreOffice's GBK-compatible Chinese character sets.
        convert(gbk_source, calc_csv + "44,34,70,1,,0,false,true,true,false,false", "lo_gbk.csv")

        html = work / "lo_interview.html"
        html.write_text(
            "<html><head><meta charset='utf-8'></head><body>"
            "<h1>Interview 2 — 老王</h1>"
            "<p>Q: What do you do?</p>"
            f"<p>A: {TRICKY}</p>"
            "<table border='1'><tr><td>Name</td><td>Role</td></tr>"
            "<tr><td>老王</td><td>Researcher</td></tr></table>"
            "<p>After the table.</p></body></html>",
            encoding="utf-8",
        )
        convert(html, "odt:writer8", "lo_interview.odt")
        convert(HERE / "lo_interview.odt", "docx:MS Word 2007 XML", "lo_interview.docx")
        (HERE / "lo_interview.odt").unlink()
        convert(HERE / "lo_interview.docx", "doc:MS Word 97", "old_word.doc")


def main() -> None:
    make_utf8_bom_csv()
    make_google_forms_csv()
    make_qualtrics_csv()
    make_title_lines_csv()
    make_multiline_csv()
    make_european_csv()
    make_windows1252_csv()
    make_gbk_csv()
    make_broken_text_tables()
    make_short_texts()
    make_title_merged_xlsx()
    make_bad_dimension_xlsx()
    make_bomb_xlsx()
    make_interview_docx()
    make_bomb_docx()
    make_broken_office_files()
    make_libreoffice_fixtures()


if __name__ == "__main__":
    main()
