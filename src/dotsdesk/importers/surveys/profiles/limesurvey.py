"""LimeSurvey's response export: one header row, the response's own fields first in fixed order.

Whoever exports picks the heading style: question codes (`Q1`, `Q2[SQ001]`, `Q2[other]`), code
and text (`Q1. What do you…`, with a separator they may change) or the full question text. Codes
are LimeSurvey's field names (`id`, `submitdate`, ...) in every language, so they are recognised
as such. Full-text headings are translated, so that style is recognised from the values of the
first four fields instead: a response number, a submit date or nothing, a page number, and the
code of the language the respondent started in. Participant fields come last (firstname, ...).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..columns import Role
from .base import Answer, Column, Layout, cell_at, column_values, fold, is_ip, metadata

TOOL = "LimeSurvey"
# The submit date LimeSurvey stores for every response of an anonymised survey without dates.
NO_DATE = "1980-01-01 00:00:00"

_IDENTITY = (Role.IDENTITY, "other")
_IGNORE = (Role.IGNORED, None)
_FIELDS: dict[str, tuple[Role, str | None]] = {
    "id": (Role.ID, None),
    "submitdate": (Role.DATE, None),
    "lastpage": _IGNORE,
    "startlanguage": (Role.LANGUAGE, None),
    "seed": _IGNORE,  # randomisation seed
    "token": _IDENTITY,  # the access code links the response to a named participant
    "startdate": _IGNORE,
    "datestamp": _IGNORE,  # the last action, not the submission
    "ipaddr": _IDENTITY,
    "refurl": _IDENTITY,  # an invitation link may carry the access code
    "firstname": (Role.IDENTITY, "name"),
    "lastname": (Role.IDENTITY, "name"),
    "email": (Role.IDENTITY, "email"),
    "tid": _IDENTITY,
    "interviewtime": _IGNORE,
}
_FIRST = ("id", "submitdate", "lastpage", "startlanguage")
_OPTIONAL = ("seed", "token", "startdate", "datestamp", "ipaddr", "refurl")
# Labels of the full-text style, as _key leaves them; the values decide where none matches.
_LABELS = {
    "responseid": "id", "antwortid": "id",
    "datesubmitted": "submitdate", "datumabgeschickt": "submitdate",
    "lastpage": "lastpage", "letzteseite": "lastpage",
    "startlanguage": "startlanguage", "startsprache": "startlanguage",
    "seed": "seed", "token": "token", "accesscode": "token", "zugangsschlüssel": "token",
    "datestarted": "startdate", "datumgestartet": "startdate",
    "datelastaction": "datestamp", "datumletzteaktivität": "datestamp",
    "ipaddress": "ipaddr", "ipadresse": "ipaddr",
    "referrerurl": "refurl", "referringurl": "refurl",
    "firstname": "firstname", "vorname": "firstname",
    "lastname": "lastname", "nachname": "lastname",
    "email": "email", "emailaddress": "email", "emailadresse": "email",
    "totaltime": "interviewtime",
}  # fmt: skip
# Question code, then a subquestion in brackets (or after "_" with Expression Manager codes),
# then a dual-scale array's scale.
_CODE = re.compile(r"([A-Za-z][A-Za-z0-9]*)(?:\[([^\[\]\s]*)\](?:\[\d\])?|_([A-Za-z0-9_#]+))?")
_SUB_LABEL = re.compile(r"(.*\S)\s*\[([^\[\]]+)\]", re.DOTALL)
_DATETIME = re.compile(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d")
_LANGUAGE = re.compile(r"[a-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*")
_NUMBER = re.compile(r"-?\d+(?:\.\d+)?")
_YES = {"y", "yes", "ja", "oui", "sí", "si", "sim", "tak", "是", "да", "はい"}
_NO = {"n", "no", "nein", "non", "não", "nao", "nie", "否", "нет", "いいえ"}


@dataclass(frozen=True)
class _Head:
    index: int
    code: str  # the field name; "" in the full-text style
    base: str  # the question's code, or its text in the full-text style
    sub: str | None  # the subquestion's code, or its label in the full-text style
    text: str  # what the user sees
    label: str | None  # the subquestion's label, when the heading has text
    question: str | None = None  # the question's text (or code) for a subquestion


class LimeSurveyProfile:
    tool = TOOL

    def recognise(self, head: Sequence[Sequence[str]]) -> Layout | None:
        if not head or len(head[0]) < 4:
            return None
        headers = [c.strip() for c in head[0]]
        headers[0] = headers[0].lstrip("\ufeff").strip()
        rows = [r for r in head[1:] if any(c.strip() for c in r)]
        sep = _code_separator(headers)
        if sep is not None:
            heads = [_coded(i, h, sep) for i, h in enumerate(headers)]
            fields = {h.index: h.code for h in heads if _field(h.code, heads)}
            variant = "question code and text headings" if sep else "question code headings"
        elif _full_text(headers, rows):
            fields = _full_text_fields(headers, rows)
            heads = [_texted(i, h) for i, h in enumerate(headers)]
            variant = "full question text headings"
        else:
            return None
        return _layout(variant, heads, fields, rows)


PROFILE = LimeSurveyProfile()


def _layout(
    variant: str, heads: list[_Head], fields: dict[int, str], rows: Sequence[Sequence[str]]
) -> Layout:
    columns: dict[int, Column] = {}
    groups: dict[str, list[_Head]] = {}
    # The response's random seed, else when it was started: fixed for the response, it tells
    # apart the responses of two surveys, whose ids both start at 1.
    stamp = next((f for f in ("seed", "startdate") if f in fields.values()), None)
    for h in heads:
        if not h.text and not column_values(rows, h.index):
            continue  # the empty cell after the last heading
        if h.index in fields:
            name = fields[h.index]
            role, identity = _field_role(name)
            why = f"{TOOL}: {name}"
            columns[h.index] = metadata(h.text, name, role, why, identity, stamp=name == stamp)
        else:
            groups.setdefault(h.base, []).append(h)
    unchosen, codes, worded = {"N", "No"}, False, False
    for group in groups.values():
        answers = _answers(group, rows)
        for h in group:
            answer = answers[h.index]
            question = h.question if h.sub else None
            option = (h.label or h.sub) if answer is Answer.OPTION else None
            why = f"{TOOL}: {h.code}" if h.code else f"{TOOL}: question"
            columns[h.index] = Column(h.text, h.code, None, why, None, question, option, answer)
            if answer is Answer.OPTION:
                values = set(column_values(rows, h.index))
                codes = codes or bool(values & {"Y"})
                worded = worded or any(v.casefold() in _YES - {"y"} for v in values)
                unchosen |= {v for v in values if v.casefold() in _NO}
    submitted = [v for i, f in fields.items() if f == "submitdate" for v in column_values(rows, i)]
    if submitted and NO_DATE in submitted:
        variant += ", anonymised"
    layout = Layout(TOOL, variant, 1, [columns[i] for i in sorted(columns)])
    layout.local_ids = True  # the response id restarts at 1 in every survey
    layout.unchosen = frozenset(unchosen)
    layout.no_dates = frozenset({NO_DATE})
    written = {v for i, c in columns.items() if c.role is None for v in column_values(rows, i)}
    if "N/A" in written and (worded or not codes):
        # The long-answer export writes N/A for a question the respondent was never shown.
        layout.skip_markers = frozenset({"N/A"})
    if NO_DATE in submitted:
        layout.notes.append(f"anonymised survey: the submit date {NO_DATE} means no date")
    if variant.startswith("full"):
        layout.notes.append("LimeSurvey fields recognised from their values; headings hold text")
    return layout


def _code_separator(headers: list[str]) -> str | None:
    """Empty for code headings, the separator for "code. text" headings, None for neither."""
    if headers[0] == "id" and len(set(headers[1:]) & set(_FIRST[1:])) >= 2:
        return ""
    m = re.match(r"id(\W+)\w", headers[0])
    if not m:
        return None
    sep = m[1]
    found = sum(1 for h in headers[1:6] for f in _FIRST[1:] if h.startswith(f + sep))
    return sep if found >= 2 else None


def _coded(index: int, header: str, sep: str) -> _Head:
    m = _CODE.match(header)
    if m and (m.end() == len(header) if not sep else header.startswith(sep, m.end())):
        text = " ".join(header[m.end() + len(sep) :].split()) or m[0]
        sub = m[2] if m[2] is not None else m[3]
        if m[1] == "attribute" and m[3] and m[3].isdigit():
            sub = None  # a participant attribute: attribute_1
        base = m[1] if sub is not None else m[0]
        if sep and sub is not None and (found := _SUB_LABEL.fullmatch(text)):
            return _Head(index, m[0], base, sub, text, found[2].strip(), found[1])
        return _Head(index, m[0], base, sub, text, None, base)
    return _Head(index, "", header, None, " ".join(header.split()), None)


def _texted(index: int, header: str) -> _Head:
    text = " ".join(header.split())
    found = _SUB_LABEL.fullmatch(text)
    if found:
        label = found[2].strip()
        return _Head(index, "", found[1], label, text, label, found[1])
    return _Head(index, "", text, None, text, None)


def _field(code: str, heads: list[_Head]) -> bool:
    if code in _FIELDS or re.fullmatch(r"attribute_\d+|groupTime\d+", code):
        return True
    # Timings: a question's time is its code + "Time", beside the question itself.
    return code.endswith("Time") and any(h.code == code[:-4] for h in heads)


def _field_role(name: str) -> tuple[Role, str | None]:
    if name in _FIELDS:
        return _FIELDS[name]
    return _IDENTITY if name.startswith("attribute_") else _IGNORE


def _full_text(headers: list[str], rows: list[Sequence[str]]) -> bool:
    """The first four columns hold what LimeSurvey's first four fields hold."""
    if rows:
        shapes = (r"[0-9]+", rf"(?:{_DATETIME.pattern})?", r"[0-9]*", _LANGUAGE.pattern)
        return all(
            all(re.fullmatch(shape, cell_at(r, i).strip()) for r in rows)
            for i, shape in enumerate(shapes)
        ) and len({cell_at(r, 0).strip() for r in rows}) == len(rows)
    # No responses yet: only the labels can tell.
    return [_LABELS.get(fold(h)) for h in headers[:4]] == list(_FIRST)


