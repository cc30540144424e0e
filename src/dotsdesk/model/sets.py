"""Sets: named groups of respondents or of responses (a survey apart from the interviews,
a selection, a filter's result, everything one import brought). A set is a population for
the browser, the analysis and posts. Members go with their respondent or response."""

from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import Enum, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, utcnow


class SetKind(enum.StrEnum):
    RESPONDENTS = "respondents"
    RESPONSES = "responses"


class SetOrigin(enum.StrEnum):
    SELECTION = "selection"  # picked in the browser
    FILTER = "filter"  # the browser's filter when the set was made
    IMPORT = "import"  # everyone an import brought


class NamedSet(Base):
    __tablename__ = "named_set"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    kind: Mapped[SetKind] = mapped_column(
        Enum(SetKind, native_enum=False, length=20, values_callable=lambda e: [m.value for m in e])
    )
    origin: Mapped[SetOrigin] = mapped_column(
        Enum(
            SetOrigin, native_enum=False, length=20, values_callable=lambda e: [m.value for m in e]
        )
    )
    description: Mapped[str | None] = mapped_column(Text)  # the filter in words, the file
    created: Mapped[datetime] = mapped_column(default=utcnow)


class SetRespondent(Base):
    __tablename__ = "set_respondent"

    set_id: Mapped[int] = mapped_column(
        ForeignKey("named_set.id", ondelete="CASCADE"), primary_key=True
    )
    respondent_id: Mapped[int] = mapped_column(
        ForeignKey("respondent.id", ondelete="CASCADE"), primary_key=True, index=True
    )


class SetResponse(Base):
    __tablename__ = "set_response"

    set_id: Mapped[int] = mapped_column(
        ForeignKey("named_set.id", ondelete="CASCADE"), primary_key=True
    )
    response_id: Mapped[int] = mapped_column(
        ForeignKey("response.id", ondelete="CASCADE"), primary_key=True, index=True
    )
