"""Sets: named groups of respondents or responses, used as populations.

A set is made from a selection, from the browser's filter as it stands (its members are
fixed then, like a post's population) or by an import (everyone who answered in the file).
A respondent set stands for all its respondents' responses wherever responses are counted;
a response set stands for its responses, and for their respondents wherever people are.
Each change here is one transaction of the caller (one undo step in the window).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import Select, delete, func, insert, literal, select, union
from sqlalchemy.orm import Session

from ...errors import InvalidOperation, NotFound
from ...model import (
    NamedSet,
    Respondent,
    Response,
    SetKind,
    SetOrigin,
    SetRespondent,
    SetResponse,
)

MAX_NAME = 200
_CHUNK = 500


@dataclass(frozen=True)
class SetInfo:
    id: int
    name: str
    kind: SetKind
    origin: SetOrigin
    description: str | None
    created: datetime
    members: int  # respondents or responses, by kind
    responses: int  # the responses it stands for


def _member_table(kind: SetKind) -> tuple[Any, Any, Any]:
    """(member table, its id column, the table the ids are of)."""
    if kind is SetKind.RESPONDENTS:
        return SetRespondent, SetRespondent.respondent_id, Respondent
    return SetResponse, SetResponse.response_id, Response


def _get(session: Session, set_id: int) -> NamedSet:
    found = session.get(NamedSet, set_id)
    if found is None:
        raise NotFound(None, f"no set {set_id}")
    return found


def _clean_name(session: Session, name: str, keep: int | None = None) -> str:
    name = " ".join(name.split())
    if not name:
        raise InvalidOperation(None, "a set needs a name")
    if len(name) > MAX_NAME:
        raise InvalidOperation(None, f"a set's name is at most {MAX_NAME} characters")
    other = session.scalar(select(NamedSet.id).where(NamedSet.name == name))
    if other is not None and other != keep:
        raise InvalidOperation(None, f"there is already a set named {name!r}")
    return name


def free_name(session: Session, base: str) -> str:
    """`base`, or `base (2)`, `base (3)` ... whichever no set has yet."""
    base = " ".join(base.split())[: MAX_NAME - 6] or "set"
    like = NamedSet.name.startswith(base, autoescape=True)
    taken = set(session.scalars(select(NamedSet.name).where(like)))
    name, n = base, 1
    while name in taken:
        n += 1
        name = f"{base} ({n})"
    return name


def list_sets(session: Session) -> list[SetInfo]:
    """Every set with its size, by name (case folded). Three narrow queries, whatever the
    number of sets."""
    people = dict(
        session.execute(
            select(SetRespondent.set_id, func.count()).group_by(SetRespondent.set_id)
        ).all()
    )
    answers = dict(
        session.execute(select(SetResponse.set_id, func.count()).group_by(SetResponse.set_id)).all()
    )
    reached = dict(
        session.execute(
            select(SetRespondent.set_id, func.count(Response.id))
            .join(Response, Response.respondent_id == SetRespondent.respondent_id)
            .group_by(SetRespondent.set_id)
        ).all()
    )
    out = []
    for row in session.scalars(select(NamedSet)):
        if row.kind is SetKind.RESPONDENTS:
            members, responses = people.get(row.id, 0), reached.get(row.id, 0)
        else:
            members = responses = answers.get(row.id, 0)
        info = (row.id, row.name, row.kind, row.origin, row.description, row.created)
        out.append(SetInfo(*info, members, responses))
    return sorted(out, key=lambda s: (s.name.casefold(), s.id))


def get_set(session: Session, set_id: int) -> SetInfo:
    _get(session, set_id)
    return next(s for s in list_sets(session) if s.id == set_id)


def create_set(
    session: Session,
    name: str,
    kind: SetKind | str,
    ids: Iterable[int] = (),
    *,
    origin: SetOrigin | str = SetOrigin.SELECTION,
    description: str | None = None,
) -> int:
    """A new set of these respondents (or responses); returns its id."""
    row = NamedSet(
        name=_clean_name(session, name),
        kind=SetKind(kind),
        origin=SetOrigin(origin),
        description=(description or "").strip() or None,
    )
    session.add(row)
    session.flush()
    add_members(session, row.id, ids)
    return row.id


def _existing(session: Session, kind: SetKind, ids: Collection[int]) -> set[int]:
    _, _, target = _member_table(kind)
    found: set[int] = set()
    wanted = sorted(ids)
    for at in range(0, len(wanted), _CHUNK):
        chunk = wanted[at : at + _CHUNK]
        found.update(session.scalars(select(target.id).where(target.id.in_(chunk))))
    return found


def add_members(session: Session, set_id: int, ids: Iterable[int]) -> int:
    """Add respondents (responses) to the set; those already in it are skipped. Returns how
    many were added. An id that names nothing is refused and nothing is added."""
    row = _get(session, set_id)
    table, column, _ = _member_table(row.kind)
    wanted = set(ids)
    missing = wanted - _existing(session, row.kind, wanted)
    if missing:
        what = "respondent" if row.kind is SetKind.RESPONDENTS else "response"
        raise NotFound(None, f"no {what} {min(missing)}")
    have = set(session.scalars(select(column).where(table.set_id == set_id)))
    new = sorted(wanted - have)
    for at in range(0, len(new), _CHUNK):
        session.execute(
            insert(table), [{"set_id": set_id, column.key: i} for i in new[at : at + _CHUNK]]
        )
    session.flush()
    return len(new)


def remove_members(session: Session, set_id: int, ids: Iterable[int]) -> int:
    row = _get(session, set_id)
    table, column, _ = _member_table(row.kind)
    gone = 0
    wanted = sorted(set(ids))
    for at in range(0, len(wanted), _CHUNK):
        chunk = wanted[at : at + _CHUNK]
        result = session.execute(delete(table).where(table.set_id == set_id, column.in_(chunk)))
        gone += result.rowcount or 0  # type: ignore[attr-defined]
    session.flush()
    return gone


def rename_set(session: Session, set_id: int, name: str) -> str:
    row = _get(session, set_id)
    row.name = _clean_name(session, name, keep=set_id)
    session.flush()
    return row.name


def delete_set(session: Session, set_id: int) -> None:
    """The set goes; its respondents and responses stay."""
    session.delete(_get(session, set_id))
    session.flush()


def member_ids(session: Session, set_id: int) -> list[int]:
    row = _get(session, set_id)
    table, column, _ = _member_table(row.kind)
    return list(session.scalars(select(column).where(table.set_id == set_id).order_by(column)))


def response_ids_in(set_ids: Collection[int]) -> Select[Any]:
    """A select of the responses any of the sets stands for (a respondent set: every
    response of its respondents). For a query's `IN (...)`: no round trip of ids."""
    chosen = sorted(set_ids)
    return select(
        union(
            select(SetResponse.response_id).where(SetResponse.set_id.in_(chosen)),
            select(Response.id)
            .join(SetRespondent, SetRespondent.respondent_id == Response.respondent_id)
            .where(SetRespondent.set_id.in_(chosen)),
        ).subquery()
    )


