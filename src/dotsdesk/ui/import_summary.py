"""What an import did, in the window's words: counts first, where the user sees them, not
hidden behind "Show Details"."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QObject

from ..importers import ImportReport
from .i18n import arg


class ImportSummary(QObject):
    """The context of these messages in the catalogue (lupdate reads Class.tr calls)."""


def import_summary(reports: Sequence[ImportReport]) -> str:
    """E.g. "30 new respondents, 2 updated · 36 new responses, 0 updated, 0 unchanged"."""
    again = [r.path.name for r in reports if r.already_imported]
    counted = [r for r in reports if not r.already_imported]
    parts = []
    if counted:
        people = arg(
            ImportSummary.tr("%1, %2 updated"),
            ImportSummary.tr("%n new respondent(s)", "", sum(r.respondents_added for r in counted)),
            sum(r.respondents_updated for r in counted),
        )
        answers = arg(
            ImportSummary.tr("%1, %2 updated, %3 unchanged"),
            ImportSummary.tr("%n new response(s)", "", sum(r.responses_added for r in counted)),
            sum(r.responses_updated for r in counted),
            sum(r.responses_unchanged for r in counted),
        )
        parts.append(f"{people} · {answers}")
        moved = sum(r.segments_moved for r in counted)
        dropped = sum(r.segments_dropped for r in counted)
        if moved or dropped:
            text = ImportSummary.tr("Changed answers: %1 segment(s) re-anchored, %2 dropped")
            parts.append(arg(text, moved, dropped))
    if again:
        parts.append(
            arg(
                ImportSummary.tr("Already imported before, nothing changed: %1"),
                ", ".join(again),
            )
        )
    return "\n".join(parts)
