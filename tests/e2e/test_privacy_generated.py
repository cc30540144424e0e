"""Privacy and injection, at scale and under headers that say nothing.

test_privacy.py imports every survey tool's fixture; this one generates what a tester threw at
dotsdesk: 1,000 respondents whose identity sits under English, Chinese and misleading headers
(`Q3`, `Q7`-`Q11`: mainland mobiles, e-mail addresses, IP addresses, WeChat ids chosen by
people and made by WeChat; `来自IP`, `Email Address`, `手机号码`, `微信号`), answers that try
formulas (=, +, -, @, a tab) and HTML, all coded, everyone quoted anonymously, a post drafted
with its profile of the sample. Every shareable export is searched for every identity value,
every workbook cell for formulas, and the HTML and Markdown for markup from an answer. The
sample project (`dotsdesk demo`) goes through the same exports.
"""

from __future__ import annotations

import csv
import random
import re
import zipfile
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

import pytest
from openpyxl import load_workbook

from dotsdesk.cli import main

from .test_privacy import identity_values, shown_text, zip_text

RESPONDENTS = 1000
ANSWERS = [
    "I mostly write SQL and some Python for dashboards",
    "我们团队自己部署模型，主要是做推荐系统",
    '=HYPERLINK("http://evil.example","click") we ship models',
    "+1 for engineering, I write production code daily",
    "-2 hours a day on notebooks, the rest on pipelines",
    "@SUM(A1) is how I feel about metrics",
    "\tTabbed answer about research work and papers",
    "<script>alert(1)</script> I build data platforms",
    '<img src=x onerror="alert(1)"> hybrid role in analytics',
    "小K说：我是👩\u200d💻工程师 👍🏽, and the cafe\u0301 downstairs",
]
# Every export a user may share: file -> options.
SHAREABLE: dict[str, list[str]] = {
    "out.xlsx": [],
    "post.docx": ["--post", "1", "--placeholders"],
    "reviewed.docx": ["--post", "1", "--placeholders", "--comments"],
    "post.md": ["--post", "1", "--placeholders"],
    "post.html": ["--post", "1", "--placeholders"],
    "analysis.xlsx": ["--analysis", "--by", "{by}"],
    "codebook.docx": ["--codebook"],
    "excerpts.docx": ["--excerpts"],
    "out.qdpx": [],
    "out.qdc": [],
}
# What identity values look like, to find them in an export's text however it is laid out.
_CANDIDATES = re.compile(
    r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"  # e-mail
    r"|\+86 \d{3} \d{4} \d{4}|\d{7,}"  # phone numbers, QQ and other numbers
    r"|\d{1,3}(?:\.\d{1,3}){3}(?:\([^)]*\))?"  # IPv4, with the city 问卷星 adds
    r"|[A-Za-z][A-Za-z0-9_-]{5,40}",  # user ids
    re.ASCII,
)


def generate_survey(path: Path) -> set[str]:
    """The survey; returns every identity value in it."""
    rng = random.Random(22)
    header = ["ID", "Q1", "Q2", "Q3", "Q4", "Q5", "Q6", "Q7", "Q8", "Q9", "Q10", "Q11"]
    header += ["来自IP", "Email Address", "手机号码", "微信号"]
    rows, identity = [], set()

    def ip() -> str:
        return ".".join(str(rng.randint(1, 254)) for _ in range(4))

    for n in range(RESPONDENTS):
        chosen_id = rng.choice(["zhang", "li", "wang", "kk", "data"]) + rng.choice("_-") + str(n)
        city_ip = ip()
        private = {
            "Q3": f"138{rng.randint(0, 99999999):08d}",
            "Q7": f"user{n}@example{n % 7}.com",
            # The tester's "Q8: from 13812345600 to 13812345611" came from these.
            "Q8": f"138123456{n:02d}" if n < 12 else f"139{rng.randint(0, 99999999):08d}",
            "Q9": ip(),
            "Q10": f"{chosen_id}{rng.randint(1980, 2005)}",
            "Q11": f"wxid_{n:04d}{rng.randint(10**9, 10**10 - 1)}",
            "来自IP": f"{city_ip}(广东-深圳)",
            "Email Address": f"p{n}@mail{n % 5}.cn",
            "手机号码": f"+86 139 {rng.randint(1000, 9999)} {rng.randint(1000, 9999)}",
            "微信号": f"wx_{chosen_id}",
        }
        identity |= set(private.values()) | {city_ip}
        shared = {
            "ID": str(10000 + n),
            "Q1": rng.choice(["Research", "Engineering", "Hybrid"]),
            "Q2": f"{rng.choice(ANSWERS)} (answer {n})",
            "Q4": rng.choice(["<50", "50-500", ">500"]),
            "Q5": rng.choice(["Internet", "Finance", "Retail"]),
            "Q6": rng.choice(["本科", "硕士", "博士"]),
        }
        rows.append([{**shared, **private}[h] for h in header])
    with path.open("w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(header)
        writer.writerows(rows)
    return identity


def cli(*args: str | Path) -> None:
    assert main([str(a) for a in args]) == 0, args


@dataclass
class Study:
    folder: Path
    identity: set[str]
    exports: dict[str, Path]


def build(folder: Path, project: Path, identity: set[str], by: str) -> Study:
    """Code everything, let everyone be quoted anonymously, draft, export everything."""
    cli("autocode", project, "--code", "Theme/Everything", "--pattern", r"\S", "--whole-response")
    kept, labels = identity_values(project)
    consent = folder / "consent.csv"
    with consent.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["respondent", "status", "level", "translation", "date"])
        writer.writerows([label, "granted", "anonymous", "yes", "2025-01-02"] for label in labels)
    cli("consent", project, "import", consent)
    cli("draft", project, "--title", "T", "--sections-from", "Theme")
    exports = {}
    for name, options in SHAREABLE.items():
        exports[name] = folder / name
        cli("export", project, exports[name], *[o.format(by=by) for o in options])
    return Study(folder, identity | {v for v in kept if len(v) >= 5}, exports)


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Study:
    folder = tmp_path_factory.mktemp("generated")
    identity = generate_survey(folder / "survey.csv")
    cli("new", folder / "p.dots")
    cli("import", folder / "p.dots", folder / "survey.csv")
    return build(folder, folder / "p.dots", identity, "Q1")


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Study:
    folder = tmp_path_factory.mktemp("sample")
    cli("demo", folder / "sample.dots")
    return build(folder, folder / "sample.dots", set(), "Role")


