"""Typed ORM classes for everything in the design's glossary; no behaviour beyond invariants."""

from .base import Base
from .codebook import Code
from .consent import ConsentEvent, ConsentKind, ConsentLevel, ConsentScope, consent_scope_segment
from .memo import Memo
from .post import (
    BaselineKind,
    Block,
    BlockKind,
    FigureBaseline,
    PopulationMember,
    Post,
    PostPopulation,
    Section,
)
from .project_info import ImportRecord, Setting
from .respondent import AttributeDef, AttributeType, AttributeValue, Identity, Respondent
from .response import Response, Translation
from .segment import Coder, Segment, segment_code
from .sets import NamedSet, SetKind, SetOrigin, SetRespondent, SetResponse
from .turn import TranscriptInfo, Turn, TurnRole

__all__ = [
    "AttributeDef",
    "AttributeType",
    "AttributeValue",
    "Base",
    "BaselineKind",
    "Block",
    "BlockKind",
    "Code",
    "Coder",
    "ConsentEvent",
    "ConsentKind",
    "ConsentLevel",
    "ConsentScope",
    "FigureBaseline",
    "Identity",
    "ImportRecord",
    "Memo",
    "NamedSet",
    "PopulationMember",
    "Post",
    "PostPopulation",
    "Respondent",
    "Response",
    "Section",
    "Segment",
    "SetKind",
    "SetOrigin",
    "SetRespondent",
    "SetResponse",
    "Setting",
    "TranscriptInfo",
    "Translation",
    "Turn",
    "TurnRole",
    "consent_scope_segment",
    "segment_code",
]
