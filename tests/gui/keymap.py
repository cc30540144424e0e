"""Every key sequence a window binds, expanded for each platform, and the ones bound twice.

Qt resolves a QKeySequence.StandardKey on the platform the code runs on (offscreen: Qt's
Windows scheme, where Redo is Ctrl+Y) and keeps only the result. So a binding that is fine
here can be ambiguous elsewhere: on X11 the standard Redo is Ctrl+Shift+Z, and an action bound
to "Ctrl+Shift+Z" and the standard Redo has that sequence twice; Qt then logs "Ambiguous
shortcut overload" and fires neither. This module expands each standard key with the tables
below, copied from Qt's documentation ("Standard Shortcuts" in QKeySequence; the same as the
key-binding table of QPlatformTheme, where KDE and GNOME get the X11 entries), and reports
any sequence two bindings share where both can fire at once.

An action bound through `dotsdesk.ui.shortcuts.bind` carries its declaration. For any other
action (or QShortcut) the declaration is read back from its sequences: a run of sequences that
is exactly what a standard key gives here is read as that key ("StandardKey.Redo", what
`setShortcut(StandardKey)` gives), and a single sequence that is a standard key's first binding
here as that key's first binding ("StandardKey.Redo[0]", what `QKeySequence(StandardKey)`
gives: on X11 the first binding of Redo is Ctrl+Shift+Z).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QMenu, QMenuBar, QStackedWidget, QToolBar, QWidget

from dotsdesk.ui.shortcuts import STANDARD_PREFIX, declared_keys

PLATFORMS = ("X11", "Windows", "macOS")
# In Qt's order: a standard key's first binding is its primary one. Qt 6 adds the keyboard's
# own New, Open, Close, Find, Undo and Redo keys on every platform.
STANDARD: dict[str, dict[str, tuple[str, ...]]] = {
    "New": {p: ("Ctrl+N", "New") for p in PLATFORMS},
    "Open": {p: ("Ctrl+O", "Open") for p in PLATFORMS},
    "Close": {
        "X11": ("Ctrl+W", "Close"),
        "Windows": ("Ctrl+F4", "Ctrl+W", "Close"),
        "macOS": ("Ctrl+W", "Ctrl+F4", "Close"),
    },
    "Save": {p: ("Ctrl+S",) for p in PLATFORMS},
    "Quit": {"X11": ("Ctrl+Q",), "Windows": (), "macOS": ("Ctrl+Q",)},
    "Undo": {
        "X11": ("Ctrl+Z", "F14", "Undo"),
        "Windows": ("Ctrl+Z", "Alt+Backspace", "Undo"),
        "macOS": ("Ctrl+Z", "Undo"),
    },
    "Redo": {
        "X11": ("Ctrl+Shift+Z", "Redo"),
        "Windows": ("Ctrl+Y", "Alt+Shift+Backspace", "Ctrl+Shift+Z", "Redo"),
        "macOS": ("Ctrl+Shift+Z", "Redo"),
    },
    "Find": {p: ("Ctrl+F", "Find") for p in PLATFORMS},
    "Delete": {"X11": ("Del", "Ctrl+D"), "Windows": ("Del",), "macOS": ("Del", "Meta+D")},
    "Cut": {
        "X11": ("Ctrl+X", "Shift+Del", "F20"),
        "Windows": ("Ctrl+X", "Shift+Del"),
        "macOS": ("Ctrl+X", "Meta+K"),
    },
    "Copy": {
        "X11": ("Ctrl+C", "Ctrl+Ins", "F16"),
        "Windows": ("Ctrl+C", "Ctrl+Ins"),
        "macOS": ("Ctrl+C",),
    },
    "Paste": {
        "X11": ("Ctrl+V", "Shift+Ins", "F18"),
        "Windows": ("Ctrl+V", "Shift+Ins"),
        "macOS": ("Ctrl+V", "Meta+Y"),
    },
    "SelectAll": {p: ("Ctrl+A",) for p in PLATFORMS},
    "Back": {
        "X11": ("Alt+Left",),
        "Windows": ("Alt+Left", "Backspace"),
        "macOS": ("Ctrl+[",),
    },
    "Forward": {
        "X11": ("Alt+Right",),
        "Windows": ("Alt+Right", "Shift+Backspace"),
        "macOS": ("Ctrl+]",),
    },
}

FIRST = "[0]"  # only the standard key's first binding, as QKeySequence(StandardKey) gives
WINDOW, WIDGET, CHILDREN = "window", "widget", "widget and children"


def _on_other_pages(a: QWidget, b: QWidget) -> bool:
    """True when `a` and `b` sit on different pages of one stacked widget (a tab widget's
    tabs): never visible together, and Qt fires no shortcut of a hidden widget."""
    pages: dict[int, QWidget] = {}
    w = a
    while (parent := w.parentWidget()) is not None:
        if isinstance(parent, QStackedWidget):
            pages[id(parent)] = w
        w = parent
    w = b
    while (parent := w.parentWidget()) is not None:
        if isinstance(parent, QStackedWidget) and id(parent) in pages:
            return pages[id(parent)] is not w
        w = parent
    return False


@dataclass(frozen=True)
class Scope:
    """Where a binding can fire: the whole window while one of `widgets` is visible, or
    while one of them (or, for CHILDREN, something inside it) has the focus."""

    kind: str
    widgets: tuple[QWidget, ...] = ()

    def overlaps(self, other: Scope) -> bool:
        if all(_on_other_pages(a, b) for a in self.widgets for b in other.widgets):
            return False  # (all() of nothing is True, but every scope has a widget)
        if WINDOW in (self.kind, other.kind):
            return True
        for a in self.widgets:
            for b in other.widgets:
                if a is b:
                    return True
                if self.kind == CHILDREN and a.isAncestorOf(b):
                    return True
                if other.kind == CHILDREN and b.isAncestorOf(a):
                    return True
        return False


@dataclass(frozen=True)
class Binding:
    owner: str  # the action's text or name, for the message
    keys: tuple[str, ...]  # as declared: "StandardKey.Redo" or a portable text
    scope: Scope
    read_back: bool = False  # not declared through `bind`: keys read back from Qt

    def describe(self, key: str) -> str:
        how = ", read back" if self.read_back else ""
        return f"{self.owner!r} ({key}{how})"


def portable(sequence: QKeySequence) -> str:
    return sequence.toString(QKeySequence.SequenceFormat.PortableText)


def read_back(sequences: list[QKeySequence]) -> list[str]:
    """The declaration behind sequences Qt has already resolved for this platform."""
    here = [portable(s) for s in sequences]
    standard = {
        name: [portable(s) for s in QKeySequence.keyBindings(QKeySequence.StandardKey[name])]
        for name in STANDARD
    }
    by_length = sorted(standard.items(), key=lambda item: -len(item[1]))
    keys: list[str] = []
    i = 0
    while i < len(here):
        whole = next((n for n, seq in by_length if seq and here[i : i + len(seq)] == seq), None)
        if whole is not None:
            keys.append(STANDARD_PREFIX + whole)
            i += len(standard[whole])
            continue
        first = next((n for n, seq in by_length if seq and seq[0] == here[i]), None)
        keys.append(f"{STANDARD_PREFIX}{first}{FIRST}" if first else here[i])
        i += 1
    return keys


def expand(key: str, platform: str) -> tuple[str, ...]:
    """The sequences one declared key gives on `platform`."""
    if not key.startswith(STANDARD_PREFIX):
        return (portable(QKeySequence(key, QKeySequence.SequenceFormat.PortableText)),)
    name = key.removeprefix(STANDARD_PREFIX).removesuffix(FIRST)
    if name not in STANDARD:
        raise KeyError(
            f"{key} is not in tests/gui/keymap.py's STANDARD table: add its row from Qt's "
            "'Standard Shortcuts' table"
        )
    sequences = STANDARD[name][platform]
    if key.endswith(FIRST):
        sequences = sequences[:1]
    return tuple(
        portable(QKeySequence(s, QKeySequence.SequenceFormat.PortableText)) for s in sequences
    )


def _scope(context: Qt.ShortcutContext, widgets: list[QWidget]) -> Scope | None:
    if context in (Qt.ShortcutContext.WindowShortcut, Qt.ShortcutContext.ApplicationShortcut):
        return Scope(WINDOW, tuple(widgets)) if widgets else None
    # A widget-context action shown in a menu or tool bar fires from its own widgets only.
    own = tuple(w for w in widgets if not isinstance(w, QMenu | QMenuBar | QToolBar))
    if not own:
        return None
    kind = WIDGET if context == Qt.ShortcutContext.WidgetShortcut else CHILDREN
    return Scope(kind, own)


def window_bindings(window: QWidget) -> list[Binding]:
    """Every action and QShortcut of the window that has keys. An action that is in no
    widget (nor menu) has keys that cannot fire, so it binds nothing."""
    actions: dict[int, QAction] = {id(a): a for a in window.findChildren(QAction)}
    for widget in [window, *window.findChildren(QWidget)]:
        actions.update((id(a), a) for a in widget.actions())
    found: list[Binding] = []
    for action in actions.values():
        if not action.shortcuts():
            continue
        widgets = [o for o in action.associatedObjects() if isinstance(o, QWidget)]
        scope = _scope(action.shortcutContext(), widgets)
        if scope is None:
            continue
        keys = declared_keys(action)
        owner = action.text().replace("&", "") or action.objectName() or "an action"
        if keys is None:
            found.append(Binding(owner, tuple(read_back(action.shortcuts())), scope, True))
        else:
            found.append(Binding(owner, tuple(keys), scope))
    for shortcut in window.findChildren(QShortcut):
        parent = shortcut.parent()
        if not isinstance(parent, QWidget):
            continue
        scope = _scope(shortcut.context(), [parent])
        if scope is None or not shortcut.keys():
            continue
        owner = f"QShortcut under {parent.objectName() or type(parent).__name__}"
        found.append(Binding(owner, tuple(read_back(shortcut.keys())), scope, True))
    return found


def conflicts(bindings: list[Binding]) -> list[str]:
    """One line per sequence bound twice on a platform where both bindings can fire."""
    problems: list[str] = []
    for platform in PLATFORMS:
        seen: dict[str, list[tuple[Binding, str]]] = {}
        for binding in bindings:
            for key in binding.keys:
                for sequence in expand(key, platform):
                    seen.setdefault(sequence, []).append((binding, key))
        for sequence, users in seen.items():
            for i, (a, key_a) in enumerate(users):
                for b, key_b in users[i + 1 :]:
                    if a.scope.overlaps(b.scope):
                        problems.append(
                            f"{platform}: {sequence} is bound twice: "
                            f"{a.describe(key_a)} and {b.describe(key_b)}"
                        )
    return problems
