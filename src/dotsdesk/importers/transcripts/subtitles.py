"""WebVTT (Whisper, Zoom, Teams) and SRT files, read with webvtt-py and srt.

A cue is a line or two of a caption, a few seconds long; a reader wants paragraphs. Cues are
merged into a paragraph until the speaker changes, or a sentence ends at a pause, or a
paragraph grows long and a sentence ends; each paragraph starts at its first cue's time.
Speakers come from WebVTT voice tags (`<v Jane Doe>`) or from `Speaker:` at the start of a
cue; cues without a speaker go on with the one before.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ...errors import InputError
from .colon import label_of
from .parsed import ParsedTranscript, ParsedTurn
from .roles import is_role_label

PAUSE_MS = 1500  # a pause this long after a sentence ends a paragraph
LONG_PAUSE_MS = 6000  # ... and this long, even in mid-sentence
LONG_PARAGRAPH = 600  # characters: past this, the next sentence end closes the paragraph
_VOICE = re.compile(r"<v(?:\.[^\s>]*)?(?:\s+([^>]*))?>", re.IGNORECASE)
_TAG = re.compile(r"</?[a-zA-Z][^>]*>|<\d[^>]*>")  # <i>, </v>, <c.yellow>, <00:01.000>
_SENTENCE_END = re.compile(r"[.!?。！？…][\"'”’)）]*\s*$")
_CJK_EDGE = re.compile(r"[\u3000-\u9fff\uff00-\uffef]")


@dataclass
class Cue:
    start_ms: int
    end_ms: int
    text: str  # without tags, lines joined
    speaker: str | None


def read_vtt(path: Path, text: str) -> ParsedTranscript:
    import webvtt  # imported late: only subtitles need it

    try:
        captions = webvtt.from_string(text)
    except Exception as exc:  # MalformedFileError, MalformedCaptionError, ...
        raise InputError(path, f"not a valid WebVTT file ({_first_line(exc)})") from None
    cues = []
    for caption in captions:
        raw = caption.raw_text
        voice = _VOICE.search(raw)
        speaker = voice.group(1).strip() if voice and voice.group(1) else None
        start, end = caption.start_time, caption.end_time
        cues.append(Cue(_vtt_ms(start), _vtt_ms(end), _plain(raw), speaker or None))
    return _merge(path, cues, "WebVTT")


def read_srt(path: Path, text: str) -> ParsedTranscript:
    import srt  # imported late: only subtitles need it

    try:
        subtitles = list(srt.parse(text))
    except Exception as exc:  # srt.SRTParseError, ValueError for impossible times
        raise InputError(path, f"not a valid SRT file ({_first_line(exc)})") from None
    cues = [Cue(_td_ms(s.start), _td_ms(s.end), _plain(s.content), None) for s in subtitles]
    return _merge(path, cues, "SRT")


def _vtt_ms(stamp: object) -> int:
    hours, minutes, seconds, ms = stamp.to_tuple()  # type: ignore[attr-defined]
    return ((hours * 60 + minutes) * 60 + seconds) * 1000 + ms


def _td_ms(delta: object) -> int:
    return round(delta.total_seconds() * 1000)  # type: ignore[attr-defined]


def _first_line(exc: Exception) -> str:
    words = str(exc).strip().splitlines()
    return (words[0][:160] if words else type(exc).__name__) or type(exc).__name__


def _plain(raw: str) -> str:
    lines = [_TAG.sub("", line).strip() for line in raw.replace("\r", "").split("\n")]
    return _join([line for line in lines if line])


def _join(parts: list[str]) -> str:
    """Words of consecutive cues: a space between, none between two Chinese characters."""
    out = ""
    for part in parts:
        if out and not (_CJK_EDGE.match(out[-1]) and _CJK_EDGE.match(part[0])):
            out += " "
        out += part
    return out


def _prefix_speakers(cues: list[Cue]) -> None:
    """`Speaker: text` at the start of cues, when it is a pattern of the file and not a
    colon that happens to start one caption."""
    found = [(cue, label_of(cue.text)) for cue in cues]
    labels = [f[0] for _cue, f in found if f]
    distinct = set(labels)
    if (
        len(labels) < 2
        or not (len(distinct) >= 2 or any(is_role_label(s) for s in distinct))
        or not any(labels.count(s) > 1 or is_role_label(s) for s in distinct)
    ):
        return
    for cue, f in found:
        if f:
            cue.speaker, cue.text = f[0], f[1].strip()


def _merge(path: Path, cues: list[Cue], layout: str) -> ParsedTranscript:
    cues = [cue for cue in cues if cue.text]
    if not cues:
        raise InputError(path, f"the {layout} file has no captions with text")
    if not any(cue.speaker for cue in cues):
        _prefix_speakers(cues)
    turns: list[ParsedTurn] = []
    parts: list[str] = []
    speaker: str | None = None
    start = last_end = 0
    for cue in cues:
        said_by = cue.speaker or speaker
        if parts:
            gap = cue.start_ms - last_end
            joined = _join(parts)
            ends = bool(_SENTENCE_END.search(joined))
            if (
                said_by != speaker
                or gap >= LONG_PAUSE_MS
                or (ends and (gap >= PAUSE_MS or len(joined) >= LONG_PARAGRAPH))
            ):
                turns.append(ParsedTurn(speaker, [joined], start))
                parts = []
        if not parts:
            start = cue.start_ms
        parts.append(cue.text)
        speaker = said_by
        last_end = max(last_end, cue.end_ms)
    turns.append(ParsedTurn(speaker, [_join(parts)], start))
    return ParsedTranscript(layout, turns)
