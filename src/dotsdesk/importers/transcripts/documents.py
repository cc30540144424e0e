"""Read interview transcripts and pasted texts (.docx, .txt, .md) into one string.

Segments are offsets into this string, so the text must be exactly what the researcher sees:
every body paragraph and table cell in document order, tracked insertions included, deletions
and field codes left out, and nothing normalised.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dotsdesk.errors import InputError
from dotsdesk.importers.files import check_office_zip
from dotsdesk.importers.text import read_text_file

__all__ = ["Document", "read_document"]

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_P, _TBL, _TR, _TC, _SDT = (f"{_W}{n}" for n in ("p", "tbl", "tr", "tc", "sdt"))
_PPR, _PSTYLE = f"{_W}pPr", f"{_W}pStyle"
# Inside a paragraph: text and its equivalents.
_CHARS = {f"{_W}tab": "\t", f"{_W}ptab": "\t", f"{_W}noBreakHyphen": "-", f"{_W}cr": "\n"}
# Never part of the visible running text: deletions, text boxes (and their fallback copies),
# footnote references, properties.
_SKIP = {
    f"{_W}{n}"
    for n in ("del", "moveFrom", "txbxContent", "pPr", "rPr", "instrText", "delInstrText")
} | {"{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"}
_ATX_HEADING = re.compile(r"^ {0,3}#{1,6}[ \t]+(.+?)(?:[ \t]+#+)?[ \t]*$")
_SETEXT_UNDERLINE = re.compile(r"^ {0,3}=+[ \t]*$")  # "---" is too often a plain separator
_FENCE = re.compile(r"^ {0,3}(```|~~~)")


@dataclass(frozen=True)
class Document:
    """The text of a transcript, ready to be one response."""

    path: Path
    text: str  # paragraphs joined by "\n"; line endings "\n"
    encoding: str | None  # for .txt/.md
    title: str | None  # docx core title or first heading if any, else None


def read_document(path: Path, *, encoding: str | None = None) -> Document:
    """Read a .docx, .txt or .md file; ``encoding`` forces the encoding of text files."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix in (".txt", ".md", ".markdown"):
        decoded = read_text_file(path, encoding)
        title = _markdown_title(decoded.text) if suffix != ".txt" else None
        return Document(path, decoded.text, decoded.encoding, title)
    if suffix == ".docx":
        return _read_docx(path)
    if suffix == ".doc":
        raise InputError(path, "old .doc format is not supported; save it as .docx")
    shown = suffix or "(none)"
    raise InputError(
        path, f"unsupported file type '{shown}' for a document (use .docx, .txt or .md)"
    )


def _read_docx(path: Path) -> Document:
    check_office_zip(path, ".docx", "word/document.xml")
    import docx  # imported late: python-docx is slow to import

    try:
        document = docx.Document(str(path))
        lines = list(_block_lines(document.element.body))
        title = (document.core_properties.title or "").strip() or None
        if title is None:
            title = _first_heading(document.element.body, document)
    except Exception as exc:  # python-docx and lxml raise many types for bad files
        problem = "it is truncated or damaged"
        if "content type" in str(exc):
            problem = "it is not a Word document (perhaps a macro-enabled .docm or a template)"
        raise InputError(path, f"not a valid .docx file ({problem})") from None
    text = "\n".join(lines).replace("\r\n", "\n").replace("\r", "\n")
    return Document(path, text, None, title)


def _block_lines(container: Any) -> Iterator[str]:
    """Paragraph texts of a body or table cell, with tables row by row, in document order."""
    for child in container.iterchildren():
        if child.tag == _P:
            yield _paragraph_text(child)
        elif child.tag == _TBL:
            for row in child.iterchildren(_TR):
                cells = [_cell_text(tc) for tc in _row_cells(row)]
                yield "\t".join(cells)
        elif child.tag == _SDT:  # content control: its content is ordinary blocks
            for content in child.iterchildren(f"{_W}sdtContent"):
                yield from _block_lines(content)
        elif child.tag in (f"{_W}customXml", f"{_W}ins", f"{_W}moveTo"):
            yield from _block_lines(child)


def _row_cells(row: Any) -> Iterator[Any]:
    """Each real cell of a row once (a merged cell is one w:tc), also inside content controls."""
    for child in row.iterchildren():
        if child.tag == _TC:
            yield child
        elif child.tag in (_SDT, f"{_W}customXml"):
            yield from child.iter(_TC)


def _cell_text(tc: Any) -> str:
    return "\n".join(_block_lines(tc))


def _paragraph_text(p: Any) -> str:
    """Visible text of a paragraph: runs, hyperlinks, fields and tracked insertions."""
    parts: list[str] = []
    _collect(p, parts)
    return "".join(parts)


def _collect(element: Any, parts: list[str]) -> None:
    for child in element.iterchildren():
        tag = child.tag
        if not isinstance(tag, str) or tag in _SKIP:
            continue  # comments, processing instructions and hidden content
        if tag == f"{_W}t":
            parts.append(child.text or "")
        elif tag == f"{_W}br":
            if child.get(f"{_W}type") in (None, "textWrapping"):
                parts.append("\n")
        elif tag in _CHARS:
            parts.append(_CHARS[tag])
        else:
            _collect(child, parts)


def _first_heading(body: Any, document: Any) -> str | None:
    """Text of the first paragraph styled Title or Heading N, if any."""
    styles = {}
    try:
        for style in document.styles:
            styles[style.style_id] = (style.name or "").lower()
    except Exception:  # a damaged styles part only costs us the title
        styles = {}
    for p in body.iter(_P):
        ppr = p.find(_PPR)
        style_el = ppr.find(_PSTYLE) if ppr is not None else None
        if style_el is None:
            continue
        style_id = style_el.get(f"{_W}val") or ""
        name = styles.get(style_id, style_id.lower())
        if name == "title" or name.startswith("heading"):
            text = _paragraph_text(p).strip()
            if text:
                return text
    return None


def _markdown_title(text: str) -> str | None:
    """The first "# Title" or "Title / =====" heading outside code fences."""
    in_fence = False
    previous = ""
    for line in text.split("\n"):
        if _FENCE.match(line):
            in_fence = not in_fence
            previous = ""
            continue
        if in_fence:
            continue
        match = _ATX_HEADING.match(line)
        if match:
            return match.group(1).strip()
        if previous.strip() and _SETEXT_UNDERLINE.match(line):
            return previous.strip()
        previous = line
    return None
