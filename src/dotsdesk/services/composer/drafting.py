"""A first draft from the codes, built the way the Connect the Dots posts are built.

An opening placeholder, the series line and consent note (both live), a profile of the
sample from its attributes, then one section per child code of the chosen parent: a
statistic and a quote of each of its segments the respondent's consent allows; the others
are reported as skipped with the gate's reason. Links and final thoughts are left to fill in.
Nobody starts from a blank page, and nothing in the draft is typed from the data by hand.
The post's population is the respondents it was drafted from (all of them, or those of some
imported files), saved with it; its figures as drafted are their first baseline, so a later
change to one is reported.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from ...errors import InvalidOperation
from ...model import (
    BaselineKind,
    BlockKind,
    Code,
    Respondent,
    Response,
    Segment,
    Translation,
    segment_code,
)
from ..coding.codebook import descendant_ids, find_code
from ..consent.attribution import Attributor
from ..consent.events import current_consents
from ..consent.gate import BlockReason, QuoteRequest, check_quotes
from . import posts
from .figures import record_figures
from .population import get_population, member_ids, respondents_of
from .profile import suggest_bullets
from .render import render_post

OPENING_HINT = "*Write the opening: what you asked, whom you asked, and what the answers show.*"
PROFILE_TITLE = "Who are the sampled respondents?"
STATISTIC_TEMPLATE = "{percent} of sampled respondents ({count} of {total}) are coded {name}."
LINKS_HINT = "*Add the blogs and articles that helped you, with their links.*"
FINAL_HINT = "*Write your final thoughts.*"


@dataclass(frozen=True)
class Skipped:
    """A segment the gate kept out of the draft; `respondent` is the pseudonymous label."""

    segment_id: int
    respondent: str
    section: str
    reason: BlockReason
    message: str


@dataclass(frozen=True)
class DraftReport:
    post_id: int
    sections: list[str]
    quotes: int
    skipped: list[Skipped] = field(default_factory=list)
    population: str = ""  # "the 30 respondents of survey.csv"


@dataclass(frozen=True)
class _Candidate:
    section_id: int
    section: str
    segment_id: int
    respondent_id: int
    translation: str | None


def draft_post(
    session: Session,
    title: str,
    sections_from: str,
    *,
    series: str | None = None,
    number: int | None = None,
    toc_url: str | None = None,
    language: str = "en",
    sources: Sequence[str] | None = None,
    population_name: str | None = None,
    today: date | None = None,
) -> DraftReport:
    """Create the draft in the caller's transaction and say what it holds and skipped.
    `sources` (file names responses were imported from) draft from their respondents only;
    by default every respondent in the project. Either way they become the post's population."""
    today = today or date.today()
    parent = find_code(session, sections_from)
    children: list[Code] = list(parent.children)
    if not children:
        raise InvalidOperation(None, f"{sections_from!r} has no child codes to make sections from")
    settings = posts.PostSettings(group_code_id=parent.id, language=language)
    post = posts.create_post(
        session,
        title,
        series=series,
        number=number,
        toc_url=toc_url,
        settings=settings,
        population=respondents_of(session, sources),
        population_name=population_name,
    )
    people = member_ids(session, post.id)
    opening = posts.add_section(session, post.id, "")
    posts.add_paragraph(session, opening.id, OPENING_HINT)
    if series:
        posts.add_block(session, opening.id, BlockKind.PARAGRAPH, {"auto": "series"})
    posts.add_block(session, opening.id, BlockKind.PARAGRAPH, {"auto": "consent_note"})
    bullets = suggest_bullets(session, people)
    if bullets:
        profile = posts.add_section(session, post.id, PROFILE_TITLE)
        posts.add_block(session, profile.id, BlockKind.PROFILE, {"bullets": bullets})
    candidates: list[_Candidate] = []
    for child in children:
        section = posts.add_section(session, post.id, child.name)
        template = STATISTIC_TEMPLATE.replace("{name}", child.name)
        data = {"code_ids": [child.id], "template": template}
        posts.add_block(session, section.id, BlockKind.STATISTIC, data)
        candidates += _candidates(session, section.id, child, language, people)
    quoted, skipped = _quote_allowed(session, sections_from, candidates, today)
    links = posts.add_section(session, post.id, "Additional resource")
    posts.add_paragraph(session, links.id, LINKS_HINT)
    posts.add_block(session, links.id, BlockKind.LINKS, {"links": []})
    final = posts.add_section(session, post.id, "Final thoughts")
    posts.add_paragraph(session, final.id, FINAL_HINT)
    drafted = render_post(session, post.id, placeholders=True, today=today)
    record_figures(session, drafted, BaselineKind.DRAFTED)
    population = get_population(session, post.id).describe()
    return DraftReport(post.id, [c.name for c in children], quoted, skipped, population)


def _candidates(
    session: Session, section_id: int, code: Code, language: str, people: Select[Any]
) -> list[_Candidate]:
    """The code's (and its descendants') segments of the population's respondents, by
    respondent label then position; a translation is proposed for a whole answer in another
    language that has one."""
    translated = (
        select(Translation.id)
        .where(Translation.response_id == Response.id, Translation.language == language)
        .exists()
    )
    rows = session.execute(
        select(
            Segment.id,
            Response.respondent_id,
            Response.language,
            (Segment.start == 0) & (Segment.end == func.length(Response.text)) & translated,
        )
        .join(Response, Response.id == Segment.response_id)
        .join(Respondent, Respondent.id == Response.respondent_id)
        .where(
            Segment.id.in_(
                select(segment_code.c.segment_id).where(
                    segment_code.c.code_id.in_(descendant_ids(session, code.id))
                )
            ),
            Response.respondent_id.in_(people),
        )
        .order_by(Respondent.label, Response.id, Segment.start, Segment.id)
    )
    return [
        _Candidate(
            section_id,
            code.name,
            sid,
            rid,
            language if lang != language and whole_and_translated else None,
        )
        for sid, rid, lang, whole_and_translated in rows
    ]


def _quote_allowed(
    session: Session, group_path: str, candidates: list[_Candidate], today: date
) -> tuple[int, list[Skipped]]:
    """Ask the gate about every candidate at once; quote what it allows."""
    attributor = Attributor(session, group_code_path=group_path, today=today)
    rids = list(dict.fromkeys(c.respondent_id for c in candidates))
    attributor.prefetch(rids)
    consents = current_consents(session, rids, today)
    requests = []
    for c in candidates:
        use = c.translation is not None and consents[c.respondent_id].translation_allowed
        requests.append(QuoteRequest(c.segment_id, attributor.identity_level(c.respondent_id), use))
    decisions = check_quotes(session, requests, today)
    quoted = 0
    skipped: list[Skipped] = []
    for candidate, request, decision in zip(candidates, requests, decisions, strict=True):
        if decision.allowed:
            extra = {"translation": candidate.translation} if request.translation else {}
            posts.add_quote(session, candidate.section_id, candidate.segment_id, **extra)
            quoted += 1
        else:
            assert decision.reason is not None
            skipped.append(
                Skipped(
                    candidate.segment_id,
                    decision.label or "?",
                    candidate.section,
                    decision.reason,
                    decision.message,
                )
            )
    return quoted, skipped
