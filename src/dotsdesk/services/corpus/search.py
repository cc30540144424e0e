"""Full-text search over responses and translations, English and Chinese alike."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy.orm import Session

from ...store import search_index


@dataclass(frozen=True)
class SearchResult:
    query: str
    terms: tuple[str, ...]
    response_ids: list[int]

    @property
    def total(self) -> int:
        return len(self.response_ids)


def terms_of(query: str) -> tuple[str, ...]:
    """Whitespace separates terms; a "quoted phrase" is one term."""
    terms = [a or b for a, b in re.findall(r'"([^"]+)"|(\S+)', query)]
    return tuple(t for t in terms if t.strip())


def search(session: Session, query: str, *, translations: bool = True) -> SearchResult:
    """Responses containing every term (case-insensitive), in id order."""
    terms = terms_of(query)
    ids = search_index.matching_response_ids(session, list(terms), translations=translations)
    return SearchResult(query, terms, ids)


def find_hits(text: str, terms: tuple[str, ...]) -> list[tuple[int, int]]:
    """`[start, end)` code-point spans of every term in `text`, sorted, for highlighting."""
    spans: list[tuple[int, int]] = []
    for term in terms:
        spans.extend(m.span() for m in re.finditer(re.escape(term), text, re.IGNORECASE))
    return sorted(spans)
