"""The language of each answer a survey brings: its language column's (normalised), unless
the text's script says otherwise, else detected (`services/corpus/language.py`).

Detection runs on a second thread while the rows are written and indexed for search."""

from __future__ import annotations

import re
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from threading import Event
from types import TracebackType

from ...services.corpus.language import UNDETERMINED, detect_languages

_LANGUAGE_NAMES = {
    "english": "en",
    "chinese": "zh",
    "中文": "zh",
    "汉语": "zh",
    "普通话": "zh",
    "简体中文": "zh",
    "繁體中文": "zh",
    "繁体中文": "zh",
    "英文": "en",
    "英语": "en",
    "japanese": "ja",
    "日本語": "ja",
    "korean": "ko",
    "한국어": "ko",
    "spanish": "es",
    "french": "fr",
    "german": "de",
}
_TAG = re.compile(r"^[a-z]{2,3}([-_][a-z0-9]{2,8})*$")
# Languages that detection settles by their script, and the characters that may show one.
_SCRIPTED = frozenset({"zh", "ja", "ko"})
_EAST_ASIAN = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")

Answer = tuple[list[str], str]  # the row, and one answer's text


def normalise_language(value: str) -> str | None:
    """ "English", "zh-CN", "ZH", "中文" -> a primary tag; None when it is not a language."""
    v = value.strip().casefold()
    if v in _LANGUAGE_NAMES:
        return _LANGUAGE_NAMES[v]
    if _TAG.match(v):
        return re.split(r"[-_]", v)[0]
    return None


def languages_of(answers: Sequence[Answer], column: int | None) -> list[str]:
    """The language column's (at `column`), unless the text's script says otherwise: a
    survey shown in German (Qualtrics' UserLanguage) can be answered in Chinese. What is
    detected is detected in one batch (`detect_languages`)."""
    given: list[str | None] = [
        normalise_language(row[column]) if column is not None else None for row, _text in answers
    ]
    asked = [
        i
        for i, (language, (_row, text)) in enumerate(zip(given, answers, strict=True))
        if language is None or (language not in _SCRIPTED and _EAST_ASIAN.search(text))
    ]
    detected = detect_languages([answers[i][1] for i in asked])
    out = [language or UNDETERMINED for language in given]
    for i, found in zip(asked, detected, strict=True):
        if given[i] is None or found in _SCRIPTED:
            out[i] = found
    return out


class LanguagesBeside:
    """`languages_of` all the answers of an import, worked out on a second thread while
    the rows are written: the database's statements (building the search index above all)
    run without holding the interpreter. `result()` waits for them; leaving the `with`
    block early (an error, a cancel) stops after the batch running."""

    _BATCH = 1_500  # texts the detector takes at once: its memory grows with a batch

    def __init__(self, answers: Sequence[Answer], column: int | None) -> None:
        self._stop = Event()
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="languages")
        self._future = self._pool.submit(self._work, answers, column)

    def __enter__(self) -> LanguagesBeside:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self._stop.set()
        self._pool.shutdown(wait=True)

    def result(self) -> list[str]:
        return self._future.result()

    def _work(self, answers: Sequence[Answer], column: int | None) -> list[str]:
        out: list[str] = []
        for start in range(0, len(answers), self._BATCH):
            if self._stop.is_set():
                break
            out += languages_of(answers[start : start + self._BATCH], column)
        return out
