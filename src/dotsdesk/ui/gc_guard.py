"""Python's cyclic garbage collector runs on whichever thread happens to allocate. When that
is a worker thread (an import or export) and the garbage holds a Qt wrapper made on the GUI
thread, deleting it there crashes the process (seen as a segfault while a worker exported
the consent register). So automatic collection is turned off and this object collects on
the GUI thread instead, with the interpreter's own thresholds, as Anki does."""

from __future__ import annotations

import gc

from PySide6.QtCore import QCoreApplication, QObject, QTimer

_INTERVAL_MS = 250


class GuiThreadCollector(QObject):
    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self._thresholds = gc.get_threshold()
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.collect)
        self.start()

    def start(self) -> None:
        gc.disable()
        self._timer.start(_INTERVAL_MS)

    def collect(self) -> None:
        first, second, third = gc.get_count()
        if first > self._thresholds[0]:
            generation = 0
            if second > self._thresholds[1]:
                generation = 2 if third > self._thresholds[2] else 1
            gc.collect(generation)

    def stop(self) -> None:
        """Hand collection back to the interpreter (tests that run on without an event loop)."""
        self._timer.stop()
        gc.enable()


def collect_on_gui_thread(app: QCoreApplication) -> GuiThreadCollector:
    """Install the collector once per application."""
    collector = app.findChild(GuiThreadCollector)
    if collector is None:
        return GuiThreadCollector(app)
    collector.start()
    return collector
