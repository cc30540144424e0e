"""Survey answers keep their tool's question id, and when they came to the second.

`response.question_id` holds the survey tool's id of the question ("Q3", "QID4_TEXT",
"Q2[other]") beside its text. `response.received` becomes a timestamp: survey tools write the
submission time with seconds. On SQLite the declared type of a column does not constrain what
it holds, and rebuilding the response table would drop the full-text and bounds triggers that
hang on it, so there only the stored dates are rewritten to timestamps (midnight); a server
database changes the column's type.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("response", sa.Column("question_id", sa.String(length=200), nullable=True))
    if op.get_bind().dialect.name == "sqlite":
        op.execute(
            "UPDATE response SET received = received || ' 00:00:00.000000' "
            "WHERE length(received) = 10"
        )
    else:
        op.alter_column(
            "response",
            "received",
            type_=sa.DateTime(),
            postgresql_using="received::timestamp",
        )


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("UPDATE response SET received = substr(received, 1, 10)")
    else:
        op.alter_column("response", "received", type_=sa.Date())
    op.drop_column("response", "question_id")
