"""Opening, creating, migrating and locking project files; the search index."""

from .project import SUFFIX, Project

__all__ = ["SUFFIX", "Project"]
