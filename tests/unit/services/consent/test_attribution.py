"""Attribution: the labels a post prints, from codes, attributes and consent."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from typing import Any

import pytest
from sqlalchemy import event, select
from sqlalchemy.orm import Session

from dotsdesk.errors import InvalidOperation, NotFound
from dotsdesk.model import (
    Block,
    BlockKind,
    ConsentLevel,
    Post,
    Respondent,
    Response,
    Section,
    Segment,
)
from dotsdesk.services.coding.codebook import ensure_code
from dotsdesk.services.coding.segments import code_span
from dotsdesk.services.consent.attribution import Attributor, first_appearance, letters
from dotsdesk.services.consent.events import record_event
from dotsdesk.services.corpus.respondents import add_respondent, set_identity
from dotsdesk.services.corpus.responses import add_response
from dotsdesk.services.sample import build_sample, load_sample_data
from dotsdesk.store import Project

D = date
TODAY = D(2025, 6, 1)
TEXT = "I was paired with one of the most experienced software engineers in the company."


def person(
    s: Session,
    key: str,
    role: str | None = "Role/Research",
    level: str | None = "anonymous",
    identity: dict[str, str] | None = None,
    attributes: dict[str, Any] | None = None,
    extra_roles: tuple[str, ...] = (),
) -> int:
    """A respondent with one answer coded with `role` (and `extra_roles`) and a grant."""
    rid = add_respondent(s, key, identity=identity, attributes=attributes).id
    resp = add_response(s, rid, TEXT, language="en").id
    for i, path in enumerate(([role] if role else []) + list(extra_roles)):
        code_span(s, resp, i, i + 5, [ensure_code(s, path).id])
    if level:
        # A grant by handle or name needs it on file when recorded; a test without one
        # stands for identity cleared after the grant, which attribution must survive.
        needed = level if level in ("handle", "name") else None
        respondent = s.get(Respondent, rid)
        assert respondent is not None
        if needed and not (identity or {}).get(needed):
            set_identity(s, respondent, {needed: "on file when granted"})
            record_event(s, rid, "granted", D(2025, 1, 1), level=level)
            set_identity(s, respondent, {needed: None})
        else:
            record_event(s, rid, "granted", D(2025, 1, 1), level=level)
    return rid


def labels(project: Project, ids: list[int], **options: Any) -> list[str]:
    options.setdefault("group_code_path", "Role")
    with project.read() as s:
        attributor = Attributor(s, today=TODAY, **options)
        return [attributor.label(rid).label for rid in ids]


@pytest.mark.parametrize(
    ("index", "expected"),
    [
        (0, "A"),
        (1, "B"),
        (25, "Z"),
        (26, "AA"),
        (27, "AB"),
        (51, "AZ"),
        (52, "BA"),
        (701, "ZZ"),
        (702, "AAA"),
    ],
)
def test_letters(index: int, expected: str) -> None:
    assert letters(index) == expected


def test_letters_refuse_negative() -> None:
    with pytest.raises(ValueError):
        letters(-1)


def test_letters_per_group_in_order_of_first_appearance(project: Project) -> None:
    with project.write() as s:
        r1 = person(s, "r1", "Role/Research")
        e1 = person(s, "e1", "Role/Engineering")
        r2 = person(s, "r2", "Role/Research")
        h1 = person(s, "h1", "Role/Hybrid")
    # Asked in the post's order, not the ids' order.
    assert labels(project, [e1, r2, h1, r1, r2, e1]) == [
        "Engineer A",
        "Researcher A",
        "Hybrid A",
        "Researcher B",
        "Researcher A",  # stable: asked again, same label
        "Engineer A",
    ]


def test_letters_past_z(project: Project) -> None:
    with project.write() as s:
        ids = [person(s, f"p{i:02d}", "Role/Hybrid") for i in range(29)]
    got = labels(project, ids)
    assert got[0] == "Hybrid A" and got[25] == "Hybrid Z"
    assert got[26:] == ["Hybrid AA", "Hybrid AB", "Hybrid AC"]
    assert len(set(got)) == 29


def test_chinese_handle_with_forum(project: Project) -> None:
    ident = {"name": "柯晓", "email": "kexiao@example.com", "forum": "1point3acres BBS"}
    with project.write() as s:
        a = person(s, "a", "Role/Hybrid")
        b = person(s, "b", "Role/Hybrid", level="handle", identity={**ident, "handle": "小K"})
        c = person(s, "c", "Role/Hybrid", level="handle", identity={"handle": "北美搬砖喵"})
        d = person(s, "d", "Role/Hybrid", level="handle", identity={"forum": "Zhihu"})
    with project.read() as s:
        attributor = Attributor(s, group_code_path="Role", today=TODAY)
        attributor.label(a)
        got = attributor.label(b)
        assert got.label == "Hybrid B (1point3acres BBS, 小K)"
        assert (got.identity_level, got.group, got.letter) == (ConsentLevel.HANDLE, "Hybrid", "B")
        assert attributor.label(c).label == "Hybrid C (北美搬砖喵)"  # no forum recorded
        no_handle = attributor.label(d)  # a forum alone names no one
        assert (no_handle.label, no_handle.identity_level) == ("Hybrid D", ConsentLevel.ANONYMOUS)


def test_level_name(project: Project) -> None:
    with project.write() as s:
        jane = person(s, "j", level="name", identity={"name": "Jane Doe", "handle": "jd"})
        handle_only = person(s, "h", level="name", identity={"forum": "Kaggle", "handle": "tg"})
        nothing = person(s, "n", level="name")
    with project.read() as s:
        attributor = Attributor(s, group_code_path="Role", today=TODAY)
        first = attributor.label(jane)
        assert (first.label, first.identity_level) == ("Researcher A (Jane Doe)", ConsentLevel.NAME)
        assert attributor.label(handle_only).label == "Researcher B (Kaggle, tg)"
        assert attributor.label(nothing).label == "Researcher C"
    # The author may publish less than the consent allows.
    capped = labels(project, [jane], max_identity=ConsentLevel.HANDLE)
    assert capped == ["Researcher A (jd)"]
    assert labels(project, [jane], max_identity=ConsentLevel.ANONYMOUS) == ["Researcher A"]


def test_identity_only_with_a_current_grant(project: Project) -> None:
    ident = {"name": "Claire Dubois", "forum": "Reddit", "handle": "lagged_features"}
    with project.write() as s:
        anonymous = person(s, "a", level="anonymous", identity=ident)
        withdrawn = person(s, "w", level="handle", identity=ident)
        record_event(s, withdrawn, "withdrawn", D(2025, 2, 1))
        pending = person(s, "p", level=None, identity=ident)
        record_event(s, pending, "requested", D(2025, 1, 1))
        expired = person(s, "x", level=None, identity=ident)
        record_event(s, expired, "granted", D(2025, 1, 1), level="name", expires=D(2025, 2, 1))
        never = person(s, "n", level=None, identity=ident)
        allowed = person(s, "ok", level="handle", identity=ident)
    with project.read() as s, count_identity_reads(project) as reads:
        attributor = Attributor(s, group_code_path="Role", today=TODAY)
        got = attributor.labels([anonymous, withdrawn, pending, expired, never])
        assert reads == []  # identity never even read
        assert attributor.label(allowed).label == "Researcher F (Reddit, lagged_features)"
        assert len(reads) == 1  # (the spy does see a read when one is allowed)
    assert [a.label for a in got] == [f"Researcher {x}" for x in "ABCDE"]
    assert {a.identity_level for a in got} == {ConsentLevel.ANONYMOUS}


@contextmanager
def count_identity_reads(project: Project) -> Iterator[list[str]]:
    seen: list[str] = []

    def listen(_conn, _cursor, statement: str, *_args) -> None:  # type: ignore[no-untyped-def]
        if "identity" in statement.lower():
            seen.append(statement)

    event.listen(project.engine, "before_cursor_execute", listen)
    try:
        yield seen
    finally:
        event.remove(project.engine, "before_cursor_execute", listen)


def test_overrides_take_no_letter(project: Project) -> None:
    with project.write() as s:
        r1 = person(s, "r1")
        senior = person(s, "senior")
        r2 = person(s, "r2")
        xk = person(s, "xk", "Role/Hybrid", level="handle", identity={"handle": "小K"})
    overrides = {senior: "Experienced researcher", xk: "Senior hybrid", r2: "  "}
    assert labels(project, [r1, senior, r2, xk], overrides=overrides) == [
        "Researcher A",
        "Experienced researcher",
        "Researcher B",  # a blank override is no override
        "Senior hybrid (小K)",  # identity still follows the consent
    ]
    with project.read() as s:
        got = Attributor(s, group_code_path="Role", overrides=overrides).label(senior)
        assert got.letter is None and got.group == "Researcher"


def test_group_words_and_fallback(project: Project) -> None:
    with project.write() as s:
        r = person(s, "r", "Role/Research")
        m = person(s, "m", "Role/Marketing")
        none = person(s, "none", None)
        nested = person(s, "nested", "Role/Hybrid/Research-heavy")
        eng = person(s, "eng", "Role/Engineering")
    assert labels(project, [r, m, none, nested, eng]) == [
        "Researcher A",
        "Marketing A",  # no default word: the code's own name
        "Respondent A",  # not coded under Role
        "Hybrid A",  # a grandchild counts for its child of Role
        "Engineer A",
    ]
    words = {"Research": "Scientist", "Marketing": "Marketer"}
    assert labels(project, [r, m, none], words=words, fallback="Person") == [
        "Scientist A",
        "Marketer A",
        "Person A",
    ]
    # No grouping at all: everyone is a Respondent.
    assert labels(project, [r, m], group_code_path=None) == ["Respondent A", "Respondent B"]


def test_majority_code_decides_ties_go_to_the_codebook_order(project: Project) -> None:
    with project.write() as s:
        ensure_code(s, "Role/Research")
        ensure_code(s, "Role/Engineering")
        two_eng = person(s, "a", "Role/Research", extra_roles=("Role/Engineering",) * 2)
        tie = person(s, "b", "Role/Engineering", extra_roles=("Role/Research",))
    assert labels(project, [two_eng, tie]) == ["Engineer A", "Researcher A"]


def test_group_from_an_attribute(project: Project) -> None:
    with project.write() as s:
        a = person(s, "a", None, attributes={"Job title": "data scientist"})
        b = person(s, "b", None, attributes={"Job title": "研究科学家"})
        c = person(s, "c", None, attributes={"Job title": "data scientist"})
        d = person(s, "d", None)
    got = labels(project, [a, b, c, d], group_code_path=None, group_attribute="Job title")
    assert got == ["Data scientist A", "研究科学家 A", "Data scientist B", "Respondent A"]
    words = {"data scientist": "DS"}
    got = labels(project, [a], group_code_path=None, group_attribute="Job title", words=words)
    assert got == ["DS A"]


def test_bad_options(project: Project) -> None:
    with project.write() as s:
        person(s, "a")
    with project.read() as s:
        with pytest.raises(InvalidOperation):
            Attributor(s, group_code_path="Role", group_attribute="Job title")
        with pytest.raises(NotFound):
            Attributor(s, group_code_path="No such code")
        with pytest.raises(NotFound):
            Attributor(s, group_attribute="No such attribute")


def test_identity_level_assigns_no_letter(project: Project) -> None:
    with project.write() as s:
        a = person(s, "a", level="handle", identity={"handle": "小K"})
        b = person(s, "b")
    with project.read() as s:
        attributor = Attributor(s, group_code_path="Role", today=TODAY)
        assert attributor.identity_level(a) is ConsentLevel.HANDLE
        assert attributor.identity_level(b) is ConsentLevel.ANONYMOUS
        assert attributor.given == {}
        assert attributor.label(b).label == "Researcher A"
        assert list(attributor.given) == [b]


def test_the_posts_attributions_from_the_sample(project: Project) -> None:
    """The labels of Connect the Dots No.4, produced from the sample's codes and consent."""
    data = load_sample_data()
    with project.write() as s:
        build_sample(s)
    with project.read() as s:
        ids = dict(s.execute(select(Respondent.key, Respondent.id)).all())
        overrides = {
            ids["P05"]: "Researcher X",
            ids["P06"]: "Experienced researcher",
            ids["P10"]: "Experienced engineer",
        }
        words = {"Research": "Researcher", "Engineering": "Engineer", "Hybrid": "Hybrid"}
        attributor = Attributor(
            s, group_code_path="Role", words=words, overrides=overrides, today=TODAY
        )
        quoted = [p for p in data["respondents"] if p.get("post_label")]
        got = {p["key"]: attributor.label(ids[p["key"]]).label for p in quoted}
    expected = {p["key"]: p["post_label"] for p in quoted}
    expected["P14"] = "Hybrid B (1point3acres BBS, 小K)"  # as the post prints it
    assert got == expected
    assert {"Researcher A", "Experienced engineer", "Researcher X"} <= set(got.values())


