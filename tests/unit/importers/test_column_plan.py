"""How survey columns are classified, on headers real tools write."""

from __future__ import annotations

from dotsdesk.importers.dates import parse_date
from dotsdesk.importers.surveys.answer_languages import normalise_language
from dotsdesk.importers.surveys.columns import Role, expand_names, plan_columns
from dotsdesk.model import AttributeType

ANSWER = "I write production code most weeks, mostly pipelines and model serving for the team."
ANSWER_ZH = "我们团队的数据科学家需要自己把模型部署到生产环境，面试也考代码能力和系统设计。"


def roles(headers: list[str], rows: list[list[str]], **kw) -> dict[str, Role]:  # type: ignore[no-untyped-def]
    return {p.header: p.role for p in plan_columns(headers, rows, **kw)}


def test_google_forms_style() -> None:
    headers = [
        "Timestamp",
        "Email Address",
        "Your name",
        "Job title",
        "Years in industry",
        "Do you write production code?",
        "语言",
    ]
    rows = [
        [
            "2020/04/03 10:22:11 AM GMT+8",
            "a@example.com",
            "Ann",
            "data scientist",
            "4",
            ANSWER,
            "English",
        ],
        ["2020/04/04 09:00:00 AM GMT+8", "b@example.com", "王伟", "研究员", "7", ANSWER_ZH, "中文"],
        [
            "2020/04/05 11:00:00 AM GMT+8",
            "c@example.com",
            "Cy",
            "data scientist",
            "2",
            ANSWER,
            "en",
        ],
    ]
    got = roles(headers, rows)
    assert got == {
        "Timestamp": Role.DATE,
        "Email Address": Role.IDENTITY,
        "Your name": Role.IDENTITY,
        "Job title": Role.ATTRIBUTE,
        "Years in industry": Role.ATTRIBUTE,
        "Do you write production code?": Role.RESPONSE,
        "语言": Role.LANGUAGE,
    }
    plans = {p.header: p for p in plan_columns(headers, rows)}
    assert plans["Years in industry"].attribute_type is AttributeType.NUMBER
    assert plans["Job title"].attribute_type is AttributeType.CATEGORY
    assert plans["Email Address"].identity_field == "email"
    assert plans["Your name"].identity_field == "name"


def test_chinese_survey_tool_headers() -> None:
    headers = [
        "序号",
        "提交答卷时间",
        "姓名",
        "手机",
        "微信",
        "论坛昵称",
        "你在工作中写生产代码吗？",
    ]
    rows = [
        ["1", "2020年4月3日 10:22", "李雷", "13800138000", "lilei88", "小K", ANSWER_ZH],
        ["2", "2020年4月4日 11:00", "韩梅梅", "13900139000", "hmm", "梅子", ANSWER_ZH],
    ]
    got = roles(headers, rows)
    assert got["序号"] is Role.ID
    assert got["提交答卷时间"] is Role.DATE
    assert got["姓名"] is got["手机"] is got["微信"] is got["论坛昵称"] is Role.IDENTITY
    assert got["你在工作中写生产代码吗？"] is Role.RESPONSE
    fields = {p.header: p.identity_field for p in plan_columns(headers, rows)}
    assert (
        fields["手机"] == "phone" and fields["论坛昵称"] == "handle" and fields["微信"] == "contact"
    )


def test_unlabelled_emails_and_overrides() -> None:
    headers = ["Contact me at", "Team", "Notes"]
    rows = [["x@example.com", "A", "short"], ["y@example.com", "B", "tiny"]]
    got = roles(headers, rows)
    assert got["Contact me at"] is Role.IDENTITY
    assert got["Notes"] is Role.ATTRIBUTE
    forced = roles(headers, rows, responses=["notes"], identity=["Team"])
    assert forced["Notes"] is Role.RESPONSE and forced["Team"] is Role.IDENTITY


def test_only_one_id_column() -> None:
    got = roles(["id", "respondent", "Answer"], [["1", "r1", ANSWER], ["2", "r2", ANSWER]])
    assert got["id"] is Role.ID and got["respondent"] is not Role.ID


def test_expand_names_keeps_headers_with_commas() -> None:
    headers = ["Why, in one sentence?", "Q2", "Q3"]
    assert expand_names(headers, ["Why, in one sentence?", "Q2,Q3"]) == (
        "Why, in one sentence?",
        "Q2",
        "Q3",
    )


def test_dates_and_languages() -> None:
    assert str(parse_date("2020/04/03 10:22:11 AM GMT+8")) == "2020-04-03"
    assert str(parse_date("4/3/2020 1:05:00 PM")) == "2020-04-03"
    assert str(parse_date("2020-04-03T10:22:11Z")) == "2020-04-03"
    assert str(parse_date("4/3/2020 10:22:11")) == "2020-04-03"
    assert str(parse_date("2020年4月3日 10:22")) == "2020-04-03"
    assert parse_date("last Tuesday") is None
    assert [normalise_language(v) for v in ("English", "zh-CN", "ZH", "中文", "n/a?")] == [
        "en",
        "zh",
        "zh",
        "zh",
        None,
    ]
