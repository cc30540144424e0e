"""The response browser's query and result types, shared by the service and the panel."""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, field

from ..consent.events import ConsentStatus
from ..corpus.search import terms_of

PREVIEW_CHARS = 200
HIT_CONTEXT = 24  # columns of text shown before the first search hit
NO_VALUE = ""  # an attribute filter value meaning "the respondent has no value"
_STATUS_RANK = {s: i for i, s in enumerate(ConsentStatus)}
_CHUNK = 500


class Coded(enum.StrEnum):
    ANY = "any"
    CODED = "coded"
    UNCODED = "uncoded"


class SortKey(enum.StrEnum):
    ID = "id"  # import order
    RESPONDENT = "respondent"
    QUESTION = "question"
    LANGUAGE = "language"
    LENGTH = "length"
    SEGMENTS = "segments"
    CONSENT = "consent"  # in ConsentStatus order
    PREVIEW = "preview"
    ATTRIBUTE = "attribute"  # by `sort_attribute`; respondents without a value last


@dataclass(frozen=True)
class BrowseQuery:
    """Filters combine with AND. Within one attribute the values are alternatives; every
    code in `has_codes` must be present and none of `lacks_codes` (each with its children).
    `sets`: responses in any of these sets (a respondent set: its respondents' responses)."""

    attributes: Mapping[str, frozenset[str]] = field(default_factory=dict)
    has_codes: frozenset[int] = frozenset()
    lacks_codes: frozenset[int] = frozenset()
    consent: frozenset[ConsentStatus] = frozenset()
    languages: frozenset[str] = frozenset()
    coded: Coded = Coded.ANY
    sets: frozenset[int] = frozenset()
    search: str = ""
    sort: SortKey = SortKey.ID
    sort_attribute: str | None = None
    descending: bool = False

    @property
    def filtered(self) -> bool:
        return bool(
            any(self.attributes.values())
            or self.has_codes
            or self.lacks_codes
            or self.consent
            or self.languages
            or self.coded is not Coded.ANY
            or self.sets
            or terms_of(self.search)
        )


@dataclass(frozen=True)
class ResponseRow:
    """What the browser shows of one response. `preview` is a whitespace-flattened piece of
    the text starting at code point `preview_start` (near the first search hit, if any)."""

    id: int
    respondent_id: int
    respondent: str
    question: str | None
    language: str
    length: int
    segments: int
    consent: ConsentStatus
    preview: str
    preview_start: int
    attributes: Mapping[str, str]


@dataclass(frozen=True)
class FilterChoices:
    """What the filter menus offer, with counts (respondents; responses for languages)."""

    attributes: dict[str, dict[str, int]]
    languages: dict[str, int]
    statuses: dict[ConsentStatus, int]
    questions: list[str | None]
    sets: list[tuple[int, str, int]] = field(default_factory=list)  # id, name, responses


@dataclass(frozen=True)
class CodeChoice:
    """A code as the pickers show it: no counts, so listing 300 codes stays one quick query."""

    id: int
    parent_id: int | None
    name: str
    path: str
    colour: str


@dataclass(frozen=True)
class GridRow:
    respondent_id: int
    respondent: str
    cells: tuple[int | None, ...]  # response id per question, None if unanswered


@dataclass(frozen=True)
class Grid:
    """A survey as a table: questions in order of first appearance, respondents by label."""

    questions: tuple[str | None, ...]
    rows: list[GridRow]
