"""Coded spans of a response, the codes on them, and who made them."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import CheckConstraint, Column, ForeignKey, Index, String, Table, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Base, utcnow

if TYPE_CHECKING:
    from .codebook import Code
    from .response import Response

segment_code = Table(
    "segment_code",
    Base.metadata,
    Column("segment_id", ForeignKey("segment.id", ondelete="CASCADE"), primary_key=True),
    Column("code_id", ForeignKey("code.id", ondelete="CASCADE"), primary_key=True, index=True),
)


class Coder(Base):
    __tablename__ = "coder"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)


class Segment(Base):
    """`[start, end)` in code points of the response text; the text itself is not copied."""

    __tablename__ = "segment"
    __table_args__ = (
        CheckConstraint('start >= 0 AND "end" > start', name="span_valid"),
        Index("ix_segment_response_start", "response_id", "start"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    response_id: Mapped[int] = mapped_column(ForeignKey("response.id", ondelete="CASCADE"))
    start: Mapped[int]
    end: Mapped[int]
    coder_id: Mapped[int | None] = mapped_column(ForeignKey("coder.id", ondelete="SET NULL"))
    memo: Mapped[str | None] = mapped_column(Text)
    created: Mapped[datetime] = mapped_column(default=utcnow)

    response: Mapped[Response] = relationship(back_populates="segments")
    coder: Mapped[Coder | None] = relationship()
    codes: Mapped[list[Code]] = relationship(secondary=segment_code, back_populates="segments")
