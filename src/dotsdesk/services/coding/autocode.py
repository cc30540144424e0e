"""Search and code: find a pattern, then code each match, or the sentence, paragraph,
speaker's turn or whole response around it, the way a researcher pre-codes before reading.

`find_hits` is the preview (every hit with the span it would code, and the counts); `autocode`
codes what it found. In a transcript only the respondent's own turns are searched: a hit in the
interviewer's turn (or a note, or another interviewee's) is skipped and counted, never coded as
the respondent's words.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection, Iterator
from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from ...errors import InvalidOperation
from ...model import Respondent, Response, Segment, segment_code
from ..corpus.sentences import enclosing, paragraph_spans, sentence_spans
from ..corpus.turns import turn_spans
from .codebook import ensure_code
from .coders import get_coder
from .segments import add_segments


class Unit(StrEnum):
    """What a hit codes."""

    MATCH = "match"
    SENTENCE = "sentence"
    PARAGRAPH = "paragraph"
    TURN = "turn"
    RESPONSE = "response"


@dataclass(frozen=True)
class Hit:
    response_id: int
    respondent: str  # pseudonymous label
    match_start: int  # the words found, code points
    match_end: int
    start: int  # the span the unit codes
    end: int


@dataclass(frozen=True)
class HitPreview:
    hits: list[Hit]
    skipped: int  # hits in others' turns (the interviewer's, a note, another interviewee's)

    @property
    def spans(self) -> list[tuple[int, int, int]]:
        """(response, start, end) to code, each once, in the order found."""
        return list(dict.fromkeys((h.response_id, h.start, h.end) for h in self.hits))

    @property
    def responses(self) -> int:
        return len({h.response_id for h in self.hits})

    @property
    def respondents(self) -> int:
        return len({h.respondent for h in self.hits})


@dataclass(frozen=True)
class AutocodeReport:
    code_path: str
    responses_matched: int
    segments_created: int
    segments_existing: int  # already coded with this code
    segments_extended: int = 0  # existing segments that gained the code
    hits: int = 0
    skipped: int = 0  # hits in others' turns, left alone


_CJK = re.compile(r"[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\U00020000-\U0003ffff]")


def words_pattern(words: str) -> str:
    """A regular expression for any of these words (split at spaces, commas, 、 and |):
    Latin words whole (not "interview" inside "interviewer", not "cafe" inside "café"),
    Chinese anywhere, since Chinese has no spaces to mark words. An accented word matches
    whether the text composes its accents or not (é, or e and a combining acute)."""
    out = []
    for word in (w for w in re.split(r"[\s,，、|]+", words) if w):
        forms = dict.fromkeys(unicodedata.normalize(f, word) for f in ("NFC", "NFD"))
        piece = "(?:" + "|".join(re.escape(f) for f in forms) + ")"
        if word[0].isalnum() and not _CJK.match(word[0]):
            piece = r"(?<!\w)" + piece
        if word[-1].isalnum() and not _CJK.match(word[-1]):
            piece += r"(?![\w\u0300-\u036f])"
        out.append(piece)
    return "|".join(out)


def compile_pattern(
    pattern: str, *, ignore_case: bool = True, regex: bool = True
) -> re.Pattern[str]:
    """The search as a compiled expression; a bad one is refused with its reason."""
    text = pattern if regex else words_pattern(pattern)
    if not text.strip():
        raise InvalidOperation(None, "the pattern is empty")
    try:
        return re.compile(text, re.IGNORECASE if ignore_case else 0)
    except re.error as exc:
        raise InvalidOperation(
            None, f"the pattern {pattern!r} is not a valid regular expression: {exc}"
        ) from None


def _texts(
    session: Session, response_ids: Collection[int] | None
) -> Iterator[tuple[int, str, str]]:
    query = (
        select(Response.id, Respondent.label, Response.text)
        .join(Respondent, Respondent.id == Response.respondent_id)
        .order_by(Respondent.label, Response.id)
    )
    for rid, label, text in session.execute(query):
        if response_ids is None or rid in response_ids:
            yield rid, label, text


def find_hits(
    session: Session,
    regex: re.Pattern[str],
    unit: Unit = Unit.MATCH,
    *,
    response_ids: Collection[int] | None = None,
    include_others: bool = False,
) -> HitPreview:
    """Every non-empty match in the population's responses (`response_ids`, None: all), by
    respondent label, with the span `unit` codes around it. Without `include_others`, a hit
    in a transcript outside the respondent's own turns is skipped and counted."""
    wanted = None if response_ids is None else set(response_ids)
    turns = turn_spans(session, wanted)
    hits: list[Hit] = []
    skipped = 0
    for rid, label, text in _texts(session, wanted):
        found = [m.span() for m in regex.finditer(text) if m.end() > m.start()]
        if not found:
            continue
        mine = turns.get(rid, [])
        sentences = sentence_spans(text) if unit is Unit.SENTENCE else []
        paragraphs = paragraph_spans(text) if unit is Unit.PARAGRAPH else []
        for start, end in found:
            under = [(a, b, own) for a, b, own in mine if a < end and b > start]
            own_turn = next(((a, b) for a, b, own in under if own), None)
            if under and own_turn is None and not include_others:
                skipped += 1
                continue
            turn = own_turn or (under[0][:2] if under else None)
            if unit is Unit.MATCH:
                span = (start, end)
            elif unit is Unit.SENTENCE:
                span = enclosing(sentences, start, end, turn)
            elif unit is Unit.PARAGRAPH:
                span = enclosing(paragraphs, start, end, turn)
            elif unit is Unit.TURN:
                # Without turns (a survey answer) the speaker's turn is the whole response.
                span = turn if turn is not None else (0, len(text))
            else:
                span = (0, len(text))
            hits.append(Hit(rid, label, start, end, span[0], span[1]))
    return HitPreview(hits, skipped)


