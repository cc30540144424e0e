"""Which responses an analysis reads, and the respondents it counts as its base.

A population is a set of response ids (the browser's current filter, a set, the answers to
one question) or everything. The analysis domain may not use the browser's query, so callers
that filter like the browser turn a `BrowseQuery` into ids first (`matching_ids`) and pass them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from ...model import Respondent, Response


@dataclass(frozen=True)
class Population:
    """All responses (`response_ids` None) or these; `description` says which, for titles."""

    response_ids: frozenset[int] | None = None
    description: str = "all respondents"

    @classmethod
    def of(cls, response_ids: Iterable[int], description: str) -> Population:
        return cls(frozenset(response_ids), description)

    @property
    def everything(self) -> bool:
        return self.response_ids is None

    def includes(self, response_id: int) -> bool:
        return self.response_ids is None or response_id in self.response_ids


ALL = Population()


def response_owners(session: Session, population: Population = ALL) -> dict[int, int]:
    """response id -> respondent id, for the population's responses (one narrow query)."""
    rows = session.connection().execute(select(Response.id, Response.respondent_id)).all()
    if population.response_ids is None:
        return dict(rows)  # type: ignore[arg-type]
    wanted = population.response_ids
    return {rid: person for rid, person in rows if rid in wanted}


def base_respondents(session: Session, population: Population = ALL) -> set[int]:
    """The respondents a percentage is of: everyone for all responses (those without an
    answer too, as the composer's statistics count them), else the owners of the responses."""
    if population.response_ids is None:
        return set(session.connection().scalars(select(Respondent.id)))
    return set(response_owners(session, population).values())
