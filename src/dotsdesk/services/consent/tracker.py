"""Read helpers for the consent tracker: counts, private identity, who to ask, drafts affected.

Kept apart from `consent` because these are the tracker's views, and two of them
(`private_identity`, `to_ask`) return private identity: only the tracker may show them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ...model import Block, BlockKind, ConsentLevel, Identity, Post, Response, Section, Segment
from ...store.access import may_read
from ..corpus.respondents import IDENTITY_FIELDS
from .events import ConsentRow, ConsentStatus, consent_rows

_CHUNK = 900  # ids per IN (...), under every database's parameter limit


@dataclass(frozen=True)
class TrackerCounts:
    """Respondents per status, grants split by level: the tracker's line at a glance."""

    total: int = 0
    anonymous: int = 0
    handle: int = 0
    name: int = 0
    pending: int = 0
    declined: int = 0
    withdrawn: int = 0
    expired: int = 0
    never_asked: int = 0

    @property
    def granted(self) -> int:
        return self.anonymous + self.handle + self.name


def tracker_counts(rows: Iterable[ConsentRow]) -> TrackerCounts:
    """Counted from rows already read, so the table and its counts can never disagree."""
    tally: Counter[str] = Counter()
    total = 0
    for row in rows:
        total += 1
        c = row.consent
        if c.status is ConsentStatus.GRANTED:
            tally[(c.level or ConsentLevel.ANONYMOUS).value] += 1
        else:
            tally[c.status.value] += 1
    return TrackerCounts(
        total=total,
        anonymous=tally[ConsentLevel.ANONYMOUS.value],
        handle=tally[ConsentLevel.HANDLE.value],
        name=tally[ConsentLevel.NAME.value],
        pending=tally[ConsentStatus.PENDING.value],
        declined=tally[ConsentStatus.DECLINED.value],
        withdrawn=tally[ConsentStatus.WITHDRAWN.value],
        expired=tally[ConsentStatus.EXPIRED.value],
        never_asked=tally[ConsentStatus.NONE.value],
    )


def private_identity(session: Session, respondent_id: int) -> dict[str, str]:
    """The recorded identity fields (name, email, ...) that are not empty. Private."""
    found = session.get(Identity, respondent_id) if may_read(session, "identity") else None
    if found is None:
        return {}
    values = ((f, getattr(found, f)) for f in IDENTITY_FIELDS)
    return {f: v.strip() for f, v in values if v and v.strip()}


@dataclass(frozen=True)
class ToAsk:
    """A respondent still to ask (never asked) or to remind (pending). Holds private data."""

    respondent_id: int
    label: str
    name: str
    contact: str  # e-mail, else the contact field, else the phone
    status: ConsentStatus
    days_pending: int | None


def to_ask(session: Session, today: date | None = None) -> list[ToAsk]:
    """Everyone never asked or still pending, ordered by label, in a few queries."""
    rows = [
        r
        for r in consent_rows(session, today)
        if r.status in (ConsentStatus.NONE, ConsentStatus.PENDING)
    ]
    ids = [r.respondent_id for r in rows]
    identities: dict[int, Identity] = {}
    for i in range(0, len(ids) if may_read(session, "identity") else 0, _CHUNK):
        chunk = select(Identity).where(Identity.respondent_id.in_(ids[i : i + _CHUNK]))
        identities.update((who.respondent_id, who) for who in session.scalars(chunk))
    out = []
    for r in rows:
        who = identities.get(r.respondent_id)
        contact = (who.email or who.contact or who.phone or "") if who else ""
        name = (who.name or "") if who else ""
        out.append(ToAsk(r.respondent_id, r.label, name, contact, r.status, r.days_pending))
    return out


def mail_merge_text(people: Iterable[ToAsk]) -> str:
    """Tab-separated with a header row, as a mail merge or a spreadsheet pastes it.
    Tabs and line breaks inside a value become spaces so columns cannot shift."""

    def clean(value: object) -> str:
        return " ".join(str(value).split()) if value is not None else ""

    lines = ["Label\tName\tContact\tDays pending"]
    for p in people:
        days = "" if p.days_pending is None else str(p.days_pending)
        lines.append("\t".join(clean(v) for v in (p.label, p.name, p.contact, days)))
    return "\n".join(lines) + "\n"


@dataclass(frozen=True)
class DraftQuoting:
    """A post with quotes of one respondent: what a withdrawal or refusal blocks."""

    post_id: int
    title: str
    series: str | None
    number: int | None
    quotes: int


def drafts_quoting(session: Session, respondent_id: int) -> list[DraftQuoting]:
    """Posts whose quote blocks cite a segment of this respondent, in one query."""
    rows = session.execute(
        select(Post.id, Post.title, Post.series, Post.number, func.count(Block.id))
        .join(Section, Section.post_id == Post.id)
        .join(Block, Block.section_id == Section.id)
        .join(Segment, Segment.id == Block.segment_id)
        .join(Response, Response.id == Segment.response_id)
        .where(Block.kind == BlockKind.QUOTE, Response.respondent_id == respondent_id)
        .group_by(Post.id, Post.title, Post.series, Post.number)
        .order_by(Post.series, Post.number, Post.title, Post.id)
    )
    return [DraftQuoting(*row) for row in rows]
