"""Deciding what each column of a survey table is: id, response, attribute, identity, ...

What the user said wins; then what the survey tool's export says a column is (its source
profile); then private identity found in the values themselves, whatever the header; then
the header's words and the values' length. The decision and its reason are printed for the
user and can be overridden column by column.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from ...model import AttributeType
from ...services.corpus.respondents import parse_number
from .identity import header_field, scan_values
from .kinds import Answer, Role

if TYPE_CHECKING:
    from .profiles.base import Column, Layout


@dataclass(frozen=True)
class ColumnPlan:
    index: int
    header: str
    role: Role
    why: str
    attribute_type: AttributeType | None = None
    identity_field: str | None = None  # name/email/phone/contact/forum/handle/other
    qid: str = ""  # the survey tool's id of the column's question, when it has one
    # A multiple-choice question spread over one column per option: the attribute (named
    # by the question) and the option this column stands for.
    group: str | None = None
    option: str | None = None
    separator: str | None = None  # between the choices of a multiple-choice cell
    answer: Answer | None = None  # what the survey tool says the column holds
    # The attribute's name when it is not the header: a choice whose "other" text has a
    # column of its own is named by its question, as that text's response is.
    name: str | None = None
    # Choices joined by a separator that also occurs in text (", "): the choices that recur
    # in the column. A run of others at the end of a cell is one answer typed for "Other".
    choices: frozenset[str] = frozenset()

    @property
    def attribute(self) -> str:
        """The attribute a column fills: its group's question, its name, or its header."""
        return self.group or self.name or self.header


def _norm(header: str) -> str:
    return re.sub(r"[\s_\-.:：()（）]+", " ", header.casefold()).strip()


_ID = {
    "respondent",
    "id",
    "respondent id",
    "respondentid",
    "response id",
    "responseid",
    "participant",
    "participant id",
    "participantid",
    "pid",
    "受访者",
    "编号",
    "受访者编号",
    "序号",
    "答卷编号",
}
_LANGUAGE = {"language", "lang", "userlanguage", "user language", "语言"}
_DATE = {
    "timestamp",
    "date",
    "submitted",
    "submitted at",
    "submission date",
    "recordeddate",
    "recorded date",
    "enddate",
    "end date",
    "received",
    "提交时间",
    "提交答卷时间",
    "日期",
    "时间",
}
# Survey-tool bookkeeping columns worth keeping as attributes are few; these are noise.
_IGNORED = {
    "status",
    "progress",
    "finished",
    "duration (in seconds)",
    "duration in seconds",
    "distributionchannel",
    "distribution channel",
    "externalreference",
    "startdate",
    "start date",
    "responseid",
}

# In English-equivalent characters (see _weight): typical answers longer than this are free text.
RESPONSE_MIN_MEDIAN = 40
RESPONSE_MIN_LONGEST = 120


def plan_columns(
    headers: Sequence[str],
    rows: Sequence[Sequence[str]],
    *,
    responses: Sequence[str] = (),
    attributes: Sequence[str] = (),
    identity: Sequence[str] = (),
    id_column: str | None = None,
    roles: Mapping[str, Role] | None = None,
    columns: Sequence[Column] = (),
    layout: Layout | None = None,
) -> list[ColumnPlan]:
    """One plan per column. Overrides name headers exactly (case-insensitive); `roles`
    (header -> role, as chosen in the import dialog) may set any role, "ignored" too.
    `columns` and `layout` are what a source profile recognised (table.columns, .layout)."""
    forced: dict[str, Role] = {_norm(h): Role(r) for h, r in (roles or {}).items()}
    for names, role in (
        (responses, Role.RESPONSE),
        (attributes, Role.ATTRIBUTE),
        (identity, Role.IDENTITY),
    ):
        for name in names:
            forced[_norm(name)] = role
    if id_column:
        forced[_norm(id_column)] = Role.ID
    plans: list[ColumnPlan] = []
    have_id = any(role is Role.ID for role in forced.values())
    for i, header in enumerate(headers):
        values = [row[i] for row in rows if i < len(row) and row[i].strip()]
        key = _norm(header)
        hint = columns[i] if i < len(columns) else None
        if key in forced:
            plan = _forced(i, header, forced[key], values)
        elif hint is not None and (hint.role is not None or hint.answer is not None):
            plan = _from_tool(i, header, hint, values, layout, allow_id=not have_id)
        else:
            plan = _guess(i, header, key, values, allow_id=not have_id)
        if hint is not None and hint.qid:
            plan = replace(plan, qid=hint.qid)
        have_id = have_id or plan.role is Role.ID
        plans.append(plan)
    return plans


