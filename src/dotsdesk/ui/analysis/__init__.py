"""The analysis panel: frequency, crosstab, co-occurrence and word tables with a heat-map
tint, and bar charts drawn by matplotlib in a Qt canvas."""

from .panel import AnalysisPanel

__all__ = ["AnalysisPanel"]
