"""Turns of interview transcripts: who said which stretch of a response, and when.

Only a response's own respondent's turns are that respondent's words. The interviewer's turns,
another interviewee's and a transcriber's notes stay in the text as context; this module says,
for a segment, whether it holds any of the respondent's own words (statistics count it) and
whose words it lies in otherwise (the consent gate names them). A response without turns is
all its respondent's words, as every survey answer is.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass

from sqlalchemy import ColumnElement, and_, delete, exists, not_, or_, select
from sqlalchemy.orm import Session

from ...errors import InvalidOperation
from ...model import Respondent, Response, Segment, TranscriptInfo, Turn, TurnRole
from .responses import get_response

_TIME = re.compile(r"^\s*(?:(\d{1,3}):)?(\d{1,3}):(\d{2})(?:[.,](\d{1,3}))?\s*$")


def format_time(ms: int) -> str:
    """m:ss under an hour, h:mm:ss from one hour, as transcription tools print times."""
    seconds = ms // 1000
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def parse_time(text: str) -> int | None:
    """Milliseconds of "m:ss", "mm:ss", "h:mm:ss" (with optional ".mmm" or ",mmm"), or None
    if it is not a time."""
    match = _TIME.match(text)
    if match is None:
        return None
    hours, minutes, seconds, fraction = match.groups()
    if int(seconds) > 59 or (hours is not None and int(minutes) > 59):
        return None
    ms = int((fraction or "0").ljust(3, "0"))
    return ((int(hours or 0) * 60 + int(minutes)) * 60 + int(seconds)) * 1000 + ms


@dataclass(frozen=True)
class NewTurn:
    start: int
    end: int
    role: TurnRole
    speaker: str | None = None  # as the file wrote it; private
    respondent_id: int | None = None  # who said it, for RESPONDENT turns
    time_ms: int | None = None


@dataclass(frozen=True)
class TurnView:
    """A turn as the coding panel shows it: by pseudonymous label, never the speaker's name."""

    id: int
    position: int
    start: int
    end: int
    role: TurnRole
    label: str  # "Interviewee 3", "Interviewer", "Interviewer 2", "Note"
    time_ms: int | None
    own: bool  # said by the response's own respondent: their words

    @property
    def time_text(self) -> str:
        return format_time(self.time_ms) if self.time_ms is not None else ""


def set_turns(session: Session, response_id: int, turns: Sequence[NewTurn]) -> None:
    """Replace the response's turns; they must lie inside its text, in order, not overlapping."""
    response = get_response(session, response_id)
    length = len(response.text)
    previous_end = 0
    for n, turn in enumerate(turns):
        if not 0 <= turn.start <= turn.end <= length:
            raise InvalidOperation(
                None, f"turn {n + 1} [{turn.start}, {turn.end}) is outside the text"
            )
        if turn.start < previous_end:
            raise InvalidOperation(None, f"turn {n + 1} overlaps the turn before it")
        if turn.role is TurnRole.RESPONDENT and turn.respondent_id is None:
            raise InvalidOperation(None, f"turn {n + 1} is a respondent's but names none")
        previous_end = turn.end
    session.execute(delete(Turn).where(Turn.response_id == response_id))
    session.add_all(
        Turn(
            response_id=response_id,
            position=n,
            start=t.start,
            end=t.end,
            role=t.role,
            speaker=t.speaker,
            respondent_id=t.respondent_id if t.role is TurnRole.RESPONDENT else None,
            time_ms=t.time_ms,
        )
        for n, t in enumerate(turns)
    )
    session.flush()


def set_transcript_info(
    session: Session,
    response_id: int,
    *,
    layout: str,
    interviewer: Iterable[str] = (),
    title: str | None = None,
    document_info: str | None = None,
) -> TranscriptInfo:
    info = session.get(TranscriptInfo, response_id)
    if info is None:
        info = TranscriptInfo(response_id=response_id)
        session.add(info)
    info.layout = layout
    info.interviewer = "\n".join(interviewer) or None
    info.title = title
    info.document_info = document_info
    session.flush()
    return info


def transcript_info(session: Session, response_id: int) -> TranscriptInfo | None:
    return session.get(TranscriptInfo, response_id)


def turns_of(session: Session, response_id: int) -> list[TurnView]:
    """The response's turns in order, labelled pseudonymously: interviewers are numbered in
    the order they first speak, interviewees go by their respondent's label."""
    owner = session.scalar(select(Response.respondent_id).where(Response.id == response_id))
    rows = session.execute(
        select(
            Turn.id,
            Turn.position,
            Turn.start,
            Turn.end,
            Turn.role,
            Turn.speaker,
            Turn.respondent_id,
            Turn.time_ms,
            Respondent.label,
        )
        .outerjoin(Respondent, Respondent.id == Turn.respondent_id)
        .where(Turn.response_id == response_id)
        .order_by(Turn.position)
    ).all()
    interviewers: dict[str | None, str] = {}
    out = []
    for row in rows:
        role = TurnRole(row.role)
        if role is TurnRole.INTERVIEWER:
            label = interviewers.get(row.speaker)
            if label is None:
                n = len(interviewers) + 1
                label = interviewers[row.speaker] = "Interviewer" + (f" {n}" if n > 1 else "")
        elif role is TurnRole.NOTE:
            label = "Note"
        else:
            label = row.label or "Interviewee (deleted)"
        own = role is TurnRole.RESPONDENT and row.respondent_id == owner
        out.append(
            TurnView(row.id, row.position, row.start, row.end, role, label, row.time_ms, own)
        )
    return out


