"""The coding panel's changes: each is one `ctx.run`, so one transaction and one undo step,
whatever it involves (creating a code and coding with it is one step)."""

from __future__ import annotations

from sqlalchemy.orm import Session

from ...services.coding import codebook, memos, pinned
from ...services.coding import segments as coding
from ..context import ProjectContext, TextSelection
from .palette import PaletteChoice


class CodingOps:
    def __init__(self, ctx: ProjectContext) -> None:
        self.ctx = ctx

    def apply(self, choice: PaletteChoice, span: TextSelection | None) -> int | None:
        """Code `span` (default: the current selection) with a chosen or a new code."""
        span = span or self.ctx.selection
        if span is None:
            self.ctx.status.emit("Select some text first")
            return None
        if choice.code_id is not None:
            return self.ctx.apply_codes([choice.code_id], span)
        if not self.ctx.ensure_coder():  # the first segment asks who is coding
            return None
        coder, path = self.ctx.coder, choice.path

        def create_and_code(s: Session) -> int:
            code = codebook.ensure_code(s, path)
            return coding.code_span(
                s, span.response_id, span.start, span.end, [code.id], coder=coder
            ).id

        return self.ctx.run(f"Create code {path} and code with it", create_and_code)

    def remove_code(self, segment_id: int, code_id: int, path: str) -> None:
        self.ctx.run(f"Remove code {path}", lambda s: coding.uncode(s, segment_id, code_id))

    def change_code(
        self, segment_id: int, old_id: int, old_path: str, choice: PaletteChoice
    ) -> None:
        def change(s: Session) -> None:
            new_id = choice.code_id or codebook.ensure_code(s, choice.path).id
            coding.recode(s, segment_id, old_id, new_id)

        self.ctx.run(f"Change code {old_path} to {choice.path}", change)

    def resize(self, segment_id: int, start: int, end: int) -> None:
        self.ctx.run("Resize segment", lambda s: coding.resize(s, segment_id, start, end))

    def set_memo(self, on: memos.MemoOn, target_id: int, text: str) -> None:
        coder = self.ctx.coder
        self.ctx.run(
            f"Edit {on.value} memo",
            lambda s: memos.set_memo(s, on, target_id, text, coder=coder),
        )

    def pin(self, code_id: int, key: int) -> None:
        """Pin to key 1-9; key 0 unpins."""
        if key:
            self.ctx.run(f"Pin code to key {key}", lambda s: pinned.pin(s, code_id, key))
        else:
            self.ctx.run("Unpin code", lambda s: pinned.unpin(s, code_id))
