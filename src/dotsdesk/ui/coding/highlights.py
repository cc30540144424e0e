"""Coded spans, painted under the text: the text is cut into runs covered by the same
codes and each run gets one opaque colour, the codes' colours laid over each other, so an
overlap reads darker and mixed.

The runs are painted by the view for the visible blocks only, not handed to Qt as
ExtraSelections: Qt measures every ExtraSelection (about 20 ms for 500 on a 50,000-character
text) each time they are set, which is after every code applied. Find matches, a few, are
ExtraSelections.

`flatten` and `paint_runs` say what the runs are, a layer per code; `coded_runs` computes
the same runs a segment at a time and as plain lists, and `runs_in` those of one stretch of
text (a block, `block_runs.py`) from the segments over it, so a 300,000-character answer
with 2,000 segments costs the blocks painted, not the whole text."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QTextBlock, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import QTextEdit

from ...services.coding.segments import SegmentView
from ..textpos import TextPositions
from .lanes import BarGroup

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
    return _blend((base.redF(), base.greenF(), base.blueF()), colours, tint)


@lru_cache(maxsize=1024)
def _rgb(name: str) -> tuple[float, float, float]:
    c = QColor(name)
    return c.redF(), c.greenF(), c.blueF()


def _blend(base: tuple[float, float, float], colours: Iterable[str], tint: float) -> QColor:
    r, g, b = base
    for name in colours:
        cr, cg, cb = _rgb(name)
        r += (cr - r) * tint
        g += (cg - g) * tint
        b += (cb - b) * tint
    return QColor.fromRgbF(r, g, b)


@lru_cache(maxsize=4096)
def _blend_once(base: tuple[float, float, float], colours: tuple[str, ...]) -> QColor:
    """The same overlaps come back after every code applied: blend each once."""
    return _blend(base, colours, TINT)


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


def coded_runs(
    segments: Iterable[SegmentView],
    to_utf16: Callable[[int], int],
    colour_of: Callable[[int], str],
    base: QColor,
) -> tuple[list[int], list[int], list[QColor]]:
    """`paint_runs(flatten(segments), positions, colour_of, base)` as three lists: the
    runs' UTF-16 starts, ends and colours (`to_utf16`: `positions.to_utf16`, or a memo of
    it). A segment's codes are adjacent layers of every run it covers (layers sort by
    segment, then code), so the sweep goes a segment at a time and a run's colour is
    looked up by its segments' sets of codes."""
    sets: dict[tuple[int, ...], int] = {}  # a segment's codes -> their colours' index
    colours_of: list[tuple[str, ...]] = []
    items: list[tuple[int, int, int, int]] = []  # start, end, segment id, colours' index
    for segment in segments:
        codes = segment.code_ids
        if not codes:
            continue
        index = sets.get(codes)
        if index is None:
            index = sets[codes] = len(colours_of)
            colours_of.append(tuple(map(colour_of, codes)))
        items.append((segment.start, segment.end, segment.id, index))
    items.sort()
    stops = {item[1] for item in items}
    edges = sorted({item[0] for item in items} | stops)
    edges16 = list(map(to_utf16, edges))
    starts: list[int] = []
    ends: list[int] = []
    colours: list[QColor] = []
    blended: dict[tuple[int, ...], QColor] = {}
    rgb = (base.redF(), base.greenF(), base.blueF())
    active: list[tuple[int, int]] = []  # (end, colours' index) over the run, in layer order
    nxt, count = 0, len(items)
    for j in range(len(edges) - 1):
        a = edges[j]
        if active and a in stops:
            active = [layer for layer in active if layer[0] > a]
        while nxt < count and items[nxt][0] <= a:
            item = items[nxt]
            if item[1] > a:
                active.append((item[1], item[3]))
            nxt += 1
        if active:
            key = tuple([layer[1] for layer in active])
            colour = blended.get(key)
            if colour is None:
                names = tuple([name for layer in active for name in colours_of[layer[1]]])
                colour = blended[key] = _blend_once(rgb, names)
            starts.append(edges16[j])
            ends.append(edges16[j + 1])
            colours.append(colour)
    return starts, ends, colours


def runs_in(
    groups: Sequence[BarGroup], lo: int, hi: int, rgb: tuple[float, float, float]
) -> tuple[list[int], list[int], list[QColor]]:
    """`coded_runs` over `[lo, hi)`, cut there: `groups` are those of `coded_groups` that
    overlap it (others are passed over). `rgb`: the base colour."""
    edges = {lo, hi}
    for start, end, *_rest in groups:
        if lo < start < hi:
            edges.add(start)
        if lo < end < hi:
            edges.add(end)
    cuts = sorted(edges)
    starts: list[int] = []
    ends: list[int] = []
    colours: list[QColor] = []
    blended: dict[tuple[str, ...], QColor] = {}
    active: list[BarGroup] = []  # over the run, in layer order
    nxt, count = 0, len(groups)
    for j in range(len(cuts) - 1):
        a = cuts[j]
        if active:
            active = [g for g in active if g[1] > a]
        while nxt < count and groups[nxt][0] <= a:
            if groups[nxt][1] > a:
                active.append(groups[nxt])
            nxt += 1
        if active:
            names = tuple([name for g in active for name in g[4]])
            colour = blended.get(names)
            if colour is None:
                colour = blended[names] = _blend_once(rgb, names)
            starts.append(a)
            ends.append(cuts[j + 1])
            colours.append(colour)
    return starts, ends, colours


def run_rects(
    block: QTextBlock, starts: Sequence[int], ends: Sequence[int]
) -> list[tuple[int, QRectF]]:
    """Where the runs on `block` are painted, a rectangle a line, relative to the block:
    (index into `starts`, rectangle)."""
    layout = block.layout()
    start, end = block.position(), block.position() + block.length() - 1
    out = []
    for i, (run_start, run_end) in enumerate(zip(starts, ends, strict=True)):
        a, b = max(run_start, start) - start, min(run_end, end) - start
        first = layout.lineForTextPosition(a).lineNumber()
        last = layout.lineForTextPosition(max(a, b - 1)).lineNumber()
        for n in range(max(first, 0), max(last, first) + 1):
            line = layout.lineAt(n)
            x0 = line.cursorToX(max(a, line.textStart()))
            x1 = line.cursorToX(min(b, line.textStart() + line.textLength()))
            x0, x1 = (x0[0], x1[0]) if isinstance(x0, tuple) else (x0, x1)
            out.append((i, QRectF(x0, line.y(), x1 - x0, line.height())))
    return out


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
