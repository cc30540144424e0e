"""Consent events (append-only) and the current consent derived from them."""

from __future__ import annotations

import enum
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session, undefer_group
from sqlalchemy.orm.attributes import set_committed_value

from ...errors import InvalidOperation, NotFound
from ...model import (
    ConsentEvent,
    ConsentKind,
    ConsentLevel,
    ConsentScope,
    Respondent,
    consent_scope_segment,
)
from ...store.access import may_read
from ..corpus.respondents import IDENTIFYING_KEY, find_respondent


class ConsentStatus(enum.StrEnum):
    NONE = "none"  # never asked
    PENDING = "pending"
    GRANTED = "granted"
    DECLINED = "declined"
    WITHDRAWN = "withdrawn"
    EXPIRED = "expired"


_STATUS_OF = {
    ConsentKind.REQUESTED: ConsentStatus.PENDING,
    ConsentKind.GRANTED: ConsentStatus.GRANTED,
    ConsentKind.DECLINED: ConsentStatus.DECLINED,
    ConsentKind.WITHDRAWN: ConsentStatus.WITHDRAWN,
}


@dataclass(frozen=True)
class Consent:
    """A respondent's permission now: the latest event that is not a note."""

    respondent_id: int
    status: ConsentStatus
    level: ConsentLevel | None = None
    translation_allowed: bool = False
    scope: ConsentScope = ConsentScope.ALL
    segment_ids: frozenset[int] = field(default_factory=frozenset)
    expires: date | None = None
    since: date | None = None
    last_event: date | None = None  # the latest event of any kind, notes included
    requested: date | None = None  # the latest request, for "days pending"


def record_event(
    session: Session,
    respondent_id: int,
    kind: ConsentKind | str,
    occurred: date,
    *,
    level: ConsentLevel | str | None = None,
    translation_allowed: bool | None = None,
    scope: ConsentScope | str | None = None,
    segment_ids: Iterable[int] = (),
    expires: date | None = None,
    channel: str | None = None,
    asked: str | None = None,
    note: str | None = None,
) -> ConsentEvent:
    """Append one event; a grant must say its level. Events are never edited."""
    kind = ConsentKind(kind)
    level = ConsentLevel(level) if level else None
    segments = sorted(set(segment_ids))
    scope = ConsentScope(scope) if scope else (ConsentScope.SEGMENTS if segments else None)
    if kind is ConsentKind.GRANTED:
        if level is None:
            raise InvalidOperation(None, "a grant needs a level: anonymous, handle or name")
        scope = scope or ConsentScope.ALL
        if scope is ConsentScope.SEGMENTS and not segments:
            raise InvalidOperation(None, "a grant limited to listed segments needs at least one")
        if expires is not None and expires < occurred:
            raise InvalidOperation(None, "a grant cannot expire before it was given")
        missing = missing_identity(session, respondent_id, level)
        if missing:
            raise InvalidOperation(None, missing)
    elif level is not None or segments or expires is not None:
        raise InvalidOperation(
            None, f"level, scope and expiry belong to a grant, not to {kind.value!r}"
        )
    event = ConsentEvent(
        respondent_id=respondent_id,
        kind=kind,
        occurred=occurred,
        level=level,
        translation_allowed=translation_allowed if kind is ConsentKind.GRANTED else None,
        scope=scope if kind is ConsentKind.GRANTED else None,
        expires=expires,
        channel=channel or None,
        asked=asked or None,
        note=note or None,
    )
    session.add(event)
    session.flush()
    if segments:
        session.execute(
            insert(consent_scope_segment),
            [{"event_id": event.id, "segment_id": s} for s in segments],
        )
    return event


# What a grant at a level prints beside the quote, so what must be on file to record it.
_NEEDS = {ConsentLevel.HANDLE: "handle", ConsentLevel.NAME: "name"}


