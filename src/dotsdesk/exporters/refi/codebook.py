"""The codebook as REFI-QDA XML: a `.qdc` file, and the `CodeBook` inside a project.

The two schemas differ: in a project a Code may carry NoteRefs, in a `.qdc` it may not, and
each file has its own namespace. A `.qdc` needs at least one code (`Codes` may not be empty),
so an empty codebook is refused rather than written invalid, as some tools do.
"""

from __future__ import annotations

import uuid
from pathlib import Path

from sqlalchemy.orm import Session

from ...errors import DotsError
from ..atomic import atomic_output
from .document import RefiCode
from .mapping import ORIGIN, codebook_codes
from .read import read_codebook
from .xmlout import Attributes, XmlWriter

CODEBOOK_NS = "urn:QDA-XML:codebook:1.0"
CODEBOOK_XSD = "http://schema.qdasoftware.org/versions/Codebook/v1.0/Codebook.xsd"
XSI = "http://www.w3.org/2001/XMLSchema-instance"


def write_codes(xml: XmlWriter, codes: list[RefiCode], *, notes: bool) -> None:
    """`Codes` and its tree. Depth-first with an explicit stack: no recursion limit."""
    xml.start("Codes")
    stack: list[RefiCode | None] = list(reversed(codes))
    while stack:
        code = stack.pop()
        if code is None:  # the marker after a code's children: close it
            xml.end("Code")
            continue
        attrs: Attributes = [
            ("guid", code.guid),
            ("name", code.name),
            ("isCodable", True),
            ("color", code.color),
        ]
        has_notes = notes and bool(code.note_guids)
        if not (code.description or has_notes or code.children):
            xml.empty("Code", attrs)
            continue
        xml.start("Code", attrs)
        if code.description:
            xml.text("Description", code.description)
        if has_notes:
            for guid in code.note_guids:
                xml.empty("NoteRef", [("targetGUID", guid)])
        stack.append(None)
        stack.extend(reversed(code.children))
    xml.end("Codes")


def count_codes(codes: list[RefiCode]) -> int:
    total, stack = 0, list(codes)
    while stack:
        code = stack.pop()
        total += 1
        stack.extend(code.children)
    return total


def write_codebook_file(target: Path, codes: list[RefiCode], origin: str = ORIGIN) -> None:
    if not codes:
        raise DotsError(
            target, "the codebook is empty: a .qdc file needs at least one code, none written"
        )
    with atomic_output(target) as temp, temp.open("wb") as out:
        xml = XmlWriter(out)
        xml.start(
            "CodeBook",
            [
                ("xmlns", CODEBOOK_NS),
                ("xmlns:xsi", XSI),
                ("xsi:schemaLocation", f"{CODEBOOK_NS} {CODEBOOK_XSD}"),
                ("origin", origin),
            ],
        )
        write_codes(xml, codes, notes=False)
        xml.end("CodeBook")
        xml.close()


def export_codebook(session: Session, target: Path, namespace: uuid.UUID) -> int:
    """Write the codebook to `target` (.qdc); returns the number of codes."""
    codes, _ = codebook_codes(namespace, read_codebook(session))
    write_codebook_file(target, codes)
    return count_codes(codes)
