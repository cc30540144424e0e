"""Alembic environment: migrations run on the connection the store hands over."""

from __future__ import annotations

from alembic import context

from dotsdesk.model import Base

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,  # ALTER TABLE support is limited; batch mode copies tables instead
)
with context.begin_transaction():
    context.run_migrations()
