"""What the browser reads, through the context's read sessions, and the one thing it keeps:
the respondents' consent statuses, costly to derive in a big study, until consent changes."""

from __future__ import annotations

from ...services.browser import query as browse
from ...services.browser.query import BrowseQuery, CodeChoice, FilterChoices, ResponseRow, SortKey
from ...services.consent.events import ConsentStatus
from ...services.corpus.respondents import list_attributes
from ..context import ProjectContext


class BrowserData:
    def __init__(self, ctx: ProjectContext) -> None:
        self._ctx = ctx
        self._statuses: dict[int, ConsentStatus] | None = None

    @property
    def open(self) -> bool:
        return self._ctx.project is not None

    def forget_consent(self) -> None:
        self._statuses = None

    def _consent(self) -> dict[int, ConsentStatus]:
        if self._statuses is None:
            with self._ctx.read() as s:
                self._statuses = browse.consent_statuses(s)
        return self._statuses

    def matching_ids(self, query: BrowseQuery) -> list[int]:
        if not self.open:
            return []
        needs = bool(query.consent) or query.sort is SortKey.CONSENT
        statuses = self._consent() if needs else None
        with self._ctx.read() as s:
            return browse.matching_ids(s, query, statuses)

    def rows(self, ids: list[int], terms: tuple[str, ...]) -> dict[int, ResponseRow]:
        if not self.open:
            return {}
        with self._ctx.read() as s:
            return browse.rows(s, ids, terms)

    def filter_choices(self) -> FilterChoices | None:
        if not self.open:
            return None
        statuses = self._consent()
        with self._ctx.read() as s:
            return browse.filter_choices(s, statuses)

    def codes(self) -> list[CodeChoice]:
        if not self.open:
            return []
        with self._ctx.read() as s:
            return browse.code_choices(s)

    def attribute_names(self) -> list[str]:
        if not self.open:
            return []
        with self._ctx.read() as s:
            return [a.name for a in list_attributes(s)]

    def next_uncoded(self, ids: list[int], after: int | None, backwards: bool) -> int | None:
        if not self.open:
            return None
        with self._ctx.read() as s:
            return browse.next_uncoded(s, ids, after, backwards)
