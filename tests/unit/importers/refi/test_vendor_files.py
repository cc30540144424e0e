"""Importing what NVivo, ATLAS.ti, MAXQDA, QualCoder and Taguette write (fixtures made by
tests/data/refi/make_refi_fixtures.py in each one's manner): every selection covers the
same words as in the vendor's tool, and the report says what was skipped and why."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from dotsdesk.importers import import_file
from dotsdesk.importers.refi import RefiReport
from dotsdesk.model import AttributeValue, Code, Coder, Identity, Memo, Respondent, Response
from dotsdesk.services.coding.codebook import add_code, code_paths
from dotsdesk.services.coding.segments import segments_of
from dotsdesk.store import Project
from tests.paths import DATA

REFI = DATA / "refi"


def run(project: Project, name: str) -> RefiReport:
    with project.write() as s:
        report = import_file(s, REFI / name)
    assert isinstance(report, RefiReport)
    return report


def coded(project: Project) -> set[tuple[str, str, str | None]]:
    """(code path, segment text, coder) for every code of every segment."""
    out = set()
    with project.read() as s:
        paths = code_paths(s)
        for rid in s.scalars(select(Response.id)):
            for seg in segments_of(s, rid):
                out |= {(paths[c], seg.text, seg.coder) for c in seg.code_ids}
    return out


def text(report: RefiReport) -> str:
    return "\n".join(report.lines())


def test_nvivo_sources_folder_bom_crlf_cases_and_media(project: Project) -> None:
    report = run(project, "nvivo_like.qdpx")
    assert coded(project) == {
        ("Role/Research", "research", "Ana"),
        ("Role/Engineering", "engineering", "Ana"),
        ("Code review", "Code review taught me", "Ana"),
        ("Role/Engineering", "moved to engineering.\nCode review", "Ana"),
        ("Role/Engineering", "ship models", "Ana"),
        ("Role/Engineering", "Deployment is the hard part", "Ana"),
        ("Role/Research", "modelling", "Ana"),
    }
    with project.read() as s:
        texts = set(s.scalars(select(Response.text)))
        assert (
            "We ship models every week.\nDeployment is the hard part; modelling is the "
            "easy part.\n" in texts
        )  # line ends normalised, BOM gone
        assert any(t.startswith("Speaker 1: The interview") for t in texts)  # transcript kept
        role = s.scalar(select(Code).where(Code.name == "Role"))
        assert role is not None and role.description == "Where they work.\nTwo lines, on purpose."
        assert role.colour == "#3366CC"
        memos = set(s.scalars(select(Memo.text)))
        assert memos == {"Reviews come up in every interview.", "Follow up on the move."}
        labels = set(s.scalars(select(Respondent.label)))
        assert "Participant 01" in labels and "Jane Doe" not in labels
        assert s.scalar(select(Identity.name)) == "Jane Doe"  # a name: private identity
        values = {
            (v.attribute.name, v.value_text, v.value_number)
            for v in s.scalars(select(AttributeValue))
        }
        assert values == {
            ("Job title", "data scientist", None),
            ("Years", None, 7.0),
            ("Years", None, 3.0),
        }
        assert set(s.scalars(select(Coder.name))) >= {"Ana", "Ben"}
    out = text(report)
    assert "skipped: 1 picture source" in out and "skipped: 1 audio selection" in out
    assert "kept as private identity" in out


def test_atlas_flat_names_one_line_xml_utf16_positions(project: Project) -> None:
    report = run(project, "atlas_like.qdpx")
    assert {(p, t) for p, t, _ in coded(project)} == {
        ("Theme/Incidents", "went well 👩‍💻"),
        ("Theme/Incidents", "Python service crashed"),
        ("Theme/Teamwork", "cafe\u0301 team"),
        ("Language/中文", "数据科学家"),
        ("Theme/Teamwork", "late 🇨🇳 to help"),
    }
    out = text(report)
    assert "read as UTF-16 units (the selections' own text matches)" in out
    assert "'::' read as a tree" in out
    assert "skipped: 1 PDF source without a text representation" in out
    assert "skipped: 1 graph" in out and "skipped: 1 link" in out


def test_maxqda_crlf_as_one_bom_counted_missing_and_outside_sources(project: Project) -> None:
    report = run(project, "maxqda_like.qdpx")
    assert {(p, t) for p, t, _ in coded(project)} == {
        ("Thèmes/Revue de code", "jeden Tag Code"),
        ("Thèmes/Déploiement 部署", "部署模型"),
        ("Thèmes/Revue de code", "revues de code"),
        ("Thèmes/Déploiement 部署", "Code.\n我们团队"),
    }
    out = text(report)
    assert "a line break counted as one, the byte-order mark counted" in out
    assert "sources skipped (the archive lacks the text file): 'Gruppe B (internal://" in out
    assert (
        "outside the archive, which is never read): 'Gruppe C (relative://../interviews/c.txt)'"
        in out
    )
    assert "skipped: 1 codings of sources skipped (their codes are kept)" in out
    with project.read() as s:  # the codes of a missing source's codings are all there
        assert set(code_paths(s).values()) == {
            "Thèmes",
            "Thèmes/Déploiement 部署",
            "Thèmes/Revue de code",
        }
        value = s.scalar(select(AttributeValue.value_text))
        assert value == "Deutschland"  # a document variable became the respondent's


def test_qualcoder_inline_text_names_and_memos(project: Project) -> None:
    report = run(project, "qualcoder_like.qdpx")
    assert {(p, t) for p, t, _ in coded(project)} == {
        ("Greeting", "hello"),
        ("Communication", "沟通最重要"),
        ("Greeting", "hello.\nLine two"),
    }
    with project.read() as s:
        memos = {
            seg.text: seg.memo
            for rid in s.scalars(select(Response.id))
            for seg in segments_of(s, rid)
        }
        assert memos["hello"] == "A warm start."
        project_memo = s.scalar(select(Memo).where(Memo.response_id.is_(None)))
        assert project_memo is not None and project_memo.text == "Project journal entry."
    assert "the selections' own text matches" in text(report)


def test_rich_text_only_source_is_read_from_the_word_file(project: Project) -> None:
    report = run(project, "richtext_only.qdpx")
    assert {t for _, t, _ in coded(project)} == {"whole source 👍🏽 here"}
    with project.read() as s:
        assert (
            s.scalar(select(Response.text))
            == "Rich text only.\nThe Word file is the whole source 👍🏽 here."
        )
    assert "line break counted as two" in text(report)


def test_codebook_only_project_with_an_empty_container(project: Project) -> None:
    report = run(project, "codebook_only.qdpx")
    with project.read() as s:
        assert set(code_paths(s).values()) == {"Only codes", "Only codes/Child"}
        assert s.scalar(select(Response.id)) is None
    assert "no sources" in text(report)


def test_taguette_codebook_merges_by_path_and_reports_conflicts(project: Project) -> None:
    with project.write() as s:
        add_code(s, "interesting", colour="#112233", description="Ours")
    report = run(project, "taguette_like.qdc")
    with project.read() as s:
        codes = {c.name: (c.colour, c.description) for c in s.scalars(select(Code))}
    assert codes["interesting"] == ("#112233", "Ours")  # the project's own kept
    assert codes["people"] == ("#00FF00", None)
    assert "a∕b split" in codes
    out = text(report)
    assert "codes: 3 added, 1 already in the project" in out
    assert "interesting: colour #FFFF00 in the file, the project's #112233 kept" in out
    assert "interesting: another description in the file" in out
    assert "'/'" in out  # the renamed code is reported


def test_the_same_file_twice_changes_nothing_the_second_time(project: Project) -> None:
    run(project, "atlas_like.qdpx")
    before = coded(project)
    again = run(project, "atlas_like.qdpx")
    assert again.already_imported and coded(project) == before


def test_a_codebook_is_imported_from_a_path_in_another_folder(
    project: Project, tmp_path: Path
) -> None:
    copy = tmp_path / "Codes.QDC"  # suffixes in any case
    copy.write_bytes((REFI / "taguette_like.qdc").read_bytes())
    with project.write() as s:
        report = import_file(s, copy)
    assert "REFI-QDA codebook" in report.lines()[0]


def test_codebooks_in_any_namespace_or_none(project: Project, tmp_path: Path) -> None:
    variants = {
        "none.qdc": (
            '<CodeBook><Codes><Code guid="{G}" name="A" isCodable="true"/></Codes></CodeBook>'
        ),
        "prefixed.qdc": (
            '<q:CodeBook xmlns:q="urn:QDA-XML:codebook:1.0"><q:Codes>'
            '<q:Code guid="{G}" name="B" isCodable="true"/></q:Codes></q:CodeBook>'
        ),
        "project_ns.qdc": (
            '<CodeBook xmlns="urn:QDA-XML:project:1.0"><Codes>'
            '<Code guid="{G}" name="C" isCodable="1" color="#abc"/></Codes></CodeBook>'
        ),
    }
    for n, (name, xml) in enumerate(variants.items()):
        path = tmp_path / name
        path.write_text(xml.replace("{G}", f"{{0000000{n}-0000-4000-8000-000000000000}}"))
        with project.write() as s:
            import_file(s, path)
    with project.read() as s:
        codes = {c.name: c.colour for c in s.scalars(select(Code))}
    assert set(codes) == {"A", "B", "C"} and codes["C"] == "#AABBCC"
