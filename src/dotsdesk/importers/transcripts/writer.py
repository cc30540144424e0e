"""A transcript or a pasted text (DOCX, TXT, Markdown) becomes one response."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from ...errors import InputError
from ...model import Respondent, Response
from ...services.corpus import respondents as respondent_service
from ...services.corpus.responses import add_response, replace_text
from ..report import ImportOptions, ImportReport
from .documents import read_document


def import_transcript(
    session: Session, path: Path, options: ImportOptions, report: ImportReport
) -> None:
    document = read_document(path, encoding=options.encoding)
    report.encoding = document.encoding
    text = document.text
    if not text.strip():
        raise InputError(path, "the document has no text")
    key = (options.respondent or path.stem).strip()
    respondent = session.scalar(select(Respondent).where(Respondent.key == key))
    if respondent is None:
        respondent = respondent_service.add_respondent(session, key)
        report.respondents_added += 1
        report.notes.append(f"new respondent {respondent.label!r}")
    found = session.scalar(
        select(Response).where(
            Response.respondent_id == respondent.id, Response.source == path.name
        )
    )
    if found is None:
        add_response(
            session,
            respondent.id,
            document.text,
            question=document.title,
            source=path.name,
            channel="transcript",
        )
        report.responses_added += 1
        return
    change = replace_text(session, found, text)
    if change.changed:
        report.responses_updated += 1
        report.respondents_updated += 1
        report.segments_moved += change.segments_moved
        report.segments_dropped += change.segments_dropped
    else:
        report.responses_unchanged += 1
