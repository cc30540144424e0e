"""The segments behind one figure: what a click on a cell of the frequency table, the crosstab
or the co-occurrence matrix lists, read exactly as that figure counted them (the same
population, the respondent's own words, sub-codes as the table counts them)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from sqlalchemy.orm import Session

from .codes import CodeNode, Coding, code_tree, codings, rolled_up
from .cooccurrence import Unit
from .crosstab import ALL_VALUES, NO_VALUE, respondent_values
from .excerpts import responses_by_id
from .population import ALL, Population

PREVIEW = 300  # characters of a long segment shown in the list


@dataclass(frozen=True)
class CellSegment:
    segment_id: int
    response_id: int
    respondent: str  # pseudonymous label
    code: str  # the path of the code it is listed for
    start: int
    end: int
    text: str  # the segment's text, cut at PREVIEW characters


@dataclass(frozen=True)
class CellSegments:
    title: str  # what the cell is, in words
    segments: list[CellSegment]  # by respondent, response and place; at most `limit`
    total: int
    respondents: int  # whose segments they are (what a crosstab cell counts)


def frequency_segments(
    session: Session,
    code_id: int,
    population: Population = ALL,
    *,
    subcodes: bool = True,
    limit: int = 2000,
) -> CellSegments:
    """The segments coded with the code (or, with `subcodes`, with it or one under it)."""
    nodes = {n.id: n for n in code_tree(session)}
    picked = [c for c in codings(session, population) if _has(c, {code_id}, nodes, subcodes)]
    path = nodes[code_id].path
    what = f"{path} and its sub-codes" if subcodes else path
    return _listed(session, what, picked, nodes, limit)


def crosstab_segments(
    session: Session,
    code_id: int,
    attribute: str,
    value: str,
    population: Population = ALL,
    *,
    subcodes: bool = True,
    limit: int = 2000,
) -> CellSegments:
    """The code's segments of the respondents with the value (`ALL_VALUES`: any value,
    `NO_VALUE`: none): the respondents the crosstab's cell counts."""
    nodes = {n.id: n for n in code_tree(session)}
    _definition, values = respondent_values(session, attribute)

    def fits(person: int) -> bool:
        if value == ALL_VALUES:
            return True
        chosen = values.get(person) or [NO_VALUE]
        return value in chosen

    picked = [
        c
        for c in codings(session, population)
        if fits(c.respondent_id) and _has(c, {code_id}, nodes, subcodes)
    ]
    what = f"{nodes[code_id].path}, {attribute}: {value}"
    return _listed(session, what, picked, nodes, limit)


def cooccurrence_segments(
    session: Session,
    code_a: int,
    code_b: int,
    population: Population = ALL,
    *,
    unit: Unit = Unit.OVERLAP,
    subcodes: bool = False,
    limit: int = 2000,
) -> CellSegments:
    """Where the two codes go together: by overlap, the segments of either code that carry
    or overlap the other; by response (respondent), the segments of either code in the
    responses (of the respondents) that have both. The same code twice: its segments."""
    nodes = {n.id: n for n in code_tree(session)}
    pair = {code_a, code_b}
    rows = [c for c in codings(session, population) if _has(c, pair, nodes, subcodes)]
    a_path, b_path = nodes[code_a].path, nodes[code_b].path
    what = a_path if code_a == code_b else f"{a_path} with {b_path} ({unit.value})"
    if code_a == code_b:
        return _listed(session, what, rows, nodes, limit)

    def codes_of(c: Coding) -> set[int]:
        return pair.intersection(rolled_up(c.code_id, nodes) if subcodes else (c.code_id,))

    if unit is Unit.OVERLAP:
        picked = _meeting(rows, codes_of)
    else:
        key = (lambda c: c.response_id) if unit is Unit.RESPONSE else (lambda c: c.respondent_id)
        has: defaultdict[int, set[int]] = defaultdict(set)
        for c in rows:
            has[key(c)] |= codes_of(c)
        picked = [c for c in rows if has[key(c)] >= pair]
    return _listed(session, what, picked, nodes, limit)


def _has(c: Coding, wanted: set[int], nodes: dict[int, CodeNode], subcodes: bool) -> bool:
    return bool(wanted.intersection(rolled_up(c.code_id, nodes) if subcodes else (c.code_id,)))


def _meeting(rows: list[Coding], codes_of: Callable[[Coding], set[int]]) -> list[Coding]:
    """The codings whose segment carries both codes or overlaps a segment with the other
    (a sweep by start per response, as the matrix counts them)."""
    by_segment: dict[int, tuple[int, int, int, set[int]]] = {}
    for c in rows:
        entry = by_segment.setdefault(c.segment_id, (c.response_id, c.start, c.end, set()))
        entry[3].update(codes_of(c))
    by_response: defaultdict[int, list[tuple[int, int, int, set[int]]]] = defaultdict(list)
    for sid, (rid, start, end, codes) in by_segment.items():
        by_response[rid].append((start, end, sid, codes))
    meeting: set[int] = set()
    for spans in by_response.values():
        spans.sort()
        for i, (_start, end, sid, codes) in enumerate(spans):
            if len(codes) == 2:
                meeting.add(sid)
            j = i + 1
            while j < len(spans) and spans[j][0] < end:
                if len(codes | spans[j][3]) == 2:  # one has a code, the other the other
                    meeting.update((sid, spans[j][2]))
                j += 1
    return [c for c in rows if c.segment_id in meeting]


def _listed(
    session: Session, what: str, picked: Iterable[Coding], nodes: dict[int, CodeNode], limit: int
) -> CellSegments:
    seen: dict[int, Coding] = {}
    for c in picked:
        seen.setdefault(c.segment_id, c)  # a segment with several of the codes, once
    rows = list(seen.values())
    texts = responses_by_id(session, sorted({c.response_id for c in rows}))
    out = []
    for c in rows:
        _person, label, _question, text = texts[c.response_id]
        piece = text[c.start : c.end]
        piece = piece if len(piece) <= PREVIEW else piece[: PREVIEW - 1] + "…"
        out.append(
            CellSegment(
                c.segment_id, c.response_id, label, nodes[c.code_id].path, c.start, c.end, piece
            )
        )
    out.sort(key=lambda s: (s.respondent, s.response_id, s.start, s.segment_id))
    people = len({c.respondent_id for c in rows})
    return CellSegments(what, out[:limit], len(out), people)
