"""Consent: an append-only list of events, and the permission derived from it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from sqlalchemy import func, select

from dotsdesk.errors import InvalidOperation, NotFound
from dotsdesk.model import (
    ConsentEvent,
    ConsentKind,
    ConsentLevel,
    ConsentScope,
    Respondent,
    consent_scope_segment,
)
from dotsdesk.services.coding.codebook import ensure_code
from dotsdesk.services.coding.segments import code_span, uncode
from dotsdesk.services.consent.events import (
    Consent,
    ConsentStatus,
    current_consent,
    current_consents,
    history,
    record_event,
    record_event_for,
    status_counts,
)
from dotsdesk.services.corpus.respondents import add_respondent, set_identity
from dotsdesk.store import Project

D = date  # brevity


@pytest.fixture
def rid(project: Project) -> int:
    with project.write() as s:
        # A handle and a name on file: grants by handle and by name need them.
        identity = {"forum": "1point3acres", "handle": "小K", "name": "柯晓"}
        return add_respondent(s, "xiaok@example.com", identity=identity).id


TODAY = D(2025, 6, 1)


def _consent(project: Project, rid: int, today: date = TODAY) -> Consent:
    with project.read() as s:
        return current_consent(s, rid, today=today)


def test_never_asked(project: Project, rid: int) -> None:
    c = _consent(project, rid)
    assert c.status is ConsentStatus.NONE
    assert (c.level, c.translation_allowed, c.last_event, c.requested) == (None, False, None, None)


def test_pending_then_granted(project: Project, rid: int) -> None:
    with project.write() as s:
        record_event(s, rid, "requested", D(2025, 1, 5), channel="1point3acres DM", asked="quote?")
    c = _consent(project, rid)
    assert (c.status, c.requested, c.since) == (ConsentStatus.PENDING, D(2025, 1, 5), D(2025, 1, 5))
    with project.write() as s:
        record_event(
            s, rid, ConsentKind.GRANTED, D(2025, 1, 9), level="handle", translation_allowed=True
        )
    c = _consent(project, rid)
    assert c.status is ConsentStatus.GRANTED
    assert c.level is ConsentLevel.HANDLE
    assert c.translation_allowed is True
    assert c.scope is ConsentScope.ALL
    assert c.segment_ids == frozenset()
    assert (c.since, c.requested, c.last_event) == (D(2025, 1, 9), D(2025, 1, 5), D(2025, 1, 9))


def test_declined_and_withdrawn(project: Project, rid: int) -> None:
    with project.write() as s:
        record_event(s, rid, "requested", D(2025, 1, 1))
        record_event(s, rid, "declined", D(2025, 1, 2))
    assert _consent(project, rid).status is ConsentStatus.DECLINED
    with project.write() as s:
        record_event(s, rid, "granted", D(2025, 2, 1), level="anonymous")
        record_event(s, rid, "withdrawn", D(2025, 3, 1), note="changed their mind")
    c = _consent(project, rid)
    assert c.status is ConsentStatus.WITHDRAWN
    assert c.level is None
    assert c.translation_allowed is False


def test_expired(project: Project, rid: int) -> None:
    with project.write() as s:
        record_event(s, rid, "granted", D(2025, 1, 1), level="name", expires=D(2025, 6, 30))
    assert _consent(project, rid, today=D(2025, 6, 30)).status is ConsentStatus.GRANTED
    expired = _consent(project, rid, today=D(2025, 7, 1))
    assert expired.status is ConsentStatus.EXPIRED
    assert expired.expires == D(2025, 6, 30)
    with project.write() as s:  # a renewed grant
        record_event(s, rid, "granted", D(2025, 7, 2), level="name")
    assert _consent(project, rid, today=D(2030, 1, 1)).status is ConsentStatus.GRANTED


def test_latest_by_occurred_date_not_insertion_order(project: Project, rid: int) -> None:
    with project.write() as s:
        record_event(s, rid, "granted", D(2025, 3, 1), level="handle")
        # Back-filled from an old e-mail: earlier events recorded later.
        record_event(s, rid, "declined", D(2025, 2, 1))
        record_event(s, rid, "requested", D(2025, 1, 1))
    c = _consent(project, rid)
    assert (c.status, c.level, c.since) == (
        ConsentStatus.GRANTED,
        ConsentLevel.HANDLE,
        D(2025, 3, 1),
    )
    assert c.requested == D(2025, 1, 1)
    assert c.last_event == D(2025, 3, 1)
    with project.read() as s:
        assert [e.kind for e in history(s, rid)] == ["requested", "declined", "granted"]


def test_same_day_events_follow_the_order_recorded(project: Project, rid: int) -> None:
    with project.write() as s:
        record_event(s, rid, "granted", D(2025, 3, 1), level="handle")
        record_event(s, rid, "withdrawn", D(2025, 3, 1))
    assert _consent(project, rid).status is ConsentStatus.WITHDRAWN


def test_notes_do_not_change_the_status(project: Project, rid: int) -> None:
    with project.write() as s:
        record_event(s, rid, "note", D(2025, 1, 1), note="met at a meetup")
    c = _consent(project, rid)
    assert (c.status, c.last_event) == (ConsentStatus.NONE, D(2025, 1, 1))
    with project.write() as s:
        record_event(s, rid, "granted", D(2025, 2, 1), level="anonymous", translation_allowed=False)
        record_event(s, rid, "note", D(2025, 4, 1), note="asked about the draft")
    c = _consent(project, rid)
    assert (c.status, c.level, c.since, c.last_event) == (
        ConsentStatus.GRANTED,
        ConsentLevel.ANONYMOUS,
        D(2025, 2, 1),
        D(2025, 4, 1),
    )


@pytest.mark.parametrize(
    "details",
    [
        {"kind": "granted"},  # no level
        {"kind": "granted", "level": "name", "scope": "segments"},  # scoped, no segments
        {"kind": "granted", "level": "name", "expires": D(2024, 1, 1)},  # expires before given
        {"kind": "requested", "level": "name"},
        {"kind": "declined", "expires": D(2026, 1, 1)},
        {"kind": "note", "segment_ids": [1]},
    ],
)
def test_invalid_events_are_refused(project: Project, rid: int, details: dict) -> None:  # type: ignore[type-arg]
    with pytest.raises(InvalidOperation), project.write() as s:
        record_event(s, rid, occurred=D(2025, 1, 1), **details)
    with project.read() as s:
        assert s.scalar(select(func.count(ConsentEvent.id))) == 0


def test_unknown_kind_or_level_is_refused(project: Project, rid: int) -> None:
    with project.write() as s:
        with pytest.raises(ValueError):
            record_event(s, rid, "maybe", D(2025, 1, 1))
        with pytest.raises(ValueError):
            record_event(s, rid, "granted", D(2025, 1, 1), level="full name and address")


def test_scoped_grant_keeps_its_segments(
    project: Project, rid: int, make_response: Callable[..., int]
) -> None:
    resp = make_response("我在面试的时候 👩‍💻 被问到很多问题", key="xiaok@example.com")
    with project.write() as s:
        code = ensure_code(s, "Theme").id
        a = code_span(s, resp, 2, 4, [code]).id
        b = code_span(s, resp, 8, 11, [code]).id
        c = code_span(s, resp, 0, 1, [code]).id
        record_event(s, rid, "granted", D(2025, 1, 1), level="handle", segment_ids=[b, a, a])
    got = _consent(project, rid)
    assert got.status is ConsentStatus.GRANTED
    assert got.scope is ConsentScope.SEGMENTS
    assert got.segment_ids == frozenset({a, b})
    assert c not in got.segment_ids
    # A later grant of everything replaces the scoped one.
    with project.write() as s:
        record_event(s, rid, "granted", D(2025, 2, 1), level="handle", scope="all")
    assert _consent(project, rid).segment_ids == frozenset()
    assert _consent(project, rid).scope is ConsentScope.ALL
    # The old scope stays in history, but a deleted segment leaves it.
    with project.write() as s:
        uncode(s, a)
    with project.read() as s:
        old = history(s, rid)[0]
        assert old.scope is ConsentScope.SEGMENTS
        rows = s.execute(select(consent_scope_segment)).all()
        assert [tuple(r) for r in rows] == [(old.id, b)]


def test_record_event_for_key_or_label(project: Project, rid: int) -> None:
    with project.write() as s:
        record_event_for(s, "P01", "requested", D(2025, 1, 1))
        record_event_for(s, "xiaok@example.com", "granted", D(2025, 1, 2), level="name")
        with pytest.raises(NotFound):
            record_event_for(s, "nobody", "requested", D(2025, 1, 1))
    assert _consent(project, rid).status is ConsentStatus.GRANTED


def test_current_consents_and_status_counts(project: Project) -> None:
    plan = {
        "none": [],
        "pending": [("requested", D(2025, 1, 1), {})],
        "granted": [("granted", D(2025, 1, 1), {"level": "anonymous"})],
        "granted2": [("granted", D(2025, 1, 1), {"level": "name", "expires": D(2025, 12, 31)})],
        "declined": [("requested", D(2025, 1, 1), {}), ("declined", D(2025, 1, 3), {})],
        "withdrawn": [
            ("granted", D(2025, 1, 1), {"level": "name"}),
            ("withdrawn", D(2025, 2, 1), {}),
        ],
        "expired": [("granted", D(2025, 1, 1), {"level": "handle", "expires": D(2025, 3, 1)})],
        "noted": [("note", D(2025, 1, 1), {"note": "no reply yet"})],
    }
    ids: dict[str, int] = {}
    with project.write() as s:
        for key, events in plan.items():
            # Handles and names on file: grants by handle and by name need them.
            ids[key] = add_respondent(s, key, identity={"handle": key, "name": key}).id
            for kind, when, details in events:
                record_event(s, ids[key], kind, when, **details)
    today = D(2025, 6, 1)
    with project.read() as s:
        consents = current_consents(s, today=today)
        counts = status_counts(s, today=today)
        subset = current_consents(s, [ids["granted"], ids["expired"]], today=today)
        empty = current_consents(s, [], today=today)
    assert set(consents) == set(ids.values())
    assert {k: consents[i].status.value for k, i in ids.items()} == {
        "none": "none",
        "pending": "pending",
        "granted": "granted",
        "granted2": "granted",
        "declined": "declined",
        "withdrawn": "withdrawn",
        "expired": "expired",
        "noted": "none",
    }
    assert counts == {
        "none": 2,
        "pending": 1,
        "granted": 2,
        "declined": 1,
        "withdrawn": 1,
        "expired": 1,
    }
    assert list(counts) == [s.value for s in ConsentStatus]
    assert set(subset) == {ids["granted"], ids["expired"]}
    assert empty == {}


def test_status_counts_of_an_empty_project(project: Project) -> None:
    with project.read() as s:
        assert status_counts(s) == {s.value: 0 for s in ConsentStatus}


def test_events_are_appended_never_edited(project: Project, rid: int) -> None:
    with project.write() as s:
        first = record_event(s, rid, "requested", D(2025, 1, 1), channel="", asked="")
        assert (first.channel, first.asked) == (None, None)
        record_event(s, rid, "granted", D(2025, 1, 2), level="name")
        record_event(s, rid, "withdrawn", D(2025, 1, 3))
    with project.read() as s:
        kinds = [e.kind for e in history(s, rid)]
        granted = history(s, rid)[1]
        assert granted.level is ConsentLevel.NAME
        assert granted.scope is ConsentScope.ALL
    assert kinds == [ConsentKind.REQUESTED, ConsentKind.GRANTED, ConsentKind.WITHDRAWN]


@pytest.mark.parametrize(
    ("level", "on_file", "missing"),
    [
        ("handle", {"forum": "Zhihu", "name": "柯晓"}, "handle"),  # a forum alone names no one
        ("name", {"forum": "Zhihu", "handle": "小K"}, "name"),
    ],
)
def test_a_grant_needs_what_it_would_print_on_file(
    project: Project, level: str, on_file: dict[str, str], missing: str
) -> None:
    with project.write() as s:
        rid = add_respondent(s, "k1", identity=on_file).id
        add_respondent(s, "k2")  # nothing on file at all
    for who in ("k1", "k2"):
        with (
            pytest.raises(InvalidOperation, match=f"no {missing} on file.*consent by {missing}"),
            project.write() as s,
        ):
            record_event_for(s, who, "granted", D(2025, 1, 1), level=level)
    with project.read() as s:
        assert current_consents(s, today=D(2025, 6, 1))[rid].status is ConsentStatus.NONE
    with project.write() as s:
        record_event_for(s, "k2", "granted", D(2025, 1, 1), level="anonymous")  # needs nothing
        set_identity(s, s.get(Respondent, rid), {missing: "added"})  # type: ignore[arg-type]
        record_event(s, rid, "granted", D(2025, 1, 2), level=level)
