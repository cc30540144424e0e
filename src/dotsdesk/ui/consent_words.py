"""The words the window shows for a consent's status and level, in its language (the tracker,
the browser's consent column and filter, the event form and the history all use them)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from ..model import ConsentLevel
from ..services.consent.events import ConsentStatus

STATUS_WORDS = {
    ConsentStatus.NONE: QT_TRANSLATE_NOOP("ConsentWords", "never asked"),
    ConsentStatus.PENDING: QT_TRANSLATE_NOOP("ConsentWords", "pending"),
    ConsentStatus.GRANTED: QT_TRANSLATE_NOOP("ConsentWords", "granted"),
    ConsentStatus.DECLINED: QT_TRANSLATE_NOOP("ConsentWords", "declined"),
    ConsentStatus.WITHDRAWN: QT_TRANSLATE_NOOP("ConsentWords", "withdrawn"),
    ConsentStatus.EXPIRED: QT_TRANSLATE_NOOP("ConsentWords", "expired"),
}
LEVEL_WORDS = {
    ConsentLevel.ANONYMOUS: QT_TRANSLATE_NOOP("ConsentWords", "anonymous"),
    ConsentLevel.HANDLE: QT_TRANSLATE_NOOP("ConsentWords", "by handle"),
    ConsentLevel.NAME: QT_TRANSLATE_NOOP("ConsentWords", "by name"),
}


def status_text(status: ConsentStatus) -> str:
    return QCoreApplication.translate("ConsentWords", STATUS_WORDS[status])


def level_text(level: ConsentLevel) -> str:
    return QCoreApplication.translate("ConsentWords", LEVEL_WORDS[level])


def yes_no(value: bool) -> str:
    return (
        QCoreApplication.translate("ConsentWords", "yes")
        if value
        else QCoreApplication.translate("ConsentWords", "no")
    )
