"""Reading a `.qdpx` archive that nobody vouches for.

Vendors differ in the details (`project.qde` or `Project.qde`, `sources/` or `Sources/`,
directory entries, stray files such as `sources/.root`, stored or deflated entries, a whole
project folder zipped), so names are looked up without regard to case or slash direction.
An archive is refused as a whole, before anything is imported, when it is not a zip, is
damaged, would unpack to more than the limits allow (a zip bomb), or names an entry outside
itself (`../`, absolute paths, drive letters). Entries are read in bounded chunks, so a
header that lies about its size cannot make one read allocate gigabytes.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
from dataclasses import dataclass
from pathlib import Path

from ...errors import InputError
from ..archive import Limits, check_members

MAX_ENTRIES = 100_000
MAX_TOTAL_BYTES = 2 * 10**9  # everything unpacked: far above a real project's texts and XML
MAX_ENTRY_BYTES = 10**9
# Text and XML compress 3 to 20 times; a thousandfold entry is a bomb, not a project.
MAX_RATIO = 200
RATIO_FLOOR = 10 * 10**6  # small entries may compress as well as they like
_CHUNK = 1 << 20


def _key(name: str) -> str:
    """How a member is looked up: slashes forward, no leading "./", case folded."""
    name = name.replace("\\", "/")
    while name.startswith("./"):
        name = name[2:]
    return name.casefold()


def _escapes(name: str) -> bool:
    name = name.replace("\\", "/")
    if name.startswith("/") or (len(name) > 1 and name[1] == ":"):
        return True
    return ".." in name.split("/")


@dataclass
class Archive:
    """An opened archive; `read` returns a member's bytes or None when it has none."""

    path: Path
    zip: zipfile.ZipFile
    members: dict[str, zipfile.ZipInfo]  # _key(name) -> entry, files only
    project_name: str  # the .qde entry as the archive spells it
    base: str  # its folder, "" at the root, as a lookup key prefix

    def read(self, name: str) -> bytes | None:
        info = self.members.get(_key(name))
        if info is None:
            return None
        return self._read(info)

    def _read(self, info: zipfile.ZipInfo) -> bytes:
        out = io.BytesIO()
        try:
            with self.zip.open(info) as member:
                while chunk := member.read(_CHUNK):
                    out.write(chunk)
                    if out.tell() > info.file_size:
                        raise InputError(self.path, f"{info.filename} is larger than it says")
        except InputError:
            raise
        except Exception:  # BadZipFile (CRC), zlib.error, EOFError: a damaged entry
            raise InputError(
                self.path, f"not a valid .qdpx file ({info.filename} is damaged or truncated)"
            ) from None
        return out.getvalue()

    def project_xml(self) -> bytes:
        return self._read(self.members[_key(self.project_name)])

    def find_source(self, reference: str) -> tuple[str, bytes] | None:
        """A source file named by `internal://x`, `relative://x` or a bare path: looked for in
        the sources folder beside project.qde, then by its path, then by its name alone.
        Never outside the archive: an untrusted file must not read the user's disk."""
        ref = reference.strip()
        for scheme in ("internal://", "relative://", "absolute://", "file://"):
            if ref.lower().startswith(scheme):
                ref = ref[len(scheme) :]
                break
        ref = ref.replace("\\", "/").lstrip("/")
        if not ref or _escapes(ref):
            return None
        folder = self.base
        candidates = [f"{folder}sources/{ref}", f"{folder}{ref}", ref]
        for candidate in candidates:
            info = self.members.get(_key(candidate))
            if info is not None:
                return info.filename, self._read(info)
        wanted = _key(posixpath.basename(ref))
        for key, info in self.members.items():
            if posixpath.basename(key) == wanted and "sources/" in key:
                return info.filename, self._read(info)
        return None

    def close(self) -> None:
        self.zip.close()


def open_archive(path: Path, data: bytes) -> Archive:
    if not data.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        raise InputError(path, f"not a valid .qdpx file ({_not_zip(data)})")
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except Exception:
        raise InputError(path, "not a valid .qdpx file (the zip is truncated or damaged)") from None
    limits = Limits(MAX_ENTRIES, MAX_ENTRY_BYTES, MAX_TOTAL_BYTES, MAX_RATIO, RATIO_FLOOR)
    check_members(path, infos, limits)  # from the declared sizes, before anything is inflated
    members: dict[str, zipfile.ZipInfo] = {}
    for info in infos:
        if _escapes(info.filename):
            raise InputError(
                path,
                f"refused: the entry {info.filename!r} points outside the archive "
                "(a path traversal); nothing was imported",
            )
        if not info.is_dir():
            members[_key(info.filename)] = info
    qde = _project_entry(path, members)
    folder = posixpath.dirname(_key(qde))
    return Archive(path, archive, members, qde, f"{folder}/" if folder else "")


def _project_entry(path: Path, members: dict[str, zipfile.ZipInfo]) -> str:
    """`project.qde` at the root (any case), else the one `.qde` anywhere in the archive."""
    qde = [info for key, info in members.items() if key.endswith(".qde")]
    at_root = [info for info in qde if "/" not in _key(info.filename)]
    chosen = at_root or qde
    if len(chosen) == 1:
        return chosen[0].filename
    if not chosen:
        raise InputError(
            path, "not a REFI-QDA project: the archive has no project.qde (is it a .qdpx?)"
        )
    names = ", ".join(sorted(i.filename for i in chosen)[:5])
    raise InputError(path, f"the archive holds several projects ({names}); import one at a time")


def _not_zip(data: bytes) -> str:
    if not data:
        return "the file is empty"
    head = data[:64].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"<"):
        return "it is an XML file, not a zip; a codebook alone should end in .qdc"
    return "it is not a zip archive; the file is damaged or of another type"
