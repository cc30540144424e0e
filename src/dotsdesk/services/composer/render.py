"""Render a post into the neutral tree every preview and export walks.

Everything a reader sees is computed here, live: quote texts from their segments through the
consent gate, lead-ins from the Attributor, statistics from the codes, profile bullets from
attribute values, the series line from the post, and the consent note from the consent levels
and translations the post actually uses. By default a blocked quote stops the render
(`QuotesBlocked` lists every one with its reason); with `placeholders=True` it becomes a
visible placeholder and a blocking `Issue`, which is what a preview shows.
Figures are counted over the post's population, and each carries a note saying so; a figure
that differs from its baseline (`figures`) is an issue, and an export refuses it
(`FiguresChanged`) unless the author accepts the new figures.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from ...errors import NotFound
from ...model import BaselineKind, Block, BlockKind, ConsentLevel, Post, Section
from ..coding.codebook import code_paths
from ..consent.gate import QuotesBlocked
from .figures import (
    Baseline,
    FiguresChanged,
    load_baselines,
    profile_note,
    record_figures,
    statistic_note,
)
from .population import PopulationInfo, get_population
from .posts import get_post, get_settings
from .profile import bullet_text, oxford_join
from .quotes import language_name, resolve_quotes
from .render_tree import (
    BulletList,
    FigureNote,
    Issue,
    Node,
    Paragraph,
    Quote,
    RenderedPost,
    SectionNode,
    Span,
    Statistic,
)
from .richtext import parse_blocks
from .statistics import Population, code_share, fill, population_ids

DEFAULT_STATISTIC = "{percent} of sampled respondents."
LEGACY_POPULATION = (
    "population: this post predates saved populations and counts all {n} respondents, so "
    "every import changes its figures; choose its population"
)
NOTE_START = "I have received permission from individuals mentioned in this post to share their "
_HOW = {
    ConsentLevel.ANONYMOUS: "anonymously",
    ConsentLevel.HANDLE: "with their forum ID",
    ConsentLevel.NAME: "by name",
}


def render_post(
    session: Session, post_id: int, *, placeholders: bool = False, today: date | None = None
) -> RenderedPost:
    """The post as a reader sees it; raises QuotesBlocked unless `placeholders`."""
    post = get_post(session, post_id)
    settings = get_settings(session, post_id)
    sections = list(
        session.scalars(
            select(Section)
            .where(Section.post_id == post_id)
            .order_by(Section.position, Section.id)
            .options(selectinload(Section.blocks))
        )
    )
    quote_blocks = [(b, s.id) for s in sections for b in s.blocks if b.kind is BlockKind.QUOTE]
    quotes, issues = resolve_quotes(session, quote_blocks, settings, today)
    blocked = [quotes[b.id].decision for b, _ in quote_blocks if quotes[b.id].blocked]
    if blocked and not placeholders:
        raise QuotesBlocked(None, blocked)
    allowed = [quotes[b.id] for b, _ in quote_blocks if not quotes[b.id].blocked]
    note = consent_note(allowed, settings.language)
    series = series_line(post)
    figures = _Figures(session, post_id, sections, issues)
    built: list[SectionNode] = []
    for section in sections:
        nodes: list[Node] = []
        for block in section.blocks:
            nodes.extend(_block_nodes(session, block, section, quotes, note, series, figures))
        built.append(SectionNode(section.id, section.title, tuple(nodes)))
    return RenderedPost(
        post.id,
        post.title,
        series,
        note,
        tuple(built),
        tuple(issues),
        settings.language,
        figures.population.describe(),
        figures.population.saved,
    )


def render_for_export(
    session: Session,
    post_id: int,
    target: Path,
    *,
    placeholders: bool = False,
    accept_figures: bool = False,
    today: date | None = None,
) -> RenderedPost:
    """As `render_post`, with refusals that name the file that was not written: blocked
    quotes (unless `placeholders`), and figures changed since they were last exported or
    accepted (unless `accept_figures`)."""
    try:
        tree = render_post(session, post_id, placeholders=placeholders, today=today)
    except QuotesBlocked as exc:
        raise QuotesBlocked(target, exc.decisions) from None
    if tree.changed_figures and not accept_figures:
        raise FiguresChanged(target, [i.message for i in tree.changed_figures])
    return tree


def block_figure(session: Session, block_id: int) -> Statistic | BulletList | None:
    """One statistic or profile block as the preview shows it, with its note (population,
    baseline, change), for the block editor; None for other blocks."""
    block = session.get(Block, block_id)
    if block is None or block.kind not in (BlockKind.STATISTIC, BlockKind.PROFILE):
        return None
    section = block.section
    figures = _Figures(session, section.post_id, [section], [])
    nodes = _block_nodes(session, block, section, {}, "", None, figures)
    node = nodes[0] if nodes else None
    return node if isinstance(node, Statistic | BulletList) else None


def accept_figures(session: Session, post_id: int) -> int:
    """The author accepts the post's figures as they are now (one user action): they become
    the baseline later changes are reported against. Returns how many were recorded."""
    tree = render_post(session, post_id, placeholders=True)
    return record_figures(session, tree, BaselineKind.ACCEPTED)


def series_line(post: Post, block_id: int | None = None) -> Paragraph | None:
    """ "This is No.4 post in the Connect the Dots series. See full table of contents"."""
    if not post.series:
        return None
    if post.number is not None:
        words = f"This is No.{post.number} post in the {post.series} series."
    else:
        words = f"This post is part of the {post.series} series."
    spans = [Span(words)]
    if post.toc_url:
        spans += [Span(" "), Span("See full table of contents", href=post.toc_url)]
    return Paragraph(tuple(spans), "series", block_id)


def consent_note(quotes: Sequence[Quote], language: str = "en") -> str:
    """Worded from the identity the labels show and the translations used:
    "... either anonymously or with their forum ID. Some comments are originally in
    Chinese and are translated into English." Empty when nobody is quoted."""
    if not quotes:
        return ""
    shown = {ConsentLevel(q.decision.request.identity) for q in quotes}
    ways = [_HOW[level] for level in _HOW if level in shown]
    how = oxford_join(ways, "or")
    if len(ways) == 1:
        note = f"{NOTE_START}ideas and comments {how}."
    else:
        note = f"{NOTE_START}ideas and comments, {'either ' if len(ways) == 2 else ''}{how}."
    languages = list(dict.fromkeys(q.translated_from for q in quotes if q.translated_from))
    if languages:
        some = "All" if all(q.translated_from for q in quotes) else "Some"
        note += (
            f" {some} comments are originally in {oxford_join(languages)} and are "
            f"translated into {language_name(language)}."
        )
    return note


