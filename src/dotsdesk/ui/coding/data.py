"""What the coding panel shows of one response, read in one session as plain data, so that
painting and hovering never touch the database."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from sqlalchemy.orm import Session

from ...services.coding import codebook, memos, pinned
from ...services.coding import segments as coding
from ...services.coding.segments import SegmentView
from ...services.consent import events as consent
from ...services.corpus import responses
from ...services.corpus.turns import TurnView, turns_of
from ..consent_words import level_text, status_text

# The tables whose changes can change what the panel shows of a response.
TABLES_SHOWN = frozenset(
    {
        "segment",
        "segment_code",
        "code",
        "response",
        "translation",
        "memo",
        "setting",
        "respondent",
        "consent_event",
        "coder",
        "turn",
        "transcript",
    }
)
# Changes to only these change only the response's segments (coding, uncoding, resizing,
# a segment's memo; a coder is added when one codes for the first time).
TABLES_OF_SEGMENTS = frozenset({"segment", "segment_code", "coder"})


@dataclass(frozen=True)
class CodeLook:
    id: int
    path: str
    colour: str


@dataclass(frozen=True)
class TranslationText:
    language: str
    text: str
    translator: str | None


@dataclass(frozen=True)
class ShownResponse:
    id: int
    text: str
    respondent: str
    question: str | None
    language: str
    consent: str
    memo: str | None
    segments: tuple[SegmentView, ...]
    codes: dict[int, CodeLook]  # the codes on this response's segments
    translations: tuple[TranslationText, ...]
    turns: tuple[TurnView, ...] = ()  # a transcript's, in order; () for other responses

    def segment(self, segment_id: int) -> SegmentView | None:
        return next((s for s in self.segments if s.id == segment_id), None)

    def segments_at(self, offset: int) -> list[SegmentView]:
        """Segments covering the character at code-point `offset`, innermost first."""
        found = [s for s in self.segments if s.start <= offset < s.end]
        return sorted(found, key=lambda s: s.end - s.start)


def describe_consent(state: consent.Consent) -> str:
    words = [status_text(state.status)]
    if state.status is consent.ConsentStatus.GRANTED:
        if state.level is not None:
            words.append(level_text(state.level))
        if state.scope is not consent.ConsentScope.ALL:
            words.append(QCoreApplication.translate("CodingHeader", "listed quotes only"))
        if state.translation_allowed:
            words.append(QCoreApplication.translate("CodingHeader", "translation ok"))
        else:
            words.append(QCoreApplication.translate("CodingHeader", "no translation"))
    return QCoreApplication.translate("CodingHeader", ", ").join(words)


def load_response(session: Session, response_id: int) -> ShownResponse:
    response = responses.get_response(session, response_id)
    segments = tuple(coding.segments_of(session, response_id))
    codes = code_looks(session, used_codes(segments))
    state = consent.current_consent(session, response.respondent_id)
    return ShownResponse(
        id=response.id,
        text=response.text,
        respondent=response.respondent.label,
        question=response.question,
        language=response.language,
        consent=describe_consent(state),
        memo=memos.get_memo(session, memos.MemoOn.RESPONSE, response_id),
        segments=segments,
        codes=codes,
        translations=tuple(
            TranslationText(t.language, t.text, t.translator)
            for t in sorted(response.translations, key=lambda t: t.language)
        ),
        turns=tuple(turns_of(session, response_id)),
    )


@dataclass(frozen=True)
class PaletteCode:
    id: int
    path: str
    colour: str
    key: int | None  # pinned key 1-9
    segments: int


def used_codes(segments: Iterable[SegmentView]) -> set[int]:
    return {cid for seg in segments for cid in seg.code_ids}


def code_looks(session: Session, code_ids: Iterable[int]) -> dict[int, CodeLook]:
    """Path and colour of these codes (those that still exist), in two statements."""
    wanted = set(code_ids)
    if not wanted:
        return {}
    paths = codebook.code_paths(session)
    colours = codebook.code_colours(session, wanted)
    return {cid: CodeLook(cid, paths[cid], colours[cid]) for cid in wanted if cid in paths}


def palette_codes(session: Session) -> list[PaletteCode]:
    """Every code in tree order, with the key it is pinned to."""
    keys = pinned.key_of(session)
    return [
        PaletteCode(c.id, c.path, c.colour, keys.get(c.id), c.segments)
        for c in codebook.list_codes(session, respondents=False)
    ]
