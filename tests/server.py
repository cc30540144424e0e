"""A real PostgreSQL server for the tests: `tools/test.sh` starts a throwaway cluster and
names it in DOTSDESK_TEST_PG; each test gets a fresh database copied from a migrated template.

Without the variable (a bare `pytest` outside test.sh) the server half of a parametrised
test is skipped, saying how to run it; `.ci/run` always has it.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterator
from urllib.parse import urlsplit, urlunsplit

import pytest
from sqlalchemy import Engine, create_engine, text

ENV = "DOTSDESK_TEST_PG"
# One template per test process: pytest-xdist's workers share the server.
TEMPLATE = f"dotsdesk_template_{os.environ.get('PYTEST_XDIST_WORKER', 'main')}"
_numbers = itertools.count(1)


def server_url() -> str | None:
    return os.environ.get(ENV) or None


def database_url(base: str, name: str) -> str:
    parts = urlsplit(base)
    return urlunsplit((parts.scheme, parts.netloc, "/" + name, parts.query, ""))


def _admin(base: str) -> Engine:
    url = base.replace("postgresql://", "postgresql+psycopg://", 1)
    return create_engine(url, isolation_level="AUTOCOMMIT")


def make_template(base: str) -> None:
    """Migrate one database to the head revision: copying it is much faster than migrating."""
    from dotsdesk.store import Project

    admin = _admin(base)
    with admin.connect() as conn:
        conn.execute(text(f"DROP DATABASE IF EXISTS {TEMPLATE} WITH (FORCE)"))
        conn.execute(text(f"CREATE DATABASE {TEMPLATE}"))
    admin.dispose()
    Project.create(database_url(base, TEMPLATE)).close()


def new_database(base: str, template: str = TEMPLATE) -> str:
    name = f"t{os.getpid()}_{next(_numbers)}"
    admin = _admin(base)
    with admin.connect() as conn:
        conn.execute(text(f"CREATE DATABASE {name} TEMPLATE {template}"))
    admin.dispose()
    return database_url(base, name)


def drop_database(base: str, url: str) -> None:
    name = urlsplit(url).path.strip("/")
    admin = _admin(base)
    with admin.connect() as conn:
        conn.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
    admin.dispose()


def reset_database(url: str, settings: list[tuple[str, str]]) -> None:
    """Empty every table of a migrated project database (much faster than a new database
    per test), numbering restarted, the project's own settings put back."""
    engine = create_engine(url.replace("postgresql://", "postgresql+psycopg://", 1))
    with engine.begin() as conn:
        tables = conn.execute(
            text(
                "SELECT quote_ident(tablename) FROM pg_tables WHERE schemaname = current_schema() "
                "AND tablename <> 'alembic_version'"
            )
        ).scalars()
        conn.execute(text(f"TRUNCATE {', '.join(tables)} RESTART IDENTITY CASCADE"))
        for key, value in settings:
            conn.execute(
                text("INSERT INTO setting(key, value) VALUES (:k, :v)"), {"k": key, "v": value}
            )
    engine.dispose()


@pytest.fixture(scope="session")
def pg_server() -> Iterator[str]:
    base = server_url()
    if base is None:
        pytest.skip(f"no PostgreSQL server: run the tests with tools/test.sh (it sets {ENV})")
    make_template(base)
    yield base


@pytest.fixture(scope="session")
def _shared_database(pg_server: str) -> Iterator[tuple[str, list[tuple[str, str]]]]:
    url = new_database(pg_server)
    engine = create_engine(url.replace("postgresql://", "postgresql+psycopg://", 1))
    with engine.connect() as conn:
        settings = [(k, v) for k, v in conn.execute(text("SELECT key, value FROM setting"))]
    engine.dispose()
    yield url, settings
    drop_database(pg_server, url)


@pytest.fixture
def server_database(_shared_database: tuple[str, list[tuple[str, str]]]) -> str:
    """An empty, migrated project database on the test server (emptied for each test)."""
    url, settings = _shared_database
    reset_database(url, settings)
    return url


@pytest.fixture
def fresh_server_database(pg_server: str) -> Iterator[str]:
    """A database of its own, for tests that connect several times at once or change roles."""
    url = new_database(pg_server)
    yield url
    drop_database(pg_server, url)
