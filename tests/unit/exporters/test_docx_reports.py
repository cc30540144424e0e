"""The Word reports read back with python-docx: the codebook (tree, descriptions, counts, an
example each) and the coded excerpts, internal and through the consent gate."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest

from dotsdesk.exporters.docx.codebook import export_codebook_docx
from dotsdesk.exporters.docx.excerpts import export_excerpts_docx
from dotsdesk.exporters.docx.report import INTERNAL_NOTE, SHAREABLE_NOTE, SWATCH
from dotsdesk.services.analysis.excerpts import coded_excerpts
from dotsdesk.services.coding.codebook import find_code
from dotsdesk.services.consent.gate import QuotesBlocked
from dotsdesk.store import Project

# In the sample, P17 and P26 were asked and never answered, P22 withdrew, P29 declined and
# P30 was never asked: the gate blocks their quotes.
BLOCKED = ("P17", "P22", "P26", "P29", "P30")


def _paragraphs(path: Path) -> list[tuple[str, str]]:
    return [(p.style.name, p.text) for p in docx.Document(str(path)).paragraphs]


def _segment_texts(project: Project) -> dict[str, set[str]]:
    with project.read() as s:
        return {g.code.path: {e.text for e in g.excerpts} for g in coded_excerpts(s) if g.excerpts}


def test_the_codebook(sample_project: Project, tmp_path: Path) -> None:
    target = tmp_path / "codebook.docx"
    with sample_project.read() as s:
        assert export_codebook_docx(s, target, title="Connect the Dots No.4") == 14
    paragraphs = _paragraphs(target)
    assert paragraphs[:2] == [("Title", "Codebook"), ("Subtitle", "Connect the Dots No.4")]
    assert paragraphs[2][1].startswith(INTERNAL_NOTE)
    headings = [(style, text) for style, text in paragraphs if style.startswith("Heading")]
    assert headings[:3] == [
        ("Heading 1", f"{SWATCH} Role"),
        ("Heading 2", f"{SWATCH} Research"),
        ("Heading 2", f"{SWATCH} Engineering"),
    ]
    texts = [text for _, text in paragraphs]
    at = texts.index(f"{SWATCH} Research")
    assert texts[at + 1].startswith("Describes their work as pure research")
    assert texts[at + 2] == "Role/Research: 6 segments from 6 respondents (20% of 30)."
    assert texts[at + 3].startswith("Example, P0")
    assert paragraphs[at + 4][0] == "Quote"
    assert texts[at + 4] in _segment_texts(sample_project)["Role/Research"]
    role = texts.index(f"{SWATCH} Role")
    assert "with its sub-codes 30 segments from 30 respondents" in texts[role + 2]
    run = docx.Document(str(target)).paragraphs[role].runs[0]
    assert run.text.startswith(SWATCH) and run.font.color.rgb is not None


def test_a_shareable_codebook_quotes_only_what_consent_allows(
    sample_project: Project, tmp_path: Path
) -> None:
    target = tmp_path / "codebook.docx"
    with sample_project.read() as s:
        export_codebook_docx(s, target, shareable=True)
    texts = [text for _, text in _paragraphs(target)]
    assert texts[1].startswith(SHAREABLE_NOTE)
    examples = [t for t in texts if t.startswith("Example, ")]
    assert examples and not any(label in t for t in examples for label in BLOCKED)


def test_internal_excerpts_are_every_segment_exactly(
    sample_project: Project, tmp_path: Path
) -> None:
    target = tmp_path / "excerpts.docx"
    with sample_project.read() as s:
        research = find_code(s, "Role").id
        written, withheld = export_excerpts_docx(s, target, code_ids=[research])
    assert (written, withheld) == (30, 0)
    paragraphs = _paragraphs(target)
    quotes = [text for style, text in paragraphs if style == "Quote"]
    expected = _segment_texts(sample_project)
    assert len(quotes) == 30
    assert (
        set(quotes)
        == expected["Role/Research"] | expected["Role/Engineering"] | expected["Role/Hybrid"]
    )
    headings = [text for style, text in paragraphs if style == "Heading 1"]
    assert headings == [
        f"{SWATCH} Role/Research (6 excerpts)",
        f"{SWATCH} Role/Engineering (6 excerpts)",
        f"{SWATCH} Role/Hybrid (18 excerpts)",
    ]
    about = next(text for text in (t for _, t in paragraphs) if text.startswith("P01 ("))
    assert "Job title: research scientist" in about and "Company size: large company" in about


def test_shareable_excerpts_pass_the_gate(sample_project: Project, tmp_path: Path) -> None:
    target = tmp_path / "shared.docx"
    with sample_project.read() as s, pytest.raises(QuotesBlocked) as refused:
        export_excerpts_docx(s, target, shareable=True)
    assert not target.exists()
    assert {d.label for d in refused.value.decisions} <= set(BLOCKED)
    with sample_project.read() as s:
        written, withheld = export_excerpts_docx(s, target, shareable=True, placeholders=True)
    assert withheld == len(refused.value.decisions) > 0
    texts = [text for _, text in _paragraphs(target)]
    assert sum(t.startswith("[quote withheld: ") for t in texts) == withheld
    assert not any(t.startswith(label) for t in texts for label in BLOCKED)
    assert written + withheld == sum(len(v) for v in _segment_texts(sample_project).values())


def _pictures(path: Path) -> list[bytes]:
    document = docx.Document(str(path))
    return [
        document.part.related_parts[shape._inline.graphic.graphicData.pic.blipFill.blip.embed].blob
        for shape in document.inline_shapes
    ]


def test_charts_are_pictures_with_their_bases(sample_project: Project, tmp_path: Path) -> None:
    import warnings

    with sample_project.write() as s:  # a Chinese code name and value: drawn, not boxes
        from dotsdesk.services.coding import segments as coding
        from dotsdesk.services.coding.codebook import ensure_code

        code = ensure_code(s, "Role/混合型 🧪", colour="#AA3377").id
        coding.code_span(s, 1, 0, 5, [code], coder="ann")
    codebook, excerpts = tmp_path / "codebook.docx", tmp_path / "excerpts.docx"
    with sample_project.read() as s, warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        export_codebook_docx(s, codebook, by=("Company size",))
        role = find_code(s, "Role").id
        export_excerpts_docx(s, excerpts, code_ids=[role], by=("Company size",))
    assert [str(w.message) for w in caught] == []  # an emoji without a font is a quiet box
    frequency, *by_size = _pictures(codebook)
    assert frequency.startswith(b"\x89PNG") and len(by_size) == 2  # Role and Theme
    captions = [t for style, t in _paragraphs(codebook) if style == "Caption"]
    assert captions[0] == (
        "Figure: respondents per code, every code used; base n = 30 respondents."
    )
    assert captions[1].startswith("Figure: Role by Company size: the share of the respondents")
    assert "30 respondents in all" in captions[1]
    assert len(_pictures(excerpts)) == 1  # the codes asked for: Role
    plain = tmp_path / "plain.docx"
    with sample_project.read() as s:
        export_excerpts_docx(s, plain)
    assert _pictures(plain) == []  # charts only when asked


def test_chinese_labels_find_a_font() -> None:
    import warnings

    from matplotlib.figure import Figure

    from dotsdesk.exporters.charts import CJK_FONTS, draw_bars, font_families

    if not set(CJK_FONTS) & set(font_families()):
        pytest.skip("no Chinese font installed here")
    figure = Figure()
    draw_bars(figure.add_subplot(), "角色", ["研究型", "工程型", "混合型"], [6, 6, 18])
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        figure.savefig(io.BytesIO(), format="png")
    assert [str(w.message) for w in caught] == []
