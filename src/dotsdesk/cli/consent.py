"""`dotsdesk consent`: record, import and list consent from the command line.

Nothing here prints private identity: respondents appear by import id (or by label when the
id is itself an e-mail or phone number). The register export is the only exception, and the
file says so on its first sheet.
"""

from __future__ import annotations

import argparse
import json
import unicodedata
from datetime import date
from pathlib import Path

from ..errors import DotsError
from ..store import Project
from .locations import project_location
from .messages import _

STATUSES = ("pending", "granted", "declined", "withdrawn")
LEVELS = ("anonymous", "handle", "name")
LIST_STATUSES = ("none", "pending", "granted", "declined", "withdrawn", "expired")


def epilog() -> str:
    return _(
        """examples:
  dotsdesk consent study.dots set P14 --status granted --level handle --translation yes \\
      --date 2025-01-09 --channel "1point3acres DM"
  dotsdesk consent study.dots import consent.csv
  dotsdesk consent study.dots list --status none,pending
  dotsdesk export study.dots register.xlsx --consent
"""
    )


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "consent",
        help=_("record, import and list who agreed to be quoted"),
        description=_(
            "Consent is an append-only history of events per respondent; the latest "
            "decides. A grant says how people may be named (anonymous, by forum handle, by name) "
            "and whether a translation may be published. Output never shows names, contacts or "
            "handles; `dotsdesk export FILE.dots OUT.xlsx --consent` writes the private register."
        ),
        epilog=epilog(),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("file", type=project_location, metavar="FILE.dots")
    actions = p.add_subparsers(title=_("actions"), metavar="ACTION", dest="action", required=True)

    s = actions.add_parser(
        "set",
        help=_("record one consent event"),
        description=_(
            "Append one event for RESPONDENT (the id from the import, or the label): "
            "pending (you asked), granted, declined or withdrawn. A grant needs --level. "
            "Prints the respondent's consent afterwards."
        ),
    )
    s.add_argument("respondent", metavar="RESPONDENT")
    s.add_argument("--status", required=True, metavar="|".join(STATUSES))
    s.add_argument(
        "--level", metavar="|".join(LEVELS), help=_("for a grant: how they may be named")
    )
    s.add_argument(
        "--translation", metavar="yes|no", help=_("for a grant: may a translation be published")
    )
    s.add_argument("--date", metavar="YYYY-MM-DD", help=_("when it happened (default: today)"))
    s.add_argument("--expires", metavar="YYYY-MM-DD", help=_("for a grant: last day it holds"))
    s.add_argument("--channel", metavar="TEXT", help=_("e-mail, forum DM, WeChat, ..."))
    s.add_argument("--asked", metavar="TEXT", help=_("for pending: what you asked"))
    s.add_argument("--note", metavar="TEXT", help=_("anything worth keeping with the event"))
    s.set_defaults(run=set_)

    i = actions.add_parser(
        "import",
        help=_("import a consent table (.csv or .xlsx)"),
        description=_(
            "Import a table with columns respondent, status, level, translation, "
            "date, channel, note (and optionally expires); headers in any case, English or "
            "Chinese. One event per row, in order. Every row is checked first: one bad row and "
            "nothing is imported. Rows already recorded are skipped."
        ),
    )
    i.add_argument("table", type=Path, metavar="TABLE")
    i.add_argument("--sheet", metavar="NAME", help=_("for .xlsx: the sheet to read"))
    i.add_argument("--dry-run", action="store_true", help=_("check the table, change nothing"))
    i.set_defaults(run=import_)

    ls = actions.add_parser(
        "list",
        help=_("list every respondent's current consent"),
        description=_(
            "A table of respondents with status, level, translation, last event and "
            "days pending; no names, contacts or handles."
        ),
    )
    ls.add_argument("--json", action="store_true", help=_("a JSON list of objects, for scripts"))
    ls.add_argument(
        "--status",
        metavar="STATUS,...",
        help="only these: " + ", ".join(LIST_STATUSES) + " (none = never asked)",
    )
    ls.set_defaults(run=list_)


