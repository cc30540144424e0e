"""Responses (what a respondent gave) and their translations."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Base, utcnow

if TYPE_CHECKING:
    from .respondent import Respondent
    from .segment import Segment


class Response(Base):
    """A text with its language; offsets into `text` are code points."""

    __tablename__ = "response"
    __table_args__ = (Index("ix_response_respondent_question", "respondent_id", "question"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    respondent_id: Mapped[int] = mapped_column(ForeignKey("respondent.id", ondelete="CASCADE"))
    question: Mapped[str | None] = mapped_column(Text)
    question_id: Mapped[str | None] = mapped_column(String(200))  # the survey tool's id
    text: Mapped[str] = mapped_column(Text)
    language: Mapped[str] = mapped_column(String(20), default="und")
    source: Mapped[str | None] = mapped_column(Text)  # file the response came from
    channel: Mapped[str | None] = mapped_column(String(100))  # survey, email, forum post, ...
    received: Mapped[datetime | None]  # when the answer was submitted
    created: Mapped[datetime] = mapped_column(default=utcnow)

    respondent: Mapped[Respondent] = relationship(back_populates="responses")
    translations: Mapped[list[Translation]] = relationship(
        back_populates="response", cascade="all, delete-orphan", passive_deletes=True
    )
    segments: Mapped[list[Segment]] = relationship(
        back_populates="response", cascade="all, delete-orphan", passive_deletes=True
    )


class Translation(Base):
    __tablename__ = "translation"
    __table_args__ = (UniqueConstraint("response_id", "language", name="response_language"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    response_id: Mapped[int] = mapped_column(ForeignKey("response.id", ondelete="CASCADE"))
    language: Mapped[str] = mapped_column(String(20))
    text: Mapped[str] = mapped_column(Text)
    translator: Mapped[str | None] = mapped_column(Text)

    response: Mapped[Response] = relationship(back_populates="translations")
