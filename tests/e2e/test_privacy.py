"""Private identity never leaves the project, except in the consent register (design.md).

As a user would: every survey-tool fixture and every transcript imported into one project with
the real `dotsdesk` command, every response coded, every respondent agreeing to be quoted
anonymously, then every shareable export written: the Excel workbook (without --consent) and a
post as .docx, .md and .html. No identity value may appear in any of them: the workbooks and
documents are unzipped and every XML part searched, besides the text a reader sees.

The values looked for are the project's own Identity table (whatever the importers kept
private) and, listed by hand from the fixtures, every value that is identity whatever the
importers decided: an IP column read as an attribute would not be in the Identity table, but
it would be found here. The consent register must hold them, and say so on its first sheet.
"""

from __future__ import annotations

import csv
import html
import re
import zipfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest
from docx import Document
from openpyxl import load_workbook
from sqlalchemy import select

from dotsdesk.model import Identity, Respondent
from dotsdesk.store import Project
from tests.paths import DATA

from .conftest import run_cli

SURVEYS = DATA / "surveys"
TRANSCRIPTS = DATA / "transcripts"
SURVEY_FILES = sorted(
    p
    for p in SURVEYS.iterdir()
    if p.suffix in (".csv", ".xlsx", ".xls") and p.name != "wjx_sheets.xls"
)
TRANSCRIPT_FILES = sorted(
    p for p in TRANSCRIPTS.iterdir() if p.suffix in (".docx", ".txt", ".md", ".rtf", ".vtt", ".srt")
)

# Every identity value in the survey fixtures, read off the files (tests/data/surveys/README).
IDENTITY: dict[str, list[str]] = {
    "IP addresses": [
        # Qualtrics
        "203.0.113.7", "198.51.100.23", "2001:db8::1f", "192.0.2.140", "192.0.2.77",
        # SurveyMonkey
        "203.0.113.5", "192.0.2.44", "2001:db8::1", "203.0.113.77", "203.0.113.9",
        "198.51.100.4", "192.0.2.10", "203.0.113.200", "203.0.113.50", "198.51.100.60",
        "192.0.2.70", "203.0.113.80",
        # LimeSurvey
        "2001:db8::7", "203.0.113.90", "203.0.113.11", "198.51.100.12", "192.0.2.13",
        "203.0.113.14", "203.0.113.21", "198.51.100.22", "192.0.2.23", "2001:db8::24",
        "203.0.113.31", "198.51.100.32", "192.0.2.33", "203.0.113.34",
        # 问卷星, with the city after the address, and 腾讯问卷
        "183.192.16.69(上海-上海)", "112.65.12.3(上海-上海)", "36.110.8.1(北京-北京)",
        "223.104.3.10(广东-深圳)", "120.229.8.5(广东-广州)", "183.192.16.69", "112.65.12.3",
        "36.110.8.1", "223.104.3.10", "120.229.8.5",
    ],
    "e-mail addresses": [
        "kai.lin@example.com", "zoe.mueller@example.org", "jose@example.com",
        "anna@example.org", "wang.fang@example.cn", "li.lei@example.cn", "zoe@example.net",
        "kk@example.com", "ben@example.net", "zoe@example.de", "jana@example.de",
        "zoe@example.org", "anon@example.net", "ana@example.com", "kai@example.com",
        "gong@example.cn",
    ],
    "phone numbers": ["13812345678", "13912345670", "15000000000", "18612345678", "13700000000"],
    "names": [
        "Müller", "Zoë", "García", "José", "Lin, Kai", "García, José", "Jones", "Martin",
        "Okafor", "Weber", "Jana", "Koch", "张伟", "李娜", "老王",
    ],
    # Recipient and panel references, custom data, collector ids: they link to a person.
    "references": [
        "EXT-0001", "EXT-0002", "EXT-0004", "panel-17", "crm-17", "cohort-7", "team-a",
        "团队-3", "234567890", "234567891", "234567892", "234567893", "234567894", "234567895",
    ],
    "coordinates": [
        "31.2304", "121.4737", "52.5200", "13.4050", "40.4168", "-3.7038",
    ],
    # Access codes, referring links (with the code in them), WeChat and QQ ids.
    "tokens and links": [
        "tk3Xq9LmPa01bcd", "Zk81mQpw2Lx7yTr", "Pq0Wd7sRt5Yu3Io", "Mn4Bv6Cx8Zl2Kj0",
        "Hg5Fd3Sa1Qw9Er7", "aB3dE5fG7hJ9kL1", "cD4eF6gH8jK0lM2", "eF5gH7jK9lM1nP3",
        "gH6jK8lM0nP2qR4", "Qw3Er5Ty7Ui9Op1", "As4Df6Gh8Jk0Lz2", "Zx5Cv7Bn9Mq1Wr3",
        "Tg6Yh8Uj0Ik2Ol4", "https://example.org/?utm_source=newsletter",
        "https://mp.weixin.qq.com/s/Xb2", "https://wj.qq.com/", "oX7a_fake_openid_01",
        "fake_qq_02", "oX7a_fake_openid_04",
    ],
    # Not identity, but never shown either: a label is never the tool's response id.
    "response ids": [
        "R_1a2B3c4D5e6F7g8", "R_2bCdEfGhIjKlMn9", "R_3xYz0AbCdEfGhIj", "R_4kLmNoPqRsTuVw5",
        "10745123456", "10745123480", "10745200001", "10745300011",
    ],
}  # fmt: skip
# Every export the command line writes: file -> its options.
EXPORTS: dict[str, list[str]] = {
    "out.xlsx": [],  # Segments, Codebook, Respondents
    "post.docx": ["--post", "1", "--placeholders"],
    # For reviewers: a Word comment on each quote says where it comes from.
    "reviewed.docx": ["--post", "1", "--placeholders", "--comments"],
    "post.md": ["--post", "1", "--placeholders"],
    "post.html": ["--post", "1", "--placeholders"],
    # Crosstabs by an attribute: an identity column read as one would show here.
    "analysis.xlsx": ["--analysis", "--by", "来源", "--by", "What is your current role?"],
    # Internal reports of every excerpt, with each respondent's attributes.
    "codebook.docx": ["--codebook"],
    "excerpts.docx": ["--excerpts"],
    "out.qdpx": [],  # REFI-QDA for NVivo, ATLAS.ti, MAXQDA: respondents by label
    # Not shareable: the two that hold identity, and say so.
    "register.xlsx": ["--consent"],
    "team.qdpx": ["--with-identity"],
}
PRIVATE = {"register.xlsx", "team.qdpx"}
SHAREABLE = [name for name in EXPORTS if name not in PRIVATE]
# Values that respondents also wrote in their answers ("小K说：…"): an answer is not a leak.
IN_ANSWERS = {"小K"}
# Found in the consent register whatever the order of the imports (no two files share them).
IN_REGISTER = [
    "183.192.16.69(上海-上海)", "13700000000", "oX7a_fake_openid_01", "tk3Xq9LmPa01bcd",
    "234567893", "cohort-7", "团队-3", "https://example.org/?utm_source=newsletter", "张伟",
    "kai@example.com", "jana@example.de", "Okafor", "Jane Doe",
]  # fmt: skip


