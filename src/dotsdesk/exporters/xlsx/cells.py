"""Spreadsheet cells that can never turn into formulas or break the file (XlsxWriter)."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Any

from xlsxwriter.format import Format
from xlsxwriter.workbook import Workbook
from xlsxwriter.worksheet import Worksheet

# XML 1.0 cannot carry these (XlsxWriter would write them as _xHHHH_ escapes instead).
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
# What a spreadsheet (or a CSV saved from it) may read as the start of a formula; OWASP adds
# tab and carriage return, which some programs skip before looking for "=".
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
EXCEL_CELL_LIMIT = 32767  # in UTF-16 code units, as Excel counts; emoji count twice
EXCEL_MAX_ROWS = 1_048_576
# A column widens to its widest text up to this many units (a CJK character is two); wrapped
# text columns keep the width they were given.
FIT_MAX = 60


def clean_text(value: str) -> str:
    """Replace characters XML cannot hold with U+FFFD (the only change ever made to text)."""
    return _ILLEGAL.sub("\ufffd", value)


def excel_length(value: str) -> int:
    """The length Excel's cell limit is checked against: UTF-16 code units."""
    if len(value) <= EXCEL_CELL_LIMIT // 2:  # cannot be over the limit; skip encoding
        return len(value)
    return len(value.encode("utf-16-le", "surrogatepass")) // 2


def split_for_cells(value: str, limit: int = EXCEL_CELL_LIMIT) -> list[str]:
    """`value` in pieces that each fit a cell and join back to it exactly. A piece never ends
    inside a character Excel counts twice, nor before a combining mark, joiner or variation
    selector (those belong to the character before them)."""
    if excel_length(value) <= limit:
        return [value]
    pieces: list[str] = []
    start, units = 0, 0
    for i, ch in enumerate(value):
        width = 2 if ord(ch) > 0xFFFF else 1
        if units + width > limit:
            cut = i
            while cut > start + 1 and _clings(value[cut]):
                cut -= 1
            pieces.append(value[start:cut])
            start = cut
            units = excel_length(value[start:i])
        units += width
    pieces.append(value[start:])
    return pieces


def display_width(text: str) -> int:
    """The columns a text takes in a cell: a wide character (Chinese, Japanese, Korean,
    fullwidth forms) two, a combining mark none, any other one."""
    if text.isascii():
        return len(text)
    return sum(
        2 if unicodedata.east_asian_width(ch) in "WF" else 0 if unicodedata.combining(ch) else 1
        for ch in text
    )


@lru_cache(maxsize=4096)
def _width(text: str) -> int:
    """display_width, remembered: a column repeats its texts (a question, a code path)."""
    return display_width(text)


def _clings(ch: str) -> bool:
    return (
        bool(unicodedata.combining(ch))
        or ch in "\u200d\ufe0e\ufe0f"
        or (
            "\U0001f3fb" <= ch <= "\U0001f3ff"  # skin tones
        )
    )


class CellTooLong(Exception):
    """A text is longer than an Excel cell can hold; it was not written, not truncated."""

    def __init__(self, row: int, col: int, length: int) -> None:
        super().__init__(f"cell ({row}, {col}): {length} characters")
        self.row, self.col, self.length = row, col, length


_Style = tuple[bool, bool, bool, str | None, str | None]  # bold, wrap, quote, fill, number format


