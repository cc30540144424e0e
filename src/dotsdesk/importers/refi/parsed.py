"""What a REFI-QDA file holds, as read, before anything is decided about the project.

Lenient by design: a GUID may be missing, a name empty, a number unreadable; those are
decided (and reported) later, where the project is written.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field


@dataclass
class PUser:
    guid: str
    name: str | None


@dataclass
class PCode:
    guid: str
    name: str
    color: str | None
    description: str | None
    note_refs: list[str] = field(default_factory=list)
    children: list[PCode] = field(default_factory=list)


@dataclass
class PVariable:
    guid: str
    name: str
    type: str  # Text, Boolean, Integer, Float, Date, DateTime (as the file says)
    description: str | None


@dataclass
class PValue:
    variable: str  # GUID
    type: str  # the value element: Text, Boolean, Integer, ...
    value: str


@dataclass
class PCase:
    guid: str
    name: str | None
    description: str | None
    values: list[PValue] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    selection_refs: int = 0
    code_refs: int = 0


@dataclass
class PSelection:
    guid: str
    name: str | None
    start: int | None  # None: the position could not be read
    end: int | None
    user: str | None
    created: str | None
    codes: list[tuple[str, str | None]] = field(default_factory=list)  # (code GUID, user)
    note_refs: list[str] = field(default_factory=list)
    description: str | None = None


@dataclass
class PSource:
    """A text to import: a TextSource, or the text of a PDF or a media transcript."""

    guid: str
    name: str | None
    kind: str  # "TextSource", "PDFSource", "AudioSource", "VideoSource"
    description: str | None
    inline: str | None  # PlainTextContent
    plain_path: str | None
    rich_path: str | None
    user: str | None
    created: str | None
    selections: list[PSelection] = field(default_factory=list)
    whole_codes: list[tuple[str, str | None]] = field(default_factory=list)  # whole-text codings
    note_refs: list[str] = field(default_factory=list)
    values: list[PValue] = field(default_factory=list)


@dataclass
class PNote:
    guid: str
    name: str | None
    inline: str | None
    plain_path: str | None
    rich_path: str | None
    user: str | None
    created: str | None


@dataclass
class ParsedFile:
    kind: str  # "project" or "codebook"
    name: str | None = None
    origin: str | None = None
    creating_user: str | None = None
    users: list[PUser] = field(default_factory=list)
    codes: list[PCode] = field(default_factory=list)
    variables: list[PVariable] = field(default_factory=list)
    cases: list[PCase] = field(default_factory=list)
    sources: list[PSource] = field(default_factory=list)
    notes: list[PNote] = field(default_factory=list)
    note_refs: list[str] = field(default_factory=list)  # notes on the project
    # what cannot come in, by what it is ("picture source", "graph", ...): the report's count
    skipped: Counter[str] = field(default_factory=Counter)

    @property
    def from_dotsdesk(self) -> bool:
        return (self.origin or "").startswith("dotsdesk")
