"""Codes by an attribute: how many respondents with each code have each value.

A cell counts respondents (not segments) of the population who have the code (with its
sub-codes, by default) and the value. A multiple-choice attribute puts a respondent in every
column they chose, so its columns may add up to more than the base; respondents without a
value are a column of their own. Every percentage comes with its base: of the row (respondents
with the code), of the column (respondents with the value) and of the total (the population).
The column `ALL_VALUES` is every respondent of the population: its percent of column is the
code's share, "20% describe their work as pure research".
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass
from typing import NamedTuple, cast

from sqlalchemy import select
from sqlalchemy.orm import Session

from ...errors import NotFound
from ...model import AttributeDef, AttributeType, AttributeValue
from ..corpus.respondents import choices_of, format_value
from .codes import CodeNode, code_tree, codings, subtree
from .population import ALL, Population, base_respondents


class _Raw(NamedTuple):
    """What `format_value` reads of a value."""

    value_text: str | None
    value_number: float | None


ALL_VALUES = "(all)"
NO_VALUE = "(no value)"


@dataclass(frozen=True)
class CrosstabCell:
    code_id: int
    code: str
    value: str  # an attribute value, NO_VALUE or ALL_VALUES
    respondents: int
    row_base: int  # respondents with the code
    column_base: int  # respondents with the value
    total_base: int  # respondents in the population

    @property
    def percent_of_row(self) -> float:
        return _percent(self.respondents, self.row_base)

    @property
    def percent_of_column(self) -> float:
        return _percent(self.respondents, self.column_base)

    @property
    def percent_of_total(self) -> float:
        return _percent(self.respondents, self.total_base)


@dataclass(frozen=True)
class Crosstab:
    attribute: str
    multiple: bool  # a multiple-choice attribute: columns may overlap
    codes: list[CodeNode]
    values: list[str]  # columns in order, NO_VALUE last if anyone lacks a value
    cells: dict[tuple[int, str], CrosstabCell]  # (code id, value), ALL_VALUES included
    column_bases: dict[str, int]
    total: int

    def cell(self, code_id: int, value: str) -> CrosstabCell:
        return self.cells[(code_id, value)]

    def rows(self) -> list[CrosstabCell]:
        """Every cell, code by code, the values in column order then ALL_VALUES."""
        return [self.cells[(c.id, v)] for c in self.codes for v in [*self.values, ALL_VALUES]]


def _percent(part: int, whole: int) -> float:
    return 100.0 * part / whole if whole else 0.0


def respondent_values(
    session: Session, attribute: str
) -> tuple[AttributeDef, dict[int, list[str]]]:
    """The attribute and each respondent's values as shown (choices of a multiple choice)."""
    found = session.scalar(select(AttributeDef).where(AttributeDef.name == attribute))
    if found is None:
        names = ", ".join(
            session.scalars(select(AttributeDef.name).order_by(AttributeDef.position))
        )
        raise NotFound(None, f"no attribute {attribute!r} (there are: {names or 'none'})")
    rows = session.execute(
        select(
            AttributeValue.respondent_id, AttributeValue.value_text, AttributeValue.value_number
        ).where(AttributeValue.attribute_id == found.id)
    ).all()
    values: dict[int, list[str]] = {}
    for person, text, number in rows:
        if found.type is AttributeType.MULTI:
            values[person] = choices_of(text)
        else:
            # A plain pair, not an ORM object: 10,000 of those cost a fifth of a second.
            shown = format_value(cast(AttributeValue, _Raw(text, number)))
            values[person] = [shown] if shown else []
    return found, values


def _order(attribute: AttributeDef, values: Collection[str]) -> list[str]:
    if attribute.type is AttributeType.NUMBER:
        return sorted(values, key=float)
    return sorted(values, key=lambda v: (_natural(v), v))


def _natural(value: str) -> list[str | int]:
    """Numbers inside a value compared as numbers: "11-50" after "1-10", "5000+" last.
    Splitting on a captured group puts text at even places and digits at odd ones, so
    like is always compared with like."""
    parts = re.split(r"(\d+)", value.casefold())
    return [int(p) if i % 2 else p for i, p in enumerate(parts)]


def crosstab(
    session: Session,
    attribute: str,
    population: Population = ALL,
    *,
    code_ids: Collection[int] | None = None,
    subcodes: bool = True,
    own_words: bool = True,
) -> Crosstab:
    """Rows: every code (or those under `code_ids`, roots included), in codebook order."""
    definition, values = respondent_values(session, attribute)
    people = base_respondents(session, population)
    nodes = code_tree(session)
    rows = subtree(nodes, code_ids) if code_ids is not None else nodes
    coded: dict[int, set[int]] = {n.id: set() for n in nodes}
    for _segment, _response, person, _start, _end, _coder, code in codings(
        session, population, own_words=own_words
    ):
        if code in coded and person in people:
            coded[code].add(person)
    if subcodes:  # children follow their parent in tree order: backwards, each adds to it
        for node in reversed(nodes):
            if node.parent_id is not None:
                coded[node.parent_id] |= coded[node.id]
    columns: dict[int, list[str]] = {p: values.get(p) or [NO_VALUE] for p in people}
    bases: dict[str, int] = {}
    for chosen in columns.values():
        for value in chosen:
            bases[value] = bases.get(value, 0) + 1
    order = _order(definition, [v for v in bases if v != NO_VALUE])
    if NO_VALUE in bases:
        order.append(NO_VALUE)
    bases = {v: bases[v] for v in order}
    bases[ALL_VALUES] = len(people)
    cells: dict[tuple[int, str], CrosstabCell] = {}
    for node in rows:
        have = coded[node.id]
        counts = dict.fromkeys(order, 0)
        for person in have:
            for value in columns[person]:
                counts[value] += 1
        counts[ALL_VALUES] = len(have)
        for value, n in counts.items():
            cells[(node.id, value)] = CrosstabCell(
                node.id, node.path, value, n, len(have), bases[value], len(people)
            )
    return Crosstab(
        definition.name,
        definition.type is AttributeType.MULTI,
        rows,
        order,
        cells,
        bases,
        len(people),
    )
