"""Consent as an append-only list of events; the current consent is derived from them."""

from __future__ import annotations

import enum
from datetime import date, datetime
from typing import TYPE_CHECKING

from sqlalchemy import Column, Enum, ForeignKey, Index, String, Table, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Base, utcnow

if TYPE_CHECKING:
    from .respondent import Respondent


def _enum(cls: type[enum.Enum]) -> Enum:
    return Enum(cls, native_enum=False, length=20, values_callable=lambda e: [m.value for m in e])


class ConsentKind(enum.StrEnum):
    REQUESTED = "requested"
    GRANTED = "granted"
    DECLINED = "declined"
    WITHDRAWN = "withdrawn"
    NOTE = "note"


class ConsentLevel(enum.StrEnum):
    """How a respondent may be named when quoted, from least to most identity."""

    ANONYMOUS = "anonymous"
    HANDLE = "handle"
    NAME = "name"


class ConsentScope(enum.StrEnum):
    ALL = "all"
    SEGMENTS = "segments"


consent_scope_segment = Table(
    "consent_scope_segment",
    Base.metadata,
    Column("event_id", ForeignKey("consent_event.id", ondelete="CASCADE"), primary_key=True),
    Column("segment_id", ForeignKey("segment.id", ondelete="CASCADE"), primary_key=True),
)


class ConsentEvent(Base):
    __tablename__ = "consent_event"
    __table_args__ = (Index("ix_consent_event_respondent", "respondent_id", "occurred", "id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    respondent_id: Mapped[int] = mapped_column(ForeignKey("respondent.id", ondelete="CASCADE"))
    kind: Mapped[ConsentKind] = mapped_column(_enum(ConsentKind))
    occurred: Mapped[date]
    recorded: Mapped[datetime] = mapped_column(default=utcnow)
    # The evidence (how and when it was asked, the keeper's note) loads only when read: on a
    # team server a coder's role may not read it, and the gate never needs it.
    channel: Mapped[str | None] = mapped_column(String(100), deferred=True, deferred_group="ev")
    asked: Mapped[str | None] = mapped_column(  # what was asked, for "requested"
        Text, deferred=True, deferred_group="ev"
    )
    level: Mapped[ConsentLevel | None] = mapped_column(_enum(ConsentLevel))
    translation_allowed: Mapped[bool | None]
    scope: Mapped[ConsentScope | None] = mapped_column(_enum(ConsentScope))
    expires: Mapped[date | None]
    note: Mapped[str | None] = mapped_column(Text, deferred=True, deferred_group="ev")

    respondent: Mapped[Respondent] = relationship(back_populates="consent_events")
