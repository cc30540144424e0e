"""The survey of issue 18: 6,400 respondents, one row each (an id, gender, age group, region,
education and two free-text answers of about 100-600 characters, some in Chinese), written
as a CSV with no language column, so that the import detects every answer's language; and
its phase of the benchmark: the whole `dotsdesk import` command, process start included.

Deterministic like the corpus: one `random.Random(seed)`, the corpus' sentence makers."""

from __future__ import annotations

import csv
import random
import statistics
import subprocess
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, select

from ..model import Response
from ..store import Project
from .corpus import _Writer
from .report import Clock, Report, Result, peak_rss_mb

SURVEY_ROWS = 6_400
HEADERS = (
    "id",
    "gender",
    "age group",
    "region",
    "education",
    "What was the hardest part of your work this year?",
    "What would you change about how your team works?",
)
GENDERS = ("Female", "Male", "Non-binary", "Prefer not to say")
AGE_GROUPS = ("18-24", "25-34", "35-44", "45-54", "55+")
REGIONS = ("North America", "Europe", "Mainland China", "Hong Kong / Taiwan", "Other Asia")
EDUCATION = ("Bachelor's", "Master's", "PhD", "High school", "Bootcamp", "本科", "硕士")
SHARE_ZH = 0.35  # respondents who answer in Chinese (an English answer may switch briefly)


@dataclass(frozen=True)
class Survey:
    rows: list[list[str]]

    @property
    def answers(self) -> int:
        return 2 * len(self.rows)

    def write_csv(self, path: Path) -> Path:
        with path.open("w", encoding="utf-8", newline="") as f:
            writer = csv.writer(f, lineterminator="\n")
            writer.writerow(HEADERS)
            writer.writerows(self.rows)
        return path


def generate_survey(rows: int = SURVEY_ROWS, seed: int = 18) -> Survey:
    rng = random.Random(seed)
    writer = _Writer(rng)
    out = []
    for i in range(rows):
        language = "zh" if rng.random() < SHARE_ZH else "en"
        # The last sentence overshoots the target by half a sentence on average.
        answers = [writer.answer(language, rng.randint(90, 540))[0] for _ in range(2)]
        out.append(
            [
                f"R{i + 1:05d}",
                rng.choice(GENDERS),
                rng.choice(AGE_GROUPS),
                rng.choice(REGIONS),
                rng.choice(EDUCATION),
                *answers,
            ]
        )
    return Survey(out)


SURVEY_CSV = "bench-issue18-survey.csv"
SURVEY_PROJECT = "bench-issue18-survey.dots"


def survey_phase(report: Report, clock: Clock, out: Path, rows: int, runs: int) -> None:
    """`dotsdesk import` of the survey into a new project, `runs` times, as a user runs it."""
    csv_path = generate_survey(rows).write_csv(out / SURVEY_CSV)
    project = out / SURVEY_PROJECT
    times = []
    with clock.phase("survey"):
        for _ in range(runs):
            remove_project(project)
            Project.create(project).close()
            t0 = time.perf_counter()
            done = subprocess.run(
                [sys.executable, "-m", "dotsdesk", "import", str(project), str(csv_path)],
                capture_output=True,
                text=True,
                check=False,
            )
            times.append(time.perf_counter() - t0)
            if done.returncode:
                raise SystemExit(f"dotsdesk import failed:\n{done.stderr}")
    with Project.open(project, readonly=True) as opened, opened.read() as s:
        languages = Counter(
            dict(
                s.execute(select(Response.language, func.count()).group_by(Response.language)).all()
            )
        )
    missing = sum(n for language, n in languages.items() if not language)
    shares = ", ".join(f"{language} {n:,}" for language, n in languages.most_common(4))
    report.add(
        Result(
            f"import a {rows:,}-row survey, whole command",
            statistics.median(times),
            "s",
            2.0,
            "< 2 s (process included)",
            f"dotsdesk import, 2 answers a row, languages detected: {shares}"
            + (f"; {missing} WITHOUT A LANGUAGE" if missing else "")
            + f"; median of {runs}",
            tail=max(times),
            tail_label="max",
        )
    )
    report.memory_mb["survey"] = peak_rss_mb()


def remove_project(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", ".lock"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)
