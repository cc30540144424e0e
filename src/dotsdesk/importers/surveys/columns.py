"""Deciding what each column of a survey table is: id, response, attribute, identity, ...

The guess is printed for the user and can be overridden column by column.
"""

from __future__ import annotations

import enum
import re
import statistics
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ...model import AttributeType
from ...services.corpus.respondents import parse_number


class Role(enum.StrEnum):
    ID = "respondent id"
    RESPONSE = "response"
    ATTRIBUTE = "attribute"
    IDENTITY = "identity"
    LANGUAGE = "language"
    DATE = "received date"
    IGNORED = "ignored"


@dataclass(frozen=True)
class ColumnPlan:
    index: int
    header: str
    role: Role
    why: str
    attribute_type: AttributeType | None = None
    identity_field: str | None = None  # name/email/phone/contact/forum/handle/other


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
# Header words that mean the column identifies a person; mapped to the identity field.
_IDENTITY_PATTERNS: tuple[tuple[str, str], ...] = (
    (r"e ?mail|邮箱|邮件", "email"),
    (r"phone|mobile|cell|tel\b|电话|手机", "phone"),
    (r"handle|user ?name|screen ?name|nickname|昵称|用户名|网名|\bid on", "handle"),
    (r"forum|论坛|platform|community", "forum"),
    (r"wechat|微信|qq|whatsapp|telegram|twitter|linkedin|contact|联系", "contact"),
    (r"\bname\b|first name|last name|full name|surname|姓名|名字|recipient", "name"),
    (r"ip ?address|\bip\b|latitude|longitude|location|address|住址|地址", "other"),
)
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
) -> list[ColumnPlan]:
    """One plan per column. Overrides name headers exactly (case-insensitive); `roles`
    (header -> role, as chosen in the import dialog) may set any role, "ignored" too."""
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
        if key in forced:
            plans.append(_forced(i, header, forced[key], values))
            continue
        plan = _guess(i, header, key, values, allow_id=not have_id)
        have_id = have_id or plan.role is Role.ID
        plans.append(plan)
    return plans


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
            i, header, role, "as asked", identity_field=_identity_field(_norm(header)) or "other"
        )
    return ColumnPlan(i, header, role, "as asked")


def _identity_field(key: str) -> str | None:
    for pattern, field in _IDENTITY_PATTERNS:
        if re.search(pattern, key):
            return field
    return None


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
    field = _identity_field(key)
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
    if field is None and _looks_like_contacts(values):
        return ColumnPlan(
            i, header, Role.IDENTITY, "values look like e-mail addresses", identity_field="email"
        )
    if long_text:
        median = int(statistics.median(lengths))
        return ColumnPlan(i, header, Role.RESPONSE, f"free text (median {median} characters)")
    kind = _attribute_type(values)
    return ColumnPlan(
        i, header, Role.ATTRIBUTE, f"short values ({kind.value})", attribute_type=kind
    )


_WIDE = re.compile(
    r"[\u1100-\u11ff\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]"
)


def _weight(value: str) -> int:
    """Length in "English-equivalent" characters: a Chinese, Japanese or Korean character
    carries about as much as a short word, so 40 of them are a real answer."""
    return len(value) + 2 * len(_WIDE.findall(value))


_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def _looks_like_contacts(values: list[str]) -> bool:
    return sum(bool(_EMAIL.match(v.strip())) for v in values) >= max(1, len(values) // 2)


def _attribute_type(values: list[str]) -> AttributeType:
    if values and all(parse_number(v) is not None for v in values):
        return AttributeType.NUMBER
    distinct = len(set(values))
    if distinct <= max(12, len(values) // 3):
        return AttributeType.CATEGORY
    return AttributeType.TEXT
