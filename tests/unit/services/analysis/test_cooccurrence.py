"""Co-occurrence by overlap, response and respondent, against hand counts (see conftest)."""

from __future__ import annotations

import pytest

from dotsdesk.services.analysis.cooccurrence import Unit, cooccurrence
from dotsdesk.store import Project

from .conftest import Study


def test_overlapping_segments(project: Project, study: Study) -> None:
    with project.read() as s:
        found = cooccurrence(s)
    a1, a2, b = (study.codes[c] for c in ("A/A1", "A/A2", "B"))
    # s1 (A1) overlaps s2 (B); s3 carries A2 and B; s4 and s5 are apart; s7 is not counted.
    assert found.count(a1, b) == 1 and found.count(b, a1) == 1
    assert found.count(a2, b) == 1
    assert found.count(a1, a2) == 0
    assert found.count(b, b) == 3  # B's own segments: s2, s3, s5
    # Of the six segments with A1 or B, s1 and s2 meet the other code.
    assert found.jaccard(a1, b) == pytest.approx(2 / 6)
    # Of s2, s3, s5, s6 (A2 or B), only s3.
    assert found.jaccard(a2, b) == pytest.approx(1 / 4)
    assert [(p.code_a, p.code_b) for p in found.ranked()] == [("A/A1", "B"), ("A/A2", "B")]


def test_same_response_and_same_respondent(project: Project, study: Study) -> None:
    a1, a2, b = (study.codes[c] for c in ("A/A1", "A/A2", "B"))
    with project.read() as s:
        by_response = cooccurrence(s, unit=Unit.RESPONSE)
        by_person = cooccurrence(s, unit=Unit.RESPONDENT)
    for found in (by_response, by_person):  # one response per respondent here
        assert found.count(a1, b) == 2  # r1, r2
        assert found.jaccard(a1, b) == pytest.approx(2 / 3)  # of r1, r2, r4
        assert found.count(a1, a2) == 1
        assert found.jaccard(a1, a2) == pytest.approx(1 / 4)
        assert found.jaccard(a2, b) == pytest.approx(1 / 3)


def test_with_subcodes_leaves_out_a_code_and_its_parent(project: Project, study: Study) -> None:
    a, b = study.codes["A"], study.codes["B"]
    with project.read() as s:
        found = cooccurrence(s, unit=Unit.RESPONSE, subcodes=True)
    assert found.pair(a, study.codes["A/A1"]) is None
    assert found.count(a, b) == 2
    assert found.units[a] == 4


def test_restricted_to_some_codes(project: Project, study: Study) -> None:
    with project.read() as s:
        found = cooccurrence(s, code_ids=[study.codes["A"]], unit=Unit.RESPONSE)
    assert [c.path for c in found.codes] == ["A", "A/A1", "A/A2"]
    assert list(found.pairs) == [(study.codes["A/A1"], study.codes["A/A2"])]
