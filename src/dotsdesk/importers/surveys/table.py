"""Read survey exports (CSV, TSV, Excel "Unicode text", XLSX) into a clean table of strings.

`read_table` is the whole reading path, top to bottom: the file's bytes; text (text.py: the
encoding); records (records.py: delimiter and quoting, or a workbook's rows); and here the table:
the header row found below any title rows, Qualtrics' extra header rows used or skipped, every
row cut or padded to the header. The column plan (columns.py) and the writer take it from there.

Real exports are messy, so each decision is recorded in ``Table.notes`` for the user to check,
and every unreadable file becomes an InputError naming the file and the problem.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from itertools import chain, islice
from pathlib import Path

from dotsdesk.errors import InputError
from dotsdesk.importers.files import read_file_bytes
from dotsdesk.importers.surveys.columns import Role
from dotsdesk.importers.surveys.legacy_excel import read_calamine_records
from dotsdesk.importers.surveys.profiles import Column, Layout, recognise
from dotsdesk.importers.surveys.records import (
    MAX_CELL_CHARS,
    Record,
    Records,
    filled_width,
    text_records,
    workbook_records,
)
from dotsdesk.importers.text import decode_bytes

__all__ = ["Header", "Table", "build_table", "find_header", "read_table"]

TEXT_SUFFIXES = (".csv", ".tsv", ".txt")
XLSX_SUFFIXES = (".xlsx", ".xlsm")
# Legacy binary Excel (问卷星's default download) and OpenDocument, read by python-calamine.
CALAMINE_SUFFIXES = (".xls", ".ods")

_HEADER_SEARCH_ROWS = 20
# The records looked at before the data: the header search, then two Qualtrics header rows.
_HEAD_RECORDS = _HEADER_SEARCH_ROWS + 2
MAX_COLUMNS = 16_384
_IMPORT_ID = re.compile(r'^\s*\{\s*"ImportId"\s*:')
_NUMBER = re.compile(r"^[+-]?[\d.,\s']*\d(?:[eE][+-]?\d+)?\s*%?$")
_DATE = re.compile(r"^\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}(?:[ T].*)?$")


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
    layout: Layout | None = None  # the survey tool's export, when a profile recognised it
    # One per header: what the tool says each column is (plain headers when no tool was found).
    columns: list[Column] = field(default_factory=list)
    header_rows: str = ""  # where the header was found, in the file's own units ("lines 1-3")


@dataclass
class Header:
    """What the first records say: the header's cells and where the data starts."""

    cells: list[str]  # as written, before blank and repeated names are fixed
    data_start: int  # index of the first data record
    notes: list[str] = field(default_factory=list)


