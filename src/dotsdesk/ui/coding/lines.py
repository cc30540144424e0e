"""Where a position of the shown text is: in which block (paragraph), found without laying
anything out, and on which laid-out line, found by laying out only the block asked about.

A 300,000-character answer lays out in a few hundred milliseconds; the view shows its first
screen in a few, so nothing here lays out more than the blocks it is asked about."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable

from PySide6.QtGui import QTextBlock, QTextDocument


class BlockIndex:
    """The blocks of one document and where each starts (UTF-16), read once per text."""

    def __init__(self, doc: QTextDocument) -> None:
        self.blocks: list[QTextBlock] = []
        self.starts: list[int] = []
        self._spans: dict[tuple[int, int], tuple[int, int]] = {}
        block = doc.begin()
        while block.isValid():
            self.blocks.append(block)
            self.starts.append(block.position())
            block = block.next()

    def block_of(self, position: int) -> int:
        """The block `position` is in (the last block for a position past the end)."""
        return max(bisect_right(self.starts, position) - 1, 0)

    def span(self, start16: int, end16: int) -> tuple[int, int]:
        """The first and last blocks `[start16, end16)` touches (remembered: the same
        segments are asked about after every code applied)."""
        found = self._spans.get((start16, end16))
        if found is None:
            starts = self.starts
            first = bisect_right(starts, start16) - 1
            last = bisect_right(starts, end16 - 1 if end16 > start16 else start16) - 1
            found = self._spans[start16, end16] = (max(first, 0), max(last, 0))
        return found


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

    def __init__(self, doc: QTextDocument, blocks: BlockIndex | None = None) -> None:
        super().__init__()
        self._layout = doc.documentLayout()
        self.index = blocks if blocks is not None else BlockIndex(doc)

    def __call__(self, position: int) -> int:
        return self[position]

    def block_of(self, position: int) -> int:
        """The block `position` is in, without laying anything out. Positions in different
        blocks are never on one line, so lanes decided by blocks never collide: they are an
        upper bound of the lanes decided by lines."""
        return self.index.block_of(position)

    def __missing__(self, position: int) -> int:
        key = self[position] = self._look_up(position)
        return key

    def _look_up(self, position: int) -> int:
        index = self.index
        if not index.blocks:
            return 0
        n = index.block_of(position)
        block = index.blocks[n]
        self._layout.blockBoundingRect(block)  # lays the block out if it is not yet
        layout = block.layout()
        line = layout.lineForTextPosition(position - index.starts[n])
        # Past the block's text: its last line, as `visual_lines` says.
        number = line.lineNumber() if line.isValid() else max(layout.lineCount() - 1, 0)
        return (n << self.LINE_BITS) | number