@dataclass
class Study:
    folder: Path
    identity: list[str]  # the values of the project's Identity table
    labels: list[str]
    exports: dict[str, str]  # shareable export -> all of its text
    register: str
    register_first_sheet: str


def run(folder: Path, *args: str | Path) -> str:
    result = run_cli(*args, cwd=folder, env={"XDG_DATA_HOME": str(folder / "data")})
    assert result.code == 0, (args, result.err)
    return result.out


def identity_values(project_file: Path) -> tuple[list[str], list[str]]:
    """(every value in the Identity table, "header: value" lines cut; the labels)."""
    with Project.open(project_file, readonly=True) as project, project.read() as s:
        labels = list(s.scalars(select(Respondent.label)))
        values: list[str] = []
        for row in s.scalars(select(Identity)):
            for name in ("name", "email", "phone", "contact", "forum", "handle"):
                if value := getattr(row, name):
                    values.append(value)
            for line in (row.other or "").splitlines():
                values.append(line.split(": ", 1)[-1])
    return [v.strip() for v in values if v.strip()], labels


def zip_text(path: Path) -> str:
    """Every part of a .xlsx, .docx or .qdpx (XML, and a REFI project's text sources),
    entities decoded, joined; images and other binary parts as what text they hold."""
    with zipfile.ZipFile(path) as z:
        parts = [z.read(n).decode("utf-8", errors="replace") for n in z.namelist()]
    return html.unescape("\n".join(parts))


def shown_text(path: Path) -> str:
    """The text a reader sees, runs and cells joined: a value split over two runs of a
    paragraph is whole here."""
    if path.suffix == ".xlsx":
        wb = load_workbook(path, read_only=True)
        return "\n".join(
            "\t".join("" if v is None else str(v) for v in row)
            for ws in wb.worksheets
            for row in ws.iter_rows(values_only=True)
        )
    if path.suffix == ".docx":
        doc = Document(str(path))
        texts = [p.text for p in doc.paragraphs]
        texts += [c.text for t in doc.tables for r in t.rows for c in r.cells]
        return "\n".join(texts)
    if path.suffix == ".qdpx":
        return ""  # zip_text reads its XML and sources
    text = path.read_text(encoding="utf-8")
    return html.unescape(text) if path.suffix in (".html", ".qdc") else text


