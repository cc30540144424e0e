"""The coding panel's tools for interview transcripts: the turn outline beside the text,
"Go to time…" (Ctrl+T), a click on a speaker in the gutter to select their turn, and the
line of the header that says whose words the text is."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QTextCursor

from ...services.corpus.turns import TurnView
from .turn_outline import TurnOutline

if TYPE_CHECKING:
    from .panel import CodingPanel

OUTLINE_WIDTH = 200


class TranscriptTools:
    def __init__(self, panel: CodingPanel) -> None:
        self.panel = panel
        self.turns: tuple[TurnView, ...] = ()
        self._sized = False
        self.outline = TurnOutline()
        panel.splitter.insertWidget(0, self.outline)
        panel.splitter.setStretchFactor(0, 0)
        panel.splitter.setStretchFactor(1, 1)
        self.outline.hide()
        self.outline.turnChosen.connect(self.go_to_turn)
        panel.view.turn_gutter.turnClicked.connect(self.select_turn)
        self.outline_action = self._action(TurnOutline.tr("Turns"), self._toggle_outline, None)
        self.outline_action.setObjectName("codingTurnsAction")
        self.outline_action.setCheckable(True)
        self.outline_action.setChecked(True)
        self.outline_action.setToolTip(
            TurnOutline.tr("The transcript's turns, with their times, beside it")
        )
        self.jump_action = self._action(TurnOutline.tr("Go to time…"), self.open_jump, "Ctrl+T")
        self.jump_action.setObjectName("codingJumpAction")
        panel.toolbar.addActions([self.outline_action, self.jump_action])
        self.show(())

    def _action(self, text: str, slot: object, shortcut: str | None) -> QAction:
        action = QAction(text, self.panel)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(slot)  # type: ignore[arg-type]
        self.panel.addAction(action)
        return action

    def show(self, turns: Sequence[TurnView], text: str = "") -> None:
        """Turns of the response shown now (none for a survey answer)."""
        self.turns = tuple(turns)
        self.outline.set_turns(self.turns, text)
        has = bool(self.turns)
        self.outline.setVisible(has and self.outline_action.isChecked())
        self.outline_action.setVisible(has)
        self.jump_action.setVisible(has)
        self.jump_action.setEnabled(has and any(t.time_ms is not None for t in self.turns))
        if has and self.outline.isVisible() and not self._sized:
            # Once: the outline narrow beside the text; later the user's sizes stay.
            self._sized = True
            splitter = self.panel.splitter
            total = max(splitter.width(), 300)
            side = min(OUTLINE_WIDTH, total // 4)
            rest = [0] * (splitter.count() - 2)
            splitter.setSizes([side, total - side, *rest])

    def _toggle_outline(self, on: bool) -> None:
        self.outline.setVisible(on and bool(self.turns))

    def open_jump(self) -> None:
        if not self.turns:
            return
        self.outline_action.setChecked(True)
        self.outline.show()
        self.outline.time_box.setFocus()
        self.outline.time_box.selectAll()

    def _turn(self, turn_id: int) -> TurnView | None:
        return next((t for t in self.turns if t.id == turn_id), None)

    def go_to_turn(self, turn_id: int) -> None:
        """The text cursor to the turn's start, the turn in the middle of the view."""
        turn = self._turn(turn_id)
        if turn is None:
            return
        view = self.panel.view
        cursor = QTextCursor(view.document())
        cursor.setPosition(view.positions.to_utf16(turn.start))
        view.setTextCursor(cursor)
        view.centerCursor()

    def select_turn(self, turn_id: int) -> None:
        """The whole turn selected, ready to be coded."""
        turn = self._turn(turn_id)
        if turn is not None:
            self.panel.view.select_code_points(turn.start, turn.end)
