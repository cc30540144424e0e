"""The benchmark's store and services phases on the corpus: import it, code it, search it,
code one span at a time, export every segment, reopen the project."""

from __future__ import annotations

import random
import statistics
import time
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
from .report import Clock, Report, Result, ms, p95, peak_rss_mb

CODER = "bench"
SEARCH_RUNS = 20
CODE_SPAN_RUNS = 200


def import_corpus(report: Report, clock: Clock, path: Path, csv_path: Path, rows: int) -> Project:
    """Create the project and import the corpus' CSV into it, in one transaction."""
    with clock.phase("import"):
        t0 = time.perf_counter()
        project = Project.create(path)
        t1 = time.perf_counter()
        with project.write() as s:
            imported = import_file(s, csv_path)
        t2 = time.perf_counter()
    if imported.responses_added != rows:
        raise SystemExit(
            f"the import added {imported.responses_added} responses, not {rows}:\n"
            + "\n".join(imported.lines())
        )
    report.add(Result("create project", t1 - t0, "s"))
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
    return project


def ids_of(project: Project, keys: list[str]) -> list[int]:
    with project.read() as s:
        by_key = dict(
            s.execute(
                select(Respondent.key, Response.id).join(
                    Response, Response.respondent_id == Respondent.id
                )
            ).all()
        )
    return [by_key[k] for k in keys]


def code_corpus(
    report: Report, clock: Clock, project: Project, corpus: corpus_module.Corpus
) -> None:
    response_ids = ids_of(project, corpus.keys)
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


def search_corpus(
    report: Report, clock: Clock, project: Project, corpus: corpus_module.Corpus
) -> None:
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


def code_spans(
    report: Report, clock: Clock, project: Project, corpus: corpus_module.Corpus, seed: int
) -> None:
    rng = random.Random(seed + 1)
    response_ids = ids_of(project, corpus.keys)
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


def export_segments(
    report: Report, clock: Clock, project: Project, out: Path, xlsx_name: str
) -> None:
    target = out / xlsx_name
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


def reopen(report: Report, clock: Clock, path: Path) -> None:
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
