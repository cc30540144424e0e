"""The codebook as a Word document: the tree as headings, each code's description, memos,
counts and one example quote, then the memos (exporters/docx/memos.py). Shareable, the
example is one the consent gate allows and only memos on the project and codes are kept."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

from sqlalchemy.orm import Session

from ...services.analysis.excerpts import CodeExcerpts, Excerpt, coded_excerpts
from ...services.analysis.frequencies import code_frequencies
from ...services.analysis.population import ALL, Population
from ...services.coding.memos import list_memos
from ...services.consent.gate import QuoteRequest, check_quotes
from .figures import attribute_figures, frequency_figure
from .memos import code_memos, memo_paragraphs, memos_section
from .report import INTERNAL_NOTE, SHAREABLE_NOTE, code_heading, new_report, quote, save, xml_text

EXAMPLE_MAX = 600  # characters: a longer segment is an example only if nothing shorter is


def export_codebook_docx(
    session: Session,
    target: Path,
    *,
    title: str | None = None,
    shareable: bool = False,
    population: Population = ALL,
    today: date | None = None,
    by: Sequence[str] = (),
) -> int:
    """Write the codebook, with a chart of the respondents per code (and of the codes by
    each attribute in `by`); returns the number of codes."""
    frequencies = code_frequencies(session, population)
    counts = {f.code_id: f for f in frequencies}
    groups = coded_excerpts(session, population)
    allowed = _allowed(session, groups, today) if shareable else None
    segments = sum(f.segments for f in counts.values())
    doc = new_report(
        "Codebook",
        title,
        (SHAREABLE_NOTE if shareable else INTERNAL_NOTE)
        + f" {len(groups)} codes, {segments} coded segments.",
    )
    frequency_figure(doc, frequencies)
    for attribute in by:
        attribute_figures(doc, session, attribute, population)
    memos = list_memos(session)
    on_code = code_memos(memos)
    for group in groups:
        code, f = group.code, counts[group.code.id]
        code_heading(doc, code.name, code.depth, code.colour)
        description = doc.add_paragraph(xml_text(code.description or "No description."))
        if not code.description:
            description.runs[0].italic = True
        memo_paragraphs(doc, on_code.get(code.path, []))
        line = f"{code.path}: {_n(f.segments, 'segment')} from {_n(f.respondents, 'respondent')}"
        if f.segments_with_subcodes != f.segments:
            line += (
                f"; with its sub-codes {_n(f.segments_with_subcodes, 'segment')} from "
                f"{_n(f.respondents_with_subcodes, 'respondent')}"
            )
        doc.add_paragraph(line + f" ({f.percent:.0f}% of {f.base}).")
        example = _example(group.excerpts, allowed)
        if example is not None:
            doc.add_paragraph(f"Example, {example.respondent}:").runs[0].bold = True
            quote(doc, example.text)
        elif group.excerpts:
            doc.add_paragraph("No example: no respondent's consent allows a quote.").runs[
                0
            ].italic = True
    memos_section(doc, memos, shareable=shareable)
    save(doc, target)
    return len(groups)


def _allowed(session: Session, groups: list[CodeExcerpts], today: date | None) -> set[int]:
    ids = sorted({e.segment_id for g in groups for e in g.excerpts})
    decisions = check_quotes(session, [QuoteRequest(sid) for sid in ids], today)
    return {d.request.segment_id for d in decisions if d.allowed and d.request.segment_id}


def _example(excerpts: list[Excerpt], allowed: set[int] | None) -> Excerpt | None:
    """The first (by label) not too long, else the shortest, among those allowed."""
    usable = [e for e in excerpts if allowed is None or e.segment_id in allowed]
    short = [e for e in usable if len(e.text) <= EXAMPLE_MAX]
    if short:
        return short[0]
    return min(usable, key=lambda e: len(e.text), default=None)


def _n(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"
