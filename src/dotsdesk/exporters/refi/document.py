"""What a REFI-QDA file says, in the standard's own terms, ready to be written.

Mapping (mapping.py) fills these from the project; writing (codebook.py, project.py) turns
them into XML. Neither side knows about the other's concerns: these classes are the seam.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

VariableType = Literal["Text", "Boolean", "Integer", "Float", "Date", "DateTime"]


@dataclass
class RefiUser:
    guid: str
    name: str


@dataclass
class RefiCode:
    guid: str
    name: str
    color: str | None
    description: str | None
    note_guids: list[str] = field(default_factory=list)
    children: list[RefiCode] = field(default_factory=list)


@dataclass
class RefiVariable:
    guid: str
    name: str
    type: VariableType
    description: str | None = None


@dataclass
class RefiValue:
    variable_guid: str
    type: VariableType
    value: str  # already in the lexical form of its XML Schema type


@dataclass
class RefiCase:
    guid: str
    name: str
    values: list[RefiValue] = field(default_factory=list)
    source_guids: list[str] = field(default_factory=list)


@dataclass
class RefiCoding:
    guid: str
    code_guid: str
    user_guid: str | None
    created: str | None


@dataclass
class RefiSelection:
    guid: str
    name: str
    start: int  # code points, end exclusive
    end: int
    user_guid: str | None
    created: str | None
    codings: list[RefiCoding] = field(default_factory=list)
    note_guids: list[str] = field(default_factory=list)


@dataclass
class RefiSource:
    guid: str
    name: str
    description: str | None
    text: str  # written to sources/<guid>.txt
    user_guid: str | None
    created: str | None
    selections: list[RefiSelection] = field(default_factory=list)
    note_guids: list[str] = field(default_factory=list)

    @property
    def file_name(self) -> str:
        return f"{self.guid}.txt"


@dataclass
class RefiNote:
    guid: str
    name: str
    text: str
    user_guid: str | None
    created: str | None


@dataclass
class RefiSet:
    guid: str
    name: str
    description: str | None
    source_guids: list[str] = field(default_factory=list)


@dataclass
class RefiProject:
    name: str
    origin: str
    created: str | None
    users: list[RefiUser] = field(default_factory=list)
    codes: list[RefiCode] = field(default_factory=list)
    variables: list[RefiVariable] = field(default_factory=list)
    cases: list[RefiCase] = field(default_factory=list)
    sources: list[RefiSource] = field(default_factory=list)
    notes: list[RefiNote] = field(default_factory=list)
    sets: list[RefiSet] = field(default_factory=list)
    note_guids: list[str] = field(default_factory=list)  # notes on the project as a whole
    with_identity: bool = False

    @property
    def selections(self) -> int:
        return sum(len(s.selections) for s in self.sources)
