"""A code's coded excerpts with whose they are: what the Word reports quote and what a click
on a table cell lists. Respondents appear by pseudonymous label with their attributes."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from ...model import Respondent, Response
from ..corpus.respondents import attribute_table
from .codes import CodeNode, code_tree, codings, subtree
from .population import ALL, Population

_CHUNK = 500


@dataclass(frozen=True)
class Excerpt:
    segment_id: int
    response_id: int
    respondent: str  # pseudonymous label
    question: str | None
    start: int
    end: int
    text: str  # exactly the segment's text
    attributes: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class CodeExcerpts:
    code: CodeNode
    excerpts: list[Excerpt]  # by respondent label, then place in the text


def coded_excerpts(
    session: Session,
    population: Population = ALL,
    *,
    code_ids: Collection[int] | None = None,
    own_words: bool = True,
) -> list[CodeExcerpts]:
    """Each code (those under `code_ids`, or all) in codebook order with its own segments
    (not its sub-codes': they are listed under their own code)."""
    nodes = code_tree(session)
    shown = subtree(nodes, code_ids) if code_ids is not None else nodes
    wanted = {n.id for n in shown}
    found: defaultdict[int, list[tuple[int, int, int, int]]] = defaultdict(list)
    for c in codings(session, population, own_words=own_words):
        if c.code_id in wanted:
            found[c.code_id].append((c.segment_id, c.response_id, c.start, c.end))
    responses = responses_by_id(
        session, sorted({r for rows in found.values() for _, r, _, _ in rows})
    )
    attributes = attribute_table(session)
    out = []
    for node in shown:
        excerpts = []
        for sid, rid, start, end in found.get(node.id, []):
            person, label, question, text = responses[rid]
            excerpts.append(
                Excerpt(
                    sid,
                    rid,
                    label,
                    question,
                    start,
                    end,
                    text[start:end],
                    attributes.get(person, {}),
                )
            )
        excerpts.sort(key=lambda e: (e.respondent, e.response_id, e.start, e.segment_id))
        out.append(CodeExcerpts(node, excerpts))
    return out


def responses_by_id(
    session: Session, ids: list[int]
) -> dict[int, tuple[int, str, str | None, str]]:
    out: dict[int, tuple[int, str, str | None, str]] = {}
    for at in range(0, len(ids), _CHUNK):
        rows = session.connection().execute(
            select(
                Response.id,
                Response.respondent_id,
                Respondent.label,
                Response.question,
                Response.text,
            )
            .join(Respondent, Respondent.id == Response.respondent_id)
            .where(Response.id.in_(ids[at : at + _CHUNK]))
        )
        out.update(
            {rid: (person, label, question, text) for rid, person, label, question, text in rows}
        )
    return out
