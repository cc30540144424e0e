"""Posts in a series, made of ordered sections of ordered blocks."""

from __future__ import annotations

import enum
from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Enum, ForeignKey, Index, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Base, utcnow


class BlockKind(enum.StrEnum):
    PARAGRAPH = "paragraph"
    QUOTE = "quote"
    STATISTIC = "statistic"
    PROFILE = "profile"
    LINKS = "links"


class Post(Base):
    __tablename__ = "post"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(Text)
    series: Mapped[str | None] = mapped_column(Text)
    number: Mapped[int | None]
    toc_url: Mapped[str | None] = mapped_column(Text)
    created: Mapped[datetime] = mapped_column(default=utcnow)

    sections: Mapped[list[Section]] = relationship(
        back_populates="post",
        order_by="Section.position",
        cascade="all, delete-orphan",
        passive_deletes=True,
    )


class Section(Base):
    __tablename__ = "section"
    __table_args__ = (Index("ix_section_post_position", "post_id", "position"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    post_id: Mapped[int] = mapped_column(ForeignKey("post.id", ondelete="CASCADE"))
    position: Mapped[int]
    title: Mapped[str] = mapped_column(Text, default="")

    post: Mapped[Post] = relationship(back_populates="sections")
    blocks: Mapped[list[Block]] = relationship(
        back_populates="section",
        order_by="Block.position",
        cascade="all, delete-orphan",
        passive_deletes=True,
    )


class Block(Base):
    """A block's settings live in `data`; a quote refers to its segment, never copies it."""

    __tablename__ = "block"
    __table_args__ = (Index("ix_block_section_position", "section_id", "position"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    section_id: Mapped[int] = mapped_column(ForeignKey("section.id", ondelete="CASCADE"))
    position: Mapped[int]
    kind: Mapped[BlockKind] = mapped_column(
        Enum(
            BlockKind, native_enum=False, length=20, values_callable=lambda e: [m.value for m in e]
        )
    )
    # SET NULL: a deleted segment leaves the block in place to say the quote is gone.
    segment_id: Mapped[int | None] = mapped_column(
        ForeignKey("segment.id", ondelete="SET NULL"), index=True
    )
    data: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)

    section: Mapped[Section] = relationship(back_populates="blocks")
