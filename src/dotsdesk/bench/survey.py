"""The survey of issue 18: 6,400 respondents, one row each (an id, gender, age group, region,
education and two free-text answers of about 100-600 characters, some in Chinese), written
as a CSV with no language column, so that the import detects every answer's language.

Deterministic like the corpus: one `random.Random(seed)`, the corpus' sentence makers."""

from __future__ import annotations

import csv
import random
from dataclasses import dataclass
from pathlib import Path

from .corpus import _Writer

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
