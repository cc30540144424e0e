"""A post's figures stay put: computed over its own population, and a change is reported.

The scenario of issue 15: the sample post is exported, a second survey is imported, and the
post still says 20% / 20% / 60% over its 30 respondents; when coding changes a figure, the
render lists it as an issue and the export refuses it until the author accepts it.
"""

from __future__ import annotations

import csv
import sqlite3
from datetime import date
from pathlib import Path

import pytest
from docx import Document
from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from dotsdesk.errors import InvalidOperation
from dotsdesk.exporters.docx.post import export_post_docx
from dotsdesk.importers import import_file
from dotsdesk.model import (
    BaselineKind,
    Block,
    BlockKind,
    FigureBaseline,
    PostPopulation,
    Response,
    Segment,
)
from dotsdesk.services.coding import segments as coding
from dotsdesk.services.coding.codebook import find_code
from dotsdesk.services.composer import posts
from dotsdesk.services.composer.drafting import draft_post
from dotsdesk.services.composer.figures import FiguresChanged, record_figures
from dotsdesk.services.composer.population import (
    get_population,
    respondents_of,
    set_population,
    sources,
)
from dotsdesk.services.composer.render import accept_figures, render_for_export, render_post
from dotsdesk.services.composer.render_tree import BulletList, RenderedPost, Statistic
from dotsdesk.services.corpus.respondents import find_respondent, set_attribute
from dotsdesk.store import Project

TODAY = date(2025, 6, 1)
SAMPLE_POPULATION = "the 30 respondents of the sample survey"
REFERENCE_FIGURES = ["20%", "20%", "60%"]
ROLES = ["research", "engineering", "hybrid"]


def second_survey(folder: Path, n: int = 21) -> Path:
    """Another survey of `n` data scientists, none of them coded yet."""
    path = folder / "survey2.csv"
    with path.open("w", newline="", encoding="utf-8") as f:
        out = csv.writer(f)
        out.writerow(["respondent", "Job title", "Do you write production code?"])
        for i in range(n):
            out.writerow([f"S{i:02d}", "data scientist", f"I mostly do {ROLES[i % 3]} ({i})."])
    return path


def statistics(tree: RenderedPost) -> list[Statistic]:
    return [n for s in tree.sections for n in s.nodes if isinstance(n, Statistic)]


def percents(tree: RenderedPost) -> list[str]:
    return [n.text.split()[0] for n in statistics(tree)]


def baseline_day(s: Session) -> str:
    recorded = s.scalars(select(FigureBaseline.recorded)).first()
    assert recorded is not None
    return recorded.date().isoformat()


def code_p07_as_research(s: Session) -> None:
    """P07 (an engineer) now also describes research: Research 6 -> 7 of 30."""
    response = s.scalars(
        select(Response).where(Response.respondent_id == find_respondent(s, "P07").id)
    ).first()
    assert response is not None
    coding.code_span(s, response.id, 0, 5, [find_code(s, "Role/Research").id])


def docx_statistics(path: Path) -> list[str]:
    doc = Document(str(path))
    return [p.text for p in doc.paragraphs if "of sampled data scientists" in p.text]


def test_import_a_second_survey_and_the_figures_stay(
    sample_project: Project, tmp_path: Path
) -> None:
    first = tmp_path / "first.docx"
    with sample_project.read() as s:
        tree = export_post_docx(s, 1, first, today=TODAY)
    with sample_project.write() as s:
        record_figures(s, tree, BaselineKind.EXPORTED)
        report = import_file(s, second_survey(tmp_path))
    assert report is not None
    with sample_project.read() as s:
        tree = render_post(s, 1, today=TODAY)
        assert get_population(s, 1).size == 30
        assert dict(sources(s))["survey2.csv"] == 21
    assert percents(tree) == REFERENCE_FIGURES
    assert tree.population == SAMPLE_POPULATION
    assert not tree.issues
    for stat in statistics(tree):
        assert stat.note is not None and stat.note.population == SAMPLE_POPULATION
        assert stat.note.since is not None and stat.note.since.startswith("exported on ")
        assert stat.note.changed is None
    profile = next(n for sec in tree.sections for n in sec.nodes if isinstance(n, BulletList))
    assert profile.note is not None and profile.note.size == 30
    second = tmp_path / "second.docx"
    with sample_project.read() as s:
        export_post_docx(s, 1, second, today=TODAY)
    assert docx_statistics(second) == docx_statistics(first)
    assert [t.split()[0] for t in docx_statistics(second)] == REFERENCE_FIGURES


