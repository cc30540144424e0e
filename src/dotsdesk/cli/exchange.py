"""`dotsdesk export study.dots out.qdpx|out.qdc [--with-identity]`: REFI-QDA exchange files.

The project's GUID namespace is made on the first such export (one small write, so the
project must not be open for writing elsewhere that one time); every later export reads it
and gives the same GUIDs, while the project may stay open in the app.
"""

from __future__ import annotations

import argparse
import uuid
from pathlib import Path

from ..errors import DotsError, ProjectLocked
from ..store import Project
from .messages import _

REFI_SUFFIXES = (".qdpx", ".qdc")


def add_export_options(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--with-identity",
        action="store_true",
        help=_(
            "for OUT.qdpx (a REFI-QDA project for NVivo, ATLAS.ti, MAXQDA, QualCoder): also "
            "write respondents' private identity (names, contacts) as case variables; without it "
            "respondents appear by their labels only"
        ),
    )


def wants_exchange(args: argparse.Namespace) -> bool:
    return Path(args.out).suffix.lower() in REFI_SUFFIXES


def _namespace(path: Path) -> uuid.UUID:
    from ..services.exchange_ids import ensure_exchange_namespace, exchange_namespace

    with Project.open(path, readonly=True) as project, project.read() as s:
        found = exchange_namespace(s)
    if found is not None:
        return found
    try:
        with Project.open(path) as project, project.write() as s:
            return ensure_exchange_namespace(s)
    except ProjectLocked:
        raise DotsError(
            path,
            "is open for writing elsewhere and has never been exported to REFI-QDA; the "
            "first export records the project's GUIDs, so export it once from the app "
            "(File > Export to REFI-QDA…) or close it there first",
        ) from None


def export_exchange(args: argparse.Namespace) -> int:
    from ..exporters.refi import export_refi

    out: Path = args.out
    if getattr(args, "post", None) is not None or getattr(args, "consent", False):
        raise DotsError(out, "--post and --consent write other files; leave them out for .qdpx")
    if args.with_identity and out.suffix.lower() == ".qdc":
        raise DotsError(out, "a codebook holds no respondents: --with-identity is for .qdpx")
    namespace = _namespace(args.file)
    with Project.open(args.file, readonly=True) as project, project.read() as s:
        result = export_refi(
            s,
            out,
            namespace,
            name=project.path.stem,
            with_identity=args.with_identity,
        )
    print(result.summary())
    return 0
