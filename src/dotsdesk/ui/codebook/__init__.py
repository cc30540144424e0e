"""The codebook panel: the tree of codes, its edits, and the segments of a code."""

from .panel import CodebookPanel

__all__ = ["CodebookPanel"]
