"""Text or a workbook to records: rows of cells as written, before any header is chosen.

A text table (CSV, TSV, Excel's "Unicode text") is split by csv over the decoded text, with the
delimiter detected: semicolons in European locales, tabs, bars. A workbook is read row by row
with openpyxl in read-only mode. Both hand out records lazily, so the table step holds the only
copy of the cells, and an error found on the way (a quote never closed, a damaged sheet) is
raised when the reading gets there.
"""

from __future__ import annotations

import csv
import io
import math
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from dotsdesk.errors import InputError
from dotsdesk.importers.files import check_office_zip
from dotsdesk.importers.text import DecodedText

__all__ = ["Record", "Records", "cell_text", "filled_width", "text_records", "workbook_records"]

Record = tuple[int, list[str]]  # (1-based line where it starts, or sheet row; its cells)

_DELIMITERS = (",", ";", "\t", "|")
_DELIMITER_NAMES = {",": "commas", ";": "semicolons", "\t": "tabs", "|": "vertical bars"}
_SNIFF_CHARS = 65536
_SNIFF_RECORDS = 3  # a header and two rows, at least, before a delimiter is judged

# Long answers pasted into one cell can exceed csv's default limit of 128 KiB; a cell of
# millions of characters is no answer (Excel holds 32,767), and reading one costs memory.
MAX_CELL_CHARS = 1_000_000
csv.field_size_limit(MAX_CELL_CHARS)


@dataclass
class Records:
    """A file's records, read as they are asked for, and what was decided reading them."""

    rows: Iterator[Record]
    unit: str  # "line" or "row", for messages
    encoding: str | None = None  # display name, for text tables
    sheet: str | None = None  # for workbooks
    notes: list[str] = field(default_factory=list)


def filled_width(cells: list[str]) -> int:
    """How many cells there are up to the last non-blank one."""
    end = len(cells)
    while end and not cells[end - 1].strip():
        end -= 1
    return end


# --- text tables -------------------------------------------------------------------------------


def text_records(path: Path, decoded: DecodedText, suffix: str) -> Records:
    """Records of a .csv, .tsv or .txt file; ``suffix`` decides which delimiter wins a tie."""
    text = decoded.text
    if not text or text.isspace():
        raise InputError(path, "the file is empty")
    delimiter = _detect_delimiter(text, suffix)
    notes = []
    if delimiter != ("," if suffix == ".csv" else "\t"):
        notes.append(f"columns are separated by {_DELIMITER_NAMES[delimiter]}")
    return Records(_split(path, text, delimiter), "line", encoding=decoded.encoding, notes=notes)


