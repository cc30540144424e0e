"""Sets: named groups of respondents or responses, a population for every view.

`named_set` names a set (unique), says whether it holds respondents or responses and where
it came from (a selection, a filter, an import); `set_respondent` and `set_response` list
its members, which go with their respondent or response (ON DELETE CASCADE). Ordinary
tables: the undo log's triggers cover them on a file (store/undo.py) and on a server
(pg_schema.finish), with nothing more to do here.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def _enum(name: str, *values: str) -> sa.Enum:
    return sa.Enum(*values, name=name, native_enum=False, length=20)


def upgrade() -> None:
    op.create_table(
        "named_set",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("kind", _enum("setkind", "respondents", "responses"), nullable=False),
        sa.Column("origin", _enum("setorigin", "selection", "filter", "import"), nullable=False),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("created", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_named_set")),
        sa.UniqueConstraint("name", name=op.f("uq_named_set_name")),
    )
    for table, column, target in (
        ("set_respondent", "respondent_id", "respondent"),
        ("set_response", "response_id", "response"),
    ):
        op.create_table(
            table,
            sa.Column("set_id", sa.Integer(), nullable=False),
            sa.Column(column, sa.Integer(), nullable=False),
            sa.ForeignKeyConstraint(
                ["set_id"],
                ["named_set.id"],
                name=op.f(f"fk_{table}_set_id_named_set"),
                ondelete="CASCADE",
            ),
            sa.ForeignKeyConstraint(
                [column],
                [f"{target}.id"],
                name=op.f(f"fk_{table}_{column}_{target}"),
                ondelete="CASCADE",
            ),
            sa.PrimaryKeyConstraint("set_id", column, name=op.f(f"pk_{table}")),
        )
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.create_index(batch_op.f(f"ix_{table}_{column}"), [column], unique=False)


def downgrade() -> None:
    for table, column in (("set_response", "response_id"), ("set_respondent", "respondent_id")):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_index(batch_op.f(f"ix_{table}_{column}"))
        op.drop_table(table)
    op.drop_table("named_set")
