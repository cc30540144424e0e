"""`dotsdesk merge study.dots colleague.dots`: bring a second coder's work in.

The colleague's file is only read. The merge is one transaction; when it changes something,
a backup of the project as it was is taken before it commits (with the project's rolling
backups); a merge that finds nothing new changes nothing and takes no backup.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from ..errors import DotsError
from ..store import Project
from .locations import project_location
from .messages import _


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "merge",
        help=_("bring in a colleague's segments and memos from their copy"),
        description=_(
            "Bring the segments and memos of COLLEAGUE.dots (a copy of this project "
            "another coder worked in) into FILE.dots. Responses are matched by their exact text "
            "(and, for a text several people gave, by respondent and question); codes by their "
            "path, the missing ones created with their colour. Each segment keeps its coder. "
            "Running it again adds nothing twice. Responses whose coding found no place here are "
            "listed with the reason. FILE.dots is backed up first (with its rolling backups, see "
            "'dotsdesk backup list'); COLLEAGUE.dots is not changed. FILE may be a team's "
            "postgresql:// project."
        ),
    )
    p.add_argument("file", type=project_location, metavar="FILE.dots")
    p.add_argument("colleague", type=Path, metavar="COLLEAGUE.dots")
    p.add_argument(
        "--dry-run", action="store_true", help=_("say what would come in, change nothing")
    )
    p.set_defaults(run=merge)


class _Rollback(Exception):
    """Raised inside the transaction to leave the project as it was."""


def merge(args: argparse.Namespace) -> int:
    from ..services.coding.colleague import read_copy
    from ..services.coding.merge import MergeReport, merge_copy

    target, source = args.file, Path(args.colleague)
    same = isinstance(target, Path) and target.exists() and source.exists()
    if same and target.resolve() == source.resolve():
        raise DotsError(source, "is the project itself; choose the colleague's copy")
    with Project.open(source, readonly=True) as theirs, theirs.read() as s:
        copy = read_copy(s)
    backup: Path | None = None
    report: MergeReport | None = None
    with Project.open(target) as project:
        try:
            with project.write() as s:
                report = merge_copy(s, copy)
                if args.dry_run or not report.changed:
                    raise _Rollback
                # Before the commit: the backup reads the project as it was (a reader does
                # not see this transaction). A file's backups are kept with its rolling
                # backups; a server keeps its own.
                s.flush()
                backup = project.backups.take_now("merge") if project.backups else None
        except _Rollback:
            pass
    assert report is not None
    name = target.name if isinstance(target, Path) else str(target)
    if args.dry_run:
        print(f"dry run: nothing was changed; merging {source.name} would bring:")
    elif not report.changed:
        print(f"{name} already holds everything in {source.name}; nothing was changed")
    else:
        print(f"merged {source.name} into {name}")
    for line in report.lines():
        print(f"  {line}")
    if backup is not None:
        print(f"the project as it was before is kept as {backup}")
    return 0
