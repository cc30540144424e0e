"""`Project` on a server: opened by address instead of path, without a file lock."""

from __future__ import annotations

from sqlalchemy.exc import DBAPIError, OperationalError

from ..errors import ProjectError
from . import migrate
from . import undo as undo_log
from .project import Project
from .server import ServerAddress, check_schema, describe_failure, make_server_engine


class _Writable:
    """Stands where a file project keeps its writer lock: a server has none to release."""

    def release(self) -> None:
        pass


class ServerProject(Project):
    @classmethod
    def open_server(
        cls,
        location: str,
        *,
        readonly: bool = False,
        undo: bool = False,
        coder: str | None = None,
    ) -> ServerProject:
        address = ServerAddress(location)
        engine = make_server_engine(address, coder=coder)
        try:
            check_schema(address, engine)
            if undo:
                with engine.begin() as conn:
                    undo_log.clear(conn)
        except BaseException:
            engine.dispose()
            raise
        return cls(address, engine, None if readonly else _Writable())  # type: ignore[arg-type]

    @classmethod
    def create_server(cls, location: str, *, undo: bool = False) -> ServerProject:
        """Build the schema in an empty database (`team init`); an existing project there
        is upgraded to this version's schema instead."""
        address = ServerAddress(location)
        engine = make_server_engine(address)
        try:
            if migrate.current_revision(engine) not in (None, migrate.head_revision()):
                revision = migrate.current_revision(engine)
                if revision not in migrate.known_revisions():
                    raise ProjectError(
                        address, "was written by a newer dotsdesk; update dotsdesk first"
                    )
            migrate.upgrade(engine)
        except (OperationalError, DBAPIError) as exc:
            engine.dispose()
            raise describe_failure(address, exc) from None
        engine.dispose()
        return cls.open_server(address, undo=undo)

    def close(self) -> None:
        self.engine.dispose()
        self._lock = None
