"""Live figures: the share of respondents with a code, over a population, rounded as a post."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from dotsdesk.errors import NotFound
from dotsdesk.model import Response
from dotsdesk.services.coding import segments as coding
from dotsdesk.services.coding.codebook import delete_code, ensure_code, find_code
from dotsdesk.services.composer.statistics import Figure, Population, code_share, fill
from dotsdesk.services.corpus.respondents import add_respondent, find_respondent
from dotsdesk.services.corpus.responses import add_response
from dotsdesk.store import Project


@pytest.mark.parametrize(
    ("count", "total", "percent"),
    [(6, 30, 20), (18, 30, 60), (1, 8, 13), (1, 3, 33), (2, 3, 67), (0, 5, 0), (5, 5, 100)],
)
def test_percent_rounds_half_up(count: int, total: int, percent: int) -> None:
    figure = Figure(count, total)
    assert figure.percent == percent
    assert figure.percent_text == f"{percent}%"


def test_empty_population_is_zero_percent() -> None:
    assert Figure(0, 0).percent_text == "0%"


def test_fill_leaves_unknown_placeholders() -> None:
    text = fill("{percent} of {who} ({count} of {total})", Figure(6, 30).values())
    assert text == "20% of {who} (6 of 30)"


def test_the_posts_percentages(sample_project: Project) -> None:
    with sample_project.read() as s:
        share = {
            name: code_share(s, [find_code(s, f"Role/{name}").id]).percent_text
            for name in ("Research", "Engineering", "Hybrid")
        }
        everyone = code_share(s, [find_code(s, "Role").id])
        only_parent = code_share(s, [find_code(s, "Role").id], descendants=False)
    assert share == {"Research": "20%", "Engineering": "20%", "Hybrid": "60%"}
    assert (everyone.count, everyone.total) == (30, 30)
    assert only_parent.count == 0


def test_a_population_and_a_code_set(sample_project: Project) -> None:
    with sample_project.read() as s:
        research, engineering = (find_code(s, f"Role/{n}").id for n in ("Research", "Engineering"))
        both = code_share(s, [research, engineering])
        small = code_share(s, [research], Population("Company size", "small company"))
        senior = code_share(s, [research], Population("Years of experience", "13"))
    assert (both.count, both.total) == (12, 30)
    # hand count from the sample: P02, P03 of the eight in small companies
    assert (small.count, small.total) == (2, 8)
    assert (senior.count, senior.total) == (1, 1)


def test_a_respondent_counts_once_and_live(sample_project: Project) -> None:
    with sample_project.write() as s:
        research = find_code(s, "Role/Research").id
        before = code_share(s, [research])
        p01 = find_respondent(s, "P01").id
        response = s.scalar(select(Response.id).where(Response.respondent_id == p01))
        assert response is not None
        coding.code_span(s, response, 0, 5, [research])  # P01 again: still one person
        assert code_share(s, [research]) == before
        newcomer = add_respondent(s, "P31").id
        text = "Research all day, no production code."
        answer = add_response(s, newcomer, text, language="en").id
        coding.code_span(s, answer, 0, 8, [research])
        assert code_share(s, [research]) == Figure(7, 31)


def test_a_deleted_code_is_named(sample_project: Project) -> None:
    with sample_project.write() as s:
        gone = ensure_code(s, "Role/Gone").id
        delete_code(s, gone)
        with pytest.raises(NotFound, match=f"code {gone} was deleted"):
            code_share(s, [gone])
        with pytest.raises(NotFound, match="no attribute"):
            code_share(s, [find_code(s, "Role").id], Population("Shoe size", "42"))
