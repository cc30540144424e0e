"""Crosstabs: single and multiple choice, every base, and the sample post's 20/20/60."""

from __future__ import annotations

import pytest

from dotsdesk.errors import NotFound
from dotsdesk.services.analysis.crosstab import ALL_VALUES, NO_VALUE, crosstab
from dotsdesk.services.analysis.population import Population
from dotsdesk.services.coding.codebook import find_code
from dotsdesk.store import Project

from .conftest import Study


def test_single_choice_hand_counts(project: Project, study: Study) -> None:
    with project.read() as s:
        table = crosstab(s, "Size")
    assert table.values == ["large", "small", NO_VALUE]
    assert table.column_bases == {"large": 2, "small": 1, NO_VALUE: 1, ALL_VALUES: 4}
    a, b = study.codes["A"], study.codes["B"]
    assert [table.cell(a, v).respondents for v in [*table.values, ALL_VALUES]] == [2, 1, 1, 4]
    assert [table.cell(b, v).respondents for v in [*table.values, ALL_VALUES]] == [1, 1, 0, 2]
    cell = table.cell(b, "large")
    assert (cell.row_base, cell.column_base, cell.total_base) == (2, 2, 4)
    assert (cell.percent_of_row, cell.percent_of_column, cell.percent_of_total) == (
        50.0,
        50.0,
        25.0,
    )
    assert table.cell(b, ALL_VALUES).percent_of_column == 50.0


def test_multiple_choice_counts_each_choice(project: Project, study: Study) -> None:
    with project.read() as s:
        table = crosstab(s, "Tools")
    assert table.multiple
    assert table.values == ["Python", "R", NO_VALUE]
    assert table.column_bases == {"Python": 2, "R": 1, NO_VALUE: 2, ALL_VALUES: 4}
    b = study.codes["B"]
    # R1 chose Python and R: counted in both columns, so the row adds up past its base.
    assert [table.cell(b, v).respondents for v in table.values] == [2, 1, 0]
    assert table.cell(b, "Python").percent_of_row == 100.0
    assert table.cell(b, "R").percent_of_row == 50.0


def test_without_subcodes_and_a_population(project: Project, study: Study) -> None:
    with project.read() as s:
        plain = crosstab(s, "Size", subcodes=False, code_ids=[study.codes["A"]])
        some = crosstab(s, "Size", Population.of([study.responses["r2"]], "r2"))
    assert [c.path for c in plain.codes] == ["A", "A/A1", "A/A2"]
    assert plain.cell(study.codes["A"], ALL_VALUES).respondents == 0
    assert some.values == ["large"] and some.total == 1
    assert some.cell(study.codes["A/A2"], "large").respondents == 0


def test_an_unknown_attribute_names_the_known_ones(project: Project, study: Study) -> None:
    with project.read() as s, pytest.raises(NotFound, match="Size, Tools"):
        crosstab(s, "Height")


def test_role_by_company_size_reproduces_the_post(sample_project: Project) -> None:
    with sample_project.read() as s:
        role = find_code(s, "Role").id
        table = crosstab(s, "Company size", code_ids=[role])
        ids = {c.path: c.id for c in table.codes}
    shares = {
        path: table.cell(ids[path], ALL_VALUES).percent_of_column
        for path in ("Role/Research", "Role/Engineering", "Role/Hybrid")
    }
    assert shares == {"Role/Research": 20.0, "Role/Engineering": 20.0, "Role/Hybrid": 60.0}
    assert table.total == 30
    assert sum(table.column_bases[v] for v in table.values) == 30  # one size each
    # Hand count from the sample data: Research is P01, P05, P06 of the 12 large companies.
    research = table.cell(ids["Role/Research"], "large company")
    assert (research.respondents, research.column_base) == (3, 12)
    assert research.percent_of_column == 25.0


def test_a_theme_by_role_hand_count(sample_project: Project) -> None:
    """Theme/Career development: P01 P02 P06 P08 P10 P13 P18 P20 P27; managers are P06, P10,
    P20 and P30."""
    with sample_project.read() as s:
        career = find_code(s, "Theme/Career development").id
        table = crosstab(s, "Role", code_ids=[career])
    managers = table.cell(career, "manager")
    contributors = table.cell(career, "individual contributor")
    assert (managers.respondents, managers.column_base, managers.row_base) == (3, 4, 9)
    assert managers.percent_of_column == 75.0
    assert (contributors.respondents, contributors.column_base) == (6, 26)
    assert round(managers.percent_of_row, 1) == 33.3


def test_values_with_numbers_are_in_numeric_order(project: Project, study: Study) -> None:
    from dotsdesk.services.corpus.respondents import add_respondent, define_attribute

    sizes = ["5000+", "11-50", "1-10", "201-1000", "员工 51-200 人"]
    with project.write() as s:
        from dotsdesk.model import AttributeType

        define_attribute(s, "Employees", AttributeType.CATEGORY)
        for n, size in enumerate(sizes):
            add_respondent(s, f"size-{n}", attributes={"Employees": size})
    with project.read() as s:
        table = crosstab(s, "Employees")
    assert table.values == ["1-10", "11-50", "201-1000", "5000+", "员工 51-200 人", NO_VALUE]
