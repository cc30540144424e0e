"""Decode text files whose encoding nobody wrote down.

Survey tools and spreadsheet programs write UTF-8 (with or without a BOM), UTF-16 (Excel's
"Unicode text"), GBK (Chinese Windows and Chinese survey sites) or Windows-1252 (Western Windows).
A wrong guess silently corrupts every quote taken from the file, so each guess is checked and
anything doubtful is refused with a message that tells the user to pass ``--encoding``.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from charset_normalizer import from_bytes

from dotsdesk.errors import InputError
from dotsdesk.importers.files import describe_binary, read_file_bytes

__all__ = ["DecodedText", "decode_bytes", "read_text_file"]


@dataclass(frozen=True)
class DecodedText:
    """Text of a file and the encoding it was read with (shown to the user)."""

    text: str  # line endings normalised to "\n"; BOM removed; nothing else changed
    encoding: str  # display name such as "UTF-8", "UTF-16 LE", "GB18030", "Windows-1252"


_BOMS: tuple[tuple[bytes, str, str], ...] = (
    # UTF-32 first: its LE BOM starts with the UTF-16 LE BOM.
    (codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32 LE"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32 BE"),
    (codecs.BOM_UTF8, "utf-8", "UTF-8 with BOM"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16 LE"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16 BE"),
)

_DISPLAY_NAMES = {
    "utf-8": "UTF-8",
    "utf-16": "UTF-16",
    "utf-16-le": "UTF-16 LE",
    "utf-16-be": "UTF-16 BE",
    "utf-32": "UTF-32",
    "utf-32-le": "UTF-32 LE",
    "utf-32-be": "UTF-32 BE",
    "gb18030": "GB18030",
    "gbk": "GBK",
    "gb2312": "GB2312",
    "hz": "HZ",
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
    "koi8-r": "KOI8-R",
    "koi8-u": "KOI8-U",
    "mac-roman": "Mac Roman",
    "ascii": "ASCII",
}

# Codecs charset-normalizer may name for simplified Chinese; GB18030 is a superset of all.
_CHINESE_CODECS = {"gbk", "gb2312", "hz", "gb18030"}

# Byte encodings that hold several scripts with multi-byte sequences (not a Latin code page).
_MULTIBYTE_CODECS = {
    "utf-8",
    "utf-16",
    "utf-16-le",
    "utf-16-be",
    "utf-32",
    "utf-32-le",
    "utf-32-be",
    "big5",
    "big5hkscs",
    "cp950",
    "shift_jis",
    "shift_jis_2004",
    "shift_jisx0213",
    "cp932",
    "euc_jp",
    "euc_jis_2004",
    "euc_jisx0213",
    "iso2022_jp",
    "euc_kr",
    "cp949",
    "johab",
} | _CHINESE_CODECS

# UTF-8 read as a Windows code page: "Ã©" or "Ă©" for "é", "â€™" for "’".
_CONTINUATIONS = "".join(
    sorted(
        {ch for cp in ("cp1250", "cp1252") for ch in bytes(range(0x80, 0xC0)).decode(cp, "ignore")}
    )
)
_MOJIBAKE = re.compile(f"[ÂÃĂ][{re.escape(_CONTINUATIONS)}\u0080-\u00bf]|â€")

# Non-letters a Windows-1252 text plausibly contains above ASCII.
_WESTERN_PUNCTUATION = set("\u00a0¡¢£¤¥¦§¨©ª«¬\u00ad®¯°±²³´µ¶·¸¹º»¼½¾¿×÷€‚„…†‡ˆ‰‹‘’“”•–—˜™›")

_ALLOWED_CONTROLS = set("\t\n\r\f\v\x1a")

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
            return DecodedText(_normalise(text), display)

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
        if not _too_many_controls(text):
            return DecodedText(_normalise(text), "UTF-8")

    utf16 = _decode_utf16_without_bom(data)
    if utf16 is not None:
        return utf16

    guessed = _guess_legacy(data, path, utf8_error)
    if guessed is not None:
        return guessed

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
    return name.upper().replace("_", "-")


def _decode_forced(data: bytes, path: Path, forced: str) -> DecodedText:
    try:
        info = codecs.lookup(forced)
    except LookupError:
        raise InputError(path, f"unknown encoding {forced!r}") from None
    if not _is_text_codec(info):
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
    return DecodedText(_normalise(text.removeprefix("\ufeff")), display)


def _is_text_codec(info: codecs.CodecInfo) -> bool:
    """Reject codecs such as "base64" or "rot13" that do not turn bytes into str."""
    return getattr(info, "_is_text_encoding", True)


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
    sample = text[:65536]
    controls = sum(
        1 for ch in sample if ch not in _ALLOWED_CONTROLS and unicodedata.category(ch) == "Cc"
    )
    return "\x00" in sample or controls * 200 > len(sample)


def _looks_binary(data: bytes) -> bool:
    """NULs or ASCII control bytes, which no text encoding tried here produces."""
    sample = data[:65536]
    controls = sum(1 for b in sample if (b < 0x20 and chr(b) not in _ALLOWED_CONTROLS) or b == 0x7F)
    return b"\x00" in sample or controls * 200 > len(sample)


def _decode_utf16_without_bom(data: bytes) -> DecodedText | None:
    """UTF-16 without a BOM shows as zero bytes in every other position (for Latin text)."""
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
            try:
                text = data.decode(codec)
            except UnicodeDecodeError:
                return None
            if _too_many_controls(text):
                return None
            return DecodedText(_normalise(text), display_name(codec))
    return None


def _guess_legacy(
    data: bytes, path: Path, utf8_error: UnicodeDecodeError | None
) -> DecodedText | None:
    """Pick GB18030, Windows-1252 or charset-normalizer's guess, whichever reads as real text.

    charset-normalizer alone is unreliable on short files (it calls 20 bytes of GBK "Big5" and
    Windows-1252 "Windows-1250"), so the two encodings this app meets most are tested first with
    stricter checks of their own.
    """
    matches = [m for m in from_bytes(data) if m.encoding]
    chinese = _try_decode(data, "gb18030")
    if chinese is not None and _looks_chinese(chinese):
        gb_coherence = max(
            (m.coherence for m in matches if codecs.lookup(m.encoding).name in _CHINESE_CODECS),
            default=0.0,
        )
        rival = next((m for m in matches if m.coherence > gb_coherence + 0.1), None)
        if rival is None or rival.coherence < 0.2:
            return DecodedText(_normalise(chinese), "GB18030")

    valid, invalid = _utf8_evidence(data)
    if utf8_error is not None and valid >= max(2, 4 * invalid):
        line = data.count(b"\n", 0, utf8_error.start) + 1
        raise InputError(
            path,
            f"the text is mostly UTF-8 but has invalid bytes on line {line} (perhaps part of it "
            f"was pasted from a file in another encoding); {_TRY_ENCODING}",
        )
    western = _try_decode(data, "cp1252")
    if western is not None and _looks_western(data, western):
        best = next((m for m in matches if _acceptable(_try_decode(data, m.encoding))), None)
        if best is None or codecs.lookup(best.encoding).name in _MULTIBYTE_CODECS:
            # A multi-byte guess for text that reads well as Windows-1252 is noise.
            return DecodedText(_normalise(western), "Windows-1252")
        best_text = _try_decode(data, best.encoding)
        cp1252_coherence = max(
            (m.coherence for m in matches if codecs.lookup(m.encoding).name == "cp1252"),
            default=0.0,
        )
        if best_text == western or best.coherence <= cp1252_coherence + 0.1:
            return DecodedText(_normalise(western), "Windows-1252")
        return DecodedText(_normalise(best_text or ""), display_name(best.encoding))

    for match in matches:
        codec = codecs.lookup(match.encoding).name
        if codec in _CHINESE_CODECS:
            codec = "gb18030"
        if _try_decode(_ASCII_PROBE, codec) != _ASCII_PROBE.decode():
            continue  # EBCDIC and other code pages that do not keep ASCII as ASCII
        text = _try_decode(data, codec)
        if codec not in _MULTIBYTE_CODECS and valid and valid >= invalid:
            continue  # a single-byte code page would turn the UTF-8 parts into mojibake
        if match.chaos <= 0.2 and _acceptable(text):
            return DecodedText(_normalise(text or ""), display_name(codec))
    return None


def _utf8_evidence(data: bytes) -> tuple[int, int]:
    """Count well-formed non-ASCII UTF-8 characters and invalid sequences in ``data``."""
    text = data[:65536].decode("utf-8", errors="replace")
    invalid = text.count("\ufffd")
    valid = sum(1 for ch in text if ord(ch) > 0x7F) - invalid
    return valid, invalid


def _try_decode(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None


def _acceptable(text: str | None) -> bool:
    """Reject decodings with binary noise, mojibake or unassigned/private characters."""
    if text is None or _too_many_controls(text) or _MOJIBAKE.search(text):
        return False
    odd = sum(1 for ch in text[:65536] if unicodedata.category(ch) in ("Co", "Cn", "Cs"))
    return odd * 100 <= len(text[:65536])


def _high_byte_runs(data: bytes) -> list[int]:
    return [len(run) for run in re.findall(rb"[\x80-\xff]+", data[:65536])]


def _looks_chinese(text: str) -> bool:
    """GB18030 text: its 2-byte characters are mostly common Chinese (the GB2312 set).

    Latin text misread as GBK gives rare extension characters (when the byte after an accented
    letter is ASCII) or characters wedged inside ASCII words ("Größe" -> "Gr鲞e").
    """
    if not _acceptable(text):
        return False
    sample = text[:65536]
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

    Chinese, Cyrillic or Greek bytes read as Windows-1252 give long runs of accented letters;
    Western text rarely has more than two non-ASCII characters in a row.
    """
    if not _acceptable(text):
        return False
    others = [ch for ch in text[:65536] if ord(ch) > 0x7F]
    if not others:
        return False
    if any(not ch.isalpha() and ch not in _WESTERN_PUNCTUATION for ch in others):
        return False
    runs = _high_byte_runs(data)
    long_runs = sum(1 for n in runs if n >= 3)
    return sum(runs) <= 2 * len(runs) and long_runs * 10 <= len(runs)
