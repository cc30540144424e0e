"""REFI-QDA exchange files for NVivo, ATLAS.ti, MAXQDA, QualCoder and Taguette.

`.qdc` is the codebook alone; `.qdpx` the whole project (codebook, coders, respondents as
cases with their attributes, responses as text sources, segments as coded selections,
memos as notes). Reading the project (read.py), mapping it to the standard's terms
(mapping.py) and writing XML and the archive (codebook.py, project.py, package.py) are
apart, each testable alone.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.orm import Session

from ...errors import DotsError
from .codebook import count_codes, export_codebook
from .mapping import map_project
from .package import write_qdpx
from .read import read_project

REFI_SUFFIXES = (".qdpx", ".qdc")

__all__ = ["REFI_SUFFIXES", "RefiExport", "export_refi"]


@dataclass(frozen=True)
class RefiExport:
    path: Path
    codes: int
    users: int = 0
    cases: int = 0
    sources: int = 0
    selections: int = 0
    notes: int = 0
    with_identity: bool = False
    sets: int = 0

    def summary(self) -> str:
        if self.path.suffix.lower() == ".qdc":
            return f"wrote {self.path}: a REFI-QDA codebook of {self.codes} code(s)"
        identity = (
            "it HOLDS PRIVATE IDENTITY (names, contacts) as case variables: keep it within "
            "the research team"
            if self.with_identity
            else "respondents appear by their labels only, no private identity"
        )
        return (
            f"wrote {self.path}: a REFI-QDA project with {self.codes} code(s), "
            f"{self.users} coder(s), {self.cases} case(s), {self.sources} text source(s), "
            f"{self.selections} coded selection(s), {self.notes} memo(s)"
            + (f", {self.sets} set(s) from the posts' populations" if self.sets else "")
            + f"; {identity}"
        )


def export_refi(
    session: Session,
    target: Path,
    namespace: uuid.UUID,
    *,
    name: str,
    with_identity: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> RefiExport:
    """Write `target` (.qdpx or .qdc); all or nothing. `namespace` is the project's, from
    services.exchange_ids, so that GUIDs are the same at every export."""
    suffix = target.suffix.lower()
    if suffix == ".qdc":
        if with_identity:
            raise DotsError(target, "a codebook holds no respondents: --with-identity is for .qdpx")
        return RefiExport(target, export_codebook(session, target, namespace))
    if suffix != ".qdpx":
        raise DotsError(target, "REFI-QDA files end in .qdpx (a project) or .qdc (a codebook)")
    project = map_project(namespace, read_project(session, with_identity=with_identity), name)
    write_qdpx(target, project, progress)
    return RefiExport(
        target,
        count_codes(project.codes),
        len(project.users),
        len(project.cases),
        len(project.sources),
        project.selections,
        len(project.notes),
        project.with_identity,
        len(project.sets),
    )
