"""Chinese set in a real Chinese font in every Word file dotsdesk writes.

Word draws Han characters with a run's East Asian font (w:eastAsia in w:rFonts), which our
styles never named: python-docx's template leaves it to the theme, whose East Asian font is
empty, with the document's East Asian language set to en-US, so a Chinese quote came out in
whatever Word substituted (often a Japanese Mincho, with Japanese glyph shapes).

The decision, for every style and the document defaults:
- Body text (Georgia, a serif) gets SimSun (宋体), the serif Song face Chinese body text is
  set in; it is on every Windows and comes with Office for Mac.
- Titles and headings get Microsoft YaHei (微软雅黑), the sans face that goes with them
  (Windows Vista on, Office for Mac).
- Where the named font is missing, Word substitutes from the font table, where each has its
  Chinese name (w:altName), the GB2312 character set and its PANOSE class, so Word picks
  another Song or Hei face; LibreOffice maps both names through fontconfig to an installed
  Chinese face (Noto CJK, WenQuanYi ...).
- The document's East Asian language is zh-CN, so Word uses Simplified Chinese glyph
  shapes and line breaking.
Theme references (w:eastAsiaTheme) are removed where the name is set: Word lets a theme
font win over a named one.
"""

from __future__ import annotations

from docx.document import Document as DocxDocument
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from lxml import etree

BODY_FONT = "SimSun"
HEADING_FONT = "Microsoft YaHei"
EAST_ASIAN_LANGUAGE = "zh-CN"
# name -> (Chinese name, PANOSE-1, family) for the font table.
_FONT_TABLE = {
    BODY_FONT: ("宋体", "02010600030101010101", "auto"),
    HEADING_FONT: ("微软雅黑", "020B0503020204020204", "swiss"),
}
_HEADING_STYLES = ("Title", "Subtitle", "Heading")


def set_east_asian_fonts(doc: DocxDocument) -> None:
    """Name the East Asian font of the document defaults and of every paragraph, character
    and table style; declare Chinese as the East Asian language; list both fonts."""
    styles = doc.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = OxmlElement("w:docDefaults")
        styles.insert(0, defaults)
    rpr_default = defaults.find(qn("w:rPrDefault"))
    if rpr_default is None:
        rpr_default = OxmlElement("w:rPrDefault")
        defaults.insert(0, rpr_default)
    rpr = rpr_default.find(qn("w:rPr"))
    if rpr is None:
        rpr = OxmlElement("w:rPr")
        rpr_default.append(rpr)
    _name_font(rpr, BODY_FONT)
    _east_asian_language(rpr)
    for style in styles.findall(qn("w:style")):
        if style.get(qn("w:type")) == "numbering":
            continue  # a numbering style carries no run properties of its own
        name = style.find(qn("w:name"))
        label = name.get(qn("w:val"), "") if name is not None else ""
        heading = label.startswith(_HEADING_STYLES) or label.lower().startswith("heading")
        _name_font(style.get_or_add_rPr(), HEADING_FONT if heading else BODY_FONT)
    # Conditional parts of table styles (a header row) name theme fonts of their own.
    for fonts in styles.iter(qn("w:rFonts")):
        theme = fonts.attrib.pop(qn("w:eastAsiaTheme"), None)
        if theme is not None:
            fonts.set(qn("w:eastAsia"), HEADING_FONT if theme.startswith("major") else BODY_FONT)
    _list_fonts(doc)


def _name_font(rpr: BaseOxmlElement, font: str) -> None:
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0 if rpr.find(qn("w:rStyle")) is None else 1, fonts)
    fonts.attrib.pop(qn("w:eastAsiaTheme"), None)
    fonts.set(qn("w:eastAsia"), font)


def _east_asian_language(rpr: BaseOxmlElement) -> None:
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        lang.set(qn("w:val"), "en-US")
        rpr.append(lang)  # w:lang comes late in CT_RPr; the defaults hold nothing after it
    lang.set(qn("w:eastAsia"), EAST_ASIAN_LANGUAGE)


def _list_fonts(doc: DocxDocument) -> None:
    """Each font in the font table, with what Word needs to substitute it."""
    part = next(
        (rel.target_part for rel in doc.part.rels.values() if rel.reltype == RT.FONT_TABLE),
        None,
    )
    if part is None or not hasattr(part, "_blob"):
        return
    table = parse_xml(part.blob)
    known = {f.get(qn("w:name")) for f in table.findall(qn("w:font"))}
    for font, (alt_name, panose, family) in _FONT_TABLE.items():
        if font in known:
            continue
        entry = OxmlElement("w:font")
        entry.set(qn("w:name"), font)
        for tag, value in (
            ("w:altName", alt_name),
            ("w:panose1", panose),
            ("w:charset", "86"),  # GB2312
            ("w:family", family),
            ("w:pitch", "variable"),
        ):
            child = OxmlElement(tag)
            child.set(qn("w:val"), value)
            entry.append(child)
        table.append(entry)
    part._blob = etree.tostring(table, xml_declaration=True, encoding="UTF-8", standalone=True)
