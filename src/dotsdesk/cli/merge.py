"""`dotsdesk merge study.dots colleague.dots`: bring a second coder's work in.

The colleague's file is only read. The project is backed up first and the merge is one
transaction; a merge that finds nothing new changes nothing and keeps no backup.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from ..errors import DotsError
from ..store import Project
from ..store.backup import make_backup


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "merge",
        help="bring in a colleague's segments and memos from their copy",
        description="Bring the segments and memos of COLLEAGUE.dots (a copy of this project "
        "another coder worked in) into FILE.dots. Responses are matched by their exact text "
        "(and, for a text several people gave, by respondent and question); codes by their "
        "path, the missing ones created with their colour. Each segment keeps its coder. "
        "Running it again adds nothing twice. Responses whose coding found no place here are "
        "listed with the reason. FILE.dots is backed up first; COLLEAGUE.dots is not changed.",
    )
    p.add_argument("file", type=Path, metavar="FILE.dots")
    p.add_argument("colleague", type=Path, metavar="COLLEAGUE.dots")
    p.add_argument("--dry-run", action="store_true", help="say what would come in, change nothing")
    p.set_defaults(run=merge)


class _Rollback(Exception):
    """Raised inside the transaction to leave the project as it was."""


def merge(args: argparse.Namespace) -> int:
    from ..services.coding.colleague import read_copy
    from ..services.coding.merge import MergeReport, merge_copy

    target, source = Path(args.file), Path(args.colleague)
    if target.exists() and source.exists() and target.resolve() == source.resolve():
        raise DotsError(source, "is the project itself; choose the colleague's copy")
    with Project.open(source, readonly=True) as theirs, theirs.read() as s:
        copy = read_copy(s)
    with Project.open(target) as project:
        backup = None if args.dry_run else make_backup(project.path, "merge")
        report: MergeReport | None = None
        try:
            with project.write() as s:
                report = merge_copy(s, copy)
                if args.dry_run or not report.changed:
                    raise _Rollback
        except _Rollback:
            if backup is not None:
                backup.unlink(missing_ok=True)  # identical to the project: nothing to keep
                backup = None
    assert report is not None
    if args.dry_run:
        print(f"dry run: nothing was changed; merging {source.name} would bring:")
    elif not report.changed:
        print(f"{target.name} already holds everything in {source.name}; nothing was changed")
    else:
        print(f"merged {source.name} into {target.name}")
    for line in report.lines():
        print(f"  {line}")
    if backup is not None:
        print(f"the project as it was before is kept as {backup}")
    return 0
