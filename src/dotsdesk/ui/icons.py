"""The app's icons: a few Tabler outline icons (MIT) bundled under resources/icons/tabler/.

Tabler draws with `stroke="currentColor"`, which Qt's SVG renderer takes as black; each icon
is drawn in the palette's text colour instead (and its disabled colour for the disabled
state), so it reads on a light or a dark theme.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QByteArray, QRectF, Qt
from PySide6.QtGui import QGuiApplication, QIcon, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer

from ..resources import resource

SIZES = (16, 24, 32, 48)

# What each icon stands for -> the Tabler file.
NAMES = {
    "open": "folder-open",
    "import": "file-import",
    "export": "file-export",
    "undo": "arrow-back-up",
    "redo": "arrow-forward-up",
    "code": "tags",
    "previousUncoded": "arrow-bar-to-up",
    "nextUncoded": "arrow-bar-to-down",
    "find": "search",
    "translation": "language",
    "snap": "letter-case",
    "memo": "note",
    "pin": "pin",
    "pinned": "pinned",
    "section": "section",
    "paragraph": "pilcrow",
    "quote": "quote",
    "statistic": "chart-pie",
    "profile": "id",
    "links": "link",
    "help": "help",
    "preferences": "settings",
    "about": "info-circle",
    "shortcuts": "keyboard",
    "guide": "book",
    "float": "external-link",
}


def _render(svg: bytes, colour: str, size: int) -> QPixmap:
    renderer = QSvgRenderer(QByteArray(svg.replace(b"currentColor", colour.encode())))
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    return pixmap


@cache
def _icon(name: str, normal: str, disabled: str) -> QIcon:
    svg = resource("icons", "tabler", NAMES[name] + ".svg").read_bytes()
    icon = QIcon()
    for size in SIZES:
        icon.addPixmap(_render(svg, normal, size), QIcon.Mode.Normal)
        icon.addPixmap(_render(svg, disabled, size), QIcon.Mode.Disabled)
    return icon


def icon(name: str) -> QIcon:
    """The icon for `name` (a key of NAMES), in the application palette's colours."""
    palette = QGuiApplication.palette()
    normal = palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.WindowText).name()
    disabled = palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText).name()
    return _icon(name, normal, disabled)
