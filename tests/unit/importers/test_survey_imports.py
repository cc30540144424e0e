"""Every survey-tool fixture imported into a real project, checked against its raw cells.

For each export in tests/data/surveys/ (README there): the tool and variant recognised, how many
respondents, which questions became responses (question text and the tool's question id) and
which became attributes (and their types), one or two respondents' attributes, received date
and identity compared with the file's own cells, and across every fixture: answers stored
exactly as written (Chinese, emoji, combining marks), no skip marker and no "no date" stored
anywhere, labels that are never a tool's id, a name or an e-mail address, and importing the
same file again, or the same content under another name, adding no one.

The raw cells are read here with csv, openpyxl and python-calamine, not with dotsdesk's reader.
"""

from __future__ import annotations

import csv
import io
import re
import shutil
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from dotsdesk.importers import import_file
from dotsdesk.model import AttributeDef, AttributeType, Identity, Respondent, Response
from dotsdesk.services.corpus.respondents import (
    AttributeValue,
    attribute_table_for,
    choices_of,
)
from dotsdesk.store import Project
from tests.paths import DATA

SURVEYS = DATA / "surveys"
CAT, MULTI, NUM, TEXT = (
    AttributeType.CATEGORY,
    AttributeType.MULTI,
    AttributeType.NUMBER,
    AttributeType.TEXT,
)
# What the tools write for an answer that was skipped, not shown, or left blank.
SKIP_MARKERS = {"(跳过)", "(空)", "（跳过）", "（空）", "-3", "-2", "-99", "N/A"}
NO_DATE_YEAR = 1980  # LimeSurvey's 1980-01-01 00:00:00 of anonymised surveys


# --- the raw cells --------------------------------------------------------------------------


def raw_rows(path: Path) -> list[list[str]]:
    """Every record of the file as a person sees its cells (numbers as typed: 1 not 1.0)."""
    if path.suffix == ".csv":
        data = path.read_bytes()
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = data.decode("gb18030")
        first = text.split("\n", 1)[0]
        delimiter = ";" if first.count(";") > first.count(",") else ","
        return [
            row
            for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
            if any(c.strip() for c in row)
        ]
    if path.suffix == ".xlsx":
        from openpyxl import load_workbook

        ws = load_workbook(path, read_only=True).worksheets[0]
        return [[_cell(v) for v in row] for row in ws.iter_rows(values_only=True)]
    from python_calamine import CalamineWorkbook

    sheet = CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0)
    return [[_cell(v) for v in row] for row in sheet.to_python()]


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


# --- what each fixture must become ---------------------------------------------------------


@dataclass(frozen=True)
class Anchor:
    """One respondent, found by their answer in `column` of data row `row`, and what the
    project must hold for them (attributes complete; multiple choices as lists)."""

    row: int  # 0-based among the data rows
    column: str | int  # the raw header (in Case.header_row) or index of an open answer
    attributes: dict[str, str | list[str]]
    received: datetime | None
    identity: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Case:
    file: str
    source: str
    respondents: int
    # (question, question id) -> the raw column holding the answers (header or index), or the
    # texts themselves where they are cut out of other cells (问卷星's 〖other〗 texts)
    responses: dict[tuple[str, str | None], str | int | list[str]]
    attributes: dict[str, AttributeType]
    anchors: list[Anchor]
    header_row: int = 0  # the raw row whose cells name the columns above
    data_row: int = 1  # the first raw row of answers

    def __str__(self) -> str:
        return self.file


# "e" + U+0301, a combining acute accent, as the fixtures write café
CAFE = "cafe\u0301"
EMOJI_TEXT = f"小K说：我是👩\u200d💻工程师 👍🏽 🇨🇳, and the {CAFE} downstairs"
RESEARCHER = "研究员\n（主要做因果推断）"
TYPICAL_WEEK = "Mostly A/B tests.\nSome dashboards, some SQL;\nlots of meetings, sadly."
AGREE = "How much do you agree with each statement?"
SM_ROLE, SM_TOOLS = "What is your current role?", "Which tools do you use at work?"
SM_EASIER, SM_ELSE = "What would make your work easier?", "Anything else you would like to tell us?"
WJX_HARD, WJX_TOOLS = "您在使用中遇到的最大困难是什么？", "您使用过哪些工具？"

WJX_TEXT_ATTRIBUTES = {
    "来源": CAT,
    "您的性别": CAT,
    WJX_TOOLS: MULTI,
    "Q3 - 速度": CAT,
    "Q3 - 准确性": CAT,
    "请将以下功能按重要性排序": TEXT,
}
WJX_TEXT_ANCHOR = {
    "来源": "手机提交",
    "您的性别": "女",
    WJX_TOOLS: ["Python", "其他"],  # "Python┋其他〖自己写的脚本〗": the text is a response
    "Q3 - 速度": "满意",
    "Q3 - 准确性": "一般",
    "请将以下功能按重要性排序": "导入→编码→导出",
}


