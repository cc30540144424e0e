"""Bytes to text: decode files whose encoding nobody wrote down.

Survey tools and spreadsheet programs write UTF-8 (with or without a BOM), UTF-16 (Excel's
"Unicode text"), GBK (Chinese Windows and Chinese survey sites) or Windows-1252 (Western Windows).
A wrong guess silently corrupts every quote taken from the file, so each guess is checked and
anything doubtful is refused with a message that tells the user to pass ``--encoding``.

charset-normalizer guesses everything else. The rules written here are the cases it gets wrong
for this app; each says what it does there (charset-normalizer 3.5, checked by experiment).
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from charset_normalizer import from_bytes
from charset_normalizer.utils import is_multi_byte_encoding

from dotsdesk.errors import InputError
from dotsdesk.importers.files import describe_binary, read_file_bytes
from dotsdesk.importers.plausible import reads_as_text, reads_as_western

__all__ = ["DecodedText", "decode_bytes", "read_text_file"]


@dataclass(frozen=True)
class DecodedText:
    """Text of a file and the encoding it was read with (shown to the user)."""

    text: str  # line endings normalised to "\n"; BOM removed; nothing else changed
    encoding: str  # display name such as "UTF-8", "UTF-16 LE", "GB18030", "Windows-1252"


# A BOM is a promise. charset-normalizer does not keep it: it reads a UTF-8 BOM followed by
# invalid bytes as CP1006 ("ﺅﭨﺟabc"), and says "utf_16" without the byte order users see.
_BOMS: tuple[tuple[bytes, str, str], ...] = (
    # UTF-32 first: its LE BOM starts with the UTF-16 LE BOM.
    (codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32 LE"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32 BE"),
    (codecs.BOM_UTF8, "utf-8", "UTF-8 with BOM"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16 LE"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16 BE"),
)

# Names users know, where upper-casing the codec name does not give them.
_DISPLAY_NAMES = {
    "big5": "Big5",
    "big5hkscs": "Big5-HKSCS",
    "cp950": "Big5",
    "shift_jis": "Shift_JIS",
    "shift_jis_2004": "Shift_JIS",
    "shift_jisx0213": "Shift_JIS",
    "cp932": "Shift_JIS",
    "euc_jp": "EUC-JP",
    "euc_jis_2004": "EUC-JP",
    "euc_jisx0213": "EUC-JP",
    "iso2022_jp": "ISO-2022-JP",
    "euc_kr": "EUC-KR",
    "cp949": "EUC-KR",
    "johab": "Johab",
    "mac-roman": "Mac Roman",
}

# Codecs charset-normalizer may name for simplified Chinese; GB18030 is a superset of all.
_CHINESE_CODECS = {"gbk", "gb2312", "hz", "gb18030"}

# UTF-8 for Latin-1 letters ("é" is C3 A9) and for general punctuation ("’" is E2 80 99).
# A single-byte code page turns them into mojibake ("Ã©", "â€™").
_UTF8_LATIN = re.compile(rb"[\xc2\xc3][\x80-\xbf]|\xe2\x80[\x80-\xbf]")

_ALLOWED_CONTROLS = set("\t\n\r\f\v\x1a")
_SAMPLE = 65536  # characters or bytes looked at by the statistical checks

_TRY_ENCODING = "try --encoding"
_ASCII_PROBE = b"Az09 ,;\t\n\"'"


def read_text_file(path: Path, forced: str | None = None) -> DecodedText:
    """Read and decode a whole text file, turning every failure into an InputError."""
    return decode_bytes(read_file_bytes(path), path, forced)


def decode_bytes(data: bytes, path: Path, forced: str | None = None) -> DecodedText:
    """Decode ``data`` (the contents of ``path``), guessing the encoding unless ``forced``.

    The order is: the forced encoding; a byte-order mark; strict UTF-8; UTF-16 without a BOM;
    then GB18030, Windows-1252 or charset-normalizer's guess, each only if the result looks like
    real text. ``path`` is only used in error messages.
    """
    kind = describe_binary(data)
    if kind is not None:
        raise InputError(path, f"this is not a text file: it looks like {kind}")
    if forced is not None:
        return _decode_forced(data, path, forced)
    if not data:
        return DecodedText("", "UTF-8")
    for bom, codec, display in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(codec)
            except UnicodeDecodeError as exc:
                if codec.startswith("utf-32"):
                    continue  # an UTF-16 LE BOM followed by U+0000; try the next BOM
                raise InputError(path, _bad_bytes_problem(display, data, exc, len(bom))) from None
            return _checked(path, DecodedText(_normalise(text), display))

    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        utf8_error: UnicodeDecodeError | None = exc
        valid, _ = _utf8_evidence(data)
        if exc.reason == "unexpected end of data" and exc.start >= len(data) - 3 and valid:
            raise InputError(
                path, "the text ends in the middle of a character; the file may be truncated"
            ) from None
    else:
        utf8_error = None
        # charset-normalizer calls "text\0with\0nuls" UTF-8 too; it is binary.
        if not _too_many_controls(text):
            return DecodedText(_normalise(text), "UTF-8")

    decoded = _decode_utf16_without_bom(data) or _guess_legacy(data, path, utf8_error)
    if decoded is not None:
        return decoded
    if _looks_binary(data):
        raise InputError(path, "this is not a text file: it contains binary data")
    where = ""
    if utf8_error is not None:
        line = data.count(b"\n", 0, utf8_error.start) + 1
        where = f" (the first byte that is not UTF-8 is on line {line})"
    raise InputError(
        path,
        f"cannot decode the text: it is neither UTF-8, UTF-16 nor GB18030{where}; {_TRY_ENCODING}",
    )


def display_name(codec: str) -> str:
    """The name users know for a Python codec ("cp1252" -> "Windows-1252")."""
    name = codecs.lookup(codec).name
    if name in _DISPLAY_NAMES:
        return _DISPLAY_NAMES[name]
    match = re.fullmatch(r"cp(125\d)", name)
    if match:
        return f"Windows-{match.group(1)}"
    match = re.fullmatch(r"iso8859-(\d+)", name)
    if match:
        return f"ISO-8859-{match.group(1)}"
    return re.sub(r"-([LB]E)$", r" \1", name.upper().replace("_", "-"))  # "UTF-16 LE"


def _decode_forced(data: bytes, path: Path, forced: str) -> DecodedText:
    try:
        info = codecs.lookup(forced)
    except LookupError:
        raise InputError(path, f"unknown encoding {forced!r}") from None
    if not getattr(info, "_is_text_encoding", True):  # "base64", "rot13": bytes to bytes
        raise InputError(path, f"{forced!r} is not a text encoding")
    codec = info.name
    display = display_name(codec)
    offset = 0
    if codec == "utf-8" and data.startswith(codecs.BOM_UTF8):
        offset, display = len(codecs.BOM_UTF8), "UTF-8 with BOM"
    try:
        text = data[offset:].decode(codec)
    except UnicodeDecodeError as exc:
        raise InputError(path, _bad_bytes_problem(display, data, exc, offset)) from None
    return _checked(path, DecodedText(_normalise(text.removeprefix("\ufeff")), display))


def _checked(path: Path, decoded: DecodedText) -> DecodedText:
    """A BOM or a forced encoding says what the bytes are, not that they are text."""
    nul = decoded.text.find("\x00")
    if nul >= 0:
        line = decoded.text.count("\n", 0, nul) + 1
        raise InputError(path, f"this is not a text file: it has NUL characters (line {line})")
    return decoded


def _bad_bytes_problem(display: str, data: bytes, exc: UnicodeDecodeError, offset: int) -> str:
    position = exc.start + offset
    line = data.count(b"\n", 0, position) + 1
    return f"cannot decode the text as {display}: invalid bytes on line {line}; {_TRY_ENCODING}"


def _normalise(text: str) -> str:
    """Turn CRLF and lone CR into LF and drop a leading BOM; change nothing else."""
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def _too_many_controls(text: str) -> bool:
    """True for binary data decoded as text: NULs or more than 1 in 200 control characters."""
    if not text:
        return False
    sample = text[:_SAMPLE]
    controls = sum(
        1 for ch in sample if ch not in _ALLOWED_CONTROLS and unicodedata.category(ch) == "Cc"
    )
    return "\x00" in sample or controls * 200 > len(sample)


def _looks_binary(data: bytes) -> bool:
    """NULs or ASCII control bytes, which no text encoding tried here produces."""
    sample = data[:_SAMPLE]
    controls = sum(1 for b in sample if (b < 0x20 and chr(b) not in _ALLOWED_CONTROLS) or b == 0x7F)
    return b"\x00" in sample or controls * 200 > len(sample)


def _decode_utf16_without_bom(data: bytes) -> DecodedText | None:
    """UTF-16 without a BOM shows as zero bytes in every other position (for Latin text).

    charset-normalizer gets the byte order of short UTF-16 wrong: "yes" in UTF-16 LE comes back
    as UTF-16 BE "礀攀猀".
    """
    sample = data[:8192]
    if len(data) % 2 or len(sample) < 4:
        return None
    pairs = len(sample) // 2
    zeros_even = sample[0::2].count(0)
    zeros_odd = sample[1::2].count(0)
    for zeros, other, codec in (
        (zeros_odd, zeros_even, "utf-16-le"),
        (zeros_even, zeros_odd, "utf-16-be"),
    ):
        if zeros * 5 >= pairs and other * 20 <= zeros:
            text = _try_decode(data, codec)
            if text is None or _too_many_controls(text):
                return None
            return DecodedText(_normalise(text), display_name(codec))
    return None


def _guess_legacy(
    data: bytes, path: Path, utf8_error: UnicodeDecodeError | None
) -> DecodedText | None:
    """GB18030 or Windows-1252 if the text reads as such, else charset-normalizer's guess.

    charset-normalizer alone is unreliable on the two legacy encodings this app meets most:
    it calls short GBK Big5, EUC-KR or UTF-16 BE ("研究员" -> Big5 "旃噶埜"), finds nothing
    for GB18030 with an emoji, and calls Windows-1252 Windows-1250 ("naïve" -> "naďve"),
    CP1006 ("réalisé" -> "rﻠalisﻠ") or UTF-16 BE ("café" -> "捡曩").
    """
    chinese = _try_decode(data, "gb18030")
    if chinese is not None and _looks_chinese(chinese):
        return DecodedText(_normalise(chinese), "GB18030")

    valid, invalid = _utf8_evidence(data)
    if utf8_error is not None and valid >= max(2, 4 * invalid):
        line = data.count(b"\n", 0, utf8_error.start) + 1
        raise InputError(
            path,
            f"the text is mostly UTF-8 but has invalid bytes on line {line} (perhaps part of it "
            f"was pasted from a file in another encoding); {_TRY_ENCODING}",
        )
    # Part UTF-8, part something else: no single-byte code page reads both. charset-normalizer
    # reads a Windows-1252 file with two UTF-8 lines pasted in as ISO-8859-10 ("NoÃŦl").
    utf8_inside = _UTF8_LATIN.search(data) is not None
    western = None if utf8_inside else _try_decode(data, "cp1252")
    if western is not None and _looks_western(data, western):
        return DecodedText(_normalise(western), "Windows-1252")

    for match in from_bytes(data):
        codec = codecs.lookup(match.encoding).name
        if codec in _CHINESE_CODECS:
            codec = "gb18030"
        # charset-normalizer offers EBCDIC (CP037) for a Greek word in Windows-1253; survey
        # files keep ASCII as ASCII. (This also drops its UTF-16 guesses: see above.)
        if _try_decode(_ASCII_PROBE, codec) != _ASCII_PROBE.decode():
            continue
        multi_byte = is_multi_byte_encoding(codec)
        if utf8_inside and not multi_byte:
            continue
        # Well-formed UTF-8 sequences among the bad bytes: damaged UTF-8, not a code page
        # (a double-byte encoding forms one by chance for about one character in ten).
        if valid * (2 if multi_byte else 10) > invalid:
            continue
        text = _try_decode(data, codec)
        # Any bytes decode in some code page: a guess must read as text in one script.
        if _acceptable(text) and reads_as_text(text or "", codec):
            return DecodedText(_normalise(text or ""), display_name(codec))
    return None


def _utf8_evidence(data: bytes) -> tuple[int, int]:
    """Count well-formed non-ASCII UTF-8 characters and invalid sequences in ``data``."""
    text = data[:_SAMPLE].decode("utf-8", errors="replace")
    invalid = text.count("\ufffd")
    valid = sum(1 for ch in text if ord(ch) > 0x7F) - invalid
    return valid, invalid


def _try_decode(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None


def _acceptable(text: str | None) -> bool:
    """Reject decodings with binary noise or private-use and unassigned characters.

    Random double-byte data decodes as GB18030 mostly to common characters, but also to the
    private-use ones GBK's user-defined areas map to; real text has none.
    """
    if text is None or _too_many_controls(text):
        return False
    odd = sum(1 for ch in text[:_SAMPLE] if unicodedata.category(ch) in ("Co", "Cn", "Cs"))
    return odd * 100 <= len(text[:_SAMPLE])


def _looks_chinese(text: str) -> bool:
    """GB18030 text: its 2-byte characters are mostly common Chinese (the GB2312 set).

    Shift_JIS decodes as GB18030 too, but to rare characters ("こんにちは" -> "偙傫偵偪偼").
    Latin text misread as GBK gives characters wedged inside ASCII words ("Größe" -> "Gr鲞e").
    """
    if not _acceptable(text):
        return False
    sample = text[:_SAMPLE]
    two_byte = common = wedged = 0
    for index, ch in enumerate(sample):
        if ord(ch) <= 0x7F or len(ch.encode("gb18030")) != 2:
            continue
        two_byte += 1
        try:
            ch.encode("gb2312")
        except UnicodeEncodeError:
            pass
        else:
            common += 1
        before = sample[index - 1] if index else ""
        after = sample[index + 1] if index + 1 < len(sample) else ""
        if before.isascii() and before.isalpha() and after.isascii() and after.isalpha():
            wedged += 1
    return two_byte > 0 and common >= 0.9 * two_byte and wedged * 3 <= two_byte


def _looks_western(data: bytes, text: str) -> bool:
    """Windows-1252 text: accented letters and typographic punctuation, mostly one at a time.

    Every byte decodes in Windows-1252: Cyrillic read so gives "Ïðèâåò" for "Привет", Greek,
    Polish and Shift_JIS likewise. Those come in long runs of non-ASCII bytes; Western text
    rarely has more than two in a row.
    """
    if not _acceptable(text) or text[:_SAMPLE].isascii() or not reads_as_western(text):
        return False
    runs = [len(run) for run in re.findall(rb"[\x80-\xff]+", data[:_SAMPLE])]
    long_runs = sum(1 for n in runs if n >= 3)
    return sum(runs) <= 2 * len(runs) and long_runs * 10 <= len(runs)
