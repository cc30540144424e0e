"""What the Word reports share: a document with real styles (Title, Heading 1-3, Quote,
Normal), a code's heading with a swatch of its colour, a quote, and an atomic save."""

from __future__ import annotations

import re
from pathlib import Path

from docx import Document
from docx.document import Document as DocxDocument
from docx.shared import Pt, RGBColor
from docx.text.paragraph import Paragraph

from ..atomic import atomic_output
from .fonts import set_east_asian_fonts

SWATCH = "\u25a0"  # a filled square in the code's colour before its name
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
INTERNAL_NOTE = (
    "Internal working report: the quotes below were not checked against the respondents' "
    "consent. Share it only within the research team."
)
SHAREABLE_NOTE = (
    "Quotes appear only where the respondent's consent allows it, under pseudonymous labels."
)


def xml_text(text: str) -> str:
    """Characters XML 1.0 cannot hold shown as U+FFFD, so a reader sees something was there."""
    return _NOT_XML.sub("\ufffd", text)


def new_report(title: str, subtitle: str | None, note: str) -> DocxDocument:
    doc = Document()
    styles = doc.styles
    styles["Normal"].font.name = "Georgia"
    styles["Normal"].font.size = Pt(11)
    styles["Quote"].paragraph_format.left_indent = Pt(24)
    set_east_asian_fonts(doc)
    props = doc.core_properties
    props.title, props.author, props.last_modified_by = xml_text(title), "", ""
    props.comments = props.keywords = props.subject = ""
    doc.add_paragraph(xml_text(title), style="Title")
    if subtitle:
        doc.add_paragraph(xml_text(subtitle), style="Subtitle")
    doc.add_paragraph(xml_text(note)).runs[0].italic = True
    return doc


def code_heading(doc: DocxDocument, text: str, depth: int, colour: str | None) -> Paragraph:
    """Heading 1 for a top-level code, 2 and 3 below it (deeper codes stay at 3)."""
    paragraph = doc.add_paragraph(style=f"Heading {min(depth + 1, 3)}")
    rgb = _rgb(colour)
    if rgb is not None:
        swatch = paragraph.add_run(SWATCH + " ")
        swatch.font.color.rgb = rgb
    paragraph.add_run(xml_text(text))
    return paragraph


def quote(doc: DocxDocument, text: str, *, withheld: bool = False) -> Paragraph:
    paragraph = doc.add_paragraph(style="Quote")
    run = paragraph.add_run(xml_text(text))
    if withheld:
        run.bold = True
        run.font.color.rgb = RGBColor(0xC0, 0x00, 0x00)
    return paragraph


def save(doc: DocxDocument, target: Path) -> None:
    with atomic_output(target) as temp:
        doc.save(str(temp))


def _rgb(colour: str | None) -> RGBColor | None:
    if colour and re.fullmatch(r"#[0-9A-Fa-f]{6}([0-9A-Fa-f]{2})?", colour):
        return RGBColor.from_string(colour[1:7].upper())
    return None
