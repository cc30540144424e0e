"""What a window shows before any project is open."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QListWidget, QPushButton, QVBoxLayout, QWidget


class WelcomePage(QWidget):
    def __init__(
        self,
        on_new: Callable[[], None],
        on_open: Callable[[], None],
        on_sample: Callable[[], None],
        on_recent: Callable[[Path], None],
    ) -> None:
        super().__init__(objectName="welcome")
        self._on_recent = on_recent
        about = self.tr(
            "Code what people said, keep track of who may be quoted and how, and write it up."
        )
        title = QLabel(f"<h1>dotsdesk</h1><p>{about}</p>")
        title.setWordWrap(True)
        buttons = QHBoxLayout()
        for text, name, slot in (
            (self.tr("New project…"), "welcomeNew", on_new),
            (self.tr("Open project…"), "welcomeOpen", on_open),
            (self.tr("Open the sample project"), "welcomeSample", on_sample),
        ):
            button = QPushButton(text, objectName=name)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        self.recent = QListWidget(objectName="welcomeRecent")
        self.recent.itemActivated.connect(lambda item: self._on_recent(Path(item.text())))
        column = QVBoxLayout()
        column.addWidget(title)
        column.addLayout(buttons)
        column.addWidget(QLabel(self.tr("Recent projects:")))
        column.addWidget(self.recent)
        outer = QHBoxLayout(self)
        outer.addStretch(1)
        outer.addLayout(column, 2)
        outer.addStretch(1)
        outer.setAlignment(column, Qt.AlignmentFlag.AlignVCenter)

    def set_recent(self, paths: list[Path]) -> None:
        self.recent.clear()
        self.recent.addItems([str(p) for p in paths if p.exists()])
