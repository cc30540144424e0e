"""Undo and redo on a server project: the same steps as on SQLite, per coder.

Every connection tags what it changes with its session (`dotsdesk.session`, one per opening
of the project), and PL/pgSQL triggers (store/pg_schema.py) log the inverse statement of each
row change with the row's table and key. A step is the entries of my session between two
sequence numbers, so Ctrl+Z takes back my action, never a colleague's; a step whose rows a
colleague changed since is refused, naming what changed, rather than overwriting their work.
"""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.orm import Session

from ..errors import InvalidOperation
from .pg_names import REPLAYING, SESSION

_MINE = f"session = current_setting('{SESSION}')"
# Entries older than this are dropped when a project opens: no coder keeps a window (and
# its undo history) open that long, and the log of every coder would otherwise only grow.
_KEPT = "7 days"

# What a user calls the rows a colleague may have changed under an undo.
_NOUNS = {
    "segment": "a coded segment",
    "segment_code": "the codes of a segment",
    "code": "a code",
    "memo": "a memo",
    "consent_event": "a consent record",
    "block": "a block of a post",
    "section": "a section of a post",
    "post": "a post",
    "response": "a response's text",
    "respondent": "a respondent",
}


def last_seq(session: Session) -> int:
    return int(
        session.execute(
            text(f"SELECT coalesce(max(seq), 0) FROM undo_log WHERE {_MINE}")
        ).scalar_one()
    )


def step_tables(session: Session, first: int, last: int) -> frozenset[str]:
    rows = session.execute(
        text(f"SELECT DISTINCT tbl FROM undo_log WHERE {_MINE} AND seq > :a AND seq <= :b"),
        {"a": first, "b": last},
    ).scalars()
    return frozenset(rows)


def forget_since(session: Session, first: int) -> None:
    session.execute(text(f"DELETE FROM undo_log WHERE {_MINE} AND seq > :a"), {"a": first})


def replay(session: Session, first: int, last: int) -> int:
    """Apply the inverses of my entries `(first, last]`, newest first; returns the sequence
    number before the replay's own entries (the step that reverses it starts there)."""
    rows = session.execute(
        text(
            f"SELECT seq, tbl, key, stmt FROM undo_log WHERE {_MINE} "
            "AND seq > :a AND seq <= :b ORDER BY seq DESC"
        ),
        {"a": first, "b": last},
    ).all()
    if not rows and last > first:
        raise InvalidOperation(None, "cannot undo: this step is no longer recorded")
    _refuse_if_changed(session, last, [(r.tbl, r.key) for r in rows])
    session.execute(
        text(f"DELETE FROM undo_log WHERE {_MINE} AND seq > :a AND seq <= :b"),
        {"a": first, "b": last},
    )
    start = last_seq(session)
    session.execute(text(f"SET LOCAL {REPLAYING} = 'on'"))
    session.execute(text("SET CONSTRAINTS ALL DEFERRED"))  # parents may come back after children
    # The statements hold row data as JSON literals (colons, percent signs): they go to the
    # driver as they are, outside SQLAlchemy's and psycopg's placeholder parsing.
    cursor = session.connection().connection.dbapi_connection.cursor()  # type: ignore[union-attr]
    for row in rows:
        cursor.execute(row.stmt)
    session.execute(text(f"SET LOCAL {REPLAYING} = 'off'"))
    from .undo import check_bounds

    touched: dict[str, set[int]] = {"segment": set(), "response": set()}
    for row in rows:
        if row.tbl in touched:
            touched[row.tbl].add(int(row.key.strip("()")))
    check_bounds(session, touched["segment"], touched["response"])
    return start


def _refuse_if_changed(session: Session, last: int, keys: list[tuple[str, str]]) -> None:
    """A colleague's later change to any row of the step makes it unsafe to replay."""
    if not keys:
        return
    found = session.execute(
        text("SELECT dotsdesk_changed_since(:b, CAST(:tbls AS text[]), CAST(:keys AS text[]))"),
        {"b": last, "tbls": [k[0] for k in keys], "keys": [k[1] for k in keys]},
    ).scalar()
    if found is not None:
        what = _NOUNS.get(found, f"a row of {found}")
        raise InvalidOperation(
            None, f"cannot undo: a colleague has changed {what} of this step since"
        )


def clear(session_or_conn: object) -> None:
    """A new opening starts with no history; old entries of every coder are dropped."""
    execute = session_or_conn.execute  # type: ignore[attr-defined]
    execute(text(f"DELETE FROM undo_log WHERE {_MINE}"))
    execute(text(f"SELECT dotsdesk_prune(interval '{_KEPT}')"))
