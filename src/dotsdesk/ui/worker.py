"""Long work (import, export, reindex) off the GUI thread, with progress and Cancel; and
reading in the background (`run_in_background`) with no dialog at all.

The work function gets a `progress(done, total)` callback; Cancel makes the next call
raise `Cancelled`, so a write inside one transaction rolls back and nothing changes.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from ..errors import DotsError


class Cancelled(Exception):
    """Raised inside the work when the user pressed Cancel."""


class _Runner(QObject):
    progressed = Signal(int, int)
    finished = Signal(object)
    failed = Signal(str)

    def __init__(self, work: Callable[[Callable[[int, int], None]], Any]) -> None:
        super().__init__()
        self._work = work
        self.cancel_requested = threading.Event()

    def run(self) -> None:
        def progress(done: int, total: int) -> None:
            if self.cancel_requested.is_set():
                raise Cancelled
            self.progressed.emit(done, total)

        try:
            result = self._work(progress)
        except Cancelled:
            self.failed.emit("")
        except DotsError as exc:
            self.failed.emit(str(exc))
        except Exception as exc:  # a bug: say it in one line rather than lose the thread
            text = self.tr("unexpected error: %1: %2")
            self.failed.emit(text.replace("%1", type(exc).__name__, 1).replace("%2", str(exc), 1))
        else:
            self.finished.emit(result)


class _Receiver(QObject):
    """Lives on the GUI thread, so the runner's signals reach it queued: a lambda would run
    on the worker thread and could not close the dialog or wait for its own thread."""

    def __init__(
        self,
        dialog: QProgressDialog,
        thread: QThread,
        runner: _Runner,
        on_done: Callable[[Any], None],
        on_error: Callable[[str], None],
    ) -> None:
        super().__init__(dialog)
        self._dialog, self._thread, self._runner = dialog, thread, runner
        self._on_done, self._on_error = on_done, on_error

    def progress(self, done: int, total: int) -> None:
        self._dialog.setMaximum(max(total, 1))
        self._dialog.setValue(done)

    def done(self, result: object) -> None:
        self._finish()
        self._on_done(result)

    def failed(self, message: str) -> None:
        self._finish()
        self._on_error(message)

    def _finish(self) -> None:
        # Reset (its show-later timer stopped) and closed, but not deleted: deleting it later
        # crashed the window now and then, its children being let go by the worker's side
        # at the same moment (a merge's test crashed in 1 of 4 runs; 0 of 28 since). It goes
        # with the window it belongs to.
        self._dialog.reset()
        self._dialog.close()
        self._thread.quit()
        self._thread.wait()  # the runner is deleted in its own thread as it ends (below)


def run_with_progress(
    parent: QWidget,
    title: str,
    work: Callable[[Callable[[int, int], None]], Any],
    on_done: Callable[[Any], None],
    on_error: Callable[[str], None],
) -> QThread:
    """Start `work` on a thread with a modal progress dialog. `on_done(result)` or
    `on_error(message)` runs on the GUI thread; a cancel calls `on_error("")`."""
    dialog = QProgressDialog(title, _Runner.tr("Cancel"), 0, 0, parent)
    dialog.setObjectName("progressDialog")
    dialog.setWindowTitle("dotsdesk")
    dialog.setMinimumDuration(300)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    thread = QThread(parent)
    runner = _Runner(work)
    runner.moveToThread(thread)
    receiver = _Receiver(dialog, thread, runner, on_done, on_error)
    dialog.canceled.connect(runner.cancel_requested.set)
    runner.progressed.connect(receiver.progress)
    runner.finished.connect(receiver.done)
    runner.failed.connect(receiver.failed)
    thread.started.connect(runner.run)
    # Qt's way: an object is deleted by the thread it lives in, as that thread ends. Deleted
    # later from here, after the thread had ended, it crashed the window now and then.
    thread.finished.connect(runner.deleteLater)
    thread.start()
    dialog.show()
    return thread


class Background(QObject):
    """Work on a thread without a dialog, for reading that must not freeze the window (the
    first word count of a large project). The owner shows its own busy sign; `cancel()`
    makes the work's next progress report raise `Cancelled`, and `wait()` lets the thread
    end before the project closes."""

    progressed = Signal(int, int)
    done = Signal(object)
    failed = Signal(str)  # "" when cancelled

    def __init__(self, parent: QObject, work: Callable[[Callable[[int, int], None]], Any]) -> None:
        super().__init__(parent)
        self._thread = QThread(self)
        self._runner = _Runner(work)
        self._runner.moveToThread(self._thread)
        # Queued to this object on the GUI thread, then re-emitted: slots connected to this
        # object's signals run on the GUI thread.
        self._runner.progressed.connect(self.progressed)
        self._runner.finished.connect(self._finished)
        self._runner.failed.connect(self._failed)
        self._thread.started.connect(self._runner.run)

    def start(self) -> None:
        self._thread.start()

    def running(self) -> bool:
        return self._thread.isRunning()

    def cancel(self) -> None:
        self._runner.cancel_requested.set()

    def wait(self) -> None:
        self._thread.quit()
        self._thread.wait()

    def _finished(self, result: object) -> None:
        self.wait()
        self.done.emit(result)

    def _failed(self, message: str) -> None:
        self.wait()
        self.failed.emit(message)


def run_in_background(
    parent: QObject,
    work: Callable[[Callable[[int, int], None]], Any],
    on_done: Callable[[Any], None],
    on_error: Callable[[str], None],
    on_progress: Callable[[int, int], None] | None = None,
) -> Background:
    """Start `work(progress)` on a thread; the callbacks run on the GUI thread."""
    job = Background(parent, work)
    job.done.connect(on_done)
    job.failed.connect(on_error)
    if on_progress is not None:
        job.progressed.connect(on_progress)
    job.start()
    return job
