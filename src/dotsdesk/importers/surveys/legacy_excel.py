"""Workbooks openpyxl cannot read: legacy binary Excel (.xls), and .ods, as rows of text.

问卷星 downloads answers as .xls (Excel 97, BIFF8) by default, and researchers re-save old
workbooks; openpyxl reads neither. python-calamine reads .xls, .xlsx and .ods. Cells become
text the way a person sees them in the sheet: 3 not 3.0, dates as 2023-05-01 10:20:30.
Every unreadable file becomes an InputError naming the file and the problem, never a traceback.
"""

from __future__ import annotations

import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from dotsdesk.errors import InputError
from dotsdesk.importers.files import check_office_zip, describe_binary, read_file_bytes
from dotsdesk.importers.surveys.records import cell_text

__all__ = ["read_calamine_records", "read_xls_records"]

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# A password-protected .xlsx is an OLE file whose workbook sits in this encrypted stream.
_ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")
_NOT_EXCEPTIONS = (KeyboardInterrupt, SystemExit, GeneratorExit)


def read_xls_records(path: Path, sheet: str | None = None) -> tuple[list[list[str]], str]:
    """Rows of a legacy .xls sheet as strings, and the name of the sheet read.

    ``sheet`` picks a worksheet by name; otherwise the first visible one (hidden sheets are
    skipped). Raises InputError for an empty, renamed, damaged or password-protected file.
    """
    path = Path(path)
    data = read_file_bytes(path)
    if not data:
        raise InputError(path, "not a valid .xls file (the file is empty)")
    if not data.startswith(_OLE):
        raise InputError(path, f"not a valid .xls file ({_what_instead(data)})")
    if _ENCRYPTED_PACKAGE in data:
        raise InputError(path, _PASSWORD)
    if path.suffix.lower() == ".xls":
        return _read(path, path, sheet, ".xls")
    # calamine picks the format by suffix: an .xls renamed to .xlsx is read from a copy.
    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder) / "workbook.xls"
        copy.write_bytes(data)
        return _read(path, copy, sheet, ".xls")


def read_calamine_records(path: Path, sheet: str | None = None) -> tuple[list[list[str]], str]:
    """Like read_xls_records for any workbook python-calamine reads (.xls, .xlsx, .ods)."""
    path = Path(path)
    kind = path.suffix.lower() or "workbook"
    data = read_file_bytes(path)
    if not data:
        raise InputError(path, f"not a valid {kind} file (the file is empty)")
    if kind == ".ods":  # a zip: its sizes and XML checked before calamine inflates anything
        check_office_zip(path, ".ods", "content.xml", data)
    return _read(path, path, sheet, kind)


_PASSWORD = (
    "the workbook is password-protected; open it in Excel, remove the password "
    "(File > Info > Protect Workbook) and save it again"
)


def _what_instead(data: bytes) -> str:
    kind = describe_binary(data)
    if kind is not None and "zip" in kind:
        return "it is a zip archive, probably an .xlsx workbook renamed to .xls; rename it"
    if kind is not None:
        return f"it is {kind}"
    head = data[:512].lstrip(b"\xef\xbb\xbf\xff\xfe\x00 \t\r\n").lower()
    # Some web tools save an HTML table or a CSV under an .xls name; Excel opens both.
    if head.startswith((b"<html", b"<!doctype", b"<table", b"<?xml", b"<meta")):
        return "it is a web page (HTML) named .xls; open it in Excel and save it as .xlsx"
    if b"\x00" not in data[:4096]:
        return "it is a text file, perhaps a CSV renamed to .xls; rename it to .csv"
    return "it is not an Excel file; the file is damaged or of another type"


def _read(path: Path, source: Path, sheet: str | None, kind: str) -> tuple[list[list[str]], str]:
    import python_calamine as calamine

    try:
        # By path, not from bytes: calamine picks the format by suffix and then reports a
        # password as such, where content sniffing reports only "cannot detect file format".
        workbook = calamine.load_workbook(source)
    except calamine.PasswordError:
        raise InputError(path, _PASSWORD) from None
    except BaseException as exc:  # a Rust panic arrives as a BaseException
        if isinstance(exc, _NOT_EXCEPTIONS):
            raise
        raise InputError(path, f"not a valid {kind} file (it is truncated or damaged)") from None
    try:
        name = _pick_sheet(path, workbook.sheets_metadata, sheet, calamine)
        rows = workbook.get_sheet_by_name(name).to_python(skip_empty_area=False)
        records = [[cell_text(value) for value in row] for row in rows]
    except InputError:
        raise
    except calamine.PasswordError:
        raise InputError(path, _PASSWORD) from None
    except BaseException as exc:  # damage inside a sheet shows up only while reading it
        if isinstance(exc, _NOT_EXCEPTIONS):
            raise
        raise InputError(path, f"not a valid {kind} file (it is truncated or damaged)") from None
    finally:
        workbook.close()
    if not any(any(cell.strip() for cell in row) for row in records):
        raise InputError(path, f"the sheet '{name}' is empty")
    return records, name


def _pick_sheet(path: Path, metadata: Sequence[Any], sheet: str | None, calamine: Any) -> str:
    worksheets = [m for m in metadata if m.typ == calamine.SheetTypeEnum.WorkSheet]
    if not worksheets:
        raise InputError(path, "the workbook has no worksheets")
    names = [m.name for m in worksheets]
    if sheet is not None:
        if sheet not in names:
            listed = ", ".join(f"'{n}'" for n in names)
            raise InputError(path, f"there is no sheet named '{sheet}' (sheets: {listed})")
        return sheet
    visible = [m.name for m in worksheets if m.visible == calamine.SheetVisibleEnum.Visible]
    return (visible or names)[0]