def wjx_text(file: str) -> Case:
    return Case(
        file,
        "问卷星 (by option text)",
        5,
        {
            (WJX_HARD, "Q5"): f"5、{WJX_HARD}",
            (WJX_TOOLS, "Q2:other"): ["自己写的脚本", "SPSS"],
        },
        WJX_TEXT_ATTRIBUTES,
        [
            Anchor(
                0,
                f"5、{WJX_HARD}",
                WJX_TEXT_ANCHOR,
                datetime(2023, 5, 1, 10, 20, 30),
                {"phone": "13812345678"},
            ),
            Anchor(
                1,
                f"5、{WJX_HARD}",
                {
                    "来源": "微信",
                    "您的性别": "男",
                    WJX_TOOLS: ["R", "Excel"],
                    "Q3 - 速度": "非常满意",
                    "Q3 - 准确性": "满意",
                    "请将以下功能按重要性排序": "编码→导入→导出",
                },
                datetime(2023, 5, 1, 11, 2, 15),
            ),
        ],
    )


CASES = [
    Case(
        "google_forms_sheets.csv",
        "Google Forms (sheet downloaded as CSV)",
        5,
        {
            ("Describe una semana típica", None): "Describe una semana típica",
            ("¿Algo más?", None): "¿Algo más?",
        },
        {
            "¿Cuál es tu función?": CAT,
            "¿Qué herramientas usas?": MULTI,
            "¿Con qué frecuencia tienes…? [Reuniones]": CAT,
            "¿Con qué frecuencia tienes…? [Revisión de código]": CAT,
        },
        [
            # Day first (a Spanish sheet): 1/3/2024 is the first of March.
            Anchor(
                0,
                "Describe una semana típica",
                {
                    "¿Cuál es tu función?": "Investigadora",
                    "¿Qué herramientas usas?": ["Slack", "Correo electrónico"],
                    "¿Con qué frecuencia tienes…? [Reuniones]": "A diario",
                    "¿Con qué frecuencia tienes…? [Revisión de código]": "Cada semana",
                },
                datetime(2024, 3, 1, 9, 15, 2),
                {"email": "kai.lin@example.com"},
            ),
            # "Slack, un café, por favor": an "Other" answer holding ", " stays one choice.
            Anchor(
                4,
                "¿Algo más?",
                {
                    "¿Cuál es tu función?": "Analista",
                    "¿Qué herramientas usas?": ["Slack", "un café, por favor"],
                    "¿Con qué frecuencia tienes…? [Reuniones]": "A diario",
                    "¿Con qué frecuencia tienes…? [Revisión de código]": "Nunca",
                },
                datetime(2024, 3, 15, 7, 5, 33),
                {"email": "ana@example.com"},
            ),
        ],
    ),
    Case(
        "google_forms_download.csv",
        "Google Forms (responses downloaded from Forms as CSV)",
        4,
        {("请描述你典型的一周", None): "请描述你典型的一周"},
        {
            "你的职位是什么？": CAT,
            "你使用哪些工具？": MULTI,
            "你多久做一次 [代码评审]": CAT,
            "你多久做一次 [写文档]": CAT,
        },
        [
            Anchor(
                0,
                "请描述你典型的一周",
                {
                    "你的职位是什么？": "研究员",
                    "你使用哪些工具？": ["Python", "R"],
                    "你多久做一次 [代码评审]": "每周",
                    "你多久做一次 [写文档]": "每月",
                },
                datetime(2024, 3, 1, 9, 15, 2),
                {"email": "kai@example.com"},
            ),
            Anchor(
                1,
                "请描述你典型的一周",
                {
                    "你的职位是什么？": "数据科学家 👩\u200d💻",
                    "你使用哪些工具？": ["Python"],
                    "你多久做一次 [代码评审]": "每天",
                },
                datetime(2024, 3, 1, 23, 40, 57),  # 下午11:40:57
            ),
        ],
    ),
    Case(
        "google_forms.xlsx",
        "Google Forms (sheet downloaded as .xlsx)",
        4,
        {("What does a typical week look like?", None): "What does a typical week look like?"},
        {
            "What is your role?": CAT,
            "Which tools do you use?": MULTI,
            "How often do you… [Meetings]": CAT,
            "How often do you… [Code review]": CAT,
            "How satisfied are you?": NUM,
            "When did you start?": CAT,
        },
        [
            Anchor(
                0,
                "What does a typical week look like?",
                {
                    "What is your role?": "Researcher",
                    "Which tools do you use?": ["Slack", "Email"],
                    "How often do you… [Meetings]": "Daily",
                    "How often do you… [Code review]": "Weekly",
                    "How satisfied are you?": "4",
                    "When did you start?": "2019-09-01",
                },
                datetime(2024, 3, 1, 9, 15, 2),  # the cell has milliseconds: .48 s
                {"email": "kai.lin@example.com"},
            )
        ],
    ),
    Case(
        "qualtrics_current.csv",
        "Qualtrics (current export)",
        4,
        {
            ("What is your role?", "Q1_4_TEXT"): "Q1_4_TEXT",
            ("What does a typical week look like?", "Q4"): "Q4",
            ("Anything else you would like to tell us?", "comments"): "comments",
        },
        {
            "What is your role?": CAT,
            f"{AGREE} - I enjoy coding": CAT,
            f"{AGREE} - I enjoy meetings": CAT,
            f"{AGREE} - I enjoy writing e-mails": CAT,
            "Which tools do you use? Select all that apply.": MULTI,
            "Score": NUM,
            "panel_group": CAT,
        },
        [
            Anchor(
                0,
                "Q4",
                {
                    "What is your role?": "Researcher",
                    f"{AGREE} - I enjoy coding": "Agree",
                    f"{AGREE} - I enjoy meetings": "Disagree",  # e-mails: -99, skipped
                    "Which tools do you use? Select all that apply.": ["Python", "R"],
                    "Score": "3",
                    "panel_group": "A",
                },
                datetime(2024, 3, 1, 10, 12, 41),  # RecordedDate, not EndDate
                {"email": "kai.lin@example.com", "name": "Lin"},
            ),
            # "Excel, Sheets,Python": Qualtrics joins choices with a bare comma.
            Anchor(
                1,
                "Q4",
                {
                    "What is your role?": "Other",
                    f"{AGREE} - I enjoy coding": "Strongly agree",
                    f"{AGREE} - I enjoy meetings": "Neutral",
                    f"{AGREE} - I enjoy writing e-mails": "Agree",
                    "Which tools do you use? Select all that apply.": ["Excel, Sheets", "Python"],
                    "Score": "2",
                    "panel_group": "B",
                },
                datetime(2024, 3, 2, 8, 41, 14),
                {"email": "zoe.mueller@example.org"},
            ),
        ],
        data_row=3,
    ),
    Case(
        "qualtrics_german.csv",
        "Qualtrics (current export)",
        4,
        {
            ("Welche Rolle haben Sie?", "Q1_5_TEXT"): "Q1_5_TEXT",
            ("Was sollten wir ändern?", "Q4"): "Q4",
        },
        {
            "Welche Rolle haben Sie?": CAT,  # choice codes, not quantities
            "Welche Kanäle nutzen Sie? (Mehrfachauswahl)": MULTI,
            "Wie zufrieden sind Sie mit … - dem Team": CAT,
            "Wie zufrieden sind Sie mit … - den Werkzeugen": CAT,
        },
        [
            Anchor(
                0,
                "Q4",
                {
                    "Welche Rolle haben Sie?": "2",
                    "Welche Kanäle nutzen Sie? (Mehrfachauswahl)": ["1", "3"],
                    "Wie zufrieden sind Sie mit … - dem Team": "4",
                    "Wie zufrieden sind Sie mit … - den Werkzeugen": "5",
                },
                datetime(2024, 3, 1, 10, 12, 41),
            ),
            Anchor(
                1,
                "Q4",
                {
                    "Welche Rolle haben Sie?": "5",
                    "Welche Kanäle nutzen Sie? (Mehrfachauswahl)": ["2"],
                    "Wie zufrieden sind Sie mit … - dem Team": "3",  # Werkzeuge: -99
                },
                datetime(2024, 3, 2, 8, 41, 14),
            ),
        ],
        data_row=3,
    ),
    Case(
        "qualtrics_current.xlsx",
        "Qualtrics (current export)",
        4,
        {("你的职位是什么？", "Q1"): "Q1", ("你这一周的工作是什么样的？", "Q3"): "Q3"},
        {"你使用哪些工具？": MULTI},
        [
            Anchor(
                0,
                "Q3",
                {"你使用哪些工具？": ["Python", "Excel, Sheets"]},
                datetime(2024, 3, 1, 10, 12, 41),
                {"email": "kai.lin@example.com"},
            ),
            Anchor(1, "Q3", {"你使用哪些工具？": ["Python", "R"]}, datetime(2024, 3, 2, 8, 41, 14)),
        ],
        data_row=3,
    ),
    Case(
        "qualtrics_2016.csv",
        "Qualtrics (2016-17 export)",
        4,
        {
            ("What is your role?", "Q1"): "Q1",
            ("What would make your work easier?", "Q3"): "Q3",
        },
        {
            "How often do you… - present results": CAT,
            "How often do you… - pair program": CAT,
        },
        [
            Anchor(
                3,
                "Q3",
                {"How often do you… - pair program": "Daily"},  # present results: -99
                datetime(2016, 11, 3, 14, 40, 55),
                {"email": "jose@example.com"},
            )
        ],
        data_row=3,
    ),
    Case(
        "qualtrics_legacy.csv",
        "Qualtrics (legacy export (V1..V10))",
        4,
        {
            ("What does a typical week look like?", "Q3"): "Q3",
            ("How did you hear about us?", "Q4_4_TEXT"): "Q4_4_TEXT",
        },
        {
            "What is your role?": CAT,
            "Which tools do you use?": MULTI,
            "How did you hear about us?": CAT,  # a choice (it has an "other" text), not a number
        },
        [
            Anchor(
                1,
                "Q3",
                {
                    "What is your role?": "研究员",
                    "Which tools do you use?": ["R", "SQL"],
                    "How did you hear about us?": "4",
                },
                datetime(2014, 5, 2, 8, 41, 13),
            )
        ],
        data_row=2,
    ),
    Case(
        "surveymonkey_expanded.csv",
        "SurveyMonkey (expanded export)",
        5,
        {
            (SM_ROLE, None): 10,
            (SM_TOOLS, None): 14,
            (SM_EASIER, None): SM_EASIER,
            (SM_ELSE, None): SM_ELSE,
        },
        {
            SM_ROLE: CAT,  # named by the question, not "... - Response"
            SM_TOOLS: MULTI,
            f"{AGREE} - I enjoy coding": CAT,
            f"{AGREE} - I enjoy meetings": CAT,
            "How satisfied are you with your tools?": NUM,
        },
        [
            Anchor(
                3,
                SM_EASIER,
                {
                    SM_ROLE: "Data scientist",
                    SM_TOOLS: ["R", "Excel"],
                    f"{AGREE} - I enjoy coding": "Disagree",
                    f"{AGREE} - I enjoy meetings": "Agree",
                    "How satisfied are you with your tools?": "3",
                },
                datetime(2019, 5, 24, 21, 30, 5),  # 09:30:05 PM
            ),
            Anchor(
                1,
                SM_EASIER,
                {
                    SM_TOOLS: ["Python", "R"],  # and "Notebooks 📓" as a response
                    f"{AGREE} - I enjoy coding": "Strongly agree",
                    f"{AGREE} - I enjoy meetings": "Neutral",
                    "How satisfied are you with your tools?": "5",
                },
                datetime(2019, 5, 23, 11, 15, 47),
                {"email": "anna@example.org", "name": "Anna"},
            ),
        ],
        data_row=2,
    ),
    Case(
        "surveymonkey_expanded.xlsx",
        "SurveyMonkey (expanded export)",
        4,
        {("您目前的职位是？", None): 10, ("什么能让您的工作更轻松？", None): 16},
        {
            "您目前的职位是？": CAT,
            "您在工作中使用哪些工具？": MULTI,
            "您对以下说法的同意程度如何？ - 我喜欢写代码": CAT,
            "您对以下说法的同意程度如何？ - 我喜欢开会": CAT,
        },
        [
            Anchor(
                3,
                16,
                {
                    "您目前的职位是？": "分析师",
                    "您在工作中使用哪些工具？": ["R", "Excel"],
                    "您对以下说法的同意程度如何？ - 我喜欢写代码": "不同意",
                    "您对以下说法的同意程度如何？ - 我喜欢开会": "同意",
                },
                datetime(2019, 5, 24, 17, 5, 43),  # 43609.7123 days
            )
        ],
        data_row=2,
    ),
    Case(
        "surveymonkey_condensed.csv",
        "SurveyMonkey (condensed export)",
        4,
        {(SM_EASIER, None): SM_EASIER},
        {SM_ROLE: CAT, SM_TOOLS: MULTI},  # "Python, R, Excel" recur: several choices
        [
            Anchor(
                3,
                SM_EASIER,
                {SM_ROLE: "研究员", SM_TOOLS: ["Python", "R", "Excel"]},
                datetime(2020, 6, 3, 10, 11, 54),
            )
        ],
    ),
    Case(
        "limesurvey_codes_semicolon.csv",
        "LimeSurvey (question code headings)",
        5,
        {("Q1", "Q1"): "Q1", ("Q2", "Q2[other]"): "Q2[other]", ("Q3", "Q3[other]"): "Q3[other]"},
        {"Q2": MULTI, "Q3": CAT, "Q4[SQ001]": CAT, "Q4[SQ002]": CAT, "Q5": NUM},
        [
            Anchor(
                1,
                "Q1",
                {
                    "Q2": ["SQ001", "SQ002"],
                    "Q3": "-oth-",
                    "Q4[SQ001]": "A5",
                    "Q4[SQ002]": "A5",
                    "Q5": "5",
                },
                datetime(2024, 3, 1, 11, 40, 57),
                {"email": "kk@example.com", "name": "小K"},
            )
        ],
    ),
    Case(
        "limesurvey_codetext_comma.csv",
        "LimeSurvey (question code and text headings)",
        4,
        {
            ("What do you enjoy most about your work?", "Q1"): (
                "Q1. What do you enjoy most\nabout your work?"
            ),
            ("Which languages do you use?", "Q2[other]"): (
                "Q2[other]. Which languages do you use?\t [Other]"
            ),
        },
        {
            "Which languages do you use?": MULTI,
            "Your role: (pick one)": CAT,
            "How much do you agree? [I enjoy coding]": CAT,
            "How much do you agree? [I enjoy meetings]": CAT,
        },
        [
            Anchor(
                1,
                "Q1. What do you enjoy most\nabout your work?",
                {
                    "Which languages do you use?": ["Python", "R"],
                    "Your role: (pick one)": "Researcher",
                    "How much do you agree? [I enjoy coding]": "Strongly agree",
                    "How much do you agree? [I enjoy meetings]": "Neutral",
                },
                datetime(2024, 4, 10, 10, 30, 0),
            )
        ],
    ),
    Case(
        "limesurvey_fulltext_de.csv",
        "LimeSurvey (full question text headings)",
        4,
        {
            ("Was gefällt Ihnen an Ihrer Arbeit?", None): "Was gefällt Ihnen\nan Ihrer Arbeit?",
            ("Welche Sprachen nutzen Sie?", None): "Welche Sprachen nutzen Sie? [Sonstiges]",
        },
        {"Welche Sprachen nutzen Sie?": MULTI, "Ihre Rolle": CAT},
        [
            Anchor(
                3,
                "Was gefällt Ihnen\nan Ihrer Arbeit?",
                {"Welche Sprachen nutzen Sie?": ["R"], "Ihre Rolle": "Ingenieurin"},
                datetime(2024, 5, 3, 11, 11, 11),
                {"email": "zoe@example.de"},
            )
        ],
    ),
    Case(
        "limesurvey_anonymised.csv",
        "LimeSurvey (question code headings, anonymised)",
        4,
        {("Q1", "Q1"): "Q1", ("Q3", "Q3[comment]"): "Q3[comment]"},
        {"Q2": MULTI, "Q3": CAT},
        [
            Anchor(
                0,
                "Q1",
                {"Q2": ["SQ001", "SQ003"], "Q3": "A1"},
                None,  # 1980-01-01 00:00:00: no date
                {"contact": "anna@example.org"},
            )
        ],
    ),
    wjx_text("wjx_text.xls"),
    wjx_text("wjx_text_gbk.csv"),
    Case(
        "wjx_number.xlsx",
        "问卷星 (by option number)",
        4,
        {(WJX_HARD, "Q4"): f"4、{WJX_HARD}"},
        {"来源": CAT, "您的性别": NUM, WJX_TOOLS: MULTI, "Q3 - 速度": CAT, "Q3 - 准确性": CAT},
        [
            Anchor(
                1,
                f"4、{WJX_HARD}",
                {
                    "来源": "微信",
                    "您的性别": "1",
                    WJX_TOOLS: ["R", "Excel"],  # one 0/1 column per option
                    "Q3 - 速度": "5",
                    "Q3 - 准确性": "4",
                },
                datetime(2023, 5, 1, 11, 2, 15),
                {"phone": "13912345670"},
            )
        ],
    ),
    Case(
        "tencent.csv",
        "腾讯问卷 (answer download)",
        4,
        {(WJX_HARD, "Q5"): f"5.{WJX_HARD}"},
        {
            "地理位置国家和地区": CAT,
            "地理位置省": CAT,
            "地理位置市": CAT,
            "用户类型": CAT,
            "您的性别": CAT,
            WJX_TOOLS: MULTI,
            "您所在的省份和城市 - 填空1": CAT,
            "您所在的省份和城市 - 填空2": CAT,
            "您对目前工具的满意程度": NUM,
        },
        [
            Anchor(
                1,
                f"5.{WJX_HARD}",
                {
                    "地理位置国家和地区": "中国",
                    "地理位置省": "上海",
                    "地理位置市": "上海",
                    "用户类型": "QQ用户",
                    "您的性别": "男",  # "A.男": the option, without its letter
                    WJX_TOOLS: ["R", "Excel"],  # "B.R", "C.Excel"
                    "您所在的省份和城市 - 填空1": "上海",
                    "您所在的省份和城市 - 填空2": "上海",
                    "您对目前工具的满意程度": "5",
                },
                datetime(2023, 5, 1, 11, 2, 15),  # 结束答题时间, when it was submitted
                {"phone": "13912345670", "handle": "fake_qq_02"},
            )
        ],
    ),
]
# The raw cells the anchors' expectations were read from (data row, column, cell): choices
# joined or spread over columns, skip markers, dates as the tools write them.
WJX_TEXT_CELLS = [
    (0, "2、您使用过哪些工具？", "Python┋其他〖自己写的脚本〗"),
    (2, "3、(速度)", "(跳过)"),
]
RAW_CELLS: dict[str, list[tuple[int, str | int, str]]] = {
    "google_forms_sheets.csv": [
        (0, "Marca temporal", "1/3/2024 9:15:02"),
        (4, "Marca temporal", "15/3/2024 7:05:33"),
        (4, "¿Qué herramientas usas?", "Slack, un café, por favor"),
    ],
    "google_forms_download.csv": [
        (0, "你使用哪些工具？", "Python, R"),
        (1, "时间戳记", "2024/03/01 下午11:40:57 GMT+8"),
        (1, "联系邮箱（可选）", ""),
    ],
    "google_forms.xlsx": [(0, "Which tools do you use?", "Slack, Email")],
    "qualtrics_current.csv": [
        (0, "Q3", "Python,R"),
        (0, "Q2_3", "-99"),
        (1, "Q1", "Other"),
        (1, "Q3", "Excel, Sheets,Python"),
    ],
    "qualtrics_german.csv": [(0, "Q1", "2"), (0, "Q2", "1,3"), (1, "Q3_2", "-99")],
    "qualtrics_current.xlsx": [(0, "Q2_1", "1"), (0, "Q2_2", ""), (0, "Q2_3", "1")],
    "qualtrics_2016.csv": [(3, "Q2_1", "-99"), (3, "Q2_2", "Daily")],
    "qualtrics_legacy.csv": [(1, "Q2_1", ""), (1, "Q2_2", "1"), (1, "Q2_3", "1"), (1, "Q4", "4")],
    "surveymonkey_expanded.csv": [
        (3, 11, ""),
        (3, 12, "R"),
        (3, 13, "Excel"),
        (3, "End Date", "05/24/2019 09:30:05 PM"),
    ],
    "surveymonkey_expanded.xlsx": [(3, 12, "R"), (3, 13, "Excel"), (3, 3, "43609.7123")],
    "surveymonkey_condensed.csv": [(3, SM_TOOLS, "Python, R, Excel")],
    "limesurvey_codes_semicolon.csv": [
        (1, "Q2[SQ001]", "Y"),
        (1, "Q2[SQ002]", "Y"),
        (1, "Q2[SQ003]", ""),
        (1, "Q3", "-oth-"),
    ],
    "limesurvey_codetext_comma.csv": [(1, 11, "Yes"), (1, 12, "Yes"), (2, 11, "N/A")],
    "limesurvey_fulltext_de.csv": [
        (3, "Welche Sprachen nutzen Sie? [Python]", ""),
        (3, "Welche Sprachen nutzen Sie? [R]", "Ja"),
    ],
    "limesurvey_anonymised.csv": [
        (0, "submitdate", "1980-01-01 00:00:00"),
        (0, "Q2[SQ001]", "Y"),
        (0, "Q2[SQ002]", ""),
        (0, "Q2[SQ003]", "Y"),
    ],
    "wjx_text.xls": WJX_TEXT_CELLS,
    "wjx_text_gbk.csv": WJX_TEXT_CELLS,
    "wjx_number.xlsx": [
        (1, "2、您使用过哪些工具？(Python)", "0"),
        (1, "2、您使用过哪些工具？(R)", "1"),
        (1, "2、您使用过哪些工具？(Excel)", "1"),
        (2, "3(速度)", "-3"),
    ],
    "tencent.csv": [
        (1, "1.您的性别", "A.男"),
        (1, "2.您使用过哪些工具？:Python", ""),
        (1, "2.您使用过哪些工具？:R", "B.R"),
        (1, "结束答题时间", "01-May-2023 11:02:15"),
    ],
}
# wjx_sheets.xls is a file for the .xls reader, not a survey export.
READER_ONLY = {"wjx_sheets.xls"}


