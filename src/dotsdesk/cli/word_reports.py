"""`dotsdesk export FILE.dots OUT.docx --codebook | --excerpts [--shareable]`."""

from __future__ import annotations

import argparse
import sys

from sqlalchemy.orm import Session

from ..exporters.docx.codebook import export_codebook_docx
from ..exporters.docx.excerpts import export_excerpts_docx
from ..services.analysis.population import Population
from ..services.consent.gate import QuotesBlocked


def export_word_report(
    session: Session, args: argparse.Namespace, who: Population, codes: list[int] | None
) -> int:
    title = _title(session)
    if args.codebook:
        n = export_codebook_docx(
            session,
            args.out,
            title=title,
            shareable=args.shareable,
            population=who,
            by=tuple(args.by),
        )
        print(f"wrote {args.out}: the codebook, {n} codes")
        return 0
    try:
        written, withheld = export_excerpts_docx(
            session,
            args.out,
            title=title,
            code_ids=codes,
            shareable=args.shareable,
            placeholders=args.placeholders,
            population=who,
            by=tuple(args.by),
        )
    except QuotesBlocked as exc:
        for decision in exc.decisions:
            print(f"blocked: {decision.message}", file=sys.stderr)
        raise
    kept = f"; {withheld} withheld by the consent gate" if withheld else ""
    print(f"wrote {args.out}: {written} coded excerpt(s){kept}")
    return 0


def _title(session: Session) -> str | None:
    from ..model import Setting

    found = session.get(Setting, "title")
    return found.value if found else None
