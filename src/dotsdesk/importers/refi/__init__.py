"""REFI-QDA projects (.qdpx) and codebooks (.qdc) from NVivo, ATLAS.ti, MAXQDA, QualCoder,
Taguette and dotsdesk itself, read as the vendors actually write them.

archive.py opens the zip (with limits against bombs and escaping paths), xmlread.py parses
the XML (defused) into parsed.py's plain classes, sources.py finds each text, positions.py
decides how its selection positions count, and codes.py, people.py and writer.py put it all
into the project through the services. Everything happens in the caller's transaction.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from sqlalchemy.orm import Session

from ...errors import InputError
from .archive import open_archive
from .codes import import_codes
from .report import RefiReport
from .writer import ProjectImport
from .xmlread import read_refi_xml

REFI_SUFFIXES = frozenset({".qdpx", ".qdc"})

__all__ = ["REFI_SUFFIXES", "RefiReport", "import_refi", "refi_report"]


def refi_report(path: Path) -> RefiReport:
    kind = "REFI-QDA codebook" if path.suffix.lower() == ".qdc" else "REFI-QDA project"
    return RefiReport(path=path, kind=kind)


def import_refi(
    session: Session,
    path: Path,
    data: bytes,
    report: RefiReport,
    progress: Callable[[int, int], None] | None = None,
) -> None:
    if path.suffix.lower() == ".qdc":
        if data.startswith(b"PK\x03\x04"):
            raise InputError(path, "this is a zip archive, a whole project: rename it to .qdpx")
        parsed = read_refi_xml(path, data, "the codebook")
        report.origin = parsed.origin
        import_codes(session, parsed.codes, {}, report)
        if not parsed.codes:
            report.notes.append("the codebook holds no codes")
        for what, n in parsed.skipped.items():
            report.skipped[what] += n
        return
    archive = open_archive(path, data)
    try:
        parsed = read_refi_xml(path, archive.project_xml(), archive.project_name)
        if parsed.kind != "project":
            raise InputError(path, f"{archive.project_name} holds a codebook, not a project")
        report.origin = parsed.origin
        if not parsed.sources:
            report.notes.append("the project has no sources: its codebook and cases only")
        ProjectImport(session, path, parsed, archive, report, progress).run()
    finally:
        archive.close()
