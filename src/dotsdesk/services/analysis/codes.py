"""The codebook as analyses need it (tree order, paths, ancestors) and the coded rows they
count, fetched in one query and filtered in Python by population, coder and speaker."""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass
from typing import NamedTuple

from sqlalchemy import select
from sqlalchemy.orm import Session

from ...model import Code, Coder, Response, Segment, segment_code
from ..corpus.turns import respondents_words
from .population import ALL, Population


@dataclass(frozen=True)
class CodeNode:
    id: int
    parent_id: int | None
    name: str
    path: str  # "Role/Research"
    colour: str
    description: str | None
    depth: int  # 0 for a top-level code
    ancestors: tuple[int, ...]  # nearest first


def code_tree(session: Session) -> list[CodeNode]:
    """Every code, depth first with siblings in codebook order."""
    rows = session.execute(
        select(Code.id, Code.parent_id, Code.name, Code.colour, Code.description).order_by(
            Code.position, Code.id
        )
    ).all()
    children: dict[int | None, list[tuple[int, int | None, str, str, str | None]]] = {}
    for row in rows:
        children.setdefault(row.parent_id, []).append(tuple(row))  # type: ignore[arg-type]
    out: list[CodeNode] = []

    def walk(parent: int | None, path: str, ancestors: tuple[int, ...]) -> None:
        for cid, pid, name, colour, description in children.get(parent, []):
            full = f"{path}/{name}" if path else name
            out.append(
                CodeNode(cid, pid, name, full, colour, description, len(ancestors), ancestors)
            )
            walk(cid, full, (cid, *ancestors))

    walk(None, "", ())
    return out


def subtree(nodes: Iterable[CodeNode], root_ids: Collection[int]) -> list[CodeNode]:
    """The nodes that are one of `root_ids` or below one, in tree order."""
    roots = set(root_ids)
    return [n for n in nodes if n.id in roots or roots.intersection(n.ancestors)]


class Coding(NamedTuple):
    """One (segment, code) pair with where it lies and whose response it is."""

    segment_id: int
    response_id: int
    respondent_id: int
    start: int
    end: int
    coder_id: int | None
    code_id: int


def codings(
    session: Session,
    population: Population = ALL,
    *,
    coders: Collection[int] | None = None,
    own_words: bool = True,
) -> list[Coding]:
    """Every (segment, code) of the population's responses, by response and start. With
    `own_words` (counts), a segment wholly inside an interviewer's (or another speaker's)
    turns is left out, as the composer's statistics leave it out; with `coders`, only theirs."""
    query = (
        select(
            Segment.id,
            Segment.response_id,
            Response.respondent_id,
            Segment.start,
            Segment.end,
            Segment.coder_id,
            segment_code.c.code_id,
        )
        .join(Response, Response.id == Segment.response_id)
        .join(segment_code, segment_code.c.segment_id == Segment.id)
        .order_by(Segment.response_id, Segment.start, Segment.id)
    )
    if own_words:
        query = query.where(respondents_words())
    if coders is not None:
        query = query.where(Segment.coder_id.in_(sorted(coders)))
    rows = session.execute(query).all()
    wanted = population.response_ids
    make = Coding._make
    if wanted is None:
        return [make(r) for r in rows]
    return [make(r) for r in rows if r[1] in wanted]


def coder_names(session: Session) -> list[str]:
    return list(session.scalars(select(Coder.name).order_by(Coder.name)))


def coder_ids(session: Session, names: Iterable[str]) -> dict[str, int | None]:
    """name -> coder id (None for a name no segment was ever coded by)."""
    known = dict(session.execute(select(Coder.name, Coder.id)).all())
    return {name: known.get(name) for name in names}


def rolled_up(code_id: int, nodes: dict[int, CodeNode]) -> tuple[int, ...]:
    """The code and its ancestors: the codes a segment counts for "with sub-codes"."""
    node = nodes.get(code_id)
    return (code_id, *node.ancestors) if node is not None else (code_id,)
