"""Plain-text tables for a terminal: columns as wide as their widest cell, as the eye sees it
(a Chinese character takes two columns), numbers right-aligned."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection, Sequence

Cell = str | int | float | None
_COUNT = re.compile(r"\d+ \(\d+%\)")


def width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def shown(value: Cell, decimals: int = 1) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:.{decimals}f}"
    return str(value)


def _numeric(value: Cell) -> bool:
    """Numbers, counts with a percentage ("3 (25%)") and empty cells are right-aligned."""
    if value is None or isinstance(value, int | float):
        return True
    return bool(_COUNT.fullmatch(value))


def table(
    headers: Sequence[str],
    rows: Sequence[Sequence[Cell]],
    decimals: int = 1,
    right: Collection[int] = (),
) -> str:
    """`right`: columns right-aligned besides the numeric ones."""
    cells = [[shown(v, decimals) for v in row] for row in rows]
    numeric = [
        i in right or (bool(rows) and all(_numeric(row[i]) for row in rows))
        for i in range(len(headers))
    ]
    widths = [max([width(h), *(width(row[i]) for row in cells)]) for i, h in enumerate(headers)]

    def line(values: Sequence[str]) -> str:
        parts = []
        for i, value in enumerate(values):
            pad = " " * (widths[i] - width(value))
            parts.append(pad + value if numeric[i] else value + pad)
        return "  ".join(parts).rstrip()

    rule = "  ".join("-" * w for w in widths)
    return "\n".join([line(list(headers)), rule, *(line(row) for row in cells)])
