"""The coding panel: a response's text with its coded spans, where text is selected and
coded by key (1-9), by the palette (Ctrl+K) or from the right-click menu."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPoint, QSize, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QMenu, QSplitter, QToolBar, QVBoxLayout, QWidget

from ...errors import DotsError, NotFound
from ...services.coding import memos, pinned
from ...services.coding.memos import MemoOn
from ...services.coding.segments import SegmentView
from ..context import ProjectContext, TextSelection, touched_by
from ..i18n import arg
from .data import (
    TABLES_OF_SEGMENTS,
    TABLES_SHOWN,
    ShownResponse,
    code_looks,
    load_response,
    palette_codes,
)
from .find_bar import FindBar
from .header import HeaderLabel, header_html, keys_html, segment_html, tooltip_html
from .memo_dialog import ask_memo
from .menus import build_menu, snippet
from .ops import CodingOps
from .palette import CodePalette, PaletteChoice
from .reading import decorate, follow_translations, show_search
from .segment_groups import groups_of, reread
from .text_view import CodingTextView
from .transcript import TranscriptTools
from .translation import TranslationPane


class CodingPanel(QWidget):
    def __init__(self, ctx: ProjectContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("codingPanelWidget")
        self.ctx = ctx
        self.ops = CodingOps(ctx)
        self.shown: ShownResponse | None = None
        self.pinned: list[int | None] = [None] * pinned.KEYS
        self.ask_memo = ask_memo  # replaced in tests
        self.auto_translation = True  # Edit > Preferences (reading.py)
        self.search_text = ""  # the browser's search, boxed in the text
        self.header = HeaderLabel(objectName="codingHeader")
        self.keys_label = QLabel(objectName="codingPinnedKeys")
        self.view = CodingTextView()
        self.translation = TranslationPane()
        self.find_bar = FindBar(self.view)
        self.palette = CodePalette(self)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, objectName="codingSplitter")
        self.splitter.addWidget(self.view)
        self.splitter.addWidget(self.translation)
        self.translation.hide()
        self.toolbar = QToolBar(objectName="codingToolbar")
        self._make_actions()
        decorate(self)
        self.transcript = TranscriptTools(self)  # the turn outline, jump to time
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        for widget in (self.toolbar, self.header, self.keys_label):
            layout.addWidget(widget)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.find_bar)
        self.view.tooltip_for = self.tooltip_at
        self.view.margin.tooltip_for_segment = self.tooltip_for_segment
        self.view.margin.segmentClicked.connect(lambda sid: self.select_segment_id(sid, False))
        self.view.selectionChanged.connect(self._selection_changed)
        self.view.menuRequested.connect(self._show_menu)
        self.palette.pinRequested.connect(self._pin)
        self.palette.chosen.connect(lambda choice: self._on_choice(choice))
        self._on_choice: Callable[[PaletteChoice], object] = lambda choice: None
        ctx.responseActivated.connect(self.show_response)
        ctx.segmentActivated.connect(self.show_segment)
        ctx.dataChanged.connect(self._data_changed)
        ctx.projectChanged.connect(self.clear)
        self.clear()

    def sizeHint(self) -> QSize:
        """Room for a line of text worth reading; a dock starts from this."""
        return QSize(560, 600)

    # -- actions --------------------------------------------------------------------------
    def _action(self, text: str, slot: object, shortcut: str | None = None) -> QAction:
        action = QAction(text, self)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(slot)  # type: ignore[arg-type]
        self.addAction(action)
        return action

    def _make_actions(self) -> None:
        self.palette_action = self._action(self.tr("Code with…"), self.open_palette, "Ctrl+K")
        self.palette_action.setObjectName("codingPaletteAction")
        self.find_action = self._action(
            self.tr("Find in response…"), self.find_bar.open_bar, "Ctrl+F"
        )
        self.find_action.setObjectName("codingFindAction")
        self.translation_action = self._action(self.tr("Show translation"), self.toggle_translation)
        self.translation_action.setObjectName("codingTranslationAction")
        self.translation_action.setCheckable(True)
        self.snap_action = self._action(self.tr("Snap selection to words"), self._toggle_snap)
        self.snap_action.setObjectName("codingSnapAction")
        self.snap_action.setCheckable(True)
        self.snap_action.setToolTip(
            self.tr("Extend a mouse selection to whole words (Alt-drag: exact)")
        )
        self.response_memo_action = self._action(self.tr("Response memo…"), self.edit_response_memo)
        self.response_memo_action.setObjectName("codingResponseMemoAction")
        self.pin_actions = [
            self._action(
                arg(self.tr("Code with pinned code %1"), k),
                lambda _=False, k=k: self.apply_pinned(k),
                str(k),
            )
            for k in range(1, pinned.KEYS + 1)
        ]
        self.toolbar.addActions(
            [self.palette_action, self.find_action, self.translation_action, self.snap_action]
        )
        self.toolbar.addAction(self.response_memo_action)

    def toggle_translation(self, on: bool) -> None:
        self.translation.setVisible(on)
        if on:
            half = max(self.splitter.width() // 2, 1)
            self.splitter.setSizes([half, half])

    def _toggle_snap(self, on: bool) -> None:
        self.view.snap_words = on

    # -- showing ----------------------------------------------------------------------------
    def clear(self) -> None:
        self.shown = None
        self.view.set_text("", None)
        self.transcript.show(())
        self.view.set_bars([], narrow=True)
        self.view.setPlaceholderText(self.tr("Choose a response to read and code it."))
        self.header.setText("<i>" + self.tr("No response") + "</i>")
        self.translation.set_translations([])
        self.keys_label.hide()
        for action in (self.palette_action, self.response_memo_action, *self.pin_actions):
            action.setEnabled(False)

    def show_response(self, response_id: int) -> None:
        try:
            with self.ctx.read() as s:
                shown = load_response(s, response_id)
                self.pinned = pinned.get_pinned(s)
        except DotsError as exc:
            self.ctx.error.emit(str(exc))
            return
        self.shown = shown
        self.view.set_text(shown.text, shown.id, shown.turns)
        self.transcript.show(shown.turns, shown.text)
        self._show_details()
        self.find_bar.search()
        show_search(self)

    def set_search(self, search: str) -> None:
        """The browser's search: its hits boxed in each response shown from now on."""
        self.search_text = search
        show_search(self)

    def show_segment(self, response_id: int, segment_id: int) -> None:
        if self.shown is None or self.shown.id != response_id:
            self.show_response(response_id)
        self.select_segment_id(segment_id)

    def select_segment_id(self, segment_id: int, centre: bool = True) -> None:
        segment = self.shown.segment(segment_id) if self.shown else None
        if segment is not None:
            self.view.select_code_points(segment.start, segment.end, centre=centre)

    def select_segment(self, segment: SegmentView) -> None:
        self.select_segment_id(segment.id)

    def _show_details(self) -> None:
        """Everything but the text: highlights, bars, header, translation, keys."""
        shown = self.shown
        assert shown is not None
        self._show_segments()
        self.translation.set_translations(shown.translations)
        self.translation_action.setText(
            arg(self.tr("Show translation (%1)"), len(shown.translations))
        )
        follow_translations(self)
        self._show_keys()
        for action in (self.palette_action, self.response_memo_action, *self.pin_actions):
            action.setEnabled(True)

    def _show_segments(self) -> None:
        """What the segments decide: highlights, bars and the header (which counts them).
        Plain lists throughout, no object per segment or code: this runs after every code
        applied."""
        shown = self.shown
        assert shown is not None
        self.view.set_segment_groups(groups_of(shown.segments, shown, self.view.utf16.__getitem__))
        self.header.setText(header_html(shown))

    def _show_keys(self) -> None:
        with self.ctx.read() as s:
            looks = code_looks(s, [c for c in self.pinned if c is not None])
        text = keys_html(self.pinned, looks)
        self.keys_label.setText(text)
        self.keys_label.setVisible(bool(text))

    def _data_changed(self, tables: frozenset[str]) -> None:
        shown_tables = tables & TABLES_SHOWN
        if self.shown is None or not shown_tables:
            return
        if shown_tables == {"setting"}:
            with self.ctx.read() as s:
                self.pinned = pinned.get_pinned(s)
            self._show_keys()
            return
        if shown_tables <= TABLES_OF_SEGMENTS:
            touched = touched_by(tables)
            if touched is None:
                self._refresh_segments()
            elif touched.response_id == self.shown.id:
                self._refresh_segments(touched.segment_ids)
            return
        scroll = self.view.verticalScrollBar().value()
        cursor = self.view.textCursor()
        anchor, position = cursor.anchor(), cursor.position()
        try:
            with self.ctx.read() as s:
                shown = load_response(s, self.shown.id)
                self.pinned = pinned.get_pinned(s)
        except NotFound:
            self.clear()
            return
        text_changed = shown.text != self.shown.text
        turns_changed = shown.turns != self.shown.turns
        self.shown = shown
        if turns_changed:
            self.transcript.show(shown.turns, shown.text)
            if not text_changed:
                self.view.set_turns(shown.turns)
        if text_changed:
            self.view.set_text(shown.text, shown.id, shown.turns)
            end = len(self.view.toPlainText())
            cursor = self.view.textCursor()
            cursor.setPosition(min(anchor, end))
            cursor.setPosition(min(position, end), cursor.MoveMode.KeepAnchor)
            self.view.setTextCursor(cursor)
        self._show_details()
        self.view.verticalScrollBar().setValue(scroll)
        if text_changed:
            self.find_bar.search()

    def _refresh_segments(self, only: frozenset[int] | None = None) -> None:
        """Only segments changed (a code applied, removed, a segment resized): read this
        response's segments again (`only` those, when the change said which), and the
        looks of codes new to it; text, header facts, translations and keys stay. Nothing
        is redrawn when its segments did not change; only what changed, when known."""
        shown = self.shown
        assert shown is not None
        try:
            with self.ctx.read() as s:
                found = reread(s, shown, only)
        except NotFound:
            self.clear()
            return
        if found is None:
            return
        scroll = self.view.verticalScrollBar().value()
        self.shown = found.shown
        if found.before is None or found.after is None:
            self._show_segments()
        else:
            to16 = self.view.utf16.__getitem__
            self.view.update_segment_groups(
                groups_of(found.before, shown, to16), groups_of(found.after, found.shown, to16)
            )
            self.header.setText(header_html(found.shown))
        self.view.verticalScrollBar().setValue(scroll)

    # -- hover ------------------------------------------------------------------------------
    def tooltip_at(self, offset: int) -> str:
        return tooltip_html(self.shown, offset) if self.shown else ""

    def tooltip_for_segment(self, segment_id: int) -> str:
        segment = self.shown.segment(segment_id) if self.shown else None
        return segment_html(self.shown, segment) if self.shown and segment else ""

    # -- coding -----------------------------------------------------------------------------
    def selection(self) -> TextSelection | None:
        span = self.view.code_point_selection()
        if self.shown is None or span is None:
            return None
        return TextSelection(self.shown.id, *span)

    def _selection_changed(self) -> None:
        if self.shown is not None:
            self.ctx.selectionChanged.emit(self.selection())

    def apply_pinned(self, key: int) -> None:
        code_id = self.pinned[key - 1]
        if code_id is None:
            self.ctx.status.emit(
                arg(self.tr("No code is pinned to key %1: pin one from the palette (Ctrl+K)"), key)
            )
            return
        self.ctx.apply_codes([code_id], self.selection())

    def open_palette(
        self,
        *,
        title: str | None = None,
        on_choice: Callable[[PaletteChoice], object] | None = None,
    ) -> None:
        """Open the palette; its choice codes the selection as it was now, or goes to
        `on_choice`."""
        if self.shown is None:
            return
        with self.ctx.read() as s:
            codes = palette_codes(s)
        span = self.selection()
        if title is None:
            title = self.tr("Code the selection with…")
        if span is None and on_choice is None:
            title = self.tr("Nothing is selected: right-click a code to pin it to a key")
        self._on_choice = on_choice or (lambda choice: self.ops.apply(choice, span))
        rect = self.view.cursorRect()
        at = self.view.viewport().mapToGlobal(QPoint(rect.left(), rect.bottom() + 4))
        self.palette.open_for(codes, title, at)

    def _pin(self, code_id: int, key: int) -> None:
        self.ops.pin(code_id, key)
        with self.ctx.read() as s:
            self.palette.set_codes(palette_codes(s))

    # -- the right-click menu -------------------------------------------------------------
    def build_context_menu(self, offset: int | None) -> QMenu:
        span = self.view.code_point_selection()
        general = [self.palette_action, self.response_memo_action]
        return build_menu(self, self.shown, offset, span, self, general)

    def _show_menu(self, offset: int | None, at: QPoint) -> None:
        self.build_context_menu(offset).exec(at)

    def remove_code(self, segment: SegmentView, code_id: int) -> None:
        self.ops.remove_code(segment.id, code_id, self._path(code_id), segment.response_id)

    def change_code(self, segment: SegmentView, code_id: int) -> None:
        def change(choice: PaletteChoice) -> None:
            self.ops.change_code(
                segment.id, code_id, self._path(code_id), choice, segment.response_id
            )

        self.open_palette(
            title=arg(self.tr("Change %1 to…"), self._path(code_id)), on_choice=change
        )

    def resize_segment(self, segment: SegmentView, start: int, end: int) -> None:
        self.ops.resize(segment.id, start, end, segment.response_id)

    def edit_segment_memo(self, segment: SegmentView) -> None:
        self._edit_memo(MemoOn.SEGMENT, segment.id, snippet(segment.text), segment.memo)

    def edit_code_memo(self, code_id: int) -> None:
        with self.ctx.read() as s:
            current = memos.get_memo(s, MemoOn.CODE, code_id)
        self._edit_memo(MemoOn.CODE, code_id, self._path(code_id), current)

    def edit_response_memo(self) -> None:
        if self.shown is not None:
            about = f"{self.shown.respondent}: {snippet(self.shown.text)}"
            self._edit_memo(MemoOn.RESPONSE, self.shown.id, about, self.shown.memo)

    def _edit_memo(self, on: MemoOn, target_id: int, about: str, current: str | None) -> None:
        """Ask; Cancel, or no change, records nothing."""
        title = {
            MemoOn.RESPONSE: self.tr("Memo on the response"),
            MemoOn.SEGMENT: self.tr("Memo on the segment"),
            MemoOn.CODE: self.tr("Memo on the code"),
        }[on]
        text = self.ask_memo(self, title, about, current or "")
        if text is not None and text != (current or ""):
            self.ops.set_memo(on, target_id, text)

    def _path(self, code_id: int) -> str:
        look = self.shown.codes.get(code_id) if self.shown else None
        return look.path if look else arg(self.tr("code %1"), code_id)
