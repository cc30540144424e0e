"""Which lane each code stripe takes beside the text, decided a stretch of text at a time.

The rule: in order of first line (longer first, then by position, segment and code), a
segment's bars take the lowest lanes with no bar on any of their lines, so two segments
sharing a line never share a lane. Deciding it needs the laid-out line of every segment's
edges; for a 300,000-character answer that is laying out the whole text (about 200 ms).

So the text is cut into regions, stretches of blocks that no segment crosses: what is
decided in one region does not depend on any other, so a region is decided when the margin
first paints it, from its own blocks' lines, and again only when a segment in it changes.
A segment longer than LONG (a whole answer coded at once) would join everything into one
region: such segments take their lanes first, among themselves and by blocks, and the
others keep clear of them. Without long segments the lanes are exactly those of the rule
over the whole text."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass, replace
from heapq import heapify, heappop, heappush
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from .margin import Bar

MAX_LANES = 10
LONG = 4000  # UTF-16 units: a segment longer than a few screens takes its lanes up front
_NEVER = 1 << 62  # the last line of a long segment that goes on past the region

# The bars of one segment as plain data: (start16, end16, segment id, code ids, colours),
# one bar per code, in code order. The margin keeps these rather than a `Bar` per code.
BarGroup = tuple[int, int, int, tuple[int, ...], tuple[str, ...]]
Lanes = tuple[int, ...]
Lines = Callable[[int], int]  # a position's line (a `LineKeys`), or its block
H = TypeVar("H", bound=Hashable)  # how `_greedy` names a group: its index, or itself


def _greedy(
    keyed: list[tuple[int, int, int, int, int, H]],
    count_of: Callable[[H], int],
    fixed: dict[H, tuple[Lanes, int]] | None = None,
    seed: Sequence[tuple[int, H, int]] = (),
) -> tuple[list[H], dict[H, tuple[Lanes, int]], int]:
    """The rule over `keyed` entries (first line, -last line, start, segment id, first code
    id, group), sorted here. `fixed`: groups whose lanes (and their bits) are decided
    already; `seed`: (last line, group, bits) of groups busy before the first. Returns the
    groups in the order decided, their lanes with their bits (lanes past MAX_LANES share the
    last one, their bits stay apart), and every lane used, as bits. One sort and a heap:
    O(n log n), a few integer operations a bar."""
    keyed.sort(key=lambda k: k[:5])
    lanes: dict[H, tuple[Lanes, int]] = {}
    busy = [(last, n, bits) for n, (last, _group, bits) in enumerate(seed)]  # a heap
    heapify(busy)
    taken = 0  # bit i: lane i has a bar on a line at or after the current one
    for entry in busy:
        taken |= entry[2]
    used = taken  # every lane ever taken, as bits
    top = MAX_LANES - 1
    runs: dict[tuple[int, int], Lanes] = {}  # (first lane, count) -> lanes
    for number, (first, minus_last, _start, _sid, _cid, group) in enumerate(keyed, len(busy)):
        while busy and busy[0][0] < first:
            taken &= ~heappop(busy)[2]
        preset = fixed.get(group) if fixed else None
        if preset is not None:
            got, mask = preset
        else:
            count = count_of(group)
            low = (~taken & (taken + 1)).bit_length() - 1  # the lowest free lane
            mask = ((1 << count) - 1) << low
            if not taken & mask:  # as many free lanes in a row: the usual case
                got = runs.get((low, count))
                if got is None:
                    got = runs[low, count] = tuple(min(n, top) for n in range(low, low + count))
            else:
                mask = 0
                free = taken
                picked = []
                for _ in range(count):
                    bit = ~free & (free + 1)
                    free |= bit
                    mask |= bit
                    picked.append(min(bit.bit_length() - 1, top))
                got = tuple(picked)
        taken |= mask
        used |= mask
        heappush(busy, (-minus_last, number, mask))
        lanes[group] = (got, mask)
    return [k[5] for k in keyed], lanes, used


def _last(group: BarGroup) -> int:
    return max(group[0], group[1] - 1)


def group_lanes(groups: Sequence[BarGroup], line_of: Lines) -> tuple[list[int], list[Lanes], int]:
    """The rule over all `groups` at once, with `line_of` as the lines. Returns the order
    of the groups that have bars, each group's lanes (indexed like `groups`; lanes past
    MAX_LANES share the last one) and how many lanes are used."""
    keyed = [
        (line_of(g[0]), -line_of(_last(g)), g[0], g[2], g[3][0], i)
        for i, g in enumerate(groups)
        if g[3]
    ]
    order, found, used = _greedy(keyed, lambda i: len(groups[i][3]))
    lanes: list[Lanes] = [found[i][0] if i in found else () for i in range(len(groups))]
    return order, lanes, min(used.bit_length(), MAX_LANES)


def assign_lanes(bars: Sequence[Bar], line_of: Lines) -> list[Bar]:
    """`bars` with their lanes (see `group_lanes`), in lane order."""
    groups = [(b.start16, b.end16, b.segment_id, (b.code_id,), (b.colour,)) for b in bars]
    order, lanes, _used = group_lanes(groups, line_of)
    return [replace(bars[i], lane=lanes[i][0]) for i in order]


@dataclass(frozen=True)
class Region:
    """Blocks `[first, last]` no short segment crosses out of."""

    first: int
    last: int
    members: tuple[BarGroup, ...]  # its short groups
    entering: tuple[BarGroup, ...]  # long groups begun before it that reach into it
    starting: tuple[BarGroup, ...]  # long groups that begin in it


def _count(group: BarGroup) -> int:
    return len(group[3])


def region_lanes(
    region: Region,
    spans: dict[BarGroup, tuple[int, int]],
    long: dict[BarGroup, tuple[Lanes, int]],
    line_of: Lines,
) -> tuple[dict[BarGroup, Lanes], int]:
    """The rule over one region, with `line_of` as the lines: its groups' lanes, and how
    many lanes it used."""

    def last_line(group: BarGroup) -> int:
        return line_of(_last(group)) if spans[group][1] <= region.last else _NEVER

    keyed = [
        (line_of(g[0]), -last_line(g), g[0], g[2], g[3][0], g)
        for g in region.members + region.starting
    ]
    fixed = {g: long[g] for g in region.starting}
    seed = [(last_line(g), g, long[g][1]) for g in region.entering]
    _order, found, used = _greedy(keyed, _count, fixed, seed)
    return {g: lanes for g, (lanes, _bits) in found.items()}, min(used.bit_length(), MAX_LANES)


class Plan:
    """The groups of one text cut into regions, the long groups' lanes, and how many bars
    each block has beside it (an upper bound of the lanes, with no layout). Kept up to date
    a few groups at a time as segments change."""

    def __init__(
        self, groups: Iterable[BarGroup], span_of: Callable[[int, int], tuple[int, int]]
    ) -> None:
        self._span_of = span_of
        self.spans: dict[BarGroup, tuple[int, int]] = {}
        self.long: dict[BarGroup, tuple[Lanes, int]] = {}
        self.regions: list[Region] = []
        self._firsts: list[int] = []
        self._bars: dict[int, int] = {}  # block -> bars beside it (where any)
        self._bound: int | None = None
        self._add_spans(groups)
        self._decide_long()
        shorts = [g for g in self.spans if g not in self.long]
        self._place(0, 0, self._cut(shorts))

    # -- building --------------------------------------------------------------------------
    def _add_spans(self, groups: Iterable[BarGroup]) -> None:
        bars = self._bars
        for g in groups:
            if not g[3]:
                continue
            first, last = self.spans[g] = self._span_of(g[0], g[1])
            for block in range(first, last + 1):
                bars[block] = bars.get(block, 0) + len(g[3])
        self._bound = None

    def _drop_spans(self, groups: Iterable[BarGroup]) -> None:
        bars = self._bars
        for g in groups:
            span = self.spans.pop(g, None)
            if span is None:
                continue
            for block in range(span[0], span[1] + 1):
                bars[block] -= len(g[3])
        self._bound = None

    def _decide_long(self) -> None:
        spans = self.spans
        keyed = [
            (spans[g][0], -spans[g][1], g[0], g[2], g[3][0], g) for g in spans if g[1] - g[0] > LONG
        ]
        self.long = _greedy(keyed, _count)[1]

    def _cut(self, shorts: Iterable[BarGroup]) -> list[Region]:
        """Regions of these short groups, with the long groups that reach them."""
        spans = self.spans
        ordered = sorted(shorts, key=lambda g: (spans[g], g[0], g[2]))
        cut: list[tuple[int, int, list[BarGroup]]] = []
        for g in ordered:
            a, b = spans[g]
            if cut and a <= cut[-1][1]:
                first, last, members = cut[-1]
                members.append(g)
                cut[-1] = (first, max(last, b), members)
            else:
                cut.append((a, b, [g]))
        long = sorted(self.long, key=lambda g: spans[g])
        starts = [spans[g][0] for g in long]
        regions = []
        for first, last, members in cut:
            begun = long[: bisect_left(starts, first)]
            entering = tuple(g for g in begun if spans[g][1] >= first)
            starting = tuple(long[bisect_left(starts, first) : bisect_right(starts, last)])
            regions.append(Region(first, last, tuple(members), entering, starting))
        return regions

    def _place(self, lo: int, hi: int, regions: list[Region]) -> None:
        """Put `regions` where the regions `[lo, hi)` were."""
        self.regions[lo:hi] = regions
        self._firsts[lo:hi] = [r.first for r in regions]

    # -- changing ----------------------------------------------------------------------------
    def update(self, removed: Sequence[BarGroup], added: Sequence[BarGroup]) -> bool:
        """Segments changed: cut again only the regions around them. False when a long
        group changed, and the plan must be made again (it rarely does)."""
        removed = [g for g in removed if g in self.spans]
        if any(g in self.long for g in removed) or any(g[1] - g[0] > LONG for g in added):
            return False
        self._drop_spans(removed)
        self._add_spans(added)
        added = [g for g in added if g[3]]
        touched = [self._span_of(g[0], g[1]) for g in (*removed, *added)]
        if not touched:
            return True
        first = min(a for a, _b in touched)
        last = max(b for _a, b in touched)
        lo, hi = self._overlapping(first, last)
        gone = set(removed)
        members = [g for r in self.regions[lo:hi] for g in r.members if g not in gone]
        self._place(lo, hi, self._cut([*members, *added]))
        return True

    def _overlapping(self, first: int, last: int) -> tuple[int, int]:
        """The regions (as a slice) with a block in `[first, last]`."""
        lo = max(bisect_right(self._firsts, first) - 1, 0)
        if lo < len(self.regions) and self.regions[lo].last < first:
            lo += 1
        return lo, bisect_right(self._firsts, last)

    # -- asking ------------------------------------------------------------------------------
    def regions_in(self, first: int, last: int) -> list[Region]:
        lo, hi = self._overlapping(first, last)
        return self.regions[lo:hi]

    def long_in(self, first: int, last: int) -> list[BarGroup]:
        """The long groups with a block in `[first, last]`."""
        spans = self.spans
        return [g for g in self.long if spans[g][0] <= last and spans[g][1] >= first]

    def bound(self) -> int:
        """At most how many lanes the lines will need: the most bars beside any one block.
        The rule gives a segment the lowest lanes free on its lines, never more than the
        bars on them, so the lines never need more."""
        if self._bound is None:
            self._bound = min(max(self._bars.values(), default=0), MAX_LANES)
        return self._bound
