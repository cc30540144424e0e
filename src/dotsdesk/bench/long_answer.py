"""Long answers for the window's budget: mixed English, Chinese, emoji and combining marks
in paragraphs, coded with overlapping segments over a set of codes.

Two sizes: 50,000 characters with 500 segments (the design's budget) and, for issue 18,
300,000 characters with 2,000 segments of 20 codes, shown whole."""

from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path

from ..services.coding import segments as coding
from ..services.coding.codebook import ensure_code
from ..services.coding.coders import get_coder
from ..services.corpus.respondents import add_respondent
from ..services.corpus.responses import add_response
from ..store import Project

_WORDS = [
    "production", "research", "model", "pipeline", "review", "engineer", "data", "café",
    "cafe\u0301", "面试", "生产环境", "代码", "模型", "工程师", "🙂", "👩‍💻",
]  # fmt: skip


@dataclass(frozen=True)
class LongAnswer:
    key: str  # the respondent's id
    chars: int
    segments: int
    codes: int
    code_prefix: str  # codes are "Bench/<prefix> 0", ...


STANDARD = LongAnswer("BENCH-LONG", 50_000, 500, 20, "Long")
HUGE = LongAnswer("BENCH-HUGE", 300_000, 2_000, 20, "Huge")


def long_text(seed: int, chars: int) -> str:
    """`chars` characters of sentences, a paragraph break after about one in ten."""
    rng = random.Random(seed)
    parts: list[str] = []
    size = 0
    while size < chars:
        sentence = " ".join(rng.choice(_WORDS) for _ in range(rng.randint(6, 18))) + ". "
        if rng.random() < 0.1:
            sentence += "\n\n"
        parts.append(sentence)
        size += len(sentence)
    return "".join(parts)[:chars]


def add_long_answer(path: Path, seed: int, spec: LongAnswer) -> tuple[int, list[int]]:
    """Add the answer to the project at `path` with its segments: spans of 20-400
    characters anywhere, so they overlap, nest and share edges. The 50,000-character one
    gives half its segments the first ten codes and half the other ten, as the bench
    always has; the others give each segment one to three codes. Returns the response's
    id and the codes' ids."""
    text = long_text(seed, spec.chars)
    rng = random.Random(seed)
    with Project.open(path) as project, project.write() as s:
        respondent = add_respondent(s, spec.key)
        response = add_response(s, respondent.id, text, question="Long interview", language="en")
        codes = [ensure_code(s, f"Bench/{spec.code_prefix} {i}").id for i in range(spec.codes)]
        who = get_coder(s, "bench").id
        spans = []
        for _ in range(spec.segments):
            start = rng.randrange(0, spec.chars - 400)
            spans.append((response.id, start, start + rng.randint(20, 400)))
        if spec is STANDARD:
            half = spec.segments // 2
            coding.add_segments(s, spans[:half], codes[:10], who)
            coding.add_segments(s, spans[half:], codes[10:], who)
        else:
            for span in spans:
                chosen = rng.sample(codes, rng.choice((1, 1, 1, 2, 2, 3)))
                coding.add_segments(s, [span], chosen, who)
        return response.id, codes