def missing_identity(session: Session, respondent_id: int, level: ConsentLevel) -> str | None:
    """Why a grant at `level` cannot be recorded yet (None: it can): consent "by handle"
    for someone with no handle on file would print nothing, or a guess, beside the quote."""
    if level not in _NEEDS:
        return None
    field_name = _NEEDS[level]
    respondent = session.get(Respondent, respondent_id)
    if respondent is None:
        raise NotFound(None, f"no respondent with id {respondent_id}")
    identity = respondent.identity
    if identity is not None and (getattr(identity, field_name) or "").strip():
        return None
    how = "their forum and handle" if level is ConsentLevel.HANDLE else "their name"
    return (
        f"{respondent.label} has no {field_name} on file: add {how} to their private "
        f"identity (consent tracker) before recording consent by {field_name}"
    )


def record_event_for(
    session: Session, respondent: str, kind: ConsentKind | str, occurred: date, **details: object
) -> ConsentEvent:
    """As `record_event`, naming the respondent by import id or label."""
    found = find_respondent(session, respondent)
    return record_event(session, found.id, kind, occurred, **details)  # type: ignore[arg-type]


def derive(
    respondent_id: int,
    events: Sequence[Any],  # ConsentEvent objects or rows with the same columns
    scoped: dict[int, frozenset[int]],
    today: date | None = None,
) -> Consent:
    """The current consent from events in order of occurrence (ties: order recorded)."""
    ordered = sorted(events, key=lambda e: (e.occurred, e.id))
    if not ordered:
        return Consent(respondent_id, ConsentStatus.NONE)
    decisive = [e for e in ordered if e.kind is not ConsentKind.NOTE]
    requests = [e.occurred for e in ordered if e.kind is ConsentKind.REQUESTED]
    last_event = ordered[-1].occurred
    if not decisive:
        return Consent(respondent_id, ConsentStatus.NONE, last_event=last_event)
    latest = decisive[-1]
    status = _STATUS_OF[latest.kind]
    if (
        status is ConsentStatus.GRANTED
        and latest.expires
        and latest.expires < (today or date.today())
    ):
        status = ConsentStatus.EXPIRED
    return Consent(
        respondent_id,
        status,
        level=latest.level,
        translation_allowed=bool(latest.translation_allowed),
        scope=latest.scope or ConsentScope.ALL,
        segment_ids=scoped.get(latest.id, frozenset()),
        expires=latest.expires,
        since=latest.occurred,
        last_event=last_event,
        requested=requests[-1] if requests else None,
    )


_EVENT_COLUMNS = (
    ConsentEvent.id,
    ConsentEvent.respondent_id,
    ConsentEvent.kind,
    ConsentEvent.occurred,
    ConsentEvent.level,
    ConsentEvent.translation_allowed,
    ConsentEvent.scope,
    ConsentEvent.expires,
)
_CHUNK = 900  # ids per IN (...), well under the database's parameter limit


def current_consents(
    session: Session, respondent_ids: Iterable[int] | None = None, today: date | None = None
) -> dict[int, Consent]:
    """respondent id -> current consent, for all respondents (or those given).

    Events are read as plain rows (derive only needs their columns); for all respondents
    there is no IN list at all, so 10,000 respondents cost two short queries."""
    from ...model import Respondent

    if respondent_ids is None:
        ids = list(session.scalars(select(Respondent.id)))
        chunks: list[list[int] | None] = [None]
    else:
        ids = list(dict.fromkeys(respondent_ids))
        chunks = [ids[i : i + _CHUNK] for i in range(0, len(ids), _CHUNK)]
    by_respondent: dict[int, list[Any]] = {i: [] for i in ids}
    scoped: dict[int, set[int]] = {}
    for chunk in chunks:
        events = select(*_EVENT_COLUMNS)
        scopes = select(consent_scope_segment.c.event_id, consent_scope_segment.c.segment_id).join(
            ConsentEvent, ConsentEvent.id == consent_scope_segment.c.event_id
        )
        if chunk is not None:
            events = events.where(ConsentEvent.respondent_id.in_(chunk))
            scopes = scopes.where(ConsentEvent.respondent_id.in_(chunk))
        for event in session.execute(events):
            by_respondent.setdefault(event.respondent_id, []).append(event)
        for event_id, segment_id in session.execute(scopes):
            scoped.setdefault(event_id, set()).add(segment_id)
    frozen = {k: frozenset(v) for k, v in scoped.items()}
    return {
        rid: derive(rid, evs, frozen, today) if evs else Consent(rid, ConsentStatus.NONE)
        for rid, evs in by_respondent.items()
    }


