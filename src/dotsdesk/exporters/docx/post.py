"""A post as a Word document, with real styles so collaborators can restyle it.

Title, Heading 1 per section, Normal body, Quote for quoted text, List Bullet for bullets,
real w:hyperlink elements, and for reviewers an optional Word comment on each quote saying
where it comes from (pseudonymous label, response, codes, consent), never who said it.
The tree comes from `render`, so the gate has already decided every quote.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor
from docx.text.paragraph import Paragraph as DocxParagraph
from docx.text.run import Run
from sqlalchemy.orm import Session

from ...errors import DotsError
from ...services.composer.block_data import safe_url
from ...services.composer.render import render_for_export
from ...services.composer.render_tree import (
    BulletList,
    Paragraph,
    Quote,
    RenderedPost,
    Span,
    Statistic,
)
from ..atomic import atomic_output
from .fonts import set_east_asian_fonts

COMMENT_AUTHOR = "dotsdesk"
UPRIGHT_LANGUAGES = frozenset({"zh", "ja", "ko"})  # no italic in Chinese, Japanese, Korean
NOTE_STYLE = "Translation Note"
LINK_STYLE = "Hyperlink"
# Characters XML 1.0 cannot hold; shown as U+FFFD so a reviewer sees something was there.
# The elements that follow w:pBdr inside w:pPr (ECMA-376 CT_PPrBase order).
_AFTER_PBDR = (
    "w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap", "w:overflowPunct",
    "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:adjustRightInd",
    "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents",
    "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment", "w:textboxTightWrap",
    "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange",
)  # fmt: skip
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def export_post_docx(
    session: Session,
    post_id: int,
    target: Path,
    *,
    comments: bool = False,
    placeholders: bool = False,
    accept_figures: bool = False,
    today: date | None = None,
) -> RenderedPost:
    """Render (refusing blocked quotes unless `placeholders`, changed figures unless
    `accept_figures`) and write `target` atomically."""
    tree = render_for_export(
        session,
        post_id,
        target,
        placeholders=placeholders,
        accept_figures=accept_figures,
        today=today,
    )
    write_post_docx(tree, target, comments=comments)
    return tree


def write_post_docx(tree: RenderedPost, target: Path, *, comments: bool = False) -> None:
    doc = build_document(tree, comments=comments)
    with atomic_output(target) as temp:
        doc.save(str(temp))


def build_document(tree: RenderedPost, *, comments: bool = False) -> DocxDocument:
    doc = Document()
    if comments and not hasattr(doc, "add_comment"):
        raise DotsError(None, "Word comments need python-docx 1.2 or newer")
    _prepare_styles(doc)
    props = doc.core_properties
    props.title, props.author, props.last_modified_by = _xml(tree.title), "", ""
    props.comments = props.keywords = props.subject = ""
    _Writer(doc, comments).post(tree)
    return doc


class _Writer:
    """Adds paragraphs by style id: python-docx looks a style name up among all styles on
    every paragraph, which would be most of the time of a long post."""

    def __init__(self, doc: DocxDocument, comments: bool) -> None:
        self.doc = doc
        self.comments = comments
        names = ("Title", "Heading 1", "Normal", "Quote", "List Bullet", NOTE_STYLE, LINK_STYLE)
        self.ids = {name: doc.styles[name].style_id for name in names}

    def paragraph(self, style: str, text: str = "") -> DocxParagraph:
        p = self.doc.add_paragraph()
        p._p.style = self.ids[style]
        if text:
            p.add_run(_xml(text))
        return p

    def post(self, tree: RenderedPost) -> None:
        self.paragraph("Title", tree.title)
        for section in tree.sections:
            if section.title:
                self.paragraph("Heading 1", section.title)
            for node in section.nodes:
                if isinstance(node, Paragraph):
                    self.spans(self.paragraph("Normal"), node.spans)
                elif isinstance(node, BulletList):
                    for item in node.items:
                        self.spans(self.paragraph("List Bullet"), item)
                elif isinstance(node, Statistic):
                    self.paragraph("Normal", node.text)
                else:
                    self.quote(node)

    def quote(self, quote: Quote) -> None:
        if quote.blocked:
            run = self.paragraph("Quote").add_run(quote.placeholder or "[quote withheld]")
            run.bold = True
            run.font.color.rgb = RGBColor(0xC0, 0x00, 0x00)
            return
        lead = self.paragraph("Normal", quote.lead_in or "")
        lead.paragraph_format.keep_with_next = True
        lead.paragraph_format.space_before = Pt(4)
        run = self.paragraph("Quote").add_run(_xml(quote.text or ""))
        if (quote.language or "").split("-")[0] in UPRIGHT_LANGUAGES:
            run.italic = False  # the Quote style's italic is a slanted fake in these scripts
        if quote.translated_from:
            self.paragraph(NOTE_STYLE, f"Translated from {quote.translated_from}.")
        if self.comments and quote.source is not None:
            self.doc.add_comment(
                run, text=_xml(quote.source.describe()), author=COMMENT_AUTHOR, initials="dd"
            )

    def spans(self, paragraph: DocxParagraph, spans: tuple[Span, ...]) -> None:
        for span in spans:
            if span.href and safe_url(span.href):
                run = self.link(paragraph, span.href)
                run.text = _xml(span.text)
            else:
                run = paragraph.add_run(_xml(span.text))
            run.bold = span.bold or None
            run.italic = span.italic or None

    def link(self, paragraph: DocxParagraph, url: str) -> Run:
        """A run inside a real <w:hyperlink r:id=...> to an external relationship."""
        r_id = paragraph.part.relate_to(url, RT.HYPERLINK, is_external=True)
        link = OxmlElement("w:hyperlink")
        link.set(qn("r:id"), r_id)
        paragraph._p.append(link)
        run = paragraph.add_run()
        run._r.style = self.ids[LINK_STYLE]
        link.append(run._r)
        return run


def _prepare_styles(doc: DocxDocument) -> None:
    styles = doc.styles
    normal = styles["Normal"]
    normal.font.name = "Georgia"
    normal.font.size = Pt(11)
    normal.paragraph_format.space_after = Pt(8)
    normal.paragraph_format.line_spacing = 1.15
    quote = styles["Quote"]
    quote.paragraph_format.left_indent = Pt(28)
    quote.paragraph_format.right_indent = Pt(14)
    quote.paragraph_format.space_after = Pt(12)
    _left_rule(quote.element.get_or_add_pPr())
    styles["Heading 1"].paragraph_format.space_after = Pt(6)
    names = {s.name for s in styles}
    if LINK_STYLE not in names:
        link = styles.add_style(LINK_STYLE, WD_STYLE_TYPE.CHARACTER)
        link.font.color.rgb = RGBColor(0x1F, 0x4E, 0x9A)
        link.font.underline = True
    if NOTE_STYLE not in names:
        note = styles.add_style(NOTE_STYLE, WD_STYLE_TYPE.PARAGRAPH)
        note.base_style = styles["Normal"]
        note.font.italic = True
        note.font.size = Pt(9)
        note.font.color.rgb = RGBColor(0x59, 0x59, 0x59)
        note.paragraph_format.left_indent = Pt(28)
    set_east_asian_fonts(doc)


def _left_rule(ppr: Any) -> None:
    """A thin grey rule left of quotes, as blogs draw block quotes; placed where the
    schema wants w:pBdr, or Word would call the file damaged."""
    for old in ppr.findall(qn("w:pBdr")):
        ppr.remove(old)
    border = OxmlElement("w:pBdr")
    left = OxmlElement("w:left")
    for key, value in (("val", "single"), ("sz", "12"), ("space", "10"), ("color", "C9C9C9")):
        left.set(qn(f"w:{key}"), value)
    border.append(left)
    ppr.insert_element_before(border, *_AFTER_PBDR)


def _xml(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)
