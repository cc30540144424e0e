"""Respondents, their private identity, and typed attributes."""

from __future__ import annotations

import enum
from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import CheckConstraint, Enum, Float, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Base, utcnow

if TYPE_CHECKING:
    from .consent import ConsentEvent
    from .response import Response


class Respondent(Base):
    """A person who answered. `label` is pseudonymous and is what leaves the project."""

    __tablename__ = "respondent"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(200), unique=True)  # the id given at import
    label: Mapped[str] = mapped_column(String(200), unique=True)
    created: Mapped[datetime] = mapped_column(default=utcnow)

    identity: Mapped[Identity | None] = relationship(
        back_populates="respondent", cascade="all, delete-orphan", uselist=False
    )
    responses: Mapped[list[Response]] = relationship(
        back_populates="respondent", cascade="all, delete-orphan", passive_deletes=True
    )
    attribute_values: Mapped[list[AttributeValue]] = relationship(
        back_populates="respondent", cascade="all, delete-orphan", passive_deletes=True
    )
    consent_events: Mapped[list[ConsentEvent]] = relationship(
        back_populates="respondent",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="ConsentEvent.id",
    )


class Identity(Base):
    """Private identity, kept in its own table so no export joins it by accident."""

    __tablename__ = "identity"

    respondent_id: Mapped[int] = mapped_column(
        ForeignKey("respondent.id", ondelete="CASCADE"), primary_key=True
    )
    name: Mapped[str | None] = mapped_column(Text)
    email: Mapped[str | None] = mapped_column(Text)
    phone: Mapped[str | None] = mapped_column(Text)
    contact: Mapped[str | None] = mapped_column(Text)
    forum: Mapped[str | None] = mapped_column(Text)
    handle: Mapped[str | None] = mapped_column(Text)
    # Other identifying columns from an import, "header: value" per line.
    other: Mapped[str | None] = mapped_column(Text)

    respondent: Mapped[Respondent] = relationship(back_populates="identity")


class AttributeType(enum.StrEnum):
    TEXT = "text"
    NUMBER = "number"
    CATEGORY = "category"
    MULTI = "multi"  # several choices, one a line (a multiple-choice question)


class AttributeDef(Base):
    __tablename__ = "attribute_def"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    type: Mapped[AttributeType] = mapped_column(
        Enum(
            AttributeType,
            native_enum=False,
            length=20,
            values_callable=lambda e: [m.value for m in e],
        )
    )
    position: Mapped[int] = mapped_column(default=0)


class AttributeValue(Base):
    __tablename__ = "attribute_value"
    __table_args__ = (
        CheckConstraint("value_text IS NOT NULL OR value_number IS NOT NULL", name="has_value"),
    )

    respondent_id: Mapped[int] = mapped_column(
        ForeignKey("respondent.id", ondelete="CASCADE"), primary_key=True
    )
    attribute_id: Mapped[int] = mapped_column(
        ForeignKey("attribute_def.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    value_text: Mapped[str | None] = mapped_column(Text)
    value_number: Mapped[float | None] = mapped_column(Float)

    respondent: Mapped[Respondent] = relationship(back_populates="attribute_values")
    attribute: Mapped[AttributeDef] = relationship()
