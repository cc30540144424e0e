"""Code frequencies: how many segments, responses and respondents each code has, on its own
and with its sub-codes, over a population. Percentages are of the population's respondents
(the base, always given), with sub-codes, as "20% describe their work as research" counts."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from .codes import CodeNode, code_tree, codings, rolled_up
from .population import ALL, Population, base_respondents


@dataclass(frozen=True)
class CodeFrequency:
    code_id: int
    code: str  # the path, "Role/Research"
    colour: str
    depth: int
    segments: int  # coded with this code itself
    responses: int
    respondents: int
    segments_with_subcodes: int  # with it or any code under it, each segment once
    responses_with_subcodes: int
    respondents_with_subcodes: int
    base: int  # respondents in the population

    @property
    def percent(self) -> float:
        """Of the base, with sub-codes; 0 for an empty population."""
        return 100.0 * self.respondents_with_subcodes / self.base if self.base else 0.0


def code_frequencies(
    session: Session, population: Population = ALL, *, own_words: bool = True
) -> list[CodeFrequency]:
    """One row per code in codebook order (codes without segments too)."""
    nodes = code_tree(session)
    by_id = {n.id: n for n in nodes}
    own: dict[int, tuple[set[int], set[int], set[int]]] = {
        n.id: (set(), set(), set()) for n in nodes
    }
    rolled: dict[int, tuple[set[int], set[int], set[int]]] = {
        n.id: (set(), set(), set()) for n in nodes
    }
    for c in codings(session, population, own_words=own_words):
        mine = own.get(c.code_id)
        if mine is None:
            continue
        _add(mine, c.segment_id, c.response_id, c.respondent_id)
        for code_id in rolled_up(c.code_id, by_id):
            _add(rolled[code_id], c.segment_id, c.response_id, c.respondent_id)
    base = len(base_respondents(session, population))
    return [_row(n, own[n.id], rolled[n.id], base) for n in nodes]


def _add(
    sets: tuple[set[int], set[int], set[int]], segment: int, response: int, person: int
) -> None:
    sets[0].add(segment)
    sets[1].add(response)
    sets[2].add(person)


def _row(
    node: CodeNode,
    own: tuple[set[int], set[int], set[int]],
    rolled: tuple[set[int], set[int], set[int]],
    base: int,
) -> CodeFrequency:
    return CodeFrequency(
        node.id,
        node.path,
        node.colour,
        node.depth,
        len(own[0]),
        len(own[1]),
        len(own[2]),
        len(rolled[0]),
        len(rolled[1]),
        len(rolled[2]),
        base,
    )
