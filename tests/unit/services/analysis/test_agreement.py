"""Coder agreement: kappa and alpha against published worked examples and scikit-learn.

Krippendorff (2011), "Computing Krippendorff's alpha-reliability", section A: two observers,
binary data, ten units, alpha = 0.095. Cohen's kappa on Wikipedia's example of 50 grant
proposals (20 yes/yes, 5 yes/no, 10 no/yes, 15 no/no): kappa = 0.4.
"""

from __future__ import annotations

import random

import krippendorff
import numpy as np
import pytest
from sklearn.metrics import cohen_kappa_score

from dotsdesk.errors import NotFound
from dotsdesk.services.analysis.agreement import agreement
from dotsdesk.services.analysis.reliability import (
    Counts,
    alpha_2x2,
    alpha_of,
    cohen_kappa,
    kappa_2x2,
)
from dotsdesk.services.coding import segments as coding
from dotsdesk.services.coding.codebook import ensure_code
from dotsdesk.services.corpus.respondents import add_respondent
from dotsdesk.services.corpus.responses import add_response
from dotsdesk.store import Project

FIRST = [0, 1, 0, 0, 0, 0, 0, 0, 1, 0]  # Krippendorff 2011, observer A
SECOND = [1, 1, 1, 0, 0, 1, 0, 0, 0, 0]  # observer B
TEXT = "0123456789"


def test_kappa_of_the_published_example() -> None:
    assert kappa_2x2(20, 5, 10, 15) == pytest.approx(0.4)
    labels = ["y"] * 20 + ["y"] * 5 + ["n"] * 10 + ["n"] * 15
    other = ["y"] * 20 + ["n"] * 5 + ["y"] * 10 + ["n"] * 15
    assert cohen_kappa(labels, other) == pytest.approx(0.4)


def test_alpha_of_the_published_example() -> None:
    assert alpha_of(FIRST, SECOND) == pytest.approx(0.095, abs=5e-4)
    assert alpha_2x2(1, 1, 3, 5) == pytest.approx(1 - 19 * 4 / (14 * 6))


@pytest.mark.parametrize("seed", range(5))
def test_kappa_matches_scikit_learn(seed: int) -> None:
    rng = random.Random(seed)
    first = [rng.choice("abc") for _ in range(200)]
    second = [x if rng.random() < 0.6 else rng.choice("abc") for x in first]
    assert cohen_kappa(first, second) == pytest.approx(cohen_kappa_score(first, second))
    yes = [int(x == "a") for x in first]
    yes2 = [int(x == "a") for x in second]
    counts = Counts(
        *(
            sum(1 for p in zip(yes, yes2, strict=True) if p == k)
            for k in [(1, 1), (1, 0), (0, 1), (0, 0)]
        )
    )
    assert counts.kappa == pytest.approx(cohen_kappa_score(yes, yes2))
    assert counts.alpha == pytest.approx(
        krippendorff.alpha(reliability_data=np.array([yes, yes2]), level_of_measurement="nominal")
    )


def test_undefined_figures_are_none() -> None:
    assert kappa_2x2(0, 0, 0, 10) is None
    assert alpha_2x2(5, 0, 0, 0) is None
    assert alpha_of([1, 1], [1, 1]) is None
    assert Counts().percent is None


def _two_coders(project: Project) -> dict[str, int]:
    """Ten responses of ten characters. C: each coder codes the whole response where their
    Krippendorff observation is 1. D: both code the first character of every response."""
    with project.write() as s:
        c, d = ensure_code(s, "C").id, ensure_code(s, "D").id
        ids = []
        for n, (x, y) in enumerate(zip(FIRST, SECOND, strict=True)):
            person = add_respondent(s, f"P{n:02d}")
            rid = add_response(s, person.id, TEXT).id
            ids.append(rid)
            for coder, coded in (("ann", x), ("bob", y)):
                coding.code_span(s, rid, 0, 1, [d], coder=coder)
                if coded:
                    coding.code_span(s, rid, 0, 10, [c], coder=coder)
        coding.code_span(s, ids[0], 2, 5, [d], coder="carol")
    return {"C": c, "D": d}


def test_agreement_between_two_coders(project: Project) -> None:
    codes = _two_coders(project)
    with project.read() as s:
        report = agreement(s, "ann", "bob")
    assert report.responses == 10
    rows = {r.code: r for r in report.codes}
    c = rows["C"]
    assert c.responses == Counts(1, 1, 3, 5)
    assert c.kappa_responses == pytest.approx(cohen_kappa_score(FIRST, SECOND))
    assert c.alpha_responses == pytest.approx(0.095, abs=5e-4)
    assert c.responses.percent == 60.0
    chars_a = [x for x in FIRST for _ in TEXT]
    chars_b = [y for y in SECOND for _ in TEXT]
    assert c.characters == Counts(10, 10, 30, 50)
    assert c.kappa_characters == pytest.approx(cohen_kappa_score(chars_a, chars_b))
    assert c.characters.alpha == pytest.approx(
        krippendorff.alpha(
            reliability_data=np.array([chars_a, chars_b]), level_of_measurement="nominal"
        )
    )
    d = rows["D"]
    assert d.kappa_characters == pytest.approx(1.0) and d.kappa_responses is None
    assert report.overall.characters == c.characters + d.characters
    spans = [(x.respondent, x.start, x.end, x.coded_by, x.text) for x in report.disagreements]
    assert spans == [
        ("P00", 0, 10, "bob", TEXT),
        ("P02", 0, 10, "bob", TEXT),
        ("P05", 0, 10, "bob", TEXT),
        ("P08", 0, 10, "ann", TEXT),
    ]
    assert all(x.code_id == codes["C"] for x in report.disagreements)


def test_partly_overlapping_spans(project: Project) -> None:
    with project.write() as s:
        code = ensure_code(s, "C").id
        rid = add_response(s, add_respondent(s, "P").id, "abcdefghij").id
        coding.code_span(s, rid, 0, 6, [code], coder="ann")
        coding.code_span(s, rid, 4, 8, [code], coder="bob")
    with project.read() as s:
        report = agreement(s, "ann", "bob")
    assert report.codes[0].characters == Counts(2, 4, 2, 2)
    assert [(d.start, d.end, d.coded_by, d.text) for d in report.disagreements] == [
        (0, 4, "ann", "abcd"),
        (6, 8, "bob", "gh"),
    ]


def test_unknown_coder(project: Project) -> None:
    _two_coders(project)
    with (
        project.read() as s,
        pytest.raises(NotFound, match=r"no coder 'zoe' \(known here: ann, bob, carol\)"),
    ):
        agreement(s, "ann", "zoe")
