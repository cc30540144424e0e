"""The segments behind a cell, on the hand-counted study (see conftest.py): the same
segments the figure counted, the interviewer's turn left out as the counts leave it out."""

from __future__ import annotations

from dotsdesk.services.analysis.cells import (
    cooccurrence_segments,
    crosstab_segments,
    frequency_segments,
)
from dotsdesk.services.analysis.cooccurrence import Unit, cooccurrence
from dotsdesk.services.analysis.crosstab import ALL_VALUES, NO_VALUE, crosstab
from dotsdesk.services.analysis.population import Population
from dotsdesk.store import Project

from .conftest import Study


def _ids(found, study: Study) -> set[str]:  # type: ignore[no-untyped-def]
    names = {v: k for k, v in study.segments.items()}
    return {names[s.segment_id] for s in found.segments}


def test_frequency_cells(project: Project, study: Study) -> None:
    c = study.codes
    with project.read() as s:
        own = frequency_segments(s, c["A/A1"], subcodes=False)
        assert _ids(own, study) == {"s1", "s4", "s8"}
        assert (own.total, own.respondents, own.title) == (3, 3, "A/A1")
        rolled = frequency_segments(s, c["A"])
        assert _ids(rolled, study) == {"s1", "s3", "s4", "s6", "s8"}
        assert [x.respondent for x in rolled.segments] == ["P01", "P01", "P02", "P03", "P04"]
        first = rolled.segments[0]
        assert (first.text, first.code) == ("alpha beta", "A/A1")
        only_r2 = Population.of([study.responses["r2"]], "R2")
        assert _ids(frequency_segments(s, c["A"], only_r2), study) == {"s4"}
        assert frequency_segments(s, c["A"], limit=2).total == 5


def test_crosstab_cells_list_the_respondents_the_cell_counts(
    project: Project, study: Study
) -> None:
    c = study.codes
    with project.read() as s:
        table = crosstab(s, "Size")
        large = crosstab_segments(s, c["A"], "Size", "large")
        assert _ids(large, study) == {"s4", "s6"}
        people = {x.respondent for x in large.segments}
        assert table.cell(c["A"], "large").respondents == len(people)
        assert _ids(crosstab_segments(s, c["A"], "Size", NO_VALUE), study) == {"s8"}
        assert _ids(crosstab_segments(s, c["B"], "Size", ALL_VALUES), study) == {"s2", "s3", "s5"}
        # a multiple choice: R1 chose Python and R
        assert _ids(crosstab_segments(s, c["B"], "Tools", "R"), study) == {"s2", "s3"}


def test_cooccurrence_cells(project: Project, study: Study) -> None:
    c = study.codes
    with project.read() as s:
        matrix = cooccurrence(s)
        assert matrix.count(c["A/A1"], c["B"]) == 1
        assert _ids(cooccurrence_segments(s, c["A/A1"], c["B"]), study) == {"s1", "s2"}
        assert _ids(cooccurrence_segments(s, c["A/A2"], c["B"]), study) == {"s3"}
        by_response = cooccurrence_segments(s, c["A/A1"], c["B"], unit=Unit.RESPONSE)
        assert _ids(by_response, study) == {"s1", "s2", "s3", "s4", "s5"}
        assert _ids(cooccurrence_segments(s, c["B"], c["B"]), study) == {"s2", "s3", "s5"}
        assert "A/A1 with B" in by_response.title
