"""The benchmark corpus: survey answers, a codebook and a coding plan, made up deterministically.

`generate(seed=...)` always returns the same corpus (and `csv_bytes()` the same bytes) for the
same arguments on the same Python: everything comes from one `random.Random(seed)`, nothing
from the network or from data files.

By default there are 10,000 respondents, each with one long free-text answer (about 5 million
characters in all, ~60% English and ~40% Chinese by response, with code-switching, paragraph
breaks, emoji sequences and combining marks), four short attribute columns and a language
column; 300 codes in a two-level tree; and 100,000 segments, each a run of whole sentences of
one answer, with one code.

The search words are rare on purpose: "production" (English), 面试 (two Chinese characters) and
工程师 (three) each turn up in a few to ~30 percent of the answers, as real words do.
"""

from __future__ import annotations

import csv
import io
import itertools
import random
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from . import words as w
from .words import CHINESE_PHRASE, CHINESE_WORD, ENGLISH_WORD

__all__ = ["CHINESE_PHRASE", "CHINESE_WORD", "ENGLISH_WORD", "Corpus", "generate"]

ID_COLUMN = "respondent"
LANGUAGE_COLUMN = "language"
ATTRIBUTE_COLUMNS = ("job title", "industry", "company size", "years")
ANSWER_COLUMN = "Tell us about your work with data and AI over the past year"
HEADERS = (ID_COLUMN, LANGUAGE_COLUMN, *ATTRIBUTE_COLUMNS, ANSWER_COLUMN)

# Search terms the corpus is built to contain, for the search benchmark.

DEFAULT_ROWS = 10_000
DEFAULT_SEGMENTS = 100_000
DEFAULT_CODES = 300
DEFAULT_SEED = 20261125
CHARS_PER_ROW = 500  # 10,000 rows -> about 5 million characters


@dataclass(frozen=True)
class Corpus:
    """One generated corpus. Segment plans refer to answers and codes by list index."""

    seed: int
    keys: list[str]  # respondent ids, B00001, ...
    languages: list[str]  # "en" or "zh", per answer
    attributes: list[tuple[str, str, str, str]]  # ATTRIBUTE_COLUMNS values, per respondent
    texts: list[str]  # the long answers
    codes: list[str]  # code paths "Parent/child"; each parent precedes its children
    segments: list[tuple[int, int, int, int]]  # (answer index, start, end, code index)

    @property
    def total_chars(self) -> int:
        return sum(len(t) for t in self.texts)

    def rows(self) -> Iterator[list[str]]:
        for key, language, attrs, text in zip(
            self.keys, self.languages, self.attributes, self.texts, strict=True
        ):
            yield [key, language, *attrs, text]

    def csv_bytes(self) -> bytes:
        out = io.StringIO(newline="")
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(HEADERS)
        writer.writerows(self.rows())
        return out.getvalue().encode("utf-8")

    def write_csv(self, path: Path) -> Path:
        path.write_bytes(self.csv_bytes())
        return path

    def share_containing(self, term: str) -> float:
        """Fraction of answers containing `term` (case-insensitively), as search should find."""
        folded = term.casefold()
        if not self.texts:
            return 0.0
        return sum(folded in t.casefold() for t in self.texts) / len(self.texts)


def _inner(subject: str) -> str:
    """A sentence-initial subject for use inside a sentence: "My team" -> "my team"."""
    return subject if subject == "I" or subject[1:2].isupper() else subject[0].lower() + subject[1:]


class _Writer:
    """Sentence makers; each returns one sentence, without surrounding spaces."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.choice = rng.choice
        self.random = rng.random

    def english(self) -> str:
        c, r = self.choice, self.random()
        if self.random() < w.P_EN_KEYWORD:
            frame = c(w.EN_KEYWORD_FRAMES)
            return frame.format(
                S=c(w.EN_SUBJECTS),
                v=c(w.EN_VERBS),
                n=c(w.EN_NOUNS),
                t=c(w.EN_TAILS),
            )
        if r < 0.45:
            s = f"{c(w.EN_SUBJECTS)} {c(w.EN_VERBS)} the {c(w.EN_ADJECTIVES)} {c(w.EN_NOUNS)}"
            s += c(w.EN_TAILS) + "."
        elif r < 0.7:
            s = (
                f"{c(w.EN_SUBJECTS)} {c(w.EN_VERBS)} the {c(w.EN_NOUNS)}, {c(w.EN_CONNECTORS)} "
                f"{_inner(c(w.EN_SUBJECTS))} {c(w.EN_VERBS)} the {c(w.EN_NOUNS)}{c(w.EN_TAILS)}."
            )
        elif r < 0.85:
            s = (
                f"{c(w.EN_OPENERS)}, {_inner(c(w.EN_SUBJECTS))} {c(w.EN_VERBS)} the "
                f"{c(w.EN_NOUNS)}{c(w.EN_TAILS)}."
            )
        else:
            s = c(w.EN_FRAMES).format(a=c(w.EN_ADJECTIVES), n=c(w.EN_NOUNS), n2=c(w.EN_NOUNS))
        return s

    def chinese(self) -> str:
        c, r = self.choice, self.random()
        k = self.random()
        if k < w.P_ZH_WORD:
            frame = c(w.ZH_WORD_FRAMES)
        elif k < w.P_ZH_WORD + w.P_ZH_PHRASE:
            frame = c(w.ZH_PHRASE_FRAMES)
        elif r < 0.55:
            frame = "{s}{d}{v}{m}{o}{t}{e}"
        elif r < 0.75:
            frame = "{p}，{s}{d}{v}{o}{e}"
        else:
            frame = c(w.ZH_FRAMES)
        o = c(w.ZH_OBJECTS)
        o2 = c(w.ZH_OBJECTS)
        return frame.format(
            s=c(w.ZH_SUBJECTS),
            d=c(w.ZH_ADVERBS),
            v=c(w.ZH_VERBS),
            m=c(w.ZH_MODIFIERS),
            o=o,
            o2=o2,
            t=c(w.ZH_TAILS),
            e=c(w.ZH_ENDS),
            p=c(w.ZH_OPENERS),
        )

    def answer(self, language: str, target: int) -> tuple[str, list[tuple[int, int]]]:
        """An answer of about `target` characters and its sentences' `[start, end)` spans."""
        parts: list[str] = []
        spans: list[tuple[int, int]] = []
        at = 0
        english = language == "en"
        space = " " if english else ""
        while at < target or not spans:
            if english and self.random() >= w.P_CODE_SWITCH:
                sentence = self.english()
            else:
                sentence = self.chinese()
            if self.random() < w.P_EMOJI:
                sentence += " " + self.choice(w.EMOJI)
            if spans:
                gap = "\n\n" if self.random() < w.P_PARAGRAPH else space
                parts.append(gap)
                at += len(gap)
            parts.append(sentence)
            spans.append((at, at + len(sentence)))
            at += len(sentence)
        return "".join(parts), spans


