"""The window's language: which one, its translators, and the locale that formats dates and
numbers.

The choice, strongest first: `dotsdesk --lang` (DOTSDESK_LANG), View > Language (saved in the
settings), the system's locale, English. dotsdesk's own catalogue is
resources/translations/dotsdesk_<lang>.qm; Qt's own dialogs and buttons use qtbase_<lang>.qm
from Qt's translations folder. English has a catalogue too: it holds only the plural forms
of messages written with %n ("1 segment", "2 segments").
"""

from __future__ import annotations

import os
import re
from datetime import date, datetime

from PySide6.QtCore import QCoreApplication, QDate, QLibraryInfo, QLocale, QSettings, QTranslator

from ..languages import ENGLISH, ENV, LANGUAGES, interface_language
from ..resources import resource

SETTING = "language"
_TRANSLATOR = "dotsdeskTranslator"  # the objectName of the translators installed here
_PROPERTY = "dotsdeskLanguage"  # the application's property naming the language in use
_MARKER = re.compile(r"%([1-9])")


def arg(text: str, *values: object) -> str:
    """QString.arg for Python strings: %1, %2 ... replaced in one pass, so a value that
    itself holds "%2" stays as it is."""

    def value(match: re.Match[str]) -> str:
        index = int(match[1]) - 1
        return str(values[index]) if index < len(values) else match[0]

    return _MARKER.sub(value, text)


def saved_language(settings: QSettings) -> str | None:
    value = settings.value(SETTING)
    return interface_language(value) if isinstance(value, str) else None


def save_language(settings: QSettings, language: str) -> None:
    settings.setValue(SETTING, language)
    settings.sync()


def system_language() -> str | None:
    for tag in QLocale.system().uiLanguages():
        found = interface_language(tag)
        if found:
            return found
    return None


def chosen_language(settings: QSettings) -> str:
    return (
        interface_language(os.environ.get(ENV))
        or saved_language(settings)
        or system_language()
        or ENGLISH
    )


def catalogue(language: str) -> str:
    return str(resource("translations", f"dotsdesk_{language}.qm"))


def install_language(app: QCoreApplication, language: str) -> list[str]:
    """Replace the translators installed here by those of `language` and make its locale the
    default; returns the catalogues loaded (a missing Qt one is not an error: the window
    still works, with Qt's dialogs in English)."""
    if language not in LANGUAGES:
        language = ENGLISH
    for old in app.findChildren(QTranslator, _TRANSLATOR):
        app.removeTranslator(old)
        old.setParent(None)
        old.deleteLater()
    loaded: list[str] = []
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    sources = [(catalogue(language), "")]
    if language != ENGLISH:
        sources.append((f"qtbase_{language}.qm", qt_folder))
    for name, folder in sources:
        translator = QTranslator(app)
        translator.setObjectName(_TRANSLATOR)
        if translator.load(name, folder) and app.installTranslator(translator):
            loaded.append(name)
        else:
            translator.setParent(None)
            translator.deleteLater()
    QLocale.setDefault(formats_locale(language))
    app.setProperty(_PROPERTY, language)
    return loaded


def current_language(app: QCoreApplication | None) -> str:
    """The language installed by `install_language` (English before any)."""
    value = app.property(_PROPERTY) if app is not None else None
    return value if isinstance(value, str) and value in LANGUAGES else ENGLISH


def formats_locale(language: str) -> QLocale:
    """The system's locale when it speaks the interface's language (an en_GB user keeps
    day/month), else the language's own (en -> en_US, zh_CN)."""
    system = QLocale.system()
    if interface_language(system.name()) == language:
        return system
    return QLocale(language)


def date_text(value: date | None) -> str:
    """A date in the locale's short format, always with a four-digit year (12/6/2026,
    2026/12/6, 06.12.2026)."""
    if value is None:
        return ""
    return QLocale().toString(QDate(value.year, value.month, value.day), date_format())


def datetime_text(value: datetime) -> str:
    """A moment as date_text shows the day, then the time to the second (24-hour)."""
    return f"{date_text(value.date())} {value:%H:%M:%S}"


def date_format() -> str:
    """The locale's short date pattern with a four-digit year (for date_text and date
    editors)."""
    pattern = QLocale().dateFormat(QLocale.FormatType.ShortFormat)
    return pattern if "yyyy" in pattern else pattern.replace("yy", "yyyy")


def number_text(value: int | float, decimals: int | None = None) -> str:
    """A number with the locale's digit grouping and decimal sign."""
    locale = QLocale()
    if isinstance(value, int) and decimals is None:
        return locale.toString(value)
    return locale.toString(float(value), "f", 0 if decimals is None else decimals)
