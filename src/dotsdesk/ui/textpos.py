"""The one place that converts between code points (the project's offsets) and UTF-16
units (Qt's text positions). Characters outside the Basic Multilingual Plane (most emoji,
rare CJK) are one code point but two UTF-16 units."""

from __future__ import annotations

import re
from bisect import bisect_right

_ASTRAL = re.compile("[\U00010000-\U0010FFFF]")


class TextPositions:
    """Conversions for one text, fast for long texts with many positions (binary search
    over the astral characters rather than re-encoding per call)."""

    def __init__(self, text: str) -> None:
        self.text = text
        # Code-point indices of characters that take two UTF-16 units (found by the regex
        # engine: a loop over a two-hour transcript's characters in Python takes 35 ms).
        self._astral = [m.start() for m in _ASTRAL.finditer(text)]
        # Their UTF-16 positions, for the reverse direction.
        self._astral16 = [i + n for n, i in enumerate(self._astral)]

    def to_utf16(self, offset: int) -> int:
        """UTF-16 position of code-point offset `offset` (0..len(text))."""
        return offset + bisect_right(self._astral, offset - 1)

    def to_code_point(self, position: int) -> int:
        """Code-point offset of UTF-16 `position`. A position inside a surrogate pair
        (between its two halves) snaps back to the start of that character."""
        n = bisect_right(self._astral16, position - 1)
        if n and self._astral16[n - 1] == position - 1:
            return self._astral[n - 1]  # in the middle of a pair
        return position - n

    @property
    def utf16_length(self) -> int:
        return len(self.text) + len(self._astral)


def to_utf16(text: str, offset: int) -> int:
    return TextPositions(text).to_utf16(offset)


def to_code_point(text: str, position: int) -> int:
    return TextPositions(text).to_code_point(position)
