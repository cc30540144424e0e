"""The draft composer: a post's outline, an editor for the selected block, a live preview."""

from .dialogs import NewPostDialog
from .panel import DraftComposer

__all__ = ["DraftComposer", "NewPostDialog"]
