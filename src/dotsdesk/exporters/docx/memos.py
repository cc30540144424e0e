"""Memos in the Word codebook: each code's memos under its heading, and a closing Memos
section with the project's memos (and, in the internal report, the memos on responses and
segments, by respondent label). A shareable report carries only the researchers' memos on
the project and the codes: memos on answers may quote or describe people."""

from __future__ import annotations

from docx.document import Document as DocxDocument

from ...services.coding.memos import MemoEntry, MemoKind
from .report import quote, xml_text


def code_memos(memos: list[MemoEntry]) -> dict[str, list[MemoEntry]]:
    """code path -> its memos."""
    out: dict[str, list[MemoEntry]] = {}
    for m in memos:
        if m.kind is MemoKind.CODE and m.code:
            out.setdefault(m.code, []).append(m)
    return out


def memo_paragraphs(doc: DocxDocument, memos: list[MemoEntry]) -> None:
    for m in memos:
        lead = doc.add_paragraph()
        lead.add_run("Memo").bold = True
        if m.coder:
            lead.add_run(xml_text(f" ({m.coder})"))
        lead.add_run(": ")
        lead.add_run(xml_text(m.text))


def memos_section(doc: DocxDocument, memos: list[MemoEntry], *, shareable: bool) -> int:
    """The closing section; returns how many memos it lists (none: no section)."""
    kinds = (
        (MemoKind.PROJECT,)
        if shareable
        else (MemoKind.PROJECT, MemoKind.RESPONSE, MemoKind.SEGMENT)
    )
    listed = [m for m in memos if m.kind in kinds]
    if not listed:
        return 0
    doc.add_heading("Memos", level=1)
    project = [m for m in listed if m.kind is MemoKind.PROJECT]
    if project:
        doc.add_heading("On the project", level=2)
        memo_paragraphs(doc, project)
    answers = [m for m in listed if m.kind is not MemoKind.PROJECT]
    if answers:
        doc.add_heading("On responses and segments", level=2)
    for m in answers:
        where = m.respondent or ""
        if m.question:
            where += f", {m.question}"
        if m.kind is MemoKind.SEGMENT and m.code:
            where += f" ({m.code})"
        doc.add_paragraph(xml_text(where)).runs[0].bold = True
        if m.excerpt:
            quote(doc, m.excerpt)
        memo_paragraphs(doc, [m])
    return len(listed)
