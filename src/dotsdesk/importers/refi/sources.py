"""The text of a source (or a note) as the vendor's positions count it.

Where the text is: `PlainTextContent` inline, a `plainTextPath` file in the archive, or only
a `richTextPath` (NVivo and others may leave just the Word file: its text is taken the way
dotsdesk reads any .docx). The text is kept raw here (CR LF, a BOM) because the positions
were counted over it; positions.py decides how, and only then are line ends normalised.
"""

from __future__ import annotations

import codecs
import tempfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from ...errors import InputError
from ..text import decode_bytes
from ..transcripts.documents import read_document
from ..transcripts.rtf import read_rtf
from .archive import Archive

_BOMS = (
    (codecs.BOM_UTF8, "utf-8", "UTF-8 with BOM"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16 LE with BOM"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16 BE with BOM"),
)
RICH_SUFFIXES = (".docx", ".rtf", ".txt", ".md")


@dataclass(frozen=True)
class SourceText:
    raw: str  # without the BOM, line ends as the file has them
    bom: bool  # the file started with a byte-order mark (a tool may count it)
    where: str  # for the report: "inline", "sources/x.txt", "sources/x.docx (Word text)"
    encoding: str | None = None


@dataclass(frozen=True)
class Missing:
    why: str  # the same words for every source it befalls, so the report groups them
    detail: str = ""  # which file


def find_text(
    archive: Archive | None,
    path: Path,
    inline: str | None,
    plain_path: str | None,
    rich_path: str | None,
) -> SourceText | Missing:
    if inline:  # an empty PlainTextContent beside a path is no text
        bom = inline.startswith("\ufeff")
        return SourceText(inline.removeprefix("\ufeff"), bom, "inline")
    if archive is None:
        return Missing("its text is not in the file")
    tried = []
    if plain_path:
        found = archive.find_source(plain_path)
        if found is not None:
            name, data = found
            return decode_source(path, name, data)
        tried.append(plain_path)
    if rich_path:
        found = archive.find_source(rich_path)
        if found is not None:
            name, data = found
            return _rich_text(name, data)
        tried.append(rich_path)
    if not tried:
        return Missing("it has neither text nor a path to its text")
    outside = any(t.strip().lower().startswith(("relative://", "absolute://")) for t in tried)
    if outside:
        return Missing("the text is a file outside the archive, which is never read", tried[0])
    return Missing("the archive lacks the text file", tried[0])


def decode_source(path: Path, name: str, data: bytes) -> SourceText | Missing:
    """REFI-QDA says UTF-8; a BOM (UTF-8 or UTF-16) is honoured, and a file in another
    encoding is read the way dotsdesk reads any text file, named in the report."""
    for bom, codec, display in _BOMS:
        if data.startswith(bom):
            try:
                return SourceText(data[len(bom) :].decode(codec), True, name, display)
            except UnicodeDecodeError:
                return Missing(f"the text file is not valid {display}", name)
    try:
        return SourceText(data.decode("utf-8"), False, name, "UTF-8")
    except UnicodeDecodeError:
        pass
    try:
        guessed = decode_bytes(data, Path(name)).encoding
        codec = codecs.lookup(guessed.replace(" ", "-")).name
        return SourceText(data.decode(codec), False, name, guessed)
    except (InputError, LookupError, UnicodeDecodeError):
        return Missing("the text file is not UTF-8 and its encoding could not be told", name)


def _rich_text(name: str, data: bytes) -> SourceText | Missing:
    suffix = PurePosixPath(name).suffix.lower()
    if suffix not in RICH_SUFFIXES:
        return Missing(f"the only text is a {suffix or 'file'} dotsdesk cannot read", name)
    with tempfile.TemporaryDirectory(prefix="dotsdesk-refi-") as folder:
        temp = Path(folder) / f"source{suffix}"
        temp.write_bytes(data)
        try:
            text = read_rtf(temp) if suffix == ".rtf" else read_document(temp).text
        except InputError as exc:
            return Missing("the rich text file cannot be read", f"{name}: {exc.problem}")
    kind = {".docx": "Word", ".rtf": "RTF"}.get(suffix, "plain")
    return SourceText(text, False, f"{name} ({kind} text)")
