"""Words of a text with their offsets: Chinese cut by jieba (its dictionary extended with the
project's own terms), other scripts by letters; punctuation, numbers and stop words dropped.

jieba runs without its HMM guesser: it would glue unknown neighbours into "words" (人刚) as
often as it finds a real one, and a term it does not know is better added to the dictionary.
A lone Chinese character is not counted (mostly particles and verbs of little meaning) unless
the user's dictionary lists it. English is lowercased and counted as written (no stemming).
"""

from __future__ import annotations

import logging
import re
import sys
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import NamedTuple

import jieba

from .stopwords import CHINESE, ENGLISH

jieba.setLogLevel(logging.WARNING)  # it prints its dictionary loading at INFO otherwise

_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ebef"
_HAN_RUN = re.compile(f"[{_HAN}]+")
# A word of letters (apostrophes inside), looked for only between runs of Han characters.
_LETTERS = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_MEMO = 20_000  # texts whose words are remembered (the analysis panel recounts often)


class Token(NamedTuple):
    word: str  # as counted: lowercased, ’ as '
    start: int  # code points into the text
    end: int


class Segmenter:
    """Cuts texts into counted words. Equal dictionaries share one jieba tokenizer."""

    def __init__(self, user_words: Iterable[str] = ()) -> None:
        self.user_words = frozenset(w.strip() for w in user_words if w.strip())
        self._jieba = _jieba_with(self.user_words)

    def tokens(self, text: str, start: int = 0, end: int | None = None) -> Iterator[Token]:
        """The counted words of `text[start:end]`, offsets into `text`."""
        end = len(text) if end is None else end
        at = start
        for run in _HAN_RUN.finditer(text, start, end):
            yield from self._letters(text, at, run.start())
            yield from self._chinese(run.group(), run.start())
            at = run.end()
        yield from self._letters(text, at, end)

    def _letters(self, text: str, start: int, end: int) -> Iterator[Token]:
        for match in _LETTERS.finditer(text, start, end):
            word = match.group().lower().replace("’", "'")
            if len(word) > 1 and word not in ENGLISH:
                yield Token(sys.intern(word), match.start(), match.end())

    def _chinese(self, run: str, at: int) -> Iterator[Token]:
        for piece in self._jieba.cut(run, HMM=False):
            if self.counted_chinese(piece):
                yield Token(sys.intern(piece), at, at + len(piece))
            at += len(piece)

    def counted_chinese(self, piece: str) -> bool:
        return piece in self.user_words or (len(piece) > 1 and piece not in CHINESE)

    def words(self, text: str) -> tuple[str, ...]:
        """The counted words of a whole text, remembered for the next count."""
        return _words(self, text)

    def __hash__(self) -> int:
        return hash(self.user_words)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Segmenter) and other.user_words == self.user_words


@lru_cache(maxsize=_MEMO)
def _words(segmenter: Segmenter, text: str) -> tuple[str, ...]:
    return tuple(t.word for t in segmenter.tokens(text))


@lru_cache(maxsize=8)
def _jieba_with(user_words: frozenset[str]) -> jieba.Tokenizer:
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    for word in sorted(user_words):
        if re.search(f"[{_HAN}]", word):
            tokenizer.add_word(word)
    return tokenizer


def is_word(segmenter: Segmenter, text: str) -> bool:
    """Whether `text` is one counted word as the segmenter cuts it (for keyword search)."""
    found = list(segmenter.tokens(text))
    return len(found) == 1 and found[0].word == normalise(text)


def normalise(word: str) -> str:
    return word.strip().lower().replace("’", "'")
