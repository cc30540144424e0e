"""The benchmark's report: results against the budget, timing helpers, the printed table."""

from __future__ import annotations

import contextlib
import cProfile
import io
import os
import platform
import pstats
import resource
import sys
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy

from ..store.database import database_version


@dataclass
class Result:
    """One line of the report. `measured` and `budget` are in `unit`; no budget: info only."""

    name: str
    measured: float
    unit: str  # "s", "ms" or "MB"
    budget: float | None = None
    budget_text: str = ""
    detail: str = ""
    tail: float | None = None  # max or p95 for latencies, checked against the budget too
    tail_label: str = ""
    status: str = "info"
    tail_budget: float | None = None  # the tail's own budget, when not `budget`

    def judge(self) -> Result:
        if self.budget is not None:
            tail_budget = self.tail_budget if self.tail_budget is not None else self.budget
            if self.measured >= self.budget:
                self.status = "OVER"
            elif self.tail is not None and self.tail >= tail_budget:
                self.status = f"ok ({self.tail_label} OVER)"
            else:
                self.status = "ok"
        return self


@dataclass
class Report:
    machine: dict[str, Any]
    corpus: dict[str, Any] = field(default_factory=dict)
    results: list[Result] = field(default_factory=list)
    memory_mb: dict[str, float] = field(default_factory=dict)  # peak RSS after each phase

    def add(self, result: Result) -> Result:
        self.results.append(result.judge())
        return result

    @property
    def over(self) -> list[Result]:
        return [r for r in self.results if r.status != "ok" and r.status != "info"]


# -- measuring ----------------------------------------------------------------------------------


def peak_rss_mb() -> float:
    """Peak resident memory of this process so far (ru_maxrss: KiB on Linux, bytes on macOS)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def machine() -> dict[str, Any]:
    return {
        "cores": os.cpu_count(),
        "python": platform.python_version(),
        "database": database_version(),
        "sqlalchemy": sqlalchemy.__version__,
        "platform": platform.platform(),
    }


class Clock:
    """Times phases; the phase named by `--profile` also runs under cProfile."""

    def __init__(self, profile: str | None, log: Callable[[str], None]) -> None:
        self.profile = profile
        self.log = log

    @contextlib.contextmanager
    def phase(self, name: str) -> Iterator[None]:
        self.log(f"{name} ...")
        profiler = cProfile.Profile() if name == self.profile else None
        if profiler is not None:
            profiler.enable()
        try:
            yield
        finally:
            if profiler is not None:
                profiler.disable()
                out = io.StringIO()
                stats = pstats.Stats(profiler, stream=out).sort_stats("cumulative")
                stats.print_stats(30)
                print(f"--- profile of {name} (timings above are inflated) ---", file=sys.stderr)
                print(out.getvalue(), file=sys.stderr)


def ms(seconds: float) -> float:
    return seconds * 1000


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


# -- output -------------------------------------------------------------------------------------


def _format(value: float, unit: str) -> str:
    if unit == "s":
        return f"{value:.3f} s" if value < 10 else f"{value:.1f} s"
    if unit == "ms":
        return f"{value:.1f} ms"
    return f"{value:.1f} {unit}"


def _width(s: str) -> int:
    """Terminal columns: East Asian wide characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in s)


def _pad(s: str, width: int) -> str:
    return s + " " * (width - _width(s))


def table(report: Report) -> str:
    m, c = report.machine, report.corpus
    lines = [
        f"machine: {m['cores']} cores, Python {m['python']}, {m['database']}, "
        f"SQLAlchemy {m['sqlalchemy']}, {m['platform']}",
        f"corpus: {c['rows']:,} rows, {c['characters']:,} characters "
        f"({c['share_zh']:.0%} Chinese answers), {c['codes']} codes, {c['segments']:,} segments, "
        f"seed {c['seed']}",
        "",
    ]
    width = max(_width(r.name) for r in report.results)
    budget_width = max(len(r.budget_text) for r in report.results)
    head = f"{'measure':<{width}}  {'budget':<{budget_width}}  {'measured':>10}  {'status':<14}"
    lines += [head + "  detail", "-" * (len(head) + 8)]
    for r in report.results:
        tail = f"; {r.tail_label} {_format(r.tail, r.unit)}" if r.tail is not None else ""
        detail = r.detail + tail
        lines.append(
            f"{_pad(r.name, width)}  {r.budget_text:<{budget_width}}  "
            f"{_format(r.measured, r.unit):>10}  {r.status:<14}  {detail}"
        )
    lines.append("")
    over = report.over
    if over:
        lines.append("OVER BUDGET: " + "; ".join(f"{r.name} ({r.status})" for r in over))
    else:
        lines.append("all budgeted measures are within budget")
    return "\n".join(lines)
