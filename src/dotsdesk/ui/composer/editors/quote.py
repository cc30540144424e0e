"""A quote: the segment it quotes, and its lead-in (label, context, topic, translation)."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QFormLayout, QLabel, QLineEdit, QWidget
from sqlalchemy.orm import Session

from ....model import Block
from ....services.composer import outline as composer_views
from ....services.composer import posts
from ..outline import short
from .base import BlockPage, Editing, save_button


class QuotePage(BlockPage):
    def __init__(self, editing: Editing, parent: QWidget | None = None) -> None:
        super().__init__(editing, parent)
        form = QFormLayout(self)
        self.text = QLabel(wordWrap=True, objectName="composerQuoteText")
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.label = QLineEdit(objectName="composerQuoteLabel")
        self.label.setPlaceholderText(self.tr("From the post's labels (e.g. Researcher A)"))
        self.context = QLineEdit(objectName="composerQuoteContext")
        self.context.setPlaceholderText(
            self.tr("is working in {a} {Company size} {Industry} company")
        )
        self.topic = QLineEdit(objectName="composerQuoteTopic")
        self.topic.setPlaceholderText(self.tr("pair coding  →  “on pair coding”"))
        self.translation = QCheckBox(
            self.tr("Use the recorded translation"), objectName="composerQuoteTranslation"
        )
        for edit in (self.label, self.context, self.topic):
            edit.returnPressed.connect(self.save)
        form.addRow(self.tr("Segment"), self.text)
        form.addRow(self.tr("Label"), self.label)
        form.addRow(self.tr("Context"), self.context)
        form.addRow(self.tr("Topic"), self.topic)
        form.addRow("", self.translation)
        form.addRow("", save_button("composerSaveQuote", self.save))

    def load(self, s: Session, block: Block) -> None:
        data = self.editing.data
        self.text.setText(_segment_text(s, block.segment_id))
        self.label.setText(str(data.get("label", "")))
        self.context.setText(str(data.get("context", "")))
        self.topic.setText(str(data.get("topic", "")))
        self.topic.setPlaceholderText(
            self.tr("(from the topic code)")
            if data.get("topic_code_id")
            else self.tr("pair coding")
        )
        self.translation.setChecked(bool(data.get("translation")))

    def save(self) -> bool:
        data = dict(self.editing.data)
        for key, edit in (("label", self.label), ("context", self.context), ("topic", self.topic)):
            data[key] = edit.text().strip()
        if data["topic"]:  # a typed topic replaces the topic code's name
            data.pop("topic_code_id", None)
        if self.translation.isChecked():
            if not data.get("translation"):
                with self.editing.ctx.read() as s:
                    data["translation"] = _post_language(s, self.editing.block_id)
        else:
            data.pop("translation", None)
            data.pop("translation_span", None)
        return self.editing.save(self.tr("Edit quote"), data)


def _segment_text(s: Session, segment_id: int | None) -> str:
    if segment_id is None:
        deleted = QuotePage.tr("The quoted segment was deleted; there is nothing to quote.")
        return f"<i style='color:#b00020'>{deleted}</i>"
    text = composer_views.segment_texts(s, [segment_id]).get(segment_id)
    if text is None:
        missing = QuotePage.tr("segment not found")
        return f"<i>{missing}</i>"
    return escape(short(text, 320))


def _post_language(s: Session, block_id: int | None) -> str:
    if block_id is None:
        return "en"
    block = posts.get_block(s, block_id)
    section = posts.get_section(s, block.section_id)
    return posts.get_settings(s, section.post_id).language
