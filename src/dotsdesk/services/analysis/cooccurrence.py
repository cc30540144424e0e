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
from itertools import chain, combinations, groupby

from sqlalchemy.orm import Session

from .codes import CodeNode, Coding, code_tree, codings, rolled_up, subtree
from .population import ALL, Population


class Unit(enum.StrEnum):
    OVERLAP = "overlap"
    RESPONSE = "response"
    RESPONDENT = "respondent"


@dataclass(frozen=True)
class CodePair:
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
    rows = codings(session, population, own_words=own_words, ordered=unit is Unit.OVERLAP)

    def codes_of(c: Coding) -> Iterable[int]:
        found = rolled_up(c.code_id, by_id) if subcodes else (c.code_id,)
        return (x for x in found if x in wanted)

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
    (and each segment with itself) is looked at once."""
    units: Counter[int] = Counter()  # code -> its segments
    counts: Counter[tuple[int, int]] = Counter()
    same: Counter[tuple[int, int]] = Counter()  # segments carrying both codes
    met: defaultdict[tuple[int, int], set[int]] = defaultdict(set)  # segments meeting the other
    for _response, group in groupby(rows, key=lambda c: c.response_id):
        segments: dict[int, tuple[int, int, set[int]]] = {}
        for c in group:
            entry = segments.setdefault(c.segment_id, (c.start, c.end, set()))
            entry[2].update(codes_of(c))
        spans = sorted(segments.items(), key=lambda kv: (kv[1][0], kv[1][1], kv[0]))
        for i, (sid, (_start, end, codes)) in enumerate(spans):
            units.update(codes)
            for pair in combinations(sorted(codes), 2):
                counts[pair] += 1
                same[pair] += 1
                met[pair].add(sid)
            for other, (o_start, _o_end, o_codes) in spans[i + 1 :]:
                if o_start >= end:
                    break
                for pair in {(min(a, b), max(a, b)) for a in codes for b in o_codes if a != b}:
                    counts[pair] += 1
                    met[pair].update((sid, other))
    jaccard = {(a, b): len(met[(a, b)]) / (units[a] + units[b] - same[(a, b)]) for (a, b) in counts}
    return units, counts, jaccard
