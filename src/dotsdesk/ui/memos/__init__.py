"""The memo list: every memo of the project, searchable, each leading to what it is on."""

from .panel import MemoList

__all__ = ["MemoList"]
