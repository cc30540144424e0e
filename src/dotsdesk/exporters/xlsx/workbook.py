"""One way to write an Excel file: XlsxWriter, atomically, with nothing left behind."""

from __future__ import annotations

import contextlib
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from xlsxwriter.exceptions import XlsxFileError
from xlsxwriter.workbook import Workbook
from xlsxwriter.worksheet import Worksheet

from ...errors import DotsError
from ..atomic import atomic_output
from .cells import EXCEL_MAX_ROWS, Cells

# Text stays text: no formulas, numbers or links made out of what people wrote.
_OPTIONS = {"strings_to_formulas": False, "strings_to_numbers": False, "strings_to_urls": False}


@contextmanager
def xlsx_workbook(
    target: Path, *, constant_memory: bool = False
) -> Iterator[tuple[Workbook, Cells]]:
    """Yields the workbook and its cell writer; the file appears at `target` only if the
    block completes. XlsxWriter's own temporary files go to a scratch folder that is
    always removed."""
    with (
        atomic_output(target) as temp,
        tempfile.TemporaryDirectory(prefix="dotsdesk-xlsx-", ignore_cleanup_errors=True) as scratch,
    ):
        options = {**_OPTIONS, "constant_memory": constant_memory, "tmpdir": scratch}
        wb = Workbook(str(temp), options)
        try:
            cells = Cells(wb)
            yield wb, cells
            cells.apply_widths()
            wb.close()
        except XlsxFileError as exc:
            _discard(wb)
            raise DotsError(target, f"cannot write the file: {exc}") from None
        except BaseException:
            _discard(wb)
            raise


def _discard(wb: Workbook) -> None:
    """Close an abandoned workbook's row files now (they are deleted with the scratch folder;
    an open file could not be deleted on Windows)."""
    for ws in wb.worksheets():
        with contextlib.suppress(Exception):
            ws._opt_close()


def table_sheet(
    wb: Workbook,
    cells: Cells,
    target: Path,
    title: str,
    columns: list[str],
    rows: int,
    *,
    widths: dict[str, int],
    frozen_columns: int = 0,
) -> Worksheet:
    """A sheet with a bold, frozen header row and an autofilter over its columns, ready for
    `rows` rows below it."""
    if rows + 1 > EXCEL_MAX_ROWS:
        raise DotsError(
            target,
            f"{rows:,} rows do not fit in the {title} sheet: Excel holds at most "
            f"{EXCEL_MAX_ROWS - 1:,} below the header; nothing was written",
        )
    ws = wb.add_worksheet(title)
    # Each column as wide as its widest text when the workbook is done (Chinese counted
    # twice), at least as set here.
    cells.fit_columns(ws, [widths.get(name, 14) for name in columns])
    ws.freeze_panes(1, frozen_columns)
    ws.autofilter(0, 0, max(rows, 1), len(columns) - 1)
    cells.row(ws, 0, list(columns), bold=True)
    return ws
