"""The post outline as a two-level tree (sections, then their blocks), read from the database
in one pass and rebuilt whenever posts, sections, blocks or segments change.

Drag and drop moves a section or a block (one `ctx.run` each, so one undo step) and accepts
a segment dragged from the codebook or the coding panel, which becomes a quote block.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractItemModel,
    QCoreApplication,
    QMimeData,
    QModelIndex,
    Qt,
)
from PySide6.QtGui import QColor, QIcon
from PySide6.QtWidgets import QApplication
from sqlalchemy.orm import Session

from ...model import Block, BlockKind, Post
from ...services.composer import outline as composer_views
from ...services.composer import posts
from ..codebook.mime import SEGMENT_MIME, segment_id
from ..context import ProjectContext
from ..i18n import arg
from ..icons import icon

OUTLINE_MIME = "application/x-dotsdesk-outline"  # JSON {"section": id} or {"block": id}
ID_ROLE = Qt.ItemDataRole.UserRole + 1  # the section or block id
KIND_ROLE = Qt.ItemDataRole.UserRole + 2  # "section" or a BlockKind value
SHORT = 70
KIND_WORDS = {
    BlockKind.PARAGRAPH: QT_TRANSLATE_NOOP("OutlineModel", "Paragraph"),
    BlockKind.QUOTE: QT_TRANSLATE_NOOP("OutlineModel", "Quote"),
    BlockKind.STATISTIC: QT_TRANSLATE_NOOP("OutlineModel", "Statistic"),
    BlockKind.PROFILE: QT_TRANSLATE_NOOP("OutlineModel", "Profile"),
    BlockKind.LINKS: QT_TRANSLATE_NOOP("OutlineModel", "Links"),
}
AUTO_WORDS = {
    "series": QT_TRANSLATE_NOOP("OutlineModel", "Series line (automatic)"),
    "consent_note": QT_TRANSLATE_NOOP("OutlineModel", "Consent note (automatic)"),
}
# Each kind its own icon (ui/icons.py): a quote and a statistic once shared one.
_ICONS = {
    "section": "section",
    BlockKind.PARAGRAPH: "paragraph",
    BlockKind.QUOTE: "quote",
    BlockKind.STATISTIC: "statistic",
    BlockKind.PROFILE: "profile",
    BlockKind.LINKS: "links",
}


@dataclass
class BlockRow:
    id: int
    kind: BlockKind
    summary: str
    missing: bool = False  # a quote whose segment was deleted


@dataclass
class SectionRow:
    id: int
    title: str
    blocks: list[BlockRow] = field(default_factory=list)


def short(text: str, size: int = SHORT) -> str:
    text = " ".join(text.split())
    return text if len(text) <= size else text[: size - 1].rstrip() + "…"


def read_outline(session: Session, post_id: int) -> list[SectionRow]:
    tree = composer_views.outline(session, post_id)
    texts = composer_views.segment_texts(
        session, (b.segment_id for _s, blocks in tree for b in blocks if b.segment_id is not None)
    )
    out: list[SectionRow] = []
    for section, blocks in tree:
        row = SectionRow(section.id, section.title)
        row.blocks.extend(_block_row(block, texts) for block in blocks)
        out.append(row)
    return out


def _block_row(block: Block, texts: dict[int, str]) -> BlockRow:
    data: dict[str, Any] = block.data or {}
    kind = block.kind
    if kind is BlockKind.QUOTE:
        if block.segment_id is None or block.segment_id not in texts:
            removed = OutlineModel.tr("quote removed: the segment was deleted")
            return BlockRow(block.id, kind, removed, True)
        return BlockRow(block.id, kind, f"“{short(texts[block.segment_id], SHORT - 2)}”")
    if kind is BlockKind.PARAGRAPH:
        auto = data.get("auto")
        words = _words(AUTO_WORDS.get(auto, "")) if auto else short(data.get("text", ""))
        return BlockRow(block.id, kind, words)
    if kind is BlockKind.STATISTIC:
        return BlockRow(block.id, kind, short(str(data.get("template") or "{percent} of …")))
    if kind is BlockKind.PROFILE:
        bullets = len(data.get("bullets", []))
        return BlockRow(
            block.id, kind, OutlineModel.tr("%n bullet(s) from attributes", "", bullets)
        )
    links = len(data.get("links", []))
    return BlockRow(block.id, kind, OutlineModel.tr("%n link(s)", "", links))


def _words(text: str) -> str:
    """One of the module's marked words, in the window's language."""
    return QCoreApplication.translate("OutlineModel", text) if text else ""


class OutlineModel(QAbstractItemModel):
    """Sections at the top level (internal id 0), blocks below (internal id: section row + 1)."""

    def __init__(self, ctx: ProjectContext, parent: Any = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.post_id: int | None = None
        self.sections: list[SectionRow] = []

    # -- loading --------------------------------------------------------------------------
    def load(self, post_id: int | None) -> None:
        self.beginResetModel()
        self.post_id = post_id
        self.sections = []
        if post_id is not None and self.ctx.project is not None:
            with self.ctx.read() as s:
                if s.get(Post, post_id) is not None:
                    self.sections = read_outline(s, post_id)
                else:
                    self.post_id = None
        self.endResetModel()

    def reload(self) -> None:
        self.load(self.post_id)

    def index_of(self, kind: str, item_id: int) -> QModelIndex:
        for i, section in enumerate(self.sections):
            if kind == "section" and section.id == item_id:
                return self.index(i, 0)
            for j, block in enumerate(section.blocks):
                if kind == "block" and block.id == item_id:
                    return self.index(j, 0, self.index(i, 0))
        return QModelIndex()

    def section_of(self, index: QModelIndex) -> SectionRow | None:
        if not index.isValid():
            return None
        internal = index.internalId()
        return self.sections[index.row() if internal == 0 else internal - 1]

    def block_of(self, index: QModelIndex) -> BlockRow | None:
        if not index.isValid() or index.internalId() == 0:
            return None
        return self.sections[index.internalId() - 1].blocks[index.row()]

    # -- structure ------------------------------------------------------------------------
    def index(self, row: int, column: int, parent: Any = QModelIndex()) -> QModelIndex:  # noqa: B008
        if column != 0 or row < 0:
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, 0, 0) if row < len(self.sections) else QModelIndex()
        if parent.internalId() != 0:
            return QModelIndex()
        if row < len(self.sections[parent.row()].blocks):
            return self.createIndex(row, 0, parent.row() + 1)
        return QModelIndex()

    def parent(self, index: Any = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid() or index.internalId() == 0:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, 0)

    def rowCount(self, parent: Any = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self.sections)
        if parent.internalId() == 0:
            return len(self.sections[parent.row()].blocks)
        return 0

    def columnCount(self, parent: Any = QModelIndex()) -> int:  # noqa: B008
        return 1

    def data(self, index: Any, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        block = self.block_of(index)
        if block is None:
            section = self.sections[index.row()]
            if role == Qt.ItemDataRole.DisplayRole:
                return section.title or self.tr("(opening, no heading)")
            if role == Qt.ItemDataRole.DecorationRole:
                return _icon("section")
            if role == Qt.ItemDataRole.FontRole:
                font = QApplication.font()
                font.setBold(True)
                font.setItalic(not section.title)
                return font
            if role == ID_ROLE:
                return section.id
            if role == KIND_ROLE:
                return "section"
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return arg(self.tr("%1: %2"), _words(KIND_WORDS[block.kind]), block.summary)
        if role == Qt.ItemDataRole.ToolTipRole:
            return block.summary
        if role == Qt.ItemDataRole.DecorationRole:
            return _icon(block.kind)
        if role == Qt.ItemDataRole.ForegroundRole and block.missing:
            return QColor("#b00020")
        if role == ID_ROLE:
            return block.id
        if role == KIND_ROLE:
            return block.kind.value
        return None

    def flags(self, index: Any) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsDropEnabled
        if not index.isValid():
            return base
        return base | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled

    # -- drag and drop --------------------------------------------------------------------
    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction | Qt.DropAction.CopyAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [OUTLINE_MIME, SEGMENT_MIME]

    def mimeData(self, indexes: Any) -> QMimeData:
        data = QMimeData()
        valid = [i for i in indexes if i.isValid()]
        if valid:
            block = self.block_of(valid[0])
            payload = (
                {"block": block.id} if block else {"section": self.sections[valid[0].row()].id}
            )
            data.setData(OUTLINE_MIME, json.dumps(payload).encode())
        return data

    def canDropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Any
    ) -> bool:
        return self._plan(data, row, parent) is not None

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Any
    ) -> bool:
        if action == Qt.DropAction.IgnoreAction:
            return True
        plan = self._plan(data, row, parent)
        if plan is None:
            return False
        label, act = plan
        # After the drop the view may still hold indexes into this model: change the data
        # once the drop event has returned (the reload follows ctx.dataChanged).
        return self.ctx.run(label, act) is not None

    def _plan(self, data: QMimeData, row: int, parent: Any) -> tuple[str, Any] | None:
        """What a drop at (row, parent) would do, as (undo label, action), or None."""
        if self.post_id is None:
            return None
        if data.hasFormat(OUTLINE_MIME):
            try:
                payload = json.loads(bytes(data.data(OUTLINE_MIME).data()))
            except ValueError:
                return None
            if "section" in payload:
                return self._section_move(int(payload["section"]), row, parent)
            if "block" in payload:
                return self._block_move(int(payload["block"]), row, parent)
            return None
        if data.hasFormat(SEGMENT_MIME):
            seg = segment_id(data)
            target = self._block_target(row, parent)
            if seg is None or target is None:
                return None
            section_id, position = target

            def add(s: Session) -> int:
                block = posts.add_quote(s, section_id, seg)
                if position is not None:
                    posts.move_block(s, block.id, section_id, position)
                return block.id

            return self.tr("Add quote"), add
        return None

    def _section_move(self, section_id: int, row: int, parent: Any) -> tuple[str, Any] | None:
        if parent.isValid():  # dropped on or inside a section: put it at that section's place
            row = self._section_row(parent)
        ids = [s.id for s in self.sections]
        if section_id not in ids:
            return None
        now = ids.index(section_id)
        row = len(ids) if row < 0 else row
        position = row - 1 if row > now else row
        if position == now:
            return None

        def move(s: Session) -> bool:
            posts.move_section(s, section_id, position)
            return True

        return self.tr("Move section"), move

    def _section_row(self, index: QModelIndex) -> int:
        return index.row() if index.internalId() == 0 else index.internalId() - 1

    def _block_target(self, row: int, parent: Any) -> tuple[int, int | None] | None:
        """(section id, position or None for last) for a block dropped at (row, parent)."""
        if not parent.isValid():
            if 0 <= row - 1 < len(self.sections):  # between sections: end of the one above
                return self.sections[row - 1].id, None
            return None
        if parent.internalId() != 0:  # onto a block: before it
            return self.sections[parent.internalId() - 1].id, parent.row()
        return self.sections[parent.row()].id, (row if row >= 0 else None)

    def _block_move(self, block_id: int, row: int, parent: Any) -> tuple[str, Any] | None:
        target = self._block_target(row, parent)
        if target is None:
            return None
        section_id, position = target
        section = next(s for s in self.sections if s.id == section_id)
        ids = [b.id for b in section.blocks]
        if position is None:
            position = len(ids)
        if block_id in ids:  # within its section: Qt's row counts the block itself
            now = ids.index(block_id)
            if position > now:
                position -= 1
            if position == now:
                return None
        elif not any(block_id in [b.id for b in s.blocks] for s in self.sections):
            return None

        def move(s: Session) -> bool:
            posts.move_block(s, block_id, section_id, position)
            return True

        return self.tr("Move block"), move


def _icon(kind: str | BlockKind) -> QIcon:
    if QApplication.instance() is None:
        return QIcon()
    return icon(_ICONS[kind])
