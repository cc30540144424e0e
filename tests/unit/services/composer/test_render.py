"""Rendering a post: the sample gives the reference post; the gate decides every quote."""

from __future__ import annotations

import re
from datetime import date

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from dotsdesk.errors import NotFound
from dotsdesk.model import Block, BlockKind, Segment, Translation
from dotsdesk.services.coding import segments as coding
from dotsdesk.services.coding.codebook import find_code
from dotsdesk.services.composer import posts
from dotsdesk.services.composer.quotes import context_phrase, topic_phrase
from dotsdesk.services.composer.render import render_post
from dotsdesk.services.composer.render_tree import (
    BulletList,
    Paragraph,
    Quote,
    RenderedPost,
    Statistic,
)
from dotsdesk.services.composer.richtext import inline, parse_blocks
from dotsdesk.services.consent.events import record_event
from dotsdesk.services.consent.gate import BlockReason, QuotesBlocked
from dotsdesk.services.corpus.respondents import find_respondent
from dotsdesk.store import Project
from tests.paths import REFERENCE

REFERENCE_FILE = REFERENCE / "connect-the-dots-no4.txt"
LEAD_INS = [
    "Researcher A is working in a large tech company:",
    "Researcher B is working in a small marketing company:",
    "Researcher C is working in a small E-commerce company:",
    "Researcher D on what is engineering:",
    "Engineer A is working in a small tech company:",
    "Engineer B is working in a small company:",
    "Engineer C is working in a small biotech company:",
    "Hybrid A on transition:",
    "Hybrid B (1point3acres BBS, 小K) on pair coding:",
    "Hybrid C on interview:",
    "Experienced researcher is working in a large tech company:",
    "Experienced engineer is working in a large tech company:",
    "Researcher X is working in an E-commerce company:",
]
SECTIONS = [
    "",
    "Who are the sampled data scientists?",
    "Research",
    "Engineering",
    "Hybrid",
    "How about business impact?",
    "Additional resource",
    "Final thoughts",
]
NOTE = (
    "I have received permission from individuals mentioned in this post to share their ideas "
    "and comments, either anonymously or with their forum ID. Some comments are originally in "
    "Chinese and are translated into English."
)
TODAY = date(2025, 6, 1)


def render(project: Project, **kw: object) -> RenderedPost:
    with project.read() as s:
        return render_post(s, 1, today=TODAY, **kw)  # type: ignore[arg-type]


def source_text(s: Session, quote: Quote) -> str:
    seg = s.get(Segment, quote.segment_id)
    assert seg is not None
    if quote.translated_from:
        found = s.scalar(select(Translation.text).where(Translation.response_id == seg.response_id))
        assert found is not None
        return found
    return seg.response.text[seg.start : seg.end]


