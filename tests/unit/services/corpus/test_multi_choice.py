"""A multiple-choice question is one attribute holding several choices, which the browser
filters by, the profile counts and a statistic's population selects, one choice at a time."""

from __future__ import annotations

from sqlalchemy import select

from dotsdesk.model import AttributeType, Respondent, Response
from dotsdesk.services.browser.query import BrowseQuery, filter_choices, matching_ids
from dotsdesk.services.composer.profile import attribute_values
from dotsdesk.services.composer.statistics import Population, population_ids
from dotsdesk.services.corpus.respondents import (
    add_respondent,
    attribute_table_for,
    define_attribute,
    normalise_value,
    set_attribute,
)
from dotsdesk.services.corpus.responses import add_response
from dotsdesk.store import Project

TOOLS = "Tools you use"
CHOICES = {
    "P1": ["Python", "R"],
    "P2": ["Python", "SQL 100%_x"],  # LIKE's wildcards are plain characters in a choice
    "P3": ["面试工具 👩‍💻", "cafe\u0301"],
    "P4": [],
}


def _fill(project: Project) -> None:
    with project.write() as s:
        define_attribute(s, TOOLS, AttributeType.MULTI)
        for key, chosen in CHOICES.items():
            person = add_respondent(s, key)
            set_attribute(s, person, TOOLS, chosen)
            add_response(s, person.id, f"answer of {key}")


def test_choices_are_kept_in_order_without_repeats(project: Project) -> None:
    _fill(project)
    with project.write() as s:
        person = add_respondent(s, "P5")
        set_attribute(s, person, TOOLS, [" R ", "Python", "R", "", "Go\nRust"])
        assert attribute_table_for(s, person.id)[TOOLS] == "R\nPython\nGo\nRust"
        attribute = define_attribute(s, TOOLS)
        assert normalise_value(attribute, "R\n Python \nR") == "R\nPython"


def test_the_browser_filters_and_counts_by_each_choice(project: Project) -> None:
    _fill(project)
    with project.read() as s:
        def keys(*values: str) -> list[str]:
            ids = matching_ids(s, BrowseQuery(attributes={TOOLS: frozenset(values)}))
            found = select(Respondent.key).join(Response).where(Response.id.in_(ids))
            return sorted(s.scalars(found))

        assert keys("Python") == ["P1", "P2"]
        assert keys("R") == ["P1"]  # not every value with an "R" in it
        assert keys("SQL 100%_x") == ["P2"]
        assert keys("SQL 1") == []
        assert keys("cafe\u0301", "R") == ["P1", "P3"]
        counts = filter_choices(s).attributes[TOOLS]
        assert counts == {"Python": 2, "R": 1, "SQL 100%_x": 1, "面试工具 👩‍💻": 1, "cafe\u0301": 1}


def test_profiles_and_populations_count_each_choice(project: Project) -> None:
    _fill(project)
    with project.read() as s:
        assert attribute_values(s, TOOLS)["Python"] == 2
        assert set(attribute_values(s, TOOLS)) == {
            "Python", "R", "SQL 100%_x", "面试工具 👩‍💻", "cafe\u0301"
        }
        chosen = s.scalars(population_ids(s, Population(TOOLS, "Python"))).all()
        assert len(chosen) == 2