def _code_paths(n: int) -> list[str]:
    """`n` code paths in a two-level tree: about one parent per 20 codes."""
    if n <= 0:
        return []
    parents = max(1, round(n / 20))
    names = [
        w.CODE_PARENTS[i] if i < len(w.CODE_PARENTS) else f"Theme {i + 1}" for i in range(parents)
    ]
    children: list[list[str]] = [[] for _ in names]
    for j in range(n - parents):
        p = j % parents
        k = len(children[p])
        child = w.CODE_CHILDREN[k % len(w.CODE_CHILDREN)]
        if k >= len(w.CODE_CHILDREN):
            child = f"{child} {k // len(w.CODE_CHILDREN) + 1}"
        children[p].append(child)
    paths: list[str] = []
    for name, kids in zip(names, children, strict=True):
        paths.append(name)
        paths.extend(f"{name}/{kid}" for kid in kids)
    return paths


def generate(
    rows: int = DEFAULT_ROWS,
    segments: int = DEFAULT_SEGMENTS,
    codes: int = DEFAULT_CODES,
    seed: int = DEFAULT_SEED,
    *,
    chars: int | None = None,
) -> Corpus:
    """A corpus of `rows` answers totalling about `chars` (default 500 per row) characters,
    `codes` codes and a plan of `segments` segments."""
    if rows < 1:
        raise ValueError("a corpus needs at least one row")
    if segments and not codes:
        raise ValueError("segments need at least one code")
    rng = random.Random(seed)
    writer = _Writer(rng)
    mean = (chars if chars is not None else rows * CHARS_PER_ROW) / rows
    # Lengths vary like real answers: mostly a paragraph, a long tail of essays.
    raw = [rng.lognormvariate(0.0, 0.9) for _ in range(rows)]
    scale = mean / (sum(raw) / rows)
    width = max(5, len(str(rows)))
    keys, languages, attributes, texts = [], [], [], []
    sentence_spans: list[list[tuple[int, int]]] = []
    for i in range(rows):
        language = "zh" if rng.random() < 0.4 else "en"
        overshoot = 40 if language == "en" else 12  # about half a sentence
        text, spans = writer.answer(language, max(20, int(raw[i] * scale) - overshoot))
        keys.append(f"B{i + 1:0{width}d}")
        languages.append(language)
        attributes.append(
            (
                rng.choice(w.JOB_TITLES),
                rng.choice(w.INDUSTRIES),
                rng.choice(w.COMPANY_SIZES),
                str(min(40, int(rng.expovariate(1 / 7)))),
            ),
        )
        texts.append(text)
        sentence_spans.append(spans)
    paths = _code_paths(codes)
    plan: list[tuple[int, int, int, int]] = []
    if segments:
        # Longer answers get more segments; some codes are used far more than others.
        answer_weights = list(itertools.accumulate(len(t) for t in texts))
        ranks = list(range(len(paths)))
        rng.shuffle(ranks)
        code_weights = list(itertools.accumulate(1 / (1 + r) ** 0.7 for r in ranks))
        answers = rng.choices(range(rows), cum_weights=answer_weights, k=segments)
        coded = rng.choices(range(len(paths)), cum_weights=code_weights, k=segments)
        randrange, rand = rng.randrange, rng.random
        for a, code in zip(answers, coded, strict=True):
            spans = sentence_spans[a]
            first = randrange(len(spans))
            last = min(len(spans) - 1, first + (rand() < 0.3) + (rand() < 0.1))
            plan.append((a, spans[first][0], spans[last][1], code))
    return Corpus(seed, keys, languages, attributes, texts, paths, plan)
