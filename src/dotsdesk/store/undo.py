"""Undo and redo for every kind of change, recorded by the database itself.

Temporary triggers (installed on each connection of a project opened with undo) write
the inverse SQL of every inserted, updated or deleted row into `undo_log`, the pattern
the SQLite documentation describes for undo/redo. One user action is one transaction, so
its inverses form one `Step`; replaying a step in reverse order undoes it and records
the inverse of the replay, which is the redo. Services stay unaware of undo.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Table, func, or_, select, text
from sqlalchemy.orm import Session

from ..errors import InvalidOperation
from ..model import Base, Response, Segment
from . import undo_pg

_NOT_TRACKED = {"undo_log", "undo_replay", "alembic_version"}
_TABLE_OF = re.compile(r'^(?:DELETE FROM|UPDATE|INSERT INTO) "([^"]+)"')
# The row an inverse statement restores: `... WHERE rowid=N` or `INSERT ... VALUES(N, ...`.
# (Anchored at either end: the values between may hold any text a user wrote.)
_ROWID = re.compile(r'WHERE rowid=(\d+)$|^INSERT INTO "[^"]+"\(rowid, [^)]*\) VALUES\((\d+),')


@dataclass(frozen=True)
class Step:
    """The undo-log entries `(first, last]` one transaction wrote."""

    first: int
    last: int
    tables: frozenset[str] = frozenset()

    @property
    def empty(self) -> bool:
        return self.last <= self.first


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _triggers(table: Table) -> list[str]:
    t = table.name
    cols = [c.name for c in table.columns]
    sets = "||', '||".join(f"'{_q(c)}='||quote(old.{_q(c)})" for c in cols)
    values = "||', '||".join(f"quote(old.{_q(c)})" for c in cols)
    names = ", ".join(_q(c) for c in cols)
    log = "INSERT INTO undo_log(stmt) VALUES"
    return [
        f"CREATE TEMP TRIGGER IF NOT EXISTS undo_{t}_i AFTER INSERT ON main.{_q(t)} BEGIN "
        f"{log}('DELETE FROM {_q(t)} WHERE rowid='||new.rowid); END",
        f"CREATE TEMP TRIGGER IF NOT EXISTS undo_{t}_u AFTER UPDATE ON main.{_q(t)} BEGIN "
        f"{log}('UPDATE {_q(t)} SET '||{sets}||' WHERE rowid='||old.rowid); END",
        f"CREATE TEMP TRIGGER IF NOT EXISTS undo_{t}_d BEFORE DELETE ON main.{_q(t)} BEGIN "
        f"{log}('INSERT INTO {_q(t)}(rowid, {names}) "
        f"VALUES('||old.rowid||', '||{values}||')'); END",
    ]


def install_triggers(dbapi_connection: Any) -> None:
    """Called for every new connection of an undo-enabled project."""
    cur = dbapi_connection.cursor()
    for table in Base.metadata.sorted_tables:
        if table.name not in _NOT_TRACKED:
            for statement in _triggers(table):
                cur.execute(statement)
    cur.close()


def _on_server(db: Session | Connection) -> bool:
    return (
        db.get_bind().dialect.name == "postgresql"
        if isinstance(db, Session)
        else (db.dialect.name == "postgresql")
    )


def last_seq(session: Session) -> int:
    if _on_server(session):
        return undo_pg.last_seq(session)
    return int(session.execute(text("SELECT coalesce(max(seq), 0) FROM undo_log")).scalar_one())


def step_since(session: Session, first: int) -> Step:
    last = last_seq(session)
    if _on_server(session):
        return Step(first, last, undo_pg.step_tables(session, first, last))
    stmts = session.execute(
        text("SELECT stmt FROM undo_log WHERE seq > :a AND seq <= :b"), {"a": first, "b": last}
    ).scalars()
    tables = frozenset(m[1] for s in stmts if (m := _TABLE_OF.match(s)))
    return Step(first, last, tables)


def forget_since(session: Session, first: int) -> None:
    """Drop what this transaction logged after `first`: for bookkeeping that is not a user's
    edit (the figures an export wrote), which undo must not take back."""
    if _on_server(session):
        undo_pg.forget_since(session, first)
        return
    session.execute(text("DELETE FROM undo_log WHERE seq > :a"), {"a": first})


def replay(session: Session, step: Step) -> Step:
    """Apply the inverses of `step` (newest first); returns the step that reverses this."""
    if _on_server(session):
        return step_since(session, undo_pg.replay(session, step.first, step.last))
    rows = session.execute(
        text("SELECT seq, stmt FROM undo_log WHERE seq > :a AND seq <= :b ORDER BY seq DESC"),
        {"a": step.first, "b": step.last},
    ).all()
    session.execute(
        text("DELETE FROM undo_log WHERE seq > :a AND seq <= :b"), {"a": step.first, "b": step.last}
    )
    start = last_seq(session)
    conn = session.connection()
    conn.exec_driver_sql("PRAGMA defer_foreign_keys = ON")  # parents may come back after children
    conn.exec_driver_sql("INSERT INTO undo_replay(active) VALUES (1)")
    for _seq, stmt in rows:
        conn.exec_driver_sql(stmt)
    conn.exec_driver_sql("DELETE FROM undo_replay")
    touched: dict[str, set[int]] = {"segment": set(), "response": set()}
    for _seq, stmt in rows:
        if (m := _TABLE_OF.match(stmt)) and m[1] in touched and (r := _ROWID.search(stmt)):
            touched[m[1]].add(int(r[1] or r[2]))
    check_bounds(session, touched["segment"], touched["response"])
    return step_since(session, start)


def check_bounds(session: Session, segment_ids: set[int], response_ids: set[int]) -> None:
    """After a replay, with the bounds triggers stood aside: every segment the step put back
    or moved, and every segment of a text it changed, lies inside its text. Only those are
    looked at: a scan of every segment made each undo of a large project take half a second."""
    if not segment_ids and not response_ids:
        return
    bad = session.execute(
        select(Segment.id)
        .join(Response, Response.id == Segment.response_id)
        .where(or_(Segment.id.in_(segment_ids), Segment.response_id.in_(response_ids)))
        .where(Segment.end > func.length(Response.text))
        .limit(1)
    ).first()
    if bad is not None:
        raise InvalidOperation(None, "cannot undo: a segment would lie outside its text")


def clear(db: Session | Connection) -> None:
    """Undo history lives as long as one opening of the project."""
    if _on_server(db):
        undo_pg.clear(db)
        return
    db.execute(text("DELETE FROM undo_log"))
