"""Names the server's schema (store/pg_schema.py) and the code that talks to it share,
apart from the migrations so that using them does not import Alembic."""

REPLAYING = "dotsdesk.replaying"  # a transaction-local setting: an undo is replaying
SESSION = "dotsdesk.session"  # the connection's session id, the undo log's owner
CHANNEL = "dotsdesk"  # what the notify triggers send on
