"""Read survey exports (CSV, TSV, Excel "Unicode text", XLSX) into a clean table of strings.

Real exports are messy: title lines above the header, Qualtrics' three header rows, semicolons in
European locales, answers spanning several lines, sheets whose recorded size is wrong. This module
settles all of that once, records each decision in ``Table.notes`` so the user can check it, and
turns every unreadable file into an InputError naming the file and the problem.
"""

from __future__ import annotations

import csv
import io
import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from dotsdesk.errors import InputError
from dotsdesk.importers.files import check_office_zip, read_file_bytes
from dotsdesk.importers.text import decode_bytes

__all__ = ["Table", "read_table"]

TEXT_SUFFIXES = (".csv", ".tsv", ".txt")
XLSX_SUFFIXES = (".xlsx", ".xlsm")

_DELIMITERS = (",", ";", "\t", "|")
_DELIMITER_NAMES = {",": "commas", ";": "semicolons", "\t": "tabs", "|": "vertical bars"}
_SNIFF_CHARS = 65536
_HEADER_SEARCH_ROWS = 20
_IMPORT_ID = re.compile(r'^\s*\{\s*"ImportId"\s*:')
_NUMBER = re.compile(r"^[+-]?[\d.,\s']*\d(?:[eE][+-]?\d+)?\s*%?$")
_DATE = re.compile(r"^\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}(?:[ T].*)?$")

# Long answers pasted into one cell can exceed csv's default limit of 128 KiB.
csv.field_size_limit(max(csv.field_size_limit(), 64 * 1024 * 1024))


@dataclass
class Table:
    """A rectangular table of strings, with where each row came from and what was decided."""

    path: Path
    headers: list[str]
    rows: list[list[str]]  # every row exactly len(headers); "" for empty cells
    row_numbers: list[int]  # 1-based file line (record start) or sheet row, for messages
    encoding: str | None  # display name for text tables, None for .xlsx
    sheet: str | None  # sheet name for .xlsx
    notes: list[str] = field(default_factory=list)


@dataclass
class _Raw:
    """Records as read, before the header is found: (line or row number, cells)."""

    records: list[tuple[int, list[str]]]
    unit: str  # "line" or "row", for messages
    encoding: str | None = None
    sheet: str | None = None
    notes: list[str] = field(default_factory=list)


