"""Respondents: pseudonymous labels, private identity, typed attributes."""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from sqlalchemy import ColumnElement, false, func, literal, or_, select
from sqlalchemy.orm import Session

from ...errors import InvalidOperation, NotFound
from ...model import AttributeDef, AttributeType, AttributeValue, Identity, Respondent
from .labels import label_maker

IDENTITY_FIELDS = ("name", "email", "phone", "contact", "forum", "handle", "other")
IDENTIFYING_KEY = re.compile(r"@|^\+?[\d\s().-]{7,}$")


@dataclass(frozen=True)
class AttributeInfo:
    id: int
    name: str
    type: AttributeType


def respondent_keys(session: Session) -> set[str]:
    """The keys respondents were imported under (ids, e-mails, row digests): private."""
    return set(session.scalars(select(Respondent.key)))


def find_respondent(session: Session, key_or_label: str) -> Respondent:
    found = session.scalar(
        select(Respondent).where(
            or_(Respondent.key == key_or_label, Respondent.label == key_or_label)
        )
    )
    if found is None:
        raise NotFound(None, f"no respondent with id or label {key_or_label!r}")
    return found


def add_respondent(
    session: Session,
    key: str,
    *,
    label: str | None = None,
    identity: Mapping[str, str | None] | None = None,
    attributes: Mapping[str, str | float | None] | None = None,
) -> Respondent:
    """Labelled by the project's scheme (labels.py): the key itself only when it already
    fits the scheme ("P07" from the researcher's own sheet); an explicit `label` is kept
    as given, refused if already used."""
    key = key.strip()
    if not key:
        raise InvalidOperation(None, "a respondent needs a non-empty id")
    if session.scalar(select(Respondent.id).where(Respondent.key == key)) is not None:
        raise InvalidOperation(None, f"a respondent with id {key!r} already exists")
    maker = label_maker(session)
    label = maker.keep_or_fresh(key) if label is None else maker.take(label)
    respondent = Respondent(key=key, label=label)
    session.add(respondent)
    session.flush()
    if identity:
        set_identity(session, respondent, identity)
    for name, value in (attributes or {}).items():
        set_attribute(session, respondent, name, value)
    return respondent


def set_identity(
    session: Session, respondent: Respondent, fields: Mapping[str, str | None]
) -> None:
    unknown = set(fields) - set(IDENTITY_FIELDS)
    if unknown:
        raise InvalidOperation(None, f"unknown identity fields: {', '.join(sorted(unknown))}")
    identity = respondent.identity
    if identity is None:
        identity = Identity(respondent_id=respondent.id)
        respondent.identity = identity
    for name, value in fields.items():
        setattr(identity, name, value or None)
    session.flush()


def rename_respondent(session: Session, respondent: Respondent, label: str) -> None:
    label = label.strip()
    if not label:
        raise InvalidOperation(None, "a label cannot be empty")
    if IDENTIFYING_KEY.search(label):
        # A label is public: an e-mail or phone number there would leave in every export.
        raise InvalidOperation(None, f"a label is public: {label!r} looks like a contact")
    if len(label) > 200:
        raise InvalidOperation(None, "a label can be at most 200 characters")
    clash = session.scalar(select(Respondent.id).where(Respondent.label == label))
    if clash is not None and clash != respondent.id:
        raise InvalidOperation(None, f"the label {label!r} is already used")
    respondent.label = label
    session.flush()


def define_attribute(
    session: Session, name: str, type_: AttributeType = AttributeType.TEXT
) -> AttributeDef:
    """The attribute of that name, created with `type_` if new."""
    name = name.strip()
    if not name:
        raise InvalidOperation(None, "an attribute needs a name")
    found = session.scalar(select(AttributeDef).where(AttributeDef.name == name))
    if found is not None:
        return found
    position = session.scalar(select(func.count(AttributeDef.id))) or 0
    found = AttributeDef(name=name, type=AttributeType(type_), position=position)
    session.add(found)
    session.flush()
    return found


