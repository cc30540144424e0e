"""Post populations and figure baselines: a post's figures stay put and their changes show.

`post_population` names the respondents a post's statistics and profile bullets are computed
over and `post_population_member` lists them, fixed when the post is made, so respondents
imported later do not change a post's figures. Posts made before this revision get no row:
their figures keep counting all respondents, and the composer suggests choosing a population.
`figure_baseline` keeps each figure as it was last drafted, exported or accepted, with the
size of what it was counted over, so a changed figure is reported instead of passing silently.
All three are ordinary tables, so the undo log's triggers (store/undo.py) cover them.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-08
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "post_population",
        sa.Column("post_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("created", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["post_id"],
            ["post.id"],
            name=op.f("fk_post_population_post_id_post"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("post_id", name=op.f("pk_post_population")),
    )
    op.create_table(
        "post_population_member",
        sa.Column("post_id", sa.Integer(), nullable=False),
        sa.Column("respondent_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["post_id"],
            ["post_population.post_id"],
            name=op.f("fk_post_population_member_post_id_post_population"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["respondent_id"],
            ["respondent.id"],
            name=op.f("fk_post_population_member_respondent_id_respondent"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("post_id", "respondent_id", name=op.f("pk_post_population_member")),
    )
    with op.batch_alter_table("post_population_member", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_post_population_member_respondent_id"), ["respondent_id"], unique=False
        )
    op.create_table(
        "figure_baseline",
        sa.Column("block_id", sa.Integer(), nullable=False),
        sa.Column("figure", sa.JSON(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "drafted", "exported", "accepted", name="baselinekind", native_enum=False, length=20
            ),
            nullable=False,
        ),
        sa.Column("recorded", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["block_id"],
            ["block.id"],
            name=op.f("fk_figure_baseline_block_id_block"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("block_id", name=op.f("pk_figure_baseline")),
    )


def downgrade() -> None:
    op.drop_table("figure_baseline")
    with op.batch_alter_table("post_population_member", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_post_population_member_respondent_id"))
    op.drop_table("post_population_member")
    op.drop_table("post_population")
