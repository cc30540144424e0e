"""Spreadsheet cells that can never turn into formulas or break the file."""

from __future__ import annotations

import re
from typing import Any

from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font
from openpyxl.worksheet.worksheet import Worksheet

# XML 1.0 cannot carry these; openpyxl would refuse the whole file.
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_FORMULA_START = ("=", "+", "-", "@")
EXCEL_CELL_LIMIT = 32767
BOLD = Font(bold=True)
WRAP = Alignment(wrap_text=True, vertical="top")


def clean_text(value: str) -> str:
    """Replace characters XML cannot hold with U+FFFD (the only change ever made to text)."""
    return _ILLEGAL.sub("\ufffd", value)


def text_cell(
    sheet: Worksheet, value: str | None, *, wrap: bool = False, bold: bool = False
) -> WriteOnlyCell:
    """A cell holding `value` as text, even when it starts like a formula."""
    cell = WriteOnlyCell(sheet, value=None)
    if value is not None:
        cell.value = clean_text(value)
        cell.data_type = "s"  # never "f", whatever the first character is
        if value.startswith(_FORMULA_START):
            cell.quotePrefix = True  # type: ignore[attr-defined]
    if wrap:
        cell.alignment = WRAP
    if bold:
        cell.font = BOLD
    return cell


def row_of(sheet: Worksheet, values: list[Any], *, bold: bool = False) -> list[WriteOnlyCell]:
    cells = []
    for v in values:
        if isinstance(v, str) or v is None:
            cells.append(text_cell(sheet, v, bold=bold))
        else:
            cell = WriteOnlyCell(sheet, value=v)
            if bold:
                cell.font = BOLD
            cells.append(cell)
    return cells
