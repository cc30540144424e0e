"""Word frequencies and keyword in context, over a population's responses or a code's segments.

Only a respondent's own words are read: in a transcript, the interviewer's turns, another
interviewee's and a transcriber's notes are left out (`services/corpus/turns.py`). Chinese is
cut with jieba and the project's dictionary (`project_dictionary`), see `tokens.py`.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Iterable, Iterator
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ...model import Respondent, Response, Setting
from ..corpus.turns import turn_spans
from .codes import code_tree, codings, rolled_up
from .population import ALL, Population
from .spans import Span, intersect_spans, merge_spans
from .tokens import Segmenter, Token, normalise

DICTIONARY_KEY = "analysis.dictionary"  # the project's own words, one a line
_EVERY = 250  # responses between two progress reports


@dataclass(frozen=True)
class WordCount:
    word: str
    count: int  # occurrences
    responses: int  # responses using it
    respondents: int


@dataclass(frozen=True)
class WordFrequencies:
    words: list[WordCount]  # most frequent first; ties alphabetically
    tokens: int  # words counted in all
    responses: int  # responses read
    respondents: int


@dataclass(frozen=True)
class KeywordContext:
    response_id: int
    respondent: str  # pseudonymous label
    start: int  # of the keyword, code points into the response text
    end: int
    before: str  # up to `width` characters, whitespace flattened
    keyword: str  # as written in the text
    after: str


def project_dictionary(session: Session) -> list[str]:
    value = session.get(Setting, DICTIONARY_KEY)
    return [w for w in (value.value.splitlines() if value else []) if w.strip()]


def set_project_dictionary(session: Session, words: Iterable[str]) -> list[str]:
    """Replace the project's own words (kept in order, repeats and blanks dropped)."""
    kept = list(dict.fromkeys(w.strip() for w in words if w.strip()))
    session.merge(Setting(key=DICTIONARY_KEY, value="\n".join(kept)))
    session.flush()
    return kept


def segmenter_for(session: Session, extra_words: Iterable[str] = ()) -> Segmenter:
    return Segmenter([*project_dictionary(session), *extra_words])


def word_frequencies(
    session: Session,
    population: Population = ALL,
    *,
    code_ids: Collection[int] | None = None,
    subcodes: bool = True,
    limit: int | None = 100,
    segmenter: Segmenter | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> WordFrequencies:
    """The most frequent words (all with `limit` None) of the population's responses, or of
    the segments coded with `code_ids` (with their sub-codes, by default). `progress(done,
    total)` hears of every few hundred responses read: the first count of a large project
    cuts millions of characters (seconds), later ones are remembered."""
    segmenter = segmenter or segmenter_for(session)
    total = _response_count(session, population) if progress is not None else 0
    counts: Counter[str] = Counter()
    responses: defaultdict[str, int] = defaultdict(int)
    people: defaultdict[str, set[int]] = defaultdict(set)
    read: set[int] = set()
    readers: set[int] = set()
    for done, (response_id, person, _label, text, spans) in enumerate(
        _passages(session, population, code_ids, subcodes), 1
    ):
        if progress is not None and done % _EVERY == 0:
            progress(min(done, total), total)
        if spans is None:
            words: Iterable[str] = segmenter.words(text)
        else:
            words = [t.word for s, e in spans for t in segmenter.tokens(text, s, e)]
        here = Counter(words)
        counts.update(here)
        read.add(response_id)
        readers.add(person)
        for word in here:
            responses[word] += 1
            people[word].add(person)
    if progress is not None:
        progress(total, total)
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    if limit is not None:
        ranked = ranked[:limit]
    rows = [WordCount(w, n, responses[w], len(people[w])) for w, n in ranked]
    return WordFrequencies(rows, counts.total(), len(read), len(readers))


def _response_count(session: Session, population: Population) -> int:
    if population.response_ids is not None:
        return len(population.response_ids)
    return session.scalar(select(func.count(Response.id))) or 0


def keyword_in_context(
    session: Session,
    word: str,
    population: Population = ALL,
    *,
    code_ids: Collection[int] | None = None,
    subcodes: bool = True,
    width: int = 40,
    limit: int | None = None,
    segmenter: Segmenter | None = None,
) -> list[KeywordContext]:
    """Every place `word` is counted, as the frequencies counted it, in reading order."""
    segmenter = segmenter or segmenter_for(session)
    wanted = normalise(word)
    out: list[KeywordContext] = []
    for response_id, _person, label, text, spans in _passages(
        session, population, code_ids, subcodes
    ):
        if wanted not in text.lower().replace("’", "'"):
            continue
        for token in _tokens(segmenter, text, spans):
            if token.word == wanted:
                out.append(_context(response_id, label, text, token, width))
                if limit is not None and len(out) >= limit:
                    return out
    return out


def _tokens(segmenter: Segmenter, text: str, spans: list[Span] | None) -> Iterator[Token]:
    if spans is None:
        yield from segmenter.tokens(text)
    else:
        for start, end in spans:
            yield from segmenter.tokens(text, start, end)


def _context(response_id: int, label: str, text: str, token: Token, width: int) -> KeywordContext:
    return KeywordContext(
        response_id,
        label,
        token.start,
        token.end,
        _flat(text[max(0, token.start - width) : token.start]),
        text[token.start : token.end],
        _flat(text[token.end : token.end + width]),
    )


def _flat(text: str) -> str:
    """Line breaks and runs of spaces as one space, so a context reads on one line."""
    return re.sub(r"\s+", " ", text)


def _passages(
    session: Session, population: Population, code_ids: Collection[int] | None, subcodes: bool
) -> Iterator[tuple[int, int, str, str, list[Span] | None]]:
    """(response id, respondent id, label, text, spans to read or None for all of it), in
    response order: only the respondent's own words, and only coded spans when asked."""
    own = _own_spans(session)
    coded = _coded_spans(session, population, code_ids, subcodes) if code_ids is not None else None
    rows = session.connection().execute(
        select(Response.id, Response.respondent_id, Respondent.label, Response.text)
        .join(Respondent, Respondent.id == Response.respondent_id)
        .order_by(Response.id)
    )
    for rid, person, label, text in rows:
        if not population.includes(rid):
            continue
        spans = own.get(rid)
        if coded is not None:
            mine = coded.get(rid)
            if not mine:
                continue
            spans = mine if spans is None else intersect_spans(spans, mine)
        if spans is None or spans:
            yield rid, person, label, text, spans


def _own_spans(session: Session) -> dict[int, list[Span]]:
    """For responses with turns: the stretches their own respondent said (maybe none)."""
    return {
        rid: [(s, e) for s, e, own in turns if own and e > s]
        for rid, turns in turn_spans(session).items()
    }


def _coded_spans(
    session: Session, population: Population, code_ids: Collection[int], subcodes: bool
) -> dict[int, list[Span]]:
    by_id = {n.id: n for n in code_tree(session)}
    wanted = set(code_ids)
    spans: dict[int, list[Span]] = defaultdict(list)
    for c in codings(session, population):
        found = rolled_up(c.code_id, by_id) if subcodes else (c.code_id,)
        if wanted.intersection(found):
            spans[c.response_id].append((c.start, c.end))
    return {rid: merge_spans(s) for rid, s in spans.items()}
