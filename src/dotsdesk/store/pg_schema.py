"""What the migrations build differently on a PostgreSQL server.

SQLite gets triggers written in its own dialect inside each migration; a server gets the
same rules here as PL/pgSQL: segment and turn bounds that step aside while an undo replays
(a transaction-local setting, since a shared `undo_replay` row would silence them for every
coder), trigram search with `pg_trgm`, foreign keys that an undo may defer, and the per-row
undo log every connection writes (store/undo_pg.py replays it).
"""

from __future__ import annotations

from alembic import op
from sqlalchemy import Connection, inspect, text

from .pg_names import CHANNEL, REPLAYING, SESSION

__all__ = ["CHANNEL", "REPLAYING", "SESSION"]


def is_server() -> bool:
    return op.get_bind().dialect.name == "postgresql"


def bounds_trigger(table: str, message: str) -> None:
    """`table`'s rows must end inside their response's text, counted in code points."""
    op.execute(
        f"""
        CREATE OR REPLACE FUNCTION {table}_bounds() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF coalesce(current_setting('{REPLAYING}', true), '') = 'on' THEN RETURN NEW; END IF;
          IF NEW."end" > (SELECT char_length(text) FROM response WHERE id = NEW.response_id)
          THEN RAISE EXCEPTION '{message}' USING ERRCODE = 'check_violation'; END IF;
          RETURN NEW;
        END $$
        """
    )
    op.execute(
        f'CREATE TRIGGER {table}_bounds BEFORE INSERT OR UPDATE OF start, "end", response_id '
        f"ON {table} FOR EACH ROW EXECUTE FUNCTION {table}_bounds()"
    )


def search_index() -> None:
    """ILIKE over a trigram GIN index: what FTS5's trigram tokenizer does on SQLite."""
    op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for table in ("response", "translation"):
        op.execute(f"CREATE INDEX ix_{table}_text_trgm ON {table} USING gin (text gin_trgm_ops)")


def undo_log() -> None:
    """Every connection logs the inverse of each row it changes, tagged with its session, so
    that undo is per coder and a replay can see what colleagues changed since."""
    op.execute(
        "CREATE TABLE undo_log (seq BIGSERIAL PRIMARY KEY, session TEXT NOT NULL, "
        "tbl TEXT NOT NULL, key TEXT NOT NULL, stmt TEXT NOT NULL, "
        "at TIMESTAMPTZ NOT NULL DEFAULT now())"
    )
    op.execute("CREATE INDEX ix_undo_log_session ON undo_log (session, seq)")
    op.execute("CREATE TABLE undo_replay (active INTEGER NOT NULL)")
    op.execute(
        f"""
        CREATE OR REPLACE FUNCTION dotsdesk_undo() RETURNS trigger LANGUAGE plpgsql AS $$
        DECLARE
          sess text := coalesce(current_setting('{SESSION}', true), '');
          tbl text := quote_ident(TG_TABLE_NAME);
          pk text := TG_ARGV[0];
          cols text := TG_ARGV[1];
          k text;
          stmt text;
        BEGIN
          IF sess = '' THEN RETURN NULL; END IF;
          IF TG_OP = 'INSERT' THEN
            EXECUTE format('SELECT row(%s)::text FROM (SELECT ($1).*) r', pk) USING NEW INTO k;
            stmt := format('DELETE FROM %s WHERE (%s) = (SELECT %s FROM '
                           'json_populate_record(NULL::%s, %L))',
                           tbl, pk, pk, tbl, row_to_json(NEW)::text);
          ELSIF TG_OP = 'UPDATE' THEN
            EXECUTE format('SELECT row(%s)::text FROM (SELECT ($1).*) r', pk) USING NEW INTO k;
            stmt := format('UPDATE %s SET (%s) = (SELECT %s FROM '
                           'json_populate_record(NULL::%s, %L)) WHERE (%s) = (SELECT %s FROM '
                           'json_populate_record(NULL::%s, %L))',
                           tbl, cols, cols, tbl, row_to_json(OLD)::text,
                           pk, pk, tbl, row_to_json(NEW)::text);
          ELSE
            EXECUTE format('SELECT row(%s)::text FROM (SELECT ($1).*) r', pk) USING OLD INTO k;
            stmt := format('INSERT INTO %s SELECT * FROM json_populate_record(NULL::%s, %L)',
                           tbl, tbl, row_to_json(OLD)::text);
          END IF;
          INSERT INTO undo_log(session, tbl, key, stmt) VALUES (sess, TG_TABLE_NAME, k, stmt);
          RETURN NULL;
        END $$ SECURITY DEFINER SET search_path = public
        """
    )
    # The log holds whole rows (identity among them, when a consent keeper edits it): each
    # coder reads and deletes only their own session's entries; what colleagues changed is
    # asked through two functions that answer without showing the rows.
    op.execute("ALTER TABLE undo_log ENABLE ROW LEVEL SECURITY")
    op.execute(
        f"CREATE POLICY own_session ON undo_log "
        f"USING (session = current_setting('{SESSION}', true))"
    )
    op.execute(
        f"""
        CREATE OR REPLACE FUNCTION dotsdesk_changed_since(after bigint, tbls text[], keys text[])
        RETURNS text LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
          SELECT tbl FROM undo_log
          WHERE session <> current_setting('{SESSION}', true) AND seq > after
            AND (tbl, key) IN (SELECT * FROM unnest(tbls, keys))
          LIMIT 1
        $$
        """
    )
    op.execute(
        """
        CREATE OR REPLACE FUNCTION dotsdesk_prune(kept interval) RETURNS void
        LANGUAGE sql SECURITY DEFINER SET search_path = public AS $$
          DELETE FROM undo_log WHERE at < now() - kept
        $$
        """
    )