def current_consent(session: Session, respondent_id: int, today: date | None = None) -> Consent:
    return current_consents(session, [respondent_id], today)[respondent_id]


def status_counts(session: Session, today: date | None = None) -> dict[str, int]:
    """status -> number of respondents, every status present (zero when none)."""
    counts = Counter(c.status.value for c in current_consents(session, today=today).values())
    return {s.value: counts.get(s.value, 0) for s in ConsentStatus}


def history(session: Session, respondent_id: int) -> list[ConsentEvent]:
    """A respondent's events, oldest first, with their evidence where the role may read it
    (a team coder's history has the decisions, not how they were asked nor the notes)."""
    query = (
        select(ConsentEvent)
        .where(ConsentEvent.respondent_id == respondent_id)
        .order_by(ConsentEvent.occurred, ConsentEvent.id)
    )
    if may_read(session, "consent_event", "note"):
        return list(session.scalars(query.options(undefer_group("ev"))))
    events = list(session.scalars(query))
    for event in events:
        for name in EVIDENCE:
            set_committed_value(event, name, None)
    return events


EVIDENCE = ("channel", "asked", "note")


# -- words people use, and the public table (no private identity) --------------------------

# The CLI, the consent table import and the tracker speak of statuses; events are kinds.
STATUS_KINDS: dict[str, ConsentKind] = {
    "pending": ConsentKind.REQUESTED,
    "requested": ConsentKind.REQUESTED,
    "granted": ConsentKind.GRANTED,
    "declined": ConsentKind.DECLINED,
    "withdrawn": ConsentKind.WITHDRAWN,
}


def kind_for_status(word: str) -> ConsentKind:
    """The event a status word records: pending -> requested, granted -> granted, ..."""
    kind = STATUS_KINDS.get(word.strip().lower())
    if kind is None:
        raise InvalidOperation(
            None, f"unknown status {word!r}: use pending, granted, declined or withdrawn"
        )
    return kind


def days_pending(consent: Consent, today: date | None = None) -> int | None:
    """Days since the latest request, while the answer is still outstanding."""
    if consent.status is not ConsentStatus.PENDING or consent.requested is None:
        return None
    return ((today or date.today()) - consent.requested).days


@dataclass(frozen=True)
class ConsentRow:
    """One respondent's consent as the tracker and `consent list` show it.

    Holds no private identity: `respondent` is the import id unless that id itself
    identifies someone (an e-mail, a phone number), in which case it is the label."""

    respondent_id: int
    respondent: str
    label: str
    consent: Consent
    days_pending: int | None

    @property
    def status(self) -> ConsentStatus:
        return self.consent.status


def public_key(key: str, label: str) -> str:
    """The import id, or the label when the id is an e-mail address or a phone number."""
    return label if IDENTIFYING_KEY.search(key) else key


def consent_rows(session: Session, today: date | None = None) -> list[ConsentRow]:
    """Every respondent's current consent, ordered by label, in three queries."""
    from ...model import Respondent

    today = today or date.today()
    people = session.execute(
        select(Respondent.id, Respondent.key, Respondent.label).order_by(Respondent.label)
    ).all()
    consents = current_consents(session, [p.id for p in people], today)
    return [
        ConsentRow(
            p.id,
            public_key(p.key, p.label),
            p.label,
            consents[p.id],
            days_pending(consents[p.id], today),
        )
        for p in people
    ]
