"""`dotsdesk draft` and `dotsdesk export ... --post N`: posts from the command line.

Every export goes through the consent gate: a blocked quote stops it (each one listed on
stderr by pseudonymous label and reason) unless `--placeholders` asks for visible
placeholders instead. A figure that changed since the post was last exported or its figures
accepted stops it too (each change listed), unless `--accept-figures`; the figures an export
writes become the ones later changes are reported against. Nothing printed here holds a
name, contact or handle.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import DotsError, ProjectLocked
from ..store import Project
from .locations import project_location
from .messages import _

if TYPE_CHECKING:
    from ..services.composer.render_tree import RenderedPost


def epilog() -> str:
    return _(
        """examples:
  dotsdesk draft study.dots --title "Do you write production code?" \\
      --series "Connect the Dots" --number 4 --sections-from Role
  dotsdesk draft study.dots --title "Survey 2" --sections-from Role \\
      --population-from survey2.csv --population-name "survey 2"
  dotsdesk export study.dots post.docx --post 1 --comments
  dotsdesk export study.dots post.html --post 1 --placeholders
"""
    )


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "draft",
        help=_("start a post from the codes"),
        description=_(
            "Create a draft post: an opening to write, the series line, a consent note "
            "worded from the consents used, a profile of the sample from its attributes, then one "
            "section per child code of CODE_PATH with the share of respondents coded with it and "
            "a quote of each of its segments whose respondent's consent allows it, and sections "
            "for links and final thoughts. The respondents it is drafted from (all, or those of "
            "--population-from) are saved with it as its population: its figures are computed "
            "over them, so a later import does not change them. Prints the new post's id, its "
            "population and the quotes it skipped."
        ),
        epilog=epilog(),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("file", type=project_location, metavar="FILE.dots")
    p.add_argument("--title", required=True, metavar="TEXT")
    p.add_argument("--series", metavar="TEXT", help=_("the series the post belongs to"))
    p.add_argument("--number", type=int, metavar="N", help=_("the post's number in the series"))
    p.add_argument("--toc-url", metavar="URL", help=_("the series' table of contents"))
    p.add_argument(
        "--sections-from",
        required=True,
        metavar="CODE_PATH",
        help=_("a parent code, e.g. Role: one section per child code"),
    )
    p.add_argument(
        "--language", default="en", metavar="CODE", help=_("the post's language (default en)")
    )
    p.add_argument(
        "--population-from",
        action="append",
        metavar="FILE",
        help=_(
            "draft from the respondents of this imported file only (its name, e.g. "
            "survey2.csv; repeat for several); default: every respondent"
        ),
    )
    p.add_argument(
        "--population-name",
        metavar="TEXT",
        help=_(
            'what to call the population beside each figure (default e.g. "the 30 '
            'respondents of survey.csv")'
        ),
    )
    p.set_defaults(run=draft)


def add_export_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--post", type=int, metavar="N", help=_("the post to write as .docx/.md/.html"))
    p.add_argument(
        "--comments",
        action="store_true",
        help=_(
            "for .docx: a Word comment on each quote saying where it comes from "
            "(respondent label, response, codes, consent; never names)"
        ),
    )
    p.add_argument(
        "--placeholders",
        action="store_true",
        help=_("write quotes the consent gate blocks as visible placeholders instead of refusing"),
    )
    p.add_argument(
        "--accept-figures",
        action="store_true",
        help=_(
            "write figures that changed since the post was last exported or its figures "
            "accepted, instead of refusing (the changes are still listed)"
        ),
    )


def draft(args: argparse.Namespace) -> int:
    from ..services.composer.drafting import draft_post

    with Project.open(args.file) as project, project.write() as s:
        report = draft_post(
            s,
            args.title,
            args.sections_from,
            series=args.series,
            number=args.number,
            toc_url=args.toc_url,
            language=args.language,
            sources=args.population_from,
            population_name=args.population_name,
        )
    print(
        f"created post {report.post_id}: {len(report.sections)} section(s) from "
        f"{args.sections_from} ({', '.join(report.sections)}), {report.quotes} quote(s)"
    )
    print(f"figures are computed over {report.population}")
    if report.skipped:
        print(f"skipped {len(report.skipped)} quote(s) the consent gate does not allow:")
        for item in report.skipped:
            print(f"  {item.section}: segment {item.segment_id}: {item.message}")
    return 0


def export_post(args: argparse.Namespace) -> int:
    """`dotsdesk export FILE.dots OUT.docx|.md|.html --post N`; records the figures written
    (when the project is not open for writing elsewhere)."""
    from ..services.composer.figures import FiguresChanged
    from ..services.consent.gate import QuotesBlocked

    out: Path = args.out
    suffix = out.suffix.lower()
    if args.post is None:
        raise DotsError(
            out, f"which post? add --post N to write a {suffix} file (segments export as .xlsx)"
        )
    if args.consent:
        raise DotsError(out, "--consent writes the register as .xlsx, not a post")
    if args.comments and suffix != ".docx":
        raise DotsError(out, "--comments is for Word (.docx) exports")
    try:  # writable, to record the figures exported; else read-only, as before
        project = Project.open(args.file)
    except ProjectLocked:
        project = Project.open(args.file, readonly=True)
    from ..exporters.post import export_post as write_post  # python-docx: only here

    with project:
        with project.read() as s:
            try:
                tree = write_post(
                    s,
                    args.post,
                    out,
                    comments=args.comments,
                    placeholders=args.placeholders,
                    accept_figures=args.accept_figures,
                )
            except QuotesBlocked as exc:
                for decision in exc.decisions:
                    print(f"  blocked: {decision.message}", file=sys.stderr)
                raise
            except FiguresChanged as exc:
                for change in exc.changes:
                    print(f"  changed: {change}", file=sys.stderr)
                raise
        recorded = _record_exported(project, tree)
    placeholders = sum(1 for q in tree.quotes() if q.blocked)
    quotes = sum(1 for q in tree.quotes() if not q.blocked)
    extra = f", {placeholders} placeholder(s) for blocked quotes" if placeholders else ""
    print(f"wrote {out}: post {tree.post_id} “{tree.title}”, {quotes} quote(s){extra}")
    if tree.population:
        print(f"figures are computed over {tree.population}")
    for issue in tree.issues:
        if issue.figure_changed:
            print(f"  changed (accepted): {issue.message}", file=sys.stderr)
        elif not issue.blocking:
            print(f"  warning: {issue.message}", file=sys.stderr)
    if not recorded:
        print(
            "  note: the figures were not recorded as exported: the project is open for "
            "writing elsewhere",
            file=sys.stderr,
        )
    return 0


def _record_exported(project: Project, tree: RenderedPost) -> bool:
    """The figures just written become the post's baseline; False when the project was
    opened read-only (it is open for writing in the app)."""
    from ..model import BaselineKind
    from ..services.composer.figures import record_figures

    try:
        with project.write() as s:
            record_figures(s, tree, BaselineKind.EXPORTED)
    except DotsError:
        return False
    return True
