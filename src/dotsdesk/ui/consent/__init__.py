"""The consent tracker: respondents' permission to be quoted, its history, and its events."""

from .panel import ConsentTracker

__all__ = ["ConsentTracker"]
