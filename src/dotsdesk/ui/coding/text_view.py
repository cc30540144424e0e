"""The read-only text of a response. Qt speaks UTF-16 positions; everything this view
tells the panel is in code points, converted by `textpos` and nowhere else."""

from __future__ import annotations

import json
from bisect import bisect_right
from collections.abc import Callable, Sequence

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QMimeData,
    QPoint,
    QPointF,
    QRect,
    QRectF,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QHelpEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QResizeEvent,
    QTextBlock,
    QTextCursor,
    QTextOption,
)
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit, QToolTip, QWidget

from ...services.corpus.turns import TurnView
from ..textpos import TextPositions
from .block_runs import BlockRuns
from .highlights import PaintRun, runs_in
from .lines import BlockIndex
from .margin import Bar, BarGroup, LineKeys, SegmentMargin, TextGeometry
from .turn_margin import TurnGutter, context_tint, turn_marks
from .words import display_text, snap_to_words

SELECTION_MIME = "application/x-dotsdesk-selection"


class Utf16Offsets(dict[int, int]):
    """Code point -> UTF-16 position for one text, each worked out (by `textpos`) once:
    the same segment edges are converted again after every code applied."""

    def __init__(self, positions: TextPositions) -> None:
        super().__init__()
        self._positions = positions

    def __missing__(self, offset: int) -> int:
        position = self[offset] = self._positions.to_utf16(offset)
        return position


