"""A file's bytes, and what a file really is when its name says otherwise.

Shared by every reader: text tables and documents, .xlsx and .docx. Each failure becomes an
InputError that names the file and says in plain words what is wrong with it.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from dotsdesk.errors import InputError

__all__ = ["check_office_zip", "describe_binary", "read_file_bytes"]

_ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")


def read_file_bytes(path: Path) -> bytes:
    """Read a whole file, with the OS's complaint translated into plain words."""
    try:
        return path.read_bytes()
    except OSError as exc:
        raise InputError(path, _os_problem(exc)) from None


def describe_binary(data: bytes) -> str | None:
    """Name a well-known non-text file format from its first bytes, for error messages."""
    head = data[:8]
    if head.startswith(_ZIP_MAGIC):
        return "a zip archive (an .xlsx, .docx or .odt file, perhaps renamed)"
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "an old binary Office file (.xls or .doc) or a password-protected Office file"
    if head.startswith(b"%PDF"):
        return "a PDF file"
    if head.startswith(b"{\\rtf"):
        return "an RTF document"
    return None


def check_office_zip(path: Path, suffix: str, main_part: str, data: bytes | None = None) -> None:
    """Raise an InputError naming what ``path`` really is unless it is an Office zip.

    ``data`` is the file's content if the caller has read it already. Also refuses XML with a
    DOCTYPE: Office never writes one, and entity declarations are how XML bombs work.
    """
    head = _head(path) if data is None else data[:4096]
    if not head:
        raise InputError(path, f"not a valid {suffix} file (the file is empty)")
    if not head.startswith(_ZIP_MAGIC):
        raise InputError(path, f"not a valid {suffix} file ({_what_instead(head, suffix)})")
    try:
        with zipfile.ZipFile(path if data is None else io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            if main_part not in names:
                raise InputError(path, f"not a valid {suffix} file ({_zip_kind(archive, names)})")
            for name in names:
                if name.endswith((".xml", ".rels")):
                    with archive.open(name) as member:
                        prolog = member.read(4096)
                    if b"<!DOCTYPE" in prolog or b"<!ENTITY" in prolog:
                        raise InputError(
                            path,
                            f"not a valid {suffix} file (it contains XML entity declarations, "
                            "which Office never writes; refusing to read it)",
                        )
    except InputError:
        raise
    except Exception:  # BadZipFile, zlib.error, EOFError, OSError, NotImplementedError...
        raise InputError(path, f"not a valid {suffix} file (it is truncated or damaged)") from None


def _os_problem(exc: OSError) -> str:
    if isinstance(exc, FileNotFoundError):
        return "file not found"
    if isinstance(exc, IsADirectoryError):
        return "this is a folder, not a file"
    if isinstance(exc, PermissionError):
        return "cannot read the file: permission denied"
    return f"cannot read the file: {exc.strerror or exc}"


def _head(path: Path) -> bytes:
    try:
        with path.open("rb") as handle:
            return handle.read(4096)
    except OSError:
        return read_file_bytes(path)  # raises the InputError with the OS's reason


def _what_instead(head: bytes, suffix: str) -> str:
    kind = describe_binary(head)
    if kind is not None and "zip" not in kind:
        if suffix == ".xlsx" and "old binary" in kind:
            return "it is an old .xls file or a password-protected workbook; save it as .xlsx"
        if suffix == ".docx" and "old binary" in kind:
            return "it is an old .doc file or a password-protected document; save it as .docx"
        return f"it is {kind}"
    stripped = head.lstrip(b"\xef\xbb\xbf\xff\xfe\x00 \t\r\n").lower()
    if stripped.startswith((b"<html", b"<!doctype html", b"<table", b"<?xml")):
        return "it is an HTML or XML file; open it in Office and save it in the right format"
    if b"\x00" not in head or head.startswith((b"\xff\xfe", b"\xfe\xff")):
        if suffix == ".xlsx":
            return "it is a text file, perhaps a CSV renamed to .xlsx; rename it to .csv"
        return "it is a text file renamed to .docx; rename it to .txt"
    return "it is not a zip archive; the file is damaged or of another type"


def _zip_kind(archive: zipfile.ZipFile, names: set[str]) -> str:
    if "word/document.xml" in names:
        return "it is a Word document, not an Excel workbook"
    if "xl/workbook.xml" in names:
        return "it is an Excel workbook, not a Word document"
    if "mimetype" in names:
        mimetype = archive.read("mimetype")[:100]
        if b"opendocument.spreadsheet" in mimetype:
            return "it is an OpenDocument spreadsheet (.ods); save it as .xlsx"
        if b"opendocument.text" in mimetype:
            return "it is an OpenDocument text (.odt); save it as .docx"
    return "it is a zip archive but not an Office file"
