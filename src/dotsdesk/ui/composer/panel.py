"""The draft composer panel: choose a post, arrange its outline, edit the selected block,
and watch a live preview of the post as the reader will see it.

This module builds the widgets and connects them; the edits (`actions`, and the block
editors' saves) are each one `ctx.run`: one transaction, one undo step. The outline follows
`ctx.dataChanged` at once; the preview re-renders ~150 ms after a burst of changes, through
the consent gate with placeholders, so a withdrawn consent shows in red straight away and a
deleted segment shows the block's "quote removed" text. While hidden the preview only notes
that it is stale and re-renders when shown. Above it, the population bar names what the
figures are computed over and offers "Accept figures" when one changed (`population_bar`).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QSplitter,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ...errors import DotsError
from ...services.composer import posts
from ...services.composer.render import render_post
from ...services.composer.render_tree import RenderedPost
from ..context import ProjectContext
from ..i18n import arg
from .actions import ComposerActions
from .editors import BlockEditor
from .outline import OutlineModel
from .outline_view import OutlineView
from .population_bar import PopulationBar
from .preview import RED, issues_text, preview_html
from .quote_finder import QuoteFinder

OUTLINE_TABLES = frozenset({"post", "section", "block", "segment", "response"})
PREVIEW_DELAY_MS = 150


class DraftComposer(QWidget):
    postChanged = Signal(object)  # int | None: the post shown

    def __init__(self, ctx: ProjectContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("draftComposerPanel")
        self.ctx = ctx
        self.last_tree: RenderedPost | None = None
        self.preview_source = ""  # the HTML last given to the preview
        self._stale = True
        self._reloading = False
        self._build()
        self._preview_timer = QTimer(self, singleShot=True, interval=PREVIEW_DELAY_MS)
        self._preview_timer.timeout.connect(self.refresh_preview)
        ctx.projectChanged.connect(self._project_changed)
        ctx.dataChanged.connect(self._data_changed)
        self._project_changed()

    # -- construction ---------------------------------------------------------------------
    def _build(self) -> None:
        self.post_combo = QComboBox(objectName="composerPost")
        self.post_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.post_combo.setMinimumContentsLength(8)
        self.post_combo.activated.connect(lambda _n: self.show_post(self.post_combo.currentData()))

        self.model = OutlineModel(self.ctx, self)
        self.outline = OutlineView(self.model)
        self.outline.selectionModel().currentChanged.connect(self._current_changed)
        self.editor = BlockEditor(self.ctx)
        # The user's operations (not `self.actions`: that is QWidget's list of actions).
        self.ops = actions = ComposerActions(self.ctx, self.outline, self.editor, self)
        self.outline.addAction(actions.delete_action)

        add_block = QToolButton(objectName="composerAddBlock", text=self.tr("Add block"))
        add_block.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(add_block)
        menu.addActions(
            [actions.add_paragraph_action, actions.add_statistic_action, actions.add_links_action]
        )
        add_block.setMenu(menu)
        tools = QHBoxLayout()
        tools.addWidget(QLabel(self.tr("Post")))
        tools.addWidget(self.post_combo, 1)
        for action in (actions.add_section_action, actions.delete_action):
            button = QToolButton()
            button.setDefaultAction(action)
            tools.addWidget(button)
            if action is actions.add_section_action:
                tools.addWidget(add_block)

        self.quote_finder = QuoteFinder(self.ctx)
        self.quote_finder.quoteRequested.connect(actions.add_quote)
        top = QWidget()
        top_column = QVBoxLayout(top)
        top_column.setContentsMargins(0, 0, 0, 0)
        top_column.addWidget(self.quote_finder)
        top_column.addWidget(self.outline, 1)

        left = QSplitter(Qt.Orientation.Vertical, objectName="composerLeft")
        left.addWidget(top)
        left.addWidget(self.editor)
        left.setStretchFactor(0, 3)
        left.setStretchFactor(1, 2)

        self.population_bar = PopulationBar(self.ctx)
        self.issues_label = QLabel(objectName="composerIssues", wordWrap=True)
        self.issues_label.setTextFormat(Qt.TextFormat.PlainText)
        self.preview = QTextBrowser(objectName="composerPreview")
        self.preview.setOpenLinks(False)
        self.preview.anchorClicked.connect(lambda url: self.ctx.status.emit(url.toString()))
        right = QWidget()
        column = QVBoxLayout(right)
        column.setContentsMargins(0, 0, 0, 0)
        issues_row = QHBoxLayout()
        issues_row.addWidget(self.issues_label, 1)
        issues_row.addWidget(self.population_bar.accept_button, 0, Qt.AlignmentFlag.AlignTop)
        column.addWidget(self.preview, 1)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, objectName="composerSplitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(tools)
        # The post's population and issues span the panel: they are about the whole post,
        # and the preview's column is often too narrow for a sentence about a figure.
        layout.addWidget(self.population_bar)
        layout.addLayout(issues_row)
        layout.addWidget(self.splitter, 1)

    # -- posts ----------------------------------------------------------------------------
    def current_post_id(self) -> int | None:
        return self.model.post_id

    def _fill_posts(self) -> None:
        self.post_combo.clear()
        if self.ctx.project is None:
            return
        with self.ctx.read() as s:
            for post in posts.list_posts(s):
                if post.number is None:
                    self.post_combo.addItem(post.title, post.id)
                else:
                    numbered = arg(self.tr("No.%1 · %2"), post.number, post.title)
                    self.post_combo.addItem(numbered, post.id)
        self._sync_combo()

    def _sync_combo(self) -> None:
        i = self.post_combo.findData(self.model.post_id)
        self.post_combo.setCurrentIndex(i)

    def show_post(self, post_id: int | None) -> None:
        if self.editor.paragraph_dirty():
            self.editor.save_paragraph()
        self.model.load(post_id)
        self.outline.expandAll()
        self.editor.clear()
        self._sync_combo()
        self.postChanged.emit(self.model.post_id)
        self.refresh_preview()

    # -- outline selection ----------------------------------------------------------------
    def selected(self) -> tuple[str, int] | None:
        """("section", id) or ("block", id) of the outline's current item."""
        return self.outline.selected()

    def select_block(self, block_id: int) -> bool:
        return self.outline.select("block", block_id)

    def select_section(self, section_id: int) -> bool:
        return self.outline.select("section", section_id)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._reloading:
            return
        if self.editor.paragraph_dirty():
            self.editor.save_paragraph()
        chosen = self.selected()
        if chosen is None:
            self.editor.clear()
            return
        kind, item_id = chosen
        if kind == "section":
            self.editor.show_section(item_id)
        else:
            self.editor.show_block(item_id)
            self.preview.scrollToAnchor(f"block-{item_id}")

    # -- the user's operations (`actions.py`), under the panel's names -------------------
    def add_section(self, title: str | None = None) -> int | None:
        return self.ops.add_section(self.tr("New section") if title is None else title)

    def add_paragraph(self, text: str | None = None) -> int | None:
        return self.ops.add_paragraph(self.tr("New paragraph.") if text is None else text)

    def add_statistic(self, code_id: int | None = None) -> int | None:
        return self.ops.add_statistic(code_id)

    def add_links(self) -> int | None:
        return self.ops.add_links()

    def add_quote(self, segment_id: int) -> int | None:
        return self.ops.add_quote(segment_id)

    def delete_selected(self) -> bool:
        return self.ops.delete_selected()

    # -- following the project ------------------------------------------------------------
    def _project_changed(self) -> None:
        self.model.load(None)
        self.editor.clear()
        self._fill_posts()
        if self.ctx.project is not None and self.post_combo.count():
            self.show_post(self.post_combo.itemData(0))
        else:
            self.refresh_preview()

    def _data_changed(self, tables: Any) -> None:
        tables = set(tables or ())
        if "post" in tables:
            self._fill_posts()
            if self.model.post_id is not None and self.post_combo.findData(self.model.post_id) < 0:
                self.show_post(self.post_combo.itemData(0) if self.post_combo.count() else None)
        if tables & OUTLINE_TABLES:
            self._reload_outline()
        self.editor.refresh()
        self._preview_timer.start()

    def _reload_outline(self) -> None:
        chosen = self.selected()
        expanded = self.outline.expanded_sections()
        self.model.reload()
        self._reloading = True  # the same item again: no editor reload, no save
        try:
            for section_id in expanded:
                index = self.model.index_of("section", section_id)
                if index.isValid():
                    self.outline.expand(index)
            index = self.model.index_of(*chosen) if chosen is not None else QModelIndex()
            if index.isValid():
                self.outline.setCurrentIndex(index)
        finally:
            self._reloading = False
        if chosen is not None and not self.model.index_of(*chosen).isValid():
            self.editor.clear()

    # -- preview --------------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh_preview(force=True)

    def set_shown(self, shown: bool) -> None:
        """For the dock's visibilityChanged: a tab behind another is "visible" to Qt."""
        if shown and self._stale:
            self.refresh_preview(force=True)

    def hidden(self) -> bool:
        return not self.isVisible() or self.visibleRegion().isEmpty()

    def refresh_preview(self, force: bool = False) -> None:
        """Render the post now (the timer calls this after a burst of changes); while the
        panel is hidden or behind another tab, only note that the preview is stale."""
        self._preview_timer.stop()
        if not force and self.hidden():
            self._stale = True
            return
        self._stale = False
        post_id = self.model.post_id
        self.last_tree = None
        self.population_bar.show_tree(None, None)
        if self.ctx.project is None or post_id is None:
            self._show_preview(
                "", self.tr("No post: choose one, or use File > New post from codes…")
            )
            return
        try:
            with self.ctx.read() as s:
                tree = render_post(s, post_id, placeholders=True)
        except DotsError as exc:
            self._show_preview("", arg(self.tr("The preview failed: %1"), exc), error=True)
            return
        self.last_tree = tree
        self.population_bar.show_tree(post_id, tree)
        blocking = any(i.blocking for i in tree.issues)
        self._show_preview(
            preview_html(tree), issues_text(tree.issues), error=blocking, calm=not tree.issues
        )
        self.issues_label.setToolTip("\n".join(f"• {i.message}" for i in tree.issues))

    def _show_preview(
        self, html: str, issues: str, *, error: bool = False, calm: bool = False
    ) -> None:
        bar = self.preview.verticalScrollBar()
        keep = bar.value()
        self.preview_source = html
        self.issues_label.setToolTip("")
        self.preview.setHtml(html)
        bar.setValue(keep)
        self.issues_label.setText(issues)
        colour = RED if error else ("#2e7d32" if calm else "#8a6d00")
        self.issues_label.setStyleSheet(f"color: {colour}; font-weight: bold; padding: 2px")