@pytest.fixture(scope="module")
def study(tmp_path_factory: pytest.TempPathFactory) -> Study:
    folder = tmp_path_factory.mktemp("privacy")
    run(folder, "new", "p.dots")
    run(folder, "import", "p.dots", *SURVEY_FILES, *TRANSCRIPT_FILES)
    # Every response whole, so that every answer reaches the workbook and the post.
    run(folder, "autocode", "p.dots", "--code", "Theme/Everything", "--pattern", r"\S",
        "--whole-response")  # fmt: skip
    run(folder, "autocode", "p.dots", "--code", "Theme/Cafe", "--pattern", "caf")
    identity, labels = identity_values(folder / "p.dots")
    # Everyone agrees to be quoted anonymously (by name or handle would rightly print them).
    with (folder / "consent.csv").open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["respondent", "status", "level", "translation", "date"])
        writer.writerows([label, "granted", "anonymous", "yes", "2025-01-02"] for label in labels)
    run(folder, "consent", "p.dots", "import", "consent.csv")

    run(folder, "draft", "p.dots", "--title", "T", "--sections-from", "Theme")
    # Two at a time: a post's export records when it was exported, so posts go one by one.
    # A REFI-QDA project's first export records its GUIDs: a writer too.
    posts = [n for n, args in EXPORTS.items() if "--post" in args or n.endswith(".qdpx")]
    others = [name for name in EXPORTS if name not in posts]

    def export(names: list[str]) -> None:
        for name in names:
            run(folder, "export", "p.dots", name, *EXPORTS[name])

    with ThreadPoolExecutor(max_workers=2) as pool:
        for future in [pool.submit(export, posts), pool.submit(export, others)]:
            future.result()

    exports: dict[str, str] = {}
    for name in SHAREABLE:
        path = folder / name
        zipped = zip_text(path) if path.suffix in (".xlsx", ".docx", ".qdpx") else ""
        exports[name] = zipped + "\n" + shown_text(path)
    register = folder / "register.xlsx"
    first = load_workbook(register, read_only=True).worksheets[0]
    first_sheet = "\n".join(
        str(v) for row in first.iter_rows(values_only=True) for v in row if v is not None
    )
    register_text = zip_text(register) + shown_text(register)
    return Study(folder, identity, labels, exports, register_text, first_sheet)


def needles(study: Study) -> list[str]:
    listed = [v for values in IDENTITY.values() for v in values]
    found = [v for v in study.identity if len(v) >= 2]
    return sorted({v for v in listed + found if v not in IN_ANSWERS})


def found_in(value: str, text: str) -> bool:
    """`value` in `text`, as a whole word where it starts or ends with a Latin letter or digit:
    "Ben" (a first name) is not in the theme's font script "Beng"."""
    before = r"(?<![A-Za-z0-9])" if value[0].isascii() and value[0].isalnum() else ""
    after = r"(?![A-Za-z0-9])" if value[-1].isascii() and value[-1].isalnum() else ""
    return re.search(before + re.escape(value) + after, text) is not None


def test_the_project_has_everyone_and_their_answers(study: Study) -> None:
    workbook = study.exports["out.xlsx"]
    # The answers themselves are shared: the hardest of them, whole, under pseudonyms.
    assert "小K说：我是👩\u200d💻工程师 👍🏽 🇨🇳, and the cafe\u0301 downstairs" in workbook
    assert "导入中文 CSV 时经常乱码。" in workbook
    assert all(label in workbook for label in study.labels)  # every pseudonym is there
    for post in ("post.md", "post.html", "post.docx", "reviewed.docx"):
        assert "Everything A" in study.exports[post] and "Cafe" in study.exports[post]
        assert "我们团队自己部署模型" in study.exports[post]
    assert "Consent: granted, anonymous" in study.exports["reviewed.docx"]  # the comments


@pytest.mark.parametrize("export", SHAREABLE)
def test_no_identity_in_a_shareable_export(study: Study, export: str) -> None:
    text = study.exports[export]
    leaked = [value for value in needles(study) if found_in(value, text)]
    assert leaked == [], f"{export} holds private identity: {leaked}"


def test_every_identity_value_is_listed_or_kept_private(study: Study) -> None:
    """The hand-made list and the Identity table agree: each listed value (but the response
    ids) was kept private, and the values the importers kept are looked for in the exports."""
    kept = set(study.identity)
    listed = [v for kind, values in IDENTITY.items() if kind != "response ids" for v in values]
    missing = [v for v in listed if not any(v in k for k in kept)]
    # The Qualtrics fixtures share their response ids: each import replaces those people's
    # identity, and the legacy file, imported last, has other addresses, no coordinates, no
    # external references and no recipient names.
    replaced = ["2001:db8::1f", "52.5200", "13.4050", "EXT-0001", "EXT-0002", "EXT-0004"]
    assert sorted(missing) == sorted([*replaced, "panel-17", "Müller"])
    assert len(kept) > 120


def test_the_consent_register_holds_them_and_says_so(study: Study) -> None:
    missing = [v for v in [*IN_REGISTER, *study.identity] if not found_in(v, study.register)]
    assert missing == []
    assert re.search(r"PRIVATE", study.register_first_sheet)
    assert "identity" in study.register_first_sheet


def test_the_refi_project_with_identity_holds_them(study: Study) -> None:
    """--with-identity is the other export that may hold identity, for the research team:
    the test of the shareable ones would pass on an exporter that wrote nothing at all."""
    team = zip_text(study.folder / "team.qdpx")
    assert [v for v in ("13812345678", "kai@example.com", "Jane Doe") if v not in team] == []
    shared = study.exports["out.qdpx"]
    assert "我们团队自己部署模型" in shared and all(label in shared for label in study.labels)
