"""Profile bullets worded from attribute values, in the author's order, as the post lists."""

from __future__ import annotations

import pytest

from dotsdesk.errors import NotFound
from dotsdesk.services.composer.profile import (
    attribute_values,
    bullet_text,
    ordered_values,
    oxford_join,
    suggest_bullets,
)
from dotsdesk.services.composer.statistics import Population
from dotsdesk.services.corpus.respondents import add_respondent
from dotsdesk.store import Project

TITLES = [
    "data scientist",
    "research scientist",
    "applied scientist",
    "machine learning scientist",
    "machine learning engineer",
    "quantitative researcher",
]


def test_oxford_join() -> None:
    assert oxford_join([]) == ""
    assert oxford_join(["physics"]) == "physics"
    assert oxford_join(["physics", "biology"]) == "physics and biology"
    assert oxford_join(["a", "b", "c"]) == "a, b, and c"
    assert oxford_join(["anonymously", "by name"], "or") == "anonymously or by name"


def test_the_posts_job_titles(sample_project: Project) -> None:
    bullet = {
        "attribute": "Job title",
        "template": "Their official job titles include {values}.",
        "order": TITLES,
    }
    with sample_project.read() as s:
        text = bullet_text(s, bullet)
    assert text == (
        "Their official job titles include data scientist, research scientist, applied "
        "scientist, machine learning scientist, machine learning engineer, and quantitative "
        "researcher."
    )


def test_order_others_words_and_top(sample_project: Project) -> None:
    with sample_project.read() as s:
        counts = attribute_values(s, "Industry")
        assert sum(counts.values()) == 30
        chosen = ["finance", "healthcare", "nowhere"]
        assert ordered_values(counts, chosen, "omit") == ["finance", "healthcare"]
        appended = ordered_values(counts, chosen)
        assert appended[:2] == ["finance", "healthcare"] and len(appended) == len(counts)
        rest = appended[2:]
        assert rest == sorted(rest, key=lambda v: (-counts[v], v))  # by frequency, then name
        role = {
            "attribute": "Role",
            "template": "Most of them are {top}.",
            "words": {"individual contributor": "individual contributors"},
        }
        assert bullet_text(s, role) == "Most of them are individual contributors."
        years = {"attribute": "Years of experience", "template": "{min} to {max} years"}
        assert bullet_text(s, years) == "1 to 14 years"
        assert bullet_text(s, {"text": "They research, experiment, build."}) == (
            "They research, experiment, build."
        )
        small = Population("Company size", "small company")
        degree = bullet_text(s, {"attribute": "Degree", "order": ["Master", "PhD"]}, small)
        assert degree == "Degree: Master and PhD."


def test_values_follow_the_data(sample_project: Project) -> None:
    bullet = {"attribute": "Field", "template": "In {values} ({n}).", "order": ["physics"]}
    with sample_project.write() as s:
        before = bullet_text(s, bullet)
        add_respondent(s, "P31", attributes={"Field": "astronomy"})
        after = bullet_text(s, bullet)
    assert before.startswith("In physics, ") and "(5)" in before
    assert after.endswith(", and astronomy (6).")


def test_a_deleted_attribute_is_named(sample_project: Project) -> None:
    with sample_project.read() as s, pytest.raises(NotFound, match="'Shoe size' was deleted"):
        bullet_text(s, {"attribute": "Shoe size"})


def test_suggestions_describe_groups_not_people(project: Project) -> None:
    with project.write() as s:
        for i in range(6):
            add_respondent(
                s,
                f"R{i}",
                attributes={
                    "Team": "data" if i % 2 else "platform",
                    "Badge": f"B-{i:04d}",  # one value per person: an identifier
                    "Age": 30 + i,
                    # A phone number read as a number: its range would name two people.
                    "Q8": 13812345600 + i,
                },
            )
        bullets = suggest_bullets(s)
        texts = [bullet_text(s, b) for b in bullets]
    assert [b["attribute"] for b in bullets] == ["Team", "Age"]
    assert texts == ["Team: data and platform.", "Age: from 30 to 35."]