def finish(conn: Connection) -> None:
    """After every upgrade on a server: foreign keys an undo may defer, and undo triggers on
    every table with its columns as they now stand (a migration that adds a table or a
    column needs nothing more of its own)."""
    conn.execute(text(_DEFERRABLE))
    conn.execute(text(_NOTIFY))
    skip = {"undo_log", "undo_replay", "alembic_version"}
    inspector = inspect(conn)
    for table in inspector.get_table_names():
        if table in skip:
            continue
        pk = ", ".join(f'"{c}"' for c in inspector.get_pk_constraint(table)["constrained_columns"])
        cols = ", ".join(f'"{c["name"]}"' for c in inspector.get_columns(table))
        conn.execute(text(f"DROP TRIGGER IF EXISTS {table}_notify ON {table}"))
        conn.execute(
            text(
                f"CREATE TRIGGER {table}_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE "
                f"ON {table} FOR EACH STATEMENT EXECUTE FUNCTION dotsdesk_notify()"
            )
        )
        conn.execute(text(f"DROP TRIGGER IF EXISTS {table}_undo ON {table}"))
        conn.execute(
            text(
                f"CREATE TRIGGER {table}_undo AFTER INSERT OR UPDATE OR DELETE ON {table} "
                f"FOR EACH ROW EXECUTE FUNCTION dotsdesk_undo('{pk}', '{cols}')"
            )
        )


# An undo may bring a parent back after its children: every foreign key may wait for the
# end of the transaction (`SET CONSTRAINTS ALL DEFERRED` in a replay only).
_DEFERRABLE = """
DO $$
DECLARE c record;
BEGIN
  FOR c IN SELECT conrelid::regclass AS tbl, conname FROM pg_constraint
           WHERE contype = 'f' AND NOT condeferrable
             AND connamespace = current_schema()::regnamespace
  LOOP
    EXECUTE format('ALTER TABLE %s ALTER CONSTRAINT %I DEFERRABLE', c.tbl, c.conname);
  END LOOP;
END $$
"""


# What changed, told to every coder's window at commit: one message per statement (not per
# row), naming the table and the session that changed it (a window ignores its own).
_NOTIFY = f"""
CREATE OR REPLACE FUNCTION dotsdesk_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('{CHANNEL}',
                    TG_TABLE_NAME || ' ' || coalesce(current_setting('{SESSION}', true), ''));
  RETURN NULL;
END $$
"""
