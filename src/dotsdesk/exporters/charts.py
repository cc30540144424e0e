"""Bar charts drawn with matplotlib, one look for the panel's canvas and the reports' images.

`draw_bars` and `draw_grouped_bars` draw on any matplotlib Axes (the Analysis panel's Qt
canvas passes its own); `png` renders a figure with the Agg backend to PNG bytes in memory,
for a Word report. No pyplot: no global state, safe on a worker thread.
"""

from __future__ import annotations

import io
import warnings
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from matplotlib import font_manager
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

DEFAULT_COLOUR = "#4C9BE8"
# Chinese labels need a font with CJK glyphs: the first of these installed, else the default.
CJK_FONTS = ("Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "WenQuanYi Zen Hei",
             "WenQuanYi Micro Hei", "Microsoft YaHei", "PingFang SC", "SimHei")  # fmt: skip
# Emoji in outline (not colour bitmap) fonts, which Agg can draw; a missing one is a box.
SYMBOL_FONTS = ("Segoe UI Emoji", "Segoe UI Symbol", "Noto Emoji", "Symbola")


@lru_cache(maxsize=1)
def font_families() -> list[str]:
    """Installed CJK families first, then matplotlib's default; asked once (matplotlib logs
    every family it cannot find, every time it is asked)."""
    installed = {f.name for f in font_manager.fontManager.ttflist}
    return (
        [f for f in CJK_FONTS if f in installed]
        + ["sans-serif"]
        + [f for f in SYMBOL_FONTS if f in installed]
    )


def short(label: str, limit: int = 32) -> str:
    return label if len(label) <= limit else label[: limit - 1] + "…"


def draw_bars(
    axes: Axes,
    title: str,
    labels: Sequence[str],
    values: Sequence[float],
    colours: Sequence[str] | None = None,
    unit: str = "",
    notes: Sequence[str] | None = None,
) -> None:
    """Horizontal bars, the first label on top, each value (or its note: "58% of 12")
    written at its bar's end."""
    positions = list(range(len(labels)))
    bars = axes.barh(positions, list(values), color=list(colours) if colours else DEFAULT_COLOUR)
    # Labels no taller than a bar's share of the figure, so that many bars in a short
    # canvas do not print over each other (between 5 and 9 points).
    points = axes.figure.get_size_inches()[1] * 72 * 0.7 / max(len(labels), 1)
    size = max(5.0, min(9.0, 0.75 * points))
    axes.set_yticks(
        positions, [short(label) for label in labels], fontfamily=font_families(), fontsize=size
    )
    axes.invert_yaxis()
    axes.set_title(title, fontsize=10, fontfamily=font_families())
    if values and len(values) <= 40:
        ends = list(notes) if notes is not None else [_number(v) for v in values]
        axes.bar_label(bars, labels=ends, padding=2, fontsize=7, fontfamily=font_families())
        axes.margins(x=0.18)  # room for the notes
    if unit:
        axes.set_xlabel(unit, fontfamily=font_families())
    axes.spines[["top", "right"]].set_visible(False)


def draw_grouped_bars(
    axes: Axes,
    title: str,
    groups: Sequence[str],
    series: Sequence[tuple[str, Sequence[float], str]],
    unit: str = "",
) -> None:
    """Vertical bars: for each group (an attribute's value) one bar per series (a code),
    coloured by the series, with a legend."""
    width = 0.8 / max(len(series), 1)
    for i, (name, values, colour) in enumerate(series):
        offsets = [g + (i - (len(series) - 1) / 2) * width for g in range(len(groups))]
        axes.bar(offsets, list(values), width, label=short(name, 40), color=colour)
    shown = ["\n".join(short(line, 16) for line in g.splitlines()) for g in groups]
    axes.set_xticks(range(len(groups)), shown, fontfamily=font_families(), fontsize=8)
    if len(groups) > 6:
        axes.tick_params(axis="x", labelrotation=30)
    axes.set_title(title, fontsize=10, fontfamily=font_families())
    if unit:
        axes.set_ylabel(unit, fontfamily=font_families(), fontsize=8)
    # Beside the bars, never over them.
    axes.legend(frameon=False, loc="upper left", bbox_to_anchor=(1.0, 1.0),
                prop={"family": font_families(), "size": 7})  # fmt: skip
    axes.spines[["top", "right"]].set_visible(False)


def png(draw: Any, *args: Any, size: tuple[float, float] = (6.5, 4.0), dpi: int = 150) -> bytes:
    """`draw(axes, *args)` on a new figure of `size` inches, as PNG bytes."""
    figure = Figure(figsize=size, layout="constrained")
    FigureCanvasAgg(figure)
    draw(figure.add_subplot(), *args)
    out = io.BytesIO()
    with warnings.catch_warnings():
        # A character no installed font has (an emoji, mostly) is drawn as a box; saying so
        # on the terminal of every export would read like an error.
        warnings.filterwarnings("ignore", message="Glyph .* missing from", category=UserWarning)
        figure.savefig(out, format="png", dpi=dpi)
    return out.getvalue()


def bar_height(bars: int) -> float:
    """Inches for a horizontal bar chart of this many bars, readable and not too tall."""
    return min(9.0, max(2.2, 0.9 + 0.24 * bars))


def _number(value: float) -> str:
    return f"{value:.0f}" if float(value).is_integer() else f"{value:.1f}"
