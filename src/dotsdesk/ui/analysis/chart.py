"""Bar charts in a Qt canvas (matplotlib's QtAgg backend), drawn as the Word reports draw
them (`exporters/charts.py`), saved as PNG or SVG; and which chart each tab shows."""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
from matplotlib.figure import Figure

from ...exporters.charts import DEFAULT_COLOUR, draw_bars
from ...services.analysis.crosstab import ALL_VALUES
from ..i18n import arg

if TYPE_CHECKING:
    from .panel import AnalysisPanel

WORD_BARS = 20
CODE_BARS = 30  # a large codebook's chart shows the codes with the most respondents


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
        notes: Sequence[str] | None = None,
    ) -> None:
        """Horizontal bars, the first label on top."""
        self.title = title
        self.figure.clear()
        draw_bars(self.figure.add_subplot(), title, labels, values, colours, unit, notes)
        self.draw_idle()

    def draw(self) -> None:
        with warnings.catch_warnings():
            # A dock squeezed small, or a glyph no font has: the chart is drawn as it can be,
            # without a warning on the terminal at every repaint.
            warnings.filterwarnings("ignore", message="constrained_layout not applied")
            warnings.filterwarnings("ignore", message="Glyph .* missing from")
            super().draw()

    def clear(self) -> None:
        self.title = ""
        self.figure.clear()
        self.draw_idle()

    def save(self, path: Path) -> None:
        """PNG or SVG, by the file's suffix."""
        fmt = path.suffix.lower().lstrip(".")
        if fmt not in ("png", "svg"):
            raise ValueError(self.tr("charts are saved as .png or .svg"))
        self.figure.savefig(str(path), format=fmt, dpi=150)


def draw_panel_chart(panel: AnalysisPanel) -> None:
    """The chart of the panel's current tab: respondents per code, the chosen code of the
    crosstab by its attribute, the most frequent words; none for the other tabs."""
    tab = panel.tabs.currentIndex()
    chart = panel.chart
    if tab == 0 and panel.frequencies.source.rows:
        source = panel.frequencies.source
        rows = list(zip(source.rows, source.row_colours, strict=True))
        title = ChartCanvas.tr("Respondents per code (with sub-codes)")
        if len(rows) > CODE_BARS:
            rows = sorted(rows, key=lambda r: -float(r[0][3] or 0))[:CODE_BARS]
            title = arg(ChartCanvas.tr("The %1 codes with the most respondents"), CODE_BARS)
        chart.bars(
            title,
            [str(r[0]).strip() for r, _c in rows],
            [float(r[3] or 0) for r, _c in rows],
            [c or DEFAULT_COLOUR for _r, c in rows],
        )
    elif tab == 1 and panel._crosstab is not None and panel._crosstab.codes:
        table = panel._crosstab
        chosen = panel.crosstab.currentIndex()
        row = panel.crosstab.proxy.mapToSource(chosen).row() if chosen.isValid() else 0
        code = table.codes[min(row, len(table.codes) - 1)]
        values = [*table.values, ALL_VALUES]
        shares = [table.cell(code.id, v).percent_of_column for v in values]
        bases = [table.column_bases[v] for v in values]
        share = ChartCanvas.tr("%1% of %2")
        all_values = ChartCanvas.tr("(all)")
        chart.bars(
            arg(ChartCanvas.tr("%1 by %2"), code.path, table.attribute),
            [all_values if v == ALL_VALUES else v for v in values],
            shares,
            [code.colour] * len(values),
            unit=ChartCanvas.tr("% of the respondents with the value"),
            notes=[arg(share, f"{p:.0f}", n) for p, n in zip(shares, bases, strict=True)],
        )
    elif tab == 3 and panel.words.source.rows:
        rows = panel.words.source.rows[:WORD_BARS]
        chart.bars(ChartCanvas.tr("Most frequent words"), [str(r[0]) for r in rows],
                   [float(r[1] or 0) for r in rows])  # fmt: skip
    elif tab in (2, 4):
        pass  # a matrix and a table of figures: the last chart stays
