"""Zip archives and XML nobody vouches for (.xlsx, .docx, .ods, .qdpx), checked before reading.

Every reader of a zipped format goes through here first. The central directory says how big
each member unpacks to; a member too big, a total too big or a ratio no real document has (a
zip bomb) is refused from those numbers alone, before one byte is inflated. Python's zipfile
never inflates past the declared size and checks each member's CRC, so the declared sizes
then hold for every later read. Then every XML part is parsed whole by defusedxml, streaming:
a DOCTYPE or an entity anywhere (also after a long comment) refuses the file, where a look at
the first bytes let a declaration after 4 KB through.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from xml.sax import SAXException

from defusedxml import DefusedXmlException
from defusedxml.expatreader import DefusedExpatParser

from ..errors import InputError

__all__ = [
    "OFFICE",
    "Limits",
    "check_members",
    "human_size",
    "open_zip",
    "screen_xml",
]

_CHUNK = 1 << 20


@dataclass(frozen=True)
class Limits:
    """What an archive may unpack to; a ratio counts only for members above `ratio_floor`."""

    entries: int
    entry_bytes: int
    total_bytes: int
    ratio: int = 200  # text and XML compress 3 to 20 times; a thousandfold member is a bomb
    ratio_floor: int = 10 * 10**6  # small members may compress as well as they like


# A 100,000-row survey sheet unpacks to about 100 MB of XML; 250 MB is the most one part may.
OFFICE = Limits(entries=10_000, entry_bytes=250 * 10**6, total_bytes=500 * 10**6)


def human_size(n: int) -> str:
    """Bytes as people read them: "3.7 MB", "10.0 GB" (decimal units, as file managers)."""
    for unit, scale in (("GB", 10**9), ("MB", 10**6), ("KB", 10**3)):
        if n >= scale:
            return f"{n / scale:,.1f} {unit}"
    return f"{n} bytes"


def check_members(path: Path, infos: Iterable[zipfile.ZipInfo], limits: Limits) -> None:
    """Refuse from the declared sizes alone: too many entries, a member or the whole too big,
    or a member that unpacks to hundreds of times its packed size."""
    infos = list(infos)
    if len(infos) > limits.entries:
        raise InputError(
            path,
            f"refused: the archive holds {len(infos):,} entries, over the limit of "
            f"{limits.entries:,}",
        )
    total = 0
    for info in infos:
        if info.is_dir():
            continue
        size = info.file_size
        total += size
        ratio = size / max(info.compress_size, 1)
        if size > limits.entry_bytes:
            limit = f"over the {human_size(limits.entry_bytes)} limit for one part"
        elif size > limits.ratio_floor and ratio > limits.ratio:
            limit = f"{ratio:,.0f} times its packed size, over the limit of {limits.ratio}"
        elif total > limits.total_bytes:
            raise InputError(
                path,
                f"refused: the archive would unpack to more than "
                f"{human_size(limits.total_bytes)}, the limit; this looks like a zip bomb",
            )
        else:
            continue
        raise InputError(
            path,
            f"refused: {info.filename} would unpack to {human_size(size)} ({limit}); "
            "this looks like a zip bomb",
        )


def open_zip(path: Path, source: Path | bytes, limits: Limits, what: str) -> zipfile.ZipFile:
    """The archive with its sizes checked; `what` (".xlsx") names the format in messages."""
    try:
        archive = zipfile.ZipFile(source if isinstance(source, Path) else io.BytesIO(source))
        infos = archive.infolist()
    except Exception:  # BadZipFile, OSError, ValueError, NotImplementedError...
        raise InputError(path, f"not a valid {what} file (it is truncated or damaged)") from None
    try:
        check_members(path, infos, limits)
    except InputError:
        archive.close()
        raise
    return archive


class _Screen(DefusedExpatParser):
    """defusedxml's SAX parser with no content handlers: only its guards against DTDs,
    entities and external references run, so a whole part is checked at expat's speed."""

    def reset(self) -> None:
        super().reset()
        for handler in (
            "StartElementHandler",
            "EndElementHandler",
            "CharacterDataHandler",
            "ProcessingInstructionHandler",
            "StartNamespaceDeclHandler",
            "EndNamespaceDeclHandler",
        ):
            setattr(self._parser, handler, None)


def screen_xml(path: Path, archive: zipfile.ZipFile, info: zipfile.ZipInfo, what: str) -> None:
    """Parse one XML member whole (in chunks); refuse a DTD, entities or malformed XML."""
    parser = _Screen(forbid_dtd=True, forbid_entities=True, forbid_external=True)
    try:
        with archive.open(info) as member:
            while chunk := member.read(_CHUNK):
                parser.feed(chunk)
        parser.close()
    except DefusedXmlException:
        raise InputError(
            path,
            f"not a valid {what} file (it contains XML entity declarations in "
            f"{info.filename}, which Office never writes; refusing to read it)",
        ) from None
    except SAXException:
        raise InputError(
            path, f"not a valid {what} file ({info.filename} is not well-formed XML)"
        ) from None
    except Exception:  # BadZipFile (CRC), zlib.error, EOFError: a damaged member
        raise InputError(path, f"not a valid {what} file (it is truncated or damaged)") from None
