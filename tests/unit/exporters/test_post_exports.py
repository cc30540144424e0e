"""Post exports read back: Word as a reader and a reviewer see it, Markdown and HTML escaped,
and no private identity in any part of any file."""

from __future__ import annotations

import zipfile
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import pytest
from docx import Document
from docx.text.paragraph import Paragraph as DocxParagraph
from sqlalchemy import select
from sqlalchemy.orm import Session

from dotsdesk.exporters.docx.post import export_post_docx
from dotsdesk.exporters.html import export_post_html, post_html
from dotsdesk.exporters.markdown import export_post_markdown, post_markdown
from dotsdesk.model import Segment, Translation
from dotsdesk.services.coding import segments as coding
from dotsdesk.services.coding.codebook import ensure_code
from dotsdesk.services.composer import posts
from dotsdesk.services.composer.render import render_post
from dotsdesk.services.consent.events import record_event
from dotsdesk.services.consent.gate import QuotesBlocked
from dotsdesk.services.corpus.respondents import add_respondent, find_respondent
from dotsdesk.services.corpus.responses import add_response
from dotsdesk.services.sample import load_sample_data
from dotsdesk.store import Project

from ..services.composer.test_render import LEAD_INS, SECTIONS

TODAY = date(2025, 6, 1)
TITLE = "Do you write production code as a data scientist?"


def identity_values() -> set[str]:
    """Every private identity value of the sample, except what the consent lets the post
    print: P14's forum and handle ("Hybrid B (1point3acres BBS, 小K)")."""
    shown = {"1point3acres BBS", "小K"}
    values = set()
    for person in load_sample_data()["respondents"]:
        values |= {v for v in person["identity"].values() if v}
    return values - shown


def style(paragraph: DocxParagraph) -> str:
    return paragraph.style.name if paragraph.style is not None else ""


def every_part(path: Path) -> str:
    with zipfile.ZipFile(path) as z:
        return "\n".join(z.read(n).decode("utf-8", errors="replace") for n in z.namelist())


def quote_sources(s: Session) -> list[str]:
    tree = render_post(s, 1, today=TODAY)
    out = []
    for quote in tree.quotes():
        seg = s.get(Segment, quote.segment_id)
        assert seg is not None
        if quote.translated_from:
            text = s.scalar(
                select(Translation.text).where(Translation.response_id == seg.response_id)
            )
            assert text is not None
            out.append(text)
        else:
            out.append(seg.response.text[seg.start : seg.end])
    return out


def export_docx(project: Project, path: Path, **kw: bool) -> None:
    with project.read() as s:
        export_post_docx(s, 1, path, today=TODAY, **kw)


def test_word_reads_back_as_the_post(sample_project: Project, tmp_path: Path) -> None:
    path = tmp_path / "post.docx"
    export_docx(sample_project, path)
    doc = Document(str(path))
    paragraphs = [(style(p), p.text) for p in doc.paragraphs]
    assert paragraphs[0] == ("Title", TITLE)
    assert [t for style, t in paragraphs if style == "Heading 1"] == SECTIONS[1:]
    body = [t for style, t in paragraphs if style == "Normal"]
    assert body[1] == "This is No.4 post in the Connect the Dots series. See full table of contents"
    assert body[2].startswith("I have received permission from individuals mentioned")
    assert [t.split()[0] for t in body if "% of sampled data scientists" in t] == [
        "20%",
        "20%",
        "60%",
    ]
    quotes = [i for i, (style, _) in enumerate(paragraphs) if style == "Quote"]
    with sample_project.read() as s:
        sources = quote_sources(s)
    assert [paragraphs[i][1] for i in quotes] == sources  # exactly, line breaks included
    assert [paragraphs[i - 1][1] for i in quotes] == LEAD_INS
    notes = [(i, t) for i, (style, t) in enumerate(paragraphs) if style == "Translation Note"]
    assert notes == [(quotes[8] + 1, "Translated from Chinese.")]
    bullets = [t for style, t in paragraphs if style == "List Bullet"]
    assert len(bullets) == 9 and bullets[-1] == "Hidden Technical Debt in Machine Learning Systems"
    assert doc.comments is None or len(list(doc.comments)) == 0
    with zipfile.ZipFile(path) as z:
        assert "word/comments.xml" not in z.namelist()
        document = z.read("word/document.xml").decode()
        rels = z.read("word/_rels/document.xml.rels").decode()
    assert document.count("<w:hyperlink ") == 4  # the table of contents and three links
    assert 'Target="https://example.org/connect-the-dots/" TargetMode="External"' in rels
    assert doc.core_properties.title == TITLE and doc.core_properties.author == ""
    leaked = [v for v in identity_values() if v in every_part(path)]
    assert leaked == []


def test_word_comments_say_where_each_quote_comes_from(
    sample_project: Project, tmp_path: Path
) -> None:
    path = tmp_path / "review.docx"
    export_docx(sample_project, path, comments=True)
    doc = Document(str(path))
    comments = list(doc.comments)
    assert len(comments) == 13
    assert all(c.author == "dotsdesk" for c in comments)
    texts = [c.text for c in comments]
    hybrid_b = next(t for t in texts if t.startswith("From P14,"))
    assert "Theme/Pair coding" in hybrid_b and "by handle" in hybrid_b
    assert "quoted in the English translation" in hybrid_b
    assert texts[0].startswith("From P01, response ")
    assert "Do you write production code as a data scientist?" in texts[0]
    assert "Consent: granted, anonymous, no translation." in texts[0]
    quote_paragraphs = [p for p in doc.paragraphs if style(p) == "Quote"]
    with sample_project.read() as s:
        assert [p.text for p in quote_paragraphs] == quote_sources(s)
    leaked = [v for v in identity_values() if v in every_part(path)]
    assert leaked == []