def test_first_appearance_in_a_post(project: Project) -> None:
    with project.write() as s:
        ids = [person(s, k) for k in ("a", "b", "c")]
        seg = {
            rid: s.scalar(select(Segment.id).join(Response).where(Response.respondent_id == rid))
            for rid in ids
        }
        post = Post(title="Do you write production code?", series="Connect the Dots", number=4)
        s.add(post)
        s.flush()
        second = Section(post_id=post.id, position=1, title="Engineering")
        first = Section(post_id=post.id, position=0, title="Research")
        s.add_all([first, second])
        s.flush()
        s.add_all(
            [
                Block(
                    section_id=second.id, position=0, kind=BlockKind.QUOTE, segment_id=seg[ids[0]]
                ),
                Block(section_id=first.id, position=0, kind=BlockKind.PARAGRAPH, data={}),
                Block(
                    section_id=first.id, position=2, kind=BlockKind.QUOTE, segment_id=seg[ids[0]]
                ),
                Block(
                    section_id=first.id, position=1, kind=BlockKind.QUOTE, segment_id=seg[ids[2]]
                ),
                Block(section_id=second.id, position=1, kind=BlockKind.QUOTE, segment_id=None),
            ]
        )
        post_id = post.id
    with project.read() as s:
        assert first_appearance(s, post_id) == [ids[2], ids[0]]
        assert first_appearance(s, 999) == []
