"""Code frequencies against hand counts (see conftest) and the sample post's 20/20/60."""

from __future__ import annotations

from dotsdesk.services.analysis.frequencies import code_frequencies
from dotsdesk.services.analysis.population import ALL, Population
from dotsdesk.store import Project

from .conftest import Study


def _by_code(project: Project, population: Population = ALL) -> dict[str, tuple[int, ...]]:
    with project.read() as s:
        return {
            f.code: (
                f.segments,
                f.responses,
                f.respondents,
                f.segments_with_subcodes,
                f.responses_with_subcodes,
                f.respondents_with_subcodes,
                f.base,
            )
            for f in code_frequencies(s, population)
        }


def test_hand_counts(project: Project, study: Study) -> None:
    found = _by_code(project)
    # s7 lies in the interviewer's turn: B has s2, s3, s5 only.
    assert found == {
        "A": (0, 0, 0, 5, 4, 4, 4),
        "A/A1": (3, 3, 3, 3, 3, 3, 4),
        "A/A2": (2, 2, 2, 2, 2, 2, 4),
        "B": (3, 2, 2, 3, 2, 2, 4),
    }
    assert list(found) == ["A", "A/A1", "A/A2", "B"]  # codebook order


def test_a_population_of_responses(project: Project, study: Study) -> None:
    only = Population.of([study.responses["r1"], study.responses["r2"]], "r1 and r2")
    found = _by_code(project, only)
    assert found["B"] == (3, 2, 2, 3, 2, 2, 2)
    assert found["A/A2"] == (1, 1, 1, 1, 1, 1, 2)
    with project.read() as s:
        b = next(f for f in code_frequencies(s, only) if f.code == "B")
    assert b.percent == 100.0


def test_the_sample_posts_shares(sample_project: Project) -> None:
    with sample_project.read() as s:
        rows = {f.code: f for f in code_frequencies(s)}
    shares = {c: rows[f"Role/{c}"].percent for c in ("Research", "Engineering", "Hybrid")}
    assert shares == {"Research": 20.0, "Engineering": 20.0, "Hybrid": 60.0}
    assert rows["Role"].respondents_with_subcodes == rows["Role"].base == 30
    assert rows["Role"].segments == 0