def autocode(
    session: Session,
    code_path: str,
    pattern: str,
    *,
    unit: Unit = Unit.MATCH,
    whole_response: bool = False,
    ignore_case: bool = True,
    regex: bool = True,
    coder: str | None = None,
    response_ids: Collection[int] | None = None,
    include_others: bool = False,
) -> AutocodeReport:
    """Code each hit's unit (`whole_response` is `unit=Unit.RESPONSE`). Spans this coder
    already coded with the code are left alone, so running it twice adds nothing."""
    compiled = compile_pattern(pattern, ignore_case=ignore_case, regex=regex)
    preview = find_hits(
        session,
        compiled,
        Unit.RESPONSE if whole_response else unit,
        response_ids=response_ids,
        include_others=include_others,
    )
    return code_hits(session, code_path, preview, coder=coder)


def code_hits(
    session: Session, code_path: str, preview: HitPreview, *, coder: str | None = None
) -> AutocodeReport:
    """Code the spans of a preview already shown (the dialog's Apply)."""
    code = ensure_code(session, code_path)
    who = get_coder(session, coder)
    unique = preview.spans
    touched = sorted({rid for rid, _, _ in unique})
    # This coder's segments by span in the responses hit, and which already carry the code.
    mine: dict[tuple[int, int, int], int] = {}
    for chunk in range(0, len(touched), 500):
        rows = session.execute(
            select(Segment.id, Segment.response_id, Segment.start, Segment.end).where(
                Segment.coder_id == who.id, Segment.response_id.in_(touched[chunk : chunk + 500])
            )
        )
        mine.update({(r, s, e): sid for sid, r, s, e in rows})
    have_code = set(
        session.scalars(select(segment_code.c.segment_id).where(segment_code.c.code_id == code.id))
    )
    new = [span for span in unique if span not in mine]
    # The same span coded by hand with another code gains this code, as code_span would do.
    extend = [mine[span] for span in unique if span in mine and mine[span] not in have_code]
    add_segments(session, new, [code.id], who.id)
    if extend:
        session.execute(
            insert(segment_code), [{"segment_id": i, "code_id": code.id} for i in extend]
        )
    existing = len(unique) - len(new) - len(extend)
    return AutocodeReport(
        code_path,
        preview.responses,
        len(new),
        existing,
        len(extend),
        len(preview.hits),
        preview.skipped,
    )
