"""Full-text search index and segment bounds.

The index is a trigram FTS5 table over responses and translations, kept current by
triggers, so Chinese (no spaces between words) matches as well as English. A trigger
also keeps every segment inside its response's text, measured in code points, which is
what the database's length() counts.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25
"""

from __future__ import annotations

from alembic import op

from dotsdesk.store import pg_schema

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

_INDEXED = {"response": "response_fts", "translation": "translation_fts"}


def upgrade() -> None:
    if pg_schema.is_server():
        pg_schema.search_index()
        pg_schema.bounds_trigger("segment", "segment ends beyond its response text")
        return
    for table, fts in _INDEXED.items():
        op.execute(
            f"CREATE VIRTUAL TABLE {fts} USING fts5("
            f"text, content='{table}', content_rowid='id', tokenize='trigram')"
        )
        op.execute(
            f"CREATE TRIGGER {fts}_ai AFTER INSERT ON {table} BEGIN "
            f"INSERT INTO {fts}(rowid, text) VALUES (new.id, new.text); END"
        )
        op.execute(
            f"CREATE TRIGGER {fts}_ad AFTER DELETE ON {table} BEGIN "
            f"INSERT INTO {fts}({fts}, rowid, text) VALUES ('delete', old.id, old.text); END"
        )
        op.execute(
            f"CREATE TRIGGER {fts}_au AFTER UPDATE OF text ON {table} BEGIN "
            f"INSERT INTO {fts}({fts}, rowid, text) VALUES ('delete', old.id, old.text); "
            f"INSERT INTO {fts}(rowid, text) VALUES (new.id, new.text); END"
        )
        # Projects made at revision 0001 already hold text: index it now.
        op.execute(f"INSERT INTO {fts}({fts}) VALUES ('rebuild')")
    for when in ("INSERT", 'UPDATE OF start, "end", response_id'):
        name = "segment_bounds_" + when.split()[0].lower()
        op.execute(
            f"CREATE TRIGGER {name} BEFORE {when} ON segment "
            'WHEN new."end" > (SELECT length(text) FROM response WHERE id = new.response_id) '
            "BEGIN SELECT RAISE(ABORT, 'segment ends beyond its response text'); END"
        )


def downgrade() -> None:
    if pg_schema.is_server():
        op.execute("DROP TRIGGER IF EXISTS segment_bounds ON segment")
        for table in _INDEXED:
            op.execute(f"DROP INDEX IF EXISTS ix_{table}_text_trgm")
        return
    op.execute("DROP TRIGGER IF EXISTS segment_bounds_insert")
    op.execute("DROP TRIGGER IF EXISTS segment_bounds_update")
    for fts in _INDEXED.values():
        for suffix in ("ai", "ad", "au"):
            op.execute(f"DROP TRIGGER IF EXISTS {fts}_{suffix}")
        op.execute(f"DROP TABLE IF EXISTS {fts}")
