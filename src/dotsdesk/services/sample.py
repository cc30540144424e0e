"""The sample project: the respondents and answers behind the Connect the Dots No.4 post,
and a draft of the post itself built from blocks, as an author would build it."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..errors import InvalidOperation
from ..model import (
    AttributeType,
    BaselineKind,
    BlockKind,
    Response,
    Segment,
    Setting,
    segment_code,
)
from ..resources import resource
from .coding import codebook, pinned
from .coding import segments as coding
from .composer import posts
from .composer.figures import record_figures
from .composer.render import render_post
from .consent import events as consent
from .corpus import respondents, responses

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
    # Keys 1-9 code at once in the sample: its first nine codes without sub-codes.
    leaves = [p for p in code_ids if not any(q.startswith(p + "/") for q in code_ids)]
    pinned.set_pinned(session, [code_ids[p] for p in leaves[: pinned.KEYS]])
    people = {
        person["key"]: _add_person(session, person, code_ids) for person in data["respondents"]
    }
    if data.get("post"):
        _add_post(session, data["post"], code_ids, people)


def _add_person(session: Session, person: dict[str, Any], code_ids: dict[str, int]) -> int:
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
            received=datetime.fromisoformat(answer["received"]),
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
    return respondent.id


def _add_post(
    session: Session, spec: dict[str, Any], code_ids: dict[str, int], people: dict[str, int]
) -> int:
    """The post through the composer's services; quotes name a respondent and a code, and
    refer to that respondent's one segment with the code."""
    attribution = spec.get("attribution", {})
    group = attribution.get("group_code")
    settings = posts.PostSettings(
        group_code_id=codebook.find_code(session, group).id if group else None,
        context_words=attribution.get("context_words", {}),
    )
    post = posts.create_post(
        session,
        spec["title"],
        series=spec.get("series"),
        number=spec.get("number"),
        toc_url=spec.get("toc_url"),
        settings=settings,
        population_name=f"the {len(people)} respondents of the sample survey",
    )
    for section_spec in spec["sections"]:
        section = posts.add_section(session, post.id, section_spec["title"])
        for block in section_spec["blocks"]:
            _add_block(session, section.id, block, code_ids, people)
    # The post as published is the figures' first baseline: a later change to one is reported.
    tree = render_post(session, post.id, placeholders=True)
    record_figures(session, tree, BaselineKind.DRAFTED)
    return post.id


def _add_block(
    session: Session,
    section_id: int,
    block: dict[str, Any],
    code_ids: dict[str, int],
    people: dict[str, int],
) -> None:
    if "paragraph" in block:
        posts.add_paragraph(session, section_id, block["paragraph"])
    elif "auto" in block:
        posts.add_block(session, section_id, BlockKind.PARAGRAPH, {"auto": block["auto"]})
    elif "profile" in block:
        posts.add_block(session, section_id, BlockKind.PROFILE, {"bullets": block["profile"]})
    elif "links" in block:
        posts.add_block(session, section_id, BlockKind.LINKS, {"links": block["links"]})
    elif "statistic" in block:
        stat = block["statistic"]
        data = {"code_ids": [code_ids[c] for c in stat["codes"]], "template": stat["template"]}
        posts.add_block(session, section_id, BlockKind.STATISTIC, data)
    else:
        quote = dict(block["quote"])
        segment = _segment_of(session, people[quote.pop("respondent")], code_ids[quote.pop("code")])
        if "topic_code" in quote:
            quote["topic_code_id"] = code_ids[quote.pop("topic_code")]
        posts.add_quote(session, section_id, segment, **quote)


def _segment_of(session: Session, respondent_id: int, code_id: int) -> int:
    found = list(
        session.scalars(
            select(Segment.id)
            .join(Response, Response.id == Segment.response_id)
            .join(segment_code, segment_code.c.segment_id == Segment.id)
            .where(Response.respondent_id == respondent_id, segment_code.c.code_id == code_id)
        )
    )
    if len(found) != 1:
        raise InvalidOperation(None, f"sample post: {len(found)} segments for a quote, not 1")
    return found[0]


def _find(text: str, piece: str, occurrence: int, key: str) -> int:
    at = -1
    for _ in range(occurrence):
        at = text.find(piece, at + 1)
        if at == -1:
            raise InvalidOperation(
                None, f"sample data: segment not found in {key}'s answer: {piece[:40]!r}"
            )
    return at
