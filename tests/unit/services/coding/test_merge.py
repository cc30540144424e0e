"""Merging a colleague's copy: responses found by their text (Chinese, emoji, combining
marks), codes by path, coders kept, memos of every kind, nothing twice, the rest reported."""

from __future__ import annotations

import shutil
from pathlib import Path

from sqlalchemy import func, select

from dotsdesk.model import Code, Memo, Segment
from dotsdesk.services.coding import segments as coding
from dotsdesk.services.coding.codebook import ensure_code, find_code
from dotsdesk.services.coding.colleague import (
    ELSEWHERE,
    NOT_HERE,
    SEVERAL,
    match_responses,
    read_copy,
)
from dotsdesk.services.coding.memos import MemoOn, add_memo, get_memo, set_memo
from dotsdesk.services.coding.merge import merge_copy
from dotsdesk.services.corpus.fingerprints import ResponseFingerprint, text_hash
from dotsdesk.services.corpus.respondents import add_respondent
from dotsdesk.services.corpus.responses import add_response
from dotsdesk.store import Project

EMOJI = "Launch day 🚀🇨🇳 went well 👩‍💻 and then the Python service crashed."
CHINESE = "我在面试的时候被问到很多机器学习的问题，数据科学家的工作其实很杂。"
CAFE = "The cafe\u0301 near the e\u0301cole serves coffee"
PEOPLE = [("r1", EMOJI), ("r2", CHINESE), ("r3", CAFE), ("r1", "Yes."), ("r2", "Yes.")]


def _fill(p: Project, people: list[tuple[str, str]]) -> dict[str, int]:
    """These (respondent key, text) answers; returns "key:text" -> id."""
    ids: dict[str, int] = {}
    with p.write() as s:
        ensure_code(s, "Theme/Impact", colour="#4C9BE8")
        people_ids: dict[str, int] = {}
        for key, text in people:
            if key not in people_ids:
                people_ids[key] = add_respondent(s, key, label=key.upper()).id
            ids[f"{key}:{text}"] = add_response(s, people_ids[key], text, question="Q1").id
    return ids


def _read(path: Path):  # type: ignore[no-untyped-def]
    with Project.open(path, readonly=True) as p, p.read() as s:
        return read_copy(s)


