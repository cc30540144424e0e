"""What the block editors share: the block being edited, how a page saves it, and the few
widgets every page builds alike (among them the line saying what a figure is counted over)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from ....model import Block
from ....services.composer import posts
from ....services.composer.render import block_figure
from ....services.composer.render_tree import Statistic
from ...context import ProjectContext
from ...i18n import arg
from ..preview import AMBER, since_text


@dataclass
class Editing:
    """The section or block the editor shows, one object shared by all its pages, so that a
    page saves only while its block is still the one shown (`block_id` is None otherwise)."""

    ctx: ProjectContext
    block_id: int | None = None
    section_id: int | None = None
    data: dict[str, Any] = field(default_factory=dict)  # the block's data as stored
    # Shows the block as stored again: after a save refused because a colleague changed
    # the block meanwhile, even while the user's edit is unsaved in the page.
    reload: Callable[[], None] = lambda: None

    def save(self, label: str, data: dict[str, Any]) -> bool:
        """The block's new data: one `ctx.run`, one undo step."""
        block_id = self.block_id
        if block_id is None:
            return False
        seen = dict(self.data)
        stored = self.ctx.run(
            label,
            lambda s: dict(posts.update_block(s, block_id, data, expected=seen).data or {}),
        )
        if stored is None:
            with self.ctx.read() as s:
                block = s.get(Block, block_id)
                stale = block is not None and dict(block.data or {}) != seen
            if stale and self.block_id == block_id:
                self.reload()
            return False
        if self.block_id == block_id:
            self.data = stored  # the next save compares with what this one wrote
        return True


class BlockPage(QWidget):
    """The editor of one kind of block: `load` fills it from the block, `save` writes it."""

    def __init__(self, editing: Editing, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editing = editing

    def load(self, s: Session, block: Block) -> None:
        raise NotImplementedError

    def save(self) -> bool:
        raise NotImplementedError


def save_button(name: str, slot: Callable[[], object]) -> QPushButton:
    button = QPushButton(BlockPage.tr("Save"), objectName=name)
    button.clicked.connect(slot)
    return button


def hint_label(text: str) -> QLabel:
    hint = QLabel(text, wordWrap=True)
    hint.setStyleSheet("color: palette(mid)")
    return hint


def bare_column(page: QWidget) -> QVBoxLayout:
    """A column filling the page edge to edge."""
    column = QVBoxLayout(page)
    column.setContentsMargins(0, 0, 0, 0)
    return column


def table_tools(
    table: QTableWidget,
    texts: tuple[str, str],
    add: Callable[[], object],
    save: Callable[[], object],
    names: tuple[str, str, str],
) -> QHBoxLayout:
    """Add and Remove buttons for a table's rows (`texts`: their words), then Save; `names`:
    their object names."""
    add_button = QPushButton(texts[0], objectName=names[0])
    add_button.clicked.connect(add)
    remove = QPushButton(texts[1], objectName=names[1])
    remove.clicked.connect(lambda: table.removeRow(table.currentRow()))
    row = QHBoxLayout()
    row.addWidget(add_button)
    row.addWidget(remove)
    row.addStretch(1)
    row.addWidget(save_button(names[2], save))
    return row


def figure_label(name: str) -> QLabel:
    label = QLabel(objectName=name, wordWrap=True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def show_figure(label: QLabel, s: Session, block_id: int) -> None:
    """What the block's figure is counted over and how it compares with the figure last
    drafted, exported or accepted; amber when it changed."""
    node = block_figure(s, block_id)
    note = node.note if node is not None else None
    if note is None:
        label.setText("")
        return
    about = note.population
    if f"the {note.size} respondent" in about or f"{note.size} now" in about:
        lines = [arg(BlockPage.tr("Over %1."), about)]
    else:  # the name says how many there were when chosen
        lines = [arg(BlockPage.tr("Over %1 (%2 now)."), about, note.size)]
    if isinstance(node, Statistic) and node.figure is not None:
        figure = node.figure
        now = arg(
            BlockPage.tr("Now %1 (%2 of %3)"), figure.percent_text, figure.count, figure.total
        )
    else:
        now = BlockPage.tr("The bullets read as in the preview")
    if note.changed:
        since = since_text(note.since or "")
        lines.append(arg(BlockPage.tr("%1; was %2 when %3."), now, note.before, since))
    elif note.since:
        lines.append(arg(BlockPage.tr("%1, as %2."), now, since_text(note.since)))
    else:
        lines.append(arg(BlockPage.tr("%1."), now))
    label.setText("\n".join(lines))
    label.setStyleSheet(f"color: {AMBER}; font-weight: bold" if note.changed else "")
