"""RTF documents (TextEdit, WordPad, Word's "Rich Text"), read to plain text with striprtf.

RTF is 7-bit text: other characters come as escapes that striprtf decodes through the font's
character set (GB2312 for Chinese fonts, Windows-1252 by default). Two things it leaves to
us: TextEdit ends paragraphs with a backslash before the line break instead of `\\par`, and
characters beyond the Basic Multilingual Plane (emoji) come as two UTF-16 halves.
"""

from __future__ import annotations

import re
from pathlib import Path

from ...errors import InputError
from ..files import describe_binary, read_file_bytes

_BACKSLASH_NEWLINE = re.compile(r"(?<!\\)((?:\\\\)*)\\\r?\n")
_SURROGATES = re.compile("[\ud800-\udfff]")


def read_rtf(path: Path) -> str:
    """The document's text, paragraphs joined by "\\n"."""
    data = read_file_bytes(path)
    if not data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{\\rtf"):
        kind = describe_binary(data)
        problem = f"it is {kind}" if kind else "it does not start with {\\rtf"
        raise InputError(path, f"not a valid .rtf file ({problem})")
    source = data.decode("latin-1")  # RTF is ASCII; bytes above it are escaped or stray
    source = _BACKSLASH_NEWLINE.sub(lambda m: m.group(1) + "\\par\n", source)
    from striprtf.striprtf import rtf_to_text  # imported late: only RTF needs it

    try:
        text = rtf_to_text(source, errors="strict")
    except UnicodeDecodeError as exc:
        raise InputError(
            path, f"not a valid .rtf file (characters in an unknown encoding: {exc.reason})"
        ) from None
    except Exception:  # striprtf raises IndexError and others on broken groups
        raise InputError(path, "not a valid .rtf file (it is truncated or damaged)") from None
    if _SURROGATES.search(text):
        # Emoji arrive as two \u escapes (UTF-16 halves): pair them; a lone half is damage.
        try:
            text = text.encode("utf-16-le", "surrogatepass").decode("utf-16-le")
        except UnicodeDecodeError:
            raise InputError(path, "not a valid .rtf file (a broken \\u escape)") from None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\x00" in text:
        raise InputError(path, "not a valid .rtf file (it contains NUL characters)")
    return text