class Cells:
    """Writes one workbook's cells, sharing one format per style (bold, wrapped, quoted,
    filled with a colour, a number format)."""

    def __init__(self, workbook: Workbook) -> None:
        self._workbook = workbook
        self._formats: dict[_Style, Format | None] = {}
        self._fit: dict[Worksheet, list[int]] = {}  # sheet -> widths in character units

    def fit_columns(self, sheet: Worksheet, widths: list[int]) -> None:
        """Widen these columns of `sheet` to the texts written in them (see FIT_MAX) when
        the workbook is finished; `widths` are where they start."""
        self._fit[sheet] = list(widths)

    def apply_widths(self) -> None:
        for sheet, widths in self._fit.items():
            for col, units in enumerate(widths):
                # 7 pixels a unit (set_column would add Excel's cell padding on top).
                sheet.set_column_pixels(col, col, 7 * units)

    def _format(self, key: _Style) -> Format | None:
        """The shared format for a style; None for no style at all."""
        if key not in self._formats:
            bold, wrap, quote, fill, number_format = key
            properties: dict[str, Any] = {}
            if bold:
                properties["bold"] = True
            if wrap:
                properties.update(text_wrap=True, valign="top")
            if quote:
                properties["quote_prefix"] = True  # Excel shows it as text, even when edited
            if fill:
                properties.update(bg_color=fill, pattern=1)
            if number_format:
                properties["num_format"] = number_format
            self._formats[key] = self._workbook.add_format(properties) if properties else None
        return self._formats[key]

    def text(
        self,
        sheet: Worksheet,
        row: int,
        col: int,
        value: str | None,
        *,
        wrap: bool = False,
        bold: bool = False,
        fill: str | None = None,
    ) -> None:
        """`value` as a text cell, never a formula, whatever its first character.

        Raises CellTooLong rather than let XlsxWriter truncate it. (This runs for every
        cell of the workbook, hence the plain style.)"""
        if value is None:
            if wrap or bold or fill:
                style = self._format((bold, wrap, False, fill, None))
                _check(sheet.write_blank(row, col, None, style), row, col)
            return
        text = clean_text(value)
        if len(text) > EXCEL_CELL_LIMIT // 2:
            length = excel_length(text)
            if length > EXCEL_CELL_LIMIT:
                raise CellTooLong(row, col, length)
        key = (bold, wrap, text.startswith(_FORMULA_START), fill, None)
        style = self._formats[key] if key in self._formats else self._format(key)
        if text.startswith("<r>") and text.endswith("</r>"):
            # XlsxWriter takes such a string for ready-made rich-text XML and writes it
            # unescaped; as a rich string of plain fragments it is escaped like any other.
            fragments: list[Any] = [text[:1], text[1:2], text[2:]]
            if style is not None:
                fragments.append(style)
            result = sheet.write_rich_string(row, col, *fragments)
        else:
            result = sheet.write_string(row, col, text, style)
        if result:
            _check(result, row, col)
        fit = self._fit.get(sheet)
        if fit is not None and not wrap and col < len(fit):
            have = fit[col]
            if have < FIT_MAX and 2 * len(text) > have:
                units = _width(text[:FIT_MAX])
                if units > have:
                    fit[col] = min(units, FIT_MAX)

    def number(
        self,
        sheet: Worksheet,
        row: int,
        col: int,
        value: float,
        *,
        bold: bool = False,
        fill: str | None = None,
        number_format: str | None = None,
    ) -> None:
        plain = not (bold or fill or number_format)
        style = None if plain else self._format((bold, False, False, fill, number_format))
        result = sheet.write_number(row, col, value, style)
        if result:
            _check(result, row, col)

    def row(self, sheet: Worksheet, row: int, values: list[Any], *, bold: bool = False) -> None:
        """Texts (or None, an empty cell) as text cells, numbers as numbers."""
        for col, value in enumerate(values):
            if value is None or isinstance(value, str):
                self.text(sheet, row, col, value, bold=bold)
            elif isinstance(value, int | float) and not isinstance(value, bool):
                self.number(sheet, row, col, value, bold=bold)
            else:
                raise TypeError(f"cannot write {type(value).__name__} to a cell")


def _check(result: int, row: int, col: int) -> None:
    """XlsxWriter reports problems by return value; none may pass silently."""
    if result != 0:
        raise RuntimeError(f"XlsxWriter refused cell ({row}, {col}): code {result}")
