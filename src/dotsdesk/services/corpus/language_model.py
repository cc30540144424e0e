"""py3langid's model, run over many texts at once with the same answers as its `classify`.

py3langid walks a byte-level automaton one byte at a time in Python (about 0.15 ms for a
400-character answer). Here the automaton takes one step for every text of a batch at once
(numpy), so a survey's 10,000 answers cost a few thousand array steps instead of millions of
Python ones; the features each text visits, their counts and the naive Bayes scores are
py3langid's own, in the same order, so the chosen language is the same
(tests/unit/services/corpus/test_language.py compares them)."""

from __future__ import annotations

import os
import shutil
import tempfile
import unicodedata
from bisect import bisect_left
from collections.abc import Sequence
from functools import cache
from itertools import pairwise
from pathlib import Path
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
        feats, counts, bounds = self._features([data[i] for i in order])
        weights = np.log1p(counts.astype(np.float32))
        for row, (a, b) in enumerate(pairwise(bounds)):
            if a < b:
                scores[order[row]] = weights[a:b] @ ptc[feats[a:b]] + pc
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

    def _features(self, data: list[bytes]) -> tuple[Any, Any, list[int]]:
        """The distinct features each text of `data` (longest first) visits and how often,
        text after text (text i's from bounds[i] to bounds[i + 1]): py3langid's Counter,
        for a whole batch in one sort. The automaton takes a step for every text at once."""
        lengths = [len(d) for d in data]
        width = lengths[0]
        n = len(data)
        if width == 0:
            return np.empty(0, np.int64), np.empty(0, np.int64), [0] * (n + 1)
        # Byte t of every text, contiguous per t; texts shorter than t drop off the end.
        columns = np.frombuffer(b"".join(d.ljust(width, b"\0") for d in data), dtype=np.uint8)
        columns = columns.reshape(n, width).T.copy()
        ascending = lengths[::-1]
        active = [n - bisect_left(ascending, t + 1) for t in range(width)]
        edges = np.zeros(n + 1, dtype=np.int64)  # where each text's bytes start
        np.cumsum(lengths, out=edges[1:])
        # The state after each byte, grouped by text: step t of text i goes to edges[i] + t.
        visited = np.empty(int(edges[-1]), dtype=np.int64)
        state = np.zeros(n, dtype=np.int64)
        nextmove, rowbase, at = self.nextmove, self.rowbase, edges[:-1].copy()
        for t in range(width):
            k = active[t]
            step = nextmove[rowbase[state[:k]] + columns[t, :k]]
            state[:k] = step
            visited[at[:k]] = step
            at[:k] += 1
        feats = self.output[visited]
        hit = np.flatnonzero(feats >= 0)
        # (text, feature) as one number, sorted: each text's distinct features in a run.
        text_of = np.searchsorted(edges, hit, side="right") - 1
        pairs, counts = np.unique(text_of * len(self.ptc) + feats[hit], return_counts=True)
        texts, found = np.divmod(pairs, len(self.ptc))
        bounds = np.searchsorted(texts, np.arange(n + 1)).tolist()
        return found, counts, bounds


@cache
def identifier() -> BatchIdentifier:
    """Loaded once per process. py3langid ships its model (70 MB) compressed, which takes
    0.4 s to read; a copy kept uncompressed in the user's cache folder (DOTSDESK_CACHE, else
    the platform's) is mapped in a few milliseconds the next time."""
    from py3langid.langid import MODEL_DIR, MODEL_FILE

    source = Path(MODEL_DIR) / MODEL_FILE
    folder = _cache_folder(source)
    if folder is not None:
        try:
            return BatchIdentifier(_read_arrays(folder))
        except (OSError, ValueError):
            pass  # not there yet, or half written by another process: made again
    from py3langid.modelio import load_model

    model = load_model(source)
    if folder is not None:
        _write_arrays(folder, model)
    return BatchIdentifier(model)


_ARRAYS = ("ptc", "pc", "classes", "nextmove", "rows", "outputs")


def _cache_folder(source: Path) -> Path | None:
    """The folder for this model file (its size and time in the name), or None when
    there is no cache folder to use."""
    override = os.environ.get("DOTSDESK_CACHE")
    try:
        from platformdirs import user_cache_path

        root = Path(override) if override else user_cache_path("dotsdesk", appauthor=False)
        stat = source.stat()
    except OSError:
        return None
    return root / f"langid-{stat.st_size}-{stat.st_mtime_ns}"


def _read_arrays(folder: Path) -> tuple[Any, ...]:
    loaded = {name: np.load(folder / f"{name}.npy", mmap_mode="r") for name in _ARRAYS}
    loaded["classes"] = [str(c) for c in loaded["classes"]]
    return tuple(loaded[name] for name in _ARRAYS)


def _write_arrays(folder: Path, model: tuple[Any, ...]) -> None:
    """Best effort: written beside, then renamed into place, so that a reader never sees
    half a model; a folder that cannot be written only means no cache."""
    ptc, pc, classes, nextmove, rows, outputs = model
    arrays = {
        "ptc": np.asarray(ptc),
        "pc": np.asarray(pc),
        "classes": np.array(classes),
        "nextmove": np.frombuffer(nextmove, dtype=np.uint32),
        "rows": np.frombuffer(rows, dtype=np.uint16),
        "outputs": np.asarray(outputs, dtype=np.int32),
    }
    try:
        folder.parent.mkdir(parents=True, exist_ok=True)
        partial = Path(tempfile.mkdtemp(prefix=folder.name + ".", dir=folder.parent))
    except OSError:
        return
    try:
        for name, array in arrays.items():
            np.save(partial / f"{name}.npy", array, allow_pickle=False)
        os.replace(partial, folder)  # refused if another process put it there first
    except OSError:
        shutil.rmtree(partial, ignore_errors=True)
