"""Guessing a response's language when the import does not say."""

from __future__ import annotations

import re
from functools import cache
from typing import Any

UNDETERMINED = "und"
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ffff]")
_KANA = re.compile(r"[\u3040-\u30ff]")
_HANGUL = re.compile(r"[\uac00-\ud7af\u1100-\u11ff]")
_LETTER = re.compile(r"[^\W\d_]")
_MIN_LETTERS = 12  # below this a guess is noise ("ok", "yes")


@cache
def _identifier() -> Any:
    import py3langid

    return py3langid


def detect_language(text: str) -> str:
    """A BCP 47 primary tag ("en", "zh", ...) or "und" when the text is too short to tell."""
    letters = len(_LETTER.findall(text))
    if letters == 0:
        return UNDETERMINED
    # Scripts settle East Asian languages more reliably than a statistical model.
    if len(_KANA.findall(text)) >= 2:
        return "ja"
    if len(_HANGUL.findall(text)) / letters > 0.3:
        return "ko"
    if len(_HAN.findall(text)) / letters > 0.3:
        return "zh"
    if letters < _MIN_LETTERS:
        return UNDETERMINED
    language, _score = _identifier().classify(text)
    return str(language)
