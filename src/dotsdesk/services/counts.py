"""The numbers `dotsdesk info` prints and the status bar shows."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..model import Code, Post, Respondent, Response, Segment, Translation
from .consent.events import status_counts


@dataclass(frozen=True)
class ProjectCounts:
    respondents: int
    responses: int
    translations: int
    codes: int
    segments: int
    consent: dict[str, int]
    posts: list[dict[str, object]] = field(default_factory=list)
    languages: dict[str, int] = field(default_factory=dict)


def project_counts(session: Session) -> ProjectCounts:
    def count(column: object) -> int:
        return session.scalar(select(func.count(column))) or 0  # type: ignore[arg-type]

    languages = dict(
        session.execute(
            select(Response.language, func.count())
            .group_by(Response.language)
            .order_by(func.count().desc())
        ).all()
    )
    posts = [
        {"id": p.id, "title": p.title, "series": p.series, "number": p.number}
        for p in session.scalars(select(Post).order_by(Post.id))
    ]
    return ProjectCounts(
        respondents=count(Respondent.id),
        responses=count(Response.id),
        translations=count(Translation.id),
        codes=count(Code.id),
        segments=count(Segment.id),
        consent=status_counts(session),
        posts=posts,
        languages=languages,
    )


@dataclass(frozen=True)
class BarCounts:
    """What the window's status bar shows: four counts, without the consent statuses that
    `project_counts` derives (the bulk of its time in a large study)."""

    respondents: int
    responses: int
    codes: int
    segments: int


def bar_counts(session: Session) -> BarCounts:
    def count(column: object) -> int:
        return session.scalar(select(func.count(column))) or 0  # type: ignore[arg-type]

    return BarCounts(count(Respondent.id), count(Response.id), count(Code.id), count(Segment.id))
