"""A transcript file into the project.

Without speakers, a document is one response, exactly as written. With speakers, the text is
the whole conversation (speaker names and times are kept beside it, as turns, not in it), the
interviewer is named or recognised, and every other speaker is a respondent with a response of
their own: the same conversation, in which only their turns are their words. Respondents are
found again on re-import by the file's name and their speaker, so a changed transcript updates
its responses and coded segments follow their text.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from ...errors import InputError
from ...model import Respondent, Response, Turn, TurnRole
from ...services.corpus.responses import add_response, replace_text
from ...services.corpus.turns import NewTurn, format_time, set_transcript_info, set_turns
from ..report import ImportOptions, ImportReport
from .layout import read_transcript
from .parsed import ParsedTranscript, count_words
from .people import find_named, new_interviewee, responses_by_speaker
from .roles import InterviewerChoice, TranscriptOptions, choose_interviewer, looks_like_name

QUESTION = "Interview"  # never the document's title, which often names the person


def import_transcript(
    session: Session,
    path: Path,
    options: ImportOptions,
    report: ImportReport,
    transcript: TranscriptOptions | None = None,
) -> None:
    parsed = read_transcript(path, encoding=options.encoding)
    report.encoding = parsed.encoding
    if parsed.plain_text is not None:
        _import_plain(session, path, parsed, options, report)
    else:
        _import_turns(session, path, parsed, options, transcript or TranscriptOptions(), report)


def _import_plain(
    session: Session,
    path: Path,
    parsed: ParsedTranscript,
    options: ImportOptions,
    report: ImportReport,
) -> None:
    text = parsed.plain_text
    assert text is not None
    report.notes.append("layout: paragraphs without speakers; all of it is the respondent's")
    respondent, response = _person(session, path, options.respondent, None, report)
    response = _write(session, path, respondent, response, text, report)
    set_transcript_info(
        session, response.id, layout=parsed.layout, title=parsed.title, document_info=None
    )


def _import_turns(
    session: Session,
    path: Path,
    parsed: ParsedTranscript,
    options: ImportOptions,
    transcript: TranscriptOptions,
    report: ImportReport,
) -> None:
    choice = choose_interviewer(path, parsed, transcript)
    first_note = len(report.notes)
    interviewers = set(choice.speakers)
    people: list[str | None] = [s for s in parsed.speakers if s not in interviewers]
    if any(t.speaker is None and not t.note for t in parsed.turns):
        people.append(None)  # a file without speakers: all of it is one person's
    if not people:
        raise InputError(
            path, "every speaker was taken for the interviewer: nobody's answers are left"
        )
    if options.respondent and len(people) > 1:
        raise InputError(
            path,
            f"--respondent names one person, but {len(people)} speakers answer here; "
            "leave it out and each becomes a respondent of their own",
        )
    text, spans = parsed.text_and_spans()
    earlier = responses_by_speaker(session, path.name)
    found = {
        speaker: _person(session, path, options.respondent, speaker, report) for speaker in people
    }
    turns = []
    for turn, (start, end) in zip(parsed.turns, spans, strict=True):
        if turn.note:
            role, who = TurnRole.NOTE, None
        elif turn.speaker in interviewers:
            role, who = TurnRole.INTERVIEWER, None
        else:
            role, who = TurnRole.RESPONDENT, found[turn.speaker][0].id
        turns.append(NewTurn(start, end, role, turn.speaker, who, turn.time_ms))
    written_ids = set()
    for respondent, response in found.values():
        written = _write(session, path, respondent, response, text, report)
        written_ids.add(written.id)
        set_turns(session, written.id, turns)
        set_transcript_info(
            session,
            written.id,
            layout=parsed.layout,
            interviewer=choice.speakers,
            title=parsed.title,
            document_info=parsed.document_info,
        )
    for speaker, stale in earlier.items():
        if stale.id in written_ids or options.respondent:
            continue
        # An earlier import made this speaker a respondent; now they are the interviewer (or
        # gone): their response follows the file, and its turns say they are not theirs.
        _write(session, path, stale.respondent, stale, text, report)
        set_turns(session, stale.id, turns)
        report.notes.append(
            f"{stale.respondent.label} (speaker {speaker!r} before) is not an interviewee of "
            "this import: their response is kept, its turns now context"
        )
    labels = {s: r.label for s, (r, _) in found.items()}
    report.notes[first_note:first_note] = describe(parsed, choice, labels)


def _person(
    session: Session,
    path: Path,
    named: str | None,
    speaker: str | None,
    report: ImportReport,
) -> tuple[Respondent, Response | None]:
    """The respondent whose words `speaker`'s turns are, and their earlier response from
    this file if any; a new respondent "Interviewee N" when there is none yet."""
    if named:
        respondent = find_named(session, named)
        earlier = (
            None
            if respondent is None
            else session.scalar(
                select(Response).where(
                    Response.respondent_id == respondent.id, Response.source == path.name
                )
            )
        )
        if earlier is None:
            moved = _reassign(session, path, respondent, named, report)
            if moved is not None:
                return moved
        if respondent is None:
            respondent = _new(session, path, named, report)
        return respondent, earlier
    earlier = responses_by_speaker(session, path.name).get(speaker)
    if earlier is not None:
        return earlier.respondent, earlier
    name = speaker if speaker is not None and looks_like_name(speaker) else None
    return _new(session, path, name, report), None


def _reassign(
    session: Session,
    path: Path,
    respondent: Respondent | None,
    named: str,
    report: ImportReport,
) -> tuple[Respondent, Response] | None:
    """The file was imported before as one person's, under another respondent (a mistaken
    `--respondent`): its response, with its coded segments, moves to the one named now
    instead of being imported twice."""
    previous = list(responses_by_speaker(session, path.name).values())
    if len(previous) != 1:
        return None
    (response,) = previous
    if respondent is None:
        respondent = _new(session, path, named, report)
    before = response.respondent.label
    response.respondent_id = respondent.id
    for turn in session.scalars(select(Turn).where(Turn.response_id == response.id)):
        if turn.respondent_id is not None:
            turn.respondent_id = respondent.id
    session.flush()
    session.expire(response, ["respondent"])
    report.notes.append(
        f"the answers of this file move from {before} to {respondent.label} "
        "(imported before under another respondent), with their coded segments"
    )
    return respondent, response


def _new(session: Session, path: Path, name: str | None, report: ImportReport) -> Respondent:
    respondent = new_interviewee(session, name, path.name)
    report.respondents_added += 1
    kept = "their name and the file name are" if name else "the file name is"
    report.notes.append(f"new respondent {respondent.label!r} ({kept} kept private)")
    return respondent


def _write(
    session: Session,
    path: Path,
    respondent: Respondent,
    earlier: Response | None,
    text: str,
    report: ImportReport,
) -> Response:
    if earlier is None:
        response = add_response(
            session, respondent.id, text, question=QUESTION, source=path.name, channel="transcript"
        )
        report.responses_added += 1
        return response
    change = replace_text(session, earlier, text)
    if change.changed:
        report.responses_updated += 1
        report.respondents_updated += 1
        report.segments_moved += change.segments_moved
        report.segments_dropped += change.segments_dropped
    else:
        report.responses_unchanged += 1
    return earlier


def describe(
    parsed: ParsedTranscript, choice: InterviewerChoice, labels: dict[str | None, str]
) -> list[str]:
    """The layout, each speaker with their turns and words and what they became, and what
    was kept apart: what `--dry-run` and the import's summary show."""
    times = [t.time_ms for t in parsed.turns if t.time_ms is not None]
    span = f"; times {format_time(min(times))} to {format_time(max(times))}" if times else ""
    spoken = [t for t in parsed.turns if not t.note]
    lines = [f"layout: {parsed.layout}, {len(spoken)} turns{span}"]
    for speaker in [*parsed.speakers, *([None] if None in labels else [])]:
        own = [t for t in spoken if t.speaker == speaker]
        words = sum(count_words(t.text) for t in own)
        shown = repr(speaker) if speaker is not None else "(no speaker names in the file)"
        if speaker in choice.speakers:
            hint = "; choose another with --interviewer" if "guessed" in choice.why else ""
            role = f"the interviewer ({choice.why}{hint})"
        else:
            role = f"the words of {labels[speaker]}"
        turns = f"{len(own)} turn" + ("s" if len(own) != 1 else "")
        lines.append(f"speaker {shown}: {turns}, {words} words - {role}")
    if not choice.speakers:
        lines.append(f"no interviewer ({choice.why}; name one with --interviewer)")
    notes = sum(1 for t in parsed.turns if t.note)
    if notes:
        lines.append(f"{notes} transcriber's note(s) kept as context, not anyone's words")
    if parsed.document_info:
        lines.append("kept privately, apart from the conversation: the text around the turns")
    return lines
