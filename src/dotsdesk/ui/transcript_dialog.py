"""Before a transcript with speakers comes in: the layout found, each speaker with their
turns and words, and which of them is the interviewer, a box to tick per speaker.

The speakers' names are shown here because the researcher is importing their own file; after
the import they appear nowhere but private identity (the turns go by "Interviewee N")."""

from __future__ import annotations

import re
from html import escape
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from ..errors import DotsError
from ..importers import TranscriptOptions
from ..importers.transcripts.layout import read_transcript
from ..importers.transcripts.parsed import ParsedTranscript, count_words
from ..importers.transcripts.roles import choose_interviewer
from ..services.corpus.turns import format_time
from .i18n import arg

_GUESSED = re.compile(r"guessed: (\d+)% of their turns ask questions")


def layout_text(layout: str) -> str:
    """The layout the reader found, in the window's words (a tool's name stays)."""
    if layout == "speaker turns":
        return TranscriptDialog.tr("speaker turns")
    if layout == "paragraphs":
        return TranscriptDialog.tr("paragraphs")
    return layout


def why_text(why: str) -> str:
    """Why these speakers were ticked (importers/transcripts/roles.py), in the window's words."""
    guessed = _GUESSED.fullmatch(why)
    if guessed:
        return arg(TranscriptDialog.tr("guessed: %1% of their turns ask questions"), guessed[1])
    known = {
        "labelled as the interviewer": TranscriptDialog.tr("labelled as the interviewer"),
        "one speaker only": TranscriptDialog.tr("one speaker only"),
        "nobody asks questions": TranscriptDialog.tr("nobody asks questions"),
    }
    return known.get(why, why)


class TranscriptDialog(QDialog):
    def __init__(self, path: Path, parsed: ParsedTranscript, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("transcriptImportDialog")
        self.setWindowTitle(arg(self.tr("Import %1"), path.name))
        self.path, self.parsed = path, parsed
        self.setMinimumWidth(480)
        choice = choose_interviewer(path, parsed, TranscriptOptions())
        spoken = [t for t in parsed.turns if not t.note]
        times = [t.time_ms for t in spoken if t.time_ms is not None]
        if times:
            text = self.tr("<b>%1</b>: %n turn(s), %2 to %3.", "", len(spoken))
            found = arg(
                text,
                escape(layout_text(parsed.layout)),
                format_time(min(times)),
                format_time(max(times)),
            )
        else:
            found = arg(
                self.tr("<b>%1</b>: %n turn(s).", "", len(spoken)),
                escape(layout_text(parsed.layout)),
            )
        tick = self.tr(
            "Tick the interviewer: their turns stay beside the others' words as context, never "
            "quoted or counted as an interviewee's. Every other speaker becomes a respondent, "
            "<i>Interviewee N</i>; names are kept private."
        )
        intro = QLabel(
            f"{found}<br>{tick}",
            objectName="transcriptLayout",
            wordWrap=True,
        )
        grid = QGridLayout()
        titles = (self.tr("Speaker"), self.tr("Turns"), self.tr("Words"), self.tr("Interviewer"))
        for column, title in enumerate(titles):
            grid.addWidget(QLabel(f"<b>{title}</b>"), 0, column)
        self.boxes: dict[str, QCheckBox] = {}
        for row, speaker in enumerate(parsed.speakers, start=1):
            own = [t for t in spoken if t.speaker == speaker]
            grid.addWidget(QLabel(speaker, textFormat=Qt.TextFormat.PlainText), row, 0)
            grid.addWidget(QLabel(str(len(own))), row, 1)
            grid.addWidget(QLabel(str(sum(count_words(t.text) for t in own))), row, 2)
            box = QCheckBox(objectName=f"interviewer:{speaker}")
            box.setChecked(speaker in choice.speakers)
            box.toggled.connect(self._check)
            self.boxes[speaker] = box
            grid.addWidget(box, row, 3)
        self.why = QLabel(
            arg(self.tr("Ticked: %1."), escape(why_text(choice.why))), objectName="transcriptWhy"
        )
        self.why.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        grid.setHorizontalSpacing(24)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addSpacing(6)
        layout.addLayout(grid)
        layout.addWidget(self.why)
        layout.addWidget(self.buttons)

    @classmethod
    def for_file(cls, path: Path, parent: QWidget | None = None) -> TranscriptDialog | None:
        """The dialog for a transcript with speakers; None for anything else (a document
        without speakers, or a file the import itself will refuse with its reason)."""
        try:
            parsed = read_transcript(path)
        except DotsError:
            return None
        return cls(path, parsed, parent) if parsed.speakers else None

    def _check(self) -> None:
        ok = any(not box.isChecked() for box in self.boxes.values()) or any(
            t.speaker is None and not t.note for t in self.parsed.turns
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)
        self.why.setText(
            self.tr("Ticked by you.")
            if ok
            else self.tr("Someone must be left to answer: untick a speaker.")
        )

    def options(self) -> TranscriptOptions:
        chosen = tuple(s for s, box in self.boxes.items() if box.isChecked())
        return TranscriptOptions(interviewer=chosen)
