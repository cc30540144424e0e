"""Cyclic garbage is collected on the GUI thread: a worker thread never runs the collector,
so it never deletes a Qt wrapper made on the GUI thread (which crashed the process)."""

from __future__ import annotations

import gc
import threading

from dotsdesk.ui.application import make_application
from dotsdesk.ui.gc_guard import GuiThreadCollector

_freed: list[str] = []
CYCLES = 2000


class _Node:
    def __init__(self) -> None:
        self.me = self  # a cycle: only the collector can free it

    def __del__(self) -> None:
        _freed.append(threading.current_thread().name)  # where the collector ran


def test_the_application_collects_cycles_on_the_gui_thread(qtbot) -> None:  # type: ignore[no-untyped-def]
    app = make_application()
    assert app.findChild(GuiThreadCollector) is not None
    assert not gc.isenabled()
    gc.collect()
    _freed.clear()

    def work() -> None:
        # Far past the collector's threshold: with automatic collection the worker would
        # collect these cycles itself, on its own thread.
        for _ in range(CYCLES):
            _Node()

    worker = threading.Thread(target=work, name="worker")
    worker.start()
    worker.join()
    assert _freed == []
    qtbot.waitUntil(lambda: len(_freed) == CYCLES, timeout=5000)
    assert set(_freed) == {"MainThread"}