def test_a_blocked_quote_refuses_or_becomes_a_placeholder(
    sample_project: Project, tmp_path: Path
) -> None:
    with sample_project.write() as s:
        record_event(s, find_respondent(s, "P14").id, "withdrawn", date(2025, 5, 1))
    path = tmp_path / "post.docx"
    path.write_bytes(b"the previous export")
    with pytest.raises(QuotesBlocked) as caught:
        export_docx(sample_project, path)
    assert str(caught.value).startswith(f"{path}: 1 quote(s) blocked")
    assert "P14: consent was withdrawn" in str(caught.value)
    assert path.read_bytes() == b"the previous export"
    assert not list(tmp_path.glob(".post.docx*"))  # no temporary file left
    export_docx(sample_project, path, placeholders=True)
    doc = Document(str(path))
    quotes = [p.text for p in doc.paragraphs if style(p) == "Quote"]
    assert "[quote withheld: consent withdrawn]" in quotes
    assert "小K" not in every_part(path)


def hostile_post(project: Project) -> None:
    """A post whose quote and paragraph are full of markup."""
    with project.write() as s:
        rid = add_respondent(s, "H1").id
        text = (
            "<script>alert('x')</script> *not bold* & [x](javascript:alert(1))\n\n# not a heading"
        )
        resp = add_response(s, rid, text, language="en").id
        seg = coding.code_span(s, resp, 0, len(text), [ensure_code(s, "Role/Research").id]).id
        record_event(s, rid, "granted", date(2025, 1, 1), level="anonymous")
        post = posts.create_post(
            s, "Tags <b>in</b> a title", toc_url="https://example.org/?a=1&b=2"
        )
        sec = posts.add_section(s, post.id, "A & B").id
        posts.add_paragraph(s, sec, "**Bold** [ok](https://example.org/x) [bad](javascript:x)")
        posts.add_quote(s, sec, seg, topic="<i>markup</i>")


class Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: set[str] = set()
        self.attrs: list[tuple[str, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        self.attrs.extend(attrs)


def test_html_is_self_contained_and_escaped(project: Project, tmp_path: Path) -> None:
    hostile_post(project)
    with project.read() as s:
        post_id = posts.list_posts(s)[0].id
        export_post_html(s, post_id, tmp_path / "p.html", today=TODAY)
    html = (tmp_path / "p.html").read_text(encoding="utf-8")
    parser = Tags()
    parser.feed(html)
    assert "script" not in parser.tags
    assert parser.tags <= {
        "html", "head", "meta", "title", "style", "body", "article", "h1", "h2", "p", "br",
        "blockquote", "ul", "li", "a", "strong", "em",
    }  # fmt: skip
    assert not [name for name, _ in parser.attrs if name.startswith("on")]
    hrefs = [v for name, v in parser.attrs if name == "href"]
    assert hrefs == ["https://example.org/x"]
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in html
    assert "<h1>Tags &lt;b&gt;in&lt;/b&gt; a title</h1>" in html
    assert "on &lt;i&gt;markup&lt;/i&gt;:" in html
    assert "Content-Security-Policy" in html and "http://" not in html.split("<body>")[0]


def test_markdown_is_escaped(project: Project, tmp_path: Path) -> None:
    hostile_post(project)
    with project.read() as s:
        post_id = posts.list_posts(s)[0].id
        export_post_markdown(s, post_id, tmp_path / "p.md", today=TODAY)
        tree = render_post(s, post_id, today=TODAY)
    md = (tmp_path / "p.md").read_text(encoding="utf-8")
    assert md == post_markdown(tree)
    assert md.startswith("# Tags \\<b\\>in\\</b\\> a title\n")
    assert "## A \\& B" in md
    assert "**Bold** [ok](<https://example.org/x>) bad" in md
    assert (
        "> \\<script\\>alert('x')\\</script\\> \\*not bold\\* \\& \\[x\\](javascript:alert(1))"
        in md
    )
    assert "\n>\n> \\# not a heading" in md
    assert "<script>" not in post_html(tree)


def test_markdown_and_html_of_the_sample(sample_project: Project, tmp_path: Path) -> None:
    with sample_project.read() as s:
        export_post_markdown(s, 1, tmp_path / "p.md", today=TODAY)
        export_post_html(s, 1, tmp_path / "p.html", today=TODAY)
    md = (tmp_path / "p.md").read_text(encoding="utf-8")
    html = (tmp_path / "p.html").read_text(encoding="utf-8")
    for title in SECTIONS[1:]:
        assert f"\n## {title}\n" in md and f"<h2>{title}</h2>" in html
    for lead in LEAD_INS:
        assert f"\n{lead}\n" in md and f'<p class="lead-in">{lead}</p>' in html
    assert "*Translated from Chinese.*" in md
    assert '<p class="translated">Translated from Chinese.</p>' in html
    for value in identity_values():
        assert value not in md and value not in html
