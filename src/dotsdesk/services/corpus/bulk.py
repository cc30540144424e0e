"""Respondents, responses and attribute values by the thousand (whole-project imports).

The same rules as one at a time (respondents.py, responses.py): labels unique and never an
identifying key, texts without NUL, a language detected when none is given, numbers checked
for number attributes; but a few multi-row statements instead of several queries and a
flush per row, so that 10,000 respondents go in within seconds rather than minutes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import cast

from sqlalchemy import Table, delete, insert, select, tuple_
from sqlalchemy.orm import Session

from ...errors import InvalidOperation
from ...model import (
    AttributeDef,
    AttributeType,
    AttributeValue,
    Base,
    Identity,
    Respondent,
    Response,
)
from ...store.bulk import insert_rows, set_column
from ...store.search_index import responses_indexed_at_end
from .labels import label_maker
from .language import UNDETERMINED, detect_language
from .respondents import IDENTIFYING_KEY, define_attribute, join_choices, parse_number
from .responses import check_text

__all__ = [
    "NewRespondent",
    "NewResponse",
    "add_respondents",
    "add_responses",
    "attribute_types",
    "insert_rows",  # a survey's rows, checked by its importer, without per-row work
    "put_attribute_values",
    "responses_indexed_at_end",
    "set_languages",
]

_BATCH = 400  # pairs per statement: well under SQLite's limit on bound parameters


def _table(model: type[Base]) -> Table:
    """The model's table: Core INSERTs of many rows go in multi-row statements, where the
    ORM's bulk insert ran one statement per row here (Python-side defaults, RETURNING)."""
    return cast(Table, model.__table__)


@dataclass(frozen=True)
class NewRespondent:
    key: str
    label: str | None = None  # None, taken or identifying: the scheme's next (labels.py)
    name: str | None = None  # private identity


@dataclass(frozen=True)
class NewResponse:
    respondent_id: int
    text: str
    question: str | None = None
    language: str | None = None
    source: str | None = None
    channel: str | None = None


def add_respondents(session: Session, rows: Sequence[NewRespondent]) -> list[tuple[int, str]]:
    """Create the respondents (keys must be new); (id, label) of each, in order."""
    if not rows:
        return []
    keys = [r.key.strip() for r in rows]
    if any(not k for k in keys) or len(set(keys)) != len(keys):
        raise InvalidOperation(None, "respondents need distinct, non-empty ids")
    clash = session.scalar(select(Respondent.key).where(Respondent.key.in_(keys[:_BATCH])))
    if clash is not None:
        raise InvalidOperation(None, f"a respondent with id {clash!r} already exists")
    maker = label_maker(session)
    values = []
    for key, row in zip(keys, rows, strict=True):
        label = (row.label or "").strip()
        if not label or label in maker.used or IDENTIFYING_KEY.search(label):
            label = maker.fresh()
        else:
            label = maker.take(label)
        values.append({"key": key, "label": label})
    # Keys are unique: RETURNING them finds each id without an ordered (row by row) insert.
    by_key = dict(
        (key, rid)
        for rid, key in session.execute(
            insert(_table(Respondent)).returning(Respondent.id, Respondent.key), values
        )
    )
    ids = [by_key[v["key"]] for v in values]
    named = [
        {"respondent_id": rid, "name": row.name}
        for rid, row in zip(ids, rows, strict=True)
        if row.name
    ]
    if named:
        session.execute(insert(_table(Identity)), named)
    return [(rid, v["label"]) for rid, v in zip(ids, values, strict=True)]


