"""The project's label scheme: P01, P02, ... across every path that makes respondents."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from dotsdesk.errors import InvalidOperation
from dotsdesk.importers import import_file
from dotsdesk.model import Respondent
from dotsdesk.services.corpus.bulk import NewRespondent, add_respondents
from dotsdesk.services.corpus.labels import (
    LabelMaker,
    label_scheme,
    next_label,
    parse_pattern,
    set_label_pattern,
)
from dotsdesk.services.corpus.respondents import add_respondent
from dotsdesk.store import Project

DATA = Path(__file__).parents[3] / "data" / "surveys"


def _labels(project: Project) -> dict[str, str]:
    with project.read() as s:
        return dict(s.execute(select(Respondent.key, Respondent.label)).all())  # type: ignore[arg-type]


def _survey(path: Path, ids: list[str]) -> Path:
    rows = "".join(
        f"{i},Answer number {n} about my work as a data scientist.\n" for n, i in enumerate(ids)
    )
    path.write_text(f"id,Answer\n{rows}", encoding="utf-8")
    return path


def test_the_scheme_numbers_and_grows_past_its_width() -> None:
    scheme = parse_pattern("P##")
    assert [scheme.format(n) for n in (1, 9, 99, 100, 1234)] == [
        "P01",
        "P09",
        "P99",
        "P100",
        "P1234",
    ]
    assert scheme.number("P07") == 7 and scheme.number("P100") == 100
    for other in ("P7", "P007", "p07", "Q07", "P07a", "R_3kAbC", "alice@example.com"):
        assert scheme.number(other) is None, other
    maker = LabelMaker(scheme, ["P98", "Interviewee 1"])
    assert [maker.fresh() for _ in range(3)] == ["P99", "P100", "P101"]


@pytest.mark.parametrize("bad", ["P", "P#1#", "", "##", "   ###  "])
def test_a_pattern_needs_one_number_and_some_letters(bad: str) -> None:
    with pytest.raises(InvalidOperation, match="label pattern"):
        parse_pattern(bad)


def test_labels_continue_across_two_imports(project: Project, tmp_path: Path) -> None:
    with project.write() as s:
        import_file(s, _survey(tmp_path / "one.csv", [f"a{n}" for n in range(5)]))
    first = _labels(project)
    assert sorted(first.values()) == ["P01", "P02", "P03", "P04", "P05"]
    with project.write() as s:
        import_file(s, _survey(tmp_path / "two.csv", [f"b{n}" for n in range(3)]))
    labels = _labels(project)
    assert {k: labels[k] for k in first} == first  # nobody relabelled
    assert sorted(labels[f"b{n}"] for n in range(3)) == ["P06", "P07", "P08"]
    assert all(key not in labels.values() for key in labels)  # ids stay keys, never labels


def test_the_researchers_own_scheme_ids_are_kept_and_continued(
    project: Project, tmp_path: Path
) -> None:
    """A decision: an id column the researcher gave keeps its values as labels only where
    they already fit the project's scheme; anything else gets the next label."""
    with project.write() as s:
        import_file(s, _survey(tmp_path / "own.csv", ["P07", "P03", "Jane Doe", "17"]))
    labels = _labels(project)
    assert (labels["P07"], labels["P03"]) == ("P07", "P03")
    assert sorted([labels["Jane Doe"], labels["17"]]) == ["P08", "P09"]


def test_a_qualtrics_export_never_yields_its_response_ids(project: Project) -> None:
    with project.write() as s:
        report = import_file(s, DATA / "qualtrics_current.csv")
    labels = _labels(project)
    assert report.respondents_added == len(labels) > 0
    assert not [label for label in labels.values() if label.startswith("R_")]
    assert sorted(labels.values()) == [f"P{n:02d}" for n in range(1, len(labels) + 1)]


def test_the_pattern_is_a_project_setting_for_every_path(project: Project) -> None:
    with project.write() as s:
        add_respondent(s, "first")
        set_label_pattern(s, " Respondent-### ")
    with project.write() as s:
        assert label_scheme(s).pattern == "Respondent-###"
        assert add_respondent(s, "second").label == "Respondent-001"
        made = add_respondents(
            s, [NewRespondent("third"), NewRespondent("fourth", "Respondent-001")]
        )
        assert [label for _, label in made] == ["Respondent-002", "Respondent-003"]
        assert add_respondent(s, "Respondent-010").label == "Respondent-010"
        assert next_label(s) == "Respondent-011"
    assert _labels(project)["first"] == "P01"  # existing labels stay as they were


def test_an_explicit_label_is_kept_and_the_sequence_skips_it(project: Project) -> None:
    with project.write() as s:
        add_respondent(s, "t1", label="Interviewee 1")  # transcripts keep their own pseudonym
        add_respondent(s, "x", label="P02")
        assert add_respondent(s, "y").label == "P03"
