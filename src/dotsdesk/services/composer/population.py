"""A post's population: the respondents its statistics and profile bullets are computed over.

It is chosen when the post is made (a drafted post: the respondents it was drafted from) and
saved with the post as a name and the respondents' ids, so importing another survey later
does not change the post's figures; the name ("the 30 respondents of the sample survey") is
shown beside every figure. A post made before populations existed has none saved: it counts
all respondents, as it always did, and the render suggests choosing one.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import Select, delete, func, insert, literal, select
from sqlalchemy.orm import Session

from ...errors import InvalidOperation
from ...model import PopulationMember, PostPopulation, Respondent, Response
from ...model.base import utcnow

MAX_SOURCES_NAMED = 3
LEGACY_NAME = "all respondents"


@dataclass(frozen=True)
class PopulationInfo:
    """What the composer says about a post's population. `saved` is False for a post made
    before populations existed (all respondents, however many there are now)."""

    name: str
    size: int
    saved: bool
    created: datetime | None = None

    def describe(self) -> str:
        if self.saved:
            return self.name
        return f"all respondents ({self.size} now)"


def get_population(session: Session, post_id: int) -> PopulationInfo:
    row = session.get(PostPopulation, post_id)
    if row is None:
        size = session.scalar(select(func.count(Respondent.id))) or 0
        return PopulationInfo(LEGACY_NAME, size, saved=False)
    size = session.scalar(
        select(func.count()).where(PopulationMember.post_id == post_id)
    )  # members of deleted respondents are gone with them (ON DELETE CASCADE)
    return PopulationInfo(row.name, size or 0, saved=True, created=row.created)


def member_ids(session: Session, post_id: int) -> Select[Any]:
    """A select of the ids the post's figures count: its members, or for a post without a
    saved population, every respondent."""
    if session.get(PostPopulation, post_id) is None:
        return select(Respondent.id)
    return select(PopulationMember.respondent_id).where(PopulationMember.post_id == post_id)


def respondents_of(session: Session, sources: Sequence[str] | None = None) -> Select[Any]:
    """Every respondent (no sources), or those with a response from one of the files."""
    if not sources:
        return select(Respondent.id)
    known = set(session.scalars(select(Response.source).where(Response.source.in_(sources))))
    missing = [s for s in sources if s not in known]
    if missing:
        raise InvalidOperation(
            None, f"no responses came from {', '.join(repr(m) for m in missing)}"
        )
    return (
        select(Response.respondent_id).where(Response.source.in_(sources)).distinct()
    )  # a respondent with answers in two of the files counts once


def sources(session: Session) -> list[tuple[str, int]]:
    """The files responses came from, each with how many respondents answered in it."""
    rows = session.execute(
        select(Response.source, func.count(func.distinct(Response.respondent_id)))
        .where(Response.source.is_not(None))
        .group_by(Response.source)
        .order_by(Response.source)
    )
    return [(str(source), int(n)) for source, n in rows]


def size_of(session: Session, people: Select[Any]) -> int:
    return session.scalar(select(func.count()).select_from(people.subquery())) or 0


def default_name(session: Session, people: Select[Any], today: date | None = None) -> str:
    """ "the 30 respondents of survey.csv", or, for many files or none, "the 51 respondents
    in the project on 2026-12-01": what the population was when it was chosen."""
    ids = people.subquery()
    n = size_of(session, people)
    files = list(
        session.scalars(
            select(Response.source)
            .where(Response.respondent_id.in_(select(ids.c[0])), Response.source.is_not(None))
            .distinct()
            .order_by(Response.source)
        )
    )
    who = f"the {n} respondent{'s' if n != 1 else ''}"
    if 0 < len(files) <= MAX_SOURCES_NAMED:
        return f"{who} of {_and(files)}"
    return f"{who} in the project on {(today or date.today()).isoformat()}"


def set_population(
    session: Session, post_id: int, people: Select[Any], name: str | None = None
) -> PopulationInfo:
    """Save (or replace) the post's population: the respondents `people` selects now, under
    `name` (default: `default_name`). A post whose project has no respondents yet gets an
    empty population, which its figures report."""
    name = (name or "").strip() or default_name(session, people)
    row = session.get(PostPopulation, post_id)
    if row is None:
        session.add(PostPopulation(post_id=post_id, name=name))
    else:
        row.name = name
        row.created = utcnow()
    session.flush()
    session.execute(delete(PopulationMember).where(PopulationMember.post_id == post_id))
    ids = people.subquery()
    session.execute(
        insert(PopulationMember).from_select(
            ["post_id", "respondent_id"], select(literal(post_id), ids.c[0]).distinct()
        )
    )  # one INSERT ... SELECT, however many respondents: no list of ids through Python
    session.flush()
    return get_population(session, post_id)


def _and(items: Sequence[str]) -> str:
    if len(items) <= 2:
        return " and ".join(items)
    return f"{', '.join(items[:-1])}, and {items[-1]}"
