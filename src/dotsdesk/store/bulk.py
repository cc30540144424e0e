"""Many rows of one table at once: an import writes tens of thousands.

In SQLite, the driver's own statements of 500 rows each, without SQLAlchemy's work for
each row (compiling parameters, processing each value through its type), which was a third
of a survey import's time; and few statements, because each one lets another thread (the
import's language detection) take the interpreter, and getting it back can wait. A server
gets SQLAlchemy's multi-row statements instead: each statement there fires the
change-notification triggers once.

The values still go through each column's type, and a column left out gets the model's
default, so what is stored is what a Core or ORM insert would have stored (the default's
moment is the same for all the rows of one call)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from itertools import chain
from operator import itemgetter
from typing import Any

from sqlalchemy import Column, Table, insert, text
from sqlalchemy.orm import Session


def insert_rows(session: Session, table: Table, rows: Sequence[Mapping[str, Any]]) -> None:
    """Insert `rows` (column name -> value; every row the same names) into `table`, inside
    the session's transaction. A column left out gets the model's default, worked out once
    for all the rows (they are made at the same moment)."""
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
    fixed: list[Any] = []  # the defaults' values, the same for every row
    for column in table.c:
        default: Any = column.default
        if column.name in given or default is None or column.primary_key:
            continue
        if default.is_callable:
            value = default.arg(None)  # SQLAlchemy wraps a function of no argument
        elif default.is_scalar:
            value = default.arg
        else:
            continue  # a SQL expression or sequence: the database fills it
        convert = column.type.dialect_impl(dialect).bind_processor(dialect)
        columns.append(column)
        fixed.append(value if convert is None or value is None else convert(value))
    converts = [
        (i, convert)
        for i, column in enumerate(columns[: len(given)])
        if (convert := column.type.dialect_impl(dialect).bind_processor(dialect)) is not None
    ]
    pick = itemgetter(*given)
    params = []
    for row in rows:
        values = [*pick(row), *fixed] if len(given) > 1 else [row[given[0]], *fixed]
        for i, convert in converts:
            if values[i] is not None:
                values[i] = convert(values[i])
        params.append(values)
    quote = dialect.identifier_preparer
    names = ", ".join(quote.quote(c.name) for c in columns)
    marks = "(" + ", ".join("?" * len(columns)) + ")"
    into = f"INSERT INTO {quote.format_table(table)} ({names}) VALUES "
    # Many rows a statement: a few hundred statements for a survey, not one per row (each
    # lets another thread take the interpreter, and getting it back can wait).
    per = max(1, min(_ROWS, _VARIABLES // len(columns)))
    cursor = connection.connection.driver_connection.cursor()  # type: ignore[union-attr]
    try:
        for start in range(0, len(params), per):
            batch = params[start : start + per]
            cursor.execute(into + ", ".join([marks] * len(batch)), list(chain.from_iterable(batch)))
    finally:
        cursor.close()


def set_column(
    session: Session, table: Table, column: Column[Any], values: Sequence[tuple[int, Any]]
) -> None:
    """`column` of each row of `table` by id: (id, value) pairs."""
    if not values:
        return
    session.flush()
    connection = session.connection()
    dialect = connection.dialect
    quote = dialect.identifier_preparer
    into, name = quote.format_table(table), quote.quote(column.name)
    convert = column.type.dialect_impl(dialect).bind_processor(dialect)
    pairs = [(v if convert is None or v is None else convert(v), rid) for rid, v in values]
    if dialect.name == "sqlite":
        cursor = connection.connection.driver_connection.cursor()  # type: ignore[union-attr]
        try:
            cursor.executemany(f"UPDATE {into} SET {name} = ? WHERE id = ?", pairs)
        finally:
            cursor.close()
        return
    # A server: a batch in one statement (each statement fires the notify triggers once).
    for start in range(0, len(pairs), _PAIRS):
        batch = pairs[start : start + _PAIRS]
        rows = ", ".join(f"(:i{n}, :v{n})" for n in range(len(batch)))
        params: dict[str, Any] = {}
        for n, (value, rid) in enumerate(batch):
            params[f"i{n}"], params[f"v{n}"] = rid, value
        # VALUES names its columns column1, column2.
        session.execute(
            text(
                f"UPDATE {into} SET {name} = v.column2 FROM (VALUES {rows}) AS v "
                f"WHERE {into}.id = v.column1"
            ),
            params,
        )


_PAIRS = 2_000  # pairs per statement on a server
_ROWS = 500  # rows per statement in SQLite
_VARIABLES = 32_766  # SQLite's limit on a statement's parameters (3.32 and later)
