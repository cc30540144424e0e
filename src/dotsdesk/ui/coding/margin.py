"""The code stripes beside the text (as in MAXQDA): one coloured bar per code of each
segment, beside the lines the segment covers. Segments sharing a line get separate lanes,
decided once per text, width and set of segments: the laid-out line of each segment edge is
looked up once (`LineKeys`, kept by the view until the text or its wrapping changes) and
the lanes come from one sweep over the segments, so coding one more span costs a few
milliseconds however long the text. Painting measures only the visible blocks, so a long
response scrolls as fast as a short one.

The margin knows nothing of the view beside it: it is given a `TextGeometry`, the two
questions it asks of the text (which blocks are shown, and where, and the `LineKeys`)."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from heapq import heappop, heappush

from PySide6.QtCore import QEvent, QPoint, QPointF, QRect, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QHelpEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QTextBlock,
    QTextDocument,
)
from PySide6.QtWidgets import QToolTip, QWidget

BAR = 4
GAP = 2
PAD = 4
MAX_LANES = 10
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


# The bars of one segment as plain data: (start16, end16, segment id, code ids, colours),
# one bar per code, in code order. The margin keeps these rather than a `Bar` per code.
BarGroup = tuple[int, int, int, tuple[int, ...], tuple[str, ...]]


def group_lanes(
    groups: Sequence[BarGroup], line_of: Callable[[int], int]
) -> tuple[list[int], list[tuple[int, ...]], int]:
    """Greedy interval colouring over the lines the bars cover: in order of first line
    (longer first, then by position, segment and code), a bar takes the lowest lane with
    no bar on any of its lines, so two segments sharing a line never share a lane; a
    group's bars take the lowest free lanes in code order.

    Returns the order of the groups that have bars, each group's lanes (indexed like
    `groups`; lanes past MAX_LANES share the last one) and how many lanes are used.
    One sort and a heap: O(n log n) in the groups, plus a few integer operations a bar."""
    keyed = [
        (line_of(start), -line_of(max(start, end - 1)), start, sid, cids[0], i)
        for i, (start, end, sid, cids, _colours) in enumerate(groups)
        if cids
    ]
    keyed.sort()
    lanes: list[tuple[int, ...]] = [()] * len(groups)
    busy: list[tuple[int, int, int]] = []  # (last line, group, its lanes as bits), a heap
    taken = 0  # bit i: lane i has a bar on a line at or after the current one
    used = 0  # every lane ever taken, as bits
    top = MAX_LANES - 1
    runs: dict[tuple[int, int], tuple[int, ...]] = {}  # (first lane, count) -> lanes
    for first, minus_last, _start, _sid, _cid, i in keyed:
        while busy and busy[0][0] < first:
            taken &= ~heappop(busy)[2]
        count = len(groups[i][3])
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
        heappush(busy, (-minus_last, i, mask))
        lanes[i] = got
    return [k[-1] for k in keyed], lanes, min(used.bit_length(), MAX_LANES)


def assign_lanes(bars: Sequence[Bar], line_of: Callable[[int], int]) -> list[Bar]:
    """`bars` with their lanes (see `group_lanes`), in lane order."""
    groups = [(b.start16, b.end16, b.segment_id, (b.code_id,), (b.colour,)) for b in bars]
    order, lanes, _used = group_lanes(groups, line_of)
    return [replace(bars[i], lane=lanes[i][0]) for i in order]


def visual_lines(doc: QTextDocument) -> Callable[[int], int]:
    """UTF-16 position -> index of the laid-out line it is on, over the whole document.
    Lays out every block (about 15 ms for 50,000 characters)."""
    layout = doc.documentLayout()
    starts: list[int] = []
    block = doc.begin()
    while block.isValid():
        layout.blockBoundingRect(block)  # lays the block out if it is not yet
        lines = block.layout()
        base = block.position()
        starts.extend(base + lines.lineAt(i).textStart() for i in range(lines.lineCount()))
        if not lines.lineCount():
            starts.append(base)
        block = block.next()
    return lambda position: max(bisect_right(starts, position) - 1, 0)


class LineKeys(dict[int, int]):
    """UTF-16 position -> a number that orders positions as their laid-out lines do (equal
    on one line, larger on a later one), as `visual_lines` would but without numbering
    every line: only the blocks asked about are laid out, and each position is looked up
    once (`keys[position]`, or `keys(position)`). Valid for one text as laid out at one
    width; the view makes a new one when either changes."""

    LINE_BITS = 32  # a key is (block number, line in the block), packed

    def __init__(self, doc: QTextDocument) -> None:
        super().__init__()
        self._layout = doc.documentLayout()
        self._blocks: list[QTextBlock] = []
        self._starts: list[int] = []
        block = doc.begin()
        while block.isValid():
            self._blocks.append(block)
            self._starts.append(block.position())
            block = block.next()

    def __call__(self, position: int) -> int:
        return self[position]

    def block_of(self, position: int) -> int:
        """The block `position` is in, without laying anything out. Positions in different
        blocks are never on one line, so lanes decided by blocks never collide: they are an
        upper bound of the lanes decided by lines."""
        return max(bisect_right(self._starts, position) - 1, 0)

    def __missing__(self, position: int) -> int:
        key = self[position] = self._look_up(position)
        return key

    def _look_up(self, position: int) -> int:
        if not self._blocks:
            return 0
        n = max(bisect_right(self._starts, position) - 1, 0)
        block = self._blocks[n]
        self._layout.blockBoundingRect(block)  # lays the block out if it is not yet
        layout = block.layout()
        line = layout.lineForTextPosition(position - self._starts[n])
        # Past the block's text: its last line, as `visual_lines` says.
        number = line.lineNumber() if line.isValid() else max(layout.lineCount() - 1, 0)
        return (n << self.LINE_BITS) | number


@dataclass(frozen=True)
class TextGeometry:
    """What the margin asks of the text beside it, answered by whoever lays the text out
    (the view, which keeps both answers until the text or its wrapping changes)."""

    # The blocks shown down to a y coordinate, each with its top left there (the margin
    # shares the text's vertical coordinates).
    visible_blocks: Callable[[int], list[tuple[QTextBlock, QPointF]]]
    # Where each UTF-16 position is laid out, for the text as it wraps now.
    line_keys: Callable[[], LineKeys]


class SegmentMargin(QWidget):
    """Painted from the `TextGeometry` it is given; a click on a bar asks for its segment."""

    segmentClicked = Signal(int)

    def __init__(self, text: TextGeometry, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("codingMargin")
        self._text = text
        # The bars, a group per segment; after `assign_lanes`, in lane order.
        self._groups: list[BarGroup] = []
        self._group_lanes: list[tuple[int, ...]] = []
        self._laned_by: object = None  # the LineKeys the lanes were decided with
        self._lanes = 0
        # What the last paint drew: (x, y, height, group, code index) a bar; `_drawn` makes
        # rectangles and Bars of them only when a click or a tooltip asks.
        self._painted: list[tuple[int, int, int, int, int]] = []
        self._drawn_bars: list[tuple[QRect, Bar]] | None = None
        self._bar_objects: dict[tuple[int, int], Bar] = {}
        self._colours: dict[tuple[str, ...], tuple[QColor, ...]] = {}
        self.tooltip_for_segment = lambda segment_id: ""
        self.setMouseTracking(True)
        # paintEvent fills all it is asked to paint: Qt need not paint the view under it.
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)

    def set_bars(self, bars: Sequence[Bar]) -> None:
        """New bars; the view assigns their lanes (`assign_lanes`) once its width is known."""
        self._set(
            [(b.start16, b.end16, b.segment_id, (b.code_id,), (b.colour,)) for b in bars],
            [(b.lane,) for b in bars],
        )

    def set_groups(self, groups: Sequence[BarGroup]) -> None:
        """As `set_bars`, a group of bars per segment (no object per bar)."""
        self._set(list(groups), None)

    def _set(self, groups: list[BarGroup], lanes: list[tuple[int, ...]] | None) -> None:
        """`lanes`: as given with the bars, or None: lane 0 until `assign_lanes`."""
        self._groups = groups
        self._group_lanes = lanes if lanes is not None else [(0,) * len(g[3]) for g in groups]
        self._laned_by = None
        self._forget_painted()

    def has_bars(self) -> bool:
        return any(g[3] for g in self._groups)

    def assign_lanes(self) -> None:
        """Again when the text wraps differently (a new width); nothing to do when neither
        the bars nor the wrapping changed since the last time."""
        if self._groups:
            line_of = self._text.line_keys()
            if line_of is not self._laned_by:
                order, lanes, self._lanes = group_lanes(self._groups, line_of.__getitem__)
                self._groups = [self._groups[i] for i in order]
                self._group_lanes = [lanes[i] for i in order]
                self._laned_by = line_of
                self._forget_painted()
        else:
            self._lanes = 0
        self.update()

    def _forget_painted(self) -> None:
        """The bars changed: what was painted is no longer theirs (until the next paint)."""
        self._bar_objects = {}
        self._painted = []
        self._drawn_bars = None

    def _bar(self, group: int, k: int) -> Bar:
        bar = self._bar_objects.get((group, k))
        if bar is None:
            start, end, sid, cids, colours = self._groups[group]
            lane = self._group_lanes[group][k]
            bar = Bar(sid, cids[k], start, end, colours[k], lane)
            self._bar_objects[group, k] = bar
        return bar

    @property
    def bars(self) -> list[Bar]:
        return [
            self._bar(g, k) for g, group in enumerate(self._groups) for k in range(len(group[3]))
        ]

    def width_hint(self) -> int:
        return self.width_for(self._lanes)

    @staticmethod
    def width_for(lanes: int) -> int:
        return PAD * 2 + max(lanes, MIN_LANES) * (BAR + GAP)

    def needs_lanes(self) -> bool:
        """New bars, or a new wrapping, since the lanes were decided."""
        return bool(self._groups) and self._text.line_keys() is not self._laned_by

    def lane_bound(self) -> int:
        """At most how many lanes `assign_lanes` will take, found from the blocks the bars
        are in: no layout, so the margin can take its width before the text is laid out
        (and not lay a long transcript out twice, at two widths)."""
        keys = self._text.line_keys()
        return group_lanes(self._groups, keys.block_of)[2]

    def sizeHint(self) -> QSize:
        return QSize(self.width_hint(), 0)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(event.rect(), self.palette().window())
        self._painted = []
        self._drawn_bars = None
        if not self._groups:
            return
        shown = self._text.visible_blocks(event.rect().bottom())
        if not shown:
            return
        first = shown[0][0].position()
        last = shown[-1][0].position() + shown[-1][0].length()
        groups = self._groups
        # Bars that can touch the visible part, in lane order.
        visible = [i for i, g in enumerate(groups) if g[1] > first and g[0] < last and g[3]]
        for block, top_left in shown:
            self._paint_block(painter, block, top_left.y(), visible)

    def _paint_block(
        self, painter: QPainter, block: QTextBlock, top: float, visible: list[int]
    ) -> None:
        layout = block.layout()
        start, end = block.position(), block.position() + block.length()
        groups, group_lanes, painted = self._groups, self._group_lanes, self._painted
        for g in visible:
            start16, end16, _sid, _cids, names = groups[g]
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
            for k, lane in enumerate(group_lanes[g]):
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
