"""Editors for the selected section or block: each save is one `ctx.run`, one undo step.

Kept deliberately simple: a paragraph is its Markdown-subset text (saved on Save or when the
editor loses focus), a quote its lead-in settings, a statistic its codes, population and
template, a profile its bullets (an attribute and a wording each, or fixed text), links a
table of titles and URLs, a section its title.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from ...errors import DotsError
from ...model import Block, BlockKind
from ...services.coding.codebook import code_paths
from ...services.composer import outline as composer_views
from ...services.composer import posts
from ...services.composer.profile import DEFAULT_TEMPLATE, attribute_values
from ...services.corpus.respondents import list_attributes
from ..context import ProjectContext
from .outline import AUTO_WORDS, short

PARAGRAPH_HINT = "**bold**, *italic*, [a link](https://…), and lines starting with “- ” for bullets"
STATISTIC_HINT = "Fields: {percent}, {count}, {total}"
PROFILE_HINT = (
    "Wording fields: {values} (the values, in the bullet's order), {top} (the most common), "
    "{n} (how many), {min} / {max} (numbers), {Attribute} / {attribute} (its name)"
)
FIXED_TEXT = "(fixed text)"
ALL_RESPONDENTS = "All respondents"
BULLET_ROLE = Qt.ItemDataRole.UserRole + 1  # the bullet as stored, to keep order and words
CODE_ROLE = Qt.ItemDataRole.UserRole + 2


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
        self._attributes: list[str] = []  # attribute names, for the profile's bullets
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
        self.statistic_codes = QListWidget(objectName="composerStatisticCodes")
        self.statistic_codes.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.statistic_codes.setToolTip("The respondents coded with any checked code count")
        self.statistic_descendants = QCheckBox(
            "Count the codes below them too", objectName="composerStatisticDescendants"
        )
        self.statistic_attribute = QComboBox(objectName="composerStatisticAttribute")
        self.statistic_attribute.currentTextChanged.connect(self._fill_population_values)
        self.statistic_value = QComboBox(objectName="composerStatisticValue", editable=True)
        population = QHBoxLayout()
        population.addWidget(self.statistic_attribute, 1)
        population.addWidget(QLabel("="))
        population.addWidget(self.statistic_value, 1)
        self.statistic_template = QLineEdit(objectName="composerStatisticTemplate")
        self.statistic_template.setToolTip(STATISTIC_HINT)
        self.statistic_template.returnPressed.connect(self.save_statistic)
        form.addRow("Codes", self.statistic_codes)
        form.addRow("", self.statistic_descendants)
        form.addRow("Population", population)
        form.addRow("Template", self.statistic_template)
        form.addRow("", QLabel(STATISTIC_HINT))
        form.addRow("", _save_button("composerSaveStatistic", self.save_statistic))
        self.addWidget(self.statistic_page)

        self.profile_page = QWidget(objectName="composerProfile")
        column = QVBoxLayout(self.profile_page)
        column.setContentsMargins(0, 0, 0, 0)
        self.profile_table = QTableWidget(0, 2, objectName="composerProfileBullets")
        self.profile_table.setHorizontalHeaderLabels(["Attribute", "Wording"])
        self.profile_table.horizontalHeader().setStretchLastSection(True)
        self.profile_table.setToolTip(PROFILE_HINT)
        hint = QLabel(PROFILE_HINT, wordWrap=True)
        hint.setStyleSheet("color: palette(mid)")
        add = QPushButton("Add bullet", objectName="composerAddBullet")
        add.clicked.connect(lambda: self._add_bullet_row({"text": ""}))
        remove = QPushButton("Remove bullet", objectName="composerRemoveBullet")
        remove.clicked.connect(
            lambda: self.profile_table.removeRow(self.profile_table.currentRow())
        )
        row = QHBoxLayout()
        for button in (add, remove):
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(_save_button("composerSaveProfile", self.save_profile))
        column.addWidget(self.profile_table, 1)
        column.addWidget(hint)
        column.addLayout(row)
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
            self._show_statistic(s, data)
            self.setCurrentWidget(self.statistic_page)
        elif block.kind is BlockKind.PROFILE:
            self._attributes = [a.name for a in list_attributes(s)]
            self.profile_table.setRowCount(0)
            for bullet in data.get("bullets", []):
                self._add_bullet_row(bullet)
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
        """Codes, population and template together: one step."""
        codes = self.checked_codes()
        data: dict[str, Any] = {
            **self._data,
            "code_ids": codes,
            "template": self.statistic_template.text().strip(),
            "descendants": None if self.statistic_descendants.isChecked() else False,
        }
        attribute = self.statistic_attribute.currentText()
        if self.statistic_attribute.currentIndex() <= 0 or not attribute:
            data.pop("population", None)
        else:
            data["population"] = {
                "attribute": attribute,
                "value": self.statistic_value.currentText().strip(),
            }
        return self._save("Edit statistic", data)

    def checked_codes(self) -> list[int]:
        """The checked codes, those the block had first (in its order), then the others."""
        checked = [
            int(item.data(CODE_ROLE))
            for item in (self.statistic_codes.item(i) for i in range(self.statistic_codes.count()))
            if item.checkState() is Qt.CheckState.Checked
        ]
        before = [c for c in self._data.get("code_ids", []) if c in checked]
        return before + [c for c in checked if c not in before]

    def _show_statistic(self, s: Session, data: dict[str, Any]) -> None:
        chosen = set(data.get("code_ids", []))
        self.statistic_codes.clear()
        for code_id, path in sorted(code_paths(s).items(), key=lambda kv: kv[1]):
            item = QListWidgetItem(path)
            item.setData(CODE_ROLE, code_id)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            checked = code_id in chosen
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            self.statistic_codes.addItem(item)
        first = next(
            (
                self.statistic_codes.item(i)
                for i in range(self.statistic_codes.count())
                if self.statistic_codes.item(i).checkState() is Qt.CheckState.Checked
            ),
            None,
        )
        if first is not None:
            self.statistic_codes.scrollToItem(first)
        self.statistic_descendants.setChecked(data.get("descendants", True) is not False)
        population = data.get("population") or {}
        self.statistic_attribute.blockSignals(True)
        self.statistic_attribute.clear()
        self.statistic_attribute.addItem(ALL_RESPONDENTS)
        self.statistic_attribute.addItems([a.name for a in list_attributes(s)])
        index = self.statistic_attribute.findText(str(population.get("attribute", "")))
        self.statistic_attribute.setCurrentIndex(max(index, 0))
        self.statistic_attribute.blockSignals(False)
        self._fill_population_values(self.statistic_attribute.currentText(), s)
        self.statistic_value.setCurrentText(str(population.get("value", "")))
        self.statistic_template.setText(str(data.get("template", "")))

    def _fill_population_values(self, attribute: str, session: Session | None = None) -> None:
        """The attribute's values, most common first, to choose the population from."""
        self.statistic_value.clear()
        all_people = self.statistic_attribute.currentIndex() <= 0
        self.statistic_value.setEnabled(not all_people)
        if all_people or not attribute:
            return
        try:
            if session is not None:
                counts = attribute_values(session, attribute)
            else:
                with self.ctx.read() as s:
                    counts = attribute_values(s, attribute)
        except DotsError:
            return
        self.statistic_value.addItems(sorted(counts, key=lambda v: (-counts[v], v)))

    def _add_bullet_row(self, bullet: dict[str, Any]) -> None:
        table = self.profile_table
        row = table.rowCount()
        table.insertRow(row)
        combo = QComboBox()
        combo.addItem(FIXED_TEXT)
        attributes = list(self._attributes)
        name = bullet.get("attribute")
        if name and name not in attributes:
            attributes.append(str(name))  # a deleted attribute: shown, refused on save
        combo.addItems(attributes)
        combo.setCurrentIndex(max(combo.findText(str(name)), 0) if name else 0)
        table.setCellWidget(row, 0, combo)
        wording = str(bullet.get("text", "")) if "text" in bullet else bullet.get("template")
        item = QTableWidgetItem(str(wording or ""))
        item.setData(BULLET_ROLE, dict(bullet))
        table.setItem(row, 1, item)
        table.resizeColumnToContents(0)

    def profile_bullets(self) -> list[dict[str, Any]]:
        """The table as bullets; a bullet keeps its value order and words while its
        attribute stays the same. Empty rows are dropped."""
        bullets: list[dict[str, Any]] = []
        for row in range(self.profile_table.rowCount()):
            combo = self.profile_table.cellWidget(row, 0)
            item = self.profile_table.item(row, 1)
            wording = item.text().strip() if item is not None else ""
            stored = dict(item.data(BULLET_ROLE) or {}) if item is not None else {}
            attribute = combo.currentText() if isinstance(combo, QComboBox) else FIXED_TEXT
            if attribute == FIXED_TEXT:
                if wording:
                    bullets.append({"text": wording})
                continue
            bullet = {k: v for k, v in stored.items() if k in ("order", "others", "words")}
            if stored.get("attribute") != attribute:
                bullet = {}
            bullet["attribute"] = attribute
            bullet["template"] = wording or DEFAULT_TEMPLATE
            bullets.append(bullet)
        return bullets

    def save_profile(self) -> bool:
        return self._save("Edit profile", {**self._data, "bullets": self.profile_bullets()})

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
    text = composer_views.segment_texts(s, [segment_id]).get(segment_id)
    if text is None:
        return "<i>segment not found</i>"
    return _escape(short(text, 320))


def _post_language(s: Session, block_id: int | None) -> str:
    if block_id is None:
        return "en"
    block = posts.get_block(s, block_id)
    section = posts.get_section(s, block.section_id)
    return posts.get_settings(s, section.post_id).language


def _escape(text: str) -> str:
    from html import escape

    return escape(text)
