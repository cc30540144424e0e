"""The editors of a post's sections and blocks: a module per kind, `BlockEditor` shows them."""

from .stack import BlockEditor

__all__ = ["BlockEditor"]
