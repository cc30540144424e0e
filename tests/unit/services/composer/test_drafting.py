"""A first draft from the codes: sections per child code, quotes only where consent allows."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from dotsdesk.errors import InvalidOperation, NotFound
from dotsdesk.model import Block, BlockKind, Response, Section, Segment
from dotsdesk.services.coding.codebook import ensure_code
from dotsdesk.services.composer.drafting import draft_post
from dotsdesk.services.composer.render import render_post
from dotsdesk.services.composer.render_tree import BulletList, Paragraph, Statistic
from dotsdesk.services.consent.gate import BlockReason
from dotsdesk.services.corpus.respondents import find_respondent
from dotsdesk.store import Project

TODAY = date(2025, 6, 1)


def test_a_draft_from_the_role_codes(sample_project: Project) -> None:
    with sample_project.write() as s:
        report = draft_post(
            s,
            "Do you write production code?",
            "Role",
            series="Connect the Dots",
            number=5,
            toc_url="https://example.org/toc",
            today=TODAY,
        )
        titles = list(
            s.scalars(
                select(Section.title)
                .where(Section.post_id == report.post_id)
                .order_by(Section.position)
            )
        )
        quoted_keys = {find_respondent(s, k).id for k in ("P17", "P22", "P26", "P29", "P30")} & set(
            s.scalars(
                select(Response.respondent_id)
                .join(Segment, Segment.response_id == Response.id)
                .join(Block, Block.segment_id == Segment.id)
                .join(Section, Section.id == Block.section_id)
                .where(Section.post_id == report.post_id)
            )
        )
    assert titles == [
        "",
        "Who are the sampled respondents?",
        "Research",
        "Engineering",
        "Hybrid",
        "Additional resource",
        "Final thoughts",
    ]
    assert report.sections == ["Research", "Engineering", "Hybrid"]
    assert report.quotes == 25
    assert {(k.respondent, k.reason) for k in report.skipped} == {
        ("P17", BlockReason.PENDING),
        ("P22", BlockReason.WITHDRAWN),
        ("P26", BlockReason.PENDING),
        ("P29", BlockReason.DECLINED),
        ("P30", BlockReason.NEVER_ASKED),
    }
    assert all(k.section == "Hybrid" for k in report.skipped)
    assert quoted_keys == set()
    with sample_project.read() as s:
        tree = render_post(s, report.post_id, today=TODAY)
    assert not tree.issues
    stats = [n.text for sec in tree.sections for n in sec.nodes if isinstance(n, Statistic)]
    assert stats == [
        "20% of sampled respondents (6 of 30) are coded Research.",
        "20% of sampled respondents (6 of 30) are coded Engineering.",
        "60% of sampled respondents (18 of 30) are coded Hybrid.",
    ]
    opening = [n for n in tree.sections[0].nodes if isinstance(n, Paragraph)]
    assert [n.role for n in opening] == ["body", "series", "consent_note"]
    assert opening[1].text.startswith("This is No.5 post in the Connect the Dots series.")
    profile = tree.sections[1].nodes[0]
    assert isinstance(profile, BulletList)
    assert "Company size: " in " ".join(profile.texts)
    leads = [q.lead_in for q in tree.quotes()]
    assert leads[:2] == ["Researcher A:", "Researcher B:"]
    assert "Hybrid F (Reddit r/datascience, lagged_features):" in leads  # P19: by handle
    translated = [q for q in tree.quotes() if q.translated_from]
    # P18's whole answer is coded Hybrid and may be published in translation
    assert [q.text[:24] for q in translated if q.text] == ["It depends on the stage."]
    assert "translated into English" in tree.consent_note


def test_a_parent_without_children_is_refused(sample_project: Project) -> None:
    with sample_project.write() as s:
        ensure_code(s, "Lonely")
        with pytest.raises(InvalidOperation, match="no child codes"):
            draft_post(s, "T", "Lonely")
        with pytest.raises(NotFound, match="no code 'Nope'"):
            draft_post(s, "T", "Nope")


def test_a_draft_quotes_every_allowed_segment_of_a_child(project: Project) -> None:
    from dotsdesk.services.coding.segments import code_span
    from dotsdesk.services.consent.events import record_event
    from dotsdesk.services.corpus.respondents import add_respondent
    from dotsdesk.services.corpus.responses import add_response

    with project.write() as s:
        research = ensure_code(s, "Role/Research").id
        deep = ensure_code(s, "Role/Research/Theory").id
        for key, level in (("A", "anonymous"), ("B", None)):
            rid = add_respondent(s, key).id
            resp = add_response(s, rid, "Papers, papers, papers.", language="en").id
            code_span(s, resp, 0, 7, [research])
            code_span(s, resp, 8, 14, [deep])
            if level:
                record_event(s, rid, "granted", date(2025, 1, 1), level=level)
        report = draft_post(s, "T", "Role", today=TODAY)
        kinds = list(
            s.scalars(
                select(Block.kind)
                .join(Section)
                .where(Section.post_id == report.post_id, Section.title == "Research")
                .order_by(Block.position)
            )
        )
    assert kinds == [BlockKind.STATISTIC, BlockKind.QUOTE, BlockKind.QUOTE]
    assert [(k.respondent, k.reason) for k in report.skipped] == [
        ("P02", BlockReason.NEVER_ASKED),  # B, labelled in the project's scheme
        ("P02", BlockReason.NEVER_ASKED),
    ]
