"""The code stripes beside the text (as in MAXQDA): one coloured bar per code of each
segment, beside the lines the segment covers. Segments sharing a line get separate lanes
(`lanes.py`), decided a region of the text at a time when the margin first paints it, so a
300,000-character answer is not laid out whole to show its first screen. The margin's width
is decided without any layout, from the blocks the segments are in (an upper bound of the
lanes the lines need), so the text wraps once.

The margin knows nothing of the view beside it: it is given a `TextGeometry`, the two
questions it asks of the text (which blocks are shown, and where, and the `LineKeys`)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QPoint, QPointF, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QHelpEvent, QMouseEvent, QPainter, QPaintEvent, QTextBlock
from PySide6.QtWidgets import QToolTip, QWidget

from .lanes import (
    MAX_LANES,
    BarGroup,
    Lanes,
    Plan,
    Region,
    assign_lanes,
    group_lanes,
    region_lanes,
)
from .lines import LineKeys, visual_lines

__all__ = [
    "MAX_LANES",
    "Bar",
    "BarGroup",
    "LineKeys",
    "SegmentMargin",
    "TextGeometry",
    "assign_lanes",
    "group_lanes",
    "visual_lines",
]

BAR = 4
GAP = 2
PAD = 4
MIN_LANES = 3  # room kept, so that coding one more overlap rarely shifts the text


@dataclass(frozen=True)
class Bar:
    """One code of one segment, in UTF-16 positions (what the layout speaks)."""

    segment_id: int
    code_id: int
    start16: int
    end16: int
    colour: str
    lane: int = 0


@dataclass(frozen=True)
class TextGeometry:
    """What the margin asks of the text beside it, answered by whoever lays the text out
    (the view, which keeps both answers until the text or its wrapping changes)."""

    # The blocks shown down to a y coordinate, each with its top left there (the margin
    # shares the text's vertical coordinates).
    visible_blocks: Callable[[int], list[tuple[QTextBlock, QPointF]]]
    # Where each UTF-16 position is laid out, for the text as it wraps now.
    line_keys: Callable[[], LineKeys]


class LazyLanes:
    """The lanes of one set of groups, decided a region at a time and remembered: for the
    text as it wraps (the `LineKeys` given), and by region, so that after one more code
    only the regions it touched are decided again."""

    def __init__(self) -> None:
        self.groups: set[BarGroup] = set()  # those with codes
        self.lanes: dict[BarGroup, Lanes] = {}  # as far as decided
        self.seen = 0  # the most lanes a region decided by lines took
        self.generation = 0  # changes whenever lanes decided before may have changed
        self._plan: Plan | None = None
        self._planned_with: object = None  # the blocks the plan was made over
        self._lines: object = None  # the LineKeys the regions were decided with
        self._by_region: dict[Region, tuple[dict[BarGroup, Lanes], int]] = {}

    def set_groups(self, groups: Sequence[BarGroup]) -> None:
        self.groups = {g for g in groups if g[3]}
        self._plan = None
        self.generation += 1

    def update(self, removed: Sequence[BarGroup], added: Sequence[BarGroup]) -> None:
        """A few groups changed: the plan is cut again around them only."""
        removed = [g for g in removed if g in self.groups]
        added = [g for g in added if g[3] and g not in self.groups]
        self.groups.difference_update(removed)
        self.groups.update(added)
        for g in removed:
            self.lanes.pop(g, None)
        if self._plan is not None and not self._plan.update(removed, added):
            self._plan = None
        self.generation += 1

    def plan(self, blocks: object, span_of: Callable[[int, int], tuple[int, int]]) -> Plan:
        """The regions, made again for a new text (`blocks`) or after a long group changed."""
        if self._plan is None or blocks is not self._planned_with:
            self._plan = Plan(self.groups, span_of)
            self._planned_with = blocks
            self.lanes = {g: lanes for g, (lanes, _bits) in self._plan.long.items()}
            self._by_region = {}
            self.generation += 1
        return self._plan

    def decide(self, regions: Sequence[Region], lines: LineKeys) -> None:
        """Lanes by laid-out lines for these regions of the plan."""
        assert self._plan is not None
        if lines is not self._lines:
            self._lines, self._by_region, self.seen = lines, {}, 0
            self.generation += 1
        elif len(self._by_region) > 2 * len(self._plan.regions) + 64:  # after many edits
            current = set(self._plan.regions)
            self._by_region = {r: v for r, v in self._by_region.items() if r in current}
        for region in regions:
            found = self._by_region.get(region)
            if found is None:
                found = self._by_region[region] = region_lanes(
                    region, self._plan.spans, self._plan.long, lines
                )
                self.seen = max(self.seen, found[1])
            self.lanes.update(found[0])  # a group taken out and put back needs them again


class SegmentMargin(QWidget):
    """Painted from the `TextGeometry` it is given; a click on a bar asks for its segment."""

    segmentClicked = Signal(int)

    def __init__(self, text: TextGeometry, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("codingMargin")
        self._text = text
        # The bars, a group per segment, and their lanes as far as decided.
        self._lanes = LazyLanes()
        # What the last paint drew: (x, y, height, group, code index) a bar; `_drawn` makes
        # rectangles and Bars of them only when a click or a tooltip asks.
        self._painted: list[tuple[int, int, int, BarGroup, int]] = []
        self._drawn_bars: list[tuple[QRect, Bar]] | None = None
        self._bar_objects: dict[tuple[BarGroup, int], Bar] = {}
        self._bars_of = -1  # the lanes' generation the Bars were made with
        self._colours: dict[tuple[str, ...], tuple[QColor, ...]] = {}
        self.tooltip_for_segment = lambda segment_id: ""
        # Called when a region painted needs more lanes than the margin is wide for.
        self.wants_width: Callable[[], object] = lambda: None
        self.setMouseTracking(True)
        # paintEvent fills all it is asked to paint: Qt need not paint the view under it.
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)

    def set_bars(self, bars: Sequence[Bar]) -> None:
        """New bars (their lanes are decided here, as they are painted)."""
        self.set_groups(
            [(b.start16, b.end16, b.segment_id, (b.code_id,), (b.colour,)) for b in bars]
        )

    def set_groups(self, groups: Sequence[BarGroup]) -> None:
        """As `set_bars`, a group of bars per segment (no object per bar)."""
        self._lanes.set_groups(groups)
        self._forget_painted()

    def update_groups(self, removed: Sequence[BarGroup], added: Sequence[BarGroup]) -> None:
        """Some segments changed: these groups are gone, these are new."""
        self._lanes.update(removed, added)
        self._forget_painted()

    def has_bars(self) -> bool:
        return bool(self._lanes.groups)

    def _plan(self) -> Plan:
        index = self._text.line_keys().index
        return self._lanes.plan(index, index.span)

    def assign_lanes(self) -> None:
        """Decide every lane now (laying out the whole text): for `bars`."""
        if self.has_bars():
            self._lanes.decide(self._plan().regions, self._text.line_keys())
        self.update()

    def _forget_painted(self) -> None:
        """The bars changed: what was painted is no longer theirs (until the next paint)."""
        self._bar_objects = {}
        self._painted = []
        self._drawn_bars = None

    def _bar(self, group: BarGroup, k: int) -> Bar:
        if self._bars_of != self._lanes.generation:  # lanes decided anew
            self._bar_objects, self._bars_of = {}, self._lanes.generation
        bar = self._bar_objects.get((group, k))
        if bar is None:
            start, end, sid, cids, colours = group
            lanes = self._lanes.lanes.get(group)
            bar = Bar(sid, cids[k], start, end, colours[k], lanes[k] if lanes else 0)
            if lanes is not None:
                self._bar_objects[group, k] = bar
        return bar

    @property
    def bars(self) -> list[Bar]:
        """Every bar with its lane, in the order the lanes are decided."""
        self.assign_lanes()
        keys = self._text.line_keys()

        def order(g: BarGroup) -> tuple[int, ...]:
            start, end, sid, cids, _colours = g
            return (keys[start], -keys[max(start, end - 1)], start, sid, cids[0])

        ordered = sorted(self._lanes.groups, key=order)
        return [self._bar(g, k) for g in ordered for k in range(len(g[3]))]

    def width_hint(self) -> int:
        """Room for the lanes the blocks allow, and for any region that took more."""
        if not self.has_bars():
            return self.width_for(0)
        return self.width_for(max(self.lane_bound(), self._lanes.seen))

    @staticmethod
    def width_for(lanes: int) -> int:
        return PAD * 2 + max(lanes, MIN_LANES) * (BAR + GAP)

    def lane_bound(self) -> int:
        """At most how many lanes the lines will take, found from the blocks the bars are
        in: no layout, so the margin can take its width before the text is laid out (and
        not lay a long transcript out twice, at two widths)."""
        return self._plan().bound() if self.has_bars() else 0

    def sizeHint(self) -> QSize:
        return QSize(self.width_hint(), 0)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(event.rect(), self.palette().window())
        self._painted = []
        self._drawn_bars = None
        if not self.has_bars():
            return
        shown = self._text.visible_blocks(event.rect().bottom())
        if not shown:
            return
        plan = self._plan()
        first_block, last_block = shown[0][0].blockNumber(), shown[-1][0].blockNumber()
        regions = plan.regions_in(first_block, last_block)
        self._lanes.decide(regions, self._text.line_keys())
        if self.width() and self._lanes.seen > (self.width() - 2 * PAD) // (BAR + GAP):
            self.wants_width()
        first = shown[0][0].position()
        last = shown[-1][0].position() + shown[-1][0].length()
        # Bars that can touch the visible part.
        candidates = [g for r in regions for g in r.members]
        candidates += plan.long_in(first_block, last_block)
        visible = [g for g in candidates if g[1] > first and g[0] < last]
        for block, top_left in shown:
            self._paint_block(painter, block, top_left.y(), visible)

    def _paint_block(
        self, painter: QPainter, block: QTextBlock, top: float, visible: list[BarGroup]
    ) -> None:
        layout = block.layout()
        start, end = block.position(), block.position() + block.length()
        group_lanes, painted = self._lanes.lanes, self._painted
        for g in visible:
            start16, end16, _sid, _cids, names = g
            if start16 >= end or end16 <= start:
                continue
            a = max(start16, start) - start
            b = max(a, min(end16, end) - start - 1)
            line_a, line_b = layout.lineForTextPosition(a), layout.lineForTextPosition(b)
            if not line_a.isValid() or not line_b.isValid():
                continue
            y0 = round(top + line_a.y())
            y1 = round(top + line_b.y() + line_b.height())
            y, height = y0 + 1, max(2, y1 - y0 - 2)
            colours = self._colours.get(names) or self._parse(names)
            for k, lane in enumerate(group_lanes.get(g, ())):
                x = PAD + lane * (BAR + GAP)
                painter.fillRect(x, y, BAR, height, colours[k])
                painted.append((x, y, height, g, k))

    def _parse(self, names: tuple[str, ...]) -> tuple[QColor, ...]:
        if len(self._colours) > 4096:  # codes' colours over many responses: start afresh
            self._colours.clear()
        colours = self._colours[names] = tuple(QColor(name) for name in names)
        return colours

    @property
    def _drawn(self) -> list[tuple[QRect, Bar]]:
        """The bars the last paint drew, each with its rectangle, in painting order."""
        if self._drawn_bars is None:
            self._drawn_bars = [
                (QRect(x, y, BAR, height), self._bar(g, k)) for x, y, height, g, k in self._painted
            ]
        return self._drawn_bars

    def bar_at(self, pos: QPoint) -> Bar | None:
        for rect, bar in reversed(self._drawn):
            if rect.adjusted(-1, 0, 1, 0).contains(pos):
                return bar
        return None

    def mousePressEvent(self, event: QMouseEvent) -> None:
        bar = self.bar_at(event.position().toPoint())
        if bar is not None and event.button() == Qt.MouseButton.LeftButton:
            self.segmentClicked.emit(bar.segment_id)
            event.accept()
            return
        super().mousePressEvent(event)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            assert isinstance(event, QHelpEvent)
            bar = self.bar_at(event.pos())
            text = self.tooltip_for_segment(bar.segment_id) if bar else ""
            if text:
                QToolTip.showText(event.globalPos(), text, self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)
