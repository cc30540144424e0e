"""问卷星 downloads, by option text (.xls, GBK .csv) and by option number (.xlsx)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import openpyxl
import pytest

from dotsdesk.importers.surveys.columns import Role
from dotsdesk.importers.surveys.legacy_excel import read_xls_records
from dotsdesk.importers.surveys.profiles import HEAD_RECORDS, Answer, Layout
from dotsdesk.importers.surveys.profiles.tencent import PROFILE as TENCENT
from dotsdesk.importers.surveys.profiles.wjx import (
    BY_NUMBER,
    BY_TEXT,
    PROFILE,
    identity_field_of,
    split_other,
)
from tests.paths import DATA

from .heads import head_of

SURVEYS = DATA / "surveys"
TEXT_SKIPS = {"(跳过)", "(空)", "（跳过）", "（空）"}


def csv_records(path: Path, codec: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_bytes().decode(codec), newline="")))


def xlsx_records(path: Path) -> list[list[str]]:
    book = openpyxl.load_workbook(path, read_only=True)
    try:
        rows = book.active.iter_rows(values_only=True)
        return [["" if v is None else str(v) for v in row] for row in rows]
    finally:
        book.close()


def records(name: str) -> list[list[str]]:
    path = SURVEYS / name
    if name.endswith(".xls"):
        return read_xls_records(path)[0]
    if name.endswith(".xlsx"):
        return xlsx_records(path)
    return csv_records(path, "gbk")


def layout(name: str) -> Layout:
    found = PROFILE.recognise(records(name)[:HEAD_RECORDS])
    assert found is not None, name
    return found


def roles(found: Layout) -> dict[str, tuple[Role | None, str | None]]:
    return {c.header: (c.role, c.identity_field) for c in found.columns}


METADATA_ROLES = {
    "序号": (Role.ID, None),
    "提交答卷时间": (Role.DATE, None),
    "所用时间": (Role.IGNORED, None),
    "来源": (None, None),  # 手机提交 / 微信 / 链接: a channel, not a person
    "来源详情": (Role.IDENTITY, "other"),
    "来自IP": (Role.IDENTITY, "other"),
}


@pytest.mark.parametrize("name", ["wjx_text.xls", "wjx_text_gbk.csv"])
def test_by_text_download(name: str) -> None:
    found = layout(name)
    assert (found.tool, found.variant, found.header_rows) == ("问卷星", BY_TEXT, 1)
    assert found.skip_markers == TEXT_SKIPS
    assert (found.multi_separator, found.ranking_separator) == ("┋", "→")
    assert [(c.qid, c.header, c.answer) for c in found.columns[6:]] == [
        ("Q1", "您的性别", None),
        ("Q2", "您使用过哪些工具？", Answer.MULTI),
        ("Q3_1", "Q3 - 速度", Answer.MATRIX),
        ("Q3_2", "Q3 - 准确性", Answer.MATRIX),
        ("Q4", "请将以下功能按重要性排序", Answer.RANKING),
        ("Q5", "您在使用中遇到的最大困难是什么？", None),
        ("Q6", "您的手机号码", None),
    ]
    assert [(c.question, c.option) for c in found.columns[8:10]] == [
        ("Q3", "速度"),
        ("Q3", "准确性"),
    ]
    got = roles(found)
    assert {h: got[h] for h in METADATA_ROLES} == METADATA_ROLES
    assert got["您的手机号码"] == (Role.IDENTITY, "phone")
    assert all(got[h] == (None, None) for h in ("您的性别", "您在使用中遇到的最大困难是什么？"))


def test_by_number_download() -> None:
    found = layout("wjx_number.xlsx")
    assert (found.tool, found.variant, found.header_rows) == ("问卷星", BY_NUMBER, 1)
    assert found.skip_markers == TEXT_SKIPS | {"-3", "-2"}
    assert (found.multi_separator, found.ranking_separator) == (None, None)
    assert found.unchosen == {"0"}
    tools = "您使用过哪些工具？"
    assert [(c.qid, c.header, c.question, c.option, c.answer) for c in found.columns[6:]] == [
        ("Q1", "您的性别", None, None, None),
        ("Q2_1", f"{tools} - Python", tools, "Python", Answer.OPTION),
        ("Q2_2", f"{tools} - R", tools, "R", Answer.OPTION),
        ("Q2_3", f"{tools} - Excel", tools, "Excel", Answer.OPTION),
        ("Q3_1", "Q3 - 速度", "Q3", "速度", Answer.MATRIX),
        ("Q3_2", "Q3 - 准确性", "Q3", "准确性", Answer.MATRIX),
        ("Q4", "您在使用中遇到的最大困难是什么？", None, None, None),
        ("Q5", "您的手机号码", None, None, None),
    ]
    got = roles(found)
    assert {h: got[h] for h in METADATA_ROLES} == METADATA_ROLES
    assert got["您的手机号码"] == (Role.IDENTITY, "phone")


@pytest.mark.parametrize("name", ["wjx_text.xls", "wjx_text_gbk.csv", "wjx_number.xlsx"])
def test_fixtures_hold_what_they_stand_for(name: str) -> None:
    rows = records(name)
    cells = [c for row in rows for c in row]
    assert len(rows) - 1 >= 4
    assert {"13812345678", "183.192.16.69(上海-上海)", "手机提交"} <= set(cells)
    assert any("\n" in c for c in cells)
    assert ("-3" if name.endswith(".xlsx") else "(跳过)") in cells
    if name.endswith(".csv"):
        (SURVEYS / name).read_bytes().decode("gbk")  # GBK, so no emoji and no combining marks
        assert "界面的 café 风格很好看，但是编码太慢" in cells
    else:
        assert "界面的 cafe\u0301 风格很好看 👍🏽，但是编码太慢" in cells
        assert any("👩\u200d💻" in c for c in cells)


def test_channel_is_not_identity_even_from_a_phone() -> None:
    found = layout("wjx_text.xls")
    channel = next(c for c in found.columns if c.header == "来源")
    assert channel.role is not Role.IDENTITY and channel.identity_field is None
    assert "手机提交" in [row[3] for row in records("wjx_text.xls")]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("其他〖自己写的脚本〗", ("其他", "自己写的脚本")),
        ("其他（请注明）〖用 Excel 宏\n和 VBA〗", ("其他（请注明）", "用 Excel 宏\n和 VBA")),
        ("其他〖〗", ("其他", None)),
        ("其他〖a〖b〗c〗", ("其他", "a〖b〗c")),
        ("Python", ("Python", None)),
        ("(跳过)", ("(跳过)", None)),
    ],
)
def test_split_other(value: str, expected: tuple[str, str | None]) -> None:
    assert split_other(value) == expected


def test_split_other_after_splitting_choices() -> None:
    cell = "Python┋其他〖自己写的脚本〗"
    choices = [split_other(v) for v in cell.split("┋")]
    assert choices == [("Python", None), ("其他", "自己写的脚本")]


def test_identity_field_of_values() -> None:
    assert identity_field_of(["13812345678", "+86 139 1234 5670"]) == "phone"
    assert identity_field_of(["a@example.com", "b@example.cn"]) == "email"
    assert identity_field_of(["13812345678", "不告诉你"]) is None
    assert identity_field_of(["12345678901"]) is None  # not a mobile number
    assert identity_field_of([]) is None


HEADER = ["序号", "提交答卷时间", "所用时间", "来源", "来源详情", "来自IP"]
ROW = ["1", "2023/5/1 10:20:30", "125秒", "手机提交", "直接访问", "183.192.16.69(上海-上海)"]


def test_header_below_a_title_line() -> None:
    head = [["问卷标题"], [*HEADER, "1、您的性别："], [*ROW, "女"]]
    found = PROFILE.recognise(head)
    assert found is not None and found.header_rows == 2
    assert [c.header for c in found.columns] == [*HEADER, "您的性别"]


def test_brackets_ending_a_question_are_not_an_option() -> None:
    head = [
        [*HEADER, "1、请写下您的建议(60字以内)", "2、满意度(速度)", "2、满意度(价格)"],
        [*ROW, "希望更快", "4", "5"],
    ]
    found = PROFILE.recognise(head)
    assert found is not None
    advice, speed, price = found.columns[6:]
    assert (advice.header, advice.qid, advice.option) == ("请写下您的建议(60字以内)", "Q1", None)
    assert (speed.question, speed.option, speed.qid) == ("满意度", "速度", "Q2_1")
    assert (price.question, price.option, price.answer) == ("满意度", "价格", Answer.MATRIX)


def test_older_downloads_name_rows_with_di_ti() -> None:
    head = [[*HEADER, "第1题(速度)", "第1题(价格)"], [*ROW, "满意", "一般"]]
    found = PROFILE.recognise(head)
    assert found is not None
    assert [(c.qid, c.question, c.option) for c in found.columns[6:]] == [
        ("Q1_1", "Q1", "速度"),
        ("Q1_2", "Q1", "价格"),
    ]


def test_a_single_choice_with_other_text_is_a_choice() -> None:
    head = [[*HEADER, "1、您的职业："], [*ROW, "学生"], [*ROW, "其他〖自由职业〗"]]
    found = PROFILE.recognise(head)
    assert found is not None and found.columns[6].answer is Answer.SINGLE


def test_header_only_is_recognised() -> None:
    found = PROFILE.recognise([[*HEADER, "1、您的性别："]])
    assert found is not None and found.variant == BY_TEXT


@pytest.mark.parametrize(
    "head",
    [
        [["序号", "提交答卷时间", "姓名", "回答"], ["1", "2023/5/1", "小K", "很好"]],  # no 1、
        [["提交答卷时间", "序号", "1、您的性别："], ["2023/5/1", "1", "女"]],  # order
        [["编号", "提交时间", "1、您的性别："], ["1", "2023/5/1", "女"]],  # not 问卷星's names
        [["id", "answer"], ["1", "yes"]],
        [],
    ],
)
def test_not_claimed(head: list[list[str]]) -> None:
    assert PROFILE.recognise(head) is None


OTHER_TABLES = [
    DATA / name
    for name in (
        "gbk.csv",
        "lo_gbk.csv",
        "google_forms.csv",
        "qualtrics.csv",
        "utf8_bom.csv",
        "title_lines.csv",
        "multiline.csv",
        "european_semicolon.csv",
        "lo_utf8.csv",
        "lo_unicode.txt",
    )
] + sorted(
    p
    for p in SURVEYS.glob("*.csv")
    if not p.name.startswith("wjx_")  # tencent.csv too: the other Chinese tool
)


@pytest.mark.parametrize("path", OTHER_TABLES, ids=lambda p: p.name)
def test_other_exports_are_not_claimed(path: Path) -> None:
    assert PROFILE.recognise(head_of(path) or []) is None


def test_other_workbooks_are_not_claimed() -> None:
    assert PROFILE.recognise(read_xls_records(DATA / "old_excel.xls")[0]) is None
    assert PROFILE.recognise(xlsx_records(DATA / "title_merged.xlsx")[:HEAD_RECORDS]) is None


@pytest.mark.parametrize("name", ["wjx_text.xls", "wjx_text_gbk.csv", "wjx_number.xlsx"])
def test_tencent_does_not_claim_wjx(name: str) -> None:
    assert TENCENT.recognise(records(name)[:HEAD_RECORDS]) is None


def test_by_number_from_option_columns_alone() -> None:
    head = [[*HEADER, "1、工具？(Python)", "1、工具？(R)"], [*ROW, "1", "0"], [*ROW, "0", "0"]]
    found = PROFILE.recognise(head)
    assert found is not None and found.variant == BY_NUMBER
    assert [c.answer for c in found.columns[6:]] == [Answer.OPTION, Answer.OPTION]


def test_by_number_from_skip_codes_alone() -> None:
    head = [[*HEADER, "1、您的性别：", "2、建议"], [*ROW, "1", "很好"], [*ROW, "-3", "(空)"]]
    found = PROFILE.recognise(head)
    assert found is not None and found.variant == BY_NUMBER
    head[2][6] = "(跳过)"  # by text, a question skipped by logic reads (跳过)
    head[1][6] = "-3"  # so -3 is an answer someone typed
    found = PROFILE.recognise(head)
    assert found is not None and found.variant == BY_TEXT
