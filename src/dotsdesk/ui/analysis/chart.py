"""Bar charts in a Qt canvas (matplotlib's QtAgg backend), saved as PNG or SVG."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

from matplotlib import font_manager
from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
from matplotlib.figure import Figure

# Chinese labels need a font with CJK glyphs: the first of these installed, else the default.
CJK_FONTS = ("Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "WenQuanYi Zen Hei",
             "Microsoft YaHei", "PingFang SC", "SimHei")  # fmt: skip


@lru_cache(maxsize=1)
def _families() -> list[str]:
    """Installed CJK families first, then matplotlib's default; asked once (matplotlib logs
    every family it cannot find, every time it is asked)."""
    installed = {f.name for f in font_manager.fontManager.ttflist}
    return [f for f in CJK_FONTS if f in installed] + ["sans-serif"]


class ChartCanvas(FigureCanvasQTAgg):
    def __init__(self) -> None:
        self.figure = Figure(figsize=(5, 3.5), layout="constrained")
        super().__init__(self.figure)
        self.setObjectName("analysisChart")
        self.title = ""

    def bars(
        self,
        title: str,
        labels: Sequence[str],
        values: Sequence[float],
        colours: Sequence[str] | None = None,
        unit: str = "",
    ) -> None:
        """Horizontal bars, the first label on top."""
        self.title = title
        self.figure.clear()
        axes = self.figure.add_subplot()
        positions = list(range(len(labels)))
        axes.barh(positions, list(values), color=list(colours) if colours else "#4C9BE8")
        axes.set_yticks(positions, [_short(label) for label in labels], fontfamily=_families())
        axes.invert_yaxis()
        axes.set_title(title, fontsize=10, fontfamily=_families())
        if unit:
            axes.set_xlabel(unit)
        axes.spines[["top", "right"]].set_visible(False)
        self.draw_idle()

    def save(self, path: Path) -> None:
        """PNG or SVG, by the file's suffix."""
        fmt = path.suffix.lower().lstrip(".")
        if fmt not in ("png", "svg"):
            raise ValueError("charts are saved as .png or .svg")
        self.figure.savefig(str(path), format=fmt, dpi=150)


def _short(label: str, limit: int = 32) -> str:
    return label if len(label) <= limit else label[: limit - 1] + "…"
