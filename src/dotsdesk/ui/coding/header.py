"""The words around the text: the header above it, the pinned keys, the hover tooltips.
Plain HTML from plain data, so they are easy to read and to test."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from PySide6.QtCore import QEvent, QObject, QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from ...services.coding.segments import SegmentView
from ..i18n import arg
from .data import CodeLook, ShownResponse
from .menus import snippet


class CodingHeader(QObject):
    """The translation context of the words around the text (CodingHeader.tr)."""


class HeaderLabel(QWidget):
    """A word-wrapped rich-text header laid out in place: the window's layout is worked
    out again only when its height changes. (A QLabel in a layout has the whole window
    laid out again at each new text, ~2-3 ms, and the header counts the segments: that
    was each code applied or removed.) Its first line (who, the count) and the rest (the
    question, the legend of codes) are two labels, so a new count lays out one line."""

    def __init__(self, parent: QWidget | None = None, objectName: str = "") -> None:
        super().__init__(parent, objectName=objectName)
        self.lines = [
            QLabel(self, textFormat=Qt.TextFormat.RichText, wordWrap=True) for _ in range(2)
        ]
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.setFixedHeight(self.lines[0].sizeHint().height())
        self._text = ""
        self._heights = [0, 0]
        self._width = -1  # the width the heights are for

    def text(self) -> str:
        return self._text

    def setText(self, text: str) -> None:  # as QLabel's
        if text == self._text:
            return
        self._text = text
        first, _br, rest = text.partition("<br>")
        for i, part in enumerate((first, rest)):
            if part != self.lines[i].text():
                self.lines[i].setText(part)
                self._heights[i] = -1
        self._fit()

    def sizeHint(self) -> QSize:
        return QSize(max(line.sizeHint().width() for line in self.lines), self.height())

    def minimumSizeHint(self) -> QSize:
        return QSize(0, self.height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def event(self, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._width = -1  # the same text takes other heights
        if kind in (QEvent.Type.LayoutRequest, QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._fit()
        return super().event(event)

    def _fit(self) -> None:
        width = self.width()
        top = 0
        for i, line in enumerate(self.lines):
            if width != self._width or self._heights[i] < 0:
                self._heights[i] = line.heightForWidth(width) if line.text() else 0
                line.setGeometry(0, top, width, self._heights[i])
            elif line.y() != top:
                line.move(0, top)
            line.setVisible(self._heights[i] > 0)
            top += self._heights[i]
        self._width = width
        if top != self.height():
            self.setFixedHeight(top)


def swatch(colour: str) -> str:
    return f"<span style='color:{escape(colour)}'>■</span>"


def header_html(shown: ShownResponse) -> str:
    """Who, in what language, with what consent; the question; the codes present."""
    segments = CodingHeader.tr("%n segment(s)", "", len(shown.segments))
    memo = " · <b>" + CodingHeader.tr("memo") + "</b>" if shown.memo else ""
    about = arg(
        CodingHeader.tr("<b>%1</b> · %2 · consent: %3 · %4"),
        escape(shown.respondent),
        escape(shown.language),
        escape(shown.consent),
        segments,
    )
    lines = [about + memo]
    if shown.question:
        lines.append(f"<i>{escape(shown.question)}</i>")
    if shown.turns:
        own = sum(1 for t in shown.turns if t.own)
        turns = arg(
            CodingHeader.tr("%n turn(s), %1 by %2;", "", len(shown.turns)),
            own,
            escape(shown.respondent),
        )
        context = CodingHeader.tr(
            "the others' turns (shaded) are context, never quoted or counted as theirs"
        )
        lines.append(f"{turns} <span style='color:#6e6e6e'>{context}</span>")
    if shown.codes:
        legend = sorted(shown.codes.values(), key=lambda c: c.path.casefold())
        lines.append(" &nbsp;".join(f"{swatch(c.colour)}&nbsp;{escape(c.path)}" for c in legend))
    return "<br>".join(lines)


def keys_html(pinned: Sequence[int | None], codes: dict[int, CodeLook]) -> str:
    """ "Keys: 1 ■ Role/Research ..." or "" when nothing is pinned."""
    parts = [
        f"<b>{key}</b>&nbsp;{swatch(codes[cid].colour)}&nbsp;{escape(codes[cid].path)}"
        for key, cid in enumerate(pinned, start=1)
        if cid is not None and cid in codes
    ]
    return arg(CodingHeader.tr("Keys: %1"), " &nbsp; ".join(parts)) if parts else ""


def segment_html(shown: ShownResponse, segment: SegmentView) -> str:
    """A segment's codes, text, coder and memo, for a tooltip."""
    lines = [
        f"{swatch(look.colour)} <b>{escape(look.path)}</b>"
        for cid in segment.code_ids
        if (look := shown.codes.get(cid))
    ]
    coder = arg(CodingHeader.tr("coder: %1"), escape(segment.coder or "?"))
    lines.append(f"<i>{escape(snippet(segment.text))}</i> · {coder}")
    if segment.memo:
        memo = segment.memo if len(segment.memo) <= 300 else segment.memo[:299] + "…"
        lines.append(arg(CodingHeader.tr("memo: %1"), escape(memo)))
    return "<br>".join(lines)


def tooltip_html(shown: ShownResponse, offset: int) -> str:
    """Every segment under the character at `offset`, innermost first."""
    return "<hr>".join(segment_html(shown, seg) for seg in shown.segments_at(offset))