def export_text(path: Path) -> str:
    zipped = zip_text(path) if path.suffix in (".xlsx", ".docx", ".qdpx") else ""
    return zipped + "\n" + shown_text(path)


def leaked(study: Study, name: str) -> list[str]:
    text = export_text(study.exports[name])
    found = set(_CANDIDATES.findall(text))
    found |= {m.strip(".") for m in found}
    return sorted(found & study.identity)


def test_the_generated_identity_was_kept_private(generated: Study) -> None:
    kept, labels = identity_values(generated.folder / "p.dots")
    missing = [v for v in generated.identity if v not in set(kept) and "(" not in v]
    bare_ips = [v for v in missing if re.fullmatch(r"[\d.]+", v)]  # kept with their city
    assert sorted(set(missing) - set(bare_ips)) == []
    assert len(labels) == RESPONDENTS


@pytest.mark.parametrize("name", sorted(SHAREABLE))
def test_no_identity_in_a_shareable_export_of_the_generated_survey(
    generated: Study, name: str
) -> None:
    assert leaked(generated, name) == []


@pytest.mark.parametrize("name", sorted(SHAREABLE))
def test_no_identity_in_a_shareable_export_of_the_sample(sample: Study, name: str) -> None:
    assert leaked(sample, name) == []


def test_the_exports_hold_the_answers(generated: Study) -> None:
    """The searches above would pass on empty files."""
    workbook = export_text(generated.exports["out.xlsx"])
    assert "我们团队自己部署模型，主要是做推荐系统 (answer" in workbook
    assert workbook.count("(answer ") >= RESPONDENTS  # every answer is coded
    post = export_text(generated.exports["post.md"])
    assert "Everything" in post and "(answer " in post


def test_the_profile_prints_no_identity(generated: Study) -> None:
    post = export_text(generated.exports["post.docx"])
    profile = post[post.find("Q1") :]
    assert "13812345600" not in post and "from 138" not in profile
    assert re.search(r"Q1: (Research|Engineering|Hybrid)", post)  # the profile is there


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@pytest.mark.parametrize("name", ["out.xlsx", "analysis.xlsx"])
def test_no_cell_is_a_formula_and_formula_text_stays_text(generated: Study, name: str) -> None:
    wb = load_workbook(generated.exports[name])
    risky = 0
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (ws.title, cell.coordinate, cell.value)
                if isinstance(cell.value, str) and cell.value.startswith(_FORMULA_START):
                    risky += 1
                    assert cell.quotePrefix, (ws.title, cell.coordinate, cell.value)
    if name == "out.xlsx":
        assert risky >= 4 * RESPONDENTS // len(ANSWERS)  # the answers that try it are there


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: set[str] = set()
        self.handlers: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        self.handlers += [name for name, _ in attrs if name.startswith("on")]


def test_no_markup_from_an_answer_in_html_or_markdown(generated: Study) -> None:
    html = generated.exports["post.html"].read_text(encoding="utf-8")
    parser = _Tags()
    parser.feed(html)
    assert "script" not in parser.tags and "img" not in parser.tags
    assert parser.handlers == []
    assert "&lt;script&gt;" in html  # the answer is there, as text
    markdown = generated.exports["post.md"].read_text(encoding="utf-8")
    assert re.findall(r"(?<!\\)<(?:script|img)", markdown) == []  # only escaped: \<img
    assert "\\<script\\>" in markdown


def test_refi_exports_hold_only_labels(generated: Study) -> None:
    with zipfile.ZipFile(generated.exports["out.qdpx"]) as z:
        project = z.read("project.qde").decode("utf-8")
    assert "wxid_" not in project and "@example" not in project
