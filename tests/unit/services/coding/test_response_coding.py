"""`ResponseCoding` moves counts exactly: after each change to a response's segments, the
counts it had plus what `moved` says are the counts `list_codes` gives afresh, for every
code on its own and every parent with all its sub-codes (distinct segments and people)."""

from __future__ import annotations

import random

from sqlalchemy.orm import Session

from dotsdesk.services.coding.codebook import ensure_code, list_codes
from dotsdesk.services.coding.segments import code_span, uncode
from dotsdesk.services.coding.usage import ResponseCoding
from dotsdesk.services.corpus.respondents import add_respondent
from dotsdesk.services.corpus.responses import add_response
from dotsdesk.store import Project

TEXT = "研究 and research 🙂 cafe\u0301 面试 👩‍💻 生产环境 pipeline 代码 review 工程师 data"
PATHS = ("Role", "Role/Research", "Role/Research/Deep", "Role/Engineering", "Theme", "Theme/汉字")


def counts(s: Session) -> dict[int, tuple[tuple[int, int], tuple[int, int] | None]]:
    return {c.id: ((c.segments, c.respondents), c.subtree) for c in list_codes(s)}


def groups(s: Session) -> dict[tuple[str, int], list[int]]:
    """Each code on its own, and each parent with everything under it."""
    infos = list_codes(s)
    out: dict[tuple[str, int], list[int]] = {("own", c.id): [c.id] for c in infos}
    for c in infos:
        if c.subtree is not None:
            out[("all", c.id)] = [d.id for d in infos if d.path.startswith(c.path + "/")] + [c.id]
    return out


def check(s: Session, was: dict, coding: ResponseCoding, before: dict) -> None:  # type: ignore[type-arg]
    now = counts(s)
    for (kind, code), ids in groups(s).items():
        segments, people = coding.moved(before, ids)
        old = was[code][0] if kind == "own" else was[code][1]
        new = now[code][0] if kind == "own" else now[code][1]
        assert old is not None and (old[0] + segments, old[1] + people) == new, (kind, code)


def test_moves_match_a_fresh_count(project: Project) -> None:
    with project.write() as s:
        a, b = add_respondent(s, "甲"), add_respondent(s, "b 🙂")
        mine = add_response(s, a.id, TEXT).id
        other_of_mine = add_response(s, a.id, "另一个回答 🙂 another answer").id
        theirs = add_response(s, b.id, "别人的 answer 👩‍💻").id
        code = {p: ensure_code(s, p).id for p in PATHS}
        code_span(s, other_of_mine, 0, 3, [code["Theme/汉字"]])  # the same person elsewhere
        code_span(s, theirs, 0, 3, [code["Role/Research"]])
        code_span(s, mine, 0, 2, [code["Role/Engineering"]])
    rng = random.Random(18)
    with project.read() as s:
        coding = ResponseCoding.read(s, mine)
    assert coding is not None and coding.elsewhere == {code["Theme/汉字"]}
    for _ in range(40):
        with project.read() as s:
            was = counts(s)
        with project.write() as s:
            if coding.segments and rng.random() < 0.4:
                segment = rng.choice(sorted(coding.segments))
                on = sorted(coding.segments[segment])
                uncode(s, segment, rng.choice(on) if rng.random() < 0.7 else None)
            else:
                start = rng.randrange(0, 8) * 3  # the same spans come back: codes are added
                chosen = rng.sample(sorted(code.values()), rng.choice((1, 1, 2)))
                segment = code_span(s, mine, start, start + 3, chosen, coder="t").id
        with project.read() as s:
            before = coding.change(s, [segment])
            assert before is not None
            check(s, was, coding, before)
            assert coding.segments == ResponseCoding.read(s, mine).segments  # type: ignore[union-attr]


def test_a_person_leaves_a_parent_only_with_their_last_segment(project: Project) -> None:
    with project.write() as s:
        person = add_respondent(s, "P1")
        response = add_response(s, person.id, TEXT).id
        role, research, engineering = (
            ensure_code(s, p).id for p in ("Role", "Role/Research", "Role/Engineering")
        )
        first = code_span(s, response, 0, 2, [research], coder="t").id
        second = code_span(s, response, 3, 6, [engineering], coder="t").id
    with project.read() as s:
        coding = ResponseCoding.read(s, response)
    assert coding is not None
    under_role = [role, research, engineering]
    for segment, expected in ((first, (-1, 0)), (second, (-1, -1))):
        with project.write() as s:
            uncode(s, segment)
        with project.read() as s:
            before = coding.change(s, [segment])
        assert before is not None and coding.moved(before, under_role) == expected
    assert coding.segments == {}


def test_a_segment_of_another_response_is_not_guessed(project: Project) -> None:
    with project.write() as s:
        person = add_respondent(s, "P1")
        here, there = (add_response(s, person.id, t).id for t in (TEXT, "别处 🙂"))
        code = ensure_code(s, "Role").id
        elsewhere = code_span(s, there, 0, 2, [code], coder="t").id
    with project.read() as s:
        coding = ResponseCoding.read(s, here)
        assert coding is not None
        assert coding.change(s, [elsewhere]) is None
        assert ResponseCoding.read(s, 10**6) is None
        assert coding.change(s, [10**6]) == {10**6: frozenset()}  # gone: no codes before or now
