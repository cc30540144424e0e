"""`dotsdesk-bench`: time the foundation layer on the benchmark corpus against the design's
performance budget, and print a report (a table, or one JSON object with `--json`).

The phases live by what they time: `foundation.py` the store and services on the corpus,
`survey.py` the `dotsdesk import` command on issue 18's survey, `window.py` (measured by
`gui.py`) the main window; `report.py` holds the results and prints them.

It is a report, not a test: the exit code is 0 even when something is over budget; such
rows say OVER.
"""

from __future__ import annotations

import argparse
import gc
import json
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path

from . import corpus as corpus_module
from . import foundation
from .report import Clock, Report, Result, machine, peak_rss_mb, table
from .survey import SURVEY_CSV, SURVEY_PROJECT, SURVEY_ROWS, remove_project, survey_phase

PROJECT_NAME = "bench.dots"
CSV_NAME = "bench-survey.csv"
XLSX_NAME = "bench-segments.xlsx"
PHASES = (
    "generate",
    "import",
    "coding",
    "search",
    "code-span",
    "export",
    "reopen",
    "survey",
    "window",
)


def run(args: argparse.Namespace, out: Path, log: Callable[[str], None]) -> Report:
    report = Report(machine())
    clock = Clock(args.profile, log)

    with clock.phase("generate"):
        t0 = time.perf_counter()
        corpus = corpus_module.generate(args.rows, args.segments, args.codes, args.seed)
        t1 = time.perf_counter()
        csv_path = out / CSV_NAME
        corpus.write_csv(csv_path)
        t2 = time.perf_counter()
    report.corpus = {
        "rows": len(corpus.texts),
        "characters": corpus.total_chars,
        "csv_bytes": csv_path.stat().st_size,
        "codes": len(corpus.codes),
        "segments": len(corpus.segments),
        "seed": corpus.seed,
        "share_zh": round(corpus.languages.count("zh") / len(corpus.languages), 3),
    }
    report.add(
        Result(
            "generate corpus",
            t1 - t0,
            "s",
            3.0,
            "< 3 s (bench's own)",
            f"{corpus.total_chars:,} characters",
        )
    )
    report.add(Result("write CSV", t2 - t1, "s", detail=f"{csv_path.stat().st_size:,} bytes"))
    report.memory_mb["generate"] = peak_rss_mb()

    path = out / PROJECT_NAME
    project = foundation.import_corpus(report, clock, path, csv_path, len(corpus.texts))
    try:
        foundation.code_corpus(report, clock, project, corpus)
        foundation.search_corpus(report, clock, project, corpus)
        foundation.code_spans(report, clock, project, corpus, args.seed)
        foundation.export_segments(report, clock, project, out, XLSX_NAME)
    finally:
        t0 = time.perf_counter()
        project.close()
        closing = time.perf_counter() - t0
    report.add(Result("close project", closing, "s", detail="WAL checkpoint"))
    foundation.reopen(report, clock, path)
    if args.survey_runs:
        survey_phase(report, clock, out, args.survey_rows, args.survey_runs)
    if not args.no_window:
        from .window import window_phase

        # The window runs as in the app, whose process does not hold the bench's corpus:
        # its millions of objects would make every full garbage collection (on the GUI
        # thread, in some frame) a pause of the bench's own making.
        del corpus
        gc.collect()
        gc.freeze()
        window_phase(report, clock, path, args.seed)

    size = path.stat().st_size / (1024 * 1024)
    report.add(Result(".dots file size", size, "MB", detail="after close"))
    report.add(
        Result(
            "peak memory (RSS)",
            peak_rss_mb(),
            "MB",
            500.0,
            "< 500 MB",
            "ru_maxrss, whole process incl. the corpus",
        )
    )
    return report


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="dotsdesk-bench",
        description="Time the store, import, search, coding and export on a generated corpus "
        "against the performance budget. Exit code 0 even when over budget.",
    )
    parser.add_argument(
        "--rows",
        type=int,
        default=corpus_module.DEFAULT_ROWS,
        help="survey rows (respondents), default %(default)s",
    )
    parser.add_argument(
        "--segments",
        type=int,
        default=corpus_module.DEFAULT_SEGMENTS,
        help="segments to create, default %(default)s",
    )
    parser.add_argument(
        "--codes",
        type=int,
        default=corpus_module.DEFAULT_CODES,
        help="codes in the two-level codebook, default %(default)s",
    )
    parser.add_argument(
        "--seed",
        type=int,
        default=corpus_module.DEFAULT_SEED,
        help="corpus seed, default %(default)s",
    )
    parser.add_argument(
        "--out",
        type=Path,
        help="folder for the project, CSV and workbook "
        "(kept; earlier bench files there are replaced); default: a temporary "
        "folder, removed at the end unless --keep",
    )
    parser.add_argument(
        "--survey-rows",
        type=int,
        default=SURVEY_ROWS,
        help="rows of issue 18's survey for the dotsdesk import command, default %(default)s",
    )
    parser.add_argument(
        "--survey-runs",
        type=int,
        default=5,
        help="times to run that import (0: skip it), default %(default)s",
    )
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    parser.add_argument(
        "--no-window", action="store_true", help="skip the window measurements (no Qt)"
    )
    parser.add_argument("--json", action="store_true", help="print one JSON object instead")
    parser.add_argument(
        "--profile", choices=PHASES, help="run this phase under cProfile; the top 30 go to stderr"
    )
    args = parser.parse_args(argv)
    if args.rows < 1 or args.segments < 0 or args.codes < 1:
        parser.error("--rows and --codes must be at least 1, --segments at least 0")
    if args.survey_rows < 1 or args.survey_runs < 0:
        parser.error("--survey-rows must be at least 1, --survey-runs at least 0")
    return args


def _prepare(out: Path) -> None:
    """Remove the files an earlier run left in `out` (only those), so the project is new."""
    out.mkdir(parents=True, exist_ok=True)
    project = out / PROJECT_NAME
    for name in (
        PROJECT_NAME,
        f"{PROJECT_NAME}-wal",
        f"{PROJECT_NAME}-shm",
        f"{PROJECT_NAME}.lock",
        CSV_NAME,
        XLSX_NAME,
        SURVEY_CSV,
    ):
        (out / name).unlink(missing_ok=True)
    remove_project(out / SURVEY_PROJECT)
    for backup in out.glob(f"{project.stem}.backup-*{project.suffix}"):
        backup.unlink()


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)

    def log(message: str) -> None:
        if not args.json:
            print(message, file=sys.stderr, flush=True)

    temporary = args.out is None
    out = Path(tempfile.mkdtemp(prefix="dotsdesk-bench-")) if temporary else args.out
    _prepare(out)
    try:
        report = run(args, out, log)
    finally:
        if temporary and not args.keep:
            shutil.rmtree(out, ignore_errors=True)
        elif args.keep or not temporary:
            log(f"files kept in {out}")
    if args.json:
        payload = {
            "machine": report.machine,
            "corpus": report.corpus,
            "results": [asdict(r) for r in report.results],
            "peak_rss_mb_after_phase": {k: round(v, 1) for k, v in report.memory_mb.items()},
            "over_budget": [r.name for r in report.over],
        }
        print(json.dumps(payload, ensure_ascii=False, indent=2))
    else:
        print(table(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
