"""The coded runs under the text, worked out a block (paragraph) at a time, when the block is
first painted, and kept until a segment over it changes.

A run's colour depends only on the segments covering it, so the runs of a block come from
the segments that overlap the block, in the order `coded_runs` lays them over each other:
the same colours, position by position, as the runs of the whole text (cut at the block's
edges). Showing a 300,000-character answer with 2,000 segments then costs the blocks on
screen, and coding one more span the blocks under it."""

from __future__ import annotations

from bisect import insort
from collections.abc import Iterable, Sequence

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor, QPainter, QTextBlock

from .highlights import run_rects, runs_in
from .lanes import BarGroup
from .lines import BlockIndex

Runs = tuple[list[int], list[int], list[QColor]]


class BlockRuns:
    def __init__(self) -> None:
        self.groups: set[BarGroup] = set()  # those with codes
        self._index: BlockIndex | None = None
        # Block -> the groups over it, in the order `coded_runs` lays them (by start, end
        # and segment); made when first painted, then kept up to date.
        self._by_block: dict[int, list[BarGroup]] | None = None
        self._runs: dict[int, Runs] = {}  # by block
        self._rgb: tuple[float, float, float] = (1.0, 1.0, 1.0)
        # Where a block's runs are painted, with the runs measured: after a code is applied
        # most visible blocks have the same runs as before. Kept for one wrapping.
        self._rects: dict[int, tuple[tuple[int, ...], list[tuple[int, QRectF]]]] = {}
        self._rects_for: object = None

    def set_text(self, index: BlockIndex | None) -> None:
        """A new text: nothing worked out holds."""
        self._index = index
        self.groups = set()
        self._by_block = None
        self._runs = {}
        self._rects = {}

    def set_groups(self, groups: Sequence[BarGroup], base: QColor) -> None:
        """New segments; the runs of the blocks under segments that changed are forgotten."""
        rgb = (base.redF(), base.greenF(), base.blueF())
        new = {g for g in groups if g[3]}
        if rgb != self._rgb or self._index is None:
            self._runs = {}
        else:
            self._forget_runs(self.groups.symmetric_difference(new))
        self._rgb = rgb
        self.groups = new
        self._by_block = None

    def update(self, removed: Sequence[BarGroup], added: Sequence[BarGroup]) -> None:
        """Some segments changed: these groups are gone, these are new."""
        removed = [g for g in removed if g in self.groups]
        added = [g for g in added if g[3] and g not in self.groups]
        self.groups.difference_update(removed)
        self.groups.update(added)
        self._forget_runs([*removed, *added])
        by_block, index = self._by_block, self._index
        if by_block is None or index is None:
            return
        for g in removed:
            first, last = index.span(g[0], g[1])
            for n in range(first, last + 1):
                by_block[n].remove(g)
        for g in added:
            first, last = index.span(g[0], g[1])
            for n in range(first, last + 1):
                insort(by_block.setdefault(n, []), g, key=_layer_order)

    def _forget_runs(self, groups: Iterable[BarGroup]) -> None:
        if self._index is None or not self._runs:
            return
        for start, end, *_rest in groups:
            first, last = self._index.span(start, end)
            for n in range(first, last + 1):
                self._runs.pop(n, None)

    def _blocks(self) -> dict[int, list[BarGroup]]:
        """Each block's groups: a group is listed under every block it touches."""
        if self._by_block is None:
            by_block: dict[int, list[BarGroup]] = {}
            if self._index is not None:
                span = self._index.span
                for group in sorted(self.groups, key=_layer_order):
                    first, last = span(group[0], group[1])
                    for n in range(first, last + 1):
                        by_block.setdefault(n, []).append(group)
            self._by_block = by_block
        return self._by_block

    def ordered(self) -> list[BarGroup]:
        """Every group, in layer order."""
        return sorted(self.groups, key=_layer_order)

    def runs_of(self, block: QTextBlock) -> Runs:
        """The runs on `block`'s text (UTF-16, sorted, not overlapping)."""
        n = block.blockNumber()
        runs = self._runs.get(n)
        if runs is None:
            start = block.position()
            members = self._blocks().get(n, [])
            runs = self._runs[n] = runs_in(members, start, start + block.length() - 1, self._rgb)
        return runs

    def paint(
        self, painter: QPainter, block: QTextBlock, top_left: QPointF, wrapping: object
    ) -> None:
        """Fill `block`'s runs, measuring them again only if they changed."""
        if wrapping != self._rects_for:
            self._rects, self._rects_for = {}, wrapping
        starts, ends, colours = self.runs_of(block)
        if not starts:
            return
        measured = (*starts, *ends)
        cached = self._rects.get(block.blockNumber())
        if cached is not None and cached[0] == measured:
            rects = cached[1]
        else:
            rects = run_rects(block, starts, ends)
            self._rects[block.blockNumber()] = (measured, rects)
        for i, rect in rects:
            painter.fillRect(rect.translated(top_left), colours[i])

    def forget_rects(self) -> None:
        self._rects = {}


def _layer_order(group: BarGroup) -> tuple[int, int, int]:
    """How `coded_runs` lays segments over each other: by start, end and segment."""
    return (group[0], group[1], group[2])
