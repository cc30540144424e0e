"""Accepting one coder's version of a disagreeing stretch: the other's coding of that code
there becomes the same, everything else is kept; the comparison then finds no difference."""

from __future__ import annotations

from collections.abc import Callable

from dotsdesk.services.analysis.compare import compare_response
from dotsdesk.services.coding import segments as coding
from dotsdesk.services.coding.codebook import ensure_code
from dotsdesk.services.coding.reconcile import accept_version
from dotsdesk.store import Project

TEXT = "数据科学家 🚀 write production code, e\u0301very day"  # emoji and a combining mark
ROCKET = TEXT.index("🚀")


def _coded(project: Project, make_response: Callable[..., int]) -> tuple[int, int, int]:
    rid = make_response(TEXT)
    with project.write() as s:
        a = ensure_code(s, "Theme/A").id
        b = ensure_code(s, "Theme/B").id
    return rid, a, b


def _view(project: Project, rid: int) -> dict[str, list[tuple[str, tuple[int, ...]]]]:
    with project.read() as s:
        views = coding.segments_of(s, rid)
    out: dict[str, list[tuple[str, tuple[int, ...]]]] = {}
    for v in views:
        out.setdefault(v.coder or "", []).append((v.text, v.code_ids))
    return out


def test_accepting_either_version(project: Project, make_response: Callable[..., int]) -> None:
    rid, a, _b = _coded(project, make_response)
    with project.write() as s:
        coding.code_span(s, rid, 0, ROCKET + 1, [a], coder="ann")  # up to and with the rocket
        coding.code_span(s, rid, 0, 5, [a], coder="bob")
    with project.read() as s:
        [d] = compare_response(s, rid, "ann", "bob").disagreements
    assert (d.text, d.coded_by) == (" 🚀", "ann")

    with project.write() as s:
        settled = accept_version(s, rid, a, d.start, d.end, accepted="ann", other="bob")
        assert settled.added == [(5, ROCKET + 1)] and settled.removed == []
    assert _view(project, rid)["bob"] == [("数据科学家 🚀", (a,))]  # one segment, grown
    with project.read() as s:
        assert compare_response(s, rid, "ann", "bob").agrees


def test_accepting_the_shorter_version_cuts_and_splits(
    project: Project, make_response: Callable[..., int]
) -> None:
    rid, a, b = _coded(project, make_response)
    end = len(TEXT)
    with project.write() as s:
        coding.code_span(s, rid, 0, end, [a], coder="ann")  # all of it
        coding.code_span(s, rid, 0, 5, [a], coder="bob")
        coding.code_span(s, rid, end - 10, end, [a], coder="bob")
        coding.code_span(s, rid, 0, 5, [b], coder="ann")
        coding.code_span(s, rid, 0, 5, [b], coder="bob")
    with project.read() as s:
        [d] = compare_response(s, rid, "ann", "bob").disagreements
    with project.write() as s:
        accept_version(s, rid, a, d.start, d.end, accepted="bob", other="ann")
    ann = _view(project, rid)["ann"]
    assert ("数据科学家", (b,)) in ann  # the other code on the span is untouched
    assert ("数据科学家", (a,)) in ann and ("e\u0301very day", (a,)) in ann
    with project.read() as s:
        assert compare_response(s, rid, "ann", "bob").agrees


def test_a_segment_with_other_codes_keeps_them(
    project: Project, make_response: Callable[..., int]
) -> None:
    rid, a, b = _coded(project, make_response)
    with project.write() as s:
        coding.code_span(s, rid, 0, 10, [a, b], coder="ann", memo="ann's memo 📝")
        coding.code_span(s, rid, 0, 10, [b], coder="bob")
    with project.write() as s:
        accept_version(s, rid, a, 0, 10, accepted="bob", other="ann")
    with project.read() as s:
        [seg] = [v for v in coding.segments_of(s, rid) if v.coder == "ann"]
        assert (seg.code_ids, seg.memo) == ((b,), "ann's memo 📝")
        assert compare_response(s, rid, "ann", "bob").agrees
