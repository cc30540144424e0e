"""Copy a whole project between a file and a server, every id kept, in one transaction.

`team push` fills a new team project from a laptop's `.dots`; `team pull` makes an offline
copy of a server project. Tables go parents first, in batches; a server's id sequences are
moved past the copied ids after. Nothing is logged for undo: a copy is not an edit. What the
reading role may not see (identity, consent evidence, for a coder) is left out of a pull,
and the report says so.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import JSON, Connection, Row, Table, func, insert, select, text

from ..model import Base
from .pg_names import SESSION
from .pg_roles import can_read

BATCH = 5_000
_SKIPPED = {"undo_log", "undo_replay", "alembic_version"}

Progress = Callable[[str, int, int], None]  # table, rows copied so far, rows in it


@dataclass
class CopyReport:
    rows: dict[str, int] = field(default_factory=dict)
    left_out: list[str] = field(default_factory=list)  # what the role could not read

    def summary(self) -> str:
        total = sum(self.rows.values())
        parts = [f"{n} {t}" for t, n in self.rows.items() if n]
        line = f"copied {total} rows ({', '.join(parts) or 'an empty project'})"
        if self.left_out:
            line += "; left out (not readable with this role): " + ", ".join(self.left_out)
        return line


def tables() -> list[Table]:
    return [t for t in Base.metadata.sorted_tables if t.name not in _SKIPPED]


def is_empty(conn: Connection) -> bool:
    """No project data yet (settings aside): what a push needs of its target."""
    return all(
        conn.execute(select(func.count()).select_from(t)).scalar_one() == 0
        for t in tables()
        if t.name != "setting"
    )


def copy_project(
    source: Connection, target: Connection, progress: Progress | None = None
) -> CopyReport:
    """Copy every row `source` may read into the empty project behind `target`."""
    report = CopyReport()
    server_source = source.dialect.name == "postgresql"
    if target.dialect.name == "postgresql":
        target.execute(text(f"SET LOCAL {SESSION} = ''"))  # the undo triggers stand aside
    target.execute(Base.metadata.tables["setting"].delete())
    for table in tables():
        columns = list(table.columns)
        if server_source and not can_read(source, table.name):
            readable = [c for c in columns if can_read(source, table.name, c.name)]
            if not readable or any(c.primary_key for c in columns if c not in readable):
                report.left_out.append(table.name)
                continue
            report.left_out += [f"{table.name}.{c.name}" for c in columns if c not in readable]
            columns = readable
        total = source.execute(select(func.count()).select_from(table)).scalar_one()
        done = 0
        order = list(table.primary_key.columns) or columns[:1]
        result = source.execution_options(stream_results=True, yield_per=BATCH).execute(
            select(*columns).order_by(*order)
        )
        write = _copy_rows if target.dialect.name == "postgresql" else _insert_rows
        for batch in result.partitions(BATCH):
            write(target, table, columns, batch)
            done += len(batch)
            if progress is not None:
                progress(table.name, done, total)
        report.rows[table.name] = done
    if target.dialect.name == "postgresql":
        _move_sequences(target)
    return report


def _insert_rows(
    conn: Connection, table: Table, columns: list[Any], batch: Sequence[Row[Any]]
) -> None:
    conn.execute(insert(table), [dict(row._mapping) for row in batch])


def _copy_rows(
    conn: Connection, table: Table, columns: list[Any], batch: Sequence[Row[Any]]
) -> None:
    """COPY, in the same transaction: several times faster than INSERT on a server. Each
    value goes through its column type's own conversion (enums, JSON), as an INSERT would."""
    names = ", ".join(f'"{c.name}"' for c in columns)
    convert = [
        json.dumps if isinstance(c.type, JSON) else c.type.bind_processor(conn.dialect)
        for c in columns
    ]
    raw = conn.connection.driver_connection
    statement = f'COPY "{table.name}" ({names}) FROM STDIN'
    with raw.cursor() as cursor, cursor.copy(statement) as copy:  # type: ignore[union-attr]
        for row in batch:
            copy.write_row(
                [v if f is None or v is None else f(v) for f, v in zip(convert, row, strict=True)]
            )


def _move_sequences(conn: Connection) -> None:
    for table in tables():
        if "id" in table.columns and table.columns["id"].autoincrement in (True, "auto"):
            conn.execute(
                text(
                    "SELECT setval(pg_get_serial_sequence(:t, 'id'), "
                    f"coalesce((SELECT max(id) FROM {table.name}), 0) + 1, false)"
                ),
                {"t": table.name},
            )