def read_table(path: Path, *, encoding: str | None = None, sheet: str | None = None) -> Table:
    """Read a .csv, .tsv, .txt (tab-separated) or .xlsx/.xlsm file into a Table.

    ``encoding`` forces the text encoding of text tables; ``sheet`` picks a worksheet by name
    (the first visible sheet otherwise).
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix in TEXT_SUFFIXES:
        raw = _read_text_records(path, suffix, encoding)
    elif suffix in XLSX_SUFFIXES:
        raw = _read_xlsx_records(path, sheet)
    elif suffix == ".xls":
        raise InputError(path, "old .xls format is not supported; save it as .xlsx")
    else:
        shown = suffix or "(none)"
        raise InputError(
            path, f"unsupported file type '{shown}' for a table (use .csv, .tsv, .txt or .xlsx)"
        )
    return _build_table(path, raw)


# --- text tables -------------------------------------------------------------------------------


def _read_text_records(path: Path, suffix: str, encoding: str | None) -> _Raw:
    decoded = decode_bytes(read_file_bytes(path), path, encoding)
    text = decoded.text
    if not text.strip():
        raise InputError(path, "the file is empty")
    delimiter = _detect_delimiter(text, suffix)
    records: list[tuple[int, list[str]]] = []
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, quotechar='"')
    line = 1
    try:
        for cells in reader:
            records.append((line, cells))
            line = reader.line_num + 1
    except csv.Error as exc:
        raise InputError(path, f"line {line}: cannot split the line into cells ({exc})") from None
    _check_closed_quote(path, text, delimiter, records)
    raw = _Raw(records, "line", encoding=decoded.encoding)
    if delimiter != ("," if suffix == ".csv" else "\t"):
        raw.notes.append(f"columns are separated by {_DELIMITER_NAMES[delimiter]}")
    return raw


def _detect_delimiter(text: str, suffix: str) -> str:
    """Ask csv.Sniffer, but only trust it if its answer splits the sample consistently.

    Otherwise take the delimiter giving the most rows with the same number (> 1) of cells;
    ties go to tab for .tsv/.txt and to comma, semicolon, tab, bar otherwise.
    """
    sample = text[:_SNIFF_CHARS]
    cut = len(text) > _SNIFF_CHARS
    if cut and "\n" in sample:
        sample = sample[: sample.rindex("\n") + 1]
    preference = ("\t", ",", ";", "|") if suffix in (".tsv", ".txt") else _DELIMITERS
    scores = {d: _consistency(sample, d, drop_last=cut) for d in preference}
    best = max(preference, key=lambda d: scores[d])  # max keeps the first of equal scores
    try:
        sniffed = csv.Sniffer().sniff(sample, delimiters="".join(_DELIMITERS)).delimiter
    except csv.Error:
        sniffed = None
    if sniffed in scores and scores[sniffed][0] and scores[sniffed][1] >= scores[best][1] - 0.05:
        return sniffed
    if scores[best][0]:
        return best
    return "\t" if suffix == ".tsv" else ","


def _consistency(sample: str, delimiter: str, *, drop_last: bool) -> tuple[bool, float, int]:
    """(splits into columns, share of rows with the usual cell count, usual cell count)."""
    reader = csv.reader(io.StringIO(sample, newline=""), delimiter=delimiter, quotechar='"')
    try:
        counts = [len(_trim(cells)) for cells in reader if any(c.strip() for c in cells)]
    except csv.Error:
        return (False, 0.0, 0)
    if drop_last and counts:
        counts.pop()
    if not counts:
        return (False, 0.0, 0)
    tally = Counter(counts)
    usual = max(tally, key=lambda n: (tally[n], n))
    return (usual > 1, tally[usual] / len(counts), usual)


def _check_closed_quote(
    path: Path, text: str, delimiter: str, records: list[tuple[int, list[str]]]
) -> None:
    """A quote that is never closed swallows the rest of the file; say where it opened."""
    if not records:
        return
    start = records[-1][0]
    tail = "\n".join(text.split("\n")[start - 1 :])
    reader = csv.reader(
        io.StringIO(tail, newline=""), delimiter=delimiter, quotechar='"', strict=True
    )
    try:
        for _ in reader:
            pass
    except csv.Error as exc:
        if "unexpected end of data" in str(exc):
            raise InputError(
                path,
                f"line {start}: a quoted cell starts here but its closing quote is missing",
            ) from None


# --- xlsx --------------------------------------------------------------------------------------


def _read_xlsx_records(path: Path, sheet: str | None) -> _Raw:
    _check_workbook_zip(path)
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many types for bad files
        raise InputError(path, _damaged(".xlsx", exc)) from None
    try:
        worksheets = [ws for ws in workbook.worksheets if hasattr(ws, "iter_rows")]
        names = [ws.title for ws in worksheets]
        if not worksheets:
            raise InputError(path, "the workbook has no worksheets")
        notes: list[str] = []
        if sheet is not None:
            if sheet not in names:
                listed = ", ".join(f"'{n}'" for n in names)
                raise InputError(path, f"there is no sheet named '{sheet}' (sheets: {listed})")
            worksheet = worksheets[names.index(sheet)]
        else:
            visible = [
                ws for ws in worksheets if getattr(ws, "sheet_state", "visible") == "visible"
            ]
            worksheet = (visible or worksheets)[0]
            if len(worksheets) > 1:
                others = ", ".join(f"'{n}'" for n in names if n != worksheet.title)
                notes.append(f"read the sheet '{worksheet.title}' (other sheets: {others})")
        if hasattr(worksheet, "reset_dimensions"):
            worksheet.reset_dimensions()  # the recorded size is often wrong; read every row
        records = [
            (number, [_cell_text(value) for value in values])
            for number, values in enumerate(worksheet.iter_rows(values_only=True), start=1)
        ]
        title = worksheet.title
    except InputError:
        raise
    except Exception as exc:  # damage inside a sheet shows up only while reading it
        raise InputError(path, _damaged(".xlsx", exc)) from None
    finally:
        workbook.close()
    if not any(any(c.strip() for c in cells) for _, cells in records):
        raise InputError(path, f"the sheet '{title}' is empty")
    return _Raw(records, "row", sheet=title, notes=notes)


def _check_workbook_zip(path: Path) -> None:
    """Explain files that are not workbooks before openpyxl fails on them obscurely."""
    check_office_zip(path, ".xlsx", "xl/workbook.xml")


def _damaged(suffix: str, exc: Exception) -> str:
    name = type(exc).__name__
    if name in ("EntitiesForbidden", "DTDForbidden", "ExternalReferenceForbidden"):
        return f"not a valid {suffix} file (it contains forbidden XML entity declarations)"
    return f"not a valid {suffix} file (it is truncated or damaged)"


def _cell_text(value: Any) -> str:
    """Spreadsheet value to text as a person would type it: 3 not 3.0, 2024-03-01, TRUE."""
    if value is None:
        return ""
    if isinstance(value, str):
        # Line endings as in CSV and documents: offsets must not depend on the source format.
        return value.removesuffix("\r").replace("\r\n", "\n").replace("\r", "\n")
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isfinite(value) and value.is_integer():
            return str(int(value))
        return repr(value)
    if isinstance(value, datetime):
        if value.time() == time(0):
            return value.date().isoformat()
        spec = "seconds" if value.microsecond == 0 else "microseconds"
        return value.isoformat(sep=" ", timespec=spec)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, time):
        return value.isoformat(timespec="seconds" if value.microsecond == 0 else "microseconds")
    if isinstance(value, timedelta):
        return str(value)
    return str(value)


# --- header, Qualtrics and shaping -------------------------------------------------------------


def _build_table(path: Path, raw: _Raw) -> Table:
    records = [(n, [c.removesuffix("\r") for c in cells]) for n, cells in raw.records]
    notes = list(raw.notes)
    header_at = _find_header(path, records)
    first_number = records[0][0]
    header_number, header_cells = records[header_at]
    if header_number > first_number:
        skipped = header_number - first_number
        plural = "" if skipped == 1 else "s"
        notes.append(f"skipped {skipped} {raw.unit}{plural} above the header row")

    data_start = header_at + 1
    qualtrics = _qualtrics_rows(records, header_at)
    if qualtrics == 2:
        question_cells = records[header_at + 1][1]
        header_cells = [
            question.strip() if question.strip() else short
            for short, question in _zip_longest_str(header_cells, question_cells)
        ]
        data_start = header_at + 3
        notes.append(
            "Qualtrics export: used the question-text row as headers and skipped the ImportId row"
        )
    elif qualtrics == 1:
        data_start = header_at + 2
        notes.append("Qualtrics export: skipped the ImportId row")

    data = [(n, cells) for n, cells in records[data_start:] if any(c.strip() for c in cells)]
    width = _width(header_cells, data)
    headers = _clean_headers(header_cells[:width], notes)
    if width < len(header_cells):
        dropped = len(header_cells) - width
        plural = "" if dropped == 1 else "s"
        notes.append(f"dropped {dropped} empty column{plural} without a header at the right")

    rows: list[list[str]] = []
    numbers: list[int] = []
    for number, cells in data:
        used = len(_trim(cells))
        if used > width:
            raise InputError(
                path, f"{raw.unit} {number} has {used} cells but the header has {width}"
            )
        rows.append(cells[:width] + [""] * (width - len(cells)))
        numbers.append(number)
    return Table(path, headers, rows, numbers, raw.encoding, raw.sheet, notes)


def _find_header(path: Path, records: list[tuple[int, list[str]]]) -> int:
    """Index of the first of the first 20 records that is wide enough and mostly text."""
    window = records[:_HEADER_SEARCH_ROWS]
    filled = [sum(1 for c in cells if c.strip()) for _, cells in window]
    widest = max(filled, default=0)
    if widest == 0:
        raise InputError(path, "the table has no header row (the first rows are empty)")
    for index, (_, cells) in enumerate(window):
        values = [c.strip() for c in cells if c.strip()]
        if len(values) < 0.6 * widest:
            continue
        numeric = sum(1 for v in values if _NUMBER.match(v) or _DATE.match(v))
        if numeric * 2 < len(values):
            return index
    raise InputError(path, "the table has no header row (the first rows hold only numbers)")


def _qualtrics_rows(records: list[tuple[int, list[str]]], header_at: int) -> int:
    """How many extra header rows a Qualtrics export has after the first: 2, 1 or 0."""
    for extra in (2, 1):
        at = header_at + extra
        if at < len(records):
            values = [c for c in records[at][1] if c.strip()]
            hits = sum(1 for v in values if _IMPORT_ID.match(v))
            if values and hits * 2 >= len(values):
                return extra
    return 0


def _zip_longest_str(a: list[str], b: list[str]) -> Iterable[tuple[str, str]]:
    for i in range(max(len(a), len(b))):
        yield (a[i] if i < len(a) else "", b[i] if i < len(b) else "")


def _trim(cells: list[str]) -> list[str]:
    """Cells up to the last non-blank one."""
    end = len(cells)
    while end and not cells[end - 1].strip():
        end -= 1
    return cells[:end]


def _width(header_cells: list[str], data: list[tuple[int, list[str]]]) -> int:
    """Header width, less trailing columns that have neither a header nor any data."""
    named = len(_trim(header_cells))
    used = max((len(_trim(cells)) for _, cells in data), default=0)
    return max(named, min(used, len(header_cells)))


def _clean_headers(cells: list[str], notes: list[str]) -> list[str]:
    """Strip headers (and a surviving BOM), name blank ones, make duplicates distinct."""
    headers: list[str] = []
    seen: set[str] = set()
    blank: list[int] = []
    renamed: list[str] = []
    for index, cell in enumerate(cells, start=1):
        name = cell.lstrip("\ufeff").strip() if index == 1 else cell.strip()
        if not name:
            name = f"Column {index}"
            blank.append(index)
        unique, copy = name, 1
        while unique.casefold() in seen:
            copy += 1
            unique = f"{name} ({copy})"
        if unique != name:
            renamed.append(f"'{name}' in column {index} -> '{unique}'")
        seen.add(unique.casefold())
        headers.append(unique)
    if len(blank) == 1:
        notes.append(f"column {blank[0]} had no header; named it 'Column {blank[0]}'")
    elif blank:
        listed = ", ".join(str(i) for i in blank)
        notes.append(f"columns {listed} had no header; named them 'Column N'")
    if renamed:
        notes.append("renamed repeated headers: " + "; ".join(renamed))
    return headers