def respondent_ids_in(set_ids: Collection[int]) -> Select[Any]:
    """A select of the respondents of any of the sets (a response set: who gave them)."""
    chosen = sorted(set_ids)
    return select(
        union(
            select(SetRespondent.respondent_id).where(SetRespondent.set_id.in_(chosen)),
            select(Response.respondent_id)
            .join(SetResponse, SetResponse.response_id == Response.id)
            .where(SetResponse.set_id.in_(chosen)),
        ).subquery()
    )


def set_from_import(session: Session, filename: str, today: date | None = None) -> int | None:
    """After an import: a set of everyone with an answer from `filename`, named after the
    file and the day ("survey.csv 2026-12-06"; "(2)" for a second import that day). None
    when the file brought no responses."""
    people = select(Response.respondent_id).where(Response.source == filename).distinct()
    if session.scalar(select(func.count()).select_from(people.subquery())) == 0:
        return None
    name = free_name(session, f"{filename} {(today or date.today()).isoformat()}")
    row = NamedSet(
        name=name,
        kind=SetKind.RESPONDENTS,
        origin=SetOrigin.IMPORT,
        description=f"everyone with an answer from {filename}",
    )
    session.add(row)
    session.flush()
    session.execute(
        insert(SetRespondent).from_select(
            ["set_id", "respondent_id"], select(literal(row.id), people.subquery().c[0])
        )
    )
    session.flush()
    return row.id


def respondents_of_responses(session: Session, response_ids: Collection[int]) -> list[int]:
    """Who gave these responses, each once, in id order."""
    wanted = sorted(set(response_ids))
    found: set[int] = set()
    for at in range(0, len(wanted), _CHUNK):
        chunk = wanted[at : at + _CHUNK]
        found.update(session.scalars(select(Response.respondent_id).where(Response.id.in_(chunk))))
    return sorted(found)


def _as_members(session: Session, kind: SetKind, response_ids: Collection[int]) -> list[int]:
    if kind is SetKind.RESPONDENTS:
        return respondents_of_responses(session, response_ids)
    return sorted(set(response_ids))


def set_from_responses(
    session: Session,
    name: str,
    kind: SetKind | str,
    response_ids: Collection[int],
    *,
    origin: SetOrigin | str = SetOrigin.SELECTION,
    description: str | None = None,
) -> int:
    """A new set from responses the browser lists or has selected: those responses, or
    (a respondent set) the people who gave them."""
    kind = SetKind(kind)
    members = _as_members(session, kind, response_ids)
    return create_set(session, name, kind, members, origin=origin, description=description)


def add_responses(session: Session, set_id: int, response_ids: Collection[int]) -> int:
    """Add the responses (a respondent set: the people who gave them); returns how many
    members were new."""
    kind = _get(session, set_id).kind
    return add_members(session, set_id, _as_members(session, kind, response_ids))


def population_of(session: Session, set_id: int) -> tuple[str, Select[Any]]:
    """A set as a post's population: its name and a select of its respondents."""
    return _get(session, set_id).name, respondent_ids_in({set_id})
