"""A two-hour interview for the window's budget: an Otter transcript of about 150,000
characters (a turn every 4-22 seconds, the interviewee answering at length in English and
Chinese with emoji and combining marks) imported as a user would, with 500 highlights."""

from __future__ import annotations

import random
from pathlib import Path

from ..importers import import_file
from ..model import Response
from ..services.coding import segments as coding
from ..services.coding.codebook import ensure_code
from ..services.coding.coders import get_coder
from ..store import Project

TRANSCRIPT_CHARS = 150_000
TRANSCRIPT_SEGMENTS = 500
_WORDS = [
    "production", "pipeline", "model", "review", "deploy", "notebook", "engineer", "team",
    "data", "café", "cafe\u0301", "面试", "生产环境", "代码", "模型", "工程师", "🙂", "👩‍💻",
]  # fmt: skip


def long_otter(seed: int, chars: int = TRANSCRIPT_CHARS) -> str:
    rng = random.Random(seed)
    lines = ["SUMMARY KEYWORDS", "production, 面试", "", "SPEAKERS", "Alex Kim, Jane Doe", ""]
    seconds, size, n = 3, 0, 0
    while size < chars:
        asking = n % 2 == 0
        count = rng.randint(6, 14) if asking else rng.randint(30, 110)
        said = " ".join(rng.choice(_WORDS) for _ in range(count)) + ("?" if asking else ".")
        hours, rest = divmod(seconds, 3600)
        stamp = f"{rest // 60}:{rest % 60:02d}"
        stamp = f"{hours}:{stamp.zfill(5)}" if hours else stamp
        lines += [f"{'Alex Kim' if asking else 'Jane Doe'}  {stamp}", said, ""]
        size += len(said) + 2
        seconds += rng.randint(4, 8) if asking else rng.randint(10, 22)
        n += 1
    return "\n".join(lines)


def add_long_transcript(path: Path, seed: int) -> tuple[int, int]:
    """Import the transcript into the project at `path`, code 500 spans over 20 codes;
    returns the response's id and its length."""
    source = path.with_name("bench-interview.txt")
    source.write_text(long_otter(seed), encoding="utf-8")
    rng = random.Random(seed)
    with Project.open(path) as project, project.write() as s:
        import_file(s, source)
        response = s.query(Response).filter(Response.source == source.name).one()
        length = len(response.text)
        codes = [ensure_code(s, f"Bench/Interview {i}").id for i in range(20)]
        who = get_coder(s, "bench").id
        spans = []
        for _ in range(TRANSCRIPT_SEGMENTS):
            start = rng.randrange(0, length - 400)
            spans.append((response.id, start, start + rng.randint(20, 400)))
        half = TRANSCRIPT_SEGMENTS // 2
        coding.add_segments(s, spans[:half], codes[:10], who)
        coding.add_segments(s, spans[half:], codes[10:], who)
        return response.id, length
