"""Text helpers of the coding panel that need no Qt: snapping a selection to words, and the
text Qt is given, which must keep every code point where the project's offsets put it."""

from __future__ import annotations

import re
import unicodedata

# Characters QTextDocument would turn into something of another length or meaning:
# "\r\n" becomes one paragraph break, and these are its frame and object markers.
_QT_SPECIAL = {"\ufdd0": "\ufffd", "\ufdd1": "\ufffd", "\ufffc": "\ufffd"}
_APOSTROPHES = "'\u2019"


def display_text(text: str) -> str:
    """`text` with the same number of code points, each where it was, safe for Qt:
    a CR before LF becomes a space, any other CR a line break."""
    out = text.replace("\r\n", " \n").replace("\r", "\n")
    if any(ch in out for ch in _QT_SPECIAL):
        out = "".join(_QT_SPECIAL.get(ch, ch) for ch in out)
    return out


def is_latin_word_char(ch: str) -> bool:
    """A letter or digit of a Latin-script word (with its combining accents). Chinese and
    Japanese have no spaces between words, so they never count: snapping there would take
    in a whole sentence."""
    if ch.isdigit():
        return True
    if unicodedata.combining(ch):
        return True
    return ch.isalpha() and (ord(ch) < 0x0250 or 0x1E00 <= ord(ch) <= 0x1EFF)


def _word_at(text: str, i: int) -> bool:
    """Is text[i] part of a Latin word (an apostrophe between two letters counts)?"""
    if not 0 <= i < len(text):
        return False
    ch = text[i]
    if ch in _APOSTROPHES:
        return (
            0 < i < len(text) - 1
            and is_latin_word_char(text[i - 1])
            and is_latin_word_char(text[i + 1])
        )
    return is_latin_word_char(ch)


def snap_to_words(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen `[start, end)` to whole Latin words and drop the spaces at its edges.
    Non-Latin text is left exactly as selected."""
    if start >= end:
        return start, end
    stripped = text[start:end]
    lead = len(stripped) - len(stripped.lstrip())
    trail = len(stripped) - len(stripped.rstrip())
    if lead + trail >= len(stripped):
        return start, end  # only spaces: nothing to snap to
    start, end = start + lead, end - trail
    if _word_at(text, start):
        while start > 0 and _word_at(text, start - 1):
            start -= 1
    if _word_at(text, end - 1):
        while _word_at(text, end):
            end += 1
    return start, end


def find_all(text: str, needle: str) -> list[tuple[int, int]]:
    """Case-insensitive matches of `needle` as code-point spans (casefold would change
    lengths, as "ß" -> "ss" does, and so lose the offsets)."""
    if not needle:
        return []
    return [(m.start(), m.end()) for m in re.finditer(re.escape(needle), text, re.IGNORECASE)]


def find_terms(text: str, needle: str) -> list[tuple[int, int]]:
    """The phrase, or, where it is not found whole, each of its words (a search for
    `data 面试` finds responses with both words apart)."""
    found = find_all(text, needle)
    words = needle.split()
    if found or len(words) < 2:
        return found
    return sorted({span for word in words for span in find_all(text, word)})
