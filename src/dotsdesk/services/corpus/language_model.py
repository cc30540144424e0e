"""py3langid's model, run over many texts at once with the same answers as its `classify`.

py3langid walks a byte-level automaton one byte at a time in Python (about 0.15 ms for a
400-character answer). Here the automaton takes one step for every text of a batch at once
(numpy), so a survey's 10,000 answers cost a few thousand array steps instead of millions of
Python ones; the features each text visits, their counts and the naive Bayes scores are
py3langid's own, in the same order, so the chosen language is the same
(tests/unit/services/corpus/test_language.py compares them)."""

from __future__ import annotations

import unicodedata
from bisect import bisect_left
from collections import Counter
from collections.abc import Sequence
from functools import cache
from itertools import pairwise
from typing import Any

import numpy as np
import numpy.typing as npt

_RAW_FLOOR = float(np.finfo(np.float32).min)  # py3langid's score of a featureless text


def encode(text: str) -> bytes:
    """What py3langid classifies: upper-case text lowered, NFC, UTF-8."""
    if text.isupper():
        text = text.lower()
    return unicodedata.normalize("NFC", text).encode("utf8", errors="surrogatepass")


class BatchIdentifier:
    """py3langid's default model as arrays: `classify_many` takes a list of texts."""

    def __init__(self, model: tuple[Any, ...]) -> None:
        ptc, pc, classes, nextmove, rows, outputs = model
        self.ptc: npt.NDArray[np.float16] = np.asarray(ptc)
        self.pc: npt.NDArray[np.float32] = np.asarray(pc)
        self.classes: list[str] = list(classes)
        self.nextmove = np.frombuffer(nextmove, dtype=np.uint32)
        # A state's row of 256 transitions starts at rowbase[state].
        self.rowbase = np.frombuffer(rows, dtype=np.uint16).astype(np.int64) << 8
        self.output = np.asarray(outputs, dtype=np.int64)  # state -> feature, or -1
        self._ptc32: npt.NDArray[np.float32] | None = None
        first: dict[str, int] = {}
        self.aliases: list[tuple[int, int]] = []  # columns of one label (srl -> sr)
        for i, label in enumerate(self.classes):
            if label in first:
                self.aliases.append((first[label], i))
            else:
                first[label] = i

    def classify_many(self, texts: Sequence[str]) -> list[str]:
        """The label py3langid's `classify` gives each text."""
        if not texts:
            return []
        data = [encode(t) for t in texts]
        order = sorted(range(len(data)), key=lambda i: -len(data[i]))
        scores = np.full((len(data), len(self.pc)), _RAW_FLOOR, dtype=np.float32)
        ptc, pc = self.ptc32, self.pc
        for row, visited in enumerate(self._walk([data[i] for i in order])):
            if visited:
                # py3langid's Counter, in the order features are first visited, so that
                # the sum below adds in its order and rounds as it does.
                counts = Counter(visited)
                feats = np.fromiter(counts.keys(), dtype=np.intp, count=len(counts))
                weights = np.fromiter(counts.values(), dtype=np.float32, count=len(counts))
                scores[order[row]] = np.log1p(weights) @ ptc[feats] + pc
        for keep, drop in self.aliases:  # one score per label, as py3langid folds them
            scores[:, keep] = np.maximum(scores[:, keep], scores[:, drop])
            scores[:, drop] = _RAW_FLOOR
        return [self.classes[i] for i in scores.argmax(axis=1).tolist()]

    @property
    def ptc32(self) -> npt.NDArray[np.float32]:
        """The feature scores widened once (py3langid widens those of each text)."""
        if self._ptc32 is None:
            self._ptc32 = self.ptc.astype(np.float32)
        return self._ptc32

    def _walk(self, data: list[bytes]) -> list[list[int]]:
        """The features each text of `data` (longest first) visits, in order: the
        automaton takes a step for every text at once."""
        lengths = [len(d) for d in data]
        width = lengths[0]
        n = len(data)
        if width == 0:
            return [[] for _ in data]
        # Byte t of every text, contiguous per t; texts shorter than t drop off the end.
        columns = np.frombuffer(b"".join(d.ljust(width, b"\0") for d in data), dtype=np.uint8)
        columns = columns.reshape(n, width).T.copy()
        ascending = lengths[::-1]
        active = [n - bisect_left(ascending, t + 1) for t in range(width)]
        starts = np.zeros(width + 1, dtype=np.int64)
        np.cumsum(active, out=starts[1:])
        visited = np.empty(int(starts[-1]), dtype=np.int64)  # the state after each byte
        state = np.zeros(n, dtype=np.int64)
        nextmove, rowbase = self.nextmove, self.rowbase
        for t in range(width):
            k = active[t]
            step = nextmove[rowbase[state[:k]] + columns[t, :k]]
            state[:k] = step
            visited[starts[t] : starts[t + 1]] = step
        # Position p of step t belongs to text p - starts[t]: regroup by text, in step
        # order (a stable sort; the text numbers fit 16 bits, so it is a radix sort).
        text_of = np.arange(len(visited), dtype=np.int64) - np.repeat(starts[:-1], active)
        by_text = np.argsort(text_of.astype(np.uint16 if n < 1 << 16 else np.int64), kind="stable")
        feats = self.output[visited[by_text]]
        hit = feats >= 0
        found = np.zeros(len(feats) + 1, dtype=np.int64)  # features found before each byte
        np.cumsum(hit, out=found[1:])
        edges = np.zeros(n + 1, dtype=np.int64)  # where each text's bytes start
        np.cumsum(lengths, out=edges[1:])
        bounds = found[edges].tolist()
        kept = feats[hit].tolist()
        return [kept[a:b] for a, b in pairwise(bounds)]


@cache
def identifier() -> BatchIdentifier:
    """Loaded once per process (about 0.4 s: the model is 70 MB, compressed)."""
    from py3langid.langid import MODEL_DIR, MODEL_FILE
    from py3langid.modelio import load_model

    return BatchIdentifier(load_model(MODEL_DIR / MODEL_FILE))
