"""Bringing files into a project: survey tables, transcripts, REFI-QDA projects and codebooks.

`import_file` runs inside the caller's transaction, so a failure (or a cancel raised from
the progress callback) leaves the project exactly as it was.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..errors import DotsError, InputError
from ..model import ImportRecord
from .files import MAX_FILE_BYTES, read_file_bytes
from .report import ImportOptions, ImportReport, Progress
from .transcripts.roles import TranscriptOptions
from .transcripts.suffixes import TRANSCRIPT_SUFFIXES

TABLE_SUFFIXES = frozenset({".csv", ".tsv", ".xlsx", ".xlsm", ".xls", ".ods"})
DOCUMENT_SUFFIXES = TRANSCRIPT_SUFFIXES  # .docx .txt .md .rtf, and subtitles .vtt .srt
REFI_SUFFIXES = frozenset({".qdpx", ".qdc"})  # other QDA tools' projects and codebooks
REFI_FILE_BYTES = 10**9

__all__ = ["ImportOptions", "ImportReport", "TranscriptOptions", "import_file"]


def import_file(
    session: Session,
    path: Path,
    options: ImportOptions | None = None,
    progress: Progress | None = None,
    transcript: TranscriptOptions | None = None,
) -> ImportReport:
    options = options or ImportOptions()
    suffix = path.suffix.lower()
    if suffix in TABLE_SUFFIXES:
        kind = "survey"
    elif suffix in DOCUMENT_SUFFIXES:
        kind = "transcript"
    elif suffix in REFI_SUFFIXES:
        kind = "refi"
    elif suffix == ".doc":
        raise InputError(path, f"the old {suffix} format is not supported; save it as {suffix}x")
    else:
        raise InputError(
            path,
            f"cannot import {suffix or 'files without an extension'}: "
            "use .csv, .tsv, .xlsx, .xls, .ods, .docx, .txt, .md, .rtf, .vtt, .srt, "
            ".qdpx or .qdc",
        )
    # A REFI-QDA project may carry its sources' PDFs and pictures: it may be bigger.
    data = read_file_bytes(path, REFI_FILE_BYTES if kind == "refi" else MAX_FILE_BYTES)
    digest = _digest(data, options, transcript)
    if kind == "refi":
        from .refi import refi_report

        report = refi_report(path)
        kind = "codebook" if suffix == ".qdc" else "project"
    else:
        report = ImportReport(path=path, kind=kind)
    before = session.scalar(select(ImportRecord).where(ImportRecord.digest == digest).limit(1))
    if before is not None:
        report.already_imported = before.imported.strftime("%Y-%m-%d %H:%M")
        return report
    try:
        if kind == "survey":
            from .surveys.writer import import_survey

            import_survey(session, path, options, report, progress, data)
        elif kind == "transcript":
            from .transcripts.writer import import_transcript

            import_transcript(session, path, options, report, transcript)
        else:
            from .refi import RefiReport, import_refi

            assert isinstance(report, RefiReport)
            import_refi(session, path, data, report, progress)
    except DotsError as exc:
        if exc.path is not None:
            raise
        # A service refusing what the file holds ("the text contains NUL characters"):
        # the user must learn which file.
        raise InputError(path, exc.problem) from None
    if kind in ("survey", "transcript") and report.changed:
        from ..services.corpus.sets import get_set, set_from_import

        made = set_from_import(session, path.name)  # every import is a population of its own
        if made is not None:
            report.notes.append(f"set {get_set(session, made).name!r} holds its respondents")
    session.add(
        ImportRecord(
            filename=path.name, digest=digest, kind=kind, summary="\n".join(report.lines())
        )
    )
    session.flush()
    return report


def _digest(data: bytes, options: ImportOptions, transcript: TranscriptOptions | None) -> str:
    """What makes an import the same as an earlier one: the same bytes read the same way.
    The same file imported again with other choices (columns, encoding, interviewer) is a
    new import that applies them; with the defaults the digest is the file's own, as before."""
    digest = hashlib.sha256(data)
    chosen = [repr(v) for v in (options, transcript) if v is not None and v != type(v)()]
    if chosen:
        digest.update(b"\0" + "\0".join(chosen).encode("utf-8"))
    return digest.hexdigest()
