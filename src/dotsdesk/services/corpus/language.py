"""Guessing a response's language when the import does not say.

The script decides first: no letters, or a Japanese, Korean or Chinese script, settles it
by counting characters. Only the rest (Latin, Cyrillic, Arabic, ... with enough letters)
goes to py3langid's statistical model, a whole import's answers in one batch and each
distinct text once (`language_model`): what it says is what py3langid's `classify` says."""

from __future__ import annotations

import re
from collections.abc import Iterable

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
    if letters == 0:
        return UNDETERMINED
    # Scripts settle East Asian languages more reliably than a statistical model.
    if east_asian:
        kana = _count(_KANA, text)
        if kana >= 2:
            return "ja"
        hangul = _count(_HANGUL, text)
        if hangul / letters > 0.3:
            return "ko"
        if (east_asian - kana - hangul) / letters > 0.3:  # the rest of those are Han
            return "zh"
    if letters < _MIN_LETTERS:
        return UNDETERMINED
    return None


def detect_language(text: str) -> str:
    """A BCP 47 primary tag ("en", "zh", ...) or "und" when the text is too short to tell."""
    return detect_languages([text])[0]


def detect_languages(texts: Iterable[str]) -> list[str]:
    """`detect_language` of each text; the statistical model sees each distinct text once,
    all in one batch (give a few thousand at a time: memory grows with the batch)."""
    texts = list(texts)
    decided = [by_script(t) for t in texts]
    open_texts = list(dict.fromkeys(t for t, d in zip(texts, decided, strict=True) if d is None))
    if not open_texts:
        return [d or UNDETERMINED for d in decided]
    from .language_model import identifier  # numpy and the model: only when needed

    said = dict(zip(open_texts, identifier().classify_many(open_texts), strict=True))
    return [d if d is not None else said[t] for t, d in zip(texts, decided, strict=True)]
