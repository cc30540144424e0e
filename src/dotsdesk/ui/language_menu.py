"""View > Language: English or 简体中文, saved in the settings and taken at the next start,
which the menu offers to do at once.

Switching in place would need every widget to retranslate itself; a restart costs a second
and reopens the same project.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QMessageBox, QWidget

from ..languages import LANGUAGES
from .i18n import arg, current_language, save_language


class LanguageMenu(QMenu):
    def __init__(self, parent: QWidget, settings: QSettings, restart: Callable[[], None]) -> None:
        super().__init__(self.tr("&Language"), parent)
        self.setObjectName("languageMenu")
        self._settings = settings
        self._restart = restart
        self._group = QActionGroup(self)
        self._group.setExclusive(True)
        in_use = current_language(QCoreApplication.instance())
        for code, name in LANGUAGES.items():
            action = QAction(name, self, checkable=True)  # each named in itself
            action.setObjectName(f"language_{code}")
            action.setData(code)
            action.setChecked(code == in_use)
            self._group.addAction(action)
            self.addAction(action)
        self._group.triggered.connect(self._chosen)

    def _chosen(self, action: QAction) -> None:
        code = str(action.data())
        save_language(self._settings, code)
        if code == current_language(QCoreApplication.instance()):
            return
        question = self.tr("dotsdesk will speak %1 from its next start. Restart now?")
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Language"),
            arg(question, LANGUAGES[code]),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self.parentWidget(),
        )
        box.setObjectName("languageRestart")
        box.setInformativeText(self.tr("The open project is opened again after the restart."))
        box.finished.connect(
            lambda result: self._restart() if result == QMessageBox.StandardButton.Yes else None
        )
        box.open()
