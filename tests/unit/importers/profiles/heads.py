"""The first records of any fixture as dotsdesk's own readers give them to the profiles, for
the tests that check a profile claims no other tool's file."""

from __future__ import annotations

from itertools import islice
from pathlib import Path

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