def test_every_survey_fixture_has_a_case() -> None:
    exports = {
        p.name for p in SURVEYS.iterdir() if p.suffix in (".csv", ".xlsx", ".xls")
    } - READER_ONLY
    assert exports == {c.file for c in CASES}


@pytest.mark.parametrize("case", CASES, ids=str)
def test_the_expectations_come_from_these_cells(case: Case) -> None:
    raw = raw_rows(SURVEYS / case.file)
    data = raw[case.data_row :]
    for row, column, cell in RAW_CELLS[case.file]:
        at = column_index(case, raw, column)
        assert (data[row] + [""] * at)[at] == cell, (row, column)


# --- importing --------------------------------------------------------------------------------


def imported(project: Project, path: Path) -> Any:
    with project.write() as s:
        return import_file(s, path)


def counts(s: Session) -> tuple[int, int, int, int]:
    return (
        s.scalar(select(func.count(Respondent.id))) or 0,
        s.scalar(select(func.count(Response.id))) or 0,
        s.scalar(select(func.count()).select_from(AttributeValue)) or 0,
        s.scalar(select(func.count(Identity.respondent_id))) or 0,
    )


def column_index(case: Case, rows: list[list[str]], column: str | int) -> int:
    if isinstance(column, int):
        return column
    return rows[case.header_row].index(column)