class _Figures:
    """What every figure of one render shares: the post's population, the baselines, and
    the issues list they add to."""

    def __init__(
        self, session: Session, post_id: int, sections: list[Section], issues: list[Issue]
    ) -> None:
        self.post_id = post_id
        self.population: PopulationInfo = get_population(session, post_id)
        self.baselines: dict[int, Baseline] = load_baselines(session, post_id)
        self.issues = issues
        self._paths: dict[int, str] | None = None
        has_figures = any(
            b.kind in (BlockKind.STATISTIC, BlockKind.PROFILE) for s in sections for b in s.blocks
        )
        if has_figures and not self.population.saved:
            issues.append(Issue(LEGACY_POPULATION.format(n=self.population.size)))

    def population_of(self, data: dict[str, Any]) -> Population:
        chosen = data.get("population") or {}
        return Population(chosen.get("attribute"), chosen.get("value"), self.post_id)

    def label(self, section: Section, code_ids: list[int], session: Session) -> str:
        """The section's title ("Research"), else the codes counted."""
        if section.title:
            return section.title
        if self._paths is None:
            self._paths = code_paths(session)
        return ", ".join(self._paths.get(c, f"code {c}") for c in code_ids) or "statistic"

    def changed(self, note: FigureNote, block_id: int, section_id: int) -> FigureNote:
        if note.changed:
            self.issues.append(Issue(note.changed, block_id, section_id, figure_changed=True))
        return note


def _block_nodes(
    session: Session,
    block: Block,
    section: Section,
    quotes: dict[int, Quote],
    note: str,
    series: Paragraph | None,
    figures: _Figures,
) -> list[Node]:
    data: dict[str, Any] = block.data or {}
    section_id, issues = section.id, figures.issues
    if block.kind is BlockKind.QUOTE:
        return [quotes[block.id]]
    if block.kind is BlockKind.PARAGRAPH:
        auto = data.get("auto")
        if auto == "series":
            return [Paragraph(series.spans, "series", block.id)] if series else []
        if auto == "consent_note":
            return [Paragraph((Span(note),), "consent_note", block.id)] if note else []
        return list(parse_blocks(str(data.get("text", "")), block_id=block.id))
    if block.kind is BlockKind.STATISTIC:
        return [_statistic(session, block, section, figures)]
    if block.kind is BlockKind.PROFILE:
        population = figures.population_of(data)
        items = []
        for bullet in data.get("bullets", []):
            try:
                text = bullet_text(session, bullet, population)
            except NotFound as exc:
                issues.append(Issue(f"profile bullet: {exc}", block.id, section_id))
                text = f"[profile bullet unavailable: {exc}]"
            if text.strip():
                items.append((Span(text),))
        if not items:
            return []
        size = _size(session, population)
        about = population.describe(figures.population.describe())
        label = section.title or "profile"
        texts = ["".join(s.text for s in item) for item in items]
        fig = profile_note(label, about, size, texts, figures.baselines.get(block.id))
        fig = figures.changed(fig, block.id, section_id)
        return [BulletList(tuple(items), "profile", block.id, fig)]
    links = [
        (Span(str(link.get("title") or link["url"]), href=str(link["url"])),)
        for link in data.get("links", [])
    ]
    return [BulletList(tuple(links), "links", block.id)] if links else []


def _statistic(session: Session, block: Block, section: Section, figures: _Figures) -> Statistic:
    data = block.data or {}
    population = figures.population_of(data)
    code_ids = list(data.get("code_ids", []))
    try:
        figure = code_share(
            session, code_ids, population, descendants=data.get("descendants", True)
        )
    except NotFound as exc:
        figures.issues.append(Issue(f"statistic: {exc}", block.id, section.id))
        return Statistic(block.id, f"[statistic unavailable: {exc}]", None)
    if figure.total == 0:
        figures.issues.append(Issue("statistic: the population is empty", block.id, section.id))
    template = str(data.get("template") or DEFAULT_STATISTIC)
    about = population.describe(figures.population.describe())
    label = figures.label(section, code_ids, session)
    note = statistic_note(label, about, figure, figures.baselines.get(block.id))
    note = figures.changed(note, block.id, section.id)
    return Statistic(block.id, fill(template, figure.values()), figure, note)


def _size(session: Session, population: Population) -> int:
    try:
        people = population_ids(session, population).subquery()
    except NotFound:
        return 0
    return session.scalar(select(func.count()).select_from(people)) or 0
