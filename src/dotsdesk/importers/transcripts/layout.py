"""Which kind of transcript a file is, decided from its content, and reading it.

Subtitles (.vtt, .srt) are always timed cues. Documents (.docx, .txt, .md, .rtf) are read to
text first; then the first layout that recognises it wins: Otter (`Name  0:03` lines), then
`Speaker: text` turns; a document that is neither is plain paragraphs, one response exactly as
written, as dotsdesk always imported it.
"""

from __future__ import annotations

from pathlib import Path

from ...errors import InputError
from ..text import read_text_file
from .colon import parse_colon_turns
from .documents import read_document
from .otter import parse_otter
from .parsed import ParsedTranscript
from .rtf import read_rtf
from .subtitles import read_srt, read_vtt
from .suffixes import SUBTITLE_SUFFIXES, TRANSCRIPT_SUFFIXES

__all__ = ["TRANSCRIPT_SUFFIXES"]


def read_transcript(path: Path, *, encoding: str | None = None) -> ParsedTranscript:
    suffix = path.suffix.lower()
    if suffix in SUBTITLE_SUFFIXES:
        decoded = read_text_file(path, encoding)
        reader = read_vtt if suffix == ".vtt" else read_srt
        parsed = reader(path, decoded.text)
        parsed.encoding = decoded.encoding
        return parsed
    if suffix == ".rtf":
        text, title, used = read_rtf(path), None, None
    else:
        document = read_document(path, encoding=encoding)
        text, title, used = document.text, document.title, document.encoding
    if not text.strip():
        raise InputError(path, "the document has no text")
    lines = text.split("\n")
    parsed = parse_otter(lines) or parse_colon_turns(lines)
    if parsed is None or not parsed.turns:
        parsed = ParsedTranscript("paragraphs", [], plain_text=text)
    parsed.title = title
    parsed.encoding = used
    return parsed