def answered(cell: str) -> bool:
    return bool(cell.strip()) and cell.strip() not in SKIP_MARKERS


@pytest.mark.parametrize("case", CASES, ids=str)
def test_what_each_export_becomes(case: Case, project: Project) -> None:
    path = SURVEYS / case.file
    raw = raw_rows(path)
    data = raw[case.data_row :]
    report = imported(project, path)
    assert report.source == case.source
    assert report.respondents_added == case.respondents

    with project.read() as s:
        assert s.scalar(select(func.count(Respondent.id))) == case.respondents
        stored = s.execute(select(Response.question, Response.question_id, Response.text)).all()
        questions = {(q, qid) for q, qid, _ in stored}
        assert questions == set(case.responses), "questions that became responses"
        # Each answer exactly as the file has it: Chinese, emoji, combining marks, newlines.
        for (question, qid), column in case.responses.items():
            texts = sorted(t for q, i, t in stored if (q, i) == (question, qid))
            if isinstance(column, list):
                expected = sorted(column)
            else:
                at = column_index(case, raw, column)
                expected = sorted(r[at] for r in data if at < len(r) and answered(r[at]))
            assert texts == expected, (question, qid)
        types = dict(s.execute(select(AttributeDef.name, AttributeDef.type)).all())
        assert types == case.attributes

        for anchor in case.anchors:
            at = column_index(case, raw, anchor.column)
            cell = data[anchor.row][at]
            rid = s.scalar(select(Response.respondent_id).where(Response.text == cell))
            assert rid is not None, f"no response {cell!r}"
            values = attribute_table_for(s, rid)
            got: dict[str, str | list[str]] = {
                name: choices_of(v) if case.attributes[name] is MULTI else v
                for name, v in values.items()
            }
            assert got == anchor.attributes
            received = set(
                s.scalars(select(Response.received).where(Response.respondent_id == rid))
            )
            assert received == {anchor.received}
            identity = s.get(Identity, rid)
            for name, value in anchor.identity.items():
                assert identity is not None and getattr(identity, name) == value


