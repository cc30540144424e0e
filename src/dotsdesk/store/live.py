"""Colleagues' changes as they commit: LISTEN on a team project's channel.

Every statement that changes a table on the server sends `table session` on the channel
(store/pg_schema.py). A listener thread collects what other sessions changed for a short
moment and hands the set of tables to a callback, so a window refreshes only the views those
tables feed, within a second, and never for its own changes.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from .pg_names import CHANNEL
from .server import ServerAddress, stored_password

if TYPE_CHECKING:
    import psycopg

GATHER_SECONDS = 0.2


class ChangeListener:
    def __init__(
        self,
        address: ServerAddress,
        own_session: str,
        on_change: Callable[[frozenset[str]], None],
    ) -> None:
        self._address = address
        self._own = own_session
        self._on_change = on_change
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="dotsdesk-live", daemon=True)
        self.error: str | None = None

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=5)

    def _connect(self) -> psycopg.Connection[Any]:
        import psycopg

        parts = urlsplit(self._address)
        return psycopg.connect(
            host=parts.hostname,
            port=parts.port or 5432,
            user=parts.username,
            dbname=parts.path.strip("/"),
            password=stored_password(self._address),
            autocommit=True,
            application_name="dotsdesk-listener",  # not a coder: kept out of "also working"
        )

    def _run(self) -> None:
        try:
            conn = self._connect()
        except Exception as exc:  # the window goes on without live updates, and says so
            self.error = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            return
        with contextlib.closing(conn):
            conn.execute(f"LISTEN {CHANNEL}")
            while not self._stop.is_set():
                first = list(conn.notifies(timeout=0.5, stop_after=1))
                if not first:
                    continue
                # A burst (a colleague's import) arrives as one refresh.
                burst = first + list(conn.notifies(timeout=GATHER_SECONDS))
                changed = {
                    table
                    for table, _, session in (n.payload.partition(" ") for n in burst)
                    if session != self._own
                }
                if changed:
                    self._on_change(frozenset(changed))
