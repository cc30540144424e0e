"""Sets in the window: the Sets list (rename, delete, filter the browser by a set) and the
entries that make sets from the browser's selection or filter."""

from .panel import SetsPanel

__all__ = ["SetsPanel"]
