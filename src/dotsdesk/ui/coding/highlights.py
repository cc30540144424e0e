"""Coded spans, painted under the text: the text is cut into runs covered by the same
codes and each run gets one opaque colour, the codes' colours laid over each other, so an
overlap reads darker and mixed.

The runs are painted by the view for the visible lines only, not handed to Qt as
ExtraSelections: Qt measures every ExtraSelection (about 20 ms for 500 on a 50,000-character
text) each time they are set, which is after every code applied. Find matches, a few, are
ExtraSelections."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import pairwise

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor, QPainter, QTextBlock, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import QTextEdit

from ...services.coding import SegmentView
from ..textpos import TextPositions

TINT = 0.32  # how strongly one code colours its text; two codes already read as an overlap


@dataclass(frozen=True)
class Run:
    """`[start, end)` in code points, covered by these (segment, code) layers in order."""

    start: int
    end: int
    layers: tuple[tuple[int, int], ...]  # (segment id, code id)


@dataclass(frozen=True)
class PaintRun:
    """A run as the view paints it: UTF-16 positions and its blended colour."""

    start16: int
    end16: int
    colour: QColor


def flatten(segments: Iterable[SegmentView]) -> list[Run]:
    """Cut the coded text at every segment edge; runs covered by nothing are left out."""
    layers = sorted((s.start, s.end, s.id, c) for s in segments for c in s.code_ids)
    edges = sorted({e for start, end, *_ in layers for e in (start, end)})
    runs: list[Run] = []
    active: list[tuple[int, int, int, int]] = []
    nxt = 0
    for a, b in pairwise(edges):
        active = [layer for layer in active if layer[1] > a]
        while nxt < len(layers) and layers[nxt][0] <= a:
            if layers[nxt][1] > a:
                active.append(layers[nxt])
            nxt += 1
        if active:
            runs.append(Run(a, b, tuple((sid, cid) for _s, _e, sid, cid in active)))
    return runs


def blend(base: QColor, colours: Sequence[str], tint: float = TINT) -> QColor:
    """`colours` laid one over another on `base`, each at `tint` opacity."""
    r, g, b = base.redF(), base.greenF(), base.blueF()
    for name in colours:
        c = QColor(name)
        r += (c.redF() - r) * tint
        g += (c.greenF() - g) * tint
        b += (c.blueF() - b) * tint
    return QColor.fromRgbF(r, g, b)


def paint_runs(
    runs: Sequence[Run], positions: TextPositions, colour_of: Callable[[int], str], base: QColor
) -> list[PaintRun]:
    colours: dict[tuple[str, ...], QColor] = {}
    out = []
    for run in runs:
        key = tuple(colour_of(cid) for _sid, cid in run.layers)
        if key not in colours:
            colours[key] = blend(base, key)
        out.append(
            PaintRun(positions.to_utf16(run.start), positions.to_utf16(run.end), colours[key])
        )
    return out


def paint_block(
    painter: QPainter, block: QTextBlock, top_left: QPointF, runs: Sequence[PaintRun],
    ends: Sequence[int],
) -> None:  # fmt: skip
    """Fill the parts of `runs` (sorted, not overlapping; `ends` their end16s) on `block`."""
    layout = block.layout()
    start, end = block.position(), block.position() + block.length() - 1
    i = bisect_right(ends, start)
    while i < len(runs) and runs[i].start16 < end:
        run = runs[i]
        a, b = max(run.start16, start) - start, min(run.end16, end) - start
        first = layout.lineForTextPosition(a).lineNumber()
        last = layout.lineForTextPosition(max(a, b - 1)).lineNumber()
        for n in range(max(first, 0), max(last, first) + 1):
            line = layout.lineAt(n)
            x0 = line.cursorToX(max(a, line.textStart()))
            x1 = line.cursorToX(min(b, line.textStart() + line.textLength()))
            x0, x1 = (x0[0], x1[0]) if isinstance(x0, tuple) else (x0, x1)
            rect = QRectF(x0, line.y(), x1 - x0, line.height()).translated(top_left)
            painter.fillRect(rect, run.colour)
        i += 1


@contextmanager
def quiet_cursors(doc: QTextDocument) -> Iterator[None]:
    """QTextCursor.setPosition lays out the cursor's block to remember its x, except inside
    an edit block: without this, many matches would lay out the whole text."""
    guard = QTextCursor(doc)
    guard.beginEditBlock()
    try:
        yield
    finally:
        guard.endEditBlock()


def find_selections(
    doc: QTextDocument, positions: TextPositions, spans: Sequence[tuple[int, int]]
) -> list[QTextEdit.ExtraSelection]:
    """Find matches: a translucent orange box over whatever colour the codes gave."""
    fmt = QTextCharFormat()
    fmt.setBackground(QColor(255, 140, 0, 110))
    fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
    fmt.setUnderlineColor(QColor(200, 90, 0))
    out = []
    with quiet_cursors(doc):
        for a, b in spans:
            cursor = QTextCursor(doc)
            cursor.setPosition(positions.to_utf16(a))
            cursor.setPosition(positions.to_utf16(b), QTextCursor.MoveMode.KeepAnchor)
            extra = QTextEdit.ExtraSelection()
            extra.cursor = cursor
            extra.format = fmt
            out.append(extra)
    return out
