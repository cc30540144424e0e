"""The right-click menu of the coding text: per segment under the mouse, remove or change
each code, edit its memo, widen or narrow it to the selection."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMenu, QWidget

from ...services.coding.segments import SegmentView
from ..i18n import arg
from .data import ShownResponse

SNIPPET = 28


class MenuHandler(Protocol):
    def remove_code(self, segment: SegmentView, code_id: int) -> None: ...
    def change_code(self, segment: SegmentView, code_id: int) -> None: ...
    def edit_segment_memo(self, segment: SegmentView) -> None: ...
    def edit_code_memo(self, code_id: int) -> None: ...
    def resize_segment(self, segment: SegmentView, start: int, end: int) -> None: ...
    def select_segment(self, segment: SegmentView) -> None: ...


def snippet(text: str) -> str:
    text = " ".join(text.split())
    return f"“{text}”" if len(text) <= SNIPPET else f"“{text[: SNIPPET - 1]}…”"


def build_menu(
    parent: QWidget,
    shown: ShownResponse | None,
    offset: int | None,
    selection: tuple[int, int] | None,
    handler: MenuHandler,
    general: list[object],
) -> QMenu:
    """The menu at code point `offset`; `general` actions (code with..., memo) go last."""
    menu = QMenu(parent)
    menu.setObjectName("codingContextMenu")
    segments = shown.segments_at(offset) if shown is not None and offset is not None else []
    for segment in segments:
        _segment_section(menu, shown, segment, selection, handler)  # type: ignore[arg-type]
    if segments:
        menu.addSeparator()
    for action in general:
        menu.addAction(action)  # type: ignore[call-overload]
    return menu


def _segment_section(
    menu: QMenu,
    shown: ShownResponse,
    segment: SegmentView,
    selection: tuple[int, int] | None,
    handler: MenuHandler,
) -> None:
    menu.addSection(snippet(segment.text))
    for cid in segment.code_ids:
        path = (
            shown.codes[cid].path
            if cid in shown.codes
            else arg(QCoreApplication.translate("CodingMenu", "code %1"), cid)
        )
        menu.addAction(
            arg(QCoreApplication.translate("CodingMenu", "Remove %1"), path)
        ).triggered.connect(lambda _=False, c=cid: handler.remove_code(segment, c))
        menu.addAction(
            arg(QCoreApplication.translate("CodingMenu", "Change %1 to…"), path)
        ).triggered.connect(lambda _=False, c=cid: handler.change_code(segment, c))
        menu.addAction(
            arg(QCoreApplication.translate("CodingMenu", "Memo on the code %1…"), path)
        ).triggered.connect(lambda _=False, c=cid: handler.edit_code_memo(c))
    memo = menu.addAction(
        QCoreApplication.translate("CodingMenu", "Edit memo…")
        if segment.memo
        else QCoreApplication.translate("CodingMenu", "Add memo…")
    )
    memo.triggered.connect(lambda: handler.edit_segment_memo(segment))
    if selection is not None and selection != (segment.start, segment.end):
        start, end = selection
        if segment.start <= start and end <= segment.end:
            text = QCoreApplication.translate("CodingMenu", "Narrow the segment to the selection")
        elif start <= segment.start and segment.end <= end:
            text = QCoreApplication.translate("CodingMenu", "Widen the segment to the selection")
        else:
            text = QCoreApplication.translate("CodingMenu", "Resize the segment to the selection")
        menu.addAction(text).triggered.connect(lambda: handler.resize_segment(segment, start, end))
    menu.addAction(
        QCoreApplication.translate("CodingMenu", "Select the segment")
    ).triggered.connect(lambda: handler.select_segment(segment))
