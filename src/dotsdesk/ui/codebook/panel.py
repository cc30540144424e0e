"""The codebook panel: the code tree, its actions, and the selected code's segments.

Every change is one `ctx.run` (one transaction, one undo step); refused changes are
reported by `ctx.run` itself. The tree follows `ctx.dataChanged` without losing which
codes are expanded or selected, and starts afresh on `ctx.projectChanged`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QColor, QKeySequence
from PySide6.QtWidgets import (
    QColorDialog,
    QDialog,
    QMenu,
    QMessageBox,
    QSplitter,
    QToolBar,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from ...services.coding import codebook
from ...services.coding.codebook import CodeInfo
from ...services.coding.colours import PALETTE
from ...services.coding.memos import MemoOn, get_memo, set_memo
from ..context import ProjectContext, touched_by
from ..i18n import arg
from .dialogs import CodeDetailsDialog, MergeDialog
from .model import CodebookModel
from .pin_row import PinRow, pin_code
from .segment_list import SegmentPane
from .tree import CodeTree

# Tables whose changes show in the tree (counts, names, memos) or in the segment list.
TREE_TABLES = frozenset({"code", "segment", "segment_code", "memo", "response", "respondent"})
LIST_TABLES = frozenset({"code", "segment", "segment_code", "response", "respondent", "coder"})
EDIT_TABLES = frozenset({"code", "memo"})
CODING_TABLES = frozenset({"segment", "segment_code", "coder"})  # coding, uncoding, resizing
COUNTED_TABLES = frozenset({"code", "segment", "segment_code", "response", "respondent"})
Shortcut = Qt.ShortcutContext


class CodebookPanel(QWidget):
    codeSelected = Signal(object)  # int | None: the selected code's id

    def __init__(self, ctx: ProjectContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("codebookPanel")
        self.ctx = ctx
        self.colours: Sequence[str] = PALETTE  # new codes' (Edit > Preferences)
        self.model = CodebookModel(ctx, self)
        self.tree = CodeTree(self.model, self)
        self.tree.doubleClicked.connect(lambda _index: self.apply_code())
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._context_menu)
        self.segments = SegmentPane(ctx, self)
        self._make_actions()
        toolbar = QToolBar(objectName="codebookToolbar")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        toolbar.addActions(
            [self.add_action, self.merge_action, self.recolour_action, self.memo_action]
        )
        toolbar.addAction(self.delete_action)
        splitter = QSplitter(Qt.Orientation.Vertical, objectName="codebookSplitter")
        splitter.addWidget(self.tree)
        splitter.addWidget(self.segments)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(toolbar)
        self.pin_row = PinRow(ctx, self)
        layout.addWidget(self.pin_row)
        layout.addWidget(splitter)
        self._later = QTimer(self, singleShot=True, interval=50)
        self._later.timeout.connect(self._refresh)
        # The shown response's coding, read once the user has stopped moving through
        # responses, so that the first code applied there moves the counts at once too.
        self._prepare = QTimer(self, singleShot=True, interval=200)
        self._prepare.timeout.connect(lambda: self.model.prepare_coding(self.ctx.current_response))
        ctx.responseActivated.connect(lambda _id: self._prepare.start())
        self.tree.codeChanged.connect(self._code_changed)
        ctx.projectChanged.connect(self._project_changed)
        ctx.dataChanged.connect(self._data_changed)
        self._project_changed()

    def _action(
        self,
        text: str,
        slot: Callable[[], object],
        keys: list[QKeySequence] | None = None,
        tip: str = "",
        short: str = "",
    ) -> QAction:
        """An action whose shortcut works while the tree has focus, so Delete or Enter in
        another panel (or in the name editor) never reaches the codebook."""
        action = QAction(text, self)
        action.setShortcuts(keys or [])
        action.setShortcutContext(Shortcut.WidgetShortcut)
        action.setToolTip(tip or text.replace("&", "").rstrip("…"))
        if short:
            action.setIconText(short)
        action.triggered.connect(lambda _checked=False: slot())
        self.tree.addAction(action)
        return action

    def _make_actions(self) -> None:
        key = QKeySequence
        self.add_action = self._action(
            self.tr("&New code"),
            self.add_code,
            [key("Ctrl+Shift+N")],
            self.tr("New code under the selected code (at the top level if none is selected)"),
            self.tr("New"),
        )
        self.add_action.setShortcutContext(Shortcut.WidgetWithChildrenShortcut)
        self.addAction(self.add_action)
        self.add_top_action = self._action(
            self.tr("New &top-level code"),
            lambda: self.add_code(True),
            tip=self.tr("New code at the top level"),
        )
        self.rename_action = self._action(
            self.tr("&Rename code"), self.rename_code, [key("F2")], self.tr("Rename code")
        )
        self.recolour_action = self._action(
            self.tr("Code &colour…"),
            self.recolour_code,
            tip=self.tr("Code colour"),
            short=self.tr("Colour"),
        )
        self.memo_action = self._action(
            self.tr("Code description and &memo…"),
            self.edit_details,
            tip=self.tr("Code description and memo"),
            short=self.tr("Memo"),
        )
        self.merge_action = self._action(
            self.tr("&Merge code into…"),
            self.merge_code,
            tip=self.tr("Merge code into another"),
            short=self.tr("Merge"),
        )
        self.delete_action = self._action(
            self.tr("&Delete code…"),
            self.delete_code,
            [key(Qt.Key.Key_Delete)],
            self.tr("Delete code"),
            short=self.tr("Delete"),
        )
        self.apply_action = self._action(
            self.tr("&Apply code to selection"),
            self.apply_code,
            [key(Qt.Key.Key_Return), key(Qt.Key.Key_Enter)],
            self.tr("Code the text selected in the coding panel with the selected code"),
        )
        self.code_actions = [
            self.rename_action,
            self.recolour_action,
            self.memo_action,
            self.merge_action,
            self.delete_action,
            self.apply_action,
        ]

    # -- selection and refresh ---------------------------------------------------------------
    def selected_code(self) -> CodeInfo | None:
        return self.tree.selected_code()

    def select_code(self, code_id: int | None) -> None:
        self.tree.select_code(code_id)

    def _code_changed(self, code: CodeInfo | None) -> None:
        for action in self.code_actions:
            action.setEnabled(code is not None)
        self.segments.show_code(code)
        self.codeSelected.emit(code.id if code else None)

    def _project_changed(self) -> None:
        self._later.stop()
        self._prepare.stop()
        self.tree.start_afresh()
        for action in (self.add_action, self.add_top_action):
            action.setEnabled(self.ctx.project is not None)
        self._code_changed(self.selected_code())

    def _data_changed(self, tables: frozenset[str]) -> None:
        """A codebook edit shows at once; coding elsewhere only changes counts, which take
        a while to recount in a large study (all segments are joined to their respondents),
        so they are refreshed just after, once for a burst of changes. A code applied or
        removed that says which codes it touched moves those counts now, and nothing else."""
        touched = touched_by(tables)
        if touched is not None and tables <= CODING_TABLES:
            self.model.update_counts(touched)
            selected = self.selected_code()
            if selected is not None and selected.id in touched.code_ids:
                self._later.start()  # its list of segments
            return
        if tables & COUNTED_TABLES:
            self.model.forget_coding()
        if tables & EDIT_TABLES:
            self._later.stop()
            self._refresh()
        elif tables & (TREE_TABLES | LIST_TABLES):
            self._later.start()

    def _refresh(self) -> None:
        self.model.refresh()
        self.segments.show_code(self.selected_code())

    def _context_menu(self, pos: QPoint) -> None:
        index = self.tree.indexAt(pos)
        if not index.isValid():
            self.tree.selectionModel().clearSelection()
        menu = QMenu(self)
        menu.addActions([self.apply_action, self.add_action, self.add_top_action])
        menu.addSeparator()
        menu.addActions(self.code_actions[:-1])
        code = self.selected_code() if index.isValid() else None
        if code is not None:
            self._add_pin_menu(menu, code)
        menu.exec(self.tree.viewport().mapToGlobal(pos))

    def _add_pin_menu(self, menu: QMenu, code: CodeInfo) -> None:
        """Pin to a key (showing what each key holds now), or unpin."""
        menu.addSeparator()
        keys = menu.addMenu(self.tr("Pin to Key"))
        keys.setObjectName("pinMenu")
        held = self.pin_row.pinned_ids()
        for key, slot in enumerate(self.pin_row.slots, start=1):
            now = slot.accessibleName()[2:]
            text = arg(self.tr("%1 (now %2)"), key, now) if held[key - 1] else str(key)
            action = keys.addAction(text, lambda k=key: pin_code(self.ctx, code.id, k))
            action.setEnabled(held[key - 1] != code.id)
        if code.id in held:
            menu.addAction(self.tr("Unpin"), lambda: pin_code(self.ctx, code.id, 0))

    # -- the actions -----------------------------------------------------------------------
    def add_code(self, top_level: bool = False) -> int | None:
        """A new code, "New code" (or "New code 2", ...), with its name open for typing."""
        parent = None if top_level else self.selected_code()
        parent_id = parent.id if parent else None
        taken = {c.name for c in self.model.infos() if c.parent_id == parent_id}
        name = next(
            n
            for i in range(1, len(taken) + 2)
            if (n := _numbered(self.tr("New code"), self.tr("New code %1"), i)) not in taken
        )

        def add(s: Session) -> int:
            return codebook.add_code(s, name, parent_id, palette=self.colours).id

        new_id = self.ctx.run(arg(self.tr("Add code %1"), name), add)
        if new_id is not None:
            self.select_code(new_id)
            self.tree.edit(self.model.index_of(new_id))
        return new_id

    def rename_code(self) -> None:
        if self.selected_code() is not None:
            self.tree.edit(self.tree.currentIndex().siblingAtColumn(0))

    def recolour_code(self) -> None:
        code = self.selected_code()
        if code is None:
            return
        colour = QColorDialog.getColor(
            QColor(code.colour), self, arg(self.tr("Colour of %1"), code.path)
        )
        new = colour.name().upper()
        if not colour.isValid() or new == code.colour.upper():
            return

        def recolour(s: Session) -> None:
            codebook.set_code_details(s, code.id, colour=new)

        self.ctx.run(arg(self.tr("Recolour code %1"), code.name), recolour)

    def edit_details(self) -> None:
        code = self.selected_code()
        if code is None:
            return
        with self.ctx.read() as s:
            memo = get_memo(s, MemoOn.CODE, code.id)
        dialog = CodeDetailsDialog(code, memo, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        description, new_memo, coder = dialog.description(), dialog.memo(), self.ctx.coder
        if description == (code.description or "") and new_memo == (memo or "").strip():
            return

        def edit(s: Session) -> None:
            codebook.set_code_details(s, code.id, description=description)
            set_memo(s, MemoOn.CODE, code.id, new_memo, coder=coder)

        self.ctx.run(arg(self.tr("Edit description and memo of %1"), code.name), edit)

    def merge_code(self, target_id: int | None = None) -> None:
        """Merge the selected code into `target_id`, or into the code a dialog asks for."""
        code = self.selected_code()
        if code is None:
            return
        if target_id is None:
            candidates = [c for c in self.model.infos() if not self.model.is_within(c.id, code.id)]
            dialog = MergeDialog(code, candidates, self)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return
            target_id = dialog.target_id()
        target = self.model.info(target_id)
        if target is None:
            return

        def merge(s: Session) -> codebook.MergeReport:
            return codebook.merge_code(s, code.id, target.id)

        if self.ctx.project is not None:  # a backup of the codebook as it was, on a thread
            self.ctx.project.backup_before("merge")
        report = self.ctx.run(arg(self.tr("Merge code %1 into %2"), code.name, target.name), merge)
        if report is not None:
            self.select_code(target.id)
            moved = self.tr("Merged %1 into %2: %n segment(s) moved", "", report.segments_moved)
            had = self.tr("%n already had %1", "", report.segments_already_coded)
            self.ctx.status.emit(
                arg(self.tr("%1, %2"), arg(moved, code.path, target.path), arg(had, target.name))
            )

    def delete_code(self) -> None:
        code = self.selected_code()
        if code is None:
            return
        with self.ctx.read() as s:
            impact = codebook.delete_impact(s, code.id)
        answer = QMessageBox.question(
            self,
            self.tr("Delete code"),
            arg(
                self.tr("Delete “%1”?\n\n%2.\n\nUndo brings them back."),
                code.path,
                self.impact_text(impact),
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return

        def delete(s: Session) -> codebook.DeleteImpact:
            return codebook.delete_code(s, code.id)

        done = self.ctx.run(arg(self.tr("Delete code %1"), code.name), delete)
        if done is not None:
            self.ctx.status.emit(arg(self.tr("Deleted %1: %2"), code.path, self.impact_text(done)))

    def impact_text(self, impact: codebook.DeleteImpact) -> str:
        """What deleting a code does, in the window's language."""
        parts = [self.tr("%n code(s)", "", impact.codes)]
        if impact.segments_deleted:
            parts.append(
                self.tr(
                    "%n segment(s) coded only with them are deleted", "", impact.segments_deleted
                )
            )
        if impact.segments_uncoded:
            parts.append(
                self.tr("%n segment(s) keep their other codes", "", impact.segments_uncoded)
            )
        return self.tr("; ").join(parts)

    def apply_code(self) -> None:
        code = self.selected_code()
        if code is not None:
            self.ctx.apply_codes([code.id])


def _numbered(name: str, numbered: str, n: int) -> str:
    """`name` for the first, then `numbered` with %1 as n ("New code 2")."""
    return name if n == 1 else arg(numbered, n)
