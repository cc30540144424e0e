"""The response's translation beside the original, read-only; a choice when there are
several languages."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from .data import TranslationText
from .words import display_text


class TranslationPane(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("codingTranslation")
        self._translations: list[TranslationText] = []
        self.languages = QComboBox()
        self.languages.setObjectName("codingTranslationLanguage")
        self.languages.currentIndexChanged.connect(self._show)
        self.note = QLabel()
        self.text = QPlainTextEdit(readOnly=True)
        self.text.setObjectName("codingTranslationText")
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(QLabel(self.tr("Translation:")))
        top.addWidget(self.languages)
        top.addWidget(self.note, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.text, 1)

    def set_translations(self, translations: Sequence[TranslationText]) -> None:
        keep = self.languages.currentText()
        self._translations = list(translations)
        self.languages.blockSignals(True)
        self.languages.clear()
        self.languages.addItems([t.language for t in self._translations])
        index = self.languages.findText(keep)
        self.languages.setCurrentIndex(max(index, 0))
        self.languages.blockSignals(False)
        self.languages.setEnabled(len(self._translations) > 1)
        self._show()

    def _show(self) -> None:
        index = self.languages.currentIndex()
        if not self._translations or index < 0:
            self.note.setText("")
            self.text.setPlainText("")
            self.text.setPlaceholderText(self.tr("This response has no translation."))
            return
        shown = self._translations[index]
        self.note.setText(
            self.tr("by %1").replace("%1", shown.translator) if shown.translator else ""
        )
        self.text.setPlainText(display_text(shown.text))
