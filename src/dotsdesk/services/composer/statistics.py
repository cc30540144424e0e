"""Live figures for posts: the share of respondents with a code, over a population.

"20% of sampled data scientists describe their work as pure research": the count is of
respondents (not segments) with at least one segment coded with any of the codes (and, by
default, their descendants), among a post's population (see `population`), or those of it with
an attribute value. In an
interview transcript only segments holding the respondent's own words count: one inside the
interviewer's turns is the interviewer speaking, not the respondent.
Percentages are whole numbers rounded half up, as a post prints them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from ...errors import NotFound
from ...model import (
    AttributeDef,
    AttributeValue,
    Code,
    Respondent,
    Response,
    Segment,
    segment_code,
)
from ..coding.codebook import descendant_ids
from ..corpus.respondents import value_clause
from ..corpus.turns import respondents_words
from .population import member_ids

_PLACEHOLDER = re.compile(r"\{([^{}]+)\}")


@dataclass(frozen=True)
class Population:
    """Whom a figure counts: the respondents of post `post_id`'s population (all
    respondents without a post), or those of them whose `attribute` is `value`."""

    attribute: str | None = None
    value: str | None = None
    post_id: int | None = None

    def describe(self, within: str = "all respondents") -> str:
        if self.attribute is None:
            return within
        return f"those with {self.attribute} = {self.value} among {within}"


@dataclass(frozen=True)
class Figure:
    count: int
    total: int

    @property
    def percent(self) -> int:
        """Rounded half up: 1 of 8 is 13%, as a reader would round 12.5%."""
        if self.total <= 0:
            return 0
        return (200 * self.count + self.total) // (2 * self.total)

    @property
    def percent_text(self) -> str:
        return f"{self.percent}%"

    def values(self) -> dict[str, str]:
        return {
            "percent": self.percent_text,
            "count": str(self.count),
            "total": str(self.total),
        }


def fill(template: str, values: Mapping[str, str]) -> str:
    """Replace {name} placeholders that `values` knows; leave the others as typed."""

    def one(match: re.Match[str]) -> str:
        return values.get(match.group(1), match.group(0))

    return _PLACEHOLDER.sub(one, template)


def population_ids(session: Session, population: Population | None) -> Select[Any]:
    """A select of the population's respondent ids (for IN clauses and counts)."""
    if population is not None and population.post_id is not None:
        people = member_ids(session, population.post_id)
    else:
        people = select(Respondent.id)
    if population is None or population.attribute is None:
        return people
    attribute = session.scalar(
        select(AttributeDef).where(AttributeDef.name == population.attribute)
    )
    if attribute is None:
        raise NotFound(None, f"no attribute {population.attribute!r}")
    query = select(AttributeValue.respondent_id).where(AttributeValue.attribute_id == attribute.id)
    query = query.where(value_clause(attribute, [population.value or ""]))
    if population.post_id is not None:
        query = query.where(AttributeValue.respondent_id.in_(people))
    return query


def code_set(session: Session, code_ids: Iterable[int], descendants: bool = True) -> list[int]:
    """The codes a statistic counts; NotFound names a code that was deleted."""
    out: list[int] = []
    for code_id in code_ids:
        if session.get(Code, code_id) is None:
            raise NotFound(None, f"code {code_id} was deleted")
        out.extend(descendant_ids(session, code_id) if descendants else [code_id])
    return list(dict.fromkeys(out))


def code_share(
    session: Session,
    code_ids: Iterable[int],
    population: Population | None = None,
    *,
    descendants: bool = True,
) -> Figure:
    """Respondents of the population with at least one segment of the codes, and the
    population's size: two counting queries, however many segments."""
    codes = code_set(session, code_ids, descendants)
    people = population_ids(session, population)
    total = session.scalar(select(func.count()).select_from(people.subquery())) or 0
    coded = (
        select(func.count(func.distinct(Response.respondent_id)))
        .join(Segment, Segment.response_id == Response.id)
        .join(segment_code, segment_code.c.segment_id == Segment.id)
        .where(
            segment_code.c.code_id.in_(codes),
            Response.respondent_id.in_(people),
            respondents_words(),
        )
    )
    return Figure(session.scalar(coded) or 0, total)