def test_answers_keep_emoji_chinese_and_combining_marks(project: Project) -> None:
    """The fixtures' hardest texts come back code point for code point (no NFC, no CRLF)."""
    for name in ("qualtrics_current.csv", "limesurvey_codes_semicolon.csv", "wjx_text.xls"):
        imported(project, SURVEYS / name)
    with project.read() as s:
        texts = set(s.scalars(select(Response.text)))
    assert EMOJI_TEXT in texts
    assert f"小K说：我是👩\u200d💻工程师 👍🏽 🇨🇳, Cafe\u0301 and {CAFE}s" in texts
    assert "导入中文 CSV 时经常乱码。\n换成 UTF-8 以后就好了 👩\u200d💻" in texts
    assert f"Na\u00efve Bayes and {CAFE} breaks 😅\nthen code review" in texts
    assert f"界面的 {CAFE} 风格很好看 👍🏽，但是编码太慢" in texts
    assert not any("\r" in t for t in texts)


# --- across every fixture -------------------------------------------------------------------

RESPONSE_ID = re.compile(r"^R_[0-9A-Za-z]{5,20}$|^\d{8,}$")


@pytest.fixture(scope="module")
def everything(tmp_path_factory: pytest.TempPathFactory, empty_project_file: Path) -> Path:
    """One project holding every fixture, imported once for the checks below."""
    path = tmp_path_factory.mktemp("all") / "all.dots"
    shutil.copyfile(empty_project_file, path)
    with Project.open(path) as project:
        for case in CASES:
            imported(project, SURVEYS / case.file)
    return path


