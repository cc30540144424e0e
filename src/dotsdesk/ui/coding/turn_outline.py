"""A transcript's turns as an outline beside its text, and a box to jump to a time.

Each row is a turn: its time, its speaker's pseudonymous label and its first words; the
interviewer's turns and notes are greyed as in the text. A real list model over the turns, so
a two-hour interview of a thousand turns opens at once."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import QLabel, QLineEdit, QListView, QVBoxLayout, QWidget

from ...services.corpus.turns import TurnView, parse_time
from ..i18n import arg
from .turn_margin import LABEL_COLOURS, kind_of, turn_label

SNIPPET = 70
Index = QModelIndex | QPersistentModelIndex


class TurnListModel(QAbstractListModel):
    TurnIdRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self) -> None:
        super().__init__()
        self.turns: list[TurnView] = []
        self.text = ""

    def set_turns(self, turns: Sequence[TurnView], text: str) -> None:
        self.beginResetModel()
        self.turns, self.text = list(turns), text
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.turns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        turn = self.turns[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            end = min(turn.end, turn.start + SNIPPET * 2)
            words = " ".join(self.text[turn.start : end].split())
            words = words if len(words) <= SNIPPET else words[: SNIPPET - 1] + "…"
            time = f"{turn.time_text}  " if turn.time_text else ""
            said = arg(self.tr("%1: %2"), turn_label(turn), words)
            return time + said
        if role == Qt.ItemDataRole.ForegroundRole:
            kind = kind_of(turn)
            return QBrush(LABEL_COLOURS[kind]) if kind != "own" else None
        if role == Qt.ItemDataRole.ToolTipRole:
            if turn.own:
                return arg(self.tr("%1's words"), turn_label(turn))
            return arg(
                self.tr("%1: context, not the respondent's words (never quoted as theirs)"),
                turn_label(turn),
            )
        if role == self.TurnIdRole:
            return turn.id
        return None

    def row_at_time(self, ms: int) -> int | None:
        """The last turn that starts at or before `ms` (the first timed one if none does)."""
        timed = [(t.time_ms, row) for row, t in enumerate(self.turns) if t.time_ms is not None]
        if not timed:
            return None
        n = bisect_right([t for t, _row in timed], ms) - 1
        return timed[max(n, 0)][1]


class TurnOutline(QWidget):
    """The outline and the jump-to-time box; says which turn the user chose."""

    turnChosen = Signal(int)  # turn id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("codingTurnOutline")
        self.model = TurnListModel()
        self.time_box = QLineEdit(objectName="codingJumpToTime")
        self.time_box.setPlaceholderText(self.tr("Go to time, e.g. 1:02:03"))
        self.time_box.setClearButtonEnabled(True)
        self.time_box.returnPressed.connect(self.jump_to_typed_time)
        self.problem = QLabel(objectName="codingJumpProblem")
        self.problem.hide()
        self.list = QListView(objectName="codingTurnList")
        self.list.setModel(self.model)
        self.list.setUniformItemSizes(True)  # a thousand turns are measured as one
        self.list.setWordWrap(False)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.activated.connect(self._chosen)
        self.list.clicked.connect(self._chosen)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.time_box)
        layout.addWidget(self.problem)
        layout.addWidget(self.list, 1)

    def set_turns(self, turns: Sequence[TurnView], text: str) -> None:
        self.model.set_turns(turns, text)
        self.time_box.setVisible(any(t.time_ms is not None for t in turns))
        self.problem.hide()

    def jump_to_time(self, ms: int) -> bool:
        row = self.model.row_at_time(ms)
        if row is None:
            return False
        index = self.model.index(row)
        self.list.setCurrentIndex(index)
        self.list.scrollTo(index, QListView.ScrollHint.PositionAtCenter)
        self.turnChosen.emit(self.model.turns[row].id)
        return True

    def jump_to_typed_time(self) -> None:
        ms = parse_time(self.time_box.text())
        if ms is None:
            self._say(
                arg(self.tr("“%1” is not a time: write m:ss or h:mm:ss"), self.time_box.text())
            )
        elif not self.jump_to_time(ms):
            self._say(self.tr("This transcript has no times"))
        else:
            self.problem.hide()

    def _say(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.show()

    def _chosen(self, index: QModelIndex) -> None:
        if index.isValid():
            self.turnChosen.emit(self.model.turns[index.row()].id)
