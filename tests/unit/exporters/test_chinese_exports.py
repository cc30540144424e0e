"""Chinese set right in what collaborators receive: Word styles name an East Asian font (no
theme font left to fall back to nothing), HTML quotes say their language, Excel columns are
wide enough for Chinese (a character counts twice)."""

from __future__ import annotations

import zipfile
from datetime import date
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn
from lxml import etree
from openpyxl import load_workbook

from dotsdesk.exporters.docx.codebook import export_codebook_docx
from dotsdesk.exporters.docx.fonts import BODY_FONT, HEADING_FONT
from dotsdesk.exporters.docx.post import export_post_docx
from dotsdesk.exporters.html import export_post_html
from dotsdesk.exporters.xlsx.cells import display_width
from dotsdesk.exporters.xlsx.segments import export_segments_workbook
from dotsdesk.services.coding import segments as coding
from dotsdesk.services.coding.codebook import ensure_code
from dotsdesk.services.composer import posts
from dotsdesk.services.consent.events import record_event
from dotsdesk.services.corpus.respondents import add_respondent, set_attribute
from dotsdesk.services.corpus.responses import add_response
from dotsdesk.store import Project

TODAY = date(2025, 6, 1)
CHINESE = "我在面试的时候被问到很多机器学习的问题，数据科学家的工作其实很杂。"
ENGLISH = "Machine learning in production is mostly plumbing."
CODE = "角色/研究与工程之间的混合型数据科学家"


@pytest.fixture
def post_id(project: Project) -> int:
    """A post quoting a Chinese answer and an English one, both with consent."""
    with project.write() as s:
        code = ensure_code(s, CODE).id
        post = posts.create_post(s, "数据科学家写生产代码吗？")
        section_id = posts.add_section(s, post.id, "混合型").id
        for key, text, language in (("小K", CHINESE, "zh"), ("R2", ENGLISH, "en")):
            respondent = add_respondent(s, key)
            rid = respondent.id
            set_attribute(s, respondent, "公司", "一家位于上海的大型互联网科技公司数据平台部")
            response = add_response(s, rid, text, language=language).id
            segment = coding.code_span(s, response, 0, len(text), [code]).id
            record_event(s, rid, "granted", date(2025, 1, 1), level="anonymous")
            posts.add_quote(s, section_id, segment)
        return post.id


def styles_root(path: Path) -> etree._Element:
    with zipfile.ZipFile(path) as z:
        return etree.fromstring(z.read("word/styles.xml"))


def assert_east_asian_fonts(path: Path) -> None:
    """Every style and the document defaults name the East Asian font, none by theme."""
    root = styles_root(path)
    defaults = root.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}")
    assert defaults is not None
    assert defaults.find(qn("w:rFonts")).get(qn("w:eastAsia")) == BODY_FONT
    assert defaults.find(qn("w:lang")).get(qn("w:eastAsia")) == "zh-CN"
    styles = [s for s in root.iter(qn("w:style")) if s.get(qn("w:type")) != "numbering"]
    assert len(styles) > 20
    for style in styles:
        name = style.find(qn("w:name")).get(qn("w:val"))
        fonts = style.find(f"{qn('w:rPr')}/{qn('w:rFonts')}")
        assert fonts is not None, name
        assert fonts.get(qn("w:eastAsia")) in (BODY_FONT, HEADING_FONT), name
    assert not [f for f in root.iter(qn("w:rFonts")) if f.get(qn("w:eastAsiaTheme"))]
    with zipfile.ZipFile(path) as z:
        table = etree.fromstring(z.read("word/fontTable.xml"))
    alt = {
        f.get(qn("w:name")): f.find(qn("w:altName")).get(qn("w:val"))
        for f in table.iter(qn("w:font"))
        if f.find(qn("w:altName")) is not None
    }
    assert alt[BODY_FONT] == "宋体" and alt[HEADING_FONT] == "微软雅黑"


def test_a_post_with_chinese_quotes_names_the_east_asian_font_of_its_styles(
    project: Project, post_id: int, tmp_path: Path
) -> None:
    path = tmp_path / "post.docx"
    with project.read() as s:
        export_post_docx(s, post_id, path, today=TODAY)
    assert_east_asian_fonts(path)
    doc = Document(str(path))
    quote = next(p for p in doc.paragraphs if p.text == CHINESE)
    assert quote.style.name == "Quote"
    # What Word resolves for the quote's runs: the Quote style's own East Asian font.
    fonts = quote.style.element.find(f"{qn('w:rPr')}/{qn('w:rFonts')}")
    assert fonts.get(qn("w:eastAsia")) == BODY_FONT
    assert quote.runs[0].italic is False  # Chinese is not slanted, whatever the style says
    english = next(p for p in doc.paragraphs if p.text == ENGLISH)
    assert english.runs[0].italic is None  # the Quote style's italic
    assert doc.styles["Heading 1"].element.rPr.rFonts.get(qn("w:eastAsia")) == HEADING_FONT
    assert doc.styles["Title"].element.rPr.rFonts.get(qn("w:eastAsia")) == HEADING_FONT


def test_the_word_reports_name_it_too(project: Project, post_id: int, tmp_path: Path) -> None:
    path = tmp_path / "codebook.docx"
    with project.read() as s:
        export_codebook_docx(s, path)
    assert_east_asian_fonts(path)


def test_html_quotes_say_their_language(project: Project, post_id: int, tmp_path: Path) -> None:
    path = tmp_path / "post.html"
    with project.read() as s:
        export_post_html(s, post_id, path, today=TODAY)
    html = path.read_text(encoding="utf-8")
    assert f'<blockquote lang="zh"><p>{CHINESE}</p></blockquote>' in html
    assert f'<blockquote lang="en"><p>{ENGLISH}</p></blockquote>' in html


def test_display_width_counts_wide_characters_twice() -> None:
    assert display_width("abc") == 3
    assert display_width("数据科学家") == 10
    assert display_width("作为 data scientist") == 19
    assert display_width("cafe\u0301") == 4  # a combining mark takes no room
    assert display_width("ＡＢ") == 4  # fullwidth forms


def test_excel_columns_are_wide_enough_for_chinese(
    project: Project, post_id: int, tmp_path: Path
) -> None:
    path = tmp_path / "segments.xlsx"
    with project.read() as s:
        export_segments_workbook(s, path)
    wb = load_workbook(path)
    segments = wb["Segments"]
    header = [c.value for c in segments[1]]
    code = segments.column_dimensions[chr(ord("A") + header.index("Code"))].width
    # 7 pixels a unit: the code path (38 units) fits; openpyxl reads widths in characters.
    assert code * 7 >= 7 * display_width(CODE) - 7
    text = segments.column_dimensions[chr(ord("A") + header.index("Text"))].width
    assert 75 <= text <= 85  # a wrapped text column keeps the width it was given
    people = wb["Respondents"]
    header = [c.value for c in people[1]]
    company = people.column_dimensions[chr(ord("A") + header.index("公司"))].width
    assert company * 7 >= 7 * display_width("一家位于上海的大型互联网科技公司数据平台部") - 7
    responses = people.column_dimensions[chr(ord("A") + header.index("Responses"))].width
    assert 13 <= responses <= 15  # a column of short texts keeps its width