def test_no_skip_marker_or_no_date_is_stored_anywhere(everything: Path) -> None:
    with Project.open(everything, readonly=True) as project, project.read() as s:
        texts = list(s.scalars(select(Response.text)))
        questions = [q or "" for q in s.scalars(select(Response.question))]
        values = s.execute(select(AttributeValue.value_text, AttributeValue.value_number)).all()
        names = list(s.scalars(select(AttributeDef.name)))
        received = [r for r in s.scalars(select(Response.received)) if r is not None]
    for text in texts + questions + names:
        assert text.strip() not in SKIP_MARKERS
        assert "(跳过)" not in text and "(空)" not in text
    for value_text, value_number in values:
        choices = choices_of(value_text) if value_text is not None else []
        assert not set(choices) & SKIP_MARKERS, value_text
        assert value_number not in (-99, -3, -2)
    assert received and all(r.year != NO_DATE_YEAR for r in received)
    # Seconds come through: the fixtures' times are to the second, rarely on :00.
    assert sum(1 for r in received if r.second) * 2 > len(received)


def test_labels_are_never_a_tool_id_a_name_or_an_address(everything: Path) -> None:
    with Project.open(everything, readonly=True) as project, project.read() as s:
        labels = list(s.scalars(select(Respondent.label)))
        keys = set(s.scalars(select(Respondent.key)))
        identity = [
            value
            for row in s.execute(
                select(Identity.name, Identity.email, Identity.phone, Identity.handle)
            )
            for value in row
            if value
        ]
    # Pseudonyms numbered in one sequence (R001, or the project's scheme such as P01).
    assert labels and all(re.fullmatch(r"[A-Z][A-Za-z]*-?\d{2,}", label) for label in labels)
    assert not any(RESPONSE_ID.match(label) or "@" in label for label in labels)
    tool_ids = {k for k in keys if RESPONSE_ID.match(k)}
    assert tool_ids, "the fixtures' response ids are kept as keys"
    assert not set(labels) & (keys | set(identity))


