"""Otter.ai exports (.txt, .docx, and the same pasted into Markdown).

Each turn starts with a line holding the speaker and the time, two spaces apart
(`Jane Doe  0:03`, `Speaker 2  1:02:03`), and its paragraphs follow. Above the first turn
Otter writes `SUMMARY KEYWORDS` and `SPEAKERS` blocks (a researcher may add a Markdown
header), below the last one "Transcribed by https://otter.ai": all of that is what the file
says about itself, kept as the transcript's private information, never as a turn.
"""

from __future__ import annotations

import re

from ...services.corpus.turns import parse_time
from .parsed import ParsedTranscript, ParsedTurn, drop_empty, is_note

# Speaker, two or more spaces (or a tab), m:ss or h:mm:ss; Markdown may bold either part.
_SPEAKER_LINE = re.compile(
    r"^(?:\*\*|__)?(?P<speaker>\S(?:.*?\S)?)(?:\*\*|__)?(?: {2,}|\t+)"
    r"(?:\*\*|__|\*|_)?(?P<time>\d{1,2}:\d{2}(?::\d{2})?)(?:\*\*|__|\*|_)?$"
)
_TRAILER = re.compile(r"^\s*transcribed by\s+\S*otter\.ai\S*\s*$", re.IGNORECASE)
MIN_TURNS = 2  # one such line could be anything; two make an Otter transcript


def speaker_line(line: str) -> tuple[str, int] | None:
    """(speaker, milliseconds) if `line` starts an Otter turn."""
    match = _SPEAKER_LINE.match(line.rstrip())
    if match is None:
        return None
    ms = parse_time(match["time"])
    speaker = match["speaker"].strip()
    if ms is None or not speaker or len(speaker) > 60:
        return None
    return speaker, ms


def parse_otter(lines: list[str]) -> ParsedTranscript | None:
    heads = [i for i, line in enumerate(lines) if speaker_line(line) is not None]
    if len(heads) < MIN_TURNS:
        return None
    preamble = [line.rstrip() for line in lines[: heads[0]]]
    trailer: list[str] = []
    turns: list[ParsedTurn] = []
    for n, first in enumerate(heads):
        found = speaker_line(lines[first])
        assert found is not None
        speaker, ms = found
        body = lines[first + 1 : heads[n + 1] if n + 1 < len(heads) else len(lines)]
        if n + 1 == len(heads):
            body, trailer = _split_trailer(body)
        turn = ParsedTurn(speaker, [], ms)
        for line in body:
            if is_note(line):
                turns.append(turn)
                turns.append(ParsedTurn(None, [line], None, note=True))
                turn = ParsedTurn(speaker, [], None)  # the speaker goes on after the note
            else:
                turn.paragraphs.append(line)
        turns.append(turn)
    info = "\n".join([*preamble, *trailer]).strip() or None
    return ParsedTranscript("Otter", drop_empty(turns), document_info=info)


def _split_trailer(body: list[str]) -> tuple[list[str], list[str]]:
    for i in range(len(body) - 1, -1, -1):
        if _TRAILER.match(body[i]):
            return body[:i], body[i:]
        if body[i].strip():
            break
    return body, []
