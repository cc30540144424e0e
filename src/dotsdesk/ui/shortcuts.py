"""The main window's keys, declared once, in one table.

A key is either a standard key (the platform's own binding: Close is Ctrl+W on Linux and
Ctrl+F4, Ctrl+W on Windows) or a portable text ("Ctrl+Shift+Z"; Ctrl is ⌘ on macOS, the same on
every platform). Qt keeps only the sequences a standard key gives on the platform the app runs
on, so `bind` also records what was declared: tests/gui/test_shortcuts.py expands it for
X11, Windows and macOS and fails on a sequence bound twice where both could fire. (Redo once
had "Ctrl+Shift+Z" and the standard Redo, which on X11 is Ctrl+Shift+Z too: Qt called that
ambiguous and did neither.)
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence

Key = QKeySequence.StandardKey | str
_STD = QKeySequence.StandardKey

# objectName of the action -> its keys. Undo and redo are the same keys everywhere, so that
# what the README says is what every user gets.
WINDOW_KEYS: dict[str, tuple[Key, ...]] = {
    "newProject": (_STD.New,),
    "openProject": (_STD.Open,),
    "closeProject": (_STD.Close,),
    "quit": (_STD.Quit,),
    "import": ("Ctrl+I",),
    "export": ("Ctrl+E",),
    "undo": ("Ctrl+Z",),
    "redo": ("Ctrl+Shift+Z", "Ctrl+Y"),
    "back": ("Alt+Left",),
    "forward": ("Alt+Right",),
    "retrieveSegments": ("Ctrl+Shift+R",),
    "searchAndCode": ("Ctrl+Shift+F",),
    "preferences": ("Ctrl+,",),
    "userGuide": ("F1",),
}

DECLARED = "dotsdeskKeys"  # the dynamic property that keeps the declaration on the action
STANDARD_PREFIX = "StandardKey."


def key_text(key: Key) -> str:
    """How a declared key is written down: "StandardKey.Redo" or the portable text."""
    if isinstance(key, QKeySequence.StandardKey):
        return STANDARD_PREFIX + key.name
    return key


def sequences(key: Key) -> list[QKeySequence]:
    """What a key gives on the platform the app runs on."""
    if isinstance(key, QKeySequence.StandardKey):
        return QKeySequence.keyBindings(key)
    return [QKeySequence(key, QKeySequence.SequenceFormat.PortableText)]


def bind(action: QAction, *keys: Key) -> QAction:
    """Give `action` exactly these keys, in this order, and remember the declaration."""
    action.setShortcuts([s for key in keys for s in sequences(key)])
    action.setProperty(DECLARED, [key_text(k) for k in keys])
    return action


def bind_window_key(action: QAction, name: str) -> QAction:
    """Name the action and give it its keys from WINDOW_KEYS (none if it has no entry)."""
    action.setObjectName(name)
    return bind(action, *WINDOW_KEYS.get(name, ()))


def declared_keys(action: QObject) -> list[str] | None:
    """The keys `bind` recorded on an action, None if it was not bound through `bind`."""
    value = action.property(DECLARED)
    if value is None:
        return None
    return [str(v) for v in value] if isinstance(value, list | tuple) else [str(value)]
