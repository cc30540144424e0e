"""Qualtrics exports: the current three-row header, its 2016-17 form and the legacy V1..V10 form.

Current exports have column ids in row 1, labels in row 2 (question text and metadata names, in
the interface language of whoever downloaded the file) and an ImportId object per column in
row 3: JSON since 2017, Python-style single quotes before. The legacy export has V1..V10 for the
metadata in row 1, field names in row 2 and a trailing comma on every line. Roles come from ids
and ImportIds, never from labels, so a German or Chinese download reads like an English one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..columns import Role
from .base import Answer, Column, Layout, metadata

TOOL = "Qualtrics"

_IMPORT_ID = re.compile(r"""^\s*\{\s*(["'])ImportId\1\s*:\s*(["'])(.*?)\2""")
_CHOICE_ID = re.compile(r"""(["'])choiceId\1\s*:\s*(["'])(.*?)\2""")
_RESPONSE_ID = re.compile(r"^R_[0-9A-Za-z]{5,20}$")
# Optional loop-and-merge prefix, question, side-by-side part, then what the column holds.
_QUESTION = re.compile(r"^(?:(\d+)_)?(QID\d+|Q\d+)(#\d+)?(?:[_-](.*))?$", re.IGNORECASE)
_ROW = re.compile(r"\d+(?:_\d+)*")
_CODES = re.compile(r"\d+(?:,\d+)+")  # numeric export of several choices: "1,3"
# The comma Qualtrics joins choices with: no space after it, and not inside a number.
_JOIN = re.compile(r"(?<!\d),(?!\s)|(?<=\d),(?![\s\d])")
_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)
_TAG = re.compile(r"</?[A-Za-z][^<>]*>")

_IGNORE = (Role.IGNORED, None)
_NAME = (Role.IDENTITY, "name")
_EMAIL = (Role.IDENTITY, "email")
_OTHER = (Role.IDENTITY, "other")
# Metadata by id, punctuation and case dropped: current ids, 2016-17 ids and ImportIds alike.
_META: dict[str, tuple[Role, str | None]] = {
    "startdate": _IGNORE,  # when the respondent opened the survey, not when it arrived
    "enddate": (Role.DATE, None),  # demoted when RecordedDate is there
    "recordeddate": (Role.DATE, None),
    "status": _IGNORE,
    "progress": _IGNORE,
    "duration": _IGNORE,
    "durationinseconds": _IGNORE,
    "finished": _IGNORE,
    "responseset": _IGNORE,
    "distributionchannel": _IGNORE,
    "locationaccuracy": _IGNORE,
    "responseid": (Role.ID, None),
    "recordid": (Role.ID, None),
    "ipaddress": _OTHER,
    "externalreference": _OTHER,  # panel ids and the like: they can name a person
    "externaldatareference": _OTHER,
    "locationlatitude": _OTHER,
    "locationlongitude": _OTHER,
    "name": _NAME,
    "recipientlastname": _NAME,
    "recipientfirstname": _NAME,
    "emailaddress": _EMAIL,
    "recipientemail": _EMAIL,
    "recipientphonenumber": (Role.IDENTITY, "phone"),
    "userlanguage": (Role.LANGUAGE, None),
    "qlanguage": (Role.LANGUAGE, None),
}
# The legacy export numbers its metadata V1..V10 in this order.
_LEGACY = ("responseid", "responseset", "name", "externaldatareference", "emailaddress",
           "ipaddress", "status", "startdate", "enddate", "finished")  # fmt: skip
# Parts of a question that Qualtrics adds itself: timing, meta info, display order, Text iQ.
_BOOKKEEPING = re.compile(
    r"(FIRST|LAST)_CLICK|PAGE_SUBMIT|CLICK_COUNT|BROWSER|VERSION|OS|OPERATING_SYSTEM|RESOLUTION"
    r"|DO(_.*)?|TEXT_.+|NPS_GROUP|TOTAL"
)


@dataclass
class _Cell:
    """One column's three header cells."""

    index: int
    id: str
    label: str
    import_id: str
    choice: str | None


class QualtricsProfile:
    tool = TOOL

    def recognise(self, head: Sequence[Sequence[str]]) -> Layout | None:
        if len(head) < 2 or not head[0]:
            return None
        first = [head[0][0].lstrip("\ufeff"), *head[0][1:]]
        quotes = _import_quotes(head[2]) if len(head) > 2 else None
        if quotes is not None:
            variant = "current export" if quotes == '"' else "2016-17 export"
            cells = _cells(first, head[1], head[2])
            return _layout(variant, 3, cells, head[3:])
        if _is_legacy(first, head):
            cells = _cells(first, head[1], ())
            layout = _layout("legacy export (V1..V10)", 2, cells, head[2:])
            layout.notes.append("the legacy export does not say which questions are text entry")
            if not first[-1].strip():
                layout.notes.append("the last column is empty: every line ends with a comma")
            return layout
        if _ids_only(first, head):
            cells = _cells(first, (), ())
            variant = "current export without its label and ImportId rows"
            return _layout(variant, 1, cells, head[1:])
        return None


PROFILE = QualtricsProfile()


def _import_quotes(row: Sequence[str]) -> str | None:
    """The quote the ImportId row is written with, if `row` is one."""
    values = [c for c in row if c.strip()]
    found = [m[1] for m in map(_IMPORT_ID.match, values) if m]
    if not found or len(found) * 2 < len(values):
        return None
    return '"' if found.count('"') * 2 >= len(found) else "'"


def _is_legacy(ids: Sequence[str], head: Sequence[Sequence[str]]) -> bool:
    if len(ids) < 11 or [c.strip() for c in ids[:10]] != [f"V{n}" for n in range(1, 11)]:
        return False
    # Row 2 names V1 "ResponseID" and data rows hold R_ ids, unlike a table whose columns an
    # R data frame named V1, V2, ...
    if _key(head[1][0] if head[1] else "") == "responseid":
        return True
    return any(row and _RESPONSE_ID.match(row[0].strip()) for row in head[2:])


def _ids_only(ids: Sequence[str], head: Sequence[Sequence[str]]) -> bool:
    """Row 1 of a current export over data rows: someone deleted rows 2 and 3."""
    keys = [_key(c) for c in ids]
    if "responseid" not in keys or sum(1 for k in keys if k in _META) < 4:
        return False
    at = keys.index("responseid")
    return len(head) > 1 and all(
        len(r) > at and _RESPONSE_ID.match(r[at].strip()) for r in head[1:] if any(r)
    )


def _cells(ids: Sequence[str], labels: Sequence[str], imports: Sequence[str]) -> list[_Cell]:
    width = max(len(ids), len(labels), len(imports))
    while width > 1 and not any(_at(row, width - 1) for row in (ids, labels, imports)):
        width -= 1
    cells: list[_Cell] = []
    for i in range(width):
        raw = _at(imports, i)
        found, choice = _IMPORT_ID.match(raw), _CHOICE_ID.search(raw)
        label = _TAG.sub("", _BREAK.sub("\n", _at(labels, i))).strip()  # older labels are HTML
        cells.append(
            _Cell(i, _at(ids, i), label, found[3] if found else "", choice[3] if choice else None)
        )
    return cells


def _layout(
    variant: str,
    header_rows: int,
    cells: list[_Cell],
    data: Sequence[Sequence[str]],
) -> Layout:
    columns: list[Column | None] = [None] * len(cells)
    groups: dict[tuple[str, ...], list[_Cell]] = {}
    for cell in cells:
        name = cell.label or cell.id
        meta = _metadata(cell, variant)
        if meta is not None:
            columns[cell.index] = metadata(name, cell.id, meta[0], f"Qualtrics: {cell.id}", meta[1])
            continue
        m = _QUESTION.match(cell.import_id or cell.id)
        if m:
            groups.setdefault((m[1] or "", m[2].upper(), m[3] or ""), []).append(cell)
        else:
            columns[cell.index] = _other(cell, name)
    ambiguous: list[str] = []
    joined: list[str] = []
    for group in groups.values():
        for cell in group:
            column = _question(cell, group, data)
            columns[cell.index] = column
            values = _values(data, cell.index)
            if column.answer is None and _kind(cell) == "whole" and _choices(values):
                ambiguous.append(cell.id)
            elif column.answer is Answer.MULTI and not all(
                _CODES.fullmatch(v) or v.isdigit() for v in values
            ):
                joined.append(cell.id)
    final = [c for c in columns if c is not None]
    if any(c.role is Role.DATE and _key(c.qid) == "recordeddate" for c in final):
        final = [_demote_end_date(c) for c in final]
    layout = Layout(TOOL, variant, header_rows, final, frozenset({"-99"}), multi_separator=",")
    layout.split_choices = split_choices
    if any("-99" in (c.strip() for c in row) for row in data):
        layout.notes.append("-99 is read as a skipped answer (Qualtrics' 'seen but unanswered')")
    if joined:
        layout.notes.append(
            "read as several choices, as Qualtrics joins them with a bare comma (a comma in a"
            f" choice's own text is followed by a space): {', '.join(joined)}"
        )
    if ambiguous:
        layout.notes.append(
            "Qualtrics writes the choices of a multiple-answer question into one cell joined by"
            " commas, and a single choice can contain a comma itself; the export does not say"
            f" which: check {', '.join(ambiguous)}"
        )
    return layout


def _metadata(cell: _Cell, variant: str) -> tuple[Role, str | None] | None:
    if cell.import_id and _QUESTION.match(cell.import_id):
        return None  # a question, whatever the user renamed its id to
    key = _key(cell.id)
    legacy = re.fullmatch(r"V(\d+)", cell.id.strip())
    if variant.startswith("legacy") and legacy and 1 <= int(legacy[1]) <= len(_LEGACY):
        key = _LEGACY[int(legacy[1]) - 1]
    if key in _META:
        return _META[key]
    imported = cell.import_id.split("-", 1)[-1]  # 2016-17: "panel-RecipientEmail"
    if _key(imported) in _META:
        return _META[_key(imported)]
    if cell.id.startswith("Q_"):
        return _IGNORE  # Q_RecaptchaScore, Q_RelevantID..., Q_TotalDuration: fraud checks
    if re.search(r"_DO(_|$)", cell.import_id or cell.id):
        return _IGNORE  # display order of blocks and flows
    return None


def _other(cell: _Cell, name: str) -> Column:
    if re.fullmatch(r"SC\d+", cell.id) or cell.import_id.startswith("SC_"):
        return Column(name, cell.id, None, "Qualtrics: score", answer=Answer.RATING)
    return Column(name, cell.id, None, "Qualtrics: embedded data or a field added to the export")


def _kind(cell: _Cell) -> str:
    m = _QUESTION.match(cell.import_id or cell.id)
    rest = (m[4] or "").upper().replace(" ", "_") if m else ""
    if not rest:
        return "option" if cell.choice else "whole"
    if rest == "TEXT":
        return "text"
    if re.fullmatch(r"\d+_TEXT", rest):
        return "other"
    if _ROW.fullmatch(rest):
        return "option" if cell.choice else "row"
    if _BOOKKEEPING.fullmatch(rest):
        return "bookkeeping"
    return "unknown"


def _question(cell: _Cell, group: list[_Cell], data: Sequence[Sequence[str]]) -> Column:
    name = cell.label or cell.id
    kind = _kind(cell)
    why = f"Qualtrics: {cell.id}" + (f" ({cell.import_id})" if cell.import_id else "")
    if kind == "bookkeeping":
        return Column(name, cell.id, Role.IGNORED, why + ", added by Qualtrics")
    parts = [c for c in group if _kind(c) != "bookkeeping"]
    question = _question_text([c.label for c in parts], cell.label, kind)
    values = _values(data, cell.index)
    answer: Answer | None = None
    option: str | None = None
    if kind == "text":
        answer = Answer.OPEN
    elif kind == "other":
        answer = Answer.OTHER
    elif kind == "row" and not cell.import_id and len(parts) > 1 and _flags(values):
        kind = "option"  # without ImportIds, split multiple answers show only as 1/0 columns
    elif kind == "row" and all(len(v) <= 60 and "\n" not in v and "@" not in v for v in values):
        answer = Answer.MATRIX
    elif kind == "whole" and values:
        # A question with an "other" text beside it is a choice (one, or several).
        other = any(_kind(c) == "other" for c in parts)
        if all(_CODES.fullmatch(v) or v.isdigit() for v in values):
            answer = Answer.MULTI if any("," in v for v in values) else None
        elif _joined(values):
            answer = Answer.MULTI
        if answer is None and other:
            answer = Answer.SINGLE
    if kind == "option":
        answer = Answer.OPTION
        cut = _last_separator(cell.label)
        option = cell.label[cut:].lstrip(" -") if cut > 0 else cell.choice
    return Column(name, cell.id, None, why, None, question, option, answer)


def _question_text(labels: list[str], label: str, kind: str) -> str | None:
    """The question a part belongs to: the labels' common text up to the last separator."""
    if len(labels) > 1:
        label = min(labels, key=len)
        while label and not all(other.startswith(label) for other in labels):
            label = label[:-1]
        if label in labels:  # legacy: the question's own column is labelled by the question
            return label.strip() or None
    elif kind == "other":
        label = label[: _last_separator(label)]  # "Question - Other - Text"
    elif kind not in ("row", "option"):
        return None
    cut = _last_separator(label)
    return (label[:cut].strip() or None) if cut > 0 else None


def _last_separator(label: str) -> int:
    """Where the last part of a label starts: " - " in current exports, "-" in legacy ones."""
    cut = label.rfind(" - ")
    return cut if cut >= 0 else label.rfind("-")


def split_choices(cell: str) -> list[str]:
    """The choices of a multiple-answer cell. Qualtrics joins them with a bare comma; a comma
    inside a choice is followed by a space ("Excel, Sheets") or sits in a number ("1,000")."""
    if _CODES.fullmatch(cell.strip()):
        return cell.split(",")
    return _JOIN.split(cell)


def _joined(values: list[str]) -> bool:
    """Choices joined by bare commas, rather than text typed in."""
    short = all(len(v) <= 80 and "\n" not in v for v in values)
    return short and any(len(split_choices(v)) > 1 for v in values)


def _choices(values: list[str]) -> bool:
    """Values that could be choices joined by commas, rather than text typed in."""
    return any("," in v for v in values) and all(len(v) <= 80 and "\n" not in v for v in values)


def _flags(values: list[str]) -> bool:
    return bool(values) and set(values) <= {"0", "1"}


def _demote_end_date(column: Column) -> Column:
    if _key(column.qid) != "enddate":
        return column
    why = f"Qualtrics: {column.qid} (RecordedDate is when the response arrived)"
    return metadata(column.header, column.qid, Role.IGNORED, why)


def _values(data: Sequence[Sequence[str]], index: int) -> list[str]:
    return [v for v in (_at(row, index).strip() for row in data) if v and v != "-99"]


def _at(row: Sequence[str], index: int) -> str:
    return row[index] if index < len(row) else ""


def _key(text: str) -> str:
    return re.sub(r"[^0-9a-z]", "", text.casefold())
