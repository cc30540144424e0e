"""Which codes go together: by overlapping segments, within one response, or one respondent.

Within a response or a respondent, the units are those responses (respondents): the count of
a pair is how many have both codes, and Jaccard is that over how many have either.
By overlap, the units are segments: a pair's count is the number of co-occurrences (a segment
carrying both codes, or two overlapping segments carrying one each), as ATLAS.ti and MAXQDA
count them; its Jaccard is the share of the segments with either code that meet the other
code (carry it or overlap a segment that does), which stays between 0 and 1 however many
segments one segment overlaps, and is plain Jaccard when codes are only ever on the same segment.
"""

from __future__ import annotations

import enum
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass
from itertools import chain, combinations
from typing import Any, NamedTuple

from sqlalchemy.orm import Session

from .codes import CodeNode, Coding, code_tree, codings, rolled_up, subtree
from .population import ALL, Population


class Unit(enum.StrEnum):
    OVERLAP = "overlap"
    RESPONSE = "response"
    RESPONDENT = "respondent"


class CodePair(NamedTuple):
    """A NamedTuple, not a dataclass: a large codebook makes tens of thousands."""

    code_a: str
    code_b: str
    code_a_id: int
    code_b_id: int
    count: int
    jaccard: float
    a_units: int  # segments, responses or respondents with code a
    b_units: int


@dataclass(frozen=True)
class Cooccurrence:
    unit: Unit
    codes: list[CodeNode]
    units: dict[int, int]  # code id -> its segments, responses or respondents
    pairs: dict[tuple[int, int], CodePair]  # (a, b) with a < b, only pairs that co-occur

    def pair(self, a: int, b: int) -> CodePair | None:
        return self.pairs.get((a, b) if a < b else (b, a))

    def count(self, a: int, b: int) -> int:
        if a == b:
            return self.units.get(a, 0)
        found = self.pair(a, b)
        return found.count if found else 0

    def jaccard(self, a: int, b: int) -> float:
        if a == b:
            return 1.0 if self.units.get(a) else 0.0
        found = self.pair(a, b)
        return found.jaccard if found else 0.0

    def ranked(self) -> list[CodePair]:
        """Pairs by count, then Jaccard, then codebook order."""
        position = {c.id: i for i, c in enumerate(self.codes)}
        return sorted(
            self.pairs.values(),
            key=lambda p: (-p.count, -p.jaccard, position[p.code_a_id], position[p.code_b_id]),
        )


def cooccurrence(
    session: Session,
    population: Population = ALL,
    *,
    unit: Unit = Unit.OVERLAP,
    code_ids: Collection[int] | None = None,
    subcodes: bool = False,
    own_words: bool = True,
) -> Cooccurrence:
    """With `subcodes`, a segment counts for its code's ancestors too; a code and its own
    ancestor then trivially co-occur, so such pairs are left out."""
    nodes = code_tree(session)
    by_id = {n.id: n for n in nodes}
    shown = subtree(nodes, code_ids) if code_ids is not None else nodes
    wanted = {n.id for n in shown}
    rows = codings(session, population, own_words=own_words)

    def codes_of(c: Coding) -> Iterable[int]:
        if not subcodes:
            code = c[6]  # by index: called for every coded row
            return (code,) if code in wanted else ()
        return [x for x in rolled_up(c.code_id, by_id) if x in wanted]

    if unit is Unit.OVERLAP:
        units, counts, either = _by_overlap(rows, codes_of)
    else:
        units, counts, either = _by_unit(rows, codes_of, unit)
    pairs: dict[tuple[int, int], CodePair] = {}
    for (a, b), n in counts.items():
        if subcodes and (a in by_id[b].ancestors or b in by_id[a].ancestors):
            continue
        met = either[(a, b)]
        na, nb = by_id[a], by_id[b]
        pairs[(a, b)] = CodePair(na.path, nb.path, a, b, n, met, units[a], units[b])
    return Cooccurrence(unit, shown, dict(units), pairs)


_CodesOf = Callable[[Coding], Iterable[int]]
# Units per code, co-occurrences per pair, Jaccard per pair.
_Found = tuple[Counter[int], Counter[tuple[int, int]], dict[tuple[int, int], float]]


def _by_unit(rows: list[Coding], codes_of: _CodesOf, unit: Unit) -> _Found:
    has: defaultdict[int, set[int]] = defaultdict(set)  # unit -> its codes
    if unit is Unit.RESPONSE:
        for c in rows:
            has[c.response_id].update(codes_of(c))
    else:
        for c in rows:
            has[c.respondent_id].update(codes_of(c))
    units = Counter(chain.from_iterable(has.values()))
    counts = Counter(chain.from_iterable(combinations(sorted(c), 2) for c in has.values()))
    jaccard = {(a, b): n / (units[a] + units[b] - n) for (a, b), n in counts.items()}
    return units, counts, jaccard


def _by_overlap(rows: list[Coding], codes_of: _CodesOf) -> _Found:
    """A sweep over each response's segments by start: each overlapping pair of segments
    (and each segment with itself) is looked at once. Plain lists, no objects per segment:
    a hundred thousand segments are swept in a few tenths of a second."""
    # [start, end, segment id, its codes, response id]; sorting compares the first three.
    segments: dict[int, list[Any]] = {}
    get = segments.get
    for c in rows:
        codes = codes_of(c)
        if not codes:
            continue
        entry = get(c[0])
        if entry is None:
            segments[c[0]] = [c[3], c[4], c[0], set(codes), c[1]]
        else:
            entry[3].update(codes)
    by_response: defaultdict[int, list[list[Any]]] = defaultdict(list)
    for entry in segments.values():
        by_response[entry[4]].append(entry)
    counts: Counter[tuple[int, int]] = Counter()
    same: Counter[tuple[int, int]] = Counter()  # segments carrying both codes
    met: defaultdict[tuple[int, int], set[int]] = defaultdict(set)  # segments meeting the other
    for spans in by_response.values():
        n = len(spans)
        if n > 1:
            spans.sort()
        for i, (_start, end, sid, codes, _rid) in enumerate(spans):
            if len(codes) > 1:
                for pair in combinations(sorted(codes), 2):
                    counts[pair] += 1
                    same[pair] += 1
                    met[pair].add(sid)
            j = i + 1  # by index: a slice per segment is quadratic in a long transcript
            while j < n:
                other = spans[j]
                if other[0] >= end:
                    break
                j += 1
                theirs = other[3]
                if len(codes) == 1 and len(theirs) == 1:  # the common case, without a set
                    (a,), (b,) = codes, theirs
                    if a == b:
                        continue
                    pairs: Iterable[tuple[int, int]] = ((a, b) if a < b else (b, a),)
                else:
                    pairs = _pairs(codes, theirs)
                for pair in pairs:
                    counts[pair] += 1
                    found = met[pair]
                    found.add(sid)
                    found.add(other[2])
    units = Counter(chain.from_iterable(entry[3] for entry in segments.values()))
    jaccard = {(a, b): len(met[(a, b)]) / (units[a] + units[b] - same[(a, b)]) for (a, b) in counts}
    return units, counts, jaccard


def _pairs(codes: set[int], others: set[int]) -> set[tuple[int, int]]:
    """The code pairs two overlapping segments make (a code with itself is no pair)."""
    if len(codes) == 1 and len(others) == 1:
        (a,), (b,) = codes, others
        return set() if a == b else {(a, b) if a < b else (b, a)}
    return {(min(a, b), max(a, b)) for a in codes for b in others if a != b}
