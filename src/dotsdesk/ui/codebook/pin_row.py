"""The pin row above the codebook: keys 1-9 and the code on each, always in sight.

Drag a code from the tree onto a key to pin it there (one undo step); right-click a key to
unpin it. The keys code the selection in the coding panel.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor, QDragEnterEvent, QDropEvent, QPixmap
from PySide6.QtWidgets import QHBoxLayout, QMenu, QSizePolicy, QToolButton, QWidget

from ...services.coding import codebook, pinned
from ..context import ProjectContext, touched_by
from ..i18n import arg
from . import mime

PIN_TABLES = frozenset({"setting", "code"})


def pin_code(ctx: ProjectContext, code_id: int, key: int) -> None:
    """Pin to key 1-9, or unpin with key 0: one undo step."""
    if key:
        label = arg(QCoreApplication.translate("PinRow", "Pin code to key %1"), key)
        ctx.run(label, lambda s: pinned.pin(s, code_id, key))
    else:
        ctx.run(
            QCoreApplication.translate("PinRow", "Unpin code"), lambda s: pinned.unpin(s, code_id)
        )


class PinSlot(QToolButton):
    def __init__(self, row: PinRow, key: int) -> None:
        super().__init__(row, objectName=f"pinSlot{key}", autoRaise=True)
        self._row = row
        self.key = key
        self.code_id: int | None = None
        self.setAcceptDrops(True)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._menu)

    def show_code(self, name: str | None, path: str | None, colour: str | None) -> None:
        # The key and the code's colour fit a narrow dock; its name is in the tooltip.
        self.setText(str(self.key))
        self.setAccessibleName(f"{self.key} {name}" if name else str(self.key))
        if colour:
            pixmap = QPixmap(10, 10)
            pixmap.fill(QColor(colour))
            self.setIcon(pixmap)
        else:
            self.setIcon(QPixmap())
        if path:
            self.setToolTip(
                arg(self.tr("Key %1 codes with %2. Right-click to unpin."), self.key, path)
            )
        else:
            self.setToolTip(arg(self.tr("Drag a code here to code with it by key %1"), self.key))

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if len(mime.code_ids(event.mimeData())) == 1:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        ids = mime.code_ids(event.mimeData())
        if len(ids) == 1:
            event.acceptProposedAction()
            pin_code(self._row.ctx, ids[0], self.key)

    def _menu(self) -> None:
        if self.code_id is None:
            return
        menu = QMenu(self)
        code_id = self.code_id
        menu.addAction(self.tr("Unpin"), lambda: pin_code(self._row.ctx, code_id, 0))
        menu.exec(self.mapToGlobal(self.rect().bottomLeft()))


class PinRow(QWidget):
    def __init__(self, ctx: ProjectContext, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="pinRow")
        self.ctx = ctx
        layout = QHBoxLayout(self)
        layout.setContentsMargins(2, 0, 2, 0)
        layout.setSpacing(0)
        self.slots = [PinSlot(self, key) for key in range(1, pinned.KEYS + 1)]
        for slot in self.slots:
            layout.addWidget(slot)
        layout.addStretch(1)
        # A narrow dock keeps its width for the code names: the row is clipped, not widened.
        self.setMinimumWidth(1)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        ctx.projectChanged.connect(self.refresh)
        ctx.dataChanged.connect(self._data_changed)
        self.refresh()

    def _data_changed(self, tables: frozenset[str]) -> None:
        if touched_by(tables) is None and tables & PIN_TABLES:
            self.refresh()

    def pinned_ids(self) -> list[int | None]:
        return [slot.code_id for slot in self.slots]

    def refresh(self) -> None:
        ids: list[int | None] = [None] * pinned.KEYS
        infos: dict[int, tuple[str, str, str]] = {}
        if self.ctx.project is not None:
            with self.ctx.read() as s:
                ids = pinned.get_pinned(s)
                wanted = {c for c in ids if c is not None}
                if wanted:
                    paths = codebook.code_paths(s)
                    colours = codebook.code_colours(s, wanted)
                    for cid in wanted:
                        if cid in paths:
                            path = paths[cid]
                            infos[cid] = (path.rsplit("/", 1)[-1], path, colours[cid])
        for slot, cid in zip(self.slots, ids, strict=False):
            slot.code_id = cid if cid in infos else None
            name, path, colour = infos.get(cid, (None, None, None)) if cid else (None, None, None)
            slot.show_code(name, path, colour)
        self.setEnabled(self.ctx.project is not None)
