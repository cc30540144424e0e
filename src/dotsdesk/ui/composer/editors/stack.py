"""The editor of the selected section or block: a page per kind, shown one at a time. Each
save is one `ctx.run`, one undo step.

Kept deliberately simple: a paragraph is its Markdown-subset text (saved on Save or when the
editor loses focus), a quote its lead-in settings, a statistic its codes, population and
template, a profile its bullets (an attribute and a wording each, or fixed text), links a
table of titles and URLs, a section its title.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QStackedWidget, QWidget

from ....model import Block, BlockKind
from ...context import ProjectContext
from .base import BlockPage, Editing
from .links import LinksPage
from .paragraph import AutoParagraphNote, ParagraphPage
from .profile import ProfilePage
from .quote import QuotePage
from .section import SectionPage
from .statistic import StatisticPage


class BlockEditor(QStackedWidget):
    """Shows the editor for one section or block; `show_block` / `show_section` / `clear`."""

    def __init__(self, ctx: ProjectContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("composerEditor")
        self.ctx = ctx
        self.editing = Editing(ctx)
        self.editing.reload = lambda: self.block_id is not None and self.show_block(self.block_id)
        self.empty = QLabel(
            self.tr("Select a section or block in the outline."),
            alignment=Qt.AlignmentFlag.AlignCenter,
            wordWrap=True,
        )
        self.section_page = SectionPage(self.editing)
        self.paragraph_page = ParagraphPage(self.editing)
        self.paragraph_page.saveRequested.connect(self.save_paragraph)
        self.auto_page = AutoParagraphNote()
        self.quote_page = QuotePage(self.editing)
        self.statistic_page = StatisticPage(self.editing)
        self.profile_page = ProfilePage(self.editing)
        self.links_page = LinksPage(self.editing)
        for page in (
            self.empty,
            self.section_page,
            self.paragraph_page,
            self.auto_page,
            self.quote_page,
            self.statistic_page,
            self.profile_page,
            self.links_page,
        ):
            self.addWidget(page)
        self._pages: dict[BlockKind, BlockPage] = {
            BlockKind.PARAGRAPH: self.paragraph_page,
            BlockKind.QUOTE: self.quote_page,
            BlockKind.STATISTIC: self.statistic_page,
            BlockKind.PROFILE: self.profile_page,
            BlockKind.LINKS: self.links_page,
        }
        # The pages' fields by the names the panel and the tests use.
        self.section_title = self.section_page.title
        self.paragraph_edit = self.paragraph_page.edit
        self.quote_text = self.quote_page.text
        self.quote_label = self.quote_page.label
        self.quote_context = self.quote_page.context
        self.quote_topic = self.quote_page.topic
        self.quote_translation = self.quote_page.translation
        self.statistic_codes = self.statistic_page.codes
        self.statistic_descendants = self.statistic_page.descendants
        self.statistic_attribute = self.statistic_page.attribute
        self.statistic_value = self.statistic_page.value
        self.statistic_template = self.statistic_page.template
        self.profile_table = self.profile_page.table
        self.links_table = self.links_page.table

    @property
    def block_id(self) -> int | None:
        return self.editing.block_id

    @property
    def section_id(self) -> int | None:
        return self.editing.section_id

    # -- showing --------------------------------------------------------------------------
    def clear(self) -> None:
        self.editing.block_id = self.editing.section_id = None
        self.setCurrentWidget(self.empty)

    def show_section(self, section_id: int) -> None:
        self.editing.block_id, self.editing.section_id = None, section_id
        self.section_page.load(section_id)
        self.setCurrentWidget(self.section_page)

    def show_block(self, block_id: int) -> None:
        self.editing.block_id, self.editing.section_id = block_id, None
        with self.ctx.read() as s:
            block = s.get(Block, block_id)
            if block is None:
                self.clear()
                return
            data = self.editing.data = dict(block.data or {})
            if block.kind is BlockKind.PARAGRAPH and data.get("auto"):
                self.auto_page.load(data)
                self.setCurrentWidget(self.auto_page)
                return
            page = self._pages.get(block.kind, self.links_page)
            page.load(s, block)
            self.setCurrentWidget(page)

    def refresh(self) -> None:
        """Re-read after a change (undo, redo, another panel), unless the user is typing."""
        if self.block_id is not None:
            if self.currentWidget() is self.paragraph_page and self.paragraph_dirty():
                return
            self.show_block(self.block_id)
        elif self.section_id is not None:
            try:
                self.show_section(self.section_id)
            except Exception:  # the section is gone (undo of its creation)
                self.clear()

    # -- saving ---------------------------------------------------------------------------
    def paragraph_dirty(self) -> bool:
        return self.paragraph_page.dirty()

    def save_paragraph(self) -> bool:
        # Only the paragraph shown: its text also loses focus when another page replaces it.
        return self.currentWidget() is self.paragraph_page and self.paragraph_page.save()

    def save_quote(self) -> bool:
        return self.quote_page.save()

    def save_statistic(self) -> bool:
        return self.statistic_page.save()

    def checked_codes(self) -> list[int]:
        return self.statistic_page.checked_codes()

    def profile_bullets(self) -> list[dict[str, Any]]:
        return self.profile_page.bullets()

    def save_profile(self) -> bool:
        return self.profile_page.save()

    def save_links(self) -> bool:
        return self.links_page.save()

    def save_section(self) -> bool:
        return self.section_page.save()