def test_a_changed_figure_is_an_issue_and_the_export_refuses_it(
    sample_project: Project, tmp_path: Path
) -> None:
    with sample_project.write() as s:
        import_file(s, second_survey(tmp_path))
        code_p07_as_research(s)
    target = tmp_path / "post.docx"
    with sample_project.read() as s:
        day = baseline_day(s)
        tree = render_post(s, 1, today=TODAY)
        with pytest.raises(FiguresChanged) as refused:
            export_post_docx(s, 1, target, today=TODAY)
    expected = f"Research: 20% → 23% since {day}"
    assert [i.message for i in tree.changed_figures] == [expected]
    assert [i.blocking for i in tree.issues] == [False]
    research = statistics(tree)[0]
    assert research.note is not None and research.note.before == "20% (6 of 30)"
    assert refused.value.changes == [expected]
    assert expected in str(refused.value) and "nothing was written" in str(refused.value)
    assert not target.exists()
    with sample_project.read() as s:
        export_post_docx(s, 1, target, accept_figures=True, today=TODAY)
    assert [t.split()[0] for t in docx_statistics(target)] == ["23%", "20%", "60%"]


def test_accepting_the_figures_ends_the_issue_and_undo_brings_it_back(
    tmp_path: Path, sample_file: Path
) -> None:
    path = tmp_path / "undo.dots"
    path.write_bytes(sample_file.read_bytes())
    with Project.open(path, undo=True) as project:
        with project.write() as s:
            code_p07_as_research(s)
        accepted, step = project.record(lambda s: accept_figures(s, 1))
        assert accepted == 4  # three statistics and the profile
        assert "figure_baseline" in step.tables
        with project.read() as s:
            assert not render_post(s, 1, today=TODAY).changed_figures
            assert s.get(FigureBaseline, statistics(render_post(s, 1))[0].block_id).kind is (
                BaselineKind.ACCEPTED
            )
        project.replay(step)
        with project.read() as s:
            assert len(render_post(s, 1, today=TODAY).changed_figures) == 1


def test_a_post_made_before_populations_counts_everyone_and_says_so(
    sample_project: Project, tmp_path: Path
) -> None:
    with sample_project.write() as s:
        s.execute(delete(PostPopulation).where(PostPopulation.post_id == 1))
        import_file(s, second_survey(tmp_path))
    with sample_project.read() as s:
        day = baseline_day(s)
        tree = render_post(s, 1, today=TODAY)
        with pytest.raises(FiguresChanged):
            render_for_export(s, 1, tmp_path / "x.docx", today=TODAY)
    assert percents(tree) == ["12%", "12%", "35%"]  # 6, 6 and 18 of 51
    assert tree.population == "all respondents (51 now)"
    advice = [i.message for i in tree.issues if not i.figure_changed]
    assert len(advice) == 1 and "counts all 51 respondents" in advice[0]
    assert "choose its population" in advice[0]
    assert [i.message for i in tree.changed_figures] == [
        f"Research: 20% → 12% since {day}, population grew from 30 to 51 respondents",
        f"Engineering: 20% → 12% since {day}, population grew from 30 to 51 respondents",
        f"Hybrid: 60% → 35% since {day}, population grew from 30 to 51 respondents",
    ]  # the profile reads the same: the newcomers' job title was already in it
    # Choosing the sample's respondents as its population puts the figures back.
    with sample_project.write() as s:
        info = set_population(s, 1, respondents_of(s, ["sample"]))
    assert info.name == SAMPLE_POPULATION.replace("the sample survey", "sample")
    with sample_project.read() as s:
        tree = render_post(s, 1, today=TODAY)
    assert percents(tree) == REFERENCE_FIGURES and not tree.issues


def test_a_deleted_respondent_shrinks_the_population_and_is_reported(
    sample_project: Project,
) -> None:
    with sample_project.write() as s:
        s.delete(find_respondent(s, "P01"))  # a researcher; no service deletes one yet
        s.flush()
        day = baseline_day(s)
    with sample_project.read() as s:
        tree = render_post(s, 1, placeholders=True, today=TODAY)
        assert get_population(s, 1).size == 29
    assert f"Research: 20% → 17% since {day}, population shrank from 30 to 29 respondents" in [
        i.message for i in tree.changed_figures
    ]
    assert "Engineering: 20% → 21%" in " ".join(i.message for i in tree.changed_figures)