def _from_tool(
    i: int, header: str, hint: Column, values: list[str], layout: Layout | None, *, allow_id: bool
) -> ColumnPlan:
    """What the tool's export says the column is; identity in the values still wins."""
    tool = layout.tool if layout else "the survey tool"
    if hint.role is not None and (hint.role is not Role.ID or allow_id):
        why = hint.why or f"{tool}: {hint.qid or header}"
        field = hint.identity_field or "other" if hint.role is Role.IDENTITY else None
        return ColumnPlan(i, header, hint.role, why, identity_field=field)
    found = scan_values(values)
    if found is not None:
        return ColumnPlan(i, header, Role.IDENTITY, found.why, identity_field=found.field)
    answer = hint.answer
    if answer in (Answer.OPEN, Answer.OTHER) or answer is None:
        if answer is None:
            return _guess(i, header, _norm(header), values, allow_id=allow_id)
        what = "open answer" if answer is Answer.OPEN else "the text of an 'other' choice"
        return ColumnPlan(i, header, Role.RESPONSE, f"{tool}: {what}", group=hint.question)
    if not values:
        return ColumnPlan(i, header, Role.IGNORED, "empty column")
    if answer is Answer.OPTION:
        group = hint.question or header
        return ColumnPlan(
            i,
            header,
            Role.ATTRIBUTE,
            f"{tool}: the choice {hint.option!r} of a multiple-choice question",
            attribute_type=AttributeType.MULTI,
            group=group,
            option=hint.option or header,
        )
    # A choice with its "other" text in a column of its own: both go by the question.
    name = hint.question if answer in (Answer.SINGLE, Answer.MULTI) else None
    named = f", the attribute {name!r}" if name and name != header else ""
    if answer is Answer.MULTI:
        separator = layout.multi_separator if layout else None
        split = layout.split_choices if layout and layout.split_choices else None
        return ColumnPlan(
            i,
            header,
            Role.ATTRIBUTE,
            f"{tool}: several choices in one cell{named}",
            attribute_type=AttributeType.MULTI if separator else AttributeType.TEXT,
            separator=separator,
            answer=answer,
            name=name,
            choices=_recurring(values, separator, split) if separator else frozenset(),
        )
    kind = _attribute_type(values)
    if answer is not Answer.RATING and kind is AttributeType.NUMBER:
        kind = AttributeType.CATEGORY  # choice codes, not quantities
    what = {
        Answer.SINGLE: "one choice",
        Answer.RATING: "a rating",
        Answer.MATRIX: "a row of a matrix question",
        Answer.RANKING: "choices in ranked order",
    }[answer]
    if answer is Answer.RANKING:
        kind = AttributeType.TEXT
    return ColumnPlan(
        i,
        header,
        Role.ATTRIBUTE,
        f"{tool}: {what}{named}",
        attribute_type=kind,
        answer=answer,
        name=name,
    )


def split_choices(
    cell: str, separator: str, split: Callable[[str], list[str]] | None = None
) -> list[str]:
    """A multiple-choice cell's choices, as the tool joined them."""
    parts = split(cell) if split is not None else cell.split(separator)
    return [part.strip() for part in parts if part.strip()]


def _recurring(
    values: list[str], separator: str, split: Callable[[str], list[str]] | None
) -> frozenset[str]:
    """The choices found in more than one cell, where the separator also occurs in text."""
    if " " not in separator:
        return frozenset()
    seen = Counter(c for v in values for c in dict.fromkeys(split_choices(v, separator, split)))
    return frozenset(c for c, n in seen.items() if n > 1)


