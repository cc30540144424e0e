"""A section: its heading (none for an opening section)."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLineEdit, QWidget

from ....services.composer import posts
from .base import Editing, save_button


class SectionPage(QWidget):
    def __init__(self, editing: Editing, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editing = editing
        form = QFormLayout(self)
        self.title = QLineEdit(objectName="composerSectionTitle")
        self.title.setPlaceholderText(self.tr("No heading (an opening section)"))
        self.title.returnPressed.connect(self.save)
        form.addRow(self.tr("Heading"), self.title)
        form.addRow("", save_button("composerSaveSection", self.save))

    def load(self, section_id: int) -> None:
        with self.editing.ctx.read() as s:
            title = posts.get_section(s, section_id).title
        self.title.setText(title)

    def save(self) -> bool:
        section_id = self.editing.section_id
        if section_id is None:
            return False
        title = self.title.text()
        done = self.editing.ctx.run(
            self.tr("Rename section"), lambda s: posts.rename_section(s, section_id, title) or True
        )
        return done is not None