def test_a_draft_keeps_the_respondents_it_was_drafted_from(
    sample_project: Project, tmp_path: Path
) -> None:
    with sample_project.write() as s:
        import_file(s, second_survey(tmp_path))
        research = find_code(s, "Role/Research").id
        for response in s.scalars(select(Response).where(Response.source == "survey2.csv")):
            if "research" in response.text:
                coding.code_span(s, response.id, 0, len(response.text), [research])
        report = draft_post(s, "Survey two", "Role", sources=["survey2.csv"], today=TODAY)
        everyone = draft_post(s, "Everyone", "Role", today=TODAY)
    assert report.population == "the 21 respondents of survey2.csv"
    assert everyone.population == "the 51 respondents of sample and survey2.csv"
    with sample_project.read() as s:
        tree = render_post(s, report.post_id, placeholders=True, today=TODAY)
        quoted = set(
            s.scalars(
                select(Response.source)
                .join(Segment, Segment.response_id == Response.id)
                .join(Block, Block.segment_id == Segment.id)
                .where(Block.id.in_([q.block_id for q in tree.quotes()]))
            )
        )
        kinds = {b.kind for b in s.scalars(select(FigureBaseline)).all()}
    assert statistics(tree)[0].text.startswith("33% of sampled respondents (7 of 21)")
    assert quoted <= {"survey2.csv"}
    assert kinds == {BaselineKind.DRAFTED}
    assert not tree.changed_figures


def test_unknown_sources_and_empty_projects(project: Project) -> None:
    with project.write() as s:
        with pytest.raises(InvalidOperation, match=r"no responses came from 'nope\.csv'"):
            respondents_of(s, ["nope.csv"])
        post = posts.create_post(s, "Empty")
        section = posts.add_section(s, post.id, "A")
        posts.add_block(s, section.id, BlockKind.PROFILE, {"bullets": [{"text": "Hi"}]})
        info = get_population(s, post.id)
    assert info.saved and info.size == 0
    assert info.name.startswith("the 0 respondents in the project on ")


def test_a_profile_bullet_worded_differently_is_reported(sample_project: Project) -> None:
    with sample_project.write() as s:
        set_attribute(s, find_respondent(s, "P01"), "Field", "astronomy")
        day = baseline_day(s)
    with sample_project.read() as s:
        tree = render_post(s, 1, today=TODAY)
    profile = next(n for sec in tree.sections for n in sec.nodes if isinstance(n, BulletList))
    assert profile.note is not None and profile.note.population == SAMPLE_POPULATION
    assert any("astronomy" in t for t in profile.texts)
    assert [i.message for i in tree.changed_figures] == [
        f"Who are the sampled data scientists?: 1 profile bullet changed since {day}"
    ]
    assert profile.note.before is not None and "astronomy" not in profile.note.before


def test_a_post_from_an_older_project_opens_and_counts_everyone(tmp_path: Path) -> None:
    from tests.unit.store.test_migration import make_old_project

    path = tmp_path / "old.dots"
    make_old_project(path)  # revision 0001: one respondent, coded with code 1
    with sqlite3.connect(path) as con:
        con.execute("INSERT INTO post (id, title, created) VALUES (1, 'Old', '2024-05-01')")
        con.execute("INSERT INTO section (id, post_id, position, title) VALUES (1, 1, 0, 'A')")
        con.execute(
            "INSERT INTO block (id, section_id, position, kind, data) "
            """VALUES (1, 1, 0, 'statistic', '{"code_ids": [1]}')"""
        )
    con.close()
    with Project.open(path) as project:
        with project.read() as s:
            tree = render_post(s, 1)
            assert s.get(PostPopulation, 1) is None
        assert [n.text for n in statistics(tree)] == ["100% of sampled respondents."]
        assert tree.population == "all respondents (1 now)"
        assert len(tree.issues) == 1 and "choose its population" in tree.issues[0].message
        with project.write() as s:
            set_population(s, 1, respondents_of(s), "the first respondent")
        with project.read() as s:
            tree = render_post(s, 1)
        assert tree.population == "the first respondent" and not tree.issues


def test_deleting_a_post_and_undoing_it_keeps_its_population_and_baselines(
    tmp_path: Path, sample_file: Path
) -> None:
    path = tmp_path / "undo.dots"
    path.write_bytes(sample_file.read_bytes())
    with Project.open(path, undo=True) as project:
        _, step = project.record(lambda s: posts.delete_post(s, 1))
        assert {"post_population", "post_population_member", "figure_baseline"} <= step.tables
        with project.read() as s:
            assert s.get(PostPopulation, 1) is None
            assert not s.scalars(select(FigureBaseline)).all()
        project.replay(step)
        with project.read() as s:
            assert get_population(s, 1).name == SAMPLE_POPULATION
            assert get_population(s, 1).size == 30
            tree = render_post(s, 1, today=TODAY)
    assert percents(tree) == REFERENCE_FIGURES and not tree.issues
    assert all(n.note is not None and n.note.since for n in statistics(tree))
