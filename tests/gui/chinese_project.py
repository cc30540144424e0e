"""A small study whose every word of data is Chinese: codes, attributes, answers, memos,
consent notes, a post. Shown in the Chinese interface, any English left on screen is then the
interface's own."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import update

from dotsdesk.model import PostPopulation, TurnRole
from dotsdesk.services.corpus import turns
from dotsdesk.services.sample import build_sample
from dotsdesk.store import Project

CODES = {"角色/研究": "#4C72B0", "角色/工程": "#DD8452", "角色/混合": "#55A868",
         "主题/结对编程": "#C44E52"}  # fmt: skip
QUESTION = "作为数据科学家，你写生产代码吗？"
ANSWERS = [
    "我们读论文想研究点子，做初步分析，写研究提案，再向公司申请经费开始项目。",
    "小公司里更容易搞结对编程。我之前做数据分析和建模的时候，跟一位资深工程师结对，学到了很多。",
    "面试的时候被问到很多机器学习的问题，数据科学家的工作其实很杂，既做研究也写工程代码。",
    "我们组的模型从想法到上线都由自己负责，部署和监控也是我们做。",
]


def _person(n: int, text: str, role: str, consent: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "key": f"受访者{n}",
        "identity": {"name": f"王{n}", "email": None, "forum": "一亩三分地", "handle": f"小{n}"},
        "attributes": {"职位": "数据科学家", "行业": "互联网", "公司规模": "大公司", "工作年限": n},
        "responses": [
            {
                "question": QUESTION,
                "text": text,
                "language": "zh",
                "channel": "论坛私信",
                "received": "2020-04-08",
                "segments": [{"codes": [role], "text": text[:12], "memo": "值得引用的一句话。"}],
            }
        ],
        "consent": consent,
    }


def chinese_study() -> dict[str, Any]:
    asked = {"kind": "requested", "date": "2020-05-03", "channel": "论坛私信", "asked": "可否引用"}
    granted = {"kind": "granted", "date": "2020-05-05", "channel": "论坛私信", "level": "handle",
               "translation": True}  # fmt: skip
    declined = {"kind": "declined", "date": "2020-05-06", "channel": "论坛私信"}
    people = [
        _person(1, ANSWERS[0], "角色/研究", [asked, granted]),
        _person(2, ANSWERS[1], "角色/混合", [asked, granted]),
        _person(3, ANSWERS[2], "角色/混合", [asked, declined]),
        _person(4, ANSWERS[3], "角色/工程", [asked]),
    ]
    return {
        "title": "数据科学家访谈",
        "attributes": [
            {"name": "职位", "type": "category"},
            {"name": "行业", "type": "category"},
            {"name": "公司规模", "type": "category"},
            {"name": "工作年限", "type": "number"},
        ],
        "codes": [
            {"path": p, "colour": c, "description": "描述他们的工作。"}
            for p, c in CODES.items()
        ],
        "respondents": people,
        "post": {
            "title": "数据科学家写生产代码吗？",
            "series": "连点成线",
            "number": 4,
            "toc_url": "https://example.org/dots/",
            "attribution": {"group_code": "角色", "context_words": {}},
            "sections": [
                {"title": "", "blocks": [{"paragraph": "上个月我向朋友和同行提出了这个问题。"}]},
                {
                    "title": "研究",
                    "blocks": [
                        {"statistic": {"codes": ["角色/研究"], "template": "{percent} 做研究。"}},
                        {"quote": {"respondent": "受访者1", "code": "角色/研究"}},
                        {"profile": [{"attribute": "职位", "template": "职位包括{values}。"}]},
                        {"links": [{"title": "参考文章", "url": "https://example.org/a"}]},
                    ],
                },
            ],
        },
    }


def build_chinese_project(path: Path) -> Path:
    """The study, plus an interview transcript in turns (speakers shown by their labels)."""
    with Project.create(path) as project, project.write() as s:
        build_sample(s, chinese_study())
        # The sample names its posts' population in English; this study's is named in Chinese.
        s.execute(update(PostPopulation).values(name="样本调查的 4 位受访者"))
        from dotsdesk.services.corpus.respondents import find_respondent
        from dotsdesk.services.corpus.responses import add_response

        respondent = find_respondent(s, "受访者4")
        text = "访谈者：你平时写代码吗？\n受访者：写，每天都写。"
        response = add_response(s, respondent.id, text, question="访谈", language="zh")
        turns.set_turns(
            s,
            response.id,
            [
                turns.NewTurn(0, 12, TurnRole.INTERVIEWER, speaker="访谈者", time_ms=0),
                turns.NewTurn(
                    13, len(text), TurnRole.RESPONDENT, "受访者", respondent.id, time_ms=5000
                ),
            ],
        )
    return path
