"""How the coding panel reads to this user: the preferences (font, snapping, translations),
its toolbar's icons, and the browser's search carried into the text.

Kept apart from panel.py, which is about showing and coding a response.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSizePolicy

from ..icons import icon

if TYPE_CHECKING:
    from ..preferences_dialog import Preferences
    from .panel import CodingPanel


def decorate(panel: CodingPanel) -> None:
    """Icons beside the toolbar's words: each action is told apart at a glance."""
    panel.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    # Nine pinned keys with their paths are one long line: clipped at the panel's edge, not
    # widening the window (wrapped, Qt would ask a very tall window of it when narrow).
    panel.keys_label.setMinimumWidth(1)
    panel.keys_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
    for action, name in (
        (panel.palette_action, "code"),
        (panel.find_action, "find"),
        (panel.translation_action, "translation"),
        (panel.snap_action, "snap"),
        (panel.response_memo_action, "memo"),
    ):
        action.setIcon(icon(name))


def apply_preferences(panel: CodingPanel, prefs: Preferences) -> None:
    panel.view.setFont(prefs.text_font(panel.font()))
    panel.translation.setFont(prefs.text_font(panel.font()))
    panel.snap_action.setChecked(prefs.snap_words)
    panel.view.snap_words = prefs.snap_words
    panel.auto_translation = prefs.auto_translation
    if panel.shown is not None:
        follow_translations(panel)


def follow_translations(panel: CodingPanel) -> None:
    """The translation beside the text only where there is one: shown by itself when the
    user wants that, never an empty half of the panel."""
    shown = panel.shown
    has = shown is not None and bool(shown.translations)
    panel.translation_action.setEnabled(has)
    on = has and (panel.auto_translation or panel.translation_action.isChecked())
    panel.translation_action.setChecked(on)
    if on != panel.translation.isVisible():
        panel.toggle_translation(on)


def search_terms(search: str) -> str:
    """What of the browser's search to look for in the text: its words without quotes."""
    return " ".join(search.replace('"', " ").split())


def show_search(panel: CodingPanel) -> None:
    """The browser's search hit, boxed in the text and the first one in view (the find bar
    opens with it; Esc closes it as usual)."""
    terms = search_terms(panel.search_text)
    bar = panel.find_bar
    if not terms:
        if bar.any_word and not bar.isHidden():  # the search it showed was cleared
            bar.hide()
            panel.view.set_find_highlights([])
        bar.any_word = False
        return
    if panel.shown is None:
        return
    bar.any_word = True
    bar.show()
    if bar.edit.text() != terms:
        bar.edit.setText(terms)  # searches
    else:
        bar.search()
