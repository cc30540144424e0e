"""Code frequencies: how many segments, responses and respondents each code has, on its own
and with its sub-codes, over a population. Percentages are of the population's respondents
(the base, always given), with sub-codes, as "20% describe their work as research" counts."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from .codes import CodeNode, code_tree, codings
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
    own: dict[int, _Sets] = {n.id: (set(), set(), set()) for n in nodes}
    for segment, response, person, _start, _end, _coder, code in codings(
        session, population, own_words=own_words
    ):  # unpacked: a hundred thousand attribute lookups cost more than the counting
        sets = own.get(code)
        if sets is not None:
            sets[0].add(segment)
            sets[1].add(response)
            sets[2].add(person)
    # Children come after their parent in tree order: backwards, each adds to its parent.
    rolled: dict[int, _Sets] = {cid: (set(a), set(b), set(c)) for cid, (a, b, c) in own.items()}
    for node in reversed(nodes):
        if node.parent_id is not None:
            for mine, parents in zip(rolled[node.id], rolled[node.parent_id], strict=True):
                parents |= mine
    base = len(base_respondents(session, population))
    return [_row(n, own[n.id], rolled[n.id], base) for n in nodes]


_Sets = tuple[set[int], set[int], set[int]]


def _row(node: CodeNode, own: _Sets, rolled: _Sets, base: int) -> CodeFrequency:
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