def expand_names(headers: Sequence[str], values: Sequence[str]) -> tuple[str, ...]:
    """`--responses "Q1,Q2"` names two columns, unless a header itself contains the comma."""
    known = {_norm(h) for h in headers}
    names: list[str] = []
    for value in values:
        if _norm(value) in known:
            names.append(value)
        else:
            names.extend(part for part in (p.strip() for p in value.split(",")) if part)
    return tuple(names)


def unknown_overrides(headers: Sequence[str], names: Sequence[str]) -> list[str]:
    known = {_norm(h) for h in headers}
    return [n for n in names if _norm(n) not in known]


def _forced(i: int, header: str, role: Role, values: list[str]) -> ColumnPlan:
    if role is Role.ATTRIBUTE:
        return ColumnPlan(i, header, role, "as asked", attribute_type=_attribute_type(values))
    if role is Role.IDENTITY:
        return ColumnPlan(
            i, header, role, "as asked", identity_field=_identity_field(header) or "other"
        )
    return ColumnPlan(i, header, role, "as asked")


def _identity_field(header: str) -> str | None:
    return header_field(header)


def _guess(i: int, header: str, key: str, values: list[str], *, allow_id: bool) -> ColumnPlan:
    if allow_id and key in _ID:
        return ColumnPlan(i, header, Role.ID, "header names the respondent")
    if key in _LANGUAGE:
        return ColumnPlan(i, header, Role.LANGUAGE, "header names the language")
    if key in _DATE:
        return ColumnPlan(i, header, Role.DATE, "header names when the answer came")
    if key in _IGNORED:
        return ColumnPlan(i, header, Role.IGNORED, "survey-tool bookkeeping")
    if not values:
        return ColumnPlan(i, header, Role.IGNORED, "empty column")
    field = _identity_field(header)
    lengths = [_weight(v) for v in values]
    long_text = statistics.median(lengths) >= RESPONSE_MIN_MEDIAN or (
        max(lengths) >= RESPONSE_MIN_LONGEST and statistics.median(lengths) >= 15
    )
    # An identity header wins over length, except for long free text that merely mentions
    # such a word in its question ("What is your name for this role?" is rare; answers are not).
    if field is not None and not long_text:
        return ColumnPlan(
            i, header, Role.IDENTITY, "header looks like personal data", identity_field=field
        )
    found = scan_values(values) if field is None else None
    if found is not None:
        return ColumnPlan(i, header, Role.IDENTITY, found.why, identity_field=found.field)
    if long_text:
        median = int(statistics.median(lengths))
        return ColumnPlan(i, header, Role.RESPONSE, f"free text (median {median} characters)")
    if _written(values):
        return ColumnPlan(i, header, Role.RESPONSE, "answers are written sentences")
    kind = _attribute_type(values)
    return ColumnPlan(
        i, header, Role.ATTRIBUTE, f"short values ({kind.value})", attribute_type=kind
    )


# Runs of wide characters: one substitution counts them without a list of matches.
_WIDE = re.compile(
    r"[\u1100-\u11ff\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]+"
)


def _weight(value: str) -> int:
    """Length in "English-equivalent" characters: a Chinese, Japanese or Korean character
    carries about as much as a short word, so 40 of them are a real answer."""
    if value.isascii():
        return len(value)
    return len(value) + 2 * (len(value) - len(_WIDE.sub("", value)))


_SENTENCE_END = tuple("。！？!?.…")


def _written(values: list[str]) -> bool:
    """Short answers can still be free text: a choice never spans lines nor ends a sentence,
    and people rarely write the same sentence twice."""
    sentences = sum(
        1
        for v in values
        if "\n" in v.strip() or (v.rstrip().endswith(_SENTENCE_END) and _weight(v) >= 12)
    )
    return sentences * 3 >= len(values) > 0 and len(set(values)) >= 0.8 * len(values)


def _attribute_type(values: list[str]) -> AttributeType:
    if values and all(parse_number(v) is not None for v in values):
        return AttributeType.NUMBER
    distinct = len(set(values))
    if distinct <= max(12, len(values) // 3):
        return AttributeType.CATEGORY
    return AttributeType.TEXT
