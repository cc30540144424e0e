"""`dotsdesk copy` and `dotsdesk backup list|restore`: whole copies of a project, and the
backups dotsdesk takes by itself as you work (store/backups.py)."""

from __future__ import annotations

import argparse
from datetime import datetime, time
from pathlib import Path

from ..errors import DotsError
from ..store import SUFFIX
from .messages import _

TIME_FORMATS = "2026-12-06 14:30, 2026-12-06T14:30:05, 20261206-143005, 2026-12-06 or 14:30"


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "copy",
        help=_("write a whole copy of a project, even while it is open"),
        description=_(
            "Write COPY.dots: one self-contained file holding FILE.dots as it is, "
            "with everything saved so far, even while the project is open in the app or "
            "another command is writing to it. This is the file to copy or mail."
        ),
    )
    p.add_argument("file", type=Path, metavar="FILE.dots")
    p.add_argument("copy", type=Path, metavar="COPY.dots")
    p.set_defaults(run=copy)

    p = sub.add_parser(
        "backup",
        help=_("list or restore the backups dotsdesk takes by itself"),
        description=_(
            "dotsdesk backs a project up by itself, in your data folder: when it is "
            "opened for writing, every 10 minutes while you work, and before an upgrade, a "
            "codebook merge or a REFI-QDA import; it keeps the last 10 and one a day for 14 "
            "days. Backups made beside the project (before an upgrade, a reset, a merge) are "
            "listed too."
        ),
    )
    actions = p.add_subparsers(title=_("actions"), metavar="ACTION", required=True)
    a = actions.add_parser(
        "list",
        help=_("one line per backup: when, why, what it holds"),
        description=_(
            "One line per backup of FILE.dots, newest first: when it was taken, "
            "why, and its respondents, segments and posts (read from the backup itself)."
        ),
    )
    a.add_argument("file", type=Path, metavar="FILE.dots")
    a.set_defaults(run=list_backups)
    a = actions.add_parser(
        "restore",
        help=_("write a backup to a new file, or put it in place of the project"),
        description=_(
            "Write the newest backup of FILE.dots (or the newest taken at or before "
            "--at TIME) to a new file with --to, or put it in place of FILE.dots with --over "
            "(only while the project is not open for writing anywhere; the project as it was "
            "is backed up first, or kept beside it when it is damaged)."
        ),
    )
    a.add_argument("file", type=Path, metavar="FILE.dots")
    a.add_argument("--at", metavar="TIME", help=f"e.g. {TIME_FORMATS}")
    where = a.add_mutually_exclusive_group(required=True)
    where.add_argument("--to", type=Path, metavar="COPY.dots", help=_("a new file to write"))
    where.add_argument("--over", action="store_true", help=_("replace FILE.dots itself"))
    a.set_defaults(run=restore)


def copy(args: argparse.Namespace) -> int:
    from ..store import Project
    from ..store.backups import read_counts

    source: Path = args.file
    target = _with_suffix(args.copy)
    _refuse_existing(target, source)
    # Read as every reader reads: checked, and by the writer's name if it is open.
    with Project.open(source, readonly=True) as project:
        project.save_copy(target)
    counts = read_counts(target)
    print(f"wrote {target}: a whole copy of {source}" + (f" ({counts})" if counts else ""))
    return 0


def list_backups(args: argparse.Namespace) -> int:
    from ..store.backups import folder_for
    from ..store.backups import list_backups as found

    backups = found(args.file)
    if not backups:
        print(
            f"{args.file} has no backups yet; they are taken when it is opened for writing, "
            f"into {folder_for(args.file)}"
        )
        return 0
    width = max(len(b.label) for b in backups)
    for backup in backups:
        counts = backup.counts()
        print(
            f"{backup.taken:%Y-%m-%d %H:%M:%S}  {backup.label:<{width}}  "
            + (str(counts) if counts is not None else "cannot be read (damaged)")
        )
    return 0


def restore(args: argparse.Namespace) -> int:
    from ..store.restore import pick, restore_over, restore_to

    at = parse_time(args.at) if args.at else None
    backup = pick(args.file, at)
    when = f"{backup.taken:%Y-%m-%d %H:%M:%S}"
    if args.over:
        kept = restore_over(backup, args.file)
        print(f"restored the backup from {when} over {args.file}")
        if kept is not None:
            print(f"the project as it was is kept as {kept}")
        return 0
    target = _with_suffix(args.to)
    _refuse_existing(target, args.file)
    restore_to(backup, target)
    counts = backup.counts()
    print(f"wrote {target}: the backup from {when}" + (f" ({counts})" if counts else ""))
    return 0


def parse_time(text: str) -> datetime:
    """The end of what `text` names: a day means its last second, a minute its 59th."""
    text = text.strip()
    for fmt in ("%Y%m%d-%H%M%S", "%H:%M", "%H:%M:%S"):
        try:
            parsed = datetime.strptime(text, fmt)
        except ValueError:
            continue
        if fmt.startswith("%H"):
            parsed = datetime.combine(datetime.now().date(), parsed.time())
        return parsed.replace(second=59) if fmt == "%H:%M" else parsed
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        raise DotsError(None, f"--at {text!r} is not a time like {TIME_FORMATS}") from None
    if len(text) == 10:  # a day
        return datetime.combine(parsed.date(), time(23, 59, 59))
    if len(text) in (16,):  # down to the minute
        return parsed.replace(second=59)
    return parsed


def _with_suffix(path: Path) -> Path:
    return path if path.suffix == SUFFIX else path.with_name(path.name + SUFFIX)


def _refuse_existing(target: Path, project: Path) -> None:
    if target.exists():
        if project.exists() and target.resolve() == project.resolve():
            raise DotsError(target, "is the project itself; choose a new file")
        raise DotsError(target, "already exists; choose a new name (nothing was overwritten)")
    if not target.parent.is_dir():
        raise DotsError(target, f"the folder {target.parent} does not exist")
