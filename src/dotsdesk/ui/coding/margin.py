"""The code stripes beside the text (as in MAXQDA): one coloured bar per code of each
segment, beside the lines the segment covers. Segments sharing a line get separate lanes,
decided once per text and width; painting then measures only the visible blocks, so a long
response scrolls as fast as a short one."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QPoint, QRect, QSize, Qt, Signal
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

if TYPE_CHECKING:
    from .text_view import CodingTextView

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


def assign_lanes(bars: Sequence[Bar], line_of: Callable[[int], int]) -> list[Bar]:
    """Greedy interval colouring over the lines the bars cover: a bar takes the first lane
    with no bar on any of its lines, so two segments sharing a line never share a lane."""
    spans = [(line_of(b.start16), line_of(max(b.start16, b.end16 - 1)), b) for b in bars]
    spans.sort(key=lambda t: (t[0], -t[1], t[2].start16, t[2].segment_id, t[2].code_id))
    last_line: list[int] = []  # per lane, the last line taken
    out = []
    for first, last, bar in spans:
        lane = next((i for i, taken in enumerate(last_line) if taken < first), len(last_line))
        if lane == len(last_line):
            last_line.append(last)
        else:
            last_line[lane] = last
        out.append(replace(bar, lane=min(lane, MAX_LANES - 1)))
    return out


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


class SegmentMargin(QWidget):
    """Painted by the text view's geometry; a click on a bar asks for its segment."""

    segmentClicked = Signal(int)

    def __init__(self, view: CodingTextView) -> None:
        super().__init__(view)
        self.setObjectName("codingMargin")
        self._view = view
        self._bars: list[Bar] = []
        self._lanes = 0
        self._drawn: list[tuple[QRect, Bar]] = []
        self.tooltip_for_segment = lambda segment_id: ""
        self.setMouseTracking(True)

    def set_bars(self, bars: Sequence[Bar]) -> None:
        """New bars; the view assigns their lanes (`assign_lanes`) once its width is known."""
        self._bars = list(bars)

    def assign_lanes(self) -> None:
        """Again when the text wraps differently (a new width)."""
        if self._bars:
            self._bars = assign_lanes(self._bars, visual_lines(self._view.document()))
        self._lanes = max((b.lane + 1 for b in self._bars), default=0)
        self.update()

    @property
    def bars(self) -> list[Bar]:
        return list(self._bars)

    def width_hint(self) -> int:
        return PAD * 2 + max(self._lanes, MIN_LANES) * (BAR + GAP)

    def sizeHint(self) -> QSize:
        return QSize(self.width_hint(), 0)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(event.rect(), self.palette().window())
        self._drawn = []
        view = self._view
        block = view.firstVisibleBlock()
        if not block.isValid() or not self._bars:
            return
        offset = view.contentOffset()
        bottom = event.rect().bottom()
        first = block.position()
        # Bars that can touch the visible part; blocks below are skipped when we get there.
        visible = [b for b in self._bars if b.end16 > first]
        while block.isValid() and visible:
            geometry = view.blockBoundingGeometry(block).translated(offset)
            if geometry.top() > bottom:
                break
            if block.isVisible():
                self._paint_block(painter, block, geometry.top(), visible)
            block = block.next()

    def _paint_block(
        self, painter: QPainter, block: QTextBlock, top: float, bars: list[Bar]
    ) -> None:
        layout = block.layout()
        start, end = block.position(), block.position() + block.length()
        for bar in bars:
            if bar.start16 >= end or bar.end16 <= start:
                continue
            a = max(bar.start16, start) - start
            b = max(a, min(bar.end16, end) - start - 1)
            line_a, line_b = layout.lineForTextPosition(a), layout.lineForTextPosition(b)
            if not line_a.isValid() or not line_b.isValid():
                continue
            y0 = round(top + line_a.y())
            y1 = round(top + line_b.y() + line_b.height())
            rect = QRect(PAD + bar.lane * (BAR + GAP), y0 + 1, BAR, max(2, y1 - y0 - 2))
            painter.fillRect(rect, QColor(bar.colour))
            self._drawn.append((rect, bar))

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
