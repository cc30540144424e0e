"""The team project's part of the budget, on a local PostgreSQL server:

    python -m dotsdesk.bench.team BENCH.dots postgresql://USER@HOST:PORT/postgres

Pushes the benchmark project (made by `dotsdesk-bench --keep --out DIR`) into a new database
on the server, then times opening it, a search, and applying a code (service, commit, undo
record; median of repeated runs) on the server beside the same on the file.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable

from sqlalchemy import select

from ..model import Code, Response
from ..services.browser.query import matching_ids, rows
from ..services.browser.query_types import BrowseQuery
from ..services.coding import segments as coding
from ..services.corpus.search import search
from ..store import Project
from ..store.copying import copy_project
from ..store.server import recreate_database

RUNS = 21
BUDGET = {"push": 30.0, "open": 1.5, "search": 0.05, "apply": 0.016, "undo": 0.016}


def _median(action: Callable[[], object], runs: int = RUNS) -> float:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        action()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def _open_usable(location: object) -> None:
    """Open and read what the window shows first: the browser's first page."""
    with Project.open(location, undo=True) as p, p.read() as s:  # type: ignore[arg-type]
        rows(s, list(matching_ids(s, BrowseQuery()))[:100])


def _apply_and_undo(project: Project, rid: int, code: int) -> tuple[float, float]:
    """Medians of applying a code (one transaction with its undo record) and undoing it."""
    applied, undone = [], []
    for n in range(RUNS):
        t0 = time.perf_counter()
        _, step = project.record(lambda s, n=n: coding.code_span(s, rid, n, n + 5, [code]))
        t1 = time.perf_counter()
        project.replay(step)
        undone.append(time.perf_counter() - t1)
        applied.append(t1 - t0)
    return statistics.median(applied), statistics.median(undone)


def measure(location: object) -> dict[str, float]:
    figures: dict[str, float] = {}
    figures["open"] = _median(lambda: _open_usable(location), 5)
    with Project.open(location, undo=True) as p:  # type: ignore[arg-type]
        if p.backups is not None:
            p.backups.finish()  # the backup taken on opening a file, not the figures' load
        with p.read() as s:
            figures["search"] = _median(lambda: search(s, "production 生产"), 11)
            rid = s.scalar(select(Response.id).order_by(Response.id).limit(1))
            code = s.scalar(select(Code.id).order_by(Code.id).limit(1))
        figures["apply"], figures["undo"] = _apply_and_undo(p, rid, code)  # type: ignore[arg-type]
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("bench", help="the benchmark project file")
    parser.add_argument("server", help="postgresql://USER@HOST:PORT/DATABASE to create beside")
    args = parser.parse_args()
    url = recreate_database(args.server, "dotsdesk_bench")
    Project.create(url).close()
    t0 = time.perf_counter()
    with (
        Project.open(args.bench, readonly=True) as local,
        Project.open(url) as team,
        local.engine.connect() as source,
        team.engine.begin() as target,
    ):
        report = copy_project(source, target)
    push = time.perf_counter() - t0
    print(f"push        {push:8.2f} s   (budget {BUDGET['push']:g} s) {report.summary()[:80]}")
    server, local_figures = measure(url), measure(args.bench)
    for key, unit, scale in (
        ("open", "s", 1),
        ("search", "ms", 1000),
        ("apply", "ms", 1000),
        ("undo", "ms", 1000),
    ):
        print(
            f"{key:<11} {server[key] * scale:8.2f} {unit:<2}  on the server; "
            f"{local_figures[key] * scale:8.2f} {unit} on the file "
            f"(budget {BUDGET[key] * scale:g} {unit})"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
