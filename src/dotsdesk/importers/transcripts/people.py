"""The respondents of a transcript: found again on re-import, or new under a pseudonymous
label ("Interviewee 3"). Whatever names someone — `--respondent`, a speaker's name, the file
name — goes to their private identity, never into the label or the key (the key is printed
by `consent list`)."""

from __future__ import annotations

import re

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from ...model import Identity, Respondent, Response, Turn, TurnRole
from ...services.corpus import respondents as respondent_service

LABEL = "Interviewee"
_NUMBERED = re.compile(rf"^{LABEL} (\d+)$")


def find_named(session: Session, name: str) -> Respondent | None:
    """The respondent `--respondent` names: by id, label, or the name in their identity."""
    name = name.strip()
    found = session.scalar(
        select(Respondent).where(or_(Respondent.key == name, Respondent.label == name)).limit(1)
    )
    if found is None:
        found = session.scalar(
            select(Respondent)
            .join(Identity, Identity.respondent_id == Respondent.id)
            .where(Identity.name == name)
            .order_by(Respondent.id)
            .limit(1)
        )
    return found


def next_interviewee_label(session: Session) -> str:
    used = session.scalars(
        select(Respondent.label).where(Respondent.label.like(f"{LABEL} %"))
    ).all()
    keys = session.scalars(select(Respondent.key).where(Respondent.key.like(f"{LABEL} %"))).all()
    numbers = [int(m[1]) for v in (*used, *keys) if (m := _NUMBERED.match(v))]
    return f"{LABEL} {max(numbers, default=0) + 1}"


def new_interviewee(session: Session, name: str | None, file_name: str) -> Respondent:
    label = next_interviewee_label(session)
    identity = {"name": name, "other": f"transcript file: {file_name}"}
    return respondent_service.add_respondent(session, label, label=label, identity=identity)


def responses_by_speaker(session: Session, file_name: str) -> dict[str | None, Response]:
    """The responses an earlier import of a file of this name made, by the speaker whose
    words each one is (None: a transcript without speakers)."""
    found: dict[str | None, Response] = {}
    earlier = session.scalars(
        select(Response)
        .where(Response.source == file_name, Response.channel == "transcript")
        .order_by(Response.id)
    ).all()
    for response in earlier:
        speaker = session.scalar(
            select(Turn.speaker)
            .where(
                Turn.response_id == response.id,
                Turn.role == TurnRole.RESPONDENT,
                Turn.respondent_id == response.respondent_id,
            )
            .limit(1)
        )
        found.setdefault(speaker, response)
    return found
