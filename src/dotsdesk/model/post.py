"""Posts in a series, made of ordered sections of ordered blocks; the population a post's
figures are computed over, and the figures as they were last exported or accepted."""

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


class PostPopulation(Base):
    """The respondents a post's figures are computed over, fixed when the post is made, so
    that respondents imported later do not change them. `name` is shown beside each figure
    ("the 30 respondents of the sample survey"). A post made before populations existed has
    no row: its figures count all respondents, and the composer says so."""

    __tablename__ = "post_population"

    post_id: Mapped[int] = mapped_column(
        ForeignKey("post.id", ondelete="CASCADE"), primary_key=True
    )
    name: Mapped[str] = mapped_column(Text)
    created: Mapped[datetime] = mapped_column(default=utcnow)


class PopulationMember(Base):
    """One respondent of a post's population; deleting the respondent shrinks the population,
    which the post then reports as a changed figure."""

    __tablename__ = "post_population_member"

    post_id: Mapped[int] = mapped_column(
        ForeignKey("post_population.post_id", ondelete="CASCADE"), primary_key=True
    )
    respondent_id: Mapped[int] = mapped_column(
        ForeignKey("respondent.id", ondelete="CASCADE"), primary_key=True, index=True
    )


class BaselineKind(enum.StrEnum):
    """How a figure became the one the author knows."""

    DRAFTED = "drafted"
    EXPORTED = "exported"
    ACCEPTED = "accepted"


class FigureBaseline(Base):
    """A statistic's or profile's figures as last drafted, exported or accepted, with the
    size of what they were counted over; the composer compares the live figures with it.
    `figure` holds {"count", "total", "text"} for a statistic, {"bullets", "total"} for a
    profile."""

    __tablename__ = "figure_baseline"

    block_id: Mapped[int] = mapped_column(
        ForeignKey("block.id", ondelete="CASCADE"), primary_key=True
    )
    figure: Mapped[dict[str, Any]] = mapped_column(JSON)
    kind: Mapped[BaselineKind] = mapped_column(
        Enum(
            BaselineKind,
            native_enum=False,
            length=20,
            values_callable=lambda e: [m.value for m in e],
        )
    )
    recorded: Mapped[datetime] = mapped_column(default=utcnow)