def squash(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").split())


def test_the_sample_renders_as_the_reference_post(sample_project: Project) -> None:
    tree = render(sample_project)
    assert tree.title == "Do you write production code as a data scientist?"
    assert [s.title for s in tree.sections] == SECTIONS
    assert tree.issues == ()
    quotes = list(tree.quotes())
    assert [q.lead_in for q in quotes] == LEAD_INS
    assert tree.consent_note == NOTE
    assert tree.series_line is not None
    assert tree.series_line.text == (
        "This is No.4 post in the Connect the Dots series. See full table of contents"
    )
    opening = tree.sections[0].nodes
    assert [n.role for n in opening if isinstance(n, Paragraph)] == [
        "body",
        "series",
        "consent_note",
    ]
    stats = [n.text for s in tree.sections for n in s.nodes if isinstance(n, Statistic)]
    assert stats == [
        "20% of sampled data scientists describe their work as pure research.",
        "20% of sampled data scientists describe their work as intensive engineering.",
        "60% of sampled data scientists describe their work as research and engineering.",
    ]
    profile = tree.sections[1].nodes[0]
    assert isinstance(profile, BulletList) and len(profile.items) == 6
    assert profile.texts[1] == (
        "They work in finance, healthcare, real estate, online advertisement, marketing, "
        "telecommunication, transportation, and e-commerce."
    )
    with sample_project.read() as s:
        for quote in quotes:
            assert quote.text == source_text(s, quote)
    assert [q.translated_from for q in quotes if q.translated_from] == ["Chinese"]
    if REFERENCE_FILE.exists():  # every sentence of the reference the data can produce
        reference = squash(REFERENCE_FILE.read_text(encoding="utf-8"))
        for text in [*LEAD_INS, NOTE, *stats, *profile.texts]:
            assert squash(text) in reference
        for quote in quotes:
            assert squash(quote.text or "") in reference


def test_a_withdrawn_consent_blocks_and_is_named(sample_project: Project) -> None:
    with sample_project.write() as s:
        record_event(s, find_respondent(s, "P14").id, "withdrawn", date(2025, 5, 1))
    with pytest.raises(QuotesBlocked) as caught:
        render(sample_project)
    assert [d.label for d in caught.value.decisions] == ["P14"]
    assert caught.value.decisions[0].reason is BlockReason.WITHDRAWN
    assert "P14: consent was withdrawn on 2025-05-01" in str(caught.value)
    tree = render(sample_project, placeholders=True)
    blocked = [q for q in tree.quotes() if q.blocked]
    assert len(blocked) == 1 and blocked[0].placeholder == "[quote withheld: consent withdrawn]"
    assert blocked[0].lead_in is None and blocked[0].text is None
    assert [i.reason for i in tree.issues if i.blocking] == [BlockReason.WITHDRAWN]
    hybrid = [q.lead_in for q in tree.quotes() if q.lead_in and "Hybrid" in q.lead_in]
    assert hybrid == ["Hybrid A on transition:", "Hybrid B on interview:"]
    # with no handle and no translation left, the note says so
    assert tree.consent_note == (
        "I have received permission from individuals mentioned in this post to share their "
        "ideas and comments anonymously."
    )


def test_a_deleted_segment_stays_visible(sample_project: Project) -> None:
    with sample_project.write() as s:
        first = s.scalar(
            select(Block).where(Block.kind == BlockKind.QUOTE).order_by(Block.id).limit(1)
        )
        assert first is not None
        seg_id = first.segment_id
        assert seg_id is not None
        s.delete(s.get(Segment, seg_id))
    with pytest.raises(QuotesBlocked, match="was deleted"):
        render(sample_project)
    tree = render(sample_project, placeholders=True)
    first_quote = next(tree.quotes())
    assert first_quote.placeholder == "[quote removed: the segment was deleted]"
    assert any(
        i.blocking and i.message == "quote removed: the segment was deleted" for i in tree.issues
    )
    # Researcher A's letter goes to the next researcher quoted
    assert [q.lead_in or "" for q in tree.quotes()][1].startswith("Researcher A is working")


def test_translation_and_identity_follow_the_consent(sample_project: Project) -> None:
    with sample_project.write() as s:
        p14 = find_respondent(s, "P14").id
        record_event(s, p14, "granted", date(2025, 5, 1), level="handle", translation_allowed=False)
    with pytest.raises(QuotesBlocked) as caught:
        render(sample_project)
    assert caught.value.decisions[0].reason is BlockReason.TRANSLATION_NOT_ALLOWED
    with sample_project.write() as s:
        record_event(s, p14, "granted", date(2025, 5, 2), level="handle", translation_allowed=True)
        posts.update_settings(s, 1, max_identity="anonymous")
    tree = render(sample_project)
    assert "Hybrid B on pair coding:" in [q.lead_in for q in tree.quotes()]
    assert "forum ID" not in tree.consent_note


def test_quotes_and_figures_are_live(sample_project: Project) -> None:
    with sample_project.write() as s:
        block = s.scalar(select(Block).where(Block.kind == BlockKind.QUOTE).order_by(Block.id))
        assert block is not None and block.segment_id is not None
        seg = s.get(Segment, block.segment_id)
        assert seg is not None
        coding.resize(s, seg.id, seg.start, seg.start + 8)
        hybrid = find_code(s, "Role/Hybrid").id
        p01_seg = s.get(Segment, block.segment_id)
        assert p01_seg is not None
        coding.code_span(s, p01_seg.response_id, 0, 3, [hybrid])  # P01 is now hybrid too
    tree = render(sample_project)
    assert next(tree.quotes()).text == "We read "
    stats = [n.text for s in tree.sections for n in s.nodes if isinstance(n, Statistic)]
    assert stats[2].startswith("63% ")  # 19 of 30


def test_broken_statistics_and_profiles_are_issues(sample_project: Project) -> None:
    with sample_project.write() as s:
        stat = s.scalar(select(Block).where(Block.kind == BlockKind.STATISTIC))
        assert stat is not None
        stat.data = {**stat.data, "code_ids": [9999]}
    tree = render(sample_project)
    texts = [n.text for s in tree.sections for n in s.nodes if isinstance(n, Statistic)]
    assert texts[0] == "[statistic unavailable: code 9999 was deleted]"
    assert [i.blocking for i in tree.issues] == [False]


def test_render_of_a_missing_post(sample_project: Project) -> None:
    with sample_project.read() as s, pytest.raises(NotFound, match="no post 42"):
        render_post(s, 42)


def test_rich_text() -> None:
    spans = inline(
        r"**Bold** and *italic* in a [link](https://example.org/a_b) \*not\* lagged_features"
    )
    assert [(s.text, s.bold, s.italic, s.href) for s in spans] == [
        ("Bold", True, False, None),
        (" and ", False, False, None),
        ("italic", False, True, None),
        (" in a ", False, False, None),
        ("link", False, False, "https://example.org/a_b"),
        (" *not* lagged_features", False, False, None),
    ]
    assert [s.href for s in inline("[x](javascript:alert(1))")] == [None]
    assert "".join(s.text for s in inline("a * b")) == "a * b"
    nodes = parse_blocks("Intro line\ncontinues.\n\n- one\n- **two**\nAfter.")
    assert isinstance(nodes[0], Paragraph) and nodes[0].text == "Intro line continues."
    assert isinstance(nodes[1], BulletList) and nodes[1].texts == ["one", "two"]
    assert isinstance(nodes[2], Paragraph) and nodes[2].text == "After."


def test_context_and_topic_phrases() -> None:
    words = {"large company": "large", "e-commerce": "E-commerce"}
    template = "is working in {a} {Company size} {Industry} company"
    values = {"Company size": "large company", "Industry": "tech"}
    assert context_phrase(template, values, words) == "is working in a large tech company"
    assert context_phrase(
        "is working in {a} {Industry} company", {"Industry": "e-commerce"}, words
    ) == ("is working in an E-commerce company")
    assert context_phrase(template, {}, words) == "is working in a company"
    assert topic_phrase("What is engineering") == "on what is engineering"
    assert topic_phrase("ML ops") == "on ML ops"
    assert re.fullmatch(r"on \w+", topic_phrase("Interview"))


def test_a_deleted_group_code_is_an_issue(sample_project: Project) -> None:
    import json

    from dotsdesk.model import Setting

    with sample_project.write() as s:
        row = s.get(Setting, "post:1")
        assert row is not None
        row.value = json.dumps({**json.loads(row.value), "group_code_id": 9999})
    tree = render(sample_project)
    assert "labels: the code that named the groups was deleted" in [i.message for i in tree.issues]
    assert next(tree.quotes()).lead_in == "Respondent A is working in a large tech company:"
