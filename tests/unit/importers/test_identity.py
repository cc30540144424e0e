"""Identity is decided by what values are, and headers by what their words mean."""

from __future__ import annotations

import pytest

from dotsdesk.importers.surveys.identity import header_field, scan_values


@pytest.mark.parametrize(
    ("values", "field"),
    [
        (["183.192.16.69(上海-上海)", "36.112.0.5(北京-北京)", "(跳过)"], "other"),
        (["2001:db8::1", "fe80::1ff:fe23:4567:890a"], "other"),
        (["10.0.0.1", ""], "other"),
        (["ana@example.org", "小K <k@qq.com>", "bo@uni.edu.cn"], "email"),
        (["13812345678", "+86 139 1234 5678", "138-1234-5678"], "phone"),
        (["+44 20 7946 0958", "+1 (415) 555-0132"], "phone"),
        (["(415) 555-0132", "020 7946 0958"], "phone"),
        (["https://twitter.com/smallk", "linkedin.com/in/ana-lopez"], "contact"),
        (["paypal.me/anal", "https://www.buymeacoffee.com/bo"], "contact"),
        (["@smallk", "@ana_l"], "handle"),
        (["39.904211", "116.407395", "-33.868820"], "other"),
        (["wxid_a1b2c3d4e5f6g7", "wxid_0h9g8f7e6d5c4b"], "contact"),  # WeChat's own ids
        # Ids people chose (WeChat, QQ, forums) under "Q10": all different, digits in them.
        (
            [
                f"{n}_{y}"
                for n, y in zip(
                    ["zhang", "li", "wang", "kk", "data"] * 2, range(1980, 1990), strict=True
                )
            ],
            "handle",
        ),
    ],
)
def test_identity_values_are_found_whatever_the_header(values: list[str], field: str) -> None:
    found = scan_values(values)
    assert found is not None and found.field == field, found


@pytest.mark.parametrize(
    "values",
    [
        ["手机提交", "微信", "链接", "手机提交"],  # 来源: the channel, not a phone number
        ["2023-05-01", "2023/05/02", "01.06.2024"],  # dates are not phone numbers
        ["118052219061", "118052219062"],  # SurveyMonkey respondent ids
        ["4.5", "3.0", "5"],  # ratings
        ["I use Python 3.11 and R 4.3.1 daily 👩‍💻", "cafe\u0301 talk, 面试 in 2023"],
        ["Version 1.2.3.4 of the tool broke", "fine"],  # one version-looking string of two
        ["I was at 192.168.1.1 once", "no", "nope", "never"],  # a stray address is a minority
        # Distinct words are job titles, not people; repeated codes are categories.
        [
            "Researcher",
            "Engineer",
            "Analyst",
            "Scientist",
            "Manager",
            "Designer",
            "Founder",
            "Student",
        ],
        ["team_a1", "team_b2", "team_a1", "team_b2", "team_a1", "team_b2", "team_a1", "team_b2"],
        [],
    ],
)
def test_ordinary_values_are_not_identity(values: list[str]) -> None:
    assert scan_values(values) is None


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("Email Address", "email"),
        ("RecipientEmail", "email"),
        ("邮箱", "email"),
        ("手机号码", "phone"),
        ("手机", "phone"),
        ("Phone", "phone"),
        ("First Name", "name"),
        ("姓名", "name"),
        ("来自IP", "other"),
        ("IP Address", "other"),
        ("LocationLatitude", "other"),
        ("微信号", "contact"),
        ("昵称", "handle"),
        ("论坛昵称", "handle"),
        ("Forum", "forum"),
        ("微信", "contact"),
        ("Your name", "name"),
        ("Name (optional)", "name"),
        ("Contact me at", "contact"),
    ],
)
def test_header_words(header: str, field: str | None) -> None:
    assert header_field(header) == field


@pytest.mark.parametrize(
    "header",
    [
        "来源",
        "来源详情",
        "手机提交",
        "Headphones you use",
        "Which platform do you use?",
        "Q7",
        "Company name",
        "地理位置省",
    ],
)
def test_headers_that_only_contain_such_letters(header: str) -> None:
    assert header_field(header) is None
