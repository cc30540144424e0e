"""Turns of an interview transcript, and what the transcript said about itself.

A transcript is a Response whose text is the whole conversation; its turns say who spoke
each stretch of that text. Only the respondent's own turns are their words: the interviewer's
turns (and another interviewee's, and a transcriber's notes) are context, never quoted under
the respondent's label nor counted as theirs.
"""

from __future__ import annotations

import enum

from sqlalchemy import CheckConstraint, Enum, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base


class TurnRole(enum.StrEnum):
    RESPONDENT = "respondent"  # an interviewee speaking: `Turn.respondent_id` says which
    INTERVIEWER = "interviewer"
    NOTE = "note"  # a transcriber's note, such as "=== Connection got interrupted ==="


class Turn(Base):
    """`[start, end)` in code points of the response text, said by one speaker."""

    __tablename__ = "turn"
    __table_args__ = (
        CheckConstraint('start >= 0 AND "end" >= start', name="span_valid"),
        UniqueConstraint("response_id", "position", name="response_position"),
        Index("ix_turn_response_start", "response_id", "start"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    response_id: Mapped[int] = mapped_column(ForeignKey("response.id", ondelete="CASCADE"))
    position: Mapped[int]  # 0, 1, 2, ... in the order of the conversation
    start: Mapped[int]
    end: Mapped[int]
    role: Mapped[TurnRole] = mapped_column(
        Enum(
            TurnRole,
            native_enum=False,
            length=20,
            values_callable=lambda e: [m.value for m in e],
        )
    )
    # Which interviewee said it (RESPONDENT turns); another interviewee of the same file is
    # another respondent, so a turn can belong to someone other than its response's owner.
    respondent_id: Mapped[int | None] = mapped_column(
        ForeignKey("respondent.id", ondelete="SET NULL"), index=True
    )
    # The speaker as the file wrote it ("Jane Doe", "I2", "受访者"). Often a person's name, so
    # private like Identity: shown nowhere but the import's own report.
    speaker: Mapped[str | None] = mapped_column(Text)
    time_ms: Mapped[int | None]  # when the turn starts in the recording, if the file says


class TranscriptInfo(Base):
    """What a transcript file said besides the conversation, kept private: its layout,
    which speaker was taken for the interviewer, its title, and blocks such as Otter's
    SUMMARY KEYWORDS / SPEAKERS or a hand-written header (these often hold names)."""

    __tablename__ = "transcript"

    response_id: Mapped[int] = mapped_column(
        ForeignKey("response.id", ondelete="CASCADE"), primary_key=True
    )
    layout: Mapped[str] = mapped_column(String(40))
    interviewer: Mapped[str | None] = mapped_column(Text)  # speakers, one a line
    title: Mapped[str | None] = mapped_column(Text)
    document_info: Mapped[str | None] = mapped_column(Text)
