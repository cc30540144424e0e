"""A file's bytes, and what a file really is when its name says otherwise.

Shared by every reader: text tables and documents, .xlsx and .docx. Each failure becomes an
InputError that names the file and says in plain words what is wrong with it.
"""

from __future__ import annotations

import contextlib
import stat
import zipfile
from pathlib import Path

from dotsdesk.errors import InputError, os_problem

from .archive import OFFICE, human_size, open_zip, screen_xml

__all__ = ["MAX_FILE_BYTES", "check_office_zip", "describe_binary", "read_file_bytes"]

_ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")
# Every input is read whole; a survey export of 100,000 long answers is about 100 MB.
MAX_FILE_BYTES = 256 * 10**6
_XML_PARTS = (".xml", ".rels", ".vml")


def read_file_bytes(path: Path, limit: int = MAX_FILE_BYTES) -> bytes:
    """Read a whole file, with the OS's complaint translated into plain words; a folder, a
    device or a file over `limit` is refused before anything is read."""
    try:
        check_input_file(path, limit)
        with path.open("rb") as handle:
            data = handle.read(limit + 1)  # a file growing meanwhile is still capped
    except OSError as exc:
        raise InputError(path, _os_problem(exc)) from None
    if len(data) > limit:
        raise InputError(path, _too_big(len(data), limit))
    return data


def check_input_file(path: Path, limit: int = MAX_FILE_BYTES) -> None:
    """Refuse, from the file's status alone, what cannot be an input: a folder, a device or
    pipe (which could be read forever), a file over the size limit. OSError passes through."""
    status = path.stat()
    if stat.S_ISDIR(status.st_mode):
        raise IsADirectoryError(21, "Is a directory", str(path))
    if not stat.S_ISREG(status.st_mode):
        raise InputError(path, "this is not a regular file (a device, pipe or socket)")
    if status.st_size > limit:
        raise InputError(path, _too_big(status.st_size, limit))


def _too_big(size: int, limit: int) -> str:
    return f"refused: the file is {human_size(size)}, over the {human_size(limit)} import limit"


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

    ``data`` is the file's content if the caller has read it already. The archive's declared
    sizes are checked before anything is inflated (archive.py), then every XML part is parsed
    whole: Office never writes a DOCTYPE, and entity declarations are how XML bombs work.
    """
    head = _head(path) if data is None else data[:4096]
    if not head:
        raise InputError(path, f"not a valid {suffix} file (the file is empty)")
    if not head.startswith(_ZIP_MAGIC):
        raise InputError(path, f"not a valid {suffix} file ({_what_instead(head, suffix)})")
    with open_zip(path, path if data is None else data, OFFICE, suffix) as archive:
        names = set(archive.namelist())
        if main_part not in names:
            kind = _zip_kind(archive, names, suffix)
            raise InputError(path, f"not a valid {suffix} file ({kind})")
        for info in archive.infolist():
            if info.filename.lower().endswith(_XML_PARTS):
                screen_xml(path, archive, info, suffix)


def _os_problem(exc: OSError) -> str:
    if isinstance(exc, FileNotFoundError | IsADirectoryError):
        return os_problem(exc)  # "file not found", "this is a folder, not a file"
    return f"cannot read the file: {os_problem(exc)}"


def _head(path: Path) -> bytes:
    try:
        check_input_file(path)
        with path.open("rb") as handle:
            return handle.read(4096)
    except OSError as exc:
        raise InputError(path, _os_problem(exc)) from None


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


def _zip_kind(archive: zipfile.ZipFile, names: set[str], suffix: str) -> str:
    wanted = "a Word document" if suffix == ".docx" else "a spreadsheet"
    if "word/document.xml" in names:
        return f"it is a Word document, not {'an Excel workbook' if suffix == '.xlsx' else wanted}"
    if "xl/workbook.xml" in names:
        if suffix == ".ods":
            return "it is an Excel workbook; rename it to .xlsx"
        return "it is an Excel workbook, not a Word document"
    mimetype = b""
    info = archive.NameToInfo.get("mimetype")
    if info is not None and info.file_size <= 200:
        with contextlib.suppress(Exception):  # damaged: then it is just not an Office file
            mimetype = archive.read(info)
    if b"opendocument.spreadsheet" in mimetype and suffix != ".ods":
        return "it is an OpenDocument spreadsheet (.ods); save it as .xlsx"
    if b"opendocument.text" in mimetype:
        return "it is an OpenDocument text (.odt); save it as .docx"
    return "it is a zip archive but not an Office file"
