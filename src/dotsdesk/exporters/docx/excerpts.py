"""Coded excerpts grouped by code, as a Word document: each with its respondent's label and
attributes and exactly the segment's text. Shareable, every quote passes the consent gate:
a blocked one stops the export (QuotesBlocked lists them) or, with `placeholders`, is replaced
by a visible placeholder naming the reason, never the respondent."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import date
from pathlib import Path

from docx.document import Document as DocxDocument
from sqlalchemy.orm import Session

from ...services.analysis.excerpts import CodeExcerpts, coded_excerpts
from ...services.analysis.population import ALL, Population
from ...services.consent.gate import (
    GateDecision,
    QuoteRequest,
    blocked_placeholder,
    check_quotes,
    refuse_blocked,
)
from ...services.corpus.turns import format_time, segment_times
from .figures import attribute_figures
from .report import INTERNAL_NOTE, SHAREABLE_NOTE, code_heading, new_report, quote, save, xml_text


def export_excerpts_docx(
    session: Session,
    target: Path,
    *,
    title: str | None = None,
    code_ids: Collection[int] | None = None,
    shareable: bool = False,
    placeholders: bool = False,
    population: Population = ALL,
    today: date | None = None,
    by: Sequence[str] = (),
) -> tuple[int, int]:
    """Write the report, with a chart of the codes by each attribute in `by`; returns
    (excerpts written, quotes withheld). Atomic."""
    groups = [g for g in coded_excerpts(session, population, code_ids=code_ids) if g.excerpts]
    decisions: dict[int, GateDecision] = {}
    if shareable:
        ids = sorted({e.segment_id for g in groups for e in g.excerpts})
        checked = check_quotes(session, [QuoteRequest(sid) for sid in ids], today)
        if not placeholders:
            refuse_blocked(checked, target)
        decisions = {sid: d for sid, d in zip(ids, checked, strict=True)}
    total = sum(len(g.excerpts) for g in groups)
    doc = new_report(
        "Coded excerpts",
        title,
        (SHAREABLE_NOTE if shareable else INTERNAL_NOTE)
        + f" {total} excerpts under {len(groups)} codes.",
    )
    for attribute in by:
        attribute_figures(doc, session, attribute, population, code_ids)
    times = segment_times(session)
    withheld = sum(_code(doc, g, decisions, times) for g in groups)
    save(doc, target)
    return total - withheld, withheld


def _code(
    doc: DocxDocument,
    group: CodeExcerpts,
    decisions: dict[int, GateDecision],
    times: dict[int, int],
) -> int:
    code = group.code
    n = len(group.excerpts)
    code_heading(doc, f"{code.path} ({n} excerpt{'' if n == 1 else 's'})", 0, code.colour)
    if code.description:
        doc.add_paragraph(xml_text(code.description)).runs[0].italic = True
    withheld = 0
    for excerpt in group.excerpts:
        decision = decisions.get(excerpt.segment_id)
        if decision is not None and not decision.allowed:
            # Neither label nor attributes: who said a withheld quote is not shown either.
            quote(doc, blocked_placeholder(decision), withheld=True)
            withheld += 1
            continue
        about = doc.add_paragraph()
        about.paragraph_format.keep_with_next = True
        about.add_run(xml_text(excerpt.respondent)).bold = True
        details = "; ".join(f"{k}: {v}" for k, v in excerpt.attributes.items())
        if details:
            about.add_run(xml_text(f" ({details})"))
        if (at := times.get(excerpt.segment_id)) is not None:  # in the interview's recording
            about.add_run(f", at {format_time(at)}")
        quote(doc, excerpt.text)
    return withheld
