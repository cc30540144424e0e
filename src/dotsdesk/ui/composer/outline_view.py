"""The outline as a tree the user drags in: which section or block is selected, how to
select one, and where a new block goes."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QTreeView, QWidget

from .outline import ID_ROLE, KIND_ROLE, OutlineModel


class OutlineView(QTreeView):
    def __init__(self, model: OutlineModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("composerOutline")
        self.outline_model = model  # model() is typed as any item model
        self.setModel(model)
        self.setHeaderHidden(True)
        self.setUniformRowHeights(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setDropIndicatorShown(True)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setToolTip(
            self.tr(
                "Drag sections and blocks to reorder them; drop a segment from the codebook or "
                "the coding panel to quote it."
            )
        )

    def selected(self) -> tuple[str, int] | None:
        """("section", id) or ("block", id) of the current item."""
        index = self.currentIndex()
        if not index.isValid():
            return None
        kind = "section" if index.data(KIND_ROLE) == "section" else "block"
        return kind, int(index.data(ID_ROLE))

    def select(self, kind: str, item_id: int) -> bool:
        index = self.outline_model.index_of(kind, item_id)
        if not index.isValid():
            return False
        if index.parent().isValid():
            self.expand(index.parent())
        self.setCurrentIndex(index)
        self.scrollTo(index)
        return True

    def target(self) -> tuple[int, int | None] | None:
        """(section id, position) where a new block goes: after the selected block, or at
        the end of the selected section, or of the last section."""
        model = self.outline_model
        index = self.currentIndex()
        section = model.section_of(index)
        if section is None:
            if not model.sections:
                return None
            return model.sections[-1].id, None
        block = model.block_of(index)
        return section.id, (index.row() + 1 if block is not None else None)

    def expanded_sections(self) -> list[int]:
        model = self.outline_model
        return [
            s.id for row, s in enumerate(model.sections) if self.isExpanded(model.index(row, 0))
        ]
