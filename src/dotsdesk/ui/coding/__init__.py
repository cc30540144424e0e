"""The coding panel: read a response, select text, code it."""

from .panel import CodingPanel

__all__ = ["CodingPanel"]
