"""Errors a user can act on: each names the file and the problem in one line."""

from __future__ import annotations

import errno
from pathlib import Path


class DotsError(Exception):
    """Base of every error shown to the user as one line."""

    def __init__(self, path: Path | str | None, problem: str) -> None:
        super().__init__(problem)
        # A server project's address is not a path (Path would fold its "//").
        self.path: Path | str | None = (
            path if path is None or isinstance(path, Path) or "://" in path else Path(path)
        )
        self.problem = problem

    def __str__(self) -> str:
        return f"{self.path}: {self.problem}" if self.path is not None else self.problem


class InputError(DotsError):
    """An input file cannot be read as what it claims to be; nothing was changed."""


class ProjectError(DotsError):
    """A project file cannot be opened, created or written."""


class ProjectLocked(ProjectError):
    """The project is already open for writing elsewhere."""


class NotFound(DotsError):
    """A respondent, code, response or segment named by the user does not exist."""


class StaleEdit(DotsError):
    """An edit made on a view a colleague has changed since (a team project): refused, so
    nobody's work is overwritten unseen; `tables` are the views to refresh."""

    def __init__(self, problem: str, tables: frozenset[str]) -> None:
        super().__init__(None, problem)
        self.tables = tables


class InvalidOperation(DotsError):
    """A request that would break an invariant (offsets outside the text, a code cycle, ...)."""


def os_problem(exc: OSError) -> str:
    """The OS's complaint in plain words; a full disk is named as such."""
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return "the disk is full"
    if isinstance(exc, FileNotFoundError):
        return "file not found"
    if isinstance(exc, IsADirectoryError):
        return "this is a folder, not a file"
    if isinstance(exc, PermissionError):
        return "permission denied"
    if exc.errno == errno.EROFS:
        return "the disk is read-only"
    return exc.strerror or type(exc).__name__
