"""Edit > Preferences… (Ctrl+,): who is coding, the reading font, snapping, translations,
code colours, the default population.

Everything but the coder is kept in QSettings (ui/settings.py); the coder goes to the
preferences file the command line reads too (through ProjectContext.set_coder). `Preferences`
tells the panels when something changed, so that a change shows at once.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFontComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ..errors import DotsError
from ..preferences import MAX_NAME
from ..services.browser.query import BrowseQuery
from ..services.corpus.sets import list_sets
from . import settings as keys
from .context import ProjectContext


class Preferences(QObject):
    """The window's preferences as the panels read them, and a signal when they change."""

    changed = Signal()

    def __init__(self, settings: QSettings, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.settings = settings

    def text_font(self, base: QFont) -> QFont:
        """`base` in the reading font and size the user chose (either may be unset)."""
        font = QFont(base)
        family = keys.text_family(self.settings)
        if family:
            font.setFamily(family)
        size = keys.text_size(self.settings)
        if size:
            font.setPointSize(size)
        return font

    @property
    def snap_words(self) -> bool:
        return keys.snap_words(self.settings)

    @property
    def auto_translation(self) -> bool:
        return keys.auto_translation(self.settings)

    @property
    def colour_blind_safe(self) -> bool:
        return keys.colour_blind_safe(self.settings)

    @property
    def default_population(self) -> str:
        return keys.default_population(self.settings)


class PreferencesDialog(QDialog):
    def __init__(
        self,
        prefs: Preferences,
        coder: str,
        populations: Sequence[str] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, objectName="preferencesDialog")
        self.setWindowTitle(self.tr("Preferences"))
        s = prefs.settings
        self.coder = QLineEdit(coder, objectName="prefsCoder", maxLength=MAX_NAME)
        self.family = QFontComboBox(objectName="prefsFontFamily")
        family = keys.text_family(s)
        self.use_family = QCheckBox(self.tr("Own font for the text"), objectName="prefsOwnFont")
        self.use_family.setChecked(bool(family))
        if family:
            self.family.setCurrentFont(QFont(family))
        self.family.setEnabled(bool(family))
        self.use_family.toggled.connect(self.family.setEnabled)
        self.size = QSpinBox(objectName="prefsFontSize")
        self.size.setRange(keys.MIN_TEXT_SIZE - 1, keys.MAX_TEXT_SIZE)
        self.size.setSpecialValueText(self.tr("As the window"))  # shown at the minimum
        self.size.setSuffix(self.tr(" pt"))
        self.size.setValue(keys.text_size(s) or keys.MIN_TEXT_SIZE - 1)
        self.snap = QCheckBox(
            self.tr("Snap selections to whole words (not in Chinese, which has no spaces)"),
            objectName="prefsSnap",
        )
        self.snap.setChecked(keys.snap_words(s))
        self.translation = QCheckBox(
            self.tr("Show a response's translation beside it when it has one"),
            objectName="prefsTranslation",
        )
        self.translation.setChecked(keys.auto_translation(s))
        self.safe = QCheckBox(
            self.tr("New codes take colour-blind-safe colours"), objectName="prefsSafeColours"
        )
        self.safe.setChecked(keys.colour_blind_safe(s))
        self.population = QComboBox(objectName="prefsPopulation")
        self.population.addItem(self.tr("All respondents"), "")
        for name in populations:
            self.population.addItem(name, name)
        chosen = keys.default_population(s)
        if chosen and self.population.findData(chosen) < 0:
            self.population.addItem(chosen, chosen)  # a set of another project
        self.population.setCurrentIndex(max(self.population.findData(chosen), 0))
        form = QFormLayout()
        form.addRow(self.tr("Who is coding:"), self.coder)
        form.addRow(self.use_family, self.family)
        form.addRow(self.tr("Text size:"), self.size)
        form.addRow(self.snap)
        form.addRow(self.translation)
        form.addRow(self.safe)
        form.addRow(self.tr("Default population:"), self.population)
        self.error = QLabel(objectName="prefsError")
        self.error.setStyleSheet("color: #b00020")
        self.error.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)

    def save(self, prefs: Preferences, set_coder: Callable[[str], None]) -> bool:
        """Keep what the dialog shows; False (and the reason shown) for a blank coder."""
        try:
            set_coder(self.coder.text())
        except DotsError as exc:
            self.error.setText(str(exc))
            self.error.show()
            return False
        s = prefs.settings
        s.setValue(
            keys.TEXT_FAMILY,
            self.family.currentFont().family() if self.use_family.isChecked() else "",
        )
        size = self.size.value()
        s.setValue(keys.TEXT_SIZE, size if size >= keys.MIN_TEXT_SIZE else 0)
        s.setValue(keys.SNAP_WORDS, self.snap.isChecked())
        s.setValue(keys.AUTO_TRANSLATION, self.translation.isChecked())
        s.setValue(keys.SAFE_COLOURS, self.safe.isChecked())
        s.setValue(keys.DEFAULT_POPULATION, self.population.currentData() or "")
        s.sync()
        prefs.changed.emit()
        return True


def edit_preferences(
    parent: QWidget, prefs: Preferences, ctx: ProjectContext, populations: Sequence[str] = ()
) -> PreferencesDialog:
    """Open the dialog (not modal to the tests: they press its buttons); OK saves and closes,
    unless the coder's name is refused."""
    dialog = PreferencesDialog(prefs, ctx.coder, populations, parent)

    def ok() -> None:
        if dialog.save(prefs, ctx.set_coder if dialog.coder.text() != ctx.coder else _same):
            dialog.accept()

    dialog.buttons.accepted.connect(ok)
    dialog.finished.connect(dialog.deleteLater)
    dialog.open()
    return dialog


def _same(_name: str) -> None:
    """The coder left as it was: nothing to save (and no 'who is coding' event)."""


def population_names(ctx: ProjectContext) -> list[str]:
    """The sets of the open project, offered as the default population."""
    if ctx.project is None:
        return []
    with ctx.read() as s:
        return [info.name for info in list_sets(s)]


def default_population_query(ctx: ProjectContext, prefs: Preferences) -> BrowseQuery | None:
    """The browser's query for the default population, when the open project has a set of
    that name (None: all respondents, as without the preference)."""
    name = prefs.default_population
    if not name or ctx.project is None:
        return None
    with ctx.read() as s:
        found = [info.id for info in list_sets(s) if info.name == name]
    return BrowseQuery(sets=frozenset(found)) if found else None
