"""The codebook as analyses need it (tree order, paths, ancestors) and the coded rows they
count, fetched in one query and filtered in Python by population, coder and speaker."""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass
from typing import NamedTuple

from sqlalchemy import select
from sqlalchemy.orm import Session

from ...model import Code, Coder, Response, Segment, segment_code
from ..corpus.turns import turn_spans
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
    ordered: bool = False,
) -> list[Coding]:
    """Every (segment, code) of the population's responses (by response and start when
    `ordered`). With `own_words` (counts), a segment of a transcript that holds none of its
    respondent's words is left out, as `corpus.turns.respondents_words` decides for the
    composer's statistics; with `coders`, only theirs.

    Two narrow queries and a filter here: joining the responses in SQL would read their
    texts' pages, and 100,000 correlated turn lookups cost more than a dictionary."""
    owners = dict(session.connection().execute(select(Response.id, Response.respondent_id)).all())
    query = select(
        Segment.id,
        Segment.response_id,
        Segment.start,
        Segment.end,
        Segment.coder_id,
        segment_code.c.code_id,
    ).join(segment_code, segment_code.c.segment_id == Segment.id)
    if coders is not None:
        query = query.where(Segment.coder_id.in_(sorted(coders)))
    turns = turn_spans(session) if own_words else {}
    wanted = population.response_ids
    rows = session.connection().execute(query).all()
    if wanted is None and not turns:  # the common case, without a test per row
        out = [Coding(s, r, owners[r], a, b, who, c) for s, r, a, b, who, c in rows]
    else:
        out = [
            Coding(s, r, owners[r], a, b, who, c)
            for s, r, a, b, who, c in rows
            if (wanted is None or r in wanted)
            and (r not in turns or _respondents_words(turns[r], a, b))
        ]
    if ordered:
        out.sort(key=lambda c: (c.response_id, c.start, c.segment_id))
    return out


def _respondents_words(turns: list[tuple[int, int, bool]], start: int, end: int) -> bool:
    """As `respondents_words`: the segment overlaps one of the respondent's own turns, or
    no turn at all."""
    under = [own for t_start, t_end, own in turns if t_start < end and t_end > start]
    return not under or any(under)


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