def _parse_date(value: str | None, option: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise DotsError(None, f"{option} {value!r} is not a date like 2025-01-31") from None


def _choice(value: str | None, allowed: tuple[str, ...], option: str) -> str | None:
    if value is None:
        return None
    word = value.strip().lower()
    if word not in allowed:
        raise DotsError(None, f"{option} {value!r}: choose {', '.join(allowed)}")
    return word


def _describe(status: str, level: str | None, translation: bool | None) -> str:
    if status != "granted":
        return status
    words = {"anonymous": "anonymous", "handle": "by handle", "name": "by name"}
    allowed = "translation allowed" if translation else "no translation"
    return f"granted, {words.get(level or '', level)}, {allowed}"


def set_(args: argparse.Namespace) -> int:
    from ..services.consent.events import current_consent, kind_for_status, record_event
    from ..services.corpus.respondents import find_respondent

    status = _choice(args.status, STATUSES, "--status")
    assert status is not None
    level = _choice(args.level, LEVELS, "--level")
    translation = _choice(args.translation, ("yes", "no"), "--translation")
    if translation is not None and status != "granted":
        raise DotsError(None, "--translation belongs to a grant (--status granted)")
    occurred = _parse_date(args.date, "--date") or date.today()
    expires = _parse_date(args.expires, "--expires")
    with Project.open(args.file) as project, project.write() as s:
        who = find_respondent(s, args.respondent)
        record_event(
            s,
            who.id,
            kind_for_status(status),
            occurred,
            level=level,
            translation_allowed=None if translation is None else translation == "yes",
            expires=expires,
            channel=args.channel,
            asked=args.asked,
            note=args.note,
        )
        now = current_consent(s, who.id)
        label = who.label
    level_now = now.level.value if now.level else None
    print(f"{label}: {_describe(now.status.value, level_now, now.translation_allowed)}")
    return 0


class _DryRun(Exception):
    """Raised inside the transaction to roll a dry run back."""


def import_(args: argparse.Namespace) -> int:
    from ..importers.consent_table import import_consent_table

    if not args.table.is_file():
        raise DotsError(args.table, "no such file")
    with Project.open(args.file) as project:
        try:
            with project.write() as s:
                report = import_consent_table(s, args.table, sheet=args.sheet)
                if args.dry_run:
                    raise _DryRun
        except _DryRun:
            pass
    print("\n".join(report.lines()))
    if args.dry_run:
        print("dry run: nothing was changed")
    return 0


def list_(args: argparse.Namespace) -> int:
    from ..services.consent.events import consent_rows

    wanted = None
    if args.status:
        wanted = {w.strip().lower() for w in args.status.split(",") if w.strip()}
        unknown = sorted(wanted - set(LIST_STATUSES))
        if unknown:
            raise DotsError(
                None, f"--status {', '.join(unknown)}: choose {', '.join(LIST_STATUSES)}"
            )
    with Project.open(args.file, readonly=True) as project, project.read() as s:
        rows = consent_rows(s)
    items = []
    for row in rows:
        c = row.consent
        if wanted is not None and c.status.value not in wanted:
            continue
        granted = c.level is not None
        items.append(
            {
                "respondent": row.respondent,
                "label": row.label,
                "status": c.status.value,
                "level": c.level.value if c.level else None,
                "translation": c.translation_allowed if granted else None,
                "scope": c.scope.value if granted else None,
                "expires": c.expires.isoformat() if c.expires else None,
                "since": c.since.isoformat() if c.since else None,
                "last_event": c.last_event.isoformat() if c.last_event else None,
                "days_pending": row.days_pending,
            }
        )
    if args.json:
        print(json.dumps(items, ensure_ascii=False, indent=2))
        return 0
    _print_table(items)
    return 0


def _print_table(items: list[dict[str, object]]) -> None:
    keys = ["respondent", "label", "status", "level", "translation", "last_event", "days_pending"]
    headers = [k.replace("_", " ").capitalize() for k in keys]

    def cell(value: object) -> str:
        if value is None:
            return "-"
        if isinstance(value, bool):
            return "yes" if value else "no"
        return str(value)

    table = [headers] + [[cell(item[k]) for k in keys] for item in items]
    widths = [max(_width(r[i]) for r in table) for i in range(len(headers))]
    for r in table:
        padded = (v + " " * (w - _width(v)) for v, w in zip(r, widths, strict=True))
        print("  ".join(padded).rstrip())
    print(f"{len(items)} respondent(s)")


def _width(text: str) -> int:
    """Columns a terminal gives `text`: Chinese characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def export_register(args: argparse.Namespace) -> int:
    """`dotsdesk export FILE.dots OUT.xlsx --consent`."""
    from ..exporters.xlsx.register import export_consent_register

    with Project.open(args.file, readonly=True) as project, project.read() as s:
        people = export_consent_register(s, args.out)
    print(
        f"wrote {args.out}: the consent register of {people} respondent(s) with history. "
        "It holds private identity (names, contacts, handles): do not share it."
    )
    return 0
