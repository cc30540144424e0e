"""Render the SVG icon to the PNG sizes desktops look for (uses Qt's SVG renderer)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtGui import QGuiApplication, QImage, QPainter  # noqa: E402
from PySide6.QtSvg import QSvgRenderer  # noqa: E402

SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def main() -> int:
    source = Path(__file__).resolve().parents[1] / "resources" / "icons" / "dotsdesk.svg"
    out = Path(sys.argv[1])
    app = QGuiApplication([])  # noqa: F841 - the renderer needs one
    renderer = QSvgRenderer(str(source))
    if not renderer.isValid():
        print(f"{source}: not a valid SVG", file=sys.stderr)
        return 1
    for size in SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        renderer.render(painter)
        painter.end()
        target = out / f"{size}x{size}" / "apps" / "io.github.dotsdesk.dotsdesk.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        image.save(str(target))
    print(f"icons in {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
