"""Transcript turns: who said each stretch of an interview, and when.

`turn` holds a transcript response's turns as code-point spans of its text, with the
speaker's role (respondent, interviewer, note), the interviewee who spoke (a file with
several interviewees makes one respondent each) and the start time; `transcript` keeps what
the file said besides the conversation, privately. Like segments, a turn must lie inside its
text, except while an undo replays (see 0003). Both tables are ordinary ones, so the undo
log's triggers (store/undo.py, installed for every table of the model) cover them.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from dotsdesk.store import pg_schema

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

_BOUNDS = ("INSERT", 'UPDATE OF start, "end", response_id')


def upgrade() -> None:
    op.create_table(
        "turn",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("response_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column(
            "role",
            sa.Enum("respondent", "interviewer", "note", name="turnrole", native_enum=False, length=20),
            nullable=False,
        ),
        sa.Column("respondent_id", sa.Integer(), nullable=True),
        sa.Column("speaker", sa.Text(), nullable=True),
        sa.Column("time_ms", sa.Integer(), nullable=True),
        sa.CheckConstraint('start >= 0 AND "end" >= start', name=op.f("ck_turn_span_valid")),
        sa.ForeignKeyConstraint(
            ["respondent_id"], ["respondent.id"], name=op.f("fk_turn_respondent_id_respondent"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(
            ["response_id"], ["response.id"], name=op.f("fk_turn_response_id_response"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_turn")),
        sa.UniqueConstraint("response_id", "position", name="response_position"),
    )
    with op.batch_alter_table("turn", schema=None) as batch_op:
        batch_op.create_index("ix_turn_response_start", ["response_id", "start"], unique=False)
        batch_op.create_index(batch_op.f("ix_turn_respondent_id"), ["respondent_id"], unique=False)

    op.create_table(
        "transcript",
        sa.Column("response_id", sa.Integer(), nullable=False),
        sa.Column("layout", sa.String(length=40), nullable=False),
        sa.Column("interviewer", sa.Text(), nullable=True),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("document_info", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["response_id"], ["response.id"], name=op.f("fk_transcript_response_id_response"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("response_id", name=op.f("pk_transcript")),
    )
    if pg_schema.is_server():
        pg_schema.bounds_trigger("turn", "turn ends beyond its response text")
        return
    for when in _BOUNDS:
        name = "turn_bounds_" + when.split()[0].lower()
        op.execute(
            f"CREATE TRIGGER {name} BEFORE {when} ON turn "
            'WHEN new."end" > (SELECT length(text) FROM response WHERE id = new.response_id) '
            "AND NOT EXISTS (SELECT 1 FROM undo_replay) "
            "BEGIN SELECT RAISE(ABORT, 'turn ends beyond its response text'); END"
        )


def downgrade() -> None:
    for when in [] if pg_schema.is_server() else _BOUNDS:  # a server drops them with the table
        op.execute(f"DROP TRIGGER IF EXISTS turn_bounds_{when.split()[0].lower()}")
    op.drop_table("transcript")
    with op.batch_alter_table("turn", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_turn_respondent_id"))
        batch_op.drop_index("ix_turn_response_start")
    op.drop_table("turn")
