"""`dotsdesk export ... --analysis | --codebook | --excerpts`: the reports collaborators get.

--analysis writes the Excel report (figures beside the segments); --codebook and --excerpts
write Word documents. With --shareable the quotes in a Word report pass the consent gate:
a blocked one stops the export (each named) unless --placeholders.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from sqlalchemy.orm import Session

from ..errors import DotsError
from ..store import Project
from .analyse import add_population_options, code_ids, population
from .messages import _
from .progress import terminal_progress


def add_export_options(p: argparse.ArgumentParser) -> None:
    g = p.add_argument_group("reports")
    g.add_argument(
        "--analysis",
        action="store_true",
        help=_(
            "OUT.xlsx: the analysis report: Frequencies, a Crosstab per --by, Co-occurrence, "
            "Words, Agreement with --coders, beside Segments, Codebook and Respondents"
        ),
    )
    g.add_argument(
        "--by",
        action="append",
        default=[],
        metavar="ATTRIBUTE",
        help=_(
            "--analysis: a Crosstab sheet of the codes by ATTRIBUTE; --codebook/--excerpts: "
            "charts of the codes by ATTRIBUTE (repeat for several)"
        ),
    )
    g.add_argument("--coders", metavar="A,B", help=_("--analysis: compare two coders"))
    g.add_argument(
        "--unit",
        choices=("overlap", "response", "respondent"),
        default="overlap",
        help=_("--analysis: what counts as co-occurring (default: overlapping segments)"),
    )
    g.add_argument(
        "--codebook",
        action="store_true",
        help=_(
            "OUT.docx: the codebook: a chart of the respondents per code, the tree, "
            "descriptions, counts, an example quote each"
        ),
    )
    g.add_argument(
        "--excerpts",
        action="store_true",
        help=_(
            "OUT.docx: the coded excerpts grouped by code, each with its respondent's label "
            "and attributes (--codes PATH for some codes only)"
        ),
    )
    g.add_argument(
        "--codes", action="append", default=[], metavar="PATH", help=_("--excerpts: only these")
    )
    g.add_argument(
        "--shareable",
        action="store_true",
        help=_(
            "--codebook/--excerpts: only quotes the consent gate allows (default: an internal "
            "report of every excerpt, marked as such)"
        ),
    )
    # --consent already asks for the register here.
    add_population_options(g, consent="--consent-status")  # type: ignore[arg-type]


def wants_report(args: argparse.Namespace) -> bool:
    return bool(getattr(args, "analysis", False) or args.codebook or args.excerpts)


def export_report(args: argparse.Namespace) -> int:
    out: Path = args.out
    chosen = [f for f in ("analysis", "codebook", "excerpts") if getattr(args, f)]
    if len(chosen) > 1 or args.consent or args.post is not None:
        raise DotsError(out, "choose one of --analysis, --codebook, --excerpts, --consent, --post")
    suffix = ".xlsx" if args.analysis else ".docx"
    if out.suffix.lower() != suffix:
        raise DotsError(out, f"--{chosen[0]} writes a {suffix} file")
    with Project.open(args.file, readonly=True) as project, project.read() as s:
        if args.analysis:
            return _analysis(s, args)
        from .word_reports import export_word_report

        return export_word_report(s, args, population(s, args), code_ids(s, args.codes))


def _analysis(session: Session, args: argparse.Namespace) -> int:
    from ..exporters.xlsx.analysis import ReportRequest, export_analysis_workbook
    from ..services.analysis.cooccurrence import Unit

    coders = None
    if args.coders:
        names = [n.strip() for n in args.coders.split(",") if n.strip()]
        if len(names) != 2:
            raise DotsError(None, "--coders takes two coder names, A,B")
        coders = (names[0], names[1])
    request = ReportRequest(
        attributes=tuple(args.by), coders=coders, population=population(session, args),
        unit=Unit(args.unit),
    )  # fmt: skip
    progress = terminal_progress(f"writing {Path(args.out).name}")
    sheets = export_analysis_workbook(session, args.out, request, progress)
    print(f"wrote {args.out}: sheets {', '.join(sheets)}")
    return 0