def add_responses(session: Session, rows: Sequence[NewResponse]) -> list[int]:
    """Create the responses, texts exactly as given; their ids, in order."""
    values = []
    for row in rows:
        if not row.text.strip():
            raise InvalidOperation(None, "a response needs some text")
        check_text(row.text)
        values.append(
            {
                "respondent_id": row.respondent_id,
                "text": row.text,
                "question": row.question,
                "language": (row.language or "").strip() or detect_language(row.text),
                "source": row.source,
                "channel": row.channel,
            }
        )
    if not values:
        return []
    # Rows whose (respondent, source) is unique are found again by it, so they go in batches;
    # the few that share one go in in order, which SQLite does a row at a time.
    pairs: dict[tuple[object, object], int] = {}
    for v in values:
        pair = (v["respondent_id"], v["source"])
        pairs[pair] = pairs.get(pair, 0) + 1
    unique = [v for v in values if pairs[(v["respondent_id"], v["source"])] == 1]
    found: dict[tuple[object, object], int] = {}
    if unique:
        returned = session.execute(
            insert(_table(Response)).returning(
                Response.id, Response.respondent_id, Response.source
            ),
            unique,
        )
        found = {(rid, source): response_id for response_id, rid, source in returned}
    shared = [v for v in values if pairs[(v["respondent_id"], v["source"])] > 1]
    in_order = iter(
        session.scalars(
            insert(_table(Response)).returning(Response.id, sort_by_parameter_order=True), shared
        ).all()
        if shared
        else []
    )
    return [
        found[(v["respondent_id"], v["source"])]
        if pairs[(v["respondent_id"], v["source"])] == 1
        else next(in_order)
        for v in values
    ]


@dataclass(frozen=True)
class PutValues:
    written: int  # values new or changed
    unchanged: int
    refused: list[tuple[str, str]]  # (attribute, value): a number attribute's non-number


def put_attribute_values(
    session: Session,
    values: Sequence[tuple[int, str, str]],
    types: dict[str, AttributeType],
) -> PutValues:
    """Set `(respondent id, attribute name, value)`, defining attributes with `types` where
    new; the last value given for a pair wins; a value the respondent already has is left
    alone (so that importing the same values again writes nothing)."""
    ids: dict[str, tuple[int, AttributeType]] = {}
    for name in dict.fromkeys(n for _, n, _ in values):
        found = define_attribute(session, name, types.get(name, AttributeType.TEXT))
        ids[name] = (found.id, found.type)
    rows: dict[tuple[int, int], dict[str, object]] = {}
    refused = []
    for rid, name, raw in values:
        aid, kind = ids[name]
        text: str | None = None
        number: float | None = None
        if kind is AttributeType.NUMBER:
            number = parse_number(raw)
            if number is None:
                refused.append((name, raw))
                continue
        elif kind is AttributeType.MULTI:
            text = join_choices([raw]) or None
        else:
            text = raw.strip() or None
        if text is None and number is None:
            continue
        rows[(rid, aid)] = {
            "respondent_id": rid,
            "attribute_id": aid,
            "value_text": text,
            "value_number": number,
        }
    pairs = list(rows)
    unchanged = 0
    for i in range(0, len(pairs), _BATCH):
        key = tuple_(AttributeValue.respondent_id, AttributeValue.attribute_id)
        batch = pairs[i : i + _BATCH]
        have = session.execute(
            select(
                AttributeValue.respondent_id,
                AttributeValue.attribute_id,
                AttributeValue.value_text,
                AttributeValue.value_number,
            ).where(key.in_(batch))
        ).all()
        changed = []
        for rid, aid, text, number in have:
            row = rows[(rid, aid)]
            if row["value_text"] == text and row["value_number"] == number:
                del rows[(rid, aid)]
                unchanged += 1
            else:
                changed.append((rid, aid))
        if changed:
            session.execute(delete(AttributeValue).where(key.in_(changed)))
    if rows:
        session.execute(insert(_table(AttributeValue)), list(rows.values()))
        session.expire_all()  # rows changed behind the ORM's back
    return PutValues(len(rows), unchanged, refused)


def attribute_types(session: Session) -> dict[str, AttributeType]:
    return dict(session.execute(select(AttributeDef.name, AttributeDef.type)).all())


def set_languages(session: Session, ids: Sequence[int], languages: Sequence[str]) -> None:
    """The language of each response of `ids`, inserted as undetermined while a detector
    (on another thread) worked them out."""
    if len(ids) != len(languages):
        raise ValueError(f"{len(ids)} responses but {len(languages)} languages")
    table = _table(Response)
    changes = [
        (rid, language)
        for rid, language in zip(ids, languages, strict=True)
        if language != UNDETERMINED
    ]
    set_column(session, table, table.c.language, changes)
