"""The window's figures (measured by `gui.py`) as lines of the report, each beside its
budget."""

from __future__ import annotations

from pathlib import Path

from .long_answer import HUGE, STANDARD
from .report import Clock, Report, Result, peak_rss_mb

FRAME = 1000 / 60  # ms: one frame at 60 frames a second


def window_phase(report: Report, clock: Clock, path: Path, seed: int) -> None:
    from .gui import measure_window, median

    with clock.phase("window"):
        w = measure_window(path, seed)

    def latency(
        name: str, key: str, budget: float, budget_text: str, detail: str, tail: float | None = None
    ) -> None:
        values = w[key]
        report.add(
            Result(
                name,
                median(values),
                "ms",
                budget,
                budget_text,
                f"median of {len(values)}; {detail}",
                tail=max(values),
                tail_label="max",
                tail_budget=tail,
            )
        )

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
    latency(
        f"show {STANDARD.chars:,}-char answer, {STANDARD.segments} highlights",
        "show_long_ms",
        100.0,
        "< 100 ms",
        "to the first painted frame",
    )
    latency(
        f"show a {w['transcript_chars']:,}-char transcript, 500 highlights",
        "show_transcript_ms",
        100.0,
        "< 100 ms",
        "two hours, ~1,000 turns; to the first painted frame",
    )
    latency(
        "apply a code in the window",
        "apply_ms",
        16.0,
        "< 16 ms",
        f"in the {STANDARD.chars:,}-char answer: commit, undo record, refresh, repaint",
    )
    latency(
        f"show a {HUGE.chars:,}-char answer, {HUGE.segments:,} highlights",
        "show_huge_ms",
        100.0,
        "< 100 ms",
        f"{HUGE.codes} codes, whole; to the first painted frame",
    )
    latency(
        "  scroll it, a frame",
        "scroll_huge_ms",
        FRAME,
        "< 16.7 ms (60 fps)",
        "top to bottom in 40 steps",
    )
    for action, what in (
        ("apply", "apply a code in it"),
        ("remove", "  remove a code there"),
        ("undo", "  undo an apply"),
        ("redo", "  redo it"),
    ):
        latency(
            what,
            f"{action}_huge_ms",
            16.0,
            "< 16 ms, max < 33 ms",
            "commit, panel, margin, codebook counts, to the next frame",
            tail=33.0,
        )
    deferred = w["deferred_huge_ms"]
    report.add(
        Result(
            "  then, at the next idle moment",
            median(deferred),
            "ms",
            detail=f"work views put off (browser, status counts); median of {len(deferred)}",
            tail=max(deferred),
            tail_label="max",
        )
    )
    report.memory_mb["window"] = peak_rss_mb()