class CodingTextView(QPlainTextEdit):
    menuRequested = Signal(object, QPoint)  # code point under the mouse (or None), global pos

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("codingText")
        self.setReadOnly(True)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.document().setUndoRedoEnabled(False)
        self.document().setDocumentMargin(8)
        self.positions = TextPositions("")
        self.utf16 = Utf16Offsets(self.positions)
        self.response_id: int | None = None
        self.snap_words = False
        self.tooltip_for: Callable[[int], str] = lambda offset: ""
        self._exact_drag = False
        # The coded runs, a block at a time as blocks are painted; `runs` makes the whole
        # text's PaintRun objects only when asked.
        self.coded = BlockRuns()
        self._runs: list[PaintRun] | None = []
        # The text's blocks, and where each position is laid out (until the text or its
        # wrapping changes).
        self._blocks: BlockIndex | None = None
        self._line_keys: LineKeys | None = None
        self._line_keys_for: tuple[object, ...] = ()
        # Turns that are not the respondent's words, tinted: (start16, end16, tint or None).
        self._tints: list[tuple[int, int, QColor | None]] = []
        self._tint_starts: list[int] = []
        geometry = TextGeometry(self.visible_blocks, self.line_keys)
        self.margin = SegmentMargin(geometry, self)
        # Left of the code stripes: who speaks and when, for a transcript (else 0 wide).
        self.turn_gutter = TurnGutter(geometry, self)
        self._relane = QTimer(self, singleShot=True, interval=60)
        self._relane.timeout.connect(self._fit_margin_width)
        self.margin.wants_width = self._relane.start
        # Not updateRequest: it fires once per highlight when 500 are set, each a Python call.
        self.verticalScrollBar().valueChanged.connect(self.margin.update)
        self.verticalScrollBar().valueChanged.connect(self.turn_gutter.update)
        self._fit_margin()

    # -- text and positions ---------------------------------------------------------------
    def set_text(self, text: str, response_id: int | None, turns: Sequence[TurnView] = ()) -> None:
        """The text, and a transcript's turns: their gutter takes its width before the text
        is laid out, so the text wraps once."""
        self.positions = TextPositions(text)
        self.utf16 = Utf16Offsets(self.positions)
        self.response_id = response_id
        self._forget_lines()
        self._set_turn_marks(turns)
        self.setPlainText(display_text(text))
        self._blocks = BlockIndex(self.document())
        # Qt shows or hides the scroll bar for the new text at the next turn of the event
        # loop (a queued call), and then the text would be laid out again, narrower, and
        # its lanes with it: let it decide now, before the bars lay the text out.
        QCoreApplication.sendPostedEvents(self, QEvent.Type.MetaCall)
        self.coded.set_text(self._blocks)
        self._runs = []
        self.margin.set_groups([])
        self.setExtraSelections([])

    @property
    def text(self) -> str:
        return self.positions.text

    def set_turns(self, turns: Sequence[TurnView]) -> None:
        """New turns for the text shown (its speakers were changed at a re-import)."""
        self._set_turn_marks(turns)
        self.viewport().update()

    def _set_turn_marks(self, turns: Sequence[TurnView]) -> None:
        gutter = self.turn_gutter
        had = gutter.width_hint()
        gutter.set_marks(turn_marks(turns, self.utf16))
        self._tints = [(m.start16, m.end16, context_tint(m.kind)) for m in gutter.marks]
        self._tint_starts = [t[0] for t in self._tints]
        if gutter.width_hint() != had:
            self._fit_margin()

    def turn_span16(self, turn_id: int) -> tuple[int, int] | None:
        mark = next((m for m in self.turn_gutter.marks if m.turn_id == turn_id), None)
        return (mark.start16, mark.end16) if mark else None

    def code_point_selection(self) -> tuple[int, int] | None:
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        start = self.positions.to_code_point(cursor.selectionStart())
        end = self.positions.to_code_point(cursor.selectionEnd())
        return (start, end) if start < end else None

    def select_code_points(self, start: int, end: int, *, centre: bool = False) -> None:
        cursor = QTextCursor(self.document())
        cursor.setPosition(self.positions.to_utf16(start))
        cursor.setPosition(self.positions.to_utf16(end), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        if centre:
            self.centerCursor()

    def code_point_at(self, pos: QPoint) -> int | None:
        """The character under viewport point `pos`, or None past the end of the text."""
        cursor = self.cursorForPosition(pos)
        position = cursor.position()
        if pos.x() < self.cursorRect(cursor).x() and position > 0:
            position -= 1  # the mouse is on the character before the nearest gap
        offset = self.positions.to_code_point(position)
        return offset if offset < len(self.positions.text) else None

    # -- highlights -----------------------------------------------------------------------
    @property
    def runs(self) -> list[PaintRun]:
        """The coded runs painted under the text, over the whole text (sorted, not
        overlapping): worked out when asked, as painting needs only a block's."""
        if self._runs is None:
            groups = self.coded.ordered()
            lo = min((g[0] for g in groups), default=0)
            hi = max((g[1] for g in groups), default=0)
            self._runs = [
                PaintRun(*run) for run in zip(*runs_in(groups, lo, hi, self._base()), strict=True)
            ]
        return self._runs

    def update_segment_groups(self, removed: list[BarGroup], added: list[BarGroup]) -> None:
        """Some segments changed (a code applied or removed): `removed` groups are gone,
        `added` are new; only what they touch is worked out again."""
        self.coded.update(removed, added)
        self._runs = None
        self.margin.update_groups(removed, added)
        self._fit_margin_width()
        self.margin.update()
        self._update_under([*removed, *added])

    def _update_under(self, groups: list[BarGroup]) -> None:
        """Repaint the visible blocks these segments touch, not the whole text shown."""
        if self._blocks is None:
            self.viewport().update()
            return
        spans = [self._blocks.span(g[0], g[1]) for g in groups]
        area = QRect()
        offset = self.contentOffset()
        for block, _top_left in self.visible_blocks(self.viewport().height()):
            n = block.blockNumber()
            if any(first <= n <= last for first, last in spans):
                rect = self.blockBoundingGeometry(block).translated(offset).toAlignedRect()
                area = area.united(rect)
        if not area.isNull():
            self.viewport().update(area.adjusted(0, 0, self.viewport().width(), 0))

    def _base(self) -> tuple[float, float, float]:
        base = self.palette().base().color()
        return base.redF(), base.greenF(), base.blueF()

    def set_segment_groups(self, groups: list[BarGroup], *, narrow: bool = False) -> None:
        """The coded segments, a group of bars per segment (start16, end16, segment id,
        code ids, colours): the runs under the text and the stripes beside it."""
        self.coded.set_groups(groups, self.palette().base().color())
        self._runs = None
        self.set_segment_bars(groups, narrow=narrow)
        self.viewport().update()

    def set_find_highlights(self, selections: list[QTextEdit.ExtraSelection]) -> None:
        self.setExtraSelections(selections)

    def paintEvent(self, event: QPaintEvent) -> None:
        """The runs of the visible blocks first, then Qt's text, selection and finds."""
        if self._tints:
            self._paint_tints(event.rect().bottom())
        if self.coded.groups:
            wrapping = self._wrapping()
            painter = QPainter(self.viewport())
            for block, top_left in self.visible_blocks(event.rect().bottom()):
                self.coded.paint(painter, block, top_left, wrapping)
            painter.end()
        super().paintEvent(event)

    def _paint_tints(self, bottom: int) -> None:
        """A tint the width of the text behind each visible line of a turn that is not the
        respondent's words."""
        painter = QPainter(self.viewport())
        width = self.viewport().width()
        tints, starts = self._tints, self._tint_starts
        for block, top_left in self.visible_blocks(bottom):
            n = bisect_right(starts, block.position()) - 1
            if n < 0 or block.position() > tints[n][1] or tints[n][2] is None:
                continue
            rect = self.blockBoundingRect(block)
            painter.fillRect(QRectF(0, top_left.y(), width, rect.height()), tints[n][2])
        painter.end()

    def visible_blocks(self, bottom: int) -> list[tuple[QTextBlock, QPointF]]:
        """The blocks shown down to viewport y `bottom`, each with its top left there."""
        shown: list[tuple[QTextBlock, QPointF]] = []
        offset = self.contentOffset()
        block = self.firstVisibleBlock()
        while block.isValid():
            geometry = self.blockBoundingGeometry(block).translated(offset)
            if geometry.top() > bottom:
                break
            if block.isVisible():
                shown.append((block, geometry.topLeft()))
            block = block.next()
        return shown

    # -- the margin -----------------------------------------------------------------------
    def _fit_margin(self) -> None:
        self.setViewportMargins(self.turn_gutter.width_hint() + self.margin.width_hint(), 0, 0, 0)
        self._place_margin()

    def _place_margin(self) -> None:
        r = self.contentsRect()
        gutter = self.turn_gutter.width_hint()
        width = self.viewportMargins().left() - gutter
        self.turn_gutter.setGeometry(QRect(r.left(), r.top(), gutter, r.height()))
        self.margin.setGeometry(QRect(r.left() + gutter, r.top(), width, r.height()))

    def set_bars(self, bars: list[Bar], *, narrow: bool = False) -> None:
        """Show these bars. The margin only widens (unless asked to `narrow`), so that the
        text does not rewrap under the reader as responses and their codes change."""
        self.margin.set_bars(bars)
        self._fit_margin_width(narrow)
        self.margin.update()

    def set_segment_bars(self, groups: list[BarGroup], *, narrow: bool = False) -> None:
        """As `set_bars`, a group of bars per segment: (start16, end16, segment id, code
        ids, colours)."""
        self.margin.set_groups(groups)
        self._fit_margin_width(narrow)
        self.margin.update()

    def _fit_margin_width(self, narrow: bool = False) -> None:
        """Room for the lanes, decided without laying the text out (`lane_bound`), so that
        the text wraps once; wider if a region painted took more."""
        current = self.viewportMargins().left() - self.turn_gutter.width_hint()
        wanted = self.margin.width_hint()
        if wanted > current or (wanted < current and narrow):
            self._fit_margin()

    def line_keys(self) -> LineKeys:
        """Where each UTF-16 position is laid out (`margin.LineKeys`), for the text as it
        wraps now: the same object until the text (`set_text`), the width or the font
        changes. (Not on the document's contentsChanged: the find bar's cursors emit it.)"""
        wrapping = self._wrapping()
        if self._line_keys is None or wrapping != self._line_keys_for:
            self._line_keys = LineKeys(self.document(), self._blocks)
            self._line_keys_for = wrapping
        return self._line_keys

    def _wrapping(self) -> tuple[object, ...]:
        return (
            self.document().characterCount(),
            self.viewport().width(),
            self.font(),
            self.lineWrapMode(),
            self.wordWrapMode(),
        )

    def _forget_lines(self) -> None:
        """The text, or the width it wraps in, changed."""
        self._line_keys = None
        self.coded.forget_rects()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place_margin()
        if event.size().width() != event.oldSize().width():
            self._forget_lines()  # the text wraps anew
            if self.margin.has_bars():
                self._relane.start()  # once the resizing stops

    # -- mouse: snapping, hovering, menus -------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._exact_drag = bool(event.modifiers() & Qt.KeyboardModifier.AltModifier)
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.AltModifier:
            self._exact_drag = True
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        exact = self._exact_drag or bool(event.modifiers() & Qt.KeyboardModifier.AltModifier)
        if event.button() == Qt.MouseButton.LeftButton and self.snap_words and not exact:
            self.snap_selection()

    def snap_selection(self) -> None:
        span = self.code_point_selection()
        if span is None:
            return
        start, end = snap_to_words(self.text, *span)
        if (start, end) != span:
            self.select_code_points(start, end)

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            assert isinstance(event, QHelpEvent)
            offset = self.code_point_at(event.pos())
            tip = self.tooltip_for(offset) if offset is not None else ""
            if tip:
                QToolTip.showText(event.globalPos(), tip, self.viewport())
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        self.menuRequested.emit(self.code_point_at(event.pos()), event.globalPos())

    def createMimeDataFromSelection(self) -> QMimeData:
        """A dragged selection also says where it came from, so a code it is dropped on
        can code it."""
        data = super().createMimeDataFromSelection()
        span = self.code_point_selection()
        if span is not None and self.response_id is not None:
            payload = {"response_id": self.response_id, "start": span[0], "end": span[1]}
            data.setData(SELECTION_MIME, json.dumps(payload).encode())
        return data