def read_table(
    path: Path,
    *,
    encoding: str | None = None,
    sheet: str | None = None,
    data: bytes | None = None,
) -> Table:
    """Read a .csv, .tsv, .txt (tab-separated) or .xlsx/.xlsm file into a Table.

    ``encoding`` forces the text encoding of text tables; ``sheet`` picks a worksheet by name
    (the first visible sheet otherwise); ``data`` is the file's content if the caller has read
    it already (it is then not read again).
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix in TEXT_SUFFIXES:
        decoded = decode_bytes(read_file_bytes(path) if data is None else data, path, encoding)
        records = text_records(path, decoded, suffix)
    elif suffix in XLSX_SUFFIXES:
        records = workbook_records(path, sheet, data)
    elif suffix in CALAMINE_SUFFIXES:
        cells, used = read_calamine_records(path, sheet)
        records = Records(iter(enumerate(cells, start=1)), "row", sheet=used)
    else:
        shown = suffix or "(none)"
        raise InputError(
            path,
            f"unsupported file type '{shown}' for a table (use .csv, .tsv, .txt, .xlsx or .xls)",
        )
    return build_table(path, records)


def build_table(path: Path, records: Records) -> Table:
    """Find the header in the first records (a source profile's, or the generic reading), then
    shape every later record to it."""
    rows = iter(records.rows)
    head = list(islice(rows, _HEAD_RECORDS))
    for number, cells in head:
        _check_cells(path, records.unit, number, cells)
    layout = recognise([cells for _, cells in head]) if head else None
    try:
        header = _tool_header(layout) if layout else find_header(path, head, records.unit)
    except InputError:
        _drain(rows)  # a problem further down (a quote never closed) is reported first
        raise
    notes = [*records.notes, *header.notes]

    data: list[list[str]] = []
    numbers: list[int] = []
    used = 0
    for number, cells in chain(head[header.data_start :], _checked(path, records.unit, rows)):
        filled = filled_width(cells)
        if filled:  # blank records are left out
            data.append(cells)
            numbers.append(number)
            used = max(used, filled)
    # The header's width, less trailing columns that have neither a header nor any data.
    width = max(filled_width(header.cells), min(used, len(header.cells)))
    headers = _clean_headers(header.cells[:width], notes)
    if width < len(header.cells):
        dropped = len(header.cells) - width
        plural = "" if dropped == 1 else "s"
        notes.append(f"dropped {dropped} empty column{plural} without a header at the right")
    columns = _columns(layout, headers)
    blank = _blanked(layout, columns)

    for number, cells in zip(numbers, data, strict=True):
        filled = filled_width(cells)
        if filled > width:
            raise InputError(
                path, f"{records.unit} {number} has {filled} cells but the header has {width}"
            )
        del cells[width:]  # in place: the records are not copied again
        cells.extend([""] * (width - len(cells)))
        for i, markers in blank:
            if cells[i].strip() in markers:
                cells[i] = ""
    first = head[0][0] if head else 1
    last = head[header.data_start - 1][0] if 0 < header.data_start <= len(head) else first
    unit = records.unit + ("s" if last > first else "")
    where = f"{unit} {first}-{last}" if last > first else f"{unit} {first}"
    return Table(
        path, headers, data, numbers, records.encoding, records.sheet, notes, layout, columns, where
    )


def _tool_header(layout: Layout) -> Header:
    return Header(
        [c.header for c in layout.columns],
        layout.header_rows,
        [f"recognised a {layout.name}", *layout.notes],
    )


def _columns(layout: Layout | None, headers: list[str]) -> list[Column]:
    """What each column is, with the headers as cleaned (blank and repeated names fixed)."""
    given = layout.columns if layout else []
    return [
        replace(given[i], header=h) if i < len(given) else Column(h) for i, h in enumerate(headers)
    ]


def _blanked(layout: Layout | None, columns: list[Column]) -> list[tuple[int, frozenset[str]]]:
    """(column, values read as empty): the tool's skip markers everywhere, and its "no date"
    values in the date columns."""
    if layout is None:
        return []
    out = []
    for i, column in enumerate(columns):
        markers = layout.skip_markers
        if column.role is Role.DATE:
            markers = markers | layout.no_dates
        if markers:
            out.append((i, markers))
    return out


def find_header(path: Path, head: list[Record], unit: str) -> Header:
    """The generic reading of the first records: the first mostly-text row is the header.

    Title rows above it are skipped; Qualtrics' rows below it are used (question texts) or
    skipped (ImportIds). This is the step a source profile (profiles/) decides instead when it
    recognises its tool's export.
    """
    at = _header_index(path, head)
    notes: list[str] = []
    first_number, (header_number, cells) = head[0][0], head[at]
    if header_number > first_number:
        skipped = header_number - first_number
        plural = "" if skipped == 1 else "s"
        notes.append(f"skipped {skipped} {unit}{plural} above the header row")

    qualtrics = _qualtrics_rows(head, at)
    if qualtrics == 2:
        questions = head[at + 1][1]
        cells = [
            question.strip() if question.strip() else short
            for short, question in _zip_longest_str(cells, questions)
        ]
        notes.append(
            "Qualtrics export: used the question-text row as headers and skipped the ImportId row"
        )
    elif qualtrics == 1:
        notes.append("Qualtrics export: skipped the ImportId row")
    return Header(cells, at + 1 + qualtrics, notes)


def _header_index(path: Path, head: list[Record]) -> int:
    """Index of the first of the first 20 records that is wide enough and mostly text."""
    window = head[:_HEADER_SEARCH_ROWS]
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


def _qualtrics_rows(head: list[Record], header_at: int) -> int:
    """How many extra header rows a Qualtrics export has after the first: 2, 1 or 0."""
    for extra in (2, 1):
        at = header_at + extra
        if at < len(head):
            values = [c for c in head[at][1] if c.strip()]
            hits = sum(1 for v in values if _IMPORT_ID.match(v))
            if values and hits * 2 >= len(values):
                return extra
    return 0


def _drain(rows: Iterator[Record]) -> None:
    for _ in rows:
        pass


def _zip_longest_str(a: list[str], b: list[str]) -> Iterable[tuple[str, str]]:
    for i in range(max(len(a), len(b))):
        yield (a[i] if i < len(a) else "", b[i] if i < len(b) else "")


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


def _checked(path: Path, unit: str, rows: Iterator[Record]) -> Iterator[Record]:
    for number, cells in rows:
        _check_cells(path, unit, number, cells)
        yield number, cells


def _check_cells(path: Path, unit: str, number: int, cells: list[str]) -> None:
    """Refuse a record no survey has: more columns than Excel holds, or a giant cell."""
    if len(cells) > MAX_COLUMNS:
        raise InputError(
            path,
            f"{unit} {number} has {len(cells):,} cells; a table may have at most "
            f"{MAX_COLUMNS:,} columns (as many as Excel holds)",
        )
    longest = max(map(len, cells), default=0)
    if longest > MAX_CELL_CHARS:
        raise InputError(
            path,
            f"{unit} {number}: a cell of {longest:,} characters, more than the "
            f"{MAX_CELL_CHARS:,} any answer may have",
        )
