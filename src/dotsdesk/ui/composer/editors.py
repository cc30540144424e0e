"""Editors for the selected section or block: each save is one `ctx.run`, one undo step.

Kept deliberately simple: a paragraph is its Markdown-subset text (saved on Save or when the
editor loses focus), a quote its lead-in settings, a statistic its template, links a table
of titles and URLs, a section its title. Profile bullets are shown, not edited here.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import select
from sqlalchemy.orm import Session

from ...model import Block, BlockKind, Response, Segment
from ...services import posts
from ..context import ProjectContext
from .outline import AUTO_WORDS, short

PARAGRAPH_HINT = "**bold**, *italic*, [a link](https://…), and lines starting with “- ” for bullets"
STATISTIC_HINT = "Fields: {percent}, {count}, {total}"


class FocusPlainTextEdit(QPlainTextEdit):
    focusLost = Signal()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.focusLost.emit()


def _save_button(name: str, slot: Any) -> QPushButton:
    button = QPushButton("Save", objectName=name)
    button.clicked.connect(slot)
    return button


class BlockEditor(QStackedWidget):
    """Shows the editor for one section or block; `show_block` / `show_section` / `clear`."""

    def __init__(self, ctx: ProjectContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("composerEditor")
        self.ctx = ctx
        self.block_id: int | None = None
        self.section_id: int | None = None
        self._data: dict[str, Any] = {}
        self._text = ""  # the paragraph text as stored, to save only real changes
        self._build()

    # -- pages ----------------------------------------------------------------------------
    def _build(self) -> None:
        self.empty = QLabel(
            "Select a section or block in the outline.",
            alignment=Qt.AlignmentFlag.AlignCenter,
            wordWrap=True,
        )
        self.addWidget(self.empty)

        self.section_page = QWidget()
        form = QFormLayout(self.section_page)
        self.section_title = QLineEdit(objectName="composerSectionTitle")
        self.section_title.setPlaceholderText("No heading (an opening section)")
        self.section_title.returnPressed.connect(self.save_section)
        form.addRow("Heading", self.section_title)
        form.addRow("", _save_button("composerSaveSection", self.save_section))
        self.addWidget(self.section_page)

        self.paragraph_page = QWidget()
        column = QVBoxLayout(self.paragraph_page)
        column.setContentsMargins(0, 0, 0, 0)
        self.paragraph_edit = FocusPlainTextEdit(objectName="composerParagraphEdit")
        self.paragraph_edit.setToolTip(PARAGRAPH_HINT)
        self.paragraph_edit.focusLost.connect(self.save_paragraph)
        hint = QLabel(PARAGRAPH_HINT, wordWrap=True)
        hint.setStyleSheet("color: palette(mid)")
        row = QHBoxLayout()
        row.addWidget(hint, 1)
        row.addWidget(_save_button("composerSaveParagraph", self.save_paragraph))
        column.addWidget(self.paragraph_edit, 1)
        column.addLayout(row)
        self.addWidget(self.paragraph_page)

        self.auto_page = QLabel(wordWrap=True, objectName="composerAutoParagraph")
        self.auto_page.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.addWidget(self.auto_page)

        self.quote_page = QWidget()
        form = QFormLayout(self.quote_page)
        self.quote_text = QLabel(wordWrap=True, objectName="composerQuoteText")
        self.quote_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.quote_label = QLineEdit(objectName="composerQuoteLabel")
        self.quote_label.setPlaceholderText("From the post's labels (e.g. Researcher A)")
        self.quote_context = QLineEdit(objectName="composerQuoteContext")
        self.quote_context.setPlaceholderText("is working in {a} {Company size} {Industry} company")
        self.quote_topic = QLineEdit(objectName="composerQuoteTopic")
        self.quote_topic.setPlaceholderText("pair coding  →  “on pair coding”")
        self.quote_translation = QCheckBox(
            "Use the recorded translation", objectName="composerQuoteTranslation"
        )
        for edit in (self.quote_label, self.quote_context, self.quote_topic):
            edit.returnPressed.connect(self.save_quote)
        form.addRow("Segment", self.quote_text)
        form.addRow("Label", self.quote_label)
        form.addRow("Context", self.quote_context)
        form.addRow("Topic", self.quote_topic)
        form.addRow("", self.quote_translation)
        form.addRow("", _save_button("composerSaveQuote", self.save_quote))
        self.addWidget(self.quote_page)

        self.statistic_page = QWidget()
        form = QFormLayout(self.statistic_page)
        self.statistic_template = QLineEdit(objectName="composerStatisticTemplate")
        self.statistic_template.setToolTip(STATISTIC_HINT)
        self.statistic_template.returnPressed.connect(self.save_statistic)
        form.addRow("Template", self.statistic_template)
        form.addRow("", QLabel(STATISTIC_HINT))
        form.addRow("", _save_button("composerSaveStatistic", self.save_statistic))
        self.addWidget(self.statistic_page)

        self.profile_page = QLabel(wordWrap=True, objectName="composerProfile")
        self.profile_page.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.addWidget(self.profile_page)

        self.links_page = QWidget()
        column = QVBoxLayout(self.links_page)
        column.setContentsMargins(0, 0, 0, 0)
        self.links_table = QTableWidget(0, 2, objectName="composerLinks")
        self.links_table.setHorizontalHeaderLabels(["Title", "URL"])
        self.links_table.horizontalHeader().setStretchLastSection(True)
        add = QPushButton("Add link", objectName="composerAddLink")
        add.clicked.connect(lambda: self.links_table.insertRow(self.links_table.rowCount()))
        remove = QPushButton("Remove link", objectName="composerRemoveLink")
        remove.clicked.connect(lambda: self.links_table.removeRow(self.links_table.currentRow()))
        row = QHBoxLayout()
        for button in (add, remove):
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(_save_button("composerSaveLinks", self.save_links))
        column.addWidget(self.links_table, 1)
        column.addLayout(row)
        self.addWidget(self.links_page)

    # -- showing --------------------------------------------------------------------------
    def clear(self) -> None:
        self.block_id = self.section_id = None
        self.setCurrentWidget(self.empty)

    def show_section(self, section_id: int) -> None:
        self.block_id, self.section_id = None, section_id
        with self.ctx.read() as s:
            title = posts.get_section(s, section_id).title
        self.section_title.setText(title)
        self.setCurrentWidget(self.section_page)

    def show_block(self, block_id: int) -> None:
        self.block_id, self.section_id = block_id, None
        with self.ctx.read() as s:
            block = s.get(Block, block_id)
            if block is None:
                self.clear()
                return
            self._data = dict(block.data or {})
            self._show(s, block)

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

    def _show(self, s: Session, block: Block) -> None:
        data = self._data
        if block.kind is BlockKind.PARAGRAPH:
            if data.get("auto"):
                self.auto_page.setText(
                    f"<b>{AUTO_WORDS[data['auto']]}</b><br>dotsdesk writes this paragraph from "
                    "the post's series and the consent levels and translations its quotes use."
                )
                self.setCurrentWidget(self.auto_page)
                return
            self._text = str(data.get("text", ""))
            self.paragraph_edit.setPlainText(self._text)
            self.setCurrentWidget(self.paragraph_page)
        elif block.kind is BlockKind.QUOTE:
            self.quote_text.setText(_segment_text(s, block.segment_id))
            self.quote_label.setText(str(data.get("label", "")))
            self.quote_context.setText(str(data.get("context", "")))
            self.quote_topic.setText(str(data.get("topic", "")))
            self.quote_topic.setPlaceholderText(
                "(from the topic code)" if data.get("topic_code_id") else "pair coding"
            )
            self.quote_translation.setChecked(bool(data.get("translation")))
            self.setCurrentWidget(self.quote_page)
        elif block.kind is BlockKind.STATISTIC:
            self.statistic_template.setText(str(data.get("template", "")))
            self.setCurrentWidget(self.statistic_page)
        elif block.kind is BlockKind.PROFILE:
            lines = [
                b.get("text") or f"{b.get('attribute')}: {b.get('template', '')}"
                for b in data.get("bullets", [])
            ]
            self.profile_page.setText(
                "<b>Profile bullets, generated from attribute values</b> "
                "(their wording is not editable in this panel yet):<ul>"
                + "".join(f"<li>{_escape(line)}</li>" for line in lines)
                + "</ul>"
            )
            self.setCurrentWidget(self.profile_page)
        else:
            links = data.get("links", [])
            self.links_table.setRowCount(len(links))
            for i, link in enumerate(links):
                self.links_table.setItem(i, 0, QTableWidgetItem(str(link.get("title", ""))))
                self.links_table.setItem(i, 1, QTableWidgetItem(str(link.get("url", ""))))
            self.setCurrentWidget(self.links_page)

    # -- saving ---------------------------------------------------------------------------
    def paragraph_dirty(self) -> bool:
        return self.paragraph_edit.toPlainText() != self._text

    def _save(self, label: str, data: dict[str, Any]) -> bool:
        block_id = self.block_id
        if block_id is None:
            return False
        done = self.ctx.run(label, lambda s: posts.update_block(s, block_id, data).id)
        return done is not None

    def save_paragraph(self) -> bool:
        if self.currentWidget() is not self.paragraph_page or not self.paragraph_dirty():
            return False
        text = self.paragraph_edit.toPlainText()
        if self._save("Edit paragraph", {**self._data, "text": text}):
            self._text = text
            return True
        return False

    def save_quote(self) -> bool:
        data = dict(self._data)
        for key, edit in (
            ("label", self.quote_label),
            ("context", self.quote_context),
            ("topic", self.quote_topic),
        ):
            data[key] = edit.text().strip()
        if data["topic"]:  # a typed topic replaces the topic code's name
            data.pop("topic_code_id", None)
        if self.quote_translation.isChecked():
            if not data.get("translation"):
                with self.ctx.read() as s:
                    data["translation"] = _post_language(s, self.block_id)
        else:
            data.pop("translation", None)
            data.pop("translation_span", None)
        return self._save("Edit quote", data)

    def save_statistic(self) -> bool:
        return self._save(
            "Edit statistic", {**self._data, "template": self.statistic_template.text().strip()}
        )

    def save_links(self) -> bool:
        links = []
        for row in range(self.links_table.rowCount()):
            title, url = (self.links_table.item(row, c) for c in (0, 1))
            url_text = url.text().strip() if url else ""
            if url_text:
                links.append({"title": title.text().strip() if title else "", "url": url_text})
        return self._save("Edit links", {**self._data, "links": links})

    def save_section(self) -> bool:
        section_id = self.section_id
        if section_id is None:
            return False
        title = self.section_title.text()
        done = self.ctx.run(
            "Rename section", lambda s: posts.rename_section(s, section_id, title) or True
        )
        return done is not None


def _segment_text(s: Session, segment_id: int | None) -> str:
    if segment_id is None:
        return (
            "<i style='color:#b00020'>The quoted segment was deleted; "
            "there is nothing to quote.</i>"
        )
    row = s.execute(
        select(Segment.start, Segment.end, Response.text)
        .join(Response, Response.id == Segment.response_id)
        .where(Segment.id == segment_id)
    ).first()
    if row is None:
        return "<i>segment not found</i>"
    start, end, text = row
    return _escape(short(text[start:end], 320))


def _post_language(s: Session, block_id: int | None) -> str:
    if block_id is None:
        return "en"
    block = posts.get_block(s, block_id)
    section = posts.get_section(s, block.section_id)
    return posts.get_settings(s, section.post_id).language


def _escape(text: str) -> str:
    from html import escape

    return escape(text)
