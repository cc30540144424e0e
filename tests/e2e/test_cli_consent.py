"""`dotsdesk consent` and `export --consent` as a user runs them, and the privacy promise:
no output but the register ever holds a name, contact or handle."""

from __future__ import annotations

import csv
import io
import shutil
import zipfile
from pathlib import Path

import openpyxl


def xlsx_text(path: Path) -> str:
    """Every part of the workbook as text, to search for leaks."""
    with zipfile.ZipFile(path) as z:
        return "".join(z.read(n).decode("utf-8") for n in z.namelist())


def one_line_error(run) -> None:  # type: ignore[no-untyped-def]
    assert run.code == 1, run.out
    lines = run.err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("dotsdesk: error: "), run.err


def test_set_then_list(cli, demo_project: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    shutil.copyfile(demo_project, tmp_path / "d.dots")
    asked = cli(
        "consent", "d.dots", "set", "P30", "--status", "pending", "--date", "2025-01-05",
        "--channel", "e-mail", "--asked", "quote by handle?",
    )  # fmt: skip
    assert asked.code == 0, asked.err
    assert asked.out.strip() == "P30: pending"
    # P30 has no handle on file: consent by handle is refused, with the reason, in one line.
    no_handle = cli(
        "consent", "d.dots", "set", "P30", "--status", "granted", "--level", "handle",
        "--translation", "yes", "--date", "2025-01-09",
    )  # fmt: skip
    one_line_error(no_handle)
    assert "P30 has no handle on file" in no_handle.err
    assert "consent by handle" in no_handle.err
    granted = cli(
        "consent", "d.dots", "set", "P30", "--status", "granted", "--level", "name",
        "--translation", "yes", "--date", "2025-01-09", "--note", "=SUM(A1)",
    )  # fmt: skip
    assert granted.code == 0, granted.err
    assert granted.out.strip() == "P30: granted, by name, translation allowed"
    listed = cli("consent", "d.dots", "list", "--json").json()
    assert len(listed) == 30
    for item in listed:
        assert {"respondent", "label", "status", "level", "translation"} <= set(item)
    p30 = next(i for i in listed if i["respondent"] == "P30")
    assert (p30["status"], p30["level"], p30["translation"]) == ("granted", "name", True)
    p17 = next(i for i in listed if i["respondent"] == "P17")
    assert (p17["status"], p17["level"], p17["translation"]) == ("pending", None, None)
    assert p17["days_pending"] > 0
    waiting = cli("consent", "d.dots", "list", "--status", "pending,none")
    assert waiting.code == 0, waiting.err
    assert "P17" in waiting.out and "P26" in waiting.out and "P01 " not in waiting.out
    assert waiting.out.strip().endswith("2 respondent(s)")


def test_set_errors_are_one_line(cli, demo_project: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    shutil.copyfile(demo_project, tmp_path / "d.dots")
    before = cli("consent", "d.dots", "list", "--json").out
    for args, words in [
        (["P99", "--status", "declined"], "no respondent with id or label 'P99'"),
        (["P01", "--status", "granted"], "a grant needs a level"),
        (["P01", "--status", "maybe"], "--status 'maybe'"),
        (["P01", "--status", "granted", "--level", "full"], "--level 'full'"),
        (["P01", "--status", "declined", "--translation", "yes"], "--translation belongs"),
        (["P01", "--status", "declined", "--level", "name"], "belong to a grant"),
        (["P01", "--status", "declined", "--date", "2025-02-30"], "--date '2025-02-30'"),
    ]:
        run = cli("consent", "d.dots", "set", *args)
        one_line_error(run)
        assert words in run.err
    assert cli("consent", "d.dots", "list", "--json").out == before
    one_line_error(cli("consent", "nope.dots", "list"))
    one_line_error(cli("consent", "d.dots", "list", "--status", "happy"))


def test_help_texts(cli) -> None:  # type: ignore[no-untyped-def]
    top = cli("--help")
    assert "consent" in top.out
    main = cli("consent", "--help")
    assert main.code == 0 and "set" in main.out and "import" in main.out and "list" in main.out
    assert "--status" in cli("consent", "x.dots", "set", "--help").out
    assert "nothing is imported" in cli("consent", "x.dots", "import", "--help").out
    assert "--json" in cli("consent", "x.dots", "list", "--help").out
    assert "--consent" in cli("export", "--help").out


def test_import_good_then_bad(cli, demo_project: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    shutil.copyfile(demo_project, tmp_path / "d.dots")
    (tmp_path / "consent.csv").write_text(
        "respondent,status,level,translation,date,channel,note\n"
        "P30,pending,,,2025-01-01,email,\n"
        "P30,granted,name,no,2025-01-03,email,\n"
        "P17,declined,,,2025-01-04,,\n",
        encoding="utf-8",
    )
    dry = cli("consent", "d.dots", "import", "consent.csv", "--dry-run")
    assert dry.code == 0 and "3 consent event(s) added" in dry.out and "dry run" in dry.out
    assert cli("consent", "d.dots", "list", "--json").json()[29]["status"] == "none"
    good = cli("consent", "d.dots", "import", "consent.csv")
    assert good.code == 0, good.err
    assert "3 consent event(s) added" in good.out
    again = cli("consent", "d.dots", "import", "consent.csv")
    assert "0 consent event(s) added, 3 already recorded" in again.out
    after = cli("consent", "d.dots", "list", "--json").json()
    status = {i["respondent"]: (i["status"], i["level"]) for i in after}
    assert status["P30"] == ("granted", "name") and status["P17"] == ("declined", None)

    (tmp_path / "bad.csv").write_text(
        "Respondent,Status,Level\nP01,withdrawn,\nP02,declined,\nP99,granted,anonymous\n",
        encoding="utf-8",
    )
    bad = cli("consent", "d.dots", "import", "bad.csv")
    one_line_error(bad)
    assert "bad.csv: line 4: unknown respondent 'P99'" in bad.err
    assert cli("consent", "d.dots", "list", "--json").json() == after
    one_line_error(cli("consent", "d.dots", "import", "missing.csv"))


# -- the held-out check: every consent state, every output searched for private identity ----

SURVEY_HEADERS = ["Respondent", "Name", "E-mail", "Phone", "Forum", "Handle", "Job title", "Q"]
QUESTION = "Do you write production code as a data scientist?"
PEOPLE = [
    # key, name, e-mail, phone, forum, handle, job title, answer
    ("S1", "Alice Zhang", "alice@example.com", "+1 415 555 0101", "", "", "data scientist",
     "I write production code every week: pipelines, model serving and dashboards."),
    ("S2", "王小明", "xm@example.cn", "", "1point3acres BBS", "小明爱数据", "研究科学家",
     "我们团队的数据科学家需要自己把模型部署到生产环境，面试也考系统设计。"),
    ("S3", "Bob Smithers", "bob@example.org", "", "Reddit", "lagged_features", "ML engineer",
     "Production is someone else's job here; I hand over notebooks and specs."),
    ("S4", "李娜", "lina@example.com", "", "Zhihu", "北美搬砖喵", "数据科学家",
     "生产代码我写得不多，主要是做实验和分析，然后交给工程师。"),
    ("S5", "Dmitri Volkov", "dv@example.net", "+44 20 7946 0958", "Kaggle forums", "dv_ml",
     "applied scientist", "Code review from the engineers taught me more about production."),
    ("S6", "柯晓", "kexiao@example.com", "", "1point3acres BBS", "小K", "data scientist",
     "在小公司里更容易安排结对编程，我和最有经验的工程师一起写生产代码。"),
    ("S7", "Jane Doe-Okafor", "jane@example.org", "", "", "", "research scientist",
     "We ship research into production only when a product team adopts it."),
    ("S8", "Grace Liu", "grace@example.com", "", "Kaggle forums", "tiny_gradient", "quant",
     "Production matters more than theory in industry: everything is for production."),
    ("carol@example.net", "Carol Diaz", "carol@example.net", "", "", "", "data scientist",
     "Pair programming in production is how I learned system design."),
]  # fmt: skip
STATES = {
    "S1": "none",
    "S2": "pending",
    "S3": "declined",
    "S4": "withdrawn",
    "S5": "granted",
    "S6": "granted",
    "S7": "granted",
    "S8": "expired",
    "carol@example.net": "granted",
}


def private_strings() -> list[str]:
    found = {p[i] for p in PEOPLE for i in (1, 2, 3, 5) if p[i]}
    return sorted(found | {"carol@example.net"})


def test_held_out_no_identity_leaves_except_in_the_register(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow([*SURVEY_HEADERS[:-1], QUESTION])
    writer.writerows(PEOPLE)
    (tmp_path / "survey.csv").write_text(buf.getvalue(), encoding="utf-8")
    outputs: list[str] = []

    def ok(*args: str) -> str:
        run = cli(*args)
        assert run.code == 0, run.err
        outputs.extend([run.out, run.err])
        return run.out

    ok("new", "h.dots")
    ok("import", "h.dots", "survey.csv")
    ok("autocode", "h.dots", "--code", "Role/Hybrid", "--pattern", "production|生产")
    (tmp_path / "consent.csv").write_text(
        "Respondent,Status,Level,Translation,Date,Channel,Note,Expires\n"
        "S2,pending,,,2025-01-02,1point3acres DM,,\n"
        "S3,pending,,,2025-01-02,email,,\n"
        "S3,declined,,,2025-01-04,email,,\n"
        "S4,granted,handle,yes,2025-01-03,WeChat,,\n"
        "S5,granted,anonymous,no,2025-01-03,email,,\n"
        "S8,granted,name,no,2019-12-01,email,,2020-01-31\n",
        encoding="utf-8",
    )
    ok("consent", "h.dots", "import", "consent.csv")
    ok("consent", "h.dots", "set", "S4", "--status", "withdrawn", "--date", "2025-02-01")
    ok("consent", "h.dots", "set", "S6", "--status", "granted", "--level", "handle",
       "--translation", "yes", "--channel", "1point3acres DM")  # fmt: skip
    ok("consent", "h.dots", "set", "S7", "--status", "granted", "--level", "name")
    ok("consent", "h.dots", "set", "carol@example.net", "--status", "granted", "--level", "name")

    listed = cli("consent", "h.dots", "list", "--json")
    outputs.append(listed.out)
    states = {i["label"]: i["status"] for i in listed.json()}
    by_key = {i["respondent"]: i for i in listed.json()}
    assert {k: by_key[k]["status"] for k in STATES if k in by_key} == {
        k: v for k, v in STATES.items() if "@" not in k
    }
    assert len(states) == 9 and len(set(states.values())) == 6
    carol = next(i for i in listed.json() if i["respondent"] not in STATES)
    assert carol["respondent"] == carol["label"]  # an e-mail id is never printed
    assert (carol["status"], carol["level"]) == ("granted", "name")
    ok("consent", "h.dots", "list")
    ok("info", "h.dots", "--json")
    ok("export", "h.dots", "out.xlsx")
    outputs.append(xlsx_text(tmp_path / "out.xlsx"))
    register_message = ok("export", "h.dots", "register.xlsx", "--consent")

    leaks = [(p, n) for p in private_strings() for n, text in enumerate(outputs) if p in text]
    assert leaks == [], leaks

    # The register holds every one of them, and says so first.
    register = xlsx_text(tmp_path / "register.xlsx")
    assert [p for p in private_strings() if p not in register] == []
    assert "private identity" in register_message and "do not share" in register_message
    wb = openpyxl.load_workbook(tmp_path / "register.xlsx")
    assert wb.sheetnames == ["READ FIRST", "Register", "History"]
    assert wb.active.title == "READ FIRST"
    first = " ".join(str(c) for c in next(wb["READ FIRST"].iter_cols(values_only=True)) if c)
    assert "PRIVATE" in first and "Do not share" in first and "names" in first
    rows = list(wb["Register"].iter_rows(values_only=True))
    header = rows[0]
    table = {r[0]: dict(zip(header, r, strict=True)) for r in rows[1:]}
    assert {k: table[k]["Status"] for k in STATES} == STATES
    assert table["S6"]["Handle"] == "小K" and table["S6"]["Level"] == "handle"
    assert table["S2"]["Days pending"] > 0
    assert table["S8"]["Expires"] == "2020-01-31"
    history = list(wb["History"].iter_rows(values_only=True))
    assert len(history) - 1 == 10  # every event: 6 imported + 4 set
    dates = [r[2] for r in history[1:]]
    assert dates == sorted(dates)  # in order


def test_register_cells_are_never_formulas(cli, demo_project: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    shutil.copyfile(demo_project, tmp_path / "d.dots")
    cli("consent", "d.dots", "set", "P30", "--status", "pending", "--note", '=HYPERLINK("x")',
        "--channel", "+44 forum", "--asked", "@you")  # fmt: skip
    run = cli("export", "d.dots", "register.xlsx", "--consent")
    assert run.code == 0, run.err
    with zipfile.ZipFile(tmp_path / "register.xlsx") as z:
        sheets = [z.read(n).decode() for n in z.namelist() if n.startswith("xl/worksheets/")]
    assert not any("<f>" in s for s in sheets)
    wb = openpyxl.load_workbook(tmp_path / "register.xlsx")
    notes = [r[11] for r in wb["History"].iter_rows(values_only=True)]
    assert '=HYPERLINK("x")' in notes
    missing = cli("export", "d.dots", "no/such/register.xlsx", "--consent")
    one_line_error(missing)
    assert not (tmp_path / "no").exists()
