"""The language of each answer a survey brings: its language column's (normalised), unless
the text's script says otherwise, else detected (`services/corpus/language.py`).

Detection runs a chunk of rows ahead of the writes, on a second thread: while the database
indexes one chunk's texts for search (in SQLite, without holding the interpreter), the
next chunk's languages are worked out."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
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


class LanguagesAhead:
    """`languages_of` each chunk of answers, in order, on a second thread, one chunk ahead
    of the writes (no further: what is worked out is held until written). Leaving the
    `with` block (an error, a cancel) drops the chunk not started and waits for the one
    running."""

    def __init__(self, column: int | None) -> None:
        self._column = column
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="languages")
        self._chunks: list[Sequence[Answer]] = []

    def __enter__(self) -> LanguagesAhead:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)

    def queue(self, chunks: Sequence[Sequence[Answer]]) -> None:
        self._chunks += chunks

    def results(self) -> Iterator[list[str]]:
        """Each chunk's languages, in order, as they are ready."""
        if not self._chunks:
            return
        running = self._submit(0)
        for n in range(len(self._chunks)):
            later = self._submit(n + 1) if n + 1 < len(self._chunks) else None
            yield running.result()
            if later is not None:
                running = later

    def _submit(self, n: int) -> Future[list[str]]:
        return self._pool.submit(languages_of, self._chunks[n], self._column)