class _Lines:
    """The lines of a text, each with its "\\n", without copying the text first.

    ``end`` is where the last line handed out ends, so a record's offset in the text is known.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self.end = 0

    def __iter__(self) -> Iterator[str]:
        text = self.text
        while self.end < len(text):
            start = self.end
            self.end = text.find("\n", start) + 1 or len(text)
            yield text[start : self.end]


def _split(path: Path, text: str, delimiter: str) -> Iterator[Record]:
    lines = _Lines(text)
    reader = csv.reader(lines, delimiter=delimiter, quotechar='"')
    line, offset = 1, 0  # where the next record starts
    last: tuple[int, int] | None = None
    try:
        for cells in reader:
            yield line, cells
            last = (line, offset)
            line, offset = reader.line_num + 1, lines.end
    except csv.Error as exc:
        if "field larger than field limit" in str(exc):
            raise InputError(
                path,
                f"line {line}: a cell is longer than {MAX_CELL_CHARS:,} characters, "
                "more than any answer; is this really a table?",
            ) from None
        raise InputError(path, f"line {line}: cannot split the line into cells ({exc})") from None
    if last is not None:
        _check_closed_quote(path, text[last[1] :], delimiter, last[0])


def _check_closed_quote(path: Path, tail: str, delimiter: str, start: int) -> None:
    """A quote that is never closed swallows the rest of the file; say where it opened.

    ``tail`` is the text from the last record on; csv's strict mode notices the missing quote.
    """
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


def _detect_delimiter(text: str, suffix: str) -> str:
    """Ask csv.Sniffer, but only trust it if its answer splits the sample consistently.

    Otherwise take the delimiter giving the most rows with the same number (> 1) of cells;
    ties go to tab for .tsv/.txt and to comma, semicolon, tab, bar otherwise.
    """
    sample, cut = _sample(text)
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


def _sample(text: str) -> tuple[str, bool]:
    """The start of the text to judge the delimiter by, ending after a whole record, with at
    least a few records in it: a header of long quoted question texts (LimeSurvey writes
    newlines and tabs inside them) can be longer than any fixed sample."""
    size = _SNIFF_CHARS
    while size < len(text):
        sample = text[:size]
        ends = _record_ends(sample)
        if len(ends) >= _SNIFF_RECORDS or size >= MAX_CELL_CHARS:
            return sample[: ends[-1]] if ends else sample, True
        size *= 4
    return text, False


def _record_ends(sample: str) -> list[int]:
    """Offsets just after each line break outside quotes (quotes are '"', doubled inside)."""
    ends, quoted, at = [], False, 0
    for line in sample.split("\n")[:-1]:
        at += len(line) + 1
        quoted ^= line.count('"') % 2 == 1
        if not quoted:
            ends.append(at)
    return ends


def _consistency(sample: str, delimiter: str, *, drop_last: bool) -> tuple[bool, float, int]:
    """(splits into columns, share of rows with the usual cell count, usual cell count)."""
    reader = csv.reader(io.StringIO(sample, newline=""), delimiter=delimiter, quotechar='"')
    try:
        counts = [filled_width(cells) for cells in reader if any(c.strip() for c in cells)]
    except csv.Error:
        return (False, 0.0, 0)
    if drop_last and counts:
        counts.pop()
    if not counts:
        return (False, 0.0, 0)
    tally = Counter(counts)
    usual = max(tally, key=lambda n: (tally[n], n))
    return (usual > 1, tally[usual] / len(counts), usual)


# --- workbooks ---------------------------------------------------------------------------------


def workbook_records(path: Path, sheet: str | None, data: bytes | None = None) -> Records:
    """Rows of an .xlsx/.xlsm sheet: ``sheet`` by name, else the first visible one.

    ``data`` is the file's content if the caller has read it already.
    """
    # Explain files that are not workbooks before openpyxl fails on them obscurely.
    check_office_zip(path, ".xlsx", "xl/workbook.xml", data)
    from openpyxl import load_workbook  # imported late: openpyxl is slow to import

    source = path if data is None else io.BytesIO(data)
    try:
        workbook = load_workbook(source, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many types for bad files
        raise InputError(path, _damaged(exc)) from None
    try:
        worksheet, notes = _pick_sheet(path, workbook, sheet)
    except Exception as exc:
        workbook.close()
        if isinstance(exc, InputError):
            raise
        raise InputError(path, _damaged(exc)) from None
    rows = _sheet_rows(path, workbook, worksheet)
    return Records(rows, "row", sheet=worksheet.title, notes=notes)


def _pick_sheet(path: Path, workbook: Any, sheet: str | None) -> tuple[Any, list[str]]:
    worksheets = [ws for ws in workbook.worksheets if hasattr(ws, "iter_rows")]
    names = [ws.title for ws in worksheets]
    if not worksheets:
        raise InputError(path, "the workbook has no worksheets")
    if sheet is not None:
        if sheet not in names:
            listed = ", ".join(f"'{n}'" for n in names)
            raise InputError(path, f"there is no sheet named '{sheet}' (sheets: {listed})")
        return worksheets[names.index(sheet)], []
    visible = [ws for ws in worksheets if getattr(ws, "sheet_state", "visible") == "visible"]
    worksheet = (visible or worksheets)[0]
    notes = []
    if len(worksheets) > 1:
        others = ", ".join(f"'{n}'" for n in names if n != worksheet.title)
        notes.append(f"read the sheet '{worksheet.title}' (other sheets: {others})")
    return worksheet, notes


def _sheet_rows(path: Path, workbook: Any, worksheet: Any) -> Iterator[Record]:
    """The sheet's rows as text; the workbook is closed when they are all read (or dropped)."""
    filled = False
    try:
        if hasattr(worksheet, "reset_dimensions"):
            worksheet.reset_dimensions()  # the recorded size is often wrong; read every row
        for number, values in enumerate(worksheet.iter_rows(values_only=True), start=1):
            cells = [cell_text(value) for value in values]
            filled = filled or any(c.strip() for c in cells)
            yield number, cells
    except Exception as exc:  # damage inside a sheet shows up only while reading it
        raise InputError(path, _damaged(exc)) from None
    finally:
        workbook.close()
    if not filled:
        raise InputError(path, f"the sheet '{worksheet.title}' is empty")


def _damaged(exc: Exception) -> str:
    name = type(exc).__name__
    if name in ("EntitiesForbidden", "DTDForbidden", "ExternalReferenceForbidden"):
        return "not a valid .xlsx file (it contains forbidden XML entity declarations)"
    return "not a valid .xlsx file (it is truncated or damaged)"


def cell_text(value: Any) -> str:
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
    if isinstance(value, timedelta):  # a duration cell ([h]:mm:ss)
        seconds = round(value.total_seconds())
        sign, seconds = ("-", -seconds) if seconds < 0 else ("", seconds)
        return f"{sign}{seconds // 3600}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"
    return str(value)
