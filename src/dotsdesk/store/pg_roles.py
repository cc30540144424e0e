"""Who may read and change what in a team project, enforced by PostgreSQL itself.

Four group roles per project database, `<db>_owner`, `<db>_coder`, `<db>_consent` and
`<db>_reader`; a member is a login role granted one of them. Coders read and write the
responses, codes, segments, memos and posts but cannot read private identity nor the consent
evidence (how and when it was asked, the keeper's notes): the consent gate still sees what a
quote needs (kind, level, scope, dates). Consent keepers keep the tracker and identity;
readers only read what coders read. The owner (whoever ran `team init`) has everything.
"""

from __future__ import annotations

import re

from sqlalchemy import Connection, inspect, text

from ..errors import DotsError

ROLES = ("owner", "coder", "consent", "reader")
IDENTITY = {"identity"}
CONSENT = {"consent_event", "consent_scope_segment"}
EVIDENCE = ("channel", "asked", "note")  # consent_event's columns only keepers read
BOOKKEEPING = {"alembic_version", "undo_log", "undo_replay"}
_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]{0,40}$")


def group(database: str, role: str) -> str:
    return f"{database}_{role}"


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _check_name(name: str, what: str) -> None:
    if not _NAME.match(name):
        raise DotsError(None, f"{what} {name!r}: use letters, digits and _ (at most 41)")


def set_up_roles(conn: Connection) -> list[str]:
    """Create the group roles (if missing) and grant each its part; returns their names."""
    database = conn.execute(text("SELECT current_database()")).scalar_one()
    _check_name(database, "the database name")
    me = conn.execute(text("SELECT current_user")).scalar_one()
    tables = [t for t in inspect(conn).get_table_names() if t not in BOOKKEEPING]
    names = {role: group(database, role) for role in ROLES}
    for name in names.values():
        exists = conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :n"), {"n": name})
        if exists.first() is None:
            conn.execute(text(f"CREATE ROLE {_q(name)} NOLOGIN"))
    run = [
        f"REVOKE ALL ON DATABASE {_q(database)} FROM PUBLIC",
        "REVOKE ALL ON ALL TABLES IN SCHEMA public FROM PUBLIC",
        "REVOKE CREATE ON SCHEMA public FROM PUBLIC",
    ]
    for name in names.values():
        # Start each group from nothing, so running `team init` again takes back what an
        # earlier version granted (a column-level grant too: revoking the table drops it).
        run.append(f"REVOKE ALL ON ALL TABLES IN SCHEMA public FROM {_q(name)}")
        run += [
            f"GRANT CONNECT ON DATABASE {_q(database)} TO {_q(name)}",
            f"GRANT USAGE ON SCHEMA public TO {_q(name)}",
            f"GRANT SELECT, DELETE ON undo_log TO {_q(name)}",  # their own rows only (RLS)
            f"GRANT SELECT ON alembic_version TO {_q(name)}",
        ]
    shared = [t for t in tables if t not in IDENTITY | CONSENT]
    visible = ", ".join(_q(c) for c in _columns(conn, "consent_event") if c not in EVIDENCE)
    for role in ("coder", "reader"):
        name = _q(names[role])
        run += [f"GRANT SELECT ON {_q(t)} TO {name}" for t in shared]
        run += [
            f"GRANT SELECT ({visible}) ON consent_event TO {name}",
            f"GRANT SELECT ON consent_scope_segment TO {name}",
        ]
    coder = _q(names["coder"])
    run += [f"GRANT INSERT, UPDATE, DELETE ON {_q(t)} TO {coder}" for t in shared]
    run.append(f"GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO {coder}")
    keeper = _q(names["consent"])
    run += [f"GRANT SELECT ON {_q(t)} TO {keeper}" for t in tables]
    run += [f"GRANT INSERT, UPDATE, DELETE ON {_q(t)} TO {keeper}" for t in IDENTITY | CONSENT]
    # Recording consent for a respondent met in the field adds the respondent too.
    run.append(f"GRANT INSERT, UPDATE ON respondent TO {keeper}")
    run.append(f"GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO {keeper}")
    owner = _q(names["owner"])
    run += [
        f"GRANT ALL ON ALL TABLES IN SCHEMA public TO {owner}",
        f"GRANT ALL ON ALL SEQUENCES IN SCHEMA public TO {owner}",
        f"GRANT {owner} TO {_q(me)}",
    ]
    for statement in run:
        conn.execute(text(statement))
    return [names[r] for r in ROLES]


def _columns(conn: Connection, table: str) -> list[str]:
    return [c["name"] for c in inspect(conn).get_columns(table)]


def add_member(conn: Connection, name: str, role: str, password: str) -> None:
    """A login role for a new member, in the project's group for `role`."""
    if role not in ROLES:
        raise DotsError(None, f"no role {role!r}: choose one of {', '.join(ROLES)}")
    _check_name(name, "the member name")
    database = conn.execute(text("SELECT current_database()")).scalar_one()
    exists = conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :n"), {"n": name})
    if exists.first() is None:
        # CREATE ROLE takes no bind parameters: psycopg quotes the password as a literal.
        from psycopg import sql

        statement = sql.SQL("CREATE ROLE {} LOGIN PASSWORD {}").format(
            sql.Identifier(name), sql.Literal(password)
        )
        conn.connection.driver_connection.execute(statement)  # type: ignore[union-attr]
    conn.execute(text(f"GRANT {_q(group(database, role))} TO {_q(name)}"))


def can_read(conn: Connection, table: str, column: str | None = None) -> bool:
    """Whether this connection's role may read `table` (or one of its columns)."""
    if column is None:
        sql = "SELECT has_table_privilege(:t, 'SELECT')"
        return bool(conn.execute(text(sql), {"t": table}).scalar())
    sql = "SELECT has_column_privilege(:t, :c, 'SELECT')"
    return bool(conn.execute(text(sql), {"t": table, "c": column}).scalar())
