"""The open project as the panels see it: one object, passed to each panel.

Every user action goes through `run`: one transaction, one undo command, then one
`dataChanged` with the tables it touched, so each view refreshes only what it shows.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack
from sqlalchemy.orm import Session

from ..errors import DotsError, StaleEdit
from ..services.coding import codebook
from ..services.coding import segments as coding
from ..services.coding.coders import default_coder_name
from ..store import Project
from ..store import undo as undo_log
from ..store.undo import Step
from .i18n import arg
from .settings import save_coder, saved_coder

T = TypeVar("T")


@dataclass(frozen=True)
class TextSelection:
    """A selected span of a response, in code points."""

    response_id: int
    start: int
    end: int


@dataclass(frozen=True)
class Touched:
    """What a coding action changed, as far as views that keep segments or counts care:
    these segments of this response, and the counts of these codes."""

    response_id: int
    segment_ids: frozenset[int]
    code_ids: frozenset[int]


class Changes(frozenset[str]):
    """What `dataChanged` carries: the tables a change touched, as a frozenset, and, when
    the action said (`touched`), which segments and codes. Its undo and redo say the same,
    so a view can refresh just those after each."""

    __slots__ = ("touched",)

    def __new__(cls, tables: Iterable[str], touched: Touched | None = None) -> Changes:
        changes = super().__new__(cls, tables)
        changes.touched = touched
        return changes


def touched_by(changes: frozenset[str]) -> Touched | None:
    return changes.touched if isinstance(changes, Changes) else None


class RecordedCommand(QUndoCommand):
    """An action already done and committed; undo/redo replay its recorded inverse."""

    def __init__(
        self, ctx: ProjectContext, label: str, step: Step, touched: Touched | None = None
    ) -> None:
        super().__init__(label)
        self._ctx = ctx
        self._step = step
        self._touched = touched
        self._done = True  # QUndoStack.push calls redo(): the first time there is nothing to do

    def redo(self) -> None:
        if self._done:
            self._done = False
            return
        self._replay()

    def undo(self) -> None:
        self._replay()

    def _replay(self) -> None:
        project = self._ctx.project
        if project is None:
            return
        try:
            self._step = project.replay(self._step)
        except DotsError as exc:
            self._ctx.error.emit(str(exc))
            self.setObsolete(True)
            return
        self._ctx.dataChanged.emit(Changes(self._step.tables, self._touched))


class ProjectContext(QObject):
    projectChanged = Signal()  # opened or closed; `project` may be None
    dataChanged = Signal(object)  # Changes: the tables an action, undo or redo touched
    responseActivated = Signal(int)  # show this response (coding panel; history)
    segmentActivated = Signal(int, int)  # response id, segment id: show and select it
    selectionChanged = Signal(object)  # TextSelection | None, from the coding panel
    error = Signal(str)  # a one-line message for the user
    status = Signal(str)  # a transient message for the status bar
    coderChanged = Signal(str)  # who is coding, after the user said or changed it

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.project: Project | None = None
        # True while the window shows its docks for a newly opened project: a panel shown
        # then may go behind a tab at once, so it counts once the window has settled.
        self.settling = False
        self.undo_stack = QUndoStack(self)
        saved = saved_coder()
        self.coder = saved or default_coder_name()
        self._coder_said = saved is not None  # the user has said who is coding
        # Asks who is coding (the window installs a dialog); None: never ask (no window).
        self.ask_coder: Callable[[str], str | None] | None = None
        self.selection: TextSelection | None = None
        self.current_response: int | None = None
        self.selectionChanged.connect(self._remember_selection)
        self.responseActivated.connect(self._remember_response)

    # -- project life cycle ---------------------------------------------------------------
    def open(self, path: Path) -> None:
        self.close()
        self.project = Project.open(path, undo=True)
        self.projectChanged.emit()

    def create(self, path: Path) -> None:
        self.close()
        self.project = Project.create(path, undo=True)
        self.projectChanged.emit()

    def close(self) -> None:
        if self.project is None:
            return
        self.undo_stack.clear()
        self.project.close()
        self.project = None
        self.selection = None
        self.current_response = None
        self.projectChanged.emit()

    # -- who is coding --------------------------------------------------------------------
    def set_coder(self, name: str) -> None:
        """Save who is coding in the preferences (the command line's default too)."""
        self.coder = save_coder(name)
        self._coder_said = True
        self.coderChanged.emit(self.coder)

    def ensure_coder(self) -> bool:
        """Before the first segment of a new installation: ask who is coding, once. False
        when the user did not say (then nothing is coded)."""
        if self.ask_coder is None or self._coder_said:
            return True
        saved = saved_coder()
        if saved is not None:  # said in another window since this one opened
            self.coder, self._coder_said = saved, True
            self.coderChanged.emit(saved)
            return True
        name = self.ask_coder(default_coder_name())
        if name is None:
            return False
        try:
            self.set_coder(name)
        except DotsError as exc:
            self.error.emit(str(exc))
            return False
        return True

    # -- reading and acting ---------------------------------------------------------------
    @contextmanager
    def read(self) -> Iterator[Session]:
        if self.project is None:
            raise DotsError(None, self.tr("no project is open"))
        with self.project.read() as session:
            yield session

    def run(
        self,
        label: str,
        action: Callable[[Session], T],
        touched: Callable[[T], Touched] | None = None,
    ) -> T | None:
        """Do one user action: one transaction, one undo step. A refused action shows its
        one-line reason and changes nothing; it returns None then. `touched`: what the
        action changed, from its result, for views that refresh only that."""
        if self.project is None:
            return None
        try:
            result, step = self.project.record(action)
        except StaleEdit as exc:  # a colleague's change came first: show it, lose nothing
            self.error.emit(str(exc))
            self.dataChanged.emit(exc.tables)
            return None
        except DotsError as exc:
            self.error.emit(str(exc))
            return None
        if not step.empty:
            said = touched(result) if touched is not None else None
            self.undo_stack.push(RecordedCommand(self, label, step, said))
            self.dataChanged.emit(Changes(step.tables, said))
        return result

    def record_quietly(self, action: Callable[[Session], T]) -> T | None:
        """Write bookkeeping that is not an edit of the project (the figures an export
        wrote) in one transaction kept out of the undo history: undo cannot unwrite the
        file, and Ctrl+Z after an export must still take back the author's last edit.
        The rows stay consistent with later undos: a step replays only its own changes,
        and deleting a block deletes its bookkeeping with it."""
        if self.project is None:
            return None
        try:
            with self.project.write() as s:
                first = undo_log.last_seq(s)
                result = action(s)
                s.flush()
                step = undo_log.step_since(s, first)
                undo_log.forget_since(s, first)
        except DotsError as exc:
            self.error.emit(str(exc))
            return None
        if step.tables:
            self.dataChanged.emit(step.tables)
        return result

    def adopt(self, label: str, step: Step) -> None:
        """Put an action already committed elsewhere (a worker's import) on the undo stack."""
        if not step.empty:
            self.undo_stack.push(RecordedCommand(self, label, step))
            self.dataChanged.emit(step.tables)

    def apply_codes(
        self, code_ids: list[int], selection: TextSelection | None = None
    ) -> int | None:
        """Code the given (or current) selection; returns the segment id, None if refused."""
        span = selection or self.selection
        if span is None or not code_ids:
            self.status.emit(self.tr("Select some text first"))
            return None
        if not self.ensure_coder():
            return None
        coder = self.coder

        def action(s: Session) -> int:
            return coding.code_span(
                s, span.response_id, span.start, span.end, code_ids, coder=coder
            ).id

        def touched(segment_id: int) -> Touched:
            return Touched(span.response_id, frozenset({segment_id}), frozenset(code_ids))

        with self.read() as s:
            names = [codebook.get_code(s, c).name for c in code_ids]
        label = arg(self.tr("Code with %1"), self.tr(", ").join(names))
        return self.run(label, action, touched)

    def _remember_selection(self, selection: object) -> None:
        self.selection = selection if isinstance(selection, TextSelection) else None

    def _remember_response(self, response_id: int) -> None:
        self.current_response = response_id
