"""腾讯问卷 answer downloads (.csv, UTF-8 with BOM, every field quoted, trailing comma)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from dotsdesk.importers.surveys.columns import Role
from dotsdesk.importers.surveys.legacy_excel import read_xls_records
from dotsdesk.importers.surveys.profiles import HEAD_RECORDS, Answer, Layout
from dotsdesk.importers.surveys.profiles.tencent import PROFILE, VARIANT, split_option_label
from dotsdesk.importers.surveys.profiles.wjx import PROFILE as WJX
from tests.paths import DATA

from .heads import head_of

FIXTURE = DATA / "surveys" / "tencent.csv"


def records(path: Path = FIXTURE) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_bytes().decode("utf-8-sig"), newline="")))


def layout() -> Layout:
    found = PROFILE.recognise(records()[:HEAD_RECORDS])
    assert found is not None
    return found


def test_recognised() -> None:
    found = layout()
    assert (found.tool, found.variant, found.header_rows) == ("腾讯问卷", VARIANT, 1)
    assert found.skip_markers == frozenset()  # a skipped question is an empty cell
    assert (found.multi_separator, found.ranking_separator) == (None, None)
    assert len(found.columns) == len(records()[0])  # the trailing empty column too


def test_metadata_roles() -> None:
    got = {c.header: (c.role, c.identity_field) for c in layout().columns if not c.qid}
    assert got == {
        "编号": (Role.ID, None),
        "开始答题时间": (Role.IGNORED, None),
        "结束答题时间": (Role.DATE, None),
        "答题时长": (Role.IGNORED, None),
        "地理位置国家和地区": (None, None),
        "地理位置省": (None, None),
        "地理位置市": (None, None),
        "用户类型": (None, None),
        "用户标识": (Role.IDENTITY, "handle"),
        "昵称": (Role.IDENTITY, "handle"),
        "自定义字段": (Role.IDENTITY, "other"),
        "IP": (Role.IDENTITY, "other"),
        "UA": (Role.IGNORED, None),
        "Referrer": (Role.IDENTITY, "other"),
        "": (Role.IGNORED, None),
    }


def test_questions() -> None:
    tools, city = "您使用过哪些工具？", "您所在的省份和城市"
    got = [
        (c.qid, c.header, c.question, c.option, c.answer, c.role, c.identity_field)
        for c in layout().columns
        if c.qid
    ]
    assert got == [
        ("Q1", "您的性别", None, None, Answer.SINGLE, None, None),
        ("Q2_1", f"{tools} - Python", tools, "Python", Answer.OPTION, None, None),
        ("Q2_2", f"{tools} - R", tools, "R", Answer.OPTION, None, None),
        ("Q2_3", f"{tools} - Excel", tools, "Excel", Answer.OPTION, None, None),
        ("Q3_1", f"{city} - 填空1", city, "填空1", None, None, None),
        ("Q3_2", f"{city} - 填空2", city, "填空2", None, None, None),
        ("Q4", "您对目前工具的满意程度", None, None, None, None, None),
        ("Q5", "您在使用中遇到的最大困难是什么？", None, None, None, None, None),
        ("Q6", "您的手机号", None, None, None, Role.IDENTITY, "phone"),
    ]


def test_fixture_holds_what_it_stands_for() -> None:
    data = FIXTURE.read_bytes()
    assert data.startswith(b'\xef\xbb\xbf"')
    assert all(line.endswith(b'",') for line in data.split(b"\r\n")[:-1])
    rows = records()
    cells = [c for row in rows for c in row]
    assert len(rows) - 1 >= 4
    assert {"13812345678", "183.192.16.69", "01-May-2023 10:20:30"} <= set(cells)
    assert any("\n" in c for c in cells)
    assert any("cafe\u0301" in c and "👍🏽" in c for c in cells)
    skipped = rows[3][rows[0].index("5.您在使用中遇到的最大困难是什么？")]
    assert skipped == ""


def test_matrix_rows_and_numbers() -> None:
    head = [
        ["编号", "开始答题时间", "结束答题时间", "1.请评价:速度", "1.请评价:价格", "2.年龄"],
        ["1", "2016-04-27 19:26:45", "2016-04-27 19:27:27", "4", "5", "31"],
        ["2", "2016-04-27 19:30:00", "2016-04-27 19:31:10", "A.满意", "B.一般", "28"],
    ]
    found = PROFILE.recognise(head)
    assert found is not None
    speed, price, age = found.columns[3:]
    assert (speed.question, speed.option, speed.answer) == ("请评价", "速度", None)
    assert (price.qid, price.answer, age.answer) == ("Q1_2", None, None)
    head[2][3:5] = ["3", "2"]
    found = PROFILE.recognise(head)
    assert found is not None and found.columns[3].answer is Answer.MATRIX


def test_colons_inside_the_question() -> None:
    head = [
        [
            "编号",
            "开始答题时间",
            "结束答题时间",
            "1.注意:以下哪些适用？:甲",
            "1.注意:以下哪些适用？:乙",
        ],
        ["1", "2021-02-02 20:26:58", "2021-02-02 20:27:09", "A.甲", ""],
    ]
    found = PROFILE.recognise(head)
    assert found is not None
    assert [(c.question, c.option, c.answer) for c in found.columns[3:]] == [
        ("注意:以下哪些适用？", "甲", Answer.OPTION),
        ("注意:以下哪些适用？", "乙", Answer.OPTION),
    ]


def test_earliest_published_shape() -> None:
    """2016: no 答题时长, no region; 2021: dates like 02-Feb-2021 20:26:58."""
    head = [
        ["编号", "开始答题时间", "结束答题时间", "自定义字段", "1.您的性别", "2.您的年龄？", ""],
        ["1", "02-Feb-2021 20:26:58", "02-Feb-2021 20:27:09", "", "A.男", "C.26-30岁", ""],
    ]
    found = PROFILE.recognise(head)
    assert found is not None
    assert [c.answer for c in found.columns[4:6]] == [Answer.SINGLE, Answer.SINGLE]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("A.男", ("A", "男")),
        ("AB.其他选项", ("AB", "其他选项")),
        ("D.无所谓（请直接选择此项）", ("D", "无所谓（请直接选择此项）")),
        ("男", (None, "男")),
        ("a.小写不是选项", (None, "a.小写不是选项")),
        ("", (None, "")),
    ],
)
def test_split_option_label(value: str, expected: tuple[str | None, str]) -> None:
    assert split_option_label(value) == expected


@pytest.mark.parametrize(
    "head",
    [
        [["编号", "开始答题时间", "结束答题时间", "回答"], ["1", "a", "b", "c"]],  # no 1.
        [["结束答题时间", "开始答题时间", "编号", "1.性别"], ["a", "b", "1", "A.男"]],  # order
        [["编号", "提交时间", "1.性别"], ["1", "2023-05-01", "A.男"]],
        [],
    ],
)
def test_not_claimed(head: list[list[str]]) -> None:
    assert PROFILE.recognise(head) is None


OTHER_TABLES = [
    DATA / name
    for name in (
        "gbk.csv",  # 编号 and 昵称, but no answer times and no numbered questions
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
] + sorted(p for p in (DATA / "surveys").glob("*.csv") if p != FIXTURE)


@pytest.mark.parametrize("path", OTHER_TABLES, ids=lambda p: p.name)
def test_other_exports_are_not_claimed(path: Path) -> None:
    assert PROFILE.recognise(head_of(path) or []) is None


def test_other_workbooks_are_not_claimed() -> None:
    for name in ("old_excel.xls", "surveys/wjx_text.xls"):
        assert PROFILE.recognise(read_xls_records(DATA / name)[0][:HEAD_RECORDS]) is None


def test_wjx_does_not_claim_tencent() -> None:
    assert WJX.recognise(records()[:HEAD_RECORDS]) is None
