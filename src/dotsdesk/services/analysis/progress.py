"""One progress bar over work done in stages of different lengths (count, cut words, write).

Each stage gets a share of the bar by its expected cost; its own `(done, total)` reports
move the bar within that share, so a progress dialog (and its Cancel, which acts at the next
report) keeps moving through a long first stage as through the rows written last.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

Progress = Callable[[int, int], None]
SCALE = 1000  # the bar's total: thousandths


class Stages:
    def __init__(self, progress: Progress | None, weights: Sequence[float]) -> None:
        self._progress = progress
        whole = sum(weights) or 1.0
        self._starts: list[float] = []
        self._shares: list[float] = []
        at = 0.0
        for weight in weights:
            self._starts.append(at)
            self._shares.append(weight / whole)
            at += weight / whole
        self._last = -1

    def stage(self, index: int) -> Progress:
        """The reporter of stage `index` (0-based); reporting `(total, total)` ends it."""

        def report(done: int, total: int) -> None:
            part = min(1.0, done / total) if total > 0 else 1.0
            self._report(self._starts[index] + self._shares[index] * part)

        return report

    def finish(self, index: int) -> None:
        self.stage(index)(1, 1)

    def _report(self, fraction: float) -> None:
        if self._progress is None:
            return
        value = min(SCALE, round(fraction * SCALE))
        # Every report reaches the callback (a Cancel is heard there), even an unchanged one.
        self._last = max(self._last, value)
        self._progress(self._last, SCALE)
