"""The render tree: a post as the reader will see it, with no file format in it.

`render.render_post` builds it; the Word, Markdown and HTML exporters and the composer's
preview only walk it, so every output shows the same words, figures and gate decisions.
Nodes carry the id of the block they come from, so a preview can select the block.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ..consent.gate import BlockReason, GateDecision
from .statistics import Figure


@dataclass(frozen=True)
class Span:
    """A run of text; `href` makes it a link (http, https or mailto only)."""

    text: str
    bold: bool = False
    italic: bool = False
    href: str | None = None


@dataclass(frozen=True)
class Paragraph:
    """`role` says where it came from: body, series, consent_note, profile, links."""

    spans: tuple[Span, ...]
    role: str = "body"
    block_id: int | None = None

    @property
    def text(self) -> str:
        return "".join(s.text for s in self.spans)


@dataclass(frozen=True)
class FigureNote:
    """For the author, never the reader: what a figure is counted over, and how it compares
    with the figure last drafted, exported or accepted (see `figures`)."""

    population: str  # "the 30 respondents of the sample survey"
    size: int  # how many respondents that is now
    since: str | None = None  # "exported on 2026-12-01"; None before any baseline
    before: str | None = None  # "20% (6 of 30)", when the figure changed
    changed: str | None = None  # the issue's words, when the figure changed


@dataclass(frozen=True)
class BulletList:
    items: tuple[tuple[Span, ...], ...]
    role: str = "body"
    block_id: int | None = None
    note: FigureNote | None = None  # a profile's population and baseline

    @property
    def texts(self) -> list[str]:
        return ["".join(s.text for s in item) for item in self.items]


@dataclass(frozen=True)
class Statistic:
    """A sentence with a live figure; `figure` is None when it cannot be computed."""

    block_id: int
    text: str
    figure: Figure | None
    note: FigureNote | None = None


@dataclass(frozen=True)
class QuoteSource:
    """Where a quote comes from, for reviewers' comments. Never private identity:
    `respondent` is the pseudonymous label the project uses."""

    respondent: str
    response_id: int
    question: str | None
    segment_id: int
    start: int
    end: int
    codes: tuple[str, ...]
    consent: str  # e.g. "granted, by handle, translation allowed"
    language: str
    translation: str | None  # the language of the translation quoted ("English"), if any

    def describe(self) -> str:
        question = f" to “{self.question}”" if self.question else ""
        translated = f"; quoted in the {self.translation} translation" if self.translation else ""
        return (
            f"From {self.respondent}, response {self.response_id}{question}; "
            f"segment {self.segment_id} [{self.start}, {self.end}){translated}. "
            f"Codes: {', '.join(self.codes) or 'none'}. Consent: {self.consent}."
        )


@dataclass(frozen=True)
class Quote:
    """A quoted segment: the lead-in ("Researcher A is working in a large tech company:"),
    the exact text (or recorded translation), or, when the gate blocks it, a placeholder."""

    block_id: int
    segment_id: int | None
    decision: GateDecision
    lead_in: str | None = None
    text: str | None = None
    translated_from: str | None = None  # "Chinese" when a translation is shown
    placeholder: str | None = None
    source: QuoteSource | None = None
    language: str | None = None  # of `text` (BCP 47, "zh"), None or "und" when not known

    @property
    def blocked(self) -> bool:
        return not self.decision.allowed


Node = Paragraph | BulletList | Statistic | Quote


@dataclass(frozen=True)
class SectionNode:
    section_id: int
    title: str  # "" for an opening section without a heading
    nodes: tuple[Node, ...]


@dataclass(frozen=True)
class Issue:
    """Something the author should fix. `blocking` issues are quotes the gate refused
    (or whose segment is gone): an export refuses them unless asked for placeholders.
    `figure_changed` issues are figures that changed since they were last exported or
    accepted: an export refuses them unless the author accepts the new figures."""

    message: str
    block_id: int | None = None
    section_id: int | None = None
    blocking: bool = False
    reason: BlockReason | None = None
    figure_changed: bool = False  # a figure differs from the one last exported or accepted


@dataclass(frozen=True)
class RenderedPost:
    post_id: int
    title: str
    series_line: Paragraph | None
    consent_note: str
    sections: tuple[SectionNode, ...]
    issues: tuple[Issue, ...]
    language: str = "en"
    population: str = ""  # what the post's figures are counted over, for the author
    population_saved: bool = True  # False: a post from before populations (all respondents)

    @property
    def changed_figures(self) -> list[Issue]:
        return [i for i in self.issues if i.figure_changed]

    def quotes(self) -> Iterator[Quote]:
        for section in self.sections:
            for node in section.nodes:
                if isinstance(node, Quote):
                    yield node

    @property
    def blocked(self) -> list[GateDecision]:
        return [q.decision for q in self.quotes() if q.blocked]
