"""The PostgreSQL fixtures for the server tests (tests/server.py)."""

from tests.server import _shared_database, fresh_server_database, pg_server  # noqa: F401