# -- whose words a segment is -----------------------------------------------------------------


def overlaps_segment() -> ColumnElement[bool]:
    """SQL: the Turn lies (at least partly) under the Segment (to join turns to segments)."""
    return and_(
        Turn.response_id == Segment.response_id, Turn.start < Segment.end, Turn.end > Segment.start
    )


def _own() -> ColumnElement[bool]:
    return and_(Turn.role == TurnRole.RESPONDENT, Turn.respondent_id == Response.respondent_id)


def respondents_words() -> ColumnElement[bool]:
    """SQL, for a query over Segment joined to its Response: the segment holds some of the
    respondent's own words (it lies in no turn at all, as in a survey answer, or it overlaps
    one of their turns). Statistics count only such segments."""
    in_a_turn = exists(select(Turn.id).where(overlaps_segment()))
    in_own_turn = exists(select(Turn.id).where(overlaps_segment(), _own()))
    return or_(not_(in_a_turn), in_own_turn)


@dataclass(frozen=True)
class Speech:
    """Whose words a segment of a transcript covers."""

    own: bool  # some of the respondent's own words
    others: tuple[str, ...]  # "the interviewer", "another interviewee", "a transcriber's note"
    time_ms: int | None  # when the first of those others' turns starts, if known
    starts_ms: int | None = None  # when the first turn it overlaps starts, if known

    @property
    def spans_turns(self) -> bool:
        return self.own and bool(self.others)


_WHOSE = {TurnRole.INTERVIEWER: "the interviewer", TurnRole.NOTE: "a transcriber's note"}


def speech_of_segments(
    session: Session, segment_ids: Iterable[int] | None = None
) -> dict[int, Speech]:
    """For each of these segments (None: all, as an export wants, without a parameter per
    segment) that overlaps turns: whose words it covers. Segments of responses without
    turns are left out (they are all their respondent's words)."""
    query = (
        select(Segment.id, Turn.role, Turn.respondent_id, Response.respondent_id, Turn.time_ms)
        .select_from(Turn)
        .join(Segment, overlaps_segment())
        .join(Response, Response.id == Segment.response_id)
        # In the turns' order, not the segments': the few turns lead and each finds its
        # segments by index (ordered by segment, SQLite would read every segment).
        .order_by(Turn.response_id, Turn.position)
    )
    if segment_ids is None and session.scalar(select(Turn.id).limit(1)) is None:
        return {}  # a project of survey answers only: no join over every segment
    if segment_ids is not None:
        wanted = set(segment_ids)
        if not wanted:
            return {}
        query = query.where(Segment.id.in_(wanted))
    rows = session.execute(query).all()
    return speech_from(rows)


def segment_times(session: Session) -> dict[int, int]:
    """When each segment of a timed transcript begins in the recording (ms): the time of
    the first turn it overlaps, where the file gave that turn one."""
    return times_of(speech_of_segments(session))


def times_of(speech: Mapping[int, Speech]) -> dict[int, int]:
    """`segment_times` from speech already read."""
    return {sid: sp.starts_ms for sid, sp in speech.items() if sp.starts_ms is not None}


def speech_from(
    rows: Iterable[tuple[int, TurnRole | str, int | None, int, int | None]],
) -> dict[int, Speech]:
    """Speech per segment from rows (segment id, turn role, who said the turn, the response's
    respondent, turn time), a row per turn under the segment, in the order of the turns; for
    a caller that reads the turns in a query of its own (the consent gate)."""
    found: dict[int, tuple[bool, list[str], int | None]] = {}
    starts: dict[int, int | None] = {}  # the first turn's time: rows come in turn order
    for sid, role, speaker_id, owner_id, time_ms in rows:
        starts.setdefault(sid, time_ms)
        own, others, first_time = found.get(sid, (False, [], None))
        role = TurnRole(role)
        if role is TurnRole.RESPONDENT and speaker_id == owner_id:
            own = True
        else:
            whose = _WHOSE.get(role, "another interviewee")
            if whose not in others:
                others.append(whose)
            if first_time is None:
                first_time = time_ms
        found[sid] = (own, others, first_time)
    return {
        sid: Speech(own, tuple(others), t, starts[sid]) for sid, (own, others, t) in found.items()
    }


def respondent_text(text: str, turns: Sequence[TurnView]) -> str:
    """Only the respondent's own words of a transcript (all of `text` without turns), one
    turn a line: what word counts and frequencies read."""
    if not turns:
        return text
    return "\n".join(text[t.start : t.end] for t in turns if t.own)


def turn_spans(
    session: Session, response_ids: Collection[int] | None = None
) -> dict[int, list[tuple[int, int, bool]]]:
    """For each response with turns (of those asked, else all): (start, end, said by its own
    respondent) per turn, in order. What analysis and autocode count as a person's words."""
    query = (
        select(
            Turn.response_id,
            Turn.start,
            Turn.end,
            Turn.role,
            Turn.respondent_id,
            Response.respondent_id,
        )
        .join(Response, Response.id == Turn.response_id)
        .order_by(Turn.response_id, Turn.start)
    )
    spans: dict[int, list[tuple[int, int, bool]]] = {}
    for rid, start, end, role, speaker, owner in session.execute(query):
        if response_ids is not None and rid not in response_ids:
            continue
        own = TurnRole(role) is TurnRole.RESPONDENT and speaker == owner
        spans.setdefault(rid, []).append((start, end, own))
    return spans
