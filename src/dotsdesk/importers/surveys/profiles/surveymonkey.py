"""SurveyMonkey's "all responses" export (CSV or .xlsx), expanded or condensed.

Both start with the respondent's own columns in a fixed order: Respondent ID and Collector ID
(long numbers), Start Date, End Date, IP Address, Email Address, First Name, Last Name and
Custom Data. The expanded export has a second header row: blank under those columns, and under
each question what its columns hold ("Response", "Open-Ended Response", an option's text, a
matrix row, "Other (please specify)"). Row 1 names a question once, with blank cells to the
right of it over the rest of its columns. All labels follow the interface language of whoever
downloaded the file, so the export is recognised from this shape and from the ids and dates,
and a column's kind from its values where its label is not one the profile knows.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from ..columns import Role
from ..records import filled_width
from .base import Answer, Column, Layout, cell_at, column_values, fold, is_ip, metadata

TOOL = "SurveyMonkey"

_META = ("Respondent ID", "Collector ID", "Start Date", "End Date", "IP Address",
         "Email Address", "First Name", "Last Name")  # fmt: skip
_CUSTOM = "Custom Data"
_ROLES: dict[str, tuple[Role, str | None]] = {
    "Respondent ID": (Role.ID, None),
    "Collector ID": (Role.IDENTITY, "other"),  # the link or e-mail list it came through
    "Start Date": (Role.IGNORED, None),  # when the respondent opened the survey
    "End Date": (Role.DATE, None),
    "IP Address": (Role.IDENTITY, "other"),
    "Email Address": (Role.IDENTITY, "email"),
    "First Name": (Role.IDENTITY, "name"),
    "Last Name": (Role.IDENTITY, "name"),
    _CUSTOM: (Role.IDENTITY, "other"),  # values passed in the survey link, often ids
}
# Metadata labels as _key leaves them: current, legacy ("RespondentID") and a few translations.
_LABELS = {
    "respondentid": "Respondent ID", "collectorid": "Collector ID",
    "startdate": "Start Date", "startdatum": "Start Date", "enddate": "End Date",
    "enddatum": "End Date", "ipaddress": "IP Address", "ipadresse": "IP Address",
    "emailaddress": "Email Address", "emailadresse": "Email Address",
    "firstname": "First Name", "vorname": "First Name",
    "lastname": "Last Name", "nachname": "Last Name",
}  # fmt: skip
_CUSTOM_LABEL = re.compile(r"customdata\d*|customvalue|benutzerdefiniertedaten\d*")
# Row-2 labels, as _key leaves them. Only a help: unknown labels are read from the values.
_RESPONSE = {"response", "antwort", "réponse", "respuesta", "resposta", "risposta",
             "antwoord", "回答", "回复", "回應", "응답"}  # fmt: skip
_OPEN = {"openendedresponse", "offeneantwort", "réponseouverte", "respuestaabierta",
         "respostaaberta", "rispostaaperta", "openantwoord", "开放式回答", "開放式回答",
         "自由回答"}  # fmt: skip
_OTHER = {"otherpleasespecify", "anderebitteangeben", "sonstigesbitteangeben",
          "autreveuillezpréciser", "otroespecifique", "其他请注明"}  # fmt: skip
# The fields of a contact-information question (English): what a person is, not an answer.
_CONTACT = {"name": "name", "emailaddress": "email", "phonenumber": "phone", "company": "other",
            "address": "other", "address2": "other", "citytown": "other",
            "stateprovince": "other", "zippostalcode": "other", "country": "other"}  # fmt: skip
_DATE = re.compile(r"\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}(?:[ T].*)?|\d{5}(?:\.\d+)?")
_SERIAL = re.compile(r"\d{5}(?:\.\d+)?")  # .xlsx: days since 1899-12-30
_NUMBER = re.compile(r"-?\d+(?:\.\d+)?")
_JOINED = ", "  # between the choices of a multiple-answer question in the condensed export


class SurveyMonkeyProfile:
    tool = TOOL

    def recognise(self, head: Sequence[Sequence[str]]) -> Layout | None:
        if len(head) < 2 or len(head[0]) < 5:
            return None
        row1 = [c.strip() for c in head[0]]
        row1[0] = row1[0].lstrip("\ufeff").strip()
        row2 = [c.strip() for c in head[1]]
        meta = 0
        while meta < len(row1) and row1[meta] and not cell_at(row2, meta):
            meta += 1
        rest = range(meta, max(filled_width(row1), filled_width(row2)))
        data = _filled(head[2:])
        answer_row = (
            meta >= 4 and rest and cell_at(row1, meta) and all(cell_at(row2, j) for j in rest)
        )
        if answer_row and (_ids(data) if data else _known_first(row1)):
            return _expanded(row1, row2, meta, data)
        data = _filled(head[1:])
        if data and _ids(data) and all(row1[:4]):
            return _condensed(row1, data)
        return None


PROFILE = SurveyMonkeyProfile()


def _expanded(row1: list[str], row2: list[str], meta: int, data: list[Sequence[str]]) -> Layout:
    names: list[str] = []
    for i in range(meta):
        names.append(_meta_name(i, row1[i], column_values(data, i), names) or _CUSTOM)
    columns = _meta_columns(row1, names)
    groups: list[list[int]] = []
    for j in range(meta, max(filled_width(row1), filled_width(row2))):
        if cell_at(row1, j) or not groups:
            groups.append([])
        groups[-1].append(j)
    spread = False
    for group in groups:
        question = row1[group[0]]
        labels = [row2[j] for j in group]
        values = [column_values(data, j) for j in group]
        answers = _answers(labels, values)
        contact = _contact(labels)
        spread = spread or len(group) > 1
        for label, answer in zip(labels, answers, strict=True):
            why = f"{TOOL}: {label}"
            if len(group) == 1:
                columns.append(Column(question, "", None, why, answer=answer))
            elif contact:
                why = f"{TOOL}: contact information ({label})"
                columns.append(
                    metadata(f"{question} - {label}", "", Role.IDENTITY, why, contact[label])
                )
            else:
                option = label if answer is Answer.OPTION else None
                header = f"{question} - {label}"
                columns.append(Column(header, "", None, why, None, question, option, answer))
    variant = "expanded export" if spread else "export with two header rows"
    return _finish(Layout(TOOL, variant, 2, columns, unchosen=frozenset()), data)


def _condensed(row1: list[str], data: list[Sequence[str]]) -> Layout:
    names: list[str] = []
    for i in range(filled_width(row1)):
        name = _meta_name(i, row1[i], column_values(data, i), names, expanded=False)
        if name is None:
            break
        names.append(name)
    columns = _meta_columns(row1, names)
    multi: list[str] = []
    for j in range(len(names), filled_width(row1)):
        if _looks_multi(column_values(data, j)):
            why = f"{TOOL}: choices recur, joined by ', ' (a multiple-answer question)"
            columns.append(Column(row1[j], "", None, why, answer=Answer.MULTI))
            multi.append(row1[j])
        else:
            columns.append(Column(row1[j], "", None, f"{TOOL}: question"))
    layout = Layout(TOOL, "condensed export", 1, columns, unchosen=frozenset())
    layout.multi_separator = _JOINED
    layout.notes.append(
        "condensed export: the choices of a multiple-answer question share one cell, and the"
        " export does not say which questions those are"
        + (f"; read as several choices, as they recur: {'; '.join(multi)}" if multi else "")
    )
    return _finish(layout, data)


def _looks_multi(values: list[str]) -> bool:
    """Short choices joined by ', ' that mostly recur across respondents; the pieces of
    sentences with commas in them rarely repeat."""
    if not any(_JOINED in v for v in values) or any("\n" in v for v in values):
        return False
    parts = Counter(p for v in values for p in dict.fromkeys(v.split(_JOINED)))
    recurring = sum(n for n in parts.values() if n > 1)
    return all(len(p) <= 80 for p in parts) and recurring * 2 >= parts.total()


def _finish(layout: Layout, data: list[Sequence[str]]) -> Layout:
    dates = [v for i, c in enumerate(layout.columns) if c.role is Role.DATE
             for v in column_values(data, i)]  # fmt: skip
    if dates and all(_SERIAL.fullmatch(v) for v in dates):
        layout.notes.append("End Date holds Excel serial numbers (days since 1899-12-30)")
    return layout


def _meta_name(
    i: int, label: str, values: list[str], before: list[str], expanded: bool = True
) -> str | None:
    """A respondent column's name in SurveyMonkey's order: by label where known, else by its
    values or its position. In the condensed export nothing marks where these columns end, so
    a column is taken only while its label or values say so (or it is a name after the
    e-mail address); in the expanded export the blank second row says it."""
    key = fold(label)
    name = _LABELS.get(key) or (_CUSTOM if _CUSTOM_LABEL.fullmatch(key) else None)
    if name is not None:
        return name
    if i < 4:
        return _META[i]
    if values and all(is_ip(v) for v in values):
        return "IP Address"
    if values and all("@" in v for v in values):
        return "Email Address"
    if expanded or (i in (6, 7) and before[5:6] == ["Email Address"]):
        return _META[i] if i < len(_META) else _CUSTOM
    return None


def _meta_columns(row1: list[str], names: list[str]) -> list[Column]:
    columns: list[Column] = []
    for label, name in zip(row1, names, strict=False):
        custom = sum(1 for c in columns if c.qid.startswith(_CUSTOM)) + 1
        qid = f"{_CUSTOM} {custom}" if name == _CUSTOM else name
        role, identity = _ROLES[name]
        columns.append(metadata(label, qid, role, f"{TOOL}: {qid}", identity))
    return columns


def _answers(labels: list[str], values: list[list[str]]) -> list[Answer | None]:
    """What each column of one question holds: from the row-2 label where the profile knows
    it, else from the values (a ticked box holds its option's text, a matrix row shares its
    scale with the other rows, text beside choices is "other")."""
    kinds = [_kind(label) for label in labels]
    if len(labels) == 1:
        kind, found = kinds[0], values[0]
        if kind == "open":
            return [Answer.OPEN]
        if kind == "response":
            return [_response(found)]
        if found and set(found) == {labels[0]}:
            return [Answer.OPTION]
        return [Answer.OPEN if _free_text(found) else None]
    boxes = {j for j, found in enumerate(values) if found and set(found) == {labels[j]}}
    choice = bool(boxes) or "response" in kinds
    plain = [set(v) for j, v in enumerate(values) if kinds[j] is None and j not in boxes]
    shared = any(sum(v in other for other in plain) > 1 for found in plain for v in found)
    answers: list[Answer | None] = []
    for j, (kind, found) in enumerate(zip(kinds, values, strict=True)):
        if kind is not None:
            answers.append(
                {"open": Answer.OPEN, "other": Answer.OTHER}.get(kind) or _response(found)
            )
        elif j in boxes or (boxes and not found):
            answers.append(Answer.OPTION)  # a box nobody ticked is a box too
        elif choice:
            answers.append(Answer.OTHER)
        elif not found or all(_NUMBER.fullmatch(v) for v in found):
            answers.append(None)  # ranks, numbers, or nothing to go on
        else:
            answers.append(Answer.MATRIX if shared else Answer.OPEN)  # a scale, or text boxes
    return answers


def _response(found: list[str]) -> Answer | None:
    """A "Response" column: a choice, a number on a scale, or (if it reads like prose) text."""
    if found and all(_NUMBER.fullmatch(v) for v in found):
        return Answer.RATING
    return None if _free_text(found) else Answer.SINGLE


def _kind(label: str) -> str | None:
    key = fold(label)
    if key in _OPEN:
        return "open"
    if key in _OTHER:
        return "other"
    return "response" if key in _RESPONSE else None


def _contact(labels: list[str]) -> dict[str, str]:
    fields = {label: _CONTACT.get(fold(label)) for label in labels}
    known = {label: field for label, field in fields.items() if field}
    return known if len(known) == len(labels) and len(labels) >= 2 else {}


def _free_text(values: list[str]) -> bool:
    return any("\n" in v or len(v) > 60 for v in values)


def _ids(rows: list[Sequence[str]]) -> bool:
    """Respondent and collector ids are long numbers, then the start and end dates."""
    return all(
        re.fullmatch(r"\d{8,}", cell_at(r, 0).strip())
        and re.fullmatch(r"\d{5,}", cell_at(r, 1).strip())
        and _DATE.fullmatch(cell_at(r, 2).strip())
        and _DATE.fullmatch(cell_at(r, 3).strip())
        for r in rows
    )


def _known_first(row1: list[str]) -> bool:
    """An export without responses: only the labels can tell."""
    return [_LABELS.get(fold(c)) for c in row1[:4]] == list(_META[:4])


def _filled(rows: Sequence[Sequence[str]]) -> list[Sequence[str]]:
    return [r for r in rows if any(c.strip() for c in r)]
