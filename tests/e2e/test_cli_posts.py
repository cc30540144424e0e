"""`dotsdesk draft` and `dotsdesk export ... --post N` as a user runs them: a survey imported,
coded and consented from the command line, drafted, exported, and refused when a consent is
withdrawn."""

from __future__ import annotations

import csv
import re
import shutil
import zipfile
from pathlib import Path

from docx import Document

ANSWERS = {
    "research": "I do pure research: papers, experiments and prototypes; engineers ship the code.",
    "engineering": "Mine is intensive engineering: pipelines, deployment, monitoring and on-call.",
    "hybrid": "I do both research and engineering, from the first notebook to the service.",
}
# key, name, email, forum, handle, role, consent
PEOPLE = [
    ("S01", "Ada Quill", "ada@example.com", "", "", "research", "anonymous"),
    ("S02", "Bo Stark", "bo@example.com", "", "", "research", "declined"),
    ("S03", "Cy Moreno", "cy@example.com", "Kaggle forums", "gradient_cy", "engineering", "handle"),
    ("S04", "Di Lund", "di@example.com", "", "", "engineering", "pending"),
    ("S05", "Ed Park", "ed@example.com", "", "", "hybrid", "anonymous"),
    ("S06", "Fay Okoro", "fay@example.com", "Zhihu", "fay_zh", "hybrid", "name"),
    ("S07", "Gus Hale", "gus@example.com", "", "", "hybrid", None),
    ("S08", "Hal Ito", "hal@example.com", "Reddit", "hal_i", "hybrid", "anonymous"),
    ("S09", "Ivy Roe", "ivy@example.com", "", "", "research", "anonymous"),
    ("S10", "Jo Beck", "jo@example.com", "", "", "hybrid", "anonymous"),
]


def every_part(path: Path) -> str:
    with zipfile.ZipFile(path) as z:
        return "\n".join(z.read(n).decode("utf-8", errors="replace") for n in z.namelist())


def survey(cli, tmp_path: Path) -> Path:  # type: ignore[no-untyped-def]
    """A fresh project: import, autocode the roles, record consent, all through the CLI."""
    with (tmp_path / "survey.csv").open("w", newline="", encoding="utf-8") as f:
        out = csv.writer(f)
        out.writerow(["respondent", "name", "email", "forum", "handle", "Job title",
                      "Do you write production code?"])  # fmt: skip
        for i, (key, name, email, forum, handle, role, _) in enumerate(PEOPLE):
            title = "data scientist" if i % 2 else "research scientist"
            out.writerow([key, name, email, forum, handle, title, f"{ANSWERS[role]} ({key})"])
    assert cli("new", "t.dots").code == 0
    imported = cli("import", "t.dots", "survey.csv")
    assert imported.code == 0, imported.err
    for role, pattern in (("Research", "pure research"), ("Engineering", "intensive engineering"),
                          ("Hybrid", "both research and engineering")):  # fmt: skip
        coded = cli("autocode", "t.dots", "--code", f"Role/{role}", "--pattern", pattern,
                    "--whole-response")  # fmt: skip
        assert coded.code == 0, coded.err
    for key, *_, consent in PEOPLE:
        if consent in ("declined", "pending"):
            args = ["--status", consent]
        elif consent:
            args = ["--status", "granted", "--level", consent, "--translation", "no"]
        else:
            continue
        done = cli("consent", "t.dots", "set", key, *args, "--date", "2025-01-02")
        assert done.code == 0, done.err
    return tmp_path / "t.dots"


