"""The first records of any fixture as dotsdesk's own readers give them to the profiles, for
the tests that check a profile claims no other tool's file."""

from __future__ import annotations

import csv
import io
from itertools import islice
from pathlib import Path

import openpyxl

from dotsdesk.errors import InputError
from dotsdesk.importers.surveys.legacy_excel import read_calamine_records
from dotsdesk.importers.surveys.profiles import HEAD_RECORDS
from dotsdesk.importers.surveys.records import text_records, workbook_records
from dotsdesk.importers.text import decode_bytes


def head_of(path: Path) -> list[list[str]] | None:
    """None for the fixtures that are broken on purpose (they never reach a profile)."""
    suffix = path.suffix.lower()
    try:
        if suffix in (".xls", ".ods"):
            return read_calamine_records(path)[0][:HEAD_RECORDS]
        if suffix in (".xlsx", ".xlsm"):
            records = workbook_records(path, None, None)
        else:
            records = text_records(path, decode_bytes(path.read_bytes(), path, None), suffix)
        return [cells for _, cells in islice(records.rows, HEAD_RECORDS)]
    except InputError:
        return None


def plain_records(path: Path) -> list[list[str]]:
    """A fixture's records the simple way, independent of dotsdesk's readers: UTF-8 (a BOM
    kept on the first cell) and csv, or openpyxl's values as str()."""
    if path.suffix == ".xlsx":
        wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
        rows = wb.worksheets[0].iter_rows(values_only=True)
        return [["" if v is None else str(v) for v in row] for row in rows]
    return list(csv.reader(io.StringIO(path.read_bytes().decode("utf-8"), newline="")))
