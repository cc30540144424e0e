"""The words of imports and exports from the window, and the filters of their file dialogs
(in the window's language; the suffix chosen is read back from any of them)."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QObject

from .i18n import arg

_FILTER_SUFFIX = re.compile(r"\(\*(\.\w+)")  # the first suffix a file dialog's filter names


class TransferWords(QObject):
    """The translation context of this module's words (TransferWords.tr)."""


def import_filter() -> str:
    surveys = TransferWords.tr("Surveys and transcripts")
    refi = TransferWords.tr("REFI-QDA projects and codebooks")
    everything = TransferWords.tr("All files")
    return (
        f"{surveys} (*.csv *.tsv *.xlsx *.xlsm *.xls *.ods *.docx *.txt *.md *.rtf *.vtt *.srt)"
        f";;{refi} (*.qdpx *.qdc);;{everything} (*)"
    )


def refi_filter() -> str:
    project = TransferWords.tr("REFI-QDA project")
    codebook = TransferWords.tr("REFI-QDA codebook")
    return f"{project} (*.qdpx);;{codebook} (*.qdc)"


def post_filter() -> str:
    word = TransferWords.tr("Word document")
    web = TransferWords.tr("Web page")
    return f"{word} (*.docx);;Markdown (*.md);;{web} (*.html)"


def excel_filter() -> str:
    workbook = TransferWords.tr("Excel workbook")
    return f"{workbook} (*.xlsx)"


def word_filter() -> str:
    document = TransferWords.tr("Word document")
    return f"{document} (*.docx)"


def chosen_suffix(chosen: str, default: str) -> str:
    """The suffix of the filter the user chose in a file dialog (in any language)."""
    found = _FILTER_SUFFIX.search(chosen)
    return found[1] if found else default


def exporting(target: Path) -> str:
    return arg(TransferWords.tr("Exporting %1…"), target.name)
