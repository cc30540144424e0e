"""Who speaks, and when, beside a transcript's text: a gutter with the speaker's label and
the time at the first line of each turn, and a tint behind the turns that are not the
respondent's words (the interviewer's, another interviewee's, notes), so that they read as
context. Labels are pseudonymous ("Interviewee 3", "Interviewer"), never a speaker's name.

Like the code stripes, the gutter paints only the visible blocks, from the `TextGeometry` it
is given, so a two-hour transcript scrolls as fast as a short answer."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QRect, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QHelpEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
)
from PySide6.QtWidgets import QToolTip, QWidget

from ...model import TurnRole
from ...services.corpus.turns import TurnView
from .margin import TextGeometry

PAD = 6
MAX_WIDTH = 150
# Tints behind turns that are not the respondent's words, and the gutter's label colours.
CONTEXT_TINT = QColor(120, 130, 150, 28)
NOTE_TINT = QColor(200, 160, 40, 30)
LABEL_COLOURS = {
    "own": QColor(30, 90, 160),
    "interviewer": QColor(110, 110, 110),
    "other": QColor(120, 80, 150),
    "note": QColor(150, 110, 20),
}


TOOLTIPS = {
    "own": QT_TRANSLATE_NOOP("TurnGutter", "The respondent's words. Click to select the turn."),
    "interviewer": QT_TRANSLATE_NOOP(
        "TurnGutter", "The interviewer: context, never quoted or counted as the respondent's."
    ),
    "other": QT_TRANSLATE_NOOP(
        "TurnGutter", "Another interviewee: their words count in their own response, not here."
    ),
    "note": QT_TRANSLATE_NOOP("TurnGutter", "A transcriber's note: nobody's words."),
}
_INTERVIEWER = re.compile(r"Interviewer(?: (\d+))?")


def turn_label(turn: TurnView) -> str:
    """A turn's label in the window's language: the labels the service gives interviewers'
    turns and notes are words ("Interviewer 2", "Note"); a respondent's label is data."""
    if turn.role is TurnRole.NOTE:
        return TurnGutter.tr("Note")
    found = _INTERVIEWER.fullmatch(turn.label) if turn.role is TurnRole.INTERVIEWER else None
    if found is None:
        return turn.label
    if found[1]:
        return TurnGutter.tr("Interviewer %1").replace("%1", found[1])
    return TurnGutter.tr("Interviewer")


@dataclass(frozen=True)
class TurnMark:
    """A turn as the gutter and the view paint it: UTF-16 positions, what to print."""

    start16: int
    end16: int
    label: str  # empty when the same speaker goes on
    time: str
    kind: str  # "own", "interviewer", "other", "note"
    turn_id: int


def kind_of(turn: TurnView) -> str:
    if turn.own:
        return "own"
    if turn.role is TurnRole.INTERVIEWER:
        return "interviewer"
    return "note" if turn.role is TurnRole.NOTE else "other"


def turn_marks(turns: Sequence[TurnView], to16: object) -> list[TurnMark]:
    """`to16`: code point -> UTF-16 position (the view's memo of `textpos`)."""
    convert = to16.__getitem__  # type: ignore[attr-defined]
    marks = []
    previous = None
    for turn in turns:
        label = turn_label(turn) if turn.label != previous else ""
        previous = turn.label
        marks.append(
            TurnMark(
                convert(turn.start), convert(turn.end), label, turn.time_text, kind_of(turn),
                turn.id,
            )
        )  # fmt: skip
    return marks


class TurnGutter(QWidget):
    """Speaker and time at the first line of each turn; a click selects the turn's text."""

    turnClicked = Signal(int)  # turn id

    def __init__(self, text: TextGeometry, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("codingTurnGutter")
        self._text = text
        self.marks: list[TurnMark] = []
        self._starts: list[int] = []
        self._painted: list[tuple[QRect, int]] = []
        self._bold = QFont(self.font())
        self._bold.setBold(True)
        self._small = QFont(self.font())
        self._small.setPointSizeF(max(self.font().pointSizeF() - 1, 6))
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)

    def set_marks(self, marks: list[TurnMark]) -> None:
        self.marks = marks
        self._starts = [m.start16 for m in marks]
        self._painted = []
        self.update()

    def width_hint(self) -> int:
        if not self.marks:
            return 0
        metrics = QFontMetrics(self._bold)
        labels = {m.label for m in self.marks} | {self.tr("Interviewer"), "0:00:00"}
        widest = max(metrics.horizontalAdvance(label) for label in labels)
        return min(widest + 2 * PAD, MAX_WIDTH)

    def sizeHint(self) -> QSize:
        return QSize(self.width_hint(), 0)

    def mark_at(self, position16: int) -> TurnMark | None:
        """The turn holding UTF-16 `position16` (or the one before a gap between turns)."""
        n = bisect_right(self._starts, position16) - 1
        return self.marks[n] if n >= 0 else None

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(event.rect(), self.palette().window())
        self._painted = []
        if not self.marks:
            return
        width = self.width() - 2 * PAD
        line = QFontMetrics(self._bold).height()
        for block, top_left in self._text.visible_blocks(event.rect().bottom()):
            position = block.position()
            n = bisect_right(self._starts, position) - 1
            if n < 0 or position >= self.marks[n].end16 + 1:
                continue  # between turns
            mark = self.marks[n]
            top = round(top_left.y())
            if mark.kind != "own":  # a rule beside every line that is not the respondent's
                height = round(block.layout().boundingRect().height())
                painter.fillRect(0, top, 3, max(height, 1), LABEL_COLOURS[mark.kind])
            if self._starts[n] != position:
                continue  # the turn's later paragraphs: no label
            y = top
            if mark.label:
                painter.setFont(self._bold)
                painter.setPen(LABEL_COLOURS[mark.kind])
                shown = QFontMetrics(self._bold).elidedText(
                    mark.label, Qt.TextElideMode.ElideRight, width
                )
                painter.drawText(QRect(PAD, y, width, line), Qt.AlignmentFlag.AlignLeft, shown)
                y += line
            if mark.time:
                painter.setFont(self._small)
                painter.setPen(self.palette().placeholderText().color())
                painter.drawText(QRect(PAD, y, width, line), Qt.AlignmentFlag.AlignLeft, mark.time)
                y += line
            self._painted.append((QRect(0, top, self.width(), max(y - top, line)), mark.turn_id))

    def _turn_at(self, point: object) -> TurnMark | None:
        for rect, turn_id in self._painted:
            if rect.contains(point):  # type: ignore[call-overload]
                return next((m for m in self.marks if m.turn_id == turn_id), None)
        return None

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            assert isinstance(event, QHelpEvent)
            mark = self._turn_at(event.pos())
            if mark is None:
                QToolTip.hideText()
                event.ignore()
            else:
                tip = QCoreApplication.translate("TurnGutter", TOOLTIPS[mark.kind])
                QToolTip.showText(event.globalPos(), tip, self)
            return True
        return super().event(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        point = event.position().toPoint()
        for rect, turn_id in self._painted:
            if rect.contains(point) and event.button() == Qt.MouseButton.LeftButton:
                self.turnClicked.emit(turn_id)
                event.accept()
                return
        super().mousePressEvent(event)


def context_tint(kind: str) -> QColor | None:
    """The tint behind a turn of this kind in the text, None for the respondent's own."""
    if kind == "own":
        return None
    return NOTE_TINT if kind == "note" else CONTEXT_TINT
