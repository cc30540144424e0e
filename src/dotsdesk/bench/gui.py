"""The window's part of the budget, measured on the real main window (offscreen):
open the 10,000-response project to a usable window, show a 50,000-character answer
with 500 highlights, apply a code (service, commit, undo record and repaint)."""

from __future__ import annotations

import os
import random
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

from ..services.coding import segments as coding
from ..services.coding.codebook import ensure_code
from ..services.coding.coders import get_coder
from ..services.corpus.respondents import add_respondent
from ..services.corpus.responses import add_response
from ..store import Project

LONG_CHARS = 50_000
LONG_SEGMENTS = 500
RUNS = 7


def long_text(seed: int) -> str:
    """50,000 characters of English, Chinese, emoji and combining marks, in paragraphs."""
    rng = random.Random(seed)
    words = [
        "production",
        "research",
        "model",
        "pipeline",
        "review",
        "engineer",
        "data",
        "café",
        "cafe\u0301",
        "面试",
        "生产环境",
        "代码",
        "模型",
        "工程师",
        "🙂",
        "👩‍💻",
    ]
    parts: list[str] = []
    size = 0
    while size < LONG_CHARS:
        sentence = " ".join(rng.choice(words) for _ in range(rng.randint(6, 18))) + ". "
        if rng.random() < 0.1:
            sentence += "\n\n"
        parts.append(sentence)
        size += len(sentence)
    return "".join(parts)[:LONG_CHARS]


def add_long_response(path: Path, seed: int) -> tuple[int, list[int]]:
    """A 50,000-character answer with 500 overlapping segments over 20 codes."""
    text = long_text(seed)
    rng = random.Random(seed)
    with Project.open(path) as project, project.write() as s:
        respondent = add_respondent(s, "BENCH-LONG")
        response = add_response(s, respondent.id, text, question="Long interview", language="en")
        codes = [ensure_code(s, f"Bench/Long {i}").id for i in range(20)]
        who = get_coder(s, "bench").id
        spans = []
        for _ in range(LONG_SEGMENTS):
            start = rng.randrange(0, LONG_CHARS - 400)
            spans.append((response.id, start, start + rng.randint(20, 400)))
        coding.add_segments(s, spans[: LONG_SEGMENTS // 2], codes[:10], who)
        coding.add_segments(s, spans[LONG_SEGMENTS // 2 :], codes[10:], who)
        return response.id, codes


def measure_window(path: Path, seed: int) -> dict[str, Any]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    long_id, codes = add_long_response(path, seed)
    from .transcript import add_long_transcript

    transcript_id, transcript_chars = add_long_transcript(path, seed)
    with tempfile.TemporaryDirectory() as scratch:
        os.environ["DOTSDESK_SETTINGS"] = str(Path(scratch) / "settings.ini")
        # A coder already named, so applying a code never stops to ask who is coding.
        os.environ["DOTSDESK_PREFERENCES"] = str(Path(scratch) / "preferences.json")
        from ..preferences import set_coder_name

        set_coder_name("bench")
        from ..ui.application import make_application
        from ..ui.context import TextSelection
        from ..ui.main_window import MainWindow

        app = make_application()
        t0 = time.perf_counter()
        window = MainWindow()
        window.resize(1440, 900)
        window.show()
        app.processEvents()
        t1 = time.perf_counter()
        window.open_project(path)
        window.browser.table.viewport().repaint()
        app.processEvents()
        t2 = time.perf_counter()
        rows = len(window.browser.model.ids())

        # Show the long answer, alternating with a short one so each show is a real change.
        short_id = window.browser.model.ids()[0]
        show = []
        for _ in range(RUNS):
            window.ctx.responseActivated.emit(short_id)
            app.processEvents()
            s0 = time.perf_counter()
            window.ctx.responseActivated.emit(long_id)
            window.coding.view.viewport().repaint()
            show.append(time.perf_counter() - s0)
        # The same for a two-hour interview transcript: turns in the gutter and the outline.
        show_transcript = []
        for _ in range(RUNS):
            window.ctx.responseActivated.emit(short_id)
            app.processEvents()
            s0 = time.perf_counter()
            window.ctx.responseActivated.emit(transcript_id)
            window.coding.view.viewport().repaint()
            show_transcript.append(time.perf_counter() - s0)

        # Apply a code to a selection in the long answer, as a key press would.
        rng = random.Random(seed + 1)
        apply = []
        for _ in range(RUNS * 3):
            start = rng.randrange(0, LONG_CHARS - 100)
            selection = TextSelection(long_id, start, start + rng.randint(5, 80))
            a0 = time.perf_counter()
            window.ctx.apply_codes([rng.choice(codes)], selection)
            window.coding.view.viewport().repaint()
            apply.append(time.perf_counter() - a0)
        window.close()
    return {
        "window_create_s": t1 - t0,
        "open_to_usable_s": t2 - t1,
        "rows": rows,
        "show_long_ms": [x * 1000 for x in show],
        "apply_ms": [x * 1000 for x in apply],
        "median_show_ms": statistics.median(show) * 1000,
        "transcript_chars": transcript_chars,
        "show_transcript_ms": [x * 1000 for x in show_transcript],
        "median_show_transcript_ms": statistics.median(show_transcript) * 1000,
        "median_apply_ms": statistics.median(apply) * 1000,
    }
