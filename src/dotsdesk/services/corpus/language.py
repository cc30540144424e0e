"""Guessing a response's language when the import does not say.

The script decides first: no letters, or a Japanese, Korean or Chinese script, settles it
by counting characters. Only the rest (Latin, Cyrillic, Arabic, ... with enough letters)
goes to py3langid's statistical model, a whole import's answers in one batch and each
distinct text once (`language_model`): what it says is what py3langid's `classify` says."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

UNDETERMINED = "und"
# Runs of a script: one substitution counts its characters without a list of matches.
# East Asian is Han, kana and hangul together (the ranges do not overlap).
_KANA = re.compile(r"[\u3040-\u30ff]+")
_HANGUL = re.compile(r"[\uac00-\ud7af\u1100-\u11ff]+")
_EAST_ASIAN = re.compile(
    r"[\u1100-\u11ff\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff"
    r"\U00020000-\U0002ffff]+"
)
_LETTERS = re.compile(r"[^\W\d_]+")
# ASCII letters are A-Z and a-z: what is left after deleting every other byte.
_ASCII_NON_LETTERS = bytes(b for b in range(128) if not chr(b).isalpha())
_MIN_LETTERS = 12  # below this a guess is noise ("ok", "yes")


def _count(pattern: re.Pattern[str], text: str) -> int:
    return len(text) - len(pattern.sub("", text))


def by_script(text: str) -> str | None:
    """The language the characters settle ("und" when there are too few letters), or None
    when only the statistical model can tell."""
    if text.isascii():
        letters = len(text.encode("ascii").translate(None, _ASCII_NON_LETTERS))
        east_asian = 0
    else:
        letters = _count(_LETTERS, text)
        east_asian = _count(_EAST_ASIAN, text)
    if letters and east_asian:
        return _decide(letters, east_asian, _count(_KANA, text), _count(_HANGUL, text))
    return _decide(letters, east_asian, 0, 0)


def _decide(letters: int, east_asian: int, kana: int, hangul: int) -> str | None:
    if letters == 0:
        return UNDETERMINED
    # Scripts settle East Asian languages more reliably than a statistical model.
    if east_asian:
        if kana >= 2:
            return "ja"
        if hangul / letters > 0.3:
            return "ko"
        if (east_asian - kana - hangul) / letters > 0.3:  # the rest of those are Han
            return "zh"
    if letters < _MIN_LETTERS:
        return UNDETERMINED
    return None


# Bits of `_bmp_classes`: what each pattern above says of one character.
_LETTER, _EAST, _KANA_BIT, _HANGUL_BIT = 1, 2, 4, 8
_BMP = 0x10000
_PATTERN_BITS = (
    (_LETTERS, _LETTER),
    (_EAST_ASIAN, _EAST),
    (_KANA, _KANA_BIT),
    (_HANGUL, _HANGUL_BIT),
)


@cache
def _bmp_classes() -> npt.NDArray[np.uint8]:
    """For every character of the Basic Multilingual Plane, which of the four patterns
    match it (built once, in milliseconds, from the patterns themselves)."""
    import numpy as np

    plane = "".join(map(chr, range(_BMP)))
    classes = np.zeros(_BMP, dtype=np.uint8)
    for pattern, bit in _PATTERN_BITS:
        for run in pattern.finditer(plane):
            classes[run.start() : run.end()] |= bit
    return classes


def by_scripts(texts: Sequence[str]) -> list[str | None]:
    """`by_script` of each text, the characters of a batch classified in one pass (numpy)
    instead of four regular-expression passes over each text."""
    import numpy as np  # only for an import's batch: other commands start faster

    out: list[str | None] = [None] * len(texts)
    wide: list[int] = []  # texts beyond ASCII
    for i, text in enumerate(texts):
        if text.isascii():
            out[i] = by_script(text)
        else:
            wide.append(i)
    if not wide:
        return out
    joined = "".join(texts[i] for i in wide)
    codes = np.frombuffer(joined.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    beyond = codes >= _BMP
    classes = _bmp_classes()[np.where(beyond, 0, codes)]
    where = np.flatnonzero(beyond)
    if len(where):  # emoji, rare Han: the few distinct ones asked of the patterns
        distinct, which = np.unique(codes[where], return_inverse=True)
        found = [_classes_of(chr(code)) for code in distinct.tolist()]
        classes[where] = np.array(found, dtype=np.uint8)[which]
    edges = np.zeros(len(wide) + 1, dtype=np.int64)
    np.cumsum([len(texts[i]) for i in wide], out=edges[1:])
    counts = []
    for bit in (_LETTER, _EAST, _KANA_BIT, _HANGUL_BIT):
        running = np.zeros(len(classes) + 1, dtype=np.int32)
        np.cumsum((classes & bit) != 0, out=running[1:], dtype=np.int32)
        counts.append(np.diff(running[edges]).tolist())
    for n, i in enumerate(wide):
        out[i] = _decide(counts[0][n], counts[1][n], counts[2][n], counts[3][n])
    return out


def _classes_of(char: str) -> int:
    return sum(bit for pattern, bit in _PATTERN_BITS if pattern.match(char))


def detect_language(text: str) -> str:
    """A BCP 47 primary tag ("en", "zh", ...) or "und" when the text is too short to tell."""
    return detect_languages([text])[0]


def detect_languages(texts: Iterable[str]) -> list[str]:
    """`detect_language` of each text; the statistical model sees each distinct text once,
    all in one batch (give a few thousand at a time: memory grows with the batch)."""
    texts = list(texts)
    decided = by_scripts(texts)
    open_texts = list(dict.fromkeys(t for t, d in zip(texts, decided, strict=True) if d is None))
    if not open_texts:
        return [d or UNDETERMINED for d in decided]
    from .language_model import identifier  # numpy and the model: only when needed

    said = dict(zip(open_texts, identifier().classify_many(open_texts), strict=True))
    return [d if d is not None else said[t] for t, d in zip(texts, decided, strict=True)]
