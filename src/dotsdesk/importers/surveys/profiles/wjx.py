"""问卷星 (wjx.cn) answer downloads, "by option text" and "by option number".

Both downloads (.xls by default, .xlsx, .csv) start with the same metadata columns, 序号 and
提交答卷时间 in that order, and number questions "1、您的性别：". By option text, a multiple
choice is one cell joined by ┋, a ranking one cell joined by →, the text typed into "other"
follows its option in 〖〗, a question skipped by logic reads (跳过) and a blank optional answer
(空). By option number, choices are codes, a multiple choice is one 0/1 column per option,
"2、您使用过哪些工具？(Python)", and a skipped question is -3 (-2 is read as missing too).
Matrix rows are columns "3、(速度)" or "3(速度)"; older downloads wrote "第3题(速度)".
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..columns import Role
from .base import Answer, Column, Layout, metadata

__all__ = ["FIELD_WORDS", "PROFILE", "WjxProfile", "identity_field_of", "split_other"]

TOOL = "问卷星"
BY_TEXT = "by option text"
BY_NUMBER = "by option number"

_QUESTION = re.compile(r"^(\d+)、(.*)$", re.S)
# A column of a spread-out question: "3、(速度)", "3(速度)", "第3题(速度)", "2、问题？(Python)".
_SUB = re.compile(r"^(?:(\d+)(?:、(.*?))?|第(\d+)题)\(([^()]*)\)$", re.S)
_OTHER = re.compile(r"^(.*?)〖(.*)〗$", re.S)
_TEXT_SKIPS = frozenset({"(跳过)", "(空)", "（跳过）", "（空）"})
_NUMBER_SKIPS = frozenset({"-3", "-2"})
_INTEGER = re.compile(r"^-?\d+$")

# Metadata columns 问卷星 writes, by exact header. 来源 (手机提交, 微信, 链接: how the answer
# came) and 总分 are left to the values: a channel or a score is an attribute, not a person.
_METADATA: dict[str, tuple[Role, str, str | None]] = {
    "序号": (Role.ID, "问卷星: 序号 numbers the answers", None),
    "提交答卷时间": (Role.DATE, "问卷星: when the answer was submitted", None),
    # "125秒" is how long the form was open: for screening speeders, not for analysis.
    "所用时间": (Role.IGNORED, "问卷星: time taken, bookkeeping", None),
    "来自IP": (Role.IDENTITY, "问卷星: the respondent's IP address and city", "other"),
    # The referring link can carry a per-person parameter (a WeChat or panel id).
    "来源详情": (Role.IDENTITY, "问卷星: the referring link, may identify", "other"),
    "用户ID": (Role.IDENTITY, "问卷星: the respondent's account", "handle"),
    "微信昵称": (Role.IDENTITY, "问卷星: WeChat nickname", "handle"),
    "昵称": (Role.IDENTITY, "问卷星: nickname", "handle"),
    "姓名": (Role.IDENTITY, "问卷星: name", "name"),
    "手机号码": (Role.IDENTITY, "问卷星: phone number", "phone"),
}
_ATTRIBUTES = {
    "来源": "问卷星: the channel (手机提交, 微信, 链接), an attribute",
    "总分": "问卷星: the quiz score, an attribute",
}

# What identity_field_of found, in words for the plan.
FIELD_WORDS = {"phone": "phone numbers", "email": "e-mail addresses"}
_PHONE = re.compile(r"^(?:\+?86[ -]?)?1[3-9]\d{9}$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def split_other(value: str) -> tuple[str, str | None]:
    """ "其他〖自己写的脚本〗" -> ("其他", "自己写的脚本"); a value without 〖〗 -> (value, None).

    Apply to each choice after splitting a multiple choice on ┋: the option is the category,
    the text in 〖〗 is what the respondent wrote, a response of its own.
    """
    m = _OTHER.match(value.strip())
    if m is None:
        return value, None
    return m[1].strip(), (m[2].strip() or None)


def identity_field_of(values: Sequence[str]) -> str | None:
    """ "phone" or "email" when every answer is a Chinese mobile number or an e-mail address:
    a fill-in asking for contact details, whatever its wording."""
    if not values:
        return None
    if all(_PHONE.match(v.replace(" ", "")) for v in values):
        return "phone"
    if all(_EMAIL.match(v) for v in values):
        return "email"
    return None


@dataclass(frozen=True)
class _Part:
    """One header cell, parsed."""

    number: int | None  # question number, None for metadata
    text: str  # question text (may be "" in "3、(速度)") or the metadata header
    label: str | None = None  # the option or row of a spread-out question


class WjxProfile:
    tool = TOOL

    def recognise(self, head: Sequence[Sequence[str]]) -> Layout | None:
        for at, record in enumerate(head[:5]):
            cells = [c.strip().lstrip("\ufeff") for c in record]
            if _is_header(cells):
                return _layout(cells, [list(r) for r in head[at + 1 :]], at + 1)
        return None


def _is_header(cells: list[str]) -> bool:
    if "序号" not in cells or "提交答卷时间" not in cells:
        return False
    if cells.index("序号") > cells.index("提交答卷时间"):
        return False
    return any(_QUESTION.match(c) or _SUB.match(c) for c in cells)


def _parse(cells: list[str]) -> list[_Part]:
    parts: list[_Part] = []
    for cell in cells:
        sub = _SUB.match(cell)
        question = _QUESTION.match(cell)
        if sub is not None:
            number = int(sub[1] or sub[3])
            parts.append(_Part(number, _clean(sub[2] or ""), sub[4].strip()))
        elif question is not None:
            parts.append(_Part(int(question[1]), _clean(question[2])))
        else:
            parts.append(_Part(None, cell))
    # "2、问题(60字以内)" alone is a question whose text ends in brackets, not an option column.
    for i, part in enumerate(parts):
        if part.label is not None and part.text and not _has_sibling(parts, i):
            parts[i] = _Part(part.number, _clean(cells[i].split("、", 1)[1]))
    return parts


def _has_sibling(parts: list[_Part], i: int) -> bool:
    return any(
        0 <= j < len(parts) and parts[j].number == parts[i].number and parts[j].label is not None
        for j in (i - 1, i + 1)
    )


def _clean(text: str) -> str:
    return text.strip().rstrip(":：").strip()


def _layout(cells: list[str], rows: list[list[str]], header_rows: int) -> Layout:
    parts = _parse(cells)
    values = [
        [r[i].strip() for r in rows if i < len(r) and r[i].strip()] for i in range(len(cells))
    ]
    questions = [i for i, p in enumerate(parts) if p.number is not None]
    by_number = _is_by_number(parts, values, questions)
    skips = _TEXT_SKIPS | _NUMBER_SKIPS if by_number else _TEXT_SKIPS
    answered = [[v for v in vs if v not in skips] for vs in values]
    columns = [_column(i, parts, answered[i], by_number) for i in range(len(cells))]
    notes = [f"问卷星 download {BY_NUMBER if by_number else BY_TEXT}"]
    if by_number:
        notes.append("choices are option numbers; the option texts are in the download by text")
        notes.append("-3 (skipped by logic) and -2 (not shown) are read as empty")
    else:
        notes.append("(跳过) (skipped by logic) and (空) (left blank) are read as empty")
        if any(c.answer in (Answer.SINGLE, Answer.MULTI) for c in columns):
            notes.append("text typed into 'other' (in 〖〗 after the option) becomes a response")
    if any(p.label is not None and not p.text for p in parts):
        notes.append("问卷星 leaves the question text out of matrix rows: named by number")
    return Layout(
        tool=TOOL,
        variant=BY_NUMBER if by_number else BY_TEXT,
        header_rows=header_rows,
        columns=columns,
        skip_markers=skips,
        multi_separator=None if by_number else "┋",
        ranking_separator=None if by_number else "→",
        split_other=None if by_number else split_other,
        local_ids=True,  # 序号 restarts at 1 in every survey
        notes=notes,
    )


def _is_by_number(parts: list[_Part], values: list[list[str]], questions: list[int]) -> bool:
    """By number unless a value is written the by-text way; (空) and (跳过) say nothing:
    text answers read the same in both downloads."""
    cells = [v for i in questions for v in values[i]]
    if any("┋" in v or "〖" in v or "→" in v for v in cells):
        return False
    options = [i for i in questions if parts[i].label is not None]
    codes = [set(values[i]) - _NUMBER_SKIPS for i in options]
    if any(c and c <= {"0", "1"} for c in codes):
        return True  # one 0/1 column per option of a multiple choice
    # Logic-skipped choices read -3 by number, (跳过) by text.
    return any(v in _NUMBER_SKIPS for v in cells) and "(跳过)" not in cells


def _column(i: int, parts: list[_Part], values: list[str], by_number: bool) -> Column:
    part = parts[i]
    if part.number is None:
        return _metadata_column(part.text)
    qid = f"Q{part.number}"
    field = identity_field_of(values)
    if part.label is None:
        if field is not None:
            return Column(
                part.text, qid, Role.IDENTITY, f"问卷星: answers are {FIELD_WORDS[field]}", field
            )
        answer = None if by_number else _text_answer(values)
        return Column(part.text, qid, answer=answer)
    siblings = [j for j, p in enumerate(parts) if p.number == part.number and p.label is not None]
    question = part.text or qid
    header = f"{question} - {part.label}"
    qid = f"{qid}_{siblings.index(i) + 1}"
    if field is not None:
        return Column(
            header, qid, Role.IDENTITY, f"问卷星: answers are {FIELD_WORDS[field]}", field, question
        )
    return Column(
        header, qid, question=question, option=part.label, answer=_sub_answer(values, by_number)
    )


def _metadata_column(header: str) -> Column:
    if header in _METADATA:
        role, why, field = _METADATA[header]
        # An answer is recorded when it is submitted: its time tells two surveys' 序号 1 apart.
        return metadata(header, "", role, why, field, stamp=header == "提交答卷时间")
    return Column(header, why=_ATTRIBUTES.get(header, ""))


def _text_answer(values: list[str]) -> Answer | None:
    """What a single column holds, by option text, when its values say so."""
    if not values:
        return None
    if any("┋" in v for v in values):
        return Answer.MULTI
    if all("→" in v for v in values):
        return Answer.RANKING
    if any(_OTHER.match(v) for v in values):
        return Answer.SINGLE  # only choices carry 〖other text〗
    return None


def _sub_answer(values: list[str], by_number: bool) -> Answer | None:
    if not values:
        return Answer.OPTION if by_number else None
    if by_number and set(values) <= {"0", "1"}:
        return Answer.OPTION
    if all(_INTEGER.match(v) for v in values):
        return Answer.MATRIX
    # Short repeated words are a matrix row; long or multi-line text is a fill-in blank.
    if not by_number and all(len(v) <= 20 and "\n" not in v for v in values):
        return Answer.MATRIX
    return None


PROFILE = WjxProfile()