def test_draft_export_and_withdraw(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    survey(cli, tmp_path)
    drafted = cli("draft", "t.dots", "--title", "Do you write production code?", "--series",
                  "Connect the Dots", "--number", "5", "--sections-from", "Role")  # fmt: skip
    assert drafted.code == 0, drafted.err
    post = re.match(r"created post (\d+):", drafted.out)
    assert post is not None, drafted.out
    assert "7 quote(s)" in drafted.out
    skipped = drafted.out.split("skipped 3 quote(s) the consent gate does not allow:\n")[1]
    # Named by label: the survey's ids S01..S10 are keys, labelled P01..P10 in the scheme.
    assert "P02: consent was declined" in skipped
    assert "P04: consent is pending" in skipped
    assert "P07: consent was never asked" in skipped
    assert not re.search(r"S\d\d", skipped)

    exported = cli("export", "t.dots", "post.docx", "--post", post[1])
    assert exported.code == 0, exported.err
    doc = Document(str(tmp_path / "post.docx"))
    paragraphs = [(p.style.name if p.style else "", p.text) for p in doc.paragraphs]
    quotes = [i for i, (style, _) in enumerate(paragraphs) if style == "Quote"]
    allowed = [p for p in PEOPLE if p[6] in ("anonymous", "handle", "name")]
    assert sorted(paragraphs[i][1] for i in quotes) == sorted(
        f"{ANSWERS[p[5]]} ({p[0]})" for p in allowed
    )
    assert [paragraphs[i - 1][1] for i in quotes] == [
        "Researcher A:",  # S01
        "Researcher B:",  # S09
        "Engineer A (Kaggle forums, gradient_cy):",  # S03, by handle
        "Hybrid A:",  # S05
        "Hybrid B (Fay Okoro):",  # S06, by name
        "Hybrid C:",  # S08: anonymous, so no handle though one is recorded
        "Hybrid D:",  # S10
    ]
    for role in ("Research", "Engineering", "Hybrid"):  # a hand count of the table
        n = sum(1 for p in PEOPLE if p[5] == role.lower())
        line = (
            f"{round(100 * n / len(PEOPLE))}% of sampled respondents ({n} of 10) are coded {role}."
        )
        assert ("Normal", line) in paragraphs
    note = next(t for _, t in paragraphs if t.startswith("I have received permission"))
    assert "anonymously, with their forum ID, or by name." in note
    everything = every_part(tmp_path / "post.docx")
    for _key, name, email, forum, handle, _role, consent in PEOPLE:
        assert email not in everything
        assert (name in everything) == (consent == "name")
        for value in (forum, handle):
            if value:
                assert (value in everything) == (consent == "handle"), value

    withdrawn = cli("consent", "t.dots", "set", "S05", "--status", "withdrawn")
    assert withdrawn.code == 0, withdrawn.err
    refused = cli("export", "t.dots", "again.docx", "--post", post[1])
    assert refused.code == 1
    assert "P05: consent was withdrawn" in refused.err  # S05, by its label
    assert refused.err.strip().splitlines()[-1].startswith("dotsdesk: error: ")
    assert not (tmp_path / "again.docx").exists()
    with_gaps = cli("export", "t.dots", "again.docx", "--post", post[1], "--placeholders")
    assert with_gaps.code == 0, with_gaps.err
    assert "1 placeholder(s)" in with_gaps.out
    texts = [p.text for p in Document(str(tmp_path / "again.docx")).paragraphs]
    assert "[quote withheld: consent withdrawn]" in texts
    assert f"{ANSWERS['hybrid']} (S05)" not in texts


def test_the_sample_post_exports(cli, demo_project: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    shutil.copyfile(demo_project, tmp_path / "d.dots")
    for name, extra in (("p.docx", ["--comments"]), ("p.md", []), ("p.html", [])):
        run = cli("export", "d.dots", name, "--post", "1", *extra)
        assert run.code == 0, run.err
        assert run.out.startswith(f"wrote {name}: post 1 “Do you write production code")
        assert "13 quote(s)" in run.out
    doc = Document(str(tmp_path / "p.docx"))
    assert len(list(doc.comments)) == 13
    assert "## Hybrid\n" in (tmp_path / "p.md").read_text(encoding="utf-8")
    assert "<h2>Hybrid</h2>" in (tmp_path / "p.html").read_text(encoding="utf-8")


def test_post_export_errors(cli, demo_project: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    shutil.copyfile(demo_project, tmp_path / "d.dots")
    for args, needle in (
        (("p.docx",), "add --post N"),
        (("p.md", "--post", "1", "--comments"), "--comments is for Word"),
        (("p.docx", "--post", "99"), "no post 99"),
        (("p.xlsx", "--post", "1"), "--post, --comments and --placeholders write"),
        (("p.pdf", "--post", "1"), ".docx, .md or .html"),
    ):
        run = cli("export", "d.dots", *args)
        assert run.code == 1, (args, run.out)
        assert needle in run.err, (args, run.err)
        assert run.err.count("\n") == 1
    missing = cli("draft", "d.dots", "--title", "T", "--sections-from", "Nope")
    assert missing.code == 1 and "no code 'Nope'" in missing.err
    assert not list(tmp_path.glob("p.*"))
