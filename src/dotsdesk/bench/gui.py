"""The window's part of the budget, measured on the real main window (offscreen): open the
10,000-response project to a usable window; show a 50,000-character answer with 500
highlights, a two-hour transcript, and a 300,000-character answer with 2,000; scroll that
one; apply a code, remove it, undo and redo, with everything the change repaints.

A figure runs from the action to the next painted frame: the action, then one turn of the
event loop, which paints every widget the action left dirty (the text, its margin, the
codebook's counts, the browser), as the app's own loop does before the next input. Work a
view puts off to a timer is measured apart ("then, at the next idle moment")."""

from __future__ import annotations

import os
import random
import statistics
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from .long_answer import HUGE, STANDARD, add_long_answer

RUNS = 7
EDITS = 15
SCROLL_FRAMES = 40
LONG_CHARS, LONG_SEGMENTS = STANDARD.chars, STANDARD.segments


def measure_window(path: Path, seed: int) -> dict[str, Any]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    long_id, codes = add_long_answer(path, seed, STANDARD)
    huge_id, huge_codes = add_long_answer(path, seed, HUGE)
    from .transcript import add_long_transcript

    transcript_id, transcript_chars = add_long_transcript(path, seed)
    with tempfile.TemporaryDirectory() as scratch:
        os.environ["DOTSDESK_SETTINGS"] = str(Path(scratch) / "settings.ini")
        # A coder already named, so applying a code never stops to ask who is coding.
        os.environ["DOTSDESK_PREFERENCES"] = str(Path(scratch) / "preferences.json")
        from ..preferences import set_coder_name

        set_coder_name("bench")
        from ..ui.application import make_application
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
        bench = _Window(app, window)
        short_id = window.browser.model.ids()[0]
        out: dict[str, Any] = {
            "window_create_s": t1 - t0,
            "open_to_usable_s": t2 - t1,
            "rows": len(window.browser.model.ids()),
            "transcript_chars": transcript_chars,
            # Each show alternates with a short answer's, so that each is a real change.
            "show_long_ms": bench.shows(short_id, long_id),
            "show_transcript_ms": bench.shows(short_id, transcript_id),
            "show_huge_ms": bench.shows(short_id, huge_id),
            "scroll_huge_ms": bench.scrolls(),
            "apply_ms": bench.applies(long_id, codes, seed),
        }
        out.update(bench.edits(huge_id, huge_codes, seed))
        window.close()
    return out


class _Window:
    def __init__(self, app: Any, window: Any) -> None:
        self.app, self.window = app, window

    def frame(self, action: Callable[[], object]) -> float:
        """Milliseconds from the action to the next painted frame."""
        t0 = time.perf_counter()
        action()
        self.app.processEvents()
        return (time.perf_counter() - t0) * 1000

    def settle(self) -> float:
        """Let the timers that views set fire, and what they change be painted; the
        milliseconds that took (the time waited for them left out)."""
        spent = 0.0
        for _ in range(6):
            time.sleep(0.05)
            t0 = time.perf_counter()
            self.app.processEvents()
            spent += (time.perf_counter() - t0) * 1000
        return spent

    def shows(self, short_id: int, response_id: int) -> list[float]:
        activated = self.window.ctx.responseActivated
        times = []
        for _ in range(RUNS):
            activated.emit(short_id)
            self.settle()
            times.append(self.frame(lambda: activated.emit(response_id)))
        self.settle()
        return times

    def scrolls(self) -> list[float]:
        """The shown answer (the last one shown) scrolled through, a step at a time."""
        bar = self.window.coding.view.verticalScrollBar()
        top, bottom = bar.minimum(), bar.maximum()
        times = []
        for i in range(1, SCROLL_FRAMES + 1):
            value = top + (bottom - top) * i // SCROLL_FRAMES
            times.append(self.frame(lambda value=value: bar.setValue(value)))
        bar.setValue(top)
        self.settle()
        return times

    def applies(self, response_id: int, codes: list[int], seed: int) -> list[float]:
        """Apply a code to a selection in the answer, as a key press would."""
        from ..ui.context import TextSelection

        ctx = self.window.ctx
        ctx.responseActivated.emit(response_id)
        self.settle()
        rng = random.Random(seed + 1)
        length = len(self.window.coding.shown.text)
        times = []
        for _ in range(RUNS * 3):
            start = rng.randrange(0, length - 100)
            selection = TextSelection(response_id, start, start + rng.randint(5, 80))
            code = rng.choice(codes)
            times.append(self.frame(partial(ctx.apply_codes, [code], selection)))
            self.settle()
        return times

    def edits(self, response_id: int, codes: list[int], seed: int) -> dict[str, list[float]]:
        """Apply a code in the answer, undo, redo, then remove it from its segment (the
        right-click menu's Remove): each to its next frame, and what views put off."""
        from ..ui.context import TextSelection

        ctx, panel = self.window.ctx, self.window.coding
        ctx.responseActivated.emit(response_id)
        self.settle()
        rng = random.Random(seed + 2)
        length = len(panel.shown.text)
        out: dict[str, list[float]] = {k: [] for k in ("apply", "undo", "redo", "remove")}
        later: list[float] = []
        for _ in range(EDITS):
            start = rng.randrange(0, length - 100)
            selection = TextSelection(response_id, start, start + rng.randint(5, 80))
            code = rng.choice(codes)
            made: list[int | None] = []
            apply = partial(ctx.apply_codes, [code], selection)
            out["apply"].append(self.frame(lambda apply=apply, made=made: made.append(apply())))
            later.append(self.settle())
            out["undo"].append(self.frame(ctx.undo_stack.undo))
            later.append(self.settle())
            out["redo"].append(self.frame(ctx.undo_stack.redo))
            later.append(self.settle())
            segment = panel.shown.segment(made[0]) if made[0] is not None else None
            if segment is not None:
                out["remove"].append(self.frame(partial(panel.remove_code, segment, code)))
                later.append(self.settle())
        return {f"{k}_huge_ms": v for k, v in out.items()} | {"deferred_huge_ms": later}


def median(values: list[float]) -> float:
    return statistics.median(values) if values else 0.0
