"""The consent gate: every reason a quote is blocked, and what passes."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from typing import Any

import pytest
from sqlalchemy import event, select
from sqlalchemy.orm import Session

from dotsdesk.model import ConsentLevel, Respondent, Response, Segment
from dotsdesk.services.coding.codebook import ensure_code
from dotsdesk.services.coding.segments import code_span, uncode
from dotsdesk.services.consent.events import record_event
from dotsdesk.services.consent.gate import (
    BlockReason,
    GateDecision,
    QuoteRequest,
    QuotesBlocked,
    blocked_placeholder,
    check_quote,
    check_quotes,
    refuse_blocked,
)
from dotsdesk.services.corpus.respondents import add_respondent
from dotsdesk.services.corpus.responses import add_response
from dotsdesk.services.sample import build_sample
from dotsdesk.store import Project

D = date
TODAY = D(2025, 6, 1)
A, H, N = ConsentLevel.ANONYMOUS, ConsentLevel.HANDLE, ConsentLevel.NAME
PRIVATE = {
    "name": "柯晓",
    "email": "kexiao@example.com",
    "forum": "1point3acres BBS",
    "handle": "小K",
}


def person(s: Session, key: str, *events: tuple[str, date, dict[str, Any]]) -> int:
    """A respondent with private identity, one answer, one segment; returns the segment id."""
    rid = add_respondent(s, key, identity=PRIVATE if key == "P14" else {"name": f"Name {key}"}).id
    text = "在小公司里更容易安排结对编程。It is easier to pair program in a small company."
    resp = add_response(s, rid, text, language="zh")
    seg = code_span(s, resp.id, 0, 14, [ensure_code(s, "Theme/Pair coding").id]).id
    for kind, when, details in events:
        record_event(s, rid, kind, when, **details)
    return seg


def decide(project: Project, *requests: QuoteRequest, today: date = TODAY) -> list[GateDecision]:
    with project.read() as s:
        return check_quotes(s, list(requests), today)


def one(project: Project, seg: int | None, identity: ConsentLevel = A, translation: bool = False):  # type: ignore[no-untyped-def]
    return decide(project, QuoteRequest(seg, identity, translation))[0]


GRANT = ("granted", D(2025, 1, 2), {"level": "anonymous"})


@pytest.mark.parametrize(
    ("events", "reason", "words"),
    [
        ([], BlockReason.NEVER_ASKED, "never asked"),
        ([("requested", D(2025, 1, 1), {})], BlockReason.PENDING, "pending (asked 2025-01-01)"),
        (
            [("requested", D(2025, 1, 1), {}), ("declined", D(2025, 1, 3), {})],
            BlockReason.DECLINED,
            "declined on 2025-01-03",
        ),
        (
            [GRANT, ("withdrawn", D(2025, 3, 1), {"note": "changed mind"})],
            BlockReason.WITHDRAWN,
            "withdrawn on 2025-03-01",
        ),
        (
            [("granted", D(2025, 1, 1), {"level": "name", "expires": D(2025, 5, 31)})],
            BlockReason.EXPIRED,
            "expired on 2025-05-31",
        ),
        ([("note", D(2025, 1, 1), {"note": "met at a meetup"})], BlockReason.NEVER_ASKED, "never"),
    ],
)
def test_blocked_by_status(
    project: Project, events: list[Any], reason: BlockReason, words: str
) -> None:
    with project.write() as s:
        seg = person(s, "P14", *events)
    d = one(project, seg)
    assert not d.allowed
    assert d.reason is reason
    assert d.message.startswith("P14: ") and words in d.message
    assert d.label == "P14"
    for private in PRIVATE.values():
        assert private not in d.message


def test_expiry_is_judged_on_the_day_given(project: Project) -> None:
    with project.write() as s:
        seg = person(s, "P1", ("granted", D(2025, 1, 1), {"level": "anonymous", "expires": TODAY}))
    assert decide(project, QuoteRequest(seg), today=TODAY)[0].allowed
    later = decide(project, QuoteRequest(seg), today=D(2025, 6, 2))[0]
    assert later.reason is BlockReason.EXPIRED


def test_out_of_scope(project: Project) -> None:
    with project.write() as s:
        seg = person(s, "P1")
        rid = s.scalar(select(Respondent.id).where(Respondent.key == "P1"))
        resp = s.scalar(select(Response.id).where(Response.respondent_id == rid))
        other = code_span(s, resp, 20, 30, [ensure_code(s, "Theme/Other").id]).id
        record_event(s, rid, "granted", D(2025, 1, 1), level="anonymous", segment_ids=[seg])
    inside, outside = decide(project, QuoteRequest(seg), QuoteRequest(other))
    assert inside.allowed
    assert outside.reason is BlockReason.OUT_OF_SCOPE
    assert f"not segment {other}" in outside.message


def test_translation_needs_its_own_permission(project: Project) -> None:
    with project.write() as s:
        no = person(s, "P1", ("granted", D(2025, 1, 1), {"level": "anonymous"}))
        yes = person(
            s, "P2", ("granted", D(2025, 1, 1), {"level": "anonymous", "translation_allowed": True})
        )
    assert one(project, no).allowed  # the original is fine
    assert one(project, no, translation=True).reason is BlockReason.TRANSLATION_NOT_ALLOWED
    assert one(project, yes, translation=True).allowed


@pytest.mark.parametrize(
    ("level", "asked", "allowed"),
    [
        ("anonymous", A, True),
        ("anonymous", H, False),
        ("anonymous", N, False),
        ("handle", A, True),
        ("handle", H, True),
        ("handle", N, False),
        ("name", A, True),
        ("name", H, True),
        ("name", N, True),
    ],
)
def test_identity_beyond_level(
    project: Project, level: str, asked: ConsentLevel, allowed: bool
) -> None:
    with project.write() as s:
        seg = person(s, "P14", ("granted", D(2025, 1, 1), {"level": level}))
    d = one(project, seg, identity=asked)
    assert d.allowed is allowed
    if not allowed:
        assert d.reason is BlockReason.IDENTITY_BEYOND_LEVEL
        shown = "forum handle" if asked is H else "name"
        assert f"shows their {shown}" in d.message
        for private in PRIVATE.values():
            assert private not in d.message


def test_segment_deleted(project: Project) -> None:
    with project.write() as s:
        seg = person(s, "P1", GRANT)
    with project.write() as s:
        uncode(s, seg)  # its only code: the segment goes
    for request in (QuoteRequest(seg), QuoteRequest(None), QuoteRequest(999_999)):
        d = one(project, request.segment_id)
        assert d.reason is BlockReason.SEGMENT_DELETED
        assert d.respondent_id is None and d.label is None


def test_allowed_decision_and_order(project: Project) -> None:
    with project.write() as s:
        ok = person(s, "P1", GRANT)
        bad = person(s, "P2", ("declined", D(2025, 1, 1), {}))
    got = decide(project, QuoteRequest(bad), QuoteRequest(ok), QuoteRequest(None), QuoteRequest(ok))
    assert [d.allowed for d in got] == [False, True, False, True]
    assert got[1].reason is None and got[1].message == "P01: allowed"
    assert got[3].request == QuoteRequest(ok)
    with project.read() as s:
        assert check_quote(s, QuoteRequest(ok), TODAY).allowed
        assert check_quotes(s, [], TODAY) == []


def test_placeholders_name_the_reason_not_the_person(project: Project) -> None:
    with project.write() as s:
        seg = person(s, "P14", GRANT, ("withdrawn", D(2025, 2, 1), {}))
        ok = person(s, "P1", GRANT)
    d = one(project, seg)
    assert blocked_placeholder(d) == "[quote withheld: consent withdrawn]"
    for reason in BlockReason:
        text = blocked_placeholder(GateDecision(QuoteRequest(1), reason, "x"))
        assert text.startswith("[quote withheld: ") and text.endswith("]")
        assert "P14" not in text
    with pytest.raises(ValueError):
        blocked_placeholder(one(project, ok))


def test_refuse_blocked_lists_them(project: Project) -> None:
    with project.write() as s:
        segs = [person(s, f"P{i}", ("requested", D(2025, 1, 1), {})) for i in range(5)]
        ok = person(s, "OK", GRANT)
    refuse_blocked(decide(project, QuoteRequest(ok)))  # nothing blocked: no error
    with pytest.raises(QuotesBlocked) as caught:
        refuse_blocked(decide(project, QuoteRequest(ok), *map(QuoteRequest, segs)), "post.docx")
    assert len(caught.value.decisions) == 5
    text = str(caught.value)
    assert text.startswith("post.docx: 5 quote(s) blocked") and "and 2 more" in text


@contextmanager
def count_queries(project: Project) -> Iterator[list[str]]:
    seen: list[str] = []

    def listen(_conn, _cursor, statement, *_args) -> None:  # type: ignore[no-untyped-def]
        seen.append(statement)

    event.listen(project.engine, "before_cursor_execute", listen)
    try:
        yield seen
    finally:
        event.remove(project.engine, "before_cursor_execute", listen)


def test_a_hundred_quotes_take_three_queries(project: Project) -> None:
    with project.write() as s:
        segs = [person(s, f"P{i:03d}", GRANT) for i in range(100)]
    with project.read() as s:
        s.scalar(select(Segment.id).limit(1))  # the session's own start-up, not counted
        with count_queries(project) as seen:
            got = check_quotes(s, [QuoteRequest(x) for x in segs], TODAY)
    assert all(d.allowed for d in got)
    assert len(seen) <= 3


def test_the_sample_blocks_exactly_the_unconsented(project: Project) -> None:
    """Held-out check on the sample: pending, withdrawn, declined and never-asked respondents
    are blocked; a Chinese answer without translation permission cannot go out translated."""
    with project.write() as s:
        build_sample(s)
    with project.read() as s:
        rows = s.execute(
            select(Segment.id, Respondent.key, Response.language)
            .join(Response, Response.id == Segment.response_id)
            .join(Respondent, Respondent.id == Response.respondent_id)
        ).all()
        originals = check_quotes(s, [QuoteRequest(r.id) for r in rows], TODAY)
        translated = check_quotes(
            s, [QuoteRequest(r.id, translation=True) for r in rows if r.language == "zh"], TODAY
        )
    blocked = {r.key: d.reason for r, d in zip(rows, originals, strict=True) if not d.allowed}
    assert blocked == {
        "P17": BlockReason.PENDING,
        "P22": BlockReason.WITHDRAWN,
        "P26": BlockReason.PENDING,
        "P29": BlockReason.DECLINED,
        "P30": BlockReason.NEVER_ASKED,
    }
    zh = [r.key for r in rows if r.language == "zh"]
    refused = {k for k, d in zip(zh, translated, strict=True) if not d.allowed}
    assert refused == {"P27"}  # the other Chinese answers may be translated
    assert all(
        d.reason is BlockReason.TRANSLATION_NOT_ALLOWED
        for k, d in zip(zh, translated, strict=True)
        if k in refused
    )
