"""`dotsdesk analyse` on the sample project, as a user runs it."""

from __future__ import annotations

from pathlib import Path

from .conftest import Run


def test_crosstab_reproduces_the_post(cli, demo_project: Path) -> None:  # type: ignore[no-untyped-def]
    result: Run = cli(
        "analyse", demo_project, "crosstab", "--by", "Company size", "--codes", "Role"
    )
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    research = next(line for line in lines if line.startswith("Role/Research"))
    assert research.endswith("6 (20%)")
    assert next(line for line in lines if line.startswith("Role/Hybrid")).endswith("18 (60%)")
    assert lines[-2].startswith("Base (n)") and lines[-2].endswith("30")

    records = cli(
        "analyse", demo_project, "crosstab", "--by", "Company size", "--codes", "Role", "--json"
    ).json()
    shares = {r["code"]: r["percent_of_column"] for r in records if r["value"] == "(all)"}
    assert shares == {
        "Role": 100.0,
        "Role/Research": 20.0,
        "Role/Engineering": 20.0,
        "Role/Hybrid": 60.0,
    }
    large = next(
        r for r in records if r["code"] == "Role/Research" and r["value"] == "large company"
    )
    assert large == {
        "code": "Role/Research",
        "value": "large company",
        "respondents": 3,
        "row_base": 6,
        "column_base": 12,
        "total_base": 30,
        "percent_of_row": 50.0,
        "percent_of_column": 25.0,
        "percent_of_total": 10.0,
    }


def test_frequencies_cooccurrence_and_words(cli, demo_project: Path) -> None:  # type: ignore[no-untyped-def]
    freq = cli("analyse", demo_project, "frequencies", "--json").json()
    research = next(r for r in freq if r["code"] == "Role/Research")
    assert (research["respondents"], research["base"], research["percent"]) == (6, 30, 20.0)

    pairs = cli("analyse", demo_project, "cooccurrence", "--unit", "respondent", "--json").json()
    assert pairs and set(pairs[0]) == {
        "code_a",
        "code_b",
        "unit",
        "count",
        "jaccard",
        "code_a_units",
        "code_b_units",
    }
    assert pairs == sorted(pairs, key=lambda p: -p["count"])

    words = cli("analyse", demo_project, "words", "--top", "5", "--json").json()
    assert [w["word"] for w in words][:2] == ["research", "production"]
    table = cli("analyse", demo_project, "words", "--word", "production")
    assert table.code == 0 and "23 use(s) of 'production'" in table.out


def test_a_population_and_clear_errors(cli, demo_project: Path) -> None:  # type: ignore[no-untyped-def]
    small = cli(
        "analyse", demo_project, "frequencies", "--where", "Company size=small company", "--json"
    ).json()
    assert next(r for r in small if r["code"] == "Role/Research")["base"] == 8
    missing = cli("analyse", demo_project, "crosstab")
    assert missing.code == 1 and "--by ATTRIBUTE" in missing.err
    unknown = cli("analyse", demo_project, "crosstab", "--by", "Height")
    assert unknown.code == 1 and "no attribute 'Height'" in unknown.err
    coders = cli("analyse", demo_project, "agreement", "--coders", "sample,nobody")
    assert coders.code == 1 and "no coder 'nobody' (known here: sample)" in coders.err


def test_agreement_with_a_second_coder(cli, demo_project: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    copy = tmp_path / "two.dots"
    copy.write_bytes(demo_project.read_bytes())
    coded = cli(
        "autocode", copy, "--code", "Role/Research", "--pattern", "research", "--coder", "bob"
    )
    assert coded.code == 0, coded.err
    records = cli("analyse", copy, "agreement", "--coders", "sample,bob", "--json").json()
    overall = records[-1]
    assert overall["code"] == "All codes"
    assert -1.0 <= overall["kappa_characters"] <= 1.0
    assert 0.0 <= overall["percent_agreement_characters"] <= 100.0
    spans = cli("analyse", copy, "agreement", "--coders", "sample,bob", "--disagreements", "--json")
    assert spans.code == 0 and {d["coded_by"] for d in spans.json()} <= {"sample", "bob"}


def test_export_reports(cli, demo_project: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import docx
    import openpyxl

    report = cli("export", demo_project, "report.xlsx", "--analysis", "--by", "Company size")
    assert report.code == 0, report.err
    book = openpyxl.load_workbook(tmp_path / "report.xlsx")
    assert book.sheetnames == [
        "Frequencies", "Crosstab Company size", "Co-occurrence", "Words", "Segments",
        "Codebook", "Respondents",
    ]  # fmt: skip
    codebook = cli("export", demo_project, "codebook.docx", "--codebook", "--shareable")
    assert codebook.code == 0 and "14 codes" in codebook.out
    assert docx.Document(str(tmp_path / "codebook.docx")).paragraphs[0].text == "Codebook"
    refused = cli("export", demo_project, "shared.docx", "--excerpts", "--shareable")
    assert refused.code == 1 and "blocked: P30: consent was never asked" in refused.err
    assert not (tmp_path / "shared.docx").exists()
    kept = cli("export", demo_project, "shared.docx", "--excerpts", "--shareable", "--placeholders")
    assert kept.code == 0 and "withheld by the consent gate" in kept.out
    wrong = cli("export", demo_project, "x.xlsx", "--codebook")
    assert wrong.code == 1 and "--codebook writes a .docx file" in wrong.err
