"""腾讯问卷 (wj.qq.com) answer downloads (.csv).

Published samples (2016 to 2025) agree on the shape: metadata first, 编号 then 开始答题时间 and
结束答题时间, then questions numbered "1.您的性别". A single choice is written with its option
letter, "A.男"; a multiple choice is one column per option, "2.问题？:Python", holding the
option ("B.Python") when chosen and nothing otherwise; the blanks of a fill-in question are
columns "3.您所在的城市：_填空1". Every field is quoted and each line ends in a comma, so the
last column has no header. Skipped questions are empty: no skip marker was seen.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..columns import Role
from .base import Answer, Column, Layout, metadata
from .wjx import FIELD_WORDS, identity_field_of

__all__ = ["PROFILE", "TencentProfile", "split_option_label"]

TOOL = "腾讯问卷"
VARIANT = "answer download"

_QUESTION = re.compile(r"^(\d+)\.(.*)$", re.S)
_BLANK = re.compile(r"^(.*?)_(填空\d+)$", re.S)
_LETTER = re.compile(r"^([A-Z]{1,2})\.(.*)$", re.S)
_NUMBER = re.compile(r"^-?\d+(\.\d+)?$")

_METADATA: dict[str, tuple[Role, str, str | None]] = {
    "编号": (Role.ID, "腾讯问卷: 编号 numbers the answers", None),
    # The received date is when the answer was submitted, not when the page was opened.
    "开始答题时间": (Role.IGNORED, "腾讯问卷: when the respondent started", None),
    "结束答题时间": (Role.DATE, "腾讯问卷: when the answer was submitted", None),
    "答题时长": (Role.IGNORED, "腾讯问卷: seconds taken, bookkeeping", None),
    "用户标识": (Role.IDENTITY, "腾讯问卷: the respondent's QQ or WeChat id", "handle"),
    "昵称": (Role.IDENTITY, "腾讯问卷: nickname", "handle"),
    # Filled from the survey link's parameters: often a name, a staff or student number.
    "自定义字段": (Role.IDENTITY, "腾讯问卷: link parameter, often a name or id", "other"),
    "IP": (Role.IDENTITY, "腾讯问卷: IP address", "other"),
    "Referrer": (Role.IDENTITY, "腾讯问卷: the referring link, may identify", "other"),
    "UA": (Role.IGNORED, "腾讯问卷: browser and device, bookkeeping", None),
    "语言": (Role.LANGUAGE, "腾讯问卷: answer language", None),
    "清洗数据结果": (Role.IGNORED, "腾讯问卷: data cleaning verdict", None),
    "智能清洗数据无效概率": (Role.IGNORED, "腾讯问卷: data cleaning score", None),
    "审核状态": (Role.IGNORED, "腾讯问卷: review status", None),
    "中奖时间": (Role.IGNORED, "腾讯问卷: lottery bookkeeping", None),
    "中奖金额": (Role.IGNORED, "腾讯问卷: lottery bookkeeping", None),
}
# Left to the values: region and kind of account are attributes, not a person.
_ATTRIBUTES = {
    "地理位置国家和地区": "腾讯问卷: country or region, an attribute",
    "地理位置省": "腾讯问卷: province, an attribute",
    "地理位置市": "腾讯问卷: city, an attribute",
    "用户类型": "腾讯问卷: kind of account, an attribute",
}


def split_option_label(value: str) -> tuple[str | None, str]:
    """ "A.男" -> ("A", "男"); a value without an option letter -> (None, value).

    For single-choice and option columns only: free text may start with "A." too.
    """
    m = _LETTER.match(value.strip())
    if m is None:
        return None, value
    return m[1], m[2].strip()


class TencentProfile:
    tool = TOOL

    def recognise(self, head: Sequence[Sequence[str]]) -> Layout | None:
        for at, record in enumerate(head[:3]):
            cells = [c.strip().lstrip("\ufeff") for c in record]
            if _is_header(cells):
                return _layout(cells, [list(r) for r in head[at + 1 :]], at + 1)
        return None


def _is_header(cells: list[str]) -> bool:
    required = ("编号", "开始答题时间", "结束答题时间")
    if not all(name in cells for name in required):
        return False
    if not cells.index("编号") < cells.index("开始答题时间") < cells.index("结束答题时间"):
        return False
    return any(_QUESTION.match(c) for c in cells)


def _layout(cells: list[str], rows: list[list[str]], header_rows: int) -> Layout:
    values = [
        [r[i].strip() for r in rows if i < len(r) and r[i].strip()] for i in range(len(cells))
    ]
    groups = _groups(cells)
    columns = [_column(i, cells, groups, values[i]) for i in range(len(cells))]
    notes = [f"腾讯问卷 {VARIANT}: skipped questions are empty"]
    if any(c.answer in (Answer.SINGLE, Answer.OPTION) for c in columns):
        notes.append("choices carry their option letter, 'A.男'")
    return Layout(
        tool=TOOL,
        variant=VARIANT,
        header_rows=header_rows,
        columns=columns,
        choice_text=lambda value: split_option_label(value)[1],
        local_ids=True,  # 编号 restarts at 1 in every survey
        notes=notes,
    )


def _groups(cells: list[str]) -> dict[int, tuple[str, str]]:
    """Column index -> (question text, option or blank) for spread-out questions.

    A question's option columns share "N.question:" up to the colon before the option; the
    question text may itself hold colons, so the split is where all the group's headers agree.
    """
    matches = [_QUESTION.match(c) for c in cells]
    numbers = [m[1] if m else None for m in matches]
    found: dict[int, tuple[str, str]] = {}
    i = 0
    while i < len(cells):
        j = i
        while j + 1 < len(cells) and numbers[i] is not None and numbers[j + 1] == numbers[i]:
            j += 1
        if j > i:
            texts = [m[2] for m in matches[i : j + 1] if m]
            found.update(zip(range(i, j + 1), _split_group(texts), strict=True))
        i = j + 1
    return found


def _split_group(texts: list[str]) -> list[tuple[str, str]]:
    blanks = [_BLANK.match(t) for t in texts]
    if all(blanks):
        return [(_clean(m[1]), m[2]) for m in blanks if m]
    common = texts[0]
    for text in texts[1:]:
        while not text.startswith(common):
            common = common[:-1]
    cut = common.rfind(":")
    if cut < 0:  # no shared "question:" part: not options of one question
        return [(_clean(t), "") for t in texts]
    return [(_clean(t[:cut]), t[cut + 1 :].strip()) for t in texts]


def _clean(text: str) -> str:
    return text.strip().rstrip(":：").strip()


def _column(
    i: int, cells: list[str], groups: dict[int, tuple[str, str]], values: list[str]
) -> Column:
    header = cells[i]
    question = _QUESTION.match(header)
    if question is None:
        if header in _METADATA:
            role, why, field = _METADATA[header]
            # When the respondent started: with 编号, which restarts at 1 in every survey.
            return metadata(header, "", role, why, field, stamp=header == "开始答题时间")
        if not header and not values:
            return Column("", role=Role.IGNORED, why="腾讯问卷: the empty column after each line")
        return Column(header, why=_ATTRIBUTES.get(header, ""))
    qid = f"Q{question[1]}"
    field = identity_field_of(values)
    text, label = groups.get(i, (_clean(question[2]), ""))
    if label:
        siblings = [k for k in groups if cells[k].startswith(f"{question[1]}.")]
        qid = f"{qid}_{sorted(siblings).index(i) + 1}"
        header = f"{text} - {label}"
    else:
        header = text
    if field is not None:
        why = f"腾讯问卷: answers are {FIELD_WORDS[field]}"
        return Column(header, qid, Role.IDENTITY, why, field, text if label else None)
    if not label:
        return Column(header, qid, answer=_single_answer(values))
    return Column(header, qid, question=text, option=label, answer=_sub_answer(label, values))


def _single_answer(values: list[str]) -> Answer | None:
    if values and all(_LETTER.match(v) and "\n" not in v for v in values):
        return Answer.SINGLE
    return None


def _sub_answer(label: str, values: list[str]) -> Answer | None:
    if label.startswith("填空"):
        return None  # a blank of a fill-in question: the values decide
    options = [split_option_label(v) for v in values]
    if all(letter is not None and text == label for letter, text in options):
        return Answer.OPTION  # chosen: the option itself; not chosen: empty
    if values and all(_NUMBER.match(v) for v in values):
        return Answer.MATRIX
    if values and all(letter is not None for letter, _ in options):
        return Answer.MATRIX
    return None


PROFILE = TencentProfile()
