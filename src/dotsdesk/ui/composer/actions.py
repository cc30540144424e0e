"""What the user does to a post in the composer: add a section or a block, delete one.
Each is one `ctx.run` (one transaction, one undo step); the outline, the editor and the
preview follow through `ctx.dataChanged`, as after any other change."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QInputDialog, QWidget
from sqlalchemy.orm import Session

from ...model import Block, BlockKind
from ...services.coding.codebook import code_paths
from ...services.composer import posts
from ..context import ProjectContext
from .editors import BlockEditor
from .outline_view import OutlineView


class ComposerActions:
    """The operations, and the menu actions that trigger them (owned by `panel`)."""

    def __init__(
        self, ctx: ProjectContext, outline: OutlineView, editor: BlockEditor, panel: QWidget
    ) -> None:
        self.ctx = ctx
        self.outline = outline
        self.model = outline.outline_model
        self.editor = editor
        self.panel = panel  # the parent of the actions and of the dialogs they open

        self.add_section_action = QAction(
            QCoreApplication.translate("ComposerActions", "Add section"),
            panel,
            objectName="composerAddSection",
        )
        self.add_section_action.triggered.connect(lambda: self.add_section())
        self.add_paragraph_action = QAction(
            QCoreApplication.translate("ComposerActions", "Paragraph"),
            panel,
            objectName="composerAddParagraph",
        )
        self.add_paragraph_action.triggered.connect(lambda: self.add_paragraph())
        self.add_statistic_action = QAction(
            QCoreApplication.translate("ComposerActions", "Statistic…"),
            panel,
            objectName="composerAddStatistic",
        )
        self.add_statistic_action.triggered.connect(lambda: self.add_statistic())
        self.add_links_action = QAction(
            QCoreApplication.translate("ComposerActions", "Links"),
            panel,
            objectName="composerAddLinks",
        )
        self.add_links_action.triggered.connect(lambda: self.add_links())
        self.delete_action = QAction(
            QCoreApplication.translate("ComposerActions", "Delete"),
            panel,
            objectName="composerDelete",
        )
        self.delete_action.setShortcut(Qt.Key.Key_Delete)
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.delete_action.triggered.connect(self.delete_selected)

    def add_section(self, title: str | None = None) -> int | None:
        post_id = self.model.post_id
        if post_id is None:
            return None
        if title is None:
            title = QCoreApplication.translate("ComposerActions", "New section")
        index = self.outline.currentIndex()
        position = None
        if index.isValid():
            position = (index.row() if index.internalId() == 0 else index.internalId() - 1) + 1
        new_id = self.ctx.run(
            QCoreApplication.translate("ComposerActions", "Add section"),
            lambda s: posts.add_section(s, post_id, title, position).id,
        )
        if new_id is not None:
            self.outline.select("section", new_id)
            self.editor.section_title.setFocus()
            self.editor.section_title.selectAll()
        return new_id

    def _add_block(self, label: str, make: Callable[[Session, int], Block]) -> int | None:
        target = self.outline.target()
        if target is None:
            self.ctx.status.emit(
                QCoreApplication.translate("ComposerActions", "Add a section first")
            )
            return None
        section_id, position = target

        def action(s: Session) -> int:
            block = make(s, section_id)
            if position is not None:
                posts.move_block(s, block.id, section_id, position)
            return block.id

        new_id = self.ctx.run(label, action)
        if new_id is not None:
            self.outline.select("block", new_id)
        return new_id

    def add_paragraph(self, text: str | None = None) -> int | None:
        words = (
            QCoreApplication.translate("ComposerActions", "New paragraph.")
            if text is None
            else text
        )
        new_id = self._add_block(
            QCoreApplication.translate("ComposerActions", "Add paragraph"),
            lambda s, sid: posts.add_paragraph(s, sid, words),
        )
        if new_id is not None:
            self.editor.paragraph_edit.setFocus()
            self.editor.paragraph_edit.selectAll()
        return new_id

    def add_statistic(self, code_id: int | None = None) -> int | None:
        if code_id is None:
            with self.ctx.read() as s:
                paths = code_paths(s)
            if not paths:
                self.ctx.status.emit(
                    QCoreApplication.translate(
                        "ComposerActions", "The codebook is empty: add codes first"
                    )
                )
                return None
            names = sorted(paths.values())
            name, ok = QInputDialog.getItem(
                self.panel,
                QCoreApplication.translate("ComposerActions", "Add statistic"),
                QCoreApplication.translate("ComposerActions", "Share of respondents coded"),
                names,
                0,
                False,
            )
            if not ok:
                return None
            code_id = next(c for c, p in paths.items() if p == name)
        data = {
            "code_ids": [code_id],
            # The author's words to edit, in the window's language.
            "template": QCoreApplication.translate(
                "ComposerActions", "{percent} of sampled respondents ({count} of {total})."
            ),
        }
        return self._add_block(
            QCoreApplication.translate("ComposerActions", "Add statistic"),
            lambda s, sid: posts.add_block(s, sid, BlockKind.STATISTIC, data),
        )

    def add_links(self) -> int | None:
        return self._add_block(
            QCoreApplication.translate("ComposerActions", "Add links"),
            lambda s, sid: posts.add_block(s, sid, BlockKind.LINKS, {"links": []}),
        )

    def add_quote(self, segment_id: int) -> int | None:
        """Quote a segment after the selected block (what a drop does, without dragging)."""
        return self._add_block(
            QCoreApplication.translate("ComposerActions", "Add quote"),
            lambda s, sid: posts.add_quote(s, sid, segment_id),
        )

    def delete_selected(self) -> bool:
        chosen = self.outline.selected()
        if chosen is None:
            return False
        kind, item_id = chosen
        if kind == "section":
            done = self.ctx.run(
                QCoreApplication.translate("ComposerActions", "Delete section"),
                lambda s: posts.delete_section(s, item_id) or True,
            )
        else:
            done = self.ctx.run(
                QCoreApplication.translate("ComposerActions", "Delete block"),
                lambda s: posts.delete_block(s, item_id) or True,
            )
        return done is not None