def set_attribute(
    session: Session,
    respondent: Respondent,
    name: str,
    value: str | float | Iterable[str] | None,
) -> None:
    """Set (or with None/"" clear) one attribute; numbers are checked for number attributes.
    A multiple-choice attribute takes a list of choices (or one a line)."""
    attribute = session.scalar(select(AttributeDef).where(AttributeDef.name == name))
    if attribute is None:
        kind = AttributeType.NUMBER if isinstance(value, int | float) else AttributeType.TEXT
        attribute = define_attribute(session, name, kind)
    existing = session.get(AttributeValue, (respondent.id, attribute.id))
    if attribute.type is AttributeType.MULTI and value is not None:
        value = join_choices([value] if isinstance(value, str | int | float) else value)
    elif value is not None and not isinstance(value, str | int | float):
        value = join_choices(value)
    if value is None or (isinstance(value, str) and not value.strip()):
        if existing is not None:
            session.delete(existing)
            session.flush()
        return
    number: float | None = None
    text: str | None = None
    if attribute.type is AttributeType.NUMBER:
        number = parse_number(value)
        if number is None:
            raise InvalidOperation(None, f"attribute {name!r} takes numbers, not {value!r}")
    else:
        text = str(value).strip()
    if existing is None:
        session.add(
            AttributeValue(
                respondent_id=respondent.id,
                attribute_id=attribute.id,
                value_text=text,
                value_number=number,
            )
        )
    else:
        existing.value_text, existing.value_number = text, number
    session.flush()


# Between the choices of a multiple-choice value: a line each, as no choice spans lines.
CHOICE_SEPARATOR = "\n"


def join_choices(choices: Iterable[str | float]) -> str:
    """Choices as one stored value: each stripped, blank ones and repeats left out, in order;
    a choice given as several lines counts as several choices."""
    parts = (p.strip() for c in choices for p in str(c).split(CHOICE_SEPARATOR))
    return CHOICE_SEPARATOR.join(dict.fromkeys(p for p in parts if p))


def choices_of(text: str | None) -> list[str]:
    return [c for c in (text or "").split(CHOICE_SEPARATOR) if c]


def value_clause(attribute: AttributeDef, values: Iterable[str]) -> ColumnElement[bool]:
    """SQL true for an AttributeValue of `attribute` holding one of `values`: equal numbers
    for number attributes, one of the choices for multiple-choice ones, equal text otherwise."""
    wanted = sorted({v.strip() for v in values if v.strip()})
    if attribute.type is AttributeType.NUMBER:
        numbers = sorted({n for v in wanted if (n := parse_number(v)) is not None})
        return AttributeValue.value_number.in_(numbers)
    if attribute.type is AttributeType.MULTI:
        framed = literal(CHOICE_SEPARATOR) + AttributeValue.value_text + literal(CHOICE_SEPARATOR)
        clauses = [
            framed.like(f"%{CHOICE_SEPARATOR}{_like_escape(v)}{CHOICE_SEPARATOR}%", escape="\\")
            for v in wanted
        ]
        return or_(*clauses) if clauses else false()
    return AttributeValue.value_text.in_(wanted)


def _like_escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def parse_number(value: str | float) -> float | None:
    """The finite number in `value`, or None ("nan" and "inf" are not answers)."""
    if isinstance(value, str):
        value = value.strip().replace(",", "")
    try:
        number = float(value)
    except ValueError:
        return None
    return number if math.isfinite(number) else None


def format_value(value: AttributeValue) -> str:
    if value.value_number is not None:
        n = value.value_number
        return str(int(n)) if n.is_integer() else repr(n)
    return value.value_text or ""


def list_attributes(session: Session) -> list[AttributeInfo]:
    rows = session.scalars(select(AttributeDef).order_by(AttributeDef.position, AttributeDef.id))
    return [AttributeInfo(a.id, a.name, a.type) for a in rows]


def attribute_table(session: Session) -> dict[int, dict[str, str]]:
    """respondent id -> {attribute name: value as text}, in one query."""
    # Plain columns, not ORM objects: building one AttributeValue per row is the slow part.
    rows = session.execute(
        select(
            AttributeValue.respondent_id,
            AttributeValue.value_text,
            AttributeValue.value_number,
            AttributeDef.name,
        ).join(AttributeDef)
    )
    table: dict[int, dict[str, str]] = {}
    for row in rows:
        value = format_value(row)  # type: ignore[arg-type]  # reads value_text, value_number
        table.setdefault(row.respondent_id, {})[row.name] = value
    return table


def attribute_table_for(session: Session, respondent_id: int) -> dict[str, str]:
    rows = session.execute(
        select(AttributeValue, AttributeDef.name)
        .join(AttributeDef)
        .where(AttributeValue.respondent_id == respondent_id)
    ).all()
    return {name: format_value(value) for value, name in rows}


def normalise_value(attribute: AttributeDef, raw: str) -> str:
    """How `raw` reads back once stored in `attribute`, for change detection."""
    if attribute.type is AttributeType.NUMBER:
        number = parse_number(raw)
        if number is not None:
            return format_value(AttributeValue(value_number=number))
    if attribute.type is AttributeType.MULTI:
        return join_choices([raw])
    return raw.strip()
