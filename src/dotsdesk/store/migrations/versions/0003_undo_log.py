"""Undo log, and segment bounds that step aside while an undo replays.

The app records, per connection, the inverse of every row change into `undo_log`
(see store/undo.py). Replaying inverses in reverse order can pass through states where
a segment briefly lies beyond a text that is about to grow back, so the bounds triggers
skip while `undo_replay` holds a row; the replay checks all bounds itself before commit.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25
"""

from __future__ import annotations

from alembic import op

from dotsdesk.store import pg_schema

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

_BOUNDS = ("INSERT", 'UPDATE OF start, "end", response_id')


def _bounds_triggers(extra: str) -> None:
    for when in _BOUNDS:
        name = "segment_bounds_" + when.split()[0].lower()
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
        op.execute(
            f"CREATE TRIGGER {name} BEFORE {when} ON segment "
            'WHEN new."end" > (SELECT length(text) FROM response WHERE id = new.response_id)'
            f"{extra} BEGIN SELECT RAISE(ABORT, 'segment ends beyond its response text'); END"
        )


def upgrade() -> None:
    if pg_schema.is_server():
        pg_schema.undo_log()  # the bounds triggers of 0002 already step aside in a replay
        return
    op.execute("CREATE TABLE undo_log (seq INTEGER PRIMARY KEY, stmt TEXT NOT NULL)")
    op.execute("CREATE TABLE undo_replay (active INTEGER NOT NULL)")
    _bounds_triggers(" AND NOT EXISTS (SELECT 1 FROM undo_replay)")


def downgrade() -> None:
    if pg_schema.is_server():
        op.execute("DROP TABLE undo_replay")
        op.execute("DROP TABLE undo_log CASCADE")
        return
    _bounds_triggers("")
    op.execute("DROP TABLE undo_replay")
    op.execute("DROP TABLE undo_log")