def test_a_colleagues_coding_comes_in_once(
    project: Project, tmp_path: Path, empty_project_file: Path
) -> None:
    """The project here is a file or a server (the fixture runs both); the copy a file."""
    ours = _fill(project, PEOPLE)
    # The copy was imported in another order, so every id differs; it has one answer more.
    shutil.copyfile(empty_project_file, tmp_path / "copy.dots")
    with Project.open(tmp_path / "copy.dots") as copy_project:
        theirs = _fill(copy_project, [*reversed(PEOPLE), ("r9", "Only there 🙂")])
    emoji_start = EMOJI.index("Python")
    with Project.open(tmp_path / "copy.dots") as p, p.write() as s:
        impact = find_code(s, "Theme/Impact").id
        new = ensure_code(s, "Theme/新的", colour="#123456").id
        s.get_one(Code, new).description = "说明 with a description"
        coding.code_span(
            s, theirs[f"r1:{EMOJI}"], emoji_start, emoji_start + 6, [impact, new], coder="bob"
        )
        coding.code_span(s, theirs[f"r2:{CHINESE}"], 4, 8, [new], coder="bob", memo="面试 memo 📝")
        coding.code_span(s, theirs["r2:Yes."], 0, 4, [impact], coder="bob")
        coding.code_span(s, theirs["r9:Only there 🙂"], 0, 4, [impact], coder="bob")
        coding.code_span(s, theirs[f"r3:{CAFE}"], 0, 5, [impact], coder="ann")
        set_memo(s, MemoOn.RESPONSE, theirs[f"r3:{CAFE}"], "café memo", coder="bob")
        set_memo(s, MemoOn.RESPONSE, theirs["r9:Only there 🙂"], "lost memo", coder="bob")
        set_memo(s, MemoOn.CODE, new, "what 新的 means", coder="bob")
        add_memo(s, "project memo", coder_id=None)
    with project.write() as s:
        # ann already coded the same span here: it stays one segment
        coding.code_span(s, ours[f"r3:{CAFE}"], 0, 5, [find_code(s, "Theme/Impact").id],
                         coder="ann")  # fmt: skip

    copy = _read(tmp_path / "copy.dots")
    with project.write() as s:
        report = merge_copy(s, copy)
    assert report.changed
    assert report.responses_matched == 5
    assert report.codes_created == ["Theme/新的"]
    assert (report.segments.added, report.segments.unchanged) == (3, 1)
    assert report.segments_missed == 1
    assert (report.memos_added, report.memos_missed) == (3, 1)
    assert report.coders == ["ann", "bob"]
    [missed] = report.missed
    assert (missed.respondent, missed.segments, missed.memos) == ("R9", 1, 1)
    assert missed.reason == NOT_HERE and "Only there 🙂" in missed.preview
    assert any("not placed: 1 segment and 1 memo on R9, Q1" in line for line in report.lines())

    with project.read() as s:
        made = find_code(s, "Theme/新的")
        assert (made.colour, made.description) == ("#123456", "说明 with a description")
        emoji = coding.segments_of(s, ours[f"r1:{EMOJI}"])
        assert [(v.text, v.coder, len(v.code_ids)) for v in emoji] == [("Python", "bob", 2)]
        [zh] = coding.segments_of(s, ours[f"r2:{CHINESE}"])
        assert (zh.text, zh.memo) == (CHINESE[4:8], "面试 memo 📝")
        # "Yes." went to r2's answer, not r1's
        assert coding.segments_of(s, ours["r1:Yes."]) == []
        assert [v.coder for v in coding.segments_of(s, ours["r2:Yes."])] == ["bob"]
        assert [v.coder for v in coding.segments_of(s, ours[f"r3:{CAFE}"])] == ["ann"]
        assert get_memo(s, MemoOn.RESPONSE, ours[f"r3:{CAFE}"]) == "café memo"
        assert get_memo(s, MemoOn.CODE, made.id) == "what 新的 means"
        counts = _counts(s)

    # Again: nothing new, nothing twice.
    with project.write() as s:
        again = merge_copy(s, copy)
    assert not again.changed
    assert (again.segments.added, again.segments.unchanged) == (0, 4)
    assert (again.memos_added, again.memos_present) == (0, 3)
    with project.read() as s:
        assert _counts(s) == counts


def _counts(s):  # type: ignore[no-untyped-def]
    return tuple(s.scalar(select(func.count()).select_from(t)) for t in (Segment, Memo, Code))


def _fp(rid: int, text: str, key: str, question: str | None = "Q1") -> ResponseFingerprint:
    return ResponseFingerprint(rid, text_hash(text), key, key.upper(), question, text)


def test_matching_never_moves_an_answer_between_people_both_copies_know() -> None:
    ours = [_fp(1, "Yes.", "a"), _fp(2, "Yes.", "b"), _fp(3, "No.", "c"), _fp(4, "Twice", "d"),
            _fp(5, "Twice", "d")]  # fmt: skip
    theirs = [
        _fp(10, "Yes.", "b"),  # b's answer, though a gave the same
        _fp(11, "No.", "a"),  # a is known here, but "No." is c's
        _fp(12, "No.", "x", question=None),  # x is unknown here: a copy keyed differently
        _fp(13, "Twice", "d"),  # d said it twice here: which one?
        _fp(14, "Gone", "a"),
    ]
    found = match_responses(theirs, ours)
    assert found.pairs == {10: 2, 12: 3}
    reasons = {u.response.id: u.reason for u in found.unmatched}
    assert reasons == {11: ELSEWHERE, 13: SEVERAL, 14: NOT_HERE}


def test_text_hash_is_of_the_exact_text() -> None:
    assert text_hash(CAFE) == text_hash("The cafe\u0301 near the e\u0301cole serves coffee")
    assert text_hash(CAFE) != text_hash(CAFE.replace("e\u0301", "é"))  # offsets would move
    assert len(text_hash(EMOJI)) == 64