def _full_text_fields(headers: list[str], rows: list[Sequence[str]]) -> dict[int, str]:
    fields = dict(enumerate(_FIRST))
    i = len(_FIRST)
    for name in _OPTIONAL:
        if i < len(headers) and (
            _LABELS.get(fold(headers[i])) == name or _fits(name, column_values(rows, i))
        ):
            fields[i] = name
            i += 1
    for j in range(i, len(headers)):
        name = _LABELS.get(fold(headers[j]), "")
        if name in ("firstname", "lastname", "email", "interviewtime"):
            fields[j] = name
    return fields


def _fits(name: str, values: list[str]) -> bool:
    if not values:
        return False
    if name == "seed":
        return all(v.isdigit() for v in values)
    if name == "token":  # random access codes: one word each, all different
        return len(set(values)) == len(values) and all(re.fullmatch(r"\w{5,36}", v) for v in values)
    if name in ("startdate", "datestamp"):
        return all(_DATETIME.fullmatch(v) for v in values)
    if name == "ipaddr":
        return all(is_ip(v) for v in values)
    return all(re.match(r"https?://", v) for v in values)


def _answers(group: list[_Head], rows: Sequence[Sequence[str]]) -> dict[int, Answer | None]:
    """What each column of one question holds, from its codes and, where they are silent,
    from its values: boxes (Y, Yes, the option's text), an array's shared scale, or text."""
    answers: dict[int, Answer | None] = {}
    subs: list[_Head] = []
    for h in group:
        sub = (h.sub or "").casefold() if h.code else ""
        if h.sub is None:
            answers[h.index] = Answer.SINGLE if len(group) > 1 else None
        elif sub == "other":
            answers[h.index] = Answer.OTHER
        elif sub.endswith("comment"):
            answers[h.index] = Answer.OPEN
        else:
            subs.append(h)
    values = {h.index: set(column_values(rows, h.index)) - {"N/A"} for h in subs}
    boxes = [h for h in subs if values[h.index] and _box(values[h.index], h.label)]
    filled = [h for h in subs if values[h.index]]
    texts = [next(iter(values[h.index])) for h in filled if len(values[h.index]) == 1]
    if boxes and len(boxes) * 2 >= len(filled):
        for h in subs:  # a box nobody ticked is a box too; text beside the boxes is "other"
            other = values[h.index] and h not in boxes
            answers[h.index] = Answer.OTHER if other else Answer.OPTION
        return answers
    if len(filled) >= 2 and len(texts) == len(filled) == len(set(texts)):
        # Each column holds one text, its own: the option's text written for a ticked box.
        return answers | {h.index: Answer.OPTION for h in subs}
    shared = [v for v in set().union(*values.values()) if sum(v in s for s in values.values()) > 1]
    ranks = all((h.label or h.sub or "").isdigit() for h in subs)
    for h in subs:
        found = values[h.index]
        if ranks or not (shared or (found and not all(_NUMBER.fullmatch(v) for v in found))):
            answers[h.index] = None  # rank positions, numbers, or nothing to go on
        else:
            answers[h.index] = Answer.MATRIX if shared else Answer.OPEN  # scale, or text boxes
    return answers


def _box(values: set[str], label: str | None) -> bool:
    folded = {v.casefold() for v in values}
    return folded <= _YES | _NO or (label is not None and values == {label})