def test_every_fixture_keeps_its_own_respondents(everything: Path) -> None:
    """Response numbers that restart at 1 in each survey (LimeSurvey, 问卷星, 腾讯问卷) must
    not merge the people of different surveys; one survey in two files is one set of people."""
    with Project.open(everything, readonly=True) as project, project.read() as s:
        people = s.scalar(select(func.count(Respondent.id)))
        phones = Counter(s.scalars(select(Identity.phone).where(Identity.phone.is_not(None))))
        sources: dict[int, set[str]] = {}
        for rid, source in s.execute(select(Response.respondent_id, Response.source)):
            sources.setdefault(rid, set()).add(source)
    total = sum(c.respondents for c in CASES)
    same = (
        # The Qualtrics fixtures share their response ids R_1a2B…: the same four people.
        3 * 4
        + 4
        # 问卷星's .xls and GBK .csv, and the download by number: the same 序号 submitted at
        # the same second.
        + 5
        + 4
        # Google Forms' collected e-mail addresses: four people in the .csv and the .xlsx.
        + 4
    )
    assert people == total - same
    # 13812345678 answered 问卷星 and 腾讯问卷, two surveys that both number from 1.
    assert phones["13812345678"] == 2
    merged = {frozenset(v) for v in sources.values() if len(v) > 1}
    assert all(
        {name.split("_")[0] for name in files} <= {"qualtrics", "wjx", "google"} for files in merged
    ), merged


