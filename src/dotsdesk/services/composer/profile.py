"""Profile bullets: who the sample is, worded from the respondents' attribute values.

"Their official job titles include data scientist, research scientist, ..., and quantitative
researcher." A bullet is either fixed text or an attribute with a wording template:
`{values}` is the attribute's values joined with an Oxford comma, in the author's order
(values not in the order follow by frequency, or are left out), `{top}` the most common
value, `{n}` how many distinct values, `{min}`/`{max}` for numbers, `{Attribute}` its name
(`{attribute}` in lower case).
The values are read live, so a bullet follows the data as respondents are added.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from ...errors import NotFound
from ...model import AttributeDef, AttributeType, AttributeValue, Respondent
from ..corpus.respondents import choices_of, format_value
from .statistics import Population, fill, population_ids

DEFAULT_TEMPLATE = "{Attribute}: {values}."
NUMBER_TEMPLATE = "{Attribute}: from {min} to {max}."
MAX_SUGGESTED_VALUES = 12


def oxford_join(items: Sequence[str], conjunction: str = "and") -> str:
    """ "a", "a and b", "a, b, and c" — the serial comma, as the post writes lists."""
    items = [i for i in items if i]
    if len(items) <= 1:
        return "".join(items)
    if len(items) == 2:
        return f"{items[0]} {conjunction} {items[1]}"
    return f"{', '.join(items[:-1])}, {conjunction} {items[-1]}"


def attribute_values(
    session: Session,
    attribute: str,
    population: Population | None = None,
    *,
    within: Select[Any] | None = None,
) -> Counter[str]:
    """value (as text) -> number of respondents in the population (or those `within`
    selects) with it."""
    found = session.scalar(select(AttributeDef).where(AttributeDef.name == attribute))
    if found is None:
        raise NotFound(None, f"attribute {attribute!r} was deleted")
    people = within if within is not None else population_ids(session, population)
    rows = session.execute(
        select(AttributeValue.value_text, AttributeValue.value_number, func.count())
        .where(
            AttributeValue.attribute_id == found.id,
            AttributeValue.respondent_id.in_(people),
        )
        .group_by(AttributeValue.value_text, AttributeValue.value_number)
    )
    counts: Counter[str] = Counter()
    for text, number, n in rows:  # one row per distinct value, however many respondents
        if found.type is AttributeType.MULTI:
            for choice in choices_of(text):
                counts[choice] += n
            continue
        value = format_value(AttributeValue(value_text=text, value_number=number)).strip()
        if value:
            counts[value] += n
    return counts


def ordered_values(counts: Counter[str], order: Sequence[str], others: str = "append") -> list[str]:
    """The author's order first (only values present), then the rest by frequency."""
    chosen = [v for v in dict.fromkeys(order) if counts.get(v)]
    if others == "omit":
        return chosen
    rest = sorted((v for v in counts if v not in chosen), key=lambda v: (-counts[v], v))
    return chosen + rest


def bullet_text(
    session: Session, bullet: Mapping[str, Any], population: Population | None = None
) -> str:
    """The words of one bullet; NotFound when its attribute no longer exists."""
    if "text" in bullet:
        return str(bullet["text"])
    name = str(bullet["attribute"])
    counts = attribute_values(session, name, population)
    words: Mapping[str, str] = bullet.get("words") or {}
    values = ordered_values(counts, bullet.get("order") or [], bullet.get("others", "append"))
    shown = [words.get(v, v) for v in values]
    numbers = sorted(float(v) for v in counts if _is_number(v))
    top = max(values, key=lambda v: counts[v]) if values else ""  # ties: the first shown
    fields = {
        "Attribute": name,
        "attribute": name.lower(),
        "values": oxford_join(shown),
        "top": words.get(top, top),
        "n": str(len(values)),
        "min": _number(numbers[0]) if numbers else "",
        "max": _number(numbers[-1]) if numbers else "",
    }
    return fill(str(bullet.get("template") or DEFAULT_TEMPLATE), fields)


def suggest_bullets(session: Session, within: Select[Any] | None = None) -> list[dict[str, Any]]:
    """A bullet per attribute that describes a group rather than a person: category and
    text attributes with a few shared values, and number attributes as a range; over the
    respondents `within` selects (default: all)."""
    ids = within if within is not None else select(Respondent.id)
    people = session.scalar(select(func.count()).select_from(ids.subquery())) or 0
    bullets: list[dict[str, Any]] = []
    for attribute in session.scalars(
        select(AttributeDef).order_by(AttributeDef.position, AttributeDef.id)
    ):
        counts = attribute_values(session, attribute.name, within=ids)
        if not counts:
            continue
        if attribute.type is AttributeType.NUMBER:
            if not _identifier_like(counts):
                bullets.append({"attribute": attribute.name, "template": NUMBER_TEMPLATE})
            continue
        too_many = len(counts) > MAX_SUGGESTED_VALUES
        all_different = people > 3 and len(counts) == sum(counts.values())
        if too_many or all_different:
            continue  # free text or an identifier: it would describe individuals
        order = sorted(counts, key=lambda v: (-counts[v], v))  # most common first
        bullets.append({"attribute": attribute.name, "template": DEFAULT_TEMPLATE, "order": order})
    return bullets


def _identifier_like(counts: Counter[str]) -> bool:
    """Numbers no profile quantity reaches (ages, years, team sizes, salaries stay below a
    hundred million): phone, QQ or id numbers, whose range would print two people's own
    ("from 13812345600 to 13812345611")."""
    numbers = [abs(float(v)) for v in counts if _is_number(v)]
    return bool(numbers) and max(numbers) >= 1e8


def _is_number(value: str) -> bool:
    try:
        float(value)
    except ValueError:
        return False
    return True


def _number(n: float) -> str:
    return str(int(n)) if n.is_integer() else f"{n:g}"
