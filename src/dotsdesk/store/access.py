"""What this connection's role may read: everything in a project file; on a team server,
what the project's roles grant (store/pg_roles.py). Services ask before reading private
identity or consent evidence, so a coder's window shows less instead of failing."""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.orm import Session


def may_read(session: Session, table: str, column: str | None = None) -> bool:
    if session.get_bind().dialect.name != "postgresql":
        return True
    known: dict[tuple[str, str | None], bool] = session.info.setdefault("may_read", {})
    key = (table, column)
    if key not in known:
        if column is None:
            sql, params = "SELECT has_table_privilege(:t, 'SELECT')", {"t": table}
        else:
            sql = "SELECT has_column_privilege(:t, :c, 'SELECT')"
            params = {"t": table, "c": column}
        known[key] = bool(session.execute(text(sql), params).scalar())
    return known[key]
