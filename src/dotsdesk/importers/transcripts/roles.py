"""Who is who in a transcript: the interviewer, the interviewees, and which speaker labels
are a person's name (private identity) rather than a role ("Interviewee", "X", "受访者").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ...errors import InputError
from .parsed import ParsedTranscript

# Labels transcribers use for the one asking: "I", "I2", "Q", "Interviewer 1", "访谈者".
INTERVIEWER_LABEL = re.compile(
    r"^(?:i|q|int|iv|interviewer|moderator|facilitator|researcher|host|question|"
    r"访谈者|访谈人|采访者|访问者|主持人|提问者?|问)(?:[\s_-]*\d+)?$",
    re.IGNORECASE,
)
# Labels for the one answering that name nobody: "X", "A", "R2", "Interviewee", "受访者".
RESPONDENT_LABEL = re.compile(
    r"^(?:a|b|x|y|r|p|resp|answer|interviewee|respondent|participant|speaker|"
    r"unknown speaker|guest|受访者|被访者|受访人|回答者?|答)(?:[\s_-]*\d+|[\s_-]+[a-z])?$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class TranscriptOptions:
    """What the user says about transcripts at import (`--interviewer`, the import dialog)."""

    # The speakers who are the interviewer, as the file writes them; empty: recognise them.
    interviewer: tuple[str, ...] = ()


def is_role_label(speaker: str) -> bool:
    """A label that says what someone is, not who."""
    return bool(INTERVIEWER_LABEL.match(speaker) or RESPONDENT_LABEL.match(speaker))


def looks_like_name(speaker: str) -> bool:
    """Could this speaker label be someone's name (and so belong to private identity)?"""
    return not is_role_label(speaker.strip()) and any(ch.isalpha() for ch in speaker)


@dataclass(frozen=True)
class InterviewerChoice:
    speakers: tuple[str, ...]
    why: str  # for the report


def choose_interviewer(
    path: Path, parsed: ParsedTranscript, options: TranscriptOptions
) -> InterviewerChoice:
    """The user's choice (each must be a speaker of the file), else the speakers labelled as
    interviewers, else, with two or more speakers, the one who asks the most questions."""
    speakers = parsed.speakers
    if options.interviewer:
        folded = {s.casefold(): s for s in speakers}
        chosen = []
        for wanted in options.interviewer:
            found = folded.get(wanted.strip().casefold())
            if found is None:
                listed = ", ".join(repr(s) for s in speakers) or "none"
                raise InputError(
                    path,
                    f"--interviewer {wanted!r} is not a speaker here; the speakers are {listed}",
                )
            chosen.append(found)
        return InterviewerChoice(tuple(dict.fromkeys(chosen)), "chosen with --interviewer")
    labelled = tuple(s for s in speakers if INTERVIEWER_LABEL.match(s))
    if labelled:
        return InterviewerChoice(labelled, "labelled as the interviewer")
    if len(speakers) < 2:
        return InterviewerChoice((), "one speaker only")
    asking = _question_share(parsed, speakers)
    best = max(speakers, key=lambda s: (asking[s], -speakers.index(s)))
    if asking[best] <= 0:
        return InterviewerChoice((), "nobody asks questions")
    share = round(asking[best] * 100)
    return InterviewerChoice((best,), f"guessed: {share}% of their turns ask questions")


def _question_share(parsed: ParsedTranscript, speakers: Sequence[str]) -> dict[str, float]:
    asked = dict.fromkeys(speakers, 0)
    turns = dict.fromkeys(speakers, 0)
    for turn in parsed.turns:
        if turn.speaker is None:
            continue
        turns[turn.speaker] += 1
        if "?" in turn.text or "？" in turn.text:
            asked[turn.speaker] += 1
    return {s: asked[s] / turns[s] if turns[s] else 0.0 for s in speakers}
