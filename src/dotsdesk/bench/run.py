"""`dotsdesk-bench`: time the foundation layer on the benchmark corpus against the design's
performance budget, and print a report (a table, or one JSON object with `--json`).

It is a report, not a test: the exit code is 0 even when something is over budget; such
rows say OVER.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path

from sqlalchemy import select, text

from ..exporters.xlsx.segments import export_segments_workbook
from ..importers import import_file
from ..model import Code, Respondent, Response
from ..services.coding import segments as coding
from ..services.coding.codebook import ensure_code, list_codes
from ..services.coding.coders import get_coder
from ..services.corpus.search import search
from ..store import Project
from . import corpus as corpus_module
from .report import Clock, Report, Result, machine, ms, p95, peak_rss_mb, table

PROJECT_NAME = "bench.dots"
CSV_NAME = "bench-survey.csv"
XLSX_NAME = "bench-segments.xlsx"
CODER = "bench"
SEARCH_RUNS = 20
CODE_SPAN_RUNS = 200
PHASES = ("generate", "import", "coding", "search", "code-span", "export", "reopen", "window")


# -- the benchmark ------------------------------------------------------------------------------


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

    with clock.phase("import"):
        t0 = time.perf_counter()
        project = Project.create(out / PROJECT_NAME)
        t1 = time.perf_counter()
        with project.write() as s:
            imported = import_file(s, csv_path)
        t2 = time.perf_counter()
    if imported.responses_added != len(corpus.texts):
        raise SystemExit(
            f"the import added {imported.responses_added} responses, not {len(corpus.texts)}:\n"
            + "\n".join(imported.lines())
        )
    report.add(Result("create project", t1 - t0, "s"))
    rows = len(corpus.texts)
    report.add(
        Result(
            f"import {rows:,} survey rows",
            t2 - t1,
            "s",
            5.0,
            "< 5 s (10,000 rows)",
            "import_file + commit",
        )
    )
    report.memory_mb["import"] = peak_rss_mb()

    try:
        _coding(report, clock, project, corpus)
        _search(report, clock, project, corpus)
        _code_span(report, clock, project, corpus, args.seed)
        _export(report, clock, project, out)
    finally:
        t0 = time.perf_counter()
        project.close()
        closing = time.perf_counter() - t0
    report.add(Result("close project", closing, "s", detail="WAL checkpoint"))
    _reopen(report, clock, out / PROJECT_NAME)
    if not args.no_window:
        _window(report, clock, out / PROJECT_NAME, args.seed)

    size = (out / PROJECT_NAME).stat().st_size / (1024 * 1024)
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


def _response_ids(project: Project, keys: list[str]) -> list[int]:
    with project.read() as s:
        by_key = dict(
            s.execute(
                select(Respondent.key, Response.id).join(
                    Response, Response.respondent_id == Respondent.id
                )
            ).all()
        )
    return [by_key[k] for k in keys]


def _coding(report: Report, clock: Clock, project: Project, corpus: corpus_module.Corpus) -> None:
    response_ids = _response_ids(project, corpus.keys)
    by_code: dict[int, list[tuple[int, int, int]]] = {}
    for answer, start, end, code in corpus.segments:
        by_code.setdefault(code, []).append((response_ids[answer], start, end))
    with clock.phase("coding"):
        t0 = time.perf_counter()
        with project.write() as s:
            code_ids = [ensure_code(s, path).id for path in corpus.codes]
            t1 = time.perf_counter()
            coder_id = get_coder(s, CODER).id
            made = 0
            for code, spans in sorted(by_code.items()):
                made += coding.add_segments(s, spans, [code_ids[code]], coder_id)
            t2 = time.perf_counter()
        t3 = time.perf_counter()
    report.add(Result(f"create {len(code_ids)} codes", t1 - t0, "s", detail="ensure_code each"))
    report.add(
        Result(
            f"create {made:,} segments", t2 - t1, "s", detail=f"add_segments x {len(by_code)} codes"
        )
    )
    report.add(Result("  commit codes + segments", t3 - t2, "s", detail="one transaction"))
    report.memory_mb["coding"] = peak_rss_mb()


def _search(report: Report, clock: Clock, project: Project, corpus: corpus_module.Corpus) -> None:
    with clock.phase("search"):
        opens: list[float] = []
        for _ in range(SEARCH_RUNS):
            t0 = time.perf_counter()
            with project.read() as s:
                s.execute(text("SELECT 1"))
            opens.append(time.perf_counter() - t0)
        report.add(
            Result(
                "  open a read session",
                ms(statistics.median(opens)),
                "ms",
                detail="session from the pool + SELECT 1, median",
            )
        )
        terms = [
            ("English word", corpus_module.ENGLISH_WORD),
            ("Chinese 2-char word", corpus_module.CHINESE_WORD),
            ("Chinese 3-char phrase", corpus_module.CHINESE_PHRASE),
        ]
        for label, term in terms:
            times: list[float] = []
            hits = 0
            for i in range(SEARCH_RUNS + 1):
                t0 = time.perf_counter()
                with project.read() as s:
                    hits = search(s, term).total
                if i:  # the first run warms the cache
                    times.append(time.perf_counter() - t0)
            expected = round(corpus.share_containing(term) * len(corpus.texts))
            check = "" if hits == expected else f"; EXPECTED {expected} HITS"
            report.add(
                Result(
                    f"search {label} {term!r}",
                    ms(statistics.median(times)),
                    "ms",
                    50.0,
                    "< 50 ms",
                    f"{hits:,} hits ({hits / len(corpus.texts):.0%}){check}; "
                    f"median of {len(times)}",
                    tail=ms(max(times)),
                    tail_label="max",
                )
            )
    report.memory_mb["search"] = peak_rss_mb()


def _code_span(
    report: Report, clock: Clock, project: Project, corpus: corpus_module.Corpus, seed: int
) -> None:
    rng = random.Random(seed + 1)
    response_ids = _response_ids(project, corpus.keys)
    with project.read() as s:
        code_ids = list(s.scalars(select(Code.id)))
    times: list[float] = []
    with clock.phase("code-span"):
        for _ in range(CODE_SPAN_RUNS):
            answer = rng.randrange(len(corpus.texts))
            length = len(corpus.texts[answer])
            start = rng.randrange(length - 1) if length > 1 else 0
            end = min(length, start + rng.randint(5, 200))
            code = rng.choice(code_ids)
            t0 = time.perf_counter()
            with project.write() as s:
                coding.code_span(s, response_ids[answer], start, end, [code], coder=CODER)
            times.append(time.perf_counter() - t0)
    report.add(
        Result(
            "code a span (one transaction)",
            ms(statistics.median(times)),
            "ms",
            16.0,
            "< 16 ms",
            f"code_span + commit, median of {len(times)}",
            tail=ms(p95(times)),
            tail_label="p95",
        )
    )
    report.memory_mb["code-span"] = peak_rss_mb()


def _export(report: Report, clock: Clock, project: Project, out: Path) -> None:
    target = out / XLSX_NAME
    with clock.phase("export"):
        t0 = time.perf_counter()
        with project.read() as s:
            rows = export_segments_workbook(s, target)
        elapsed = time.perf_counter() - t0
    size = target.stat().st_size / (1024 * 1024)
    report.add(
        Result(
            "export all segments to Excel",
            elapsed,
            "s",
            10.0,
            "< 10 s",
            f"{rows:,} rows, {size:.1f} MB",
        )
    )
    report.memory_mb["export"] = peak_rss_mb()


def _reopen(report: Report, clock: Clock, path: Path) -> None:
    with clock.phase("reopen"):
        t0 = time.perf_counter()
        project = Project.open(path)
        t1 = time.perf_counter()
        try:
            with project.read() as s:
                codes = list_codes(s)
            t2 = time.perf_counter()
        finally:
            project.close()
    report.add(Result("reopen project", t1 - t0, "s", detail="Project.open"))
    report.add(
        Result(
            "  then list the codebook",
            t2 - t1,
            "s",
            detail=f"list_codes, {len(codes)} codes with counts",
        )
    )
    report.add(Result("reopen + codebook", t2 - t0, "s", 1.0, "< 1 s (store part of open)"))
    report.memory_mb["reopen"] = peak_rss_mb()


def _window(report: Report, clock: Clock, path: Path, seed: int) -> None:
    from .gui import LONG_CHARS, LONG_SEGMENTS, measure_window

    with clock.phase("window"):
        w = measure_window(path, seed)
    report.add(Result("create the main window", w["window_create_s"], "s", detail="offscreen"))
    report.add(
        Result(
            "open project to a usable window",
            w["open_to_usable_s"],
            "s",
            1.0,
            "< 1 s",
            f"{w['rows']:,} responses listed and painted",
        )
    )
    report.add(
        Result(
            f"show {LONG_CHARS:,}-char answer, {LONG_SEGMENTS} highlights",
            w["median_show_ms"],
            "ms",
            100.0,
            "< 100 ms",
            "median incl. repaint",
            tail=max(w["show_long_ms"]),
            tail_label="max",
        )
    )
    report.add(
        Result(
            f"show a {w['transcript_chars']:,}-char transcript, {LONG_SEGMENTS} highlights",
            w["median_show_transcript_ms"],
            "ms",
            100.0,
            "< 100 ms",
            "two hours, ~1,000 turns; median incl. repaint",
            tail=max(w["show_transcript_ms"]),
            tail_label="max",
        )
    )
    report.add(
        Result(
            "apply a code in the window",
            w["median_apply_ms"],
            "ms",
            16.0,
            "< 16 ms",
            "median: commit, undo record, refresh, repaint",
            tail=max(w["apply_ms"]),
            tail_label="max",
        )
    )
    report.memory_mb["window"] = peak_rss_mb()


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
    ):
        (out / name).unlink(missing_ok=True)
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
