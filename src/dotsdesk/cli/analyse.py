"""`dotsdesk analyse`: code frequencies, crosstabs, co-occurrence, words, coder agreement.

Each prints a table a person can read, or with --json a list of records with named fields
(one per row or cell) for scripts. Respondents appear by pseudonymous label only.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from pathlib import Path

from sqlalchemy.orm import Session

from ..errors import DotsError
from ..services.analysis.population import ALL, Population
from ..store import Project
from .locations import project_location
from .messages import _

KINDS = ("frequencies", "crosstab", "cooccurrence", "words", "agreement")
UNITS = ("overlap", "response", "respondent")


def epilog() -> str:
    return _(
        """examples:
  dotsdesk analyse study.dots frequencies
  dotsdesk analyse study.dots crosstab --by "Company size" --codes Role
  dotsdesk analyse study.dots cooccurrence --unit respondent --json
  dotsdesk analyse study.dots words --code Role/Hybrid --top 30
  dotsdesk analyse study.dots words --word production
  dotsdesk analyse study.dots agreement --coders ann,bob --disagreements
  dotsdesk analyse study.dots frequencies --where "Company size=small company" --consent granted
"""
    )


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "analyse",
        aliases=["analyze"],
        help=_("frequencies, crosstabs, co-occurrence, words, coder agreement"),
        description=_(
            "Count before writing. frequencies: segments, responses and respondents "
            "per code (with and without sub-codes; percent of the respondents counted). "
            "crosstab --by ATTRIBUTE: respondents per code and attribute value, with percentages "
            "of the row, the column and the total and every base (n). cooccurrence: code pairs "
            "by overlapping segments, the same response or the same respondent, counts and "
            "Jaccard. words: the most frequent words (Chinese cut with jieba), or with --word "
            "each place a word is used. agreement --coders A,B: Cohen's kappa, Krippendorff's "
            "alpha and percent agreement per code over characters and responses. The "
            "interviewer's turns in transcripts are never counted as a respondent's words."
        ),
        epilog=epilog(),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("file", type=project_location, metavar="FILE.dots")
    p.add_argument("kind", choices=KINDS, metavar="|".join(KINDS))
    p.add_argument("--json", action="store_true", help=_("a list of records, for scripts"))
    p.add_argument("--by", metavar="ATTRIBUTE", help=_("crosstab: the attribute of the columns"))
    p.add_argument(
        "--percent",
        choices=("column", "row", "total"),
        default="column",
        help=_("crosstab: the percentage shown beside each count (default: of the column)"),
    )
    p.add_argument(
        "--codes",
        action="append",
        default=[],
        metavar="PATH",
        help=_(
            "only this code and those under it (repeat for several); for crosstab and cooccurrence"
        ),
    )
    p.add_argument(
        "--no-subcodes",
        action="store_true",
        help=_("crosstab and words: a code counts only its own segments, not its sub-codes'"),
    )
    p.add_argument(
        "--unit",
        choices=UNITS,
        default="overlap",
        help=_("cooccurrence: what counts as together (default: overlapping segments)"),
    )
    p.add_argument(
        "--code",
        action="append",
        default=[],
        metavar="PATH",
        help=_("words: only the segments coded with it (and its sub-codes)"),
    )
    p.add_argument(
        "--top", type=int, default=50, metavar="N", help=_("words: how many (default 50)")
    )
    p.add_argument("--word", metavar="WORD", help=_("words: every place WORD is used, in context"))
    p.add_argument(
        "--dictionary",
        type=Path,
        metavar="FILE",
        help=_("words: extra terms for cutting Chinese, one a line (besides the project's own)"),
    )
    p.add_argument("--coders", metavar="A,B", help=_("agreement: the two coders to compare"))
    p.add_argument(
        "--disagreements",
        action="store_true",
        help=_("agreement: list the stretches one coder coded and the other did not"),
    )
    add_population_options(p)
    p.set_defaults(run=analyse)


def add_population_options(p: argparse.ArgumentParser, consent: str = "--consent") -> None:
    p.add_argument(
        "--where",
        action="append",
        default=[],
        metavar="ATTRIBUTE=VALUE",
        help=_(
            "only respondents with this value (repeat: values of one attribute are "
            "alternatives, different attributes all apply)"
        ),
    )
    p.add_argument(
        "--has-code",
        action="append",
        default=[],
        metavar="PATH",
        help=_("only responses coded with this code (or one under it)"),
    )
    p.add_argument(
        consent,
        dest="consent_status",
        action="append",
        default=[],
        metavar="STATUS",
        help=_("only respondents whose consent is STATUS (granted, pending, ...)"),
    )


def population(session: Session, args: argparse.Namespace) -> Population:
    """The browser's filter from --where, --has-code and --consent, as response ids."""
    if not (args.where or args.has_code or args.consent_status):
        return ALL
    from ..services.browser.query import matching_ids
    from ..services.browser.query_types import BrowseQuery
    from ..services.coding.codebook import find_code
    from ..services.consent.events import ConsentStatus

    values: dict[str, set[str]] = {}
    for item in args.where:
        name, sep, value = item.partition("=")
        if not sep or not name.strip():
            raise DotsError(None, f"--where {item!r} is not ATTRIBUTE=VALUE")
        values.setdefault(name.strip(), set()).add(value.strip())
    try:
        statuses = frozenset(ConsentStatus(s) for s in args.consent_status)
    except ValueError:
        known = ", ".join(s.value for s in ConsentStatus)
        raise DotsError(None, f"--consent takes one of: {known}") from None
    query = BrowseQuery(
        attributes={k: frozenset(v) for k, v in values.items()},
        has_codes=frozenset(find_code(session, p).id for p in args.has_code),
        consent=statuses,
    )
    parts = [*args.where, *(f"coded {p}" for p in args.has_code)]
    parts += [f"consent {s}" for s in args.consent_status]
    return Population.of(matching_ids(session, query), "respondents with " + ", ".join(parts))


def code_ids(session: Session, paths: Sequence[str]) -> list[int] | None:
    from ..services.coding.codebook import find_code

    return [find_code(session, p).id for p in paths] if paths else None


def analyse(args: argparse.Namespace) -> int:
    from . import analyses

    with Project.open(args.file, readonly=True) as project, project.read() as s:
        who = population(s, args)
        records, text = getattr(analyses, args.kind)(s, args, who)
    if args.json:
        print(json.dumps(records, ensure_ascii=False, indent=2))
    else:
        if not who.everything:
            print(f"Population: {who.description} ({len(who.response_ids or ())} responses)")
        print(text)
    return 0
