"""A project is one database file: create, open (checked, migrating after a backup), lock,
sessions, rolling backups, and a close that leaves the file whole (store/wal.py)."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import TypeVar

from sqlalchemy import Engine, insert, select
from sqlalchemy.exc import DatabaseError
from sqlalchemy.orm import Session, sessionmaker

from ..errors import ProjectError
from ..model import Setting
from . import migrate
from . import undo as undo_log
from .backup import make_backup
from .backups import RollingBackups
from .database import is_database_file, make_engine, use_wal
from .faults import DAMAGED, fault, problem, translated
from .lock import ProjectLock, writer_spelling
from .restore import damaged, first_fault
from .server import is_server_address
from .snapshot import copy_project
from .wal import close_engine, fold_if_long

T = TypeVar("T")
SUFFIX = ".dots"
APPLICATION = "dotsdesk"


class Project:
    """An open project. Use `write()` for one user action (one transaction), `read()` to look."""

    def __init__(self, path: Path, engine: Engine, lock: ProjectLock | None) -> None:
        self.path = path
        self.engine = engine
        self._lock = lock
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        self.backup: Path | None = None  # set when opening migrated an older project
        self.backups: RollingBackups | None = None  # while open for writing (a file)
        self.notice: str | None = None  # set by close when the newest work stayed in the WAL
        self._location = path  # the spelling the engine uses (a writer's, for a reader)

    # -- life cycle -------------------------------------------------------------------
    @classmethod
    def create(cls, path: Path | str, *, undo: bool = False) -> Project:
        if is_server_address(path):
            from .server_project import ServerProject

            return ServerProject.create_server(str(path), undo=undo)
        path = Path(path)
        if path.suffix != SUFFIX:
            path = path.with_name(path.name + SUFFIX)
        if path.exists():
            raise ProjectError(path, "already exists; choose another name or open it")
        if not path.parent.is_dir():
            raise ProjectError(path, f"the folder {path.parent} does not exist")
        lock = ProjectLock(path)
        lock.acquire(path)  # the file does not exist yet: bound to it below
        # The schema is built on a plain engine: undo triggers need the tables to exist,
        # and creating the project is not an action to undo.
        plain = make_engine(path)
        try:
            use_wal(plain)
            migrate.upgrade(plain)
            with plain.begin() as conn:
                created = datetime.now().isoformat(timespec="seconds")
                conn.execute(
                    insert(Setting),
                    [
                        {"key": "application", "value": APPLICATION},
                        {"key": "created", "value": created},
                    ],
                )
            lock.bind_file(path)
        except (DatabaseError, OSError) as exc:
            plain.dispose()
            lock.release()
            for made in (path, path.with_name(path.name + "-wal")):
                made.unlink(missing_ok=True)
            raise fault(exc, path, "no project was made") or ProjectError(
                path, f"cannot create the project: {type(exc).__name__}"
            ) from None
        close_engine(plain, path, writer=True)
        project = cls(path, make_engine(path, undo=undo), lock)
        project.backups = RollingBackups(path, first_in=True)
        return project

    @classmethod
    def open(cls, path: Path | str, *, readonly: bool = False, undo: bool = False) -> Project:
        """Open an existing project; an older one is copied to a backup, then migrated.

        `readonly` skips the writer lock, so a command can read a project that is open in
        the app; it still migrates (taking the lock briefly) if the schema is old. `undo`
        records every change so that `record` and `replay` can undo it (the app's way).
        """
        if undo and readonly:
            raise ValueError("a read-only project has nothing to undo")
        if is_server_address(path):  # a team's project on a PostgreSQL server
            from .server_project import ServerProject

            return ServerProject.open_server(str(path), readonly=readonly, undo=undo)
        path = Path(path)
        if not path.is_file():
            raise ProjectError(path, "no such project file")
        if not is_database_file(path):
            raise ProjectError(path, "is not a dotsdesk project (not a database file)")
        # A reader through another name of a file open for writing reads by the writer's
        # name: SQLite finds the WAL by name.
        location = (writer_spelling(path) if readonly else None) or path
        lock = ProjectLock(path)
        if not readonly:
            lock.acquire(path)
        try:
            with translated(path):
                project = cls._open_checked(path, location, lock, readonly=readonly, undo=undo)
        except BaseException:
            lock.release()
            raise
        if not readonly:
            project.backups = RollingBackups(path)
            project.backups.on_open()
        return project

    @classmethod
    def _open_checked(
        cls, path: Path, location: Path, lock: ProjectLock, *, readonly: bool, undo: bool
    ) -> Project:
        # Checks and migrations run on a plain engine: schema changes are not a user's
        # action to undo.
        plain = make_engine(location)
        try:
            finding = cls._check(plain)
            if finding is not None:
                raise damaged(path, finding)
            backup = cls._bring_up_to_date(path, plain, lock, readonly)
            use_wal(plain)
        except BaseException:
            plain.dispose()
            raise
        # A writer (or a reader that just migrated, under the lock) folds in what is in
        # the WAL, not waiting for readers; if there is no room, a writer's close says so.
        folds = not readonly or backup is not None
        close_engine(plain, location, writer=folds, mode="PASSIVE", quiet=True)
        engine = make_engine(location, undo=undo)
        try:
            if undo:
                with engine.begin() as conn:
                    undo_log.clear(conn)
        except BaseException:
            engine.dispose()
            raise
        project = cls(path, engine, None if readonly else lock)
        project._location = location
        project.backup = backup
        return project

    @staticmethod
    def _check(engine: Engine) -> str | None:
        """SQLite's quick check: None, or what it found (a file too damaged to connect to
        fails here too)."""
        try:
            raw = engine.raw_connection()
            try:
                return first_fault(raw.driver_connection)
            finally:
                raw.close()
        except (DatabaseError, sqlite3.DatabaseError) as exc:  # raised while connecting
            if problem(exc) != DAMAGED:
                raise
            return str(getattr(exc, "orig", None) or exc)

    @staticmethod
    def _bring_up_to_date(
        path: Path, engine: Engine, lock: ProjectLock, readonly: bool
    ) -> Path | None:
        try:
            revision = migrate.current_revision(engine)
            if revision is None:
                raise ProjectError(path, "is not a dotsdesk project (no dotsdesk schema inside)")
            if revision == migrate.head_revision():
                return None
            if revision not in migrate.known_revisions():
                raise ProjectError(
                    path, "was written by a newer dotsdesk; update dotsdesk to open it"
                )
            if readonly:
                lock.acquire(path)
            backup = make_backup(path, revision)
            RollingBackups(path).take_now("upgrade")  # in the data folder too
            migrate.upgrade(engine)
            if readonly:
                lock.release()
            return backup
        except DatabaseError as exc:
            raise ProjectError(path, f"is damaged or not a dotsdesk project ({exc.orig})") from None

    def close(self) -> None:
        """Never raises for what failed after the work was committed: the work is saved,
        and `notice` (also logged) says where when the file alone does not hold it yet."""
        if self.backups is not None:
            self.backups.finish()  # their snapshots would keep the WAL from folding
            self.backups = None
        # Only a writer folds the WAL into the file: a TRUNCATE checkpoint takes the write
        # lock and waits for every reader, so a read-only command closing beside a writer
        # and a slow reader made that writer fail with "database is locked". Another
        # reader may hold the WAL; then it is folded in at the next writer's close.
        self.notice = close_engine(self.engine, self._location, writer=self._lock is not None)
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def __enter__(self) -> Project:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    # -- sessions ---------------------------------------------------------------------
    @contextmanager
    def write(self) -> Iterator[Session]:
        """One user action: everything inside commits together or not at all."""
        if self._lock is None:
            raise ProjectError(self.path, "was opened read-only")
        with (
            translated(self.path, "nothing was changed", disk=False),
            self._sessions() as session,
            session.begin(),
        ):
            yield session
        if self.backups is not None:  # a file project (a server has no WAL to fold)
            fold_if_long(self.engine, self._location)
            self.backups.after_write()

    @contextmanager
    def read(self) -> Iterator[Session]:
        """Closing the session ends its transaction; what was loaded stays readable."""
        with translated(self.path, disk=False), self._sessions() as session:
            yield session

    def backup_before(self, reason: str) -> None:
        """A backup of the project as it is now, before a big change ("merge", "refi"):
        the snapshot is taken at once, the copy runs beside the change."""
        if self.backups is not None:
            self.backups.start(reason)

    def save_copy(self, target: Path, **kw: object) -> Path:
        """A whole, self-contained copy of the project as committed now, at `target`."""
        if not isinstance(self._location, Path):
            raise ProjectError(self.path, "is on a server: export it instead of copying it")
        with translated(target, "no copy was written"):
            return copy_project(self._location, target, **kw)

    def record(self, action: Callable[[Session], T]) -> tuple[T, undo_log.Step]:
        """Run one user action in one transaction; returns its result and its undo step."""
        with self.write() as s:
            first = undo_log.last_seq(s)
            result = action(s)
            s.flush()
            step = undo_log.step_since(s, first)
        return result, step

    def replay(self, step: undo_log.Step) -> undo_log.Step:
        """Undo (or redo) a step; returns the step that reverses this replay."""
        with self.write() as s:
            return undo_log.replay(s, step)

    def setting(self, key: str) -> str | None:
        with self.read() as s:
            return s.scalar(select(Setting.value).where(Setting.key == key))