# --- importing again ------------------------------------------------------------------------


def resaved(path: Path, target: Path) -> None:
    """The same content in other bytes: a blank line more, or the workbook saved again."""
    if path.suffix == ".csv":
        target.write_bytes(path.read_bytes() + b"\r\n")
    elif path.suffix == ".xlsx":
        from openpyxl import load_workbook

        workbook = load_workbook(path)
        workbook.save(target)
    else:
        shutil.copyfile(path, target)  # no writer for .xls here: the same bytes


@pytest.mark.parametrize("case", CASES, ids=str)
def test_importing_again_or_renamed_changes_nothing(
    case: Case, project: Project, tmp_path: Path
) -> None:
    path = SURVEYS / case.file
    imported(project, path)
    with project.read() as s:
        before = counts(s)
        keys = set(s.scalars(select(Respondent.key)))
    again = imported(project, path)
    assert again.already_imported and not again.changed
    copy = tmp_path / f"download (1){path.suffix}"
    resaved(path, copy)
    renamed = imported(project, copy)
    assert (
        renamed.respondents_added,
        renamed.respondents_updated,
        renamed.responses_added,
        renamed.responses_updated,
    ) == (0, 0, 0, 0), renamed.lines()
    with project.read() as s:
        assert counts(s) == before
        assert set(s.scalars(select(Respondent.key))) == keys


def test_the_same_survey_from_xls_and_gbk_csv_updates_its_people(project: Project) -> None:
    imported(project, SURVEYS / "wjx_text.xls")
    report = imported(project, SURVEYS / "wjx_text_gbk.csv")
    assert report.respondents_added == 0
    # The GBK file has no emoji: three answers read differently now.
    assert report.responses_updated == 3
    with project.read() as s:
        assert s.scalar(select(func.count(Respondent.id))) == 5


def test_the_same_question_in_another_survey_widens_its_attribute(project: Project) -> None:
    """问卷星's download by number makes 您的性别 a number (codes 1, 2); the download by text,
    or 腾讯问卷's answers, then hold 女 and 男: the attribute becomes a category, its earlier
    numbers kept as text, instead of the import failing. A single choice becomes several."""
    imported(project, SURVEYS / "wjx_number.xlsx")
    imported(project, SURVEYS / "surveymonkey_expanded.xlsx")
    report = imported(project, SURVEYS / "tencent.csv")
    assert any("'您的性别' held number values" in note for note in report.notes)
    with project.read() as s:
        gender = s.scalar(select(AttributeDef).where(AttributeDef.name == "您的性别"))
        assert gender is not None and gender.type is CAT
        values = s.execute(
            select(AttributeValue.value_text, AttributeValue.value_number).where(
                AttributeValue.attribute_id == gender.id
            )
        ).all()
    assert sorted(values) == sorted(
        [(v, None) for v in ("2", "1", "2", "1", "女", "男", "女", "男")]
    )


def test_the_survey_language_gives_way_to_the_answers_script(project: Project) -> None:
    """Qualtrics' UserLanguage is the language the survey was shown in: R_2b… saw it in
    German and answered in Chinese. Where the script leaves no doubt, the answer's language
    wins; otherwise the column's (which detection of short texts could not do better)."""
    imported(project, SURVEYS / "qualtrics_current.csv")
    with project.read() as s:
        language = dict(s.execute(select(Response.text, Response.language)).all())
    assert language[RESEARCHER] == "zh"  # UserLanguage DE
    assert language["数据科学家 🇨🇳"] == "zh"
    assert language[TYPICAL_WEEK] == "en"  # UserLanguage EN
    assert language["Thanks! 👍🏽"] == "es"  # UserLanguage ES: too short to say otherwise
