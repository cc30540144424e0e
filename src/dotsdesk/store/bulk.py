"""Many rows of one table at once: an import writes tens of thousands.

In SQLite, one statement sent many times without SQLAlchemy's work for each row
(compiling parameters, processing each value through its type, batching), which was a third
of a survey import's time. A server gets SQLAlchemy's multi-row statements instead: each
statement there fires the change-notification triggers once.

The values still go through each column's type, and a column left out gets the model's
default, so what is stored is what a Core or ORM insert would have stored."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from sqlalchemy import Column, Table, insert, text
from sqlalchemy.orm import Session

_Convert = Callable[[Any], Any]


def insert_rows(session: Session, table: Table, rows: Sequence[Mapping[str, Any]]) -> None:
    """Insert `rows` (column name -> value; every row the same names) into `table`, inside
    the session's transaction."""
    if not rows:
        return
    session.flush()  # what the ORM holds goes first (the rows may refer to it)
    connection = session.connection()
    dialect = connection.dialect
    if dialect.name != "sqlite":
        session.execute(insert(table), list(rows))
        return
    given = list(rows[0])
    columns = [table.c[name] for name in given]
    defaults: list[tuple[str, Callable[[], Any]]] = []
    for column in table.c:
        default = column.default
        if column.name in given or default is None or column.primary_key:
            continue
        if not getattr(default, "is_scalar", False) and not getattr(default, "is_callable", False):
            continue  # a SQL expression or sequence: the database fills it
        columns.append(column)
        defaults.append((column.name, _default_maker(default)))
    converts: list[_Convert | None] = [
        c.type.dialect_impl(dialect).bind_processor(dialect) for c in columns
    ]
    names = ", ".join(dialect.identifier_preparer.quote(c.name) for c in columns)
    marks = ", ".join(_placeholder(dialect.paramstyle, i) for i in range(len(columns)))
    into = dialect.identifier_preparer.format_table(table)
    sql = f"INSERT INTO {into} ({names}) VALUES ({marks})"
    params = []
    for row in rows:
        values = [row[name] for name in given] + [make() for _name, make in defaults]
        params.append(
            tuple(
                value if convert is None or value is None else convert(value)
                for value, convert in zip(values, converts, strict=True)
            )
        )
    cursor = connection.connection.driver_connection.cursor()  # type: ignore[union-attr]
    try:
        cursor.executemany(sql, params)
    finally:
        cursor.close()


def _default_maker(default: Any) -> Callable[[], Any]:
    if default.is_callable:
        return lambda: default.arg(None)  # SQLAlchemy wraps a no-argument function
    return lambda: default.arg


def _placeholder(style: str, i: int) -> str:
    return {"qmark": "?", "format": "%s", "pyformat": "%s", "numeric": f":{i + 1}"}[style]


def set_column(
    session: Session, table: Table, column: Column[Any], values: Sequence[tuple[int, Any]]
) -> None:
    """`column` of each row of `table` by id: (id, value) pairs, a batch in one statement."""
    session.flush()
    quote = session.get_bind().dialect.identifier_preparer
    into, name = quote.format_table(table), quote.quote(column.name)
    for start in range(0, len(values), _PAIRS):
        batch = values[start : start + _PAIRS]
        rows = ", ".join(f"(:i{n}, :v{n})" for n in range(len(batch)))
        params: dict[str, Any] = {}
        for n, (rid, value) in enumerate(batch):
            params[f"i{n}"], params[f"v{n}"] = rid, value
        # VALUES names its columns column1, column2 in SQLite and PostgreSQL alike.
        session.execute(
            text(
                f"UPDATE {into} SET {name} = v.column2 FROM (VALUES {rows}) AS v "
                f"WHERE {into}.id = v.column1"
            ),
            params,
        )


_PAIRS = 2_000  # two parameters each: well under SQLite's limit on bound parameters
