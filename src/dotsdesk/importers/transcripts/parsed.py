"""A transcript as read from its file: turns of speakers, before it becomes responses.

Every reader (Otter, `Speaker:` turns, WebVTT, SRT) produces a `ParsedTranscript`; the writer
turns it into one text and the code-point span of each turn in it. Speaker names and time
stamps are not part of the text: they are the turns' data, shown beside the text, so that a
quote can never carry a speaker's name along.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

TURN_SEPARATOR = "\n\n"  # a blank line between turns, as transcripts are written
PARAGRAPH_SEPARATOR = "\n"  # paragraphs of one turn

# Lines that a transcriber writes about the recording, not words anyone said:
# "=== Connection got interrupted ===", "[inaudible]", "*** break ***", "(laughter)".
_NOTE = re.compile(
    r"^\s*(?:={2,}.*={2,}|-{3,}.*-{3,}|\*{3,}.*\*{3,}|\[[^\[\]]+\]|\([^()]+\)|【[^【】]+】|（[^（）]+）)\s*$"
)
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*|\d+", re.UNICODE)
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")


def is_note(line: str) -> bool:
    return bool(_NOTE.match(line))


def count_words(text: str) -> int:
    """Words as a reader counts them: Latin words and numbers, and each Chinese character
    (Chinese is written without spaces, and a character is its usual unit of length)."""
    cjk = len(_CJK.findall(text))
    latin = len(_WORD.findall(_CJK.sub(" ", text)))
    return cjk + latin


@dataclass
class ParsedTurn:
    speaker: str | None  # as the file wrote it; None for notes and for files without speakers
    paragraphs: list[str]
    time_ms: int | None = None
    note: bool = False

    @property
    def text(self) -> str:
        return PARAGRAPH_SEPARATOR.join(self.paragraphs)


@dataclass
class ParsedTranscript:
    layout: str  # in words, for the report: "Otter", "speaker turns", "WebVTT", ...
    turns: list[ParsedTurn]
    title: str | None = None
    document_info: str | None = None  # Otter's summary block, a header above the turns, ...
    encoding: str | None = None
    notes: list[str] = field(default_factory=list)  # what the reader wants the user to know
    # Without speakers: the document's text exactly as read, one response, no turns.
    plain_text: str | None = None

    @property
    def speakers(self) -> list[str]:
        """Every speaker, in the order they first speak."""
        return list(dict.fromkeys(t.speaker for t in self.turns if t.speaker is not None))

    @property
    def has_speakers(self) -> bool:
        return any(t.speaker is not None for t in self.turns)

    def text_and_spans(self) -> tuple[str, list[tuple[int, int]]]:
        """The conversation as one text, and each turn's `[start, end)` in code points."""
        parts: list[str] = []
        spans: list[tuple[int, int]] = []
        at = 0
        for n, turn in enumerate(self.turns):
            if n:
                parts.append(TURN_SEPARATOR)
                at += len(TURN_SEPARATOR)
            text = turn.text
            parts.append(text)
            spans.append((at, at + len(text)))
            at += len(text)
        return "".join(parts), spans


def clean_paragraph(line: str) -> str:
    """A paragraph as a reader sees it: without the spaces around it (Markdown's two trailing
    spaces for a line break included); nothing inside is changed."""
    return line.strip()


def drop_empty(turns: list[ParsedTurn]) -> list[ParsedTurn]:
    """Turns with words; a speaker line with nothing after it says nothing."""
    out = []
    for turn in turns:
        turn.paragraphs = [p for p in (clean_paragraph(p) for p in turn.paragraphs) if p]
        if turn.paragraphs:
            out.append(turn)
    return out
