"""The coding panel's changes: each is one `ctx.run`, so one transaction and one undo step,
whatever it involves (creating a code and coding with it is one step)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from sqlalchemy.orm import Session

from ...services.coding import codebook, memos, pinned
from ...services.coding import segments as coding
from ...services.coding.colours import PALETTE
from ..context import ProjectContext, TextSelection, Touched
from ..i18n import arg
from .palette import PaletteChoice

MEMO_UNDO = {  # the undo step of a memo edit, by what the memo is on
    "response": QT_TRANSLATE_NOOP("CodingOps", "Edit response memo"),
    "segment": QT_TRANSLATE_NOOP("CodingOps", "Edit segment memo"),
    "code": QT_TRANSLATE_NOOP("CodingOps", "Edit code memo"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("CodingOps", text)


class CodingOps:
    def __init__(self, ctx: ProjectContext) -> None:
        self.ctx = ctx
        self.colours: Sequence[str] = PALETTE  # new codes' (Edit > Preferences)

    def apply(self, choice: PaletteChoice, span: TextSelection | None) -> int | None:
        """Code `span` (default: the current selection) with a chosen or a new code."""
        span = span or self.ctx.selection
        if span is None:
            self.ctx.status.emit(QCoreApplication.translate("CodingOps", "Select some text first"))
            return None
        if choice.code_id is not None:
            return self.ctx.apply_codes([choice.code_id], span)
        if not self.ctx.ensure_coder():  # the first segment asks who is coding
            return None
        coder, path = self.ctx.coder, choice.path

        def create_and_code(s: Session) -> int:
            code = codebook.ensure_code(s, path, palette=self.colours)
            return coding.code_span(
                s, span.response_id, span.start, span.end, [code.id], coder=coder
            ).id

        label = QCoreApplication.translate("CodingOps", "Create code %1 and code with it")
        return self.ctx.run(arg(label, path), create_and_code)

    def remove_code(
        self, segment_id: int, code_id: int, path: str, response_id: int | None = None
    ) -> None:
        """`response_id`: the segment's, so that views refresh only this segment."""
        label = arg(QCoreApplication.translate("CodingOps", "Remove code %1"), path)
        self.ctx.run(
            label,
            lambda s: coding.uncode(s, segment_id, code_id),
            _touched(response_id, segment_id, code_id),
        )

    def change_code(
        self,
        segment_id: int,
        old_id: int,
        old_path: str,
        choice: PaletteChoice,
        response_id: int | None = None,
    ) -> None:
        def change(s: Session) -> None:
            new_id = choice.code_id or codebook.ensure_code(s, choice.path).id
            coding.recode(s, segment_id, old_id, new_id)

        label = QCoreApplication.translate("CodingOps", "Change code %1 to %2")
        codes = (old_id, choice.code_id) if choice.code_id is not None else None
        touched = _touched(response_id, segment_id, *codes) if codes else None
        self.ctx.run(arg(label, old_path, choice.path), change, touched)

    def resize(self, segment_id: int, start: int, end: int, response_id: int | None = None) -> None:
        label = QCoreApplication.translate("CodingOps", "Resize segment")
        self.ctx.run(
            label,
            lambda s: coding.resize(s, segment_id, start, end),
            _touched(response_id, segment_id),
        )

    def set_memo(self, on: memos.MemoOn, target_id: int, text: str) -> None:
        coder = self.ctx.coder
        self.ctx.run(
            _tr(MEMO_UNDO.get(on.value, MEMO_UNDO["response"])),
            lambda s: memos.set_memo(s, on, target_id, text, coder=coder),
        )

    def pin(self, code_id: int, key: int) -> None:
        """Pin to key 1-9; key 0 unpins."""
        if key:
            label = arg(QCoreApplication.translate("CodingOps", "Pin code to key %1"), key)
            self.ctx.run(label, lambda s: pinned.pin(s, code_id, key))
        else:
            label = QCoreApplication.translate("CodingOps", "Unpin code")
            self.ctx.run(label, lambda s: pinned.unpin(s, code_id))


def _touched(
    response_id: int | None, segment_id: int, *code_ids: int
) -> Callable[[object], Touched] | None:
    """What changing one segment touches, when its response is known."""
    if response_id is None:
        return None
    said = Touched(response_id, frozenset({segment_id}), frozenset(code_ids))
    return lambda _result: said
