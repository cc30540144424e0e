"""A project on a PostgreSQL server: the same `Project` to every layer above the store.

A team shares one database; each coder opens it with their own server role. There is no
file and no writer lock: the server serialises writes row by row, every connection tags
its changes with a session id (undo per coder, store/undo_pg.py) and names itself after its
coder (`application_name`), which is how colleagues see who is working. The password is
never in the address a user types: it comes from the system keyring.
"""

from __future__ import annotations

import contextlib
import uuid
from typing import Any
from urllib.parse import unquote, urlsplit, urlunsplit

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.exc import DBAPIError, OperationalError

from ..errors import ProjectError
from . import migrate
from .pg_names import SESSION

SCHEMES = ("postgresql://", "postgres://", "postgresql+psycopg://")
APPLICATION_PREFIX = "dotsdesk"
KEYRING_SERVICE = "dotsdesk"


class ServerAddress(str):
    """`postgresql://user@host:port/db`, as shown: never with a password in it."""

    def __new__(cls, url: str) -> ServerAddress:
        parts = urlsplit(url.replace("postgresql+psycopg://", "postgresql://", 1))
        if parts.scheme not in ("postgresql", "postgres") or not parts.path.strip("/"):
            raise ProjectError(None, f"{url!r} is not a server project address")
        netloc = parts.hostname or ""
        if parts.port:
            netloc = f"{netloc}:{parts.port}"
        if parts.username:
            netloc = f"{unquote(parts.username)}@{netloc}"
        shown = urlunsplit(("postgresql", netloc, parts.path, parts.query, ""))
        address = super().__new__(cls, shown)
        address._password = unquote(parts.password) if parts.password else None
        return address

    _password: str | None

    # What a file path offers the places that name a project (titles, report headers).
    @property
    def name(self) -> str:
        return urlsplit(self).path.strip("/")

    @property
    def stem(self) -> str:
        return self.name

    suffix = ""

    def resolve(self) -> ServerAddress:
        return self

    def exists(self) -> bool:  # a file that vanished is forgotten; a server is asked again
        return True

    @property
    def user(self) -> str | None:
        return urlsplit(self).username

    def keyring_key(self) -> str:
        return str(self)


def is_server_address(location: object) -> bool:
    return isinstance(location, ServerAddress) or (
        isinstance(location, str) and location.startswith(SCHEMES)
    )


def stored_password(address: ServerAddress) -> str | None:
    """The password typed in the address, else the one kept in the system keyring."""
    if address._password:
        return address._password
    try:
        import keyring

        return keyring.get_password(KEYRING_SERVICE, address.keyring_key())
    except Exception:  # no keyring backend on this machine: connect without a password
        return None


def keep_password(address: ServerAddress, password: str) -> None:
    import keyring

    keyring.set_password(KEYRING_SERVICE, address.keyring_key(), password)


def make_server_engine(address: ServerAddress, *, coder: str | None = None) -> Engine:
    """One engine per opening: its connections share one session id (one undo history)."""
    session_id = uuid.uuid4().hex
    parts = urlsplit(address)
    password = stored_password(address)
    connect_args: dict[str, Any] = {
        "application_name": f"{APPLICATION_PREFIX} {coder or parts.username or ''}".strip()[:63],
        "options": f"-c {SESSION}={session_id}",
        "connect_timeout": 10,
    }
    if password:
        connect_args["password"] = password
    url = urlunsplit(("postgresql+psycopg", parts.netloc, parts.path, parts.query, ""))
    engine = create_engine(url, connect_args=connect_args, pool_pre_ping=True)
    engine.info = {"session": session_id}  # type: ignore[attr-defined]

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        with dbapi_conn.cursor() as cur:
            # Segments count code points, as SQLite's length() does; the server must hold
            # the same text the app wrote, whatever the client's locale.
            cur.execute("SET client_encoding = 'UTF8'")
        dbapi_conn.commit()

    return engine


def describe_failure(address: ServerAddress, exc: Exception) -> ProjectError:
    """One line for what went wrong reaching the server, never the SQL or its data."""
    orig = getattr(exc, "orig", exc)
    message = str(orig).strip().splitlines()[0] if str(orig).strip() else type(orig).__name__
    lowered = message.lower()
    if "password authentication failed" in lowered or "no password supplied" in lowered:
        return ProjectError(
            address, "the server refused the password; open it from File > Open Team Project"
        )
    if "does not exist" in lowered and "database" in lowered:
        return ProjectError(address, "no such database on the server; create it with `team init`")
    if "connection refused" in lowered or "could not connect" in lowered or "timeout" in lowered:
        return ProjectError(address, f"cannot reach the server ({message})")
    return ProjectError(address, f"the server says: {message}")  # "permission denied", ...


def check_schema(address: ServerAddress, engine: Engine) -> None:
    """A server project must exist and be current; upgrading is the owner's `team init`."""
    try:
        revision = migrate.current_revision(engine)
    except (OperationalError, DBAPIError) as exc:
        raise describe_failure(address, exc) from None
    if revision is None:
        raise ProjectError(
            address, "holds no dotsdesk project; create one with `dotsdesk team init`"
        )
    if revision != migrate.head_revision() and revision not in migrate.known_revisions():
        raise ProjectError(address, "was written by a newer dotsdesk; update dotsdesk to open it")
    if revision != migrate.head_revision():
        raise ProjectError(
            address,
            "holds an older project schema; its owner upgrades it with `dotsdesk team init`",
        )


def colleagues(engine: Engine) -> list[str]:
    """The other coders connected to this database now (by the name each connects with)."""
    with contextlib.suppress(DBAPIError), engine.connect() as conn:
        rows = conn.execute(
            text(
                "SELECT DISTINCT substr(application_name, :n) FROM pg_stat_activity "
                "WHERE datname = current_database() AND application_name LIKE :prefix "
                "AND application_name <> current_setting('application_name')"
            ),
            {"n": len(APPLICATION_PREFIX) + 2, "prefix": APPLICATION_PREFIX + " %"},
        ).scalars()
        return sorted(r for r in rows if r)
    return []


def recreate_database(server: str, name: str) -> str:
    """An empty database `name` beside the one `server` names (dropped first if there):
    for benchmarks and stress runs; returns its address."""
    parts = urlsplit(server.replace("postgresql+psycopg://", "postgresql://", 1))
    admin = create_engine(
        urlunsplit(("postgresql+psycopg", parts.netloc, parts.path, "", "")),
        isolation_level="AUTOCOMMIT",
    )
    try:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            conn.execute(text(f'CREATE DATABASE "{name}"'))
    finally:
        admin.dispose()
    return urlunsplit(("postgresql", parts.netloc, "/" + name, "", ""))
