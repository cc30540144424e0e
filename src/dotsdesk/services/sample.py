"""The sample project: the respondents and answers behind the Connect the Dots No.4 post."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from ..errors import InvalidOperation
from ..model import AttributeType, Setting
from ..resources import resource
from . import codebook, coding, consent, respondents, responses

SAMPLE_FILE = ("sample", "connect-the-dots.json")
SAMPLE_CODER = "sample"


def load_sample_data(path: Path | None = None) -> dict[str, Any]:
    with (path or resource(*SAMPLE_FILE)).open(encoding="utf-8") as f:
        data: dict[str, Any] = json.load(f)
    return data


def build_sample(session: Session, data: dict[str, Any] | None = None) -> None:
    """Fill an empty project with the sample study, through the same services a user's
    actions go through."""
    data = data or load_sample_data()
    session.merge(Setting(key="title", value=data["title"]))
    for attribute in data["attributes"]:
        respondents.define_attribute(session, attribute["name"], AttributeType(attribute["type"]))
    code_ids = {
        c["path"]: codebook.ensure_code(session, c["path"], colour=c["colour"]).id
        for c in data["codes"]
    }
    for c in data["codes"]:
        codebook.set_code_details(session, code_ids[c["path"]], description=c["description"])
    for person in data["respondents"]:
        _add_person(session, person, code_ids)


def _add_person(session: Session, person: dict[str, Any], code_ids: dict[str, int]) -> None:
    identity = {k: v for k, v in person["identity"].items() if v}
    respondent = respondents.add_respondent(
        session,
        person["key"],
        label=person["key"],
        identity=identity,
        attributes=person["attributes"],
    )
    for answer in person["responses"]:
        response = responses.add_response(
            session,
            respondent.id,
            answer["text"],
            question=answer["question"],
            language=answer["language"],
            channel=answer["channel"],
            received=date.fromisoformat(answer["received"]),
            source="sample",
        )
        if answer.get("translation"):
            t = answer["translation"]
            responses.set_translation(session, response.id, t["language"], t["text"])
        for seg in answer["segments"]:
            start = _find(answer["text"], seg["text"], seg.get("occurrence", 1), person["key"])
            coding.code_span(
                session,
                response.id,
                start,
                start + len(seg["text"]),
                [code_ids[p] for p in seg["codes"]],
                coder=SAMPLE_CODER,
                memo=seg.get("memo"),
            )
    for event in person["consent"]:
        consent.record_event(
            session,
            respondent.id,
            event["kind"],
            date.fromisoformat(event["date"]),
            level=event.get("level"),
            translation_allowed=event.get("translation"),
            channel=event.get("channel"),
            asked=event.get("asked"),
            note=event.get("note"),
        )


def _find(text: str, piece: str, occurrence: int, key: str) -> int:
    at = -1
    for _ in range(occurrence):
        at = text.find(piece, at + 1)
        if at == -1:
            raise InvalidOperation(
                None, f"sample data: segment not found in {key}'s answer: {piece[:40]!r}"
            )
    return at
